#pragma once

#include "qbusiness/exportjobs.h"
#include "qbusiness/types.h"

class QWidget;

namespace syncdeck::ui {

// Asks where to save `jobs` of `dataSource` (its name, or its ID when the name is unknown) as
// CSV or JSON, under `caption` (e.g. "Export table as CSV"), proposing a name with the data
// source and the date; writes them whole or not at all, and says why not in a message box.
// Returns the path written; empty when the user cancelled or the export failed.
QString exportJobsInteractively(QWidget *parent, const QString &caption,
                                const QList<qbusiness::SyncJob> &jobs,
                                qbusiness::JobExportFormat format, const QString &dataSource);

} // namespace syncdeck::ui
