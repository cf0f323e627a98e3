#pragma once

#include "qbusiness/types.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace syncdeck::ui {

// The look of a sync status: an SVG icon whose shape differs per status (readable without
// colour) and a text colour derived from the palette, so dark themes keep their contrast.
QIcon statusIcon(qbusiness::SyncStatus status);
QColor statusColor(qbusiness::SyncStatus status, const QPalette &palette);

} // namespace syncdeck::ui
