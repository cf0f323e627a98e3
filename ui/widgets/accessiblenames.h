#pragma once

class QWidget;

namespace syncdeck::ui {

// Names the controls Qt builds inside standard widgets, which otherwise reach assistive tools
// without a name: the clear button of a line edit, the "»" extension button of a tool bar, the
// editor of an editable combo box (named after its combo). Run it on a window or a pane once
// its widgets exist; it is idempotent, and names set explicitly are kept.
void nameBuiltInControls(QWidget *root);

} // namespace syncdeck::ui
