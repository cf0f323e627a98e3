#pragma once

#include "runchartview.h"

#include <array>

class QAreaSeries;
class QCategoryAxis;
class QScatterSeries;

namespace syncdeck::ui::charts {

// One mark per run in a lane per status; each status has its own colour and marker shape, so
// the chart reads without colour too. Streaks of three or more failures get a band behind them.
class StatusTimelineView : public RunChartView
{
    Q_OBJECT
public:
    explicit StatusTimelineView(QWidget *parent = nullptr);
    ~StatusTimelineView() override;

    QScatterSeries *statusSeries(qbusiness::SyncStatus status) const;
    QAreaSeries *streakBand() const { return m_streaks; }
    // Lanes bottom to top.
    QList<qbusiness::SyncStatus> lanes() const { return m_lanes; }
    int displayedPointCount() const override { return m_displayedPoints; }

protected:
    void updateSeries(double fromMs, double toMs, int pixels) override;
    QAbstractSeries *referenceSeries() const override;
    QValueAxis *valueAxis() const override;
    double runY(int index) const override;
    quint32 statusMaskAt(const QPointF &value) const override;
    void applyColors() override;

private:
    static constexpr int StatusCount = qbusiness::SyncStatusCount;
    int laneOf(qbusiness::SyncStatus status) const;
    void setLanes(const QList<qbusiness::SyncStatus> &lanes);

    QCategoryAxis *m_laneAxis = nullptr;
    std::array<QScatterSeries *, StatusCount> m_series {};
    QAreaSeries *m_streaks = nullptr;
    QLineSeries *m_streakUpper = nullptr;
    QLineSeries *m_streakLower = nullptr;
    QList<qbusiness::SyncStatus> m_lanes;
    int m_displayedPoints = 0;
};

} // namespace syncdeck::ui::charts
