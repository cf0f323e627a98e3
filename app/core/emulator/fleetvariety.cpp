#include "fleetvariety.h"

#include "rng.h"

#include <algorithm>

namespace syncdeck::emulator {

namespace {

constexpr qint64 Hour = 3600 * 1000;

// A streak of `length` FAILED runs at the end of the history: what a revoked secret looks like.
void failLatestRuns(Store *store, DataSourceRecord *ds, int length, Rng &rng)
{
    const quint32 message = store->intern(
        QStringLiteral("The credentials in the data source's secret were rejected with HTTP "
                       "401. Update the secret and sync again."));
    const quint32 sourceCode = store->intern(QStringLiteral("InvalidCredentials"));
    int failed = 0;
    for (auto it = ds->jobs.rbegin(); it != ds->jobs.rend() && failed < length; ++it) {
        if (!isFinalJobStatus(it->status))
            continue;
        it->status = JobStatus::Failed;
        it->errorCode = JobErrorCode::InvalidRequest;
        it->errorMessage = message;
        it->dataSourceErrorCode = sourceCode;
        it->metrics[DocumentsFailed] = rng.chance(0.5) ? 0 : rng.range(1, 40);
        ++failed;
    }
}

// Hourly, but its newest run started five hours before the anchor: two periods were missed.
void makeOverdue(DataSourceRecord *ds, qint64 anchorMs)
{
    ds->syncSchedule = QStringLiteral("cron(0 * * * ? *)");
    const qint64 cutoff = anchorMs - 5 * Hour;
    while (ds->jobs.size() > 1 && ds->jobs.back().startMs > cutoff)
        ds->jobs.pop_back();
    if (!ds->jobs.empty() && ds->jobs.back().startMs > cutoff) {
        ds->jobs.back().startMs = cutoff - Hour;
        ds->jobs.back().endMs = cutoff - Hour / 2;
    }
    // Its last run went well: what is wrong is only that no run followed.
    if (!ds->jobs.empty()) {
        JobRecord &last = ds->jobs.back();
        last.status = JobStatus::Succeeded;
        last.errorCode = JobErrorCode::None;
        last.errorMessage = 0;
        last.dataSourceErrorCode = 0;
        last.metrics[DocumentsFailed] = last.hasMetrics ? 0 : -1;
    }
    ds->updatedMs = std::min(ds->updatedMs, cutoff);
}

} // namespace

FleetVariety addFleetVariety(Store *store, const Options &options, qint64 anchorMs)
{
    FleetVariety variety;
    std::vector<DataSourceRecord *> candidates;
    auto &apps = store->applications();
    // The last application answers AccessDenied (below): what is planted must be visible.
    const size_t readable = apps.size() >= 3 ? apps.size() - 1 : apps.size();
    for (size_t a = 0; a < readable; ++a) {
        for (size_t i = 0; i < apps[a].indices.size(); ++i) {
            for (size_t d = 0; d < apps[a].indices[i].dataSources.size(); ++d) {
                DataSourceRecord &ds = apps[a].indices[i].dataSources[d];
                if ((a == 0 && i == 0 && d == 0) || ds.live.active || ds.jobs.empty())
                    continue;
                candidates.push_back(&ds);
            }
        }
    }
    Rng rng = Rng::derived(options.seed, 0xF1EE7);
    // Fisher-Yates from the seed: the same data sources for the same options.
    for (size_t k = candidates.size(); k > 1; --k)
        std::swap(candidates[k - 1], candidates[size_t(rng.range(0, qint64(k) - 1))]);
    size_t next = 0;
    const size_t streaks = std::max<size_t>(1, candidates.size() / 12);
    for (; next < streaks && next < candidates.size(); ++next) {
        failLatestRuns(store, candidates[next], int(rng.range(2, 7)), rng);
        variety.failingDataSources.append(candidates[next]->id);
    }
    if (next < candidates.size()) {
        makeOverdue(candidates[next], anchorMs);
        variety.overdueDataSource = candidates[next++]->id;
    }
    if (next < candidates.size()) {
        candidates[next]->status = QStringLiteral("FAILED");
        variety.failedStateDataSource = candidates[next++]->id;
    }
    // The last application, when there are at least three: a role that may not read it.
    if (apps.size() >= 3)
        variety.deniedApplications.insert(apps.back().id);
    return variety;
}

} // namespace syncdeck::emulator
