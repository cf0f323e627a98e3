#pragma once

#include <QDateTime>
#include <QString>

class QWidget;

namespace syncdeck::ui::charts {

enum class ImageFormat { Png, Svg };

// What an exported chart says about itself, so the file still makes sense away from SyncDeck.
struct ChartExportContext
{
    QString chart; // "Documents per run"
    QString dataSource; // its name, or its ID when the name is unknown
    QDateTime from; // the time axis shown
    QDateTime to;
};

// The title line of an export: the chart, the data source, the time range shown and the time
// zone its times are in (the local one, as on screen).
QString exportTitle(const ChartExportContext &context);

// Saves the charts `widget` shows (a chart view, or a splitter of them) under a title line, as
// a PNG (at the screen's device pixel ratio, the title also in the file's "Title" text) or an
// SVG (vector: each chart's scene painted into QSvgGenerator, so marks and text stay paths and
// text elements). Written through QSaveFile: the file is complete or untouched. On failure
// *error says what and what to do.
bool saveChartImage(QWidget *widget, const QString &title, const QString &path, ImageFormat format,
                    QString *error);

} // namespace syncdeck::ui::charts
