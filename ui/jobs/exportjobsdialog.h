#pragma once

#include "qbusiness/exportjobs.h"
#include "qbusiness/types.h"

class QWidget;

namespace syncdeck::ui {

// Asks where to save `jobs` as CSV or JSON (under `caption`, e.g. "Export table as CSV"), writes
// them whole or not at all, and says why not in a message box. Returns the path written; empty
// when the user cancelled or the export failed.
QString exportJobsInteractively(QWidget *parent, const QString &caption,
                                const QList<qbusiness::SyncJob> &jobs,
                                qbusiness::JobExportFormat format);

} // namespace syncdeck::ui
