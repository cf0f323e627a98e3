#include "fleetscan_p.h"

#include <algorithm>

namespace syncdeck::fleet {

using namespace scan;

namespace {

// The runs of a data source's newest page, oldest first.
QList<RunMark> runMarks(const QList<qbusiness::SyncJob> &runs)
{
    QList<RunMark> marks;
    marks.reserve(runs.size());
    for (const qbusiness::SyncJob &job : runs)
        marks.append({job.startTime, job.statusKind(), job.metrics.documentsFailed});
    std::stable_sort(marks.begin(), marks.end(),
                     [](const RunMark &a, const RunMark &b) { return a.startTime < b.startTime; });
    return marks;
}

} // namespace

void FleetScan::Private::queueDataSource(int index, const qbusiness::DataSource &summary)
{
    ++progress.dataSources;
    ++queuedDataSources;
    auto ds = std::make_shared<DataSourceState>();
    ds->index = index;
    ds->summary = summary;
    Work details;
    details.op = Op::GetDataSource;
    details.dataSource = ds;
    Work runs;
    runs.op = Op::ListSyncJobs;
    runs.dataSource = std::move(ds);
    dataSourceQueue.push_back(std::move(details));
    dataSourceQueue.push_back(std::move(runs));
}

void FleetScan::Private::startCall(Work work, Client *client)
{
    const DataSourceState &ds = *work.dataSource;
    const IndexState &index = indices[size_t(ds.index)];
    const AppState &app = applications[size_t(index.application)];
    Call *call = nullptr;
    if (work.op == Op::GetDataSource) {
        call = client->getDataSource(app.id, index.id, ds.summary.dataSourceId);
    } else {
        qbusiness::ListSyncJobsRequest r;
        r.applicationId = app.id;
        r.indexId = index.id;
        r.dataSourceId = ds.summary.dataSourceId;
        r.maxResults = options.runsPerDataSource;
        call = client->listDataSourceSyncJobs(r);
    }
    watch(call, work.op);
    QObject::connect(call, &Call::finished, q, [this](Call *c) { onCallFinished(c); });
    active.insert(call, std::move(work));
    call->start();
}

void FleetScan::Private::onCallFinished(Call *call)
{
    Work work;
    if (!takeActive(call, &work))
        return;
    const AwsError &error = call->error();
    if (error.isError() && isThrottling(error)) {
        if (retryAfterThrottling(work)) {
            pump();
            return;
        }
    } else {
        noteSuccess();
    }
    if (error.isError())
        work.dataSource->errors.append({opName(work.op), error});
    dataSourceCallDone(work, error.isError() ? nullptr : call);
    pump();
}

void FleetScan::Private::dataSourceCallDone(const Work &work, Call *call)
{
    DataSourceState &ds = *work.dataSource;
    if (call && work.op == Op::GetDataSource)
        ds.details = static_cast<qbusiness::GetDataSourceCall *>(call)->dataSource;
    else if (call)
        ds.runs = static_cast<qbusiness::ListSyncJobsCall *>(call)->page.history;
    if (--ds.callsLeft == 0)
        emitDataSourceRow(ds);
}

void FleetScan::Private::emitDataSourceRow(const DataSourceState &ds)
{
    const IndexState &index = indices[size_t(ds.index)];
    const AppState &app = applications[size_t(index.application)];
    FleetRow row;
    row.region = regions[size_t(app.region)].region;
    row.applicationId = app.id;
    row.applicationName = app.name;
    row.indexId = index.id;
    row.indexName = index.name;
    row.dataSourceId = ds.summary.dataSourceId;
    row.dataSourceName = ds.summary.displayName;
    row.dataSourceType = ds.summary.type;
    row.errors = ds.errors;

    HealthInput input;
    input.details = ds.details;
    input.runs = ds.runs;
    for (const FleetError &e : ds.errors) {
        if (e.operation == opName(Op::GetDataSource))
            input.detailsError = describeError(e);
        else
            input.runsError = describeError(e);
    }
    row.health = computeHealth(input, now());
    if (ds.runs)
        row.recentRuns = runMarks(*ds.runs);

    --queuedDataSources;
    ++progress.dataSourcesDone;
    handOut(row);
}

} // namespace syncdeck::fleet
