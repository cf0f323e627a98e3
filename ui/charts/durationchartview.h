#pragma once

#include "runchartview.h"

class QScatterSeries;

namespace syncdeck::ui::charts {

// How long each finished run took, over time; failed runs are marked on the line.
class DurationChartView : public RunChartView
{
    Q_OBJECT
public:
    explicit DurationChartView(QWidget *parent = nullptr);
    ~DurationChartView() override;

    QLineSeries *durationSeries() const { return m_line; }
    QScatterSeries *failedSeries() const { return m_failed; }
    QValueAxis *minutesAxis() const { return m_minutesAxis; }
    int displayedPointCount() const override { return m_displayedPoints; }

protected:
    void updateSeries(double fromMs, double toMs, int pixels) override;
    QAbstractSeries *referenceSeries() const override;
    QValueAxis *valueAxis() const override { return m_minutesAxis; }
    double runY(int index) const override;
    void applyColors() override;

private:
    QValueAxis *m_minutesAxis = nullptr;
    QLineSeries *m_line = nullptr;
    QScatterSeries *m_failed = nullptr;
    int m_displayedPoints = 0;
    bool m_dense = false;
};

} // namespace syncdeck::ui::charts
