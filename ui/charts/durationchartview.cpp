#include "durationchartview.h"

#include "chartstyle.h"

#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace syncdeck::ui::charts {

using qbusiness::ChartMetric;
using qbusiness::SyncStatus;

DurationChartView::DurationChartView(QWidget *parent)
    : RunChartView(parent)
{
    QChart *c = chart();
    m_minutesAxis = new QValueAxis(this);
    m_minutesAxis->setTitleText(tr("Duration (min)"));
    m_minutesAxis->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_minutesAxis, Qt::AlignLeft);
    m_line = new QLineSeries;
    m_line->setName(tr("Duration"));
    c->addSeries(m_line);
    m_line->attachAxis(m_timeAxis);
    m_line->attachAxis(m_minutesAxis);
    m_failed = new QScatterSeries;
    m_failed->setName(tr("Failed run"));
    m_failed->setMarkerShape(statusShape(SyncStatus::Failed));
    m_failed->setMarkerSize(10);
    c->addSeries(m_failed);
    m_failed->attachAxis(m_timeAxis);
    m_failed->attachAxis(m_minutesAxis);
    attachHighlight();
}

DurationChartView::~DurationChartView() = default;

void DurationChartView::updateSeries(double fromMs, double toMs, int pixels)
{
    const auto *m = model();
    QList<QPointF> line, failed;
    if (m) {
        line = m->downsampled(ChartMetric::DurationSeconds, fromMs, toMs, std::max(1, pixels / 4));
        // Failed marks are big: at most one group of four per six pixels.
        failed = m->downsampled(ChartMetric::DurationSeconds, fromMs, toMs,
                                std::max(1, pixels / 24), qbusiness::statusBit(SyncStatus::Failed));
    }
    double max = 1;
    for (QPointF &p : line) {
        p.setY(p.y() / 60.0);
        max = std::max(max, p.y());
    }
    for (QPointF &p : failed)
        p.setY(p.y() / 60.0);
    beginApply();
    const bool dense = line.size() > pixels / 10;
    if (dense != m_dense) {
        m_dense = dense;
        applyColors();
    }
    setNiceRange(m_minutesAxis, max);
    m_line->replace(line);
    m_failed->replace(failed);
    m_displayedPoints = int(line.size() + failed.size());
}

QAbstractSeries *DurationChartView::referenceSeries() const
{
    return m_line;
}

double DurationChartView::runY(int index) const
{
    return model()->value(index, ChartMetric::DurationSeconds).value_or(0) / 60.0;
}

void DurationChartView::applyColors()
{
    RunChartView::applyColors();
    const QPalette pal = palette();
    QPen pen(metricColor(ChartMetric::DurationSeconds, pal));
    pen.setCosmetic(true); // see MetricsChartView::applyColors
    pen.setWidthF(m_dense ? 1.0 : 1.5);
    m_line->setPen(pen);
    m_failed->setColor(statusColor(SyncStatus::Failed, pal));
    m_failed->setLightMarker(markerImage(statusShape(SyncStatus::Failed),
                                         statusColor(SyncStatus::Failed, pal),
                                         int(m_failed->markerSize()), devicePixelRatioF()));
    m_failed->setBorderColor(pal.color(QPalette::Base));
}

} // namespace syncdeck::ui::charts
