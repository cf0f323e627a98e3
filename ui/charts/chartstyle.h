#pragma once

#include "qbusiness/runhistory.h"

#include <QColor>
#include <QScatterSeries>

class QChart;
class QPalette;

namespace syncdeck::ui::charts {

// Colours from the Okabe-Ito palette (readable with colour-vision deficiencies) chosen to keep
// their contrast on light and dark window palettes; shapes so statuses differ without colour.
QColor metricColor(qbusiness::ChartMetric metric, const QPalette &palette);
QString metricName(qbusiness::ChartMetric metric);
QColor statusColor(qbusiness::SyncStatus status, const QPalette &palette);
QScatterSeries::MarkerShape statusShape(qbusiness::SyncStatus status);
// The marker of a status drawn into an image (size px, at the device pixel ratio), for
// QXYSeries::setLightMarker(): light markers are painted by the series, not one graphics item
// per mark, which keeps hundreds of marks cheap to update and draw.
QImage markerImage(QScatterSeries::MarkerShape shape, const QColor &color, int size, qreal dpr);
// Wire name, or "Other" for Unknown.
QString statusLabel(qbusiness::SyncStatus status);

// Applies the widget palette to a chart: background, text, grid and legend follow the window
// palette so a dark desktop theme gives a dark chart.
void applyPalette(QChart *chart, const QPalette &palette);
QColor gridColor(const QPalette &palette);
QColor textColor(const QPalette &palette);
bool isDark(const QPalette &palette);

} // namespace syncdeck::ui::charts
