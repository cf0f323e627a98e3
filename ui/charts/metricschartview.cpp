#include "metricschartview.h"

#include "chartstyle.h"
#include "qbusiness/runkpis.h"
#include "timeticks.h"

#include <QBarLegendMarker>
#include <QBarSet>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace syncdeck::ui::charts {

using qbusiness::ChartMetric;
using qbusiness::RunBucket;

namespace {
// Below this many pixels per point, point markers are drawn (and easy to click).
constexpr int PixelsPerMarker = 8;
// Bars narrower than this are unreadable: group runs into fewer, wider time buckets.
constexpr int MinBarPixels = 7;
constexpr int MaxBars = 240;

qint64 bucketValue(const RunBucket &b, int metric)
{
    switch (ChartMetric(metric)) {
    case ChartMetric::Added:
        return b.added;
    case ChartMetric::Modified:
        return b.modified;
    case ChartMetric::Deleted:
        return b.deleted;
    case ChartMetric::Failed:
        return b.failed;
    default:
        return 0;
    }
}

} // namespace

MetricsChartView::MetricsChartView(QWidget *parent)
    : RunChartView(parent)
{
    QChart *c = chart();
    m_countAxis = new QValueAxis(this);
    m_countAxis->setTitleText(tr("Documents per run"));
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_countAxis, Qt::AlignLeft);
    m_scannedAxis = new QValueAxis(this);
    m_scannedAxis->setTitleText(tr("Scanned"));
    m_scannedAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_scannedAxis->setGridLineVisible(false);
    c->addAxis(m_scannedAxis, Qt::AlignRight);
    m_bucketAxis = new QValueAxis(this);
    c->addAxis(m_bucketAxis, Qt::AlignBottom);
    m_bucketAxis->setVisible(false);

    for (int i = 0; i < LineMetrics; ++i) {
        auto *line = new QLineSeries;
        line->setName(metricName(ChartMetric(i)));
        c->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(ChartMetric(i) == ChartMetric::Scanned ? m_scannedAxis : m_countAxis);
        m_lines[size_t(i)] = line;
    }
    m_bars = new QStackedBarSeries;
    m_bars->setBarWidth(0.85);
    for (int i = 0; i < StackedMetrics; ++i) {
        auto *set = new QBarSet(metricName(ChartMetric(i)));
        m_bars->append(set);
        m_sets[size_t(i)] = set;
    }
    c->addSeries(m_bars);
    m_bars->attachAxis(m_bucketAxis);
    m_bars->attachAxis(m_countAxis);

    const QList<QLegendMarker *> markers = c->legend()->markers();
    for (QLegendMarker *marker : markers) {
        const int metric = metricOf(marker);
        if (metric < 0)
            continue;
        connect(marker, &QLegendMarker::clicked, this, [this, metric] {
            setMetricShown(ChartMetric(metric), !isMetricShown(ChartMetric(metric)));
        });
    }
    attachHighlight();
    applyVisibility();
}

MetricsChartView::~MetricsChartView() = default;

bool MetricsChartView::isMetricShown(ChartMetric metric) const
{
    const int i = int(metric);
    return i < LineMetrics && m_shown[size_t(i)];
}

QLineSeries *MetricsChartView::lineSeries(ChartMetric metric) const
{
    const int i = int(metric);
    return i < LineMetrics ? m_lines[size_t(i)] : nullptr;
}

void MetricsChartView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    applyVisibility();
    refreshNow();
    emit modeChanged(mode);
}

void MetricsChartView::setMetricShown(ChartMetric metric, bool shown)
{
    const int i = int(metric);
    if (i >= LineMetrics || m_shown[size_t(i)] == shown)
        return;
    m_shown[size_t(i)] = shown;
    applyVisibility();
    refreshNow();
}

void MetricsChartView::applyVisibility()
{
    const bool lines = m_mode == Mode::Lines;
    for (int i = 0; i < StackedMetrics; ++i)
        m_lines[size_t(i)]->setVisible(lines && m_shown[size_t(i)]);
    m_lines[size_t(ChartMetric::Scanned)]->setVisible(m_shown[size_t(ChartMetric::Scanned)]);
    m_bars->setVisible(!lines);
    // Hiding a series hides its legend entry too; keep the entries of the current mode visible
    // (dimmed when off) so they can be clicked back on.
    const QList<QLegendMarker *> markers = chart()->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (marker->series() == m_bars)
            marker->setVisible(!lines);
        for (int i = 0; i < LineMetrics; ++i) {
            if (marker->series() == m_lines[size_t(i)])
                marker->setVisible(lines || ChartMetric(i) == ChartMetric::Scanned);
        }
    }
    applyColors();
}

void MetricsChartView::applyColors()
{
    RunChartView::applyColors();
    const QPalette pal = palette();
    for (int i = 0; i < LineMetrics; ++i) {
        QPen pen(metricColor(ChartMetric(i), pal));
        // Dense lines are drawn 1 px wide: the raster engine's fast cosmetic stroker draws them
        // several times faster than a wide pen, and at one point per pixel width adds nothing.
        // Scanned is context on its own axis: a thin line that stays behind the counts.
        const ChartMetric metric = ChartMetric(i);
        pen.setCosmetic(true);
        pen.setWidthF(m_dense || metric == ChartMetric::Scanned ? 1.0
                          : metric == ChartMetric::Failed       ? 2.0
                                                                : 1.5);
        m_lines[size_t(i)]->setPen(pen);
    }
    for (int i = 0; i < StackedMetrics; ++i) {
        m_sets[size_t(i)]->setColor(metricColor(ChartMetric(i), pal));
        // No outline: it would be the fill's own colour, stroked around every one of the
        // hundreds of bars on each repaint.
        m_sets[size_t(i)]->setPen(Qt::NoPen);
    }
    const QList<QLegendMarker *> markers = chart()->legend()->markers();
    for (QLegendMarker *marker : markers) {
        const int metric = metricOf(marker);
        if (metric < 0)
            continue;
        const bool on = m_shown[size_t(metric)];
        QColor text = textColor(pal);
        QColor swatch = metricColor(ChartMetric(metric), pal);
        if (!on) {
            text.setAlpha(90);
            swatch.setAlpha(60);
        }
        marker->setLabelBrush(text);
        marker->setBrush(swatch);
        marker->setPen(QPen(swatch));
    }
}

QString MetricsChartView::bucketTitle(qint64 bucketMs)
{
    constexpr qint64 Hour = 3600LL * 1000;
    if (bucketMs == Hour)
        return tr("Documents per hour");
    if (bucketMs == 6 * Hour)
        return tr("Documents per 6 hours");
    if (bucketMs == 24 * Hour)
        return tr("Documents per day");
    const int weeks = int(bucketMs / (7 * 24 * Hour));
    return weeks == 1 ? tr("Documents per week") : tr("Documents per %1 weeks").arg(weeks);
}

void MetricsChartView::updateSeries(double fromMs, double toMs, int pixels)
{
    // M4 per four pixels: at most one point per pixel on average, every extreme kept.
    const int buckets = std::max(1, pixels / 4);
    const auto *m = model();
    auto maxY = [](const QList<QPointF> &pts) {
        double v = 0;
        for (const QPointF &p : pts)
            v = std::max(v, p.y());
        return v;
    };
    const bool lines = m_mode == Mode::Lines;
    std::array<QList<QPointF>, LineMetrics> points;
    double maxCount = 0;
    for (int i = 0; i < LineMetrics; ++i) {
        const bool wanted
            = m && m_shown[size_t(i)] && (lines || ChartMetric(i) == ChartMetric::Scanned);
        if (wanted)
            points[size_t(i)] = m->downsampled(ChartMetric(i), fromMs, toMs, buckets);
        if (ChartMetric(i) != ChartMetric::Scanned)
            maxCount = std::max(maxCount, maxY(points[size_t(i)]));
    }
    const double maxScanned = maxY(points[size_t(ChartMetric::Scanned)]);
    int bars = 0;
    if (!lines) {
        const int runs = m ? m->plottableCount() : 0;
        // Round buckets (an hour, six hours, a day, a week) that a reader can name.
        const int maxBars = std::clamp(std::min(pixels / MinBarPixels, runs), 1, MaxBars);
        m_bucketMs = charts::roundBucketMs(qint64(fromMs), qint64(toMs), maxBars);
        const qint64 span = std::max<qint64>(1, qint64(toMs - fromMs));
        if ((span + m_bucketMs - 1) / m_bucketMs > MaxBars) // years: whole weeks per bar
            m_bucketMs *= (span / m_bucketMs + MaxBars - 1) / MaxBars;
        bars = int((span + m_bucketMs - 1) / m_bucketMs);
        const double bucketsTo = fromMs + double(bars) * double(m_bucketMs);
        m_buckets = m ? m->buckets(fromMs, bucketsTo, bars) : QList<RunBucket>(bars);
        for (const RunBucket &b : std::as_const(m_buckets)) {
            double sum = 0;
            for (int i = 0; i < StackedMetrics; ++i)
                sum += m_shown[size_t(i)] ? double(bucketValue(b, i)) : 0.0;
            maxCount = std::max(maxCount, sum);
        }
    }

    beginApply();
    bool dense = false;
    for (const QList<QPointF> &pts : points)
        dense = dense || pts.size() > pixels / 10;
    if (dense != m_dense) {
        m_dense = dense;
        applyColors();
    }
    setNiceRange(m_countAxis, maxCount);
    setNiceRange(m_scannedAxis, maxScanned);
    m_displayedPoints = 0;
    for (int i = 0; i < LineMetrics; ++i) {
        const QList<QPointF> &pts = points[size_t(i)];
        if (pts.isEmpty())
            continue;
        QLineSeries *line = m_lines[size_t(i)];
        line->setPointsVisible(pts.size() <= pixels / PixelsPerMarker);
        line->replace(pts);
        m_displayedPoints += int(pts.size());
    }
    if (!lines) {
        m_bucketAxis->setRange(-0.5, bars - 0.5);
        m_countAxis->setTitleText(bucketTitle(m_bucketMs));
        for (int i = 0; i < StackedMetrics; ++i) {
            QList<qreal> values;
            values.reserve(bars);
            for (const RunBucket &b : std::as_const(m_buckets))
                values.append(m_shown[size_t(i)] ? qreal(bucketValue(b, i)) : 0.0);
            QBarSet *set = m_sets[size_t(i)];
            set->remove(0, set->count());
            set->append(values);
        }
        m_displayedPoints += bars * StackedMetrics;
    } else {
        m_countAxis->setTitleText(tr("Documents per run"));
        if (!m_buckets.isEmpty()) {
            m_buckets.clear();
            for (QBarSet *set : m_sets)
                set->remove(0, set->count());
        }
    }
}

int MetricsChartView::displayedPointCount() const
{
    return m_displayedPoints;
}

QAbstractSeries *MetricsChartView::referenceSeries() const
{
    return m_lines[size_t(ChartMetric::Added)];
}

double MetricsChartView::runY(int index) const
{
    return model()->value(index, ChartMetric::Added).value_or(0);
}

int MetricsChartView::metricOf(QLegendMarker *marker) const
{
    int metric = -1;
    for (int i = 0; i < LineMetrics; ++i) {
        if (marker->series() == m_lines[size_t(i)])
            metric = i;
    }
    if (auto *bar = qobject_cast<QBarLegendMarker *>(marker)) {
        for (int i = 0; i < StackedMetrics; ++i) {
            if (bar->barset() == m_sets[size_t(i)])
                metric = i;
        }
    }
    return metric;
}

int MetricsChartView::bucketAt(const QPoint &viewportPos) const
{
    if (m_buckets.isEmpty())
        return -1;
    const QPointF pos = toChart(viewportPos);
    if (!chart()->plotArea().contains(pos))
        return -1;
    const double x = chart()->mapToValue(pos, m_bars).x();
    const int i = int(std::lround(x));
    return i >= 0 && i < m_buckets.size() ? i : -1;
}

int MetricsChartView::runAt(const QPoint &viewportPos) const
{
    if (m_mode == Mode::Lines)
        return RunChartView::runAt(viewportPos);
    const int b = bucketAt(viewportPos);
    return b < 0 ? -1 : m_buckets[b].representative;
}

QString MetricsChartView::toolTipAt(const QPoint &viewportPos, int index) const
{
    const int b = m_mode == Mode::StackedBars ? bucketAt(viewportPos) : -1;
    if (b < 0 || m_buckets[b].runs <= 1)
        return RunChartView::toolTipAt(viewportPos, index);
    const RunBucket &bucket = m_buckets[b];
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    const QLocale locale;
    QString html = QStringLiteral("<qt><b>") + tr("%n runs", nullptr, bucket.runs)
        + QStringLiteral("</b> ")
        + tr("%1 to %2")
              .arg(QDateTime::fromMSecsSinceEpoch(qint64(bucket.fromMs)).toString(format),
                   QDateTime::fromMSecsSinceEpoch(qint64(bucket.toMs)).toString(format));
    if (bucket.failedRuns > 0)
        html += QStringLiteral("<br>") + tr("%n failed", nullptr, bucket.failedRuns);
    html += QStringLiteral("<br>")
        + tr("Added %1 · Modified %2 · Deleted %3 · Failed %4")
              .arg(locale.toString(bucket.added), locale.toString(bucket.modified),
                   locale.toString(bucket.deleted), locale.toString(bucket.failed));
    html += QStringLiteral("<br>")
        + tr("Click selects %1").arg(model()->job(index).executionId.toHtmlEscaped());
    return html + QStringLiteral("</qt>");
}

} // namespace syncdeck::ui::charts
