#include "chartstyle.h"

#include "qbusiness/syncjobmodel.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QPainter>
#include <QPalette>
#include <QtMath>

#include <cmath>

namespace syncdeck::ui::charts {

using qbusiness::ChartMetric;
using qbusiness::SyncStatus;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor textColor(const QPalette &palette)
{
    return palette.color(QPalette::WindowText);
}

QColor gridColor(const QPalette &palette)
{
    QColor c = textColor(palette);
    c.setAlpha(isDark(palette) ? 55 : 40);
    return c;
}

QColor metricColor(ChartMetric metric, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (metric) {
    case ChartMetric::Added:
        return QColor(0x00, 0x9E, 0x73);
    case ChartMetric::Modified:
        return dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    case ChartMetric::Deleted:
        return QColor(0xCC, 0x79, 0xA7);
    case ChartMetric::Failed:
        return dark ? QColor(0xFF, 0x6E, 0x2E) : QColor(0xD5, 0x5E, 0x00);
    case ChartMetric::Scanned: {
        QColor c = textColor(palette);
        c.setAlpha(110);
        return c;
    }
    case ChartMetric::DurationSeconds:
        return dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    }
    return textColor(palette);
}

QString metricName(ChartMetric metric)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("syncdeck::ui::charts", text);
    };
    switch (metric) {
    case ChartMetric::Added:
        return tr("Added");
    case ChartMetric::Modified:
        return tr("Modified");
    case ChartMetric::Deleted:
        return tr("Deleted");
    case ChartMetric::Failed:
        return tr("Failed");
    case ChartMetric::Scanned:
        return tr("Scanned");
    case ChartMetric::DurationSeconds:
        return tr("Duration");
    }
    return {};
}

QColor statusColor(SyncStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case SyncStatus::Succeeded:
        return QColor(0x00, 0x9E, 0x73);
    case SyncStatus::Failed:
        return dark ? QColor(0xFF, 0x6E, 0x2E) : QColor(0xD5, 0x5E, 0x00);
    case SyncStatus::Incomplete:
        return QColor(0xE6, 0x9F, 0x00);
    case SyncStatus::Aborted:
        return QColor(0xCC, 0x79, 0xA7);
    case SyncStatus::Syncing:
        return QColor(0x56, 0xB4, 0xE9);
    case SyncStatus::SyncingIndexing:
        return dark ? QColor(0x8C, 0xC8, 0xF0) : QColor(0x00, 0x72, 0xB2);
    case SyncStatus::Stopping:
    case SyncStatus::Unknown: {
        QColor c = textColor(palette);
        c.setAlpha(170);
        return c;
    }
    }
    return textColor(palette);
}

QScatterSeries::MarkerShape statusShape(SyncStatus status)
{
    switch (status) {
    case SyncStatus::Succeeded:
        return QScatterSeries::MarkerShapeCircle;
    case SyncStatus::Failed:
        return QScatterSeries::MarkerShapeTriangle;
    case SyncStatus::Incomplete:
        return QScatterSeries::MarkerShapeRotatedRectangle;
    case SyncStatus::Aborted:
        return QScatterSeries::MarkerShapeStar;
    case SyncStatus::Syncing:
    case SyncStatus::SyncingIndexing:
        return QScatterSeries::MarkerShapePentagon;
    case SyncStatus::Stopping:
    case SyncStatus::Unknown:
        return QScatterSeries::MarkerShapeRectangle;
    }
    return QScatterSeries::MarkerShapeRectangle;
}

QImage markerImage(QScatterSeries::MarkerShape shape, const QColor &color, int size, qreal dpr)
{
    QImage image(QSize(size, size) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const QRectF r(0.5, 0.5, size - 1.0, size - 1.0);
    const QPointF c = r.center();
    auto polygon = [&](int corners, double startDegrees, double inner) {
        QPolygonF poly;
        const int n = inner > 0 ? corners * 2 : corners;
        for (int i = 0; i < n; ++i) {
            const double radius = (inner > 0 && i % 2) ? r.width() / 2 * inner : r.width() / 2;
            const double a = qDegreesToRadians(startDegrees + 360.0 * i / n);
            poly << QPointF(c.x() + radius * std::cos(a), c.y() + radius * std::sin(a));
        }
        p.drawPolygon(poly);
    };
    switch (shape) {
    case QScatterSeries::MarkerShapeCircle:
        p.drawEllipse(r);
        break;
    case QScatterSeries::MarkerShapeRectangle:
        p.drawRect(r.adjusted(1, 1, -1, -1));
        break;
    case QScatterSeries::MarkerShapeRotatedRectangle:
        polygon(4, -90, 0);
        break;
    case QScatterSeries::MarkerShapeTriangle:
        p.drawPolygon(QPolygonF {QPointF(c.x(), r.top()), r.bottomRight(), r.bottomLeft()});
        break;
    case QScatterSeries::MarkerShapeStar:
        polygon(5, -90, 0.45);
        break;
    case QScatterSeries::MarkerShapePentagon:
        polygon(5, -90, 0);
        break;
    }
    return image;
}

QString statusLabel(SyncStatus status)
{
    if (status == SyncStatus::Unknown)
        return QCoreApplication::translate("syncdeck::ui::charts", "Other");
    // The table's words for a status ("Syncing (indexing)"), not the wire's SYNCING_INDEXING.
    return qbusiness::SyncJobModel::statusText(qbusiness::syncStatusToWire(status));
}

void applyPalette(QChart *chart, const QPalette &palette)
{
    const QColor text = textColor(palette);
    const QColor grid = gridColor(palette);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        QColor line = grid;
        line.setAlpha(std::min(255, grid.alpha() * 3));
        axis->setLinePenColor(line);
    }
}

} // namespace syncdeck::ui::charts
