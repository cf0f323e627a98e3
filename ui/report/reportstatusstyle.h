#pragma once

#include "report/reportevent.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace syncdeck::ui {

// A document's status drawn as the runs' are (widgets/statusstyle): the same shapes and
// palette-derived colours, so a failed document looks like a failed run.
QIcon documentStatusIcon(report::DocumentStatus status);
QColor documentStatusColor(report::DocumentStatus status, const QPalette &palette);

} // namespace syncdeck::ui
