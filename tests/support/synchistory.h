#pragma once

#include "qbusiness/types.h"

#include <QList>

namespace syncdeck::test {

// A deterministic, realistic sync history for tests and benchmarks: `count` hourly runs ending
// at a fixed instant, returned newest first (as the service pages them). Mostly SUCCEEDED with
// failure streaks, some INCOMPLETE/ABORTED runs, duration spikes, a few succeeded runs that
// scanned nothing, and the newest run still SYNCING. Same seed, same history.
QList<qbusiness::SyncJob> generateSyncHistory(int count, quint64 seed = 1);

// A 36-character execution id derived from n (stable across runs).
QString executionIdFor(quint64 seed, int n);

} // namespace syncdeck::test
