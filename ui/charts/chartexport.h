#pragma once

#include <QString>

class QWidget;

namespace syncdeck::ui::charts {

enum class ImageFormat { Png, Svg };

// Saves what the widget shows (a chart view, or a splitter of them) as a PNG (QWidget::grab, at
// the screen's device pixel ratio) or an SVG (vector, via QSvgGenerator). Written through
// QSaveFile: the file is complete or untouched. On failure *error says what and what to do.
bool saveWidgetImage(QWidget *widget, const QString &path, ImageFormat format, QString *error);

} // namespace syncdeck::ui::charts
