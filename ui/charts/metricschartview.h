#pragma once

#include "runchartview.h"

#include <array>

class QBarSet;
class QLegendMarker;
class QStackedBarSeries;

namespace syncdeck::ui::charts {

// Documents added, modified, deleted and failed per run (lines, or stacked bars per time
// bucket), with documents scanned as a line on its own right-hand axis. Clicking a legend entry
// hides or shows that metric.
class MetricsChartView : public RunChartView
{
    Q_OBJECT
public:
    enum class Mode { Lines, StackedBars };
    Q_ENUM(Mode)

    explicit MetricsChartView(QWidget *parent = nullptr);
    ~MetricsChartView() override;

    Mode mode() const { return m_mode; }
    bool isMetricShown(qbusiness::ChartMetric metric) const;
    QLineSeries *lineSeries(qbusiness::ChartMetric metric) const;
    QStackedBarSeries *barSeries() const { return m_bars; }
    QValueAxis *countAxis() const { return m_countAxis; }
    QValueAxis *scannedAxis() const { return m_scannedAxis; }
    int barCount() const { return int(m_buckets.size()); }
    int displayedPointCount() const override;
    int runAt(const QPoint &viewportPos) const override;

public slots:
    void setMode(syncdeck::ui::charts::MetricsChartView::Mode mode);
    void setMetricShown(syncdeck::qbusiness::ChartMetric metric, bool shown);

signals:
    void modeChanged(syncdeck::ui::charts::MetricsChartView::Mode mode);

protected:
    void updateSeries(double fromMs, double toMs, int pixels) override;
    QAbstractSeries *referenceSeries() const override;
    QValueAxis *valueAxis() const override { return m_countAxis; }
    double runY(int index) const override;
    QString toolTipAt(const QPoint &viewportPos, int index) const override;
    void applyColors() override;

private:
    // The count axis' title for bars of bucketMs.
    static QString bucketTitle(qint64 bucketMs);
    static constexpr int StackedMetrics = 4; // added, modified, deleted, failed
    static constexpr int LineMetrics = 5; // and scanned
    int bucketAt(const QPoint &viewportPos) const;
    // The metric a legend marker stands for (a line's or a bar set's), -1 for none.
    int metricOf(QLegendMarker *marker) const;
    void updateMarker(qbusiness::ChartMetric metric);
    void applyVisibility();

    Mode m_mode = Mode::Lines;
    std::array<bool, LineMetrics> m_shown {true, true, true, true, true};
    std::array<QLineSeries *, LineMetrics> m_lines {};
    std::array<QBarSet *, StackedMetrics> m_sets {};
    QStackedBarSeries *m_bars = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QValueAxis *m_scannedAxis = nullptr;
    QValueAxis *m_bucketAxis = nullptr; // hidden: bar i sits at x = i, aligned with the time axis
    QList<qbusiness::RunBucket> m_buckets;
    qint64 m_bucketMs = 0; // the width of a bar's bucket
    int m_displayedPoints = 0;
    bool m_dense = false; // more points than a tenth of the plot width: thin pens
};

} // namespace syncdeck::ui::charts
