#pragma once

#include <QString>

namespace syncdeck::ui {

// A tooltip that shows `text` exactly as written. QToolTip guesses rich text from text that
// looks like HTML, so network text (document titles, error messages) is wrapped as escaped rich
// text: "<b>x</b>" shows as those characters, never as bold. Empty stays empty (no tooltip).
QString plainToolTip(const QString &text);

} // namespace syncdeck::ui
