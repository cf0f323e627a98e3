#include "runchartview.h"

#include "chartstyle.h"
#include "qbusiness/runkpis.h"

#include <QAccessibleWidget>
#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace syncdeck::ui::charts {

using qbusiness::ChartMetric;
using qbusiness::RunHistory;

namespace {
constexpr double HitRadiusPx = 8.0;
constexpr qint64 HourMs = 3600 * 1000;

// A chart is a chart to assistive tools (AT-SPI "chart", UIA/MSAA chart), not the "filler" a
// scroll area's default role makes it; its name and description come from ChartSummary. Its
// children are those of a scroll area: the viewport and the scroll bars while shown (not the
// hidden scroll bar containers every widget child would add).
class ChartAccessible : public QAccessibleWidget
{
public:
    explicit ChartAccessible(QAbstractScrollArea *view)
        : QAccessibleWidget(view, QAccessible::Chart)
    { }

    int childCount() const override { return int(parts().size()); }
    QAccessibleInterface *child(int index) const override
    {
        const QList<QWidget *> all = parts();
        return index >= 0 && index < all.size() ? QAccessible::queryAccessibleInterface(all[index])
                                                : nullptr;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        return child ? int(parts().indexOf(qobject_cast<QWidget *>(child->object()))) : -1;
    }

private:
    QList<QWidget *> parts() const
    {
        const auto *view = static_cast<const QAbstractScrollArea *>(widget());
        QList<QWidget *> out = {view->viewport()};
        for (const QScrollBar *bar : {view->horizontalScrollBar(), view->verticalScrollBar()}) {
            if (bar->isVisible())
                out.append(bar->parentWidget());
        }
        return out;
    }
};

QAccessibleInterface *chartAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String(RunChartView::staticMetaObject.className()))
        return new ChartAccessible(static_cast<RunChartView *>(object));
    return nullptr;
}
} // namespace

RunChartView::RunChartView(QWidget *parent)
    : QChartView(parent)
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(chartAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled)
    setRenderHint(QPainter::Antialiasing);
    // Chart items move on every update: a BSP index of them costs more than it saves.
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    // One rectangle around everything that changed, not the exact union of the series' shapes:
    // with two dense series on different axes that union is a complex region, and clipping to
    // it made Qt's raster engine hand each line segment to its thread pool - 40-80 ms per page
    // update between 4,000 and 12,000 runs instead of about 10 ms.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setMinimumSize(320, 180);
    chart()->setMargins(QMargins(6, 6, 6, 6));
    chart()->legend()->setAlignment(Qt::AlignTop);
    m_timeAxis = new QDateTimeAxis(this);
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    // The chart lays out after a resize: once the plot width is known, re-bucket for it. Queued
    // and coalesced: the plot area also changes inside our own axis updates.
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        if (m_rebucketQueued || std::abs(int(plot.width()) - m_bucketedWidth) <= 8)
            return;
        m_rebucketQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_rebucketQueued = false;
                if (std::abs(plotWidthPixels() - m_bucketedWidth) > 8)
                    refresh();
            },
            Qt::QueuedConnection);
    });
}

RunChartView::~RunChartView() = default;

void RunChartView::attachHighlight()
{
    m_highlightLine = new QLineSeries(this);
    m_highlightLine->setName(tr("Selected run"));
    chart()->addSeries(m_highlightLine);
    m_highlightLine->attachAxis(m_timeAxis);
    m_highlightLine->attachAxis(valueAxis());
    for (QLegendMarker *marker : chart()->legend()->markers(m_highlightLine))
        marker->setVisible(false);
    applyColors();
}

void RunChartView::setModel(RunHistory *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    if (model) {
        m_modelConnections = {
            connect(model, &RunHistory::jobsAppended, this, &RunChartView::refresh),
            connect(model, &RunHistory::jobsUpdated, this, &RunChartView::refresh),
            connect(model, &RunHistory::cleared, this, &RunChartView::refresh),
        };
    }
    refresh();
}

QSize RunChartView::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 80, metrics.height() * 20};
}

void RunChartView::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_refreshQueue) {
        refreshNow();
        return;
    }
    m_refreshQueue->post(this, [this] {
        if (isVisible())
            refreshNow();
        else
            m_stale = true; // hidden while it waited: it catches up when shown
    });
}

void RunChartView::refreshNow()
{
    m_stale = false;
    const bool hasData = m_model && m_model->plottableCount() > 0;
    if (hasData) {
        const double first = double(m_model->firstStartMs());
        const double last = double(m_model->lastStartMs());
        const double pad = std::max((last - first) * 0.02, double(HourMs) / 2);
        m_fromMs = first - pad;
        m_toMs = last + pad;
    } else {
        // An empty chart still shows a sensible day rather than 1970.
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        m_fromMs = now - 24.0 * HourMs;
        m_toMs = now;
    }
    // The axis spans whole calendar steps, so each tick names the boundary it stands on.
    m_ticks = calendarTicks(qint64(m_fromMs), qint64(m_toMs),
                            std::clamp(plotWidthPixels() / 110, 2, 10));
    m_fromMs = double(m_ticks.fromMs);
    m_toMs = double(m_ticks.toMs);
    m_bucketedWidth = plotWidthPixels();
    updateSeries(m_fromMs, m_toMs, m_bucketedWidth);
    placeHighlight();
}

void RunChartView::beginApply()
{
    const QList<QAbstractSeries *> all = chart()->series();
    for (QAbstractSeries *series : all) {
        // Lines and areas: emptied (their geometry is a path stroke). Scatter series keep their
        // points: emptying them would delete and recreate one graphics item per mark.
        if (series->type() == QAbstractSeries::SeriesTypeScatter)
            continue;
        if (auto *xy = qobject_cast<QXYSeries *>(series); xy && xy->count())
            xy->clear();
        if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            if (area->upperSeries() && area->upperSeries()->count())
                area->upperSeries()->clear();
            if (area->lowerSeries() && area->lowerSeries()->count())
                area->lowerSeries()->clear();
        }
    }
    updateTimeAxis();
}

void RunChartView::setNiceRange(QValueAxis *axis, double max)
{
    constexpr int Ticks = 5;
    // The axes count documents and minutes and print whole numbers: a step is at least 1 (an
    // empty chart reads 0 1 2 3 4, not 0 0 1 1 1).
    const double raw = std::max(max, double(Ticks - 1)) / (Ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    // Steps of 1, 2, 2.5, 5 or 10. Finer steps (1.5, 3, 4...) fill more of the height, and the
    // time to draw a dense line grows with the height it covers: measured 3x at 20,000 runs.
    // 2.5 only where it stays whole (25, 250...): 2.5 itself would print as 2 or 3.
    double nice = 10;
    for (double step : {1.0, 2.0, 2.5, 5.0}) {
        if (step == 2.5 && magnitude < 10)
            continue;
        if (norm <= step) {
            nice = step;
            break;
        }
    }
    const double top = nice * magnitude * (Ticks - 1);
    if (axis->tickCount() != Ticks)
        axis->setTickCount(Ticks);
    if (axis->min() != 0 || axis->max() != top)
        axis->setRange(0, top);
}

void RunChartView::updateTimeAxis()
{
    if (m_timeAxis->format() != m_ticks.format)
        m_timeAxis->setFormat(m_ticks.format);
    if (m_timeAxis->tickCount() != m_ticks.tickCount)
        m_timeAxis->setTickCount(m_ticks.tickCount);
    if (m_timeAxis->titleText() != m_ticks.title)
        m_timeAxis->setTitleText(m_ticks.title);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(m_fromMs)),
                         QDateTime::fromMSecsSinceEpoch(qint64(m_toMs)));
}

int RunChartView::plotWidthPixels() const
{
    const int plot = int(chart()->plotArea().width());
    // Before the first layout the plot area is empty: estimate from the widget.
    return std::max(plot > 10 ? plot : width() - 120, 50);
}

void RunChartView::highlightRun(const QString &executionId)
{
    m_highlighted = executionId;
    placeHighlight();
}

void RunChartView::placeHighlight()
{
    if (!m_highlightLine)
        return;
    const int index = m_model && !m_highlighted.isEmpty() ? m_model->indexOf(m_highlighted) : -1;
    if (index < 0 || index < m_model->firstPlottable()) {
        m_highlightLine->clear();
        return;
    }
    const double x = double(m_model->startMs(index));
    QValueAxis *axis = valueAxis();
    m_highlightLine->replace(QList<QPointF> {{x, axis->min()}, {x, axis->max()}});
}

QPointF RunChartView::toChart(const QPoint &viewportPos) const
{
    return chart()->mapFromScene(mapToScene(viewportPos));
}

quint32 RunChartView::statusMaskAt(const QPointF &) const
{
    return qbusiness::AllStatuses;
}

int RunChartView::runAt(const QPoint &viewportPos) const
{
    if (!m_model || m_model->plottableCount() == 0)
        return -1;
    const QPointF pos = toChart(viewportPos);
    const QRectF plot
        = chart()->plotArea().adjusted(-HitRadiusPx, -HitRadiusPx, HitRadiusPx, HitRadiusPx);
    if (!plot.contains(pos))
        return -1;
    QAbstractSeries *series = referenceSeries();
    const QPointF value = chart()->mapToValue(pos, series);
    const int index = m_model->nearestIndex(value.x(), statusMaskAt(value));
    if (index < 0)
        return -1;
    const QPointF at
        = chart()->mapToPosition(QPointF(double(m_model->startMs(index)), value.y()), series);
    return std::abs(at.x() - pos.x()) <= HitRadiusPx ? index : -1;
}

std::optional<QPoint> RunChartView::viewportPositionOf(int index) const
{
    if (!m_model || index < m_model->firstPlottable() || index >= m_model->count())
        return std::nullopt;
    const QPointF value(double(m_model->startMs(index)), runY(index));
    const QPointF inChart = chart()->mapToPosition(value, referenceSeries());
    return mapFromScene(chart()->mapToScene(inChart));
}

QString RunChartView::toolTipForRun(int index) const
{
    const qbusiness::SyncJob &job = m_model->job(index);
    auto n = [](const std::optional<qint64> &v) {
        return v ? QLocale().toString(*v) : QStringLiteral("–");
    };
    QString html = QStringLiteral("<qt><b>%1</b> %2<br>")
                       .arg(job.status.toHtmlEscaped(), job.executionId.toHtmlEscaped());
    html += tr("Started %1")
                .arg(job.startTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")));
    if (const auto d = m_model->value(index, ChartMetric::DurationSeconds))
        html += QStringLiteral(" · ") + tr("took %1").arg(qbusiness::formatDuration(qint64(*d)));
    else if (!job.endTime.isValid())
        html += QStringLiteral(" · ") + tr("still running");
    html += QStringLiteral("<br>")
        + tr("Added %1 · Modified %2 · Deleted %3 · Failed %4 · Scanned %5")
              .arg(n(job.metrics.documentsAdded), n(job.metrics.documentsModified),
                   n(job.metrics.documentsDeleted), n(job.metrics.documentsFailed),
                   n(job.metrics.documentsScanned));
    if (!job.errorCode.isEmpty() || !job.errorMessage.isEmpty()) {
        html += QStringLiteral("<br>")
            + tr("Error %1: %2")
                  .arg(job.errorCode.toHtmlEscaped(), job.errorMessage.toHtmlEscaped());
    }
    return html + QStringLiteral("</qt>");
}

QString RunChartView::toolTipAt(const QPoint &, int index) const
{
    return toolTipForRun(index);
}

void RunChartView::applyColors()
{
    applyPalette(chart(), palette());
    if (m_highlightLine) {
        QPen pen(palette().color(QPalette::Highlight));
        pen.setWidthF(2.0);
        pen.setStyle(Qt::DashLine);
        m_highlightLine->setPen(pen);
    }
}

void RunChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const int index = runAt(event->position().toPoint());
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       toolTipAt(event->position().toPoint(), index), viewport());
}

void RunChartView::mousePressEvent(QMouseEvent *event)
{
    QChartView::mousePressEvent(event);
    m_pressPos = event->position().toPoint();
}

void RunChartView::mouseReleaseEvent(QMouseEvent *event)
{
    QChartView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() > 4) // a drag, not a click
        return;
    const int index = runAt(pos);
    if (index < 0)
        return;
    const QString id = m_model->job(index).executionId;
    highlightRun(id);
    emit runActivated(id);
}

void RunChartView::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

void RunChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // Bucket counts follow the plot width.
    refresh();
}

void RunChartView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    if (m_stale)
        refreshNow();
}

void RunChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace syncdeck::ui::charts
