#pragma once

#include "options.h"
#include "store.h"

// Seeded, realistic data: applications, indices, data sources with connector types and
// cadences, and sync job histories with failure streaks, incomplete runs and aborted runs.
namespace syncdeck::emulator {

class Generator
{
public:
    Generator(const Options &options, qint64 anchorMs);
    // Fills store (and calls store->index()). The first data source of the first application
    // ends with a streak of FAILED runs and holds the one running (SYNCING) job. Applications at
    // odd positions have no log delivery (no log group, so no run reports).
    void generate(Store *store) const;

private:
    void generateJobs(Store *store, DataSourceRecord *ds, quint64 streamA, quint64 streamB,
                      bool featured, const QString &account) const;

    Options m_options;
    qint64 m_anchorMs;
};

} // namespace syncdeck::emulator
