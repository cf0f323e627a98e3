#pragma once

#include "options.h"
#include "store.h"

#include <QSet>
#include <QString>

// What makes a generated fleet look like a real one to a fleet overview (--fleet-variety):
// a few data sources failing run after run, a scheduled source that stopped running, a data
// source in FAILED state and one application the caller may not read. Chosen from the seed,
// never the first data source of the first application (the demo opens on it), and never a
// data source with a run in progress.
namespace syncdeck::emulator {

struct FleetVariety
{
    QSet<QString> deniedApplications; // their calls answer 403 AccessDeniedException
    QStringList failingDataSources; // IDs, for tests and --verbose
    QString overdueDataSource;
    QString failedStateDataSource;
};

FleetVariety addFleetVariety(Store *store, const Options &options, qint64 anchorMs);

} // namespace syncdeck::emulator
