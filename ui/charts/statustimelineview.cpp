#include "statustimelineview.h"

#include "chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>

#include <cmath>

namespace syncdeck::ui::charts {

using qbusiness::SyncStatus;

namespace {
// Bottom to top: the healthy lane at the bottom, failures on top where the eye lands.
const QList<SyncStatus> &laneOrder()
{
    static const QList<SyncStatus> order = {
        SyncStatus::Succeeded,  SyncStatus::SyncingIndexing, SyncStatus::Syncing,
        SyncStatus::Stopping,   SyncStatus::Unknown,         SyncStatus::Aborted,
        SyncStatus::Incomplete, SyncStatus::Failed,
    };
    return order;
}
constexpr int MarkerPixels = 6; // one column of marks per this many pixels
constexpr int BandPadPixels = 6; // a band reaches this far beyond its first and last failure
constexpr int MinStreak = 3;
} // namespace

StatusTimelineView::StatusTimelineView(QWidget *parent)
    : RunChartView(parent)
{
    QChart *c = chart();
    c->legend()->hide(); // the lanes are labelled on the axis
    m_laneAxis = new QCategoryAxis(this);
    m_laneAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_laneAxis->setStartValue(0);
    c->addAxis(m_laneAxis, Qt::AlignLeft);

    m_streakUpper = new QLineSeries(this);
    m_streakLower = new QLineSeries(this);
    m_streaks = new QAreaSeries(m_streakUpper, m_streakLower);
    m_streaks->setName(tr("Failure streak"));
    c->addSeries(m_streaks);
    m_streaks->attachAxis(m_timeAxis);
    m_streaks->attachAxis(m_laneAxis);

    for (SyncStatus status : laneOrder()) {
        auto *series = new QScatterSeries;
        series->setName(statusLabel(status));
        series->setMarkerShape(statusShape(status));
        series->setMarkerSize(status == SyncStatus::Failed ? 11 : 9);
        c->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_laneAxis);
        m_series[size_t(status)] = series;
    }
    setLanes({SyncStatus::Succeeded, SyncStatus::Failed});
    attachHighlight();
}

StatusTimelineView::~StatusTimelineView() = default;

QScatterSeries *StatusTimelineView::statusSeries(SyncStatus status) const
{
    return m_series[size_t(status)];
}

int StatusTimelineView::laneOf(SyncStatus status) const
{
    return int(m_lanes.indexOf(status));
}

void StatusTimelineView::setLanes(const QList<SyncStatus> &lanes)
{
    if (lanes == m_lanes)
        return;
    m_lanes = lanes;
    const QStringList labels = m_laneAxis->categoriesLabels();
    for (const QString &label : labels)
        m_laneAxis->remove(label);
    for (int i = 0; i < lanes.size(); ++i)
        m_laneAxis->append(statusLabel(lanes[i]), i + 1);
    m_laneAxis->setRange(0, double(lanes.size()));
}

void StatusTimelineView::updateSeries(double fromMs, double toMs, int pixels)
{
    const auto *m = model();
    // Lanes: succeeded and failed always, other statuses once a plotted run has them.
    QList<SyncStatus> lanes;
    for (SyncStatus status : laneOrder()) {
        if (status == SyncStatus::Succeeded || status == SyncStatus::Failed
            || (m && m->plottableCount(status) > 0))
            lanes.append(status);
    }
    const int columns = std::max(1, pixels / MarkerPixels);
    const qbusiness::LaneMarks marks
        = m ? m->laneMarks(fromMs, toMs, columns) : qbusiness::LaneMarks {};
    std::array<QList<QPointF>, StatusCount> points;
    for (SyncStatus status : laneOrder()) {
        const int lane = int(lanes.indexOf(status));
        if (lane < 0)
            continue;
        const QList<double> &xs = marks[size_t(status)];
        QList<QPointF> &pts = points[size_t(status)];
        pts.reserve(xs.size());
        for (double x : xs)
            pts.append(QPointF(x, lane + 0.5));
    }
    // One rectangle per band, joined along the middle of the lane (zero height in between).
    QList<QPointF> upper, lower;
    const int failedLane = int(lanes.indexOf(SyncStatus::Failed));
    if (m && failedLane >= 0) {
        const double pad = (toMs - fromMs) / std::max(pixels, 1) * BandPadPixels;
        const double mid = failedLane + 0.5;
        for (const auto &[x0, x1] : m->failureBands(MinStreak, pad)) {
            upper << QPointF(x0, mid) << QPointF(x0, mid + 0.4) << QPointF(x1, mid + 0.4)
                  << QPointF(x1, mid);
            lower << QPointF(x0, mid) << QPointF(x0, mid - 0.4) << QPointF(x1, mid - 0.4)
                  << QPointF(x1, mid);
        }
    }

    beginApply();
    setLanes(lanes);
    m_displayedPoints = 0;
    for (SyncStatus status : laneOrder()) {
        const QList<QPointF> &pts = points[size_t(status)];
        QScatterSeries *series = m_series[size_t(status)];
        // A series whose marks did not move keeps its geometry: no replace(), no re-layout.
        if (pts != series->points())
            series->replace(pts);
        m_displayedPoints += int(pts.size());
    }
    m_streakUpper->replace(upper);
    m_streakLower->replace(lower);
}

QAbstractSeries *StatusTimelineView::referenceSeries() const
{
    return m_series[size_t(SyncStatus::Succeeded)];
}

QValueAxis *StatusTimelineView::valueAxis() const
{
    return m_laneAxis;
}

double StatusTimelineView::runY(int index) const
{
    return laneOf(model()->status(index)) + 0.5;
}

quint32 StatusTimelineView::statusMaskAt(const QPointF &value) const
{
    const int lane = int(std::floor(value.y()));
    if (lane < 0 || lane >= m_lanes.size())
        return 0;
    return qbusiness::statusBit(m_lanes[lane]);
}

void StatusTimelineView::applyColors()
{
    RunChartView::applyColors();
    const QPalette pal = palette();
    for (SyncStatus status : laneOrder()) {
        QScatterSeries *series = m_series[size_t(status)];
        series->setColor(statusColor(status, pal));
        series->setLightMarker(markerImage(statusShape(status), statusColor(status, pal),
                                           int(series->markerSize()), devicePixelRatioF()));
        // No outline: dense marks of one status merge into a calm band instead of a pattern.
        series->setBorderColor(Qt::transparent);
    }
    QColor band = statusColor(SyncStatus::Failed, pal);
    band.setAlpha(isDark(pal) ? 70 : 50);
    m_streaks->setBrush(band);
    m_streaks->setPen(Qt::NoPen);
}

} // namespace syncdeck::ui::charts
