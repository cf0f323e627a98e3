#include "fleetscan.h"

#include "aws/retrystrategy.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <deque>
#include <optional>

namespace syncdeck::fleet {

using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::Client;
using qbusiness::Paginator;

namespace {

constexpr int MaxCooldownMs = 20000;

enum class Op : quint8 {
    ListApplications,
    ListIndices,
    ListDataSources,
    GetDataSource,
    ListSyncJobs
};

QString opName(Op op)
{
    switch (op) {
    case Op::ListApplications:
        return QStringLiteral("ListApplications");
    case Op::ListIndices:
        return QStringLiteral("ListIndices");
    case Op::ListDataSources:
        return QStringLiteral("ListDataSources");
    case Op::GetDataSource:
        return QStringLiteral("GetDataSource");
    case Op::ListSyncJobs:
        break;
    }
    return QStringLiteral("ListDataSourceSyncJobs");
}

bool isListing(Op op)
{
    return op == Op::ListApplications || op == Op::ListIndices || op == Op::ListDataSources;
}

bool isThrottling(const AwsError &e)
{
    return e.httpStatus == 429 || aws::retrystrategy::isThrottlingCode(e.code);
}

QString describeError(const FleetError &e)
{
    QString text = e.operation + QStringLiteral(" failed: ");
    if (!e.error.code.isEmpty())
        text += e.error.code + QStringLiteral(": ");
    return text + e.error.message;
}

struct RegionState
{
    QString region;
    QPointer<Client> client;
    bool clientAsked = false;
    QSet<QString> seen; // application ids: a misbehaving listing may repeat items
};

struct AppState
{
    int region = 0;
    QString id;
    QString name;
    QSet<QString> seen; // index ids
};

struct IndexState
{
    int application = 0;
    QString id;
    QString name;
    QSet<QString> seen; // data source ids
};

// A discovered data source until its row is handed out.
struct DataSourceState
{
    int index = 0;
    qbusiness::DataSource summary;
    std::optional<qbusiness::DataSourceDetails> details;
    std::optional<QList<qbusiness::SyncJob>> runs;
    QList<FleetError> errors;
    int callsLeft = 2;
};

// One call (or one listing) to make.
struct Work
{
    Op op = Op::ListApplications;
    int owner = 0; // region, application or index of a listing
    std::shared_ptr<DataSourceState> dataSource; // GetDataSource, ListSyncJobs
    int throttleRetries = 0;
    QString startingToken; // a listing resumed after throttling
    quint64 sequence = 0; // dispatch order, to cut concurrency once per throttling episode
};

} // namespace

struct FleetScan::Private
{
    FleetScan *q = nullptr;
    ClientFactory factory;
    FleetScanOptions options;
    Clock clock;

    std::vector<RegionState> regions;
    std::vector<AppState> applications;
    std::vector<IndexState> indices;
    std::deque<Work> retryQueue; // throttled calls, first when dispatch resumes
    std::deque<Work> discoveryQueue; // depth first: the deepest listing goes next
    std::deque<Work> dataSourceQueue;
    QHash<QObject *, Work> active; // Call or Paginator -> its work
    int pendingListings = 0; // queued, active or waiting for a retry
    int queuedDataSources = 0; // discovered, row not yet handed out
    int lostCalls = 0; // calls deleted with their client, their rows not yet seen to

    int concurrency = 1;
    int successStreak = 0;
    int cooldownMs = 0;
    quint64 sequence = 0;
    quint64 lastCutSequence = 0;
    qint64 resumeAtMs = 0;
    qint64 lastDispatchMs = -1;
    QTimer wakeTimer;
    QElapsedTimer elapsed;

    FleetScanProgress progress;
    FleetScanStats stats;
    bool started = false;
    bool running = false;
    bool finished = false;
    bool cancelled = false;
    bool pumping = false;
    bool destroying = false;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
    bool hasWork() const
    {
        return !retryQueue.empty() || !discoveryQueue.empty() || !dataSourceQueue.empty();
    }

    void begin();
    void pump();
    bool takeNext(Work *work);
    void dispatch(Work work);
    Client *clientFor(int region);
    void startListing(Work work, Client *client);
    Paginator *makePaginator(Op op, int owner, Client *client);
    void startCall(Work work, Client *client);
    void watch(Call *call, Op op);
    void onPage(Op op, int owner, Call *job, int first, int count);
    void onListingFinished(Paginator *paginator);
    void onCallFinished(Call *call);
    void onCallDestroyed(QObject *call);
    void onClientLost(int region);
    int regionOf(const Work &work) const;
    AwsError noClientError(int region) const;
    bool retryAfterThrottling(Work &work);
    void noteSuccess();
    void listingDone(const Work &work, const AwsError &error);
    void dataSourceCallDone(const Work &work, Call *call);
    void emitDataSourceRow(const DataSourceState &ds);
    void emitErrorRow(FleetRow::Scope scope, int owner, const FleetError &error);
    void queueListing(Op op, int owner, bool front);
    void notifyProgress();
    void abortAll();
    void maybeFinish();
    void finish();
};

FleetScan::FleetScan(ClientFactory factory, FleetScanOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->factory = std::move(factory);
    d->options = std::move(options);
    d->options.maxInFlight = std::max(1, d->options.maxInFlight);
    d->options.runsPerDataSource = std::clamp(d->options.runsPerDataSource, 1, 10);
    d->options.throttleRetries = std::max(0, d->options.throttleRetries);
    d->options.maxQueuedDataSources = std::max(1, d->options.maxQueuedDataSources);
    d->wakeTimer.setSingleShot(true);
    d->wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->wakeTimer, &QTimer::timeout, this, [this] { d->pump(); });
}

FleetScan::FleetScan(qbusiness::Client *client, FleetScanOptions options, QObject *parent)
    : FleetScan(
        [c = QPointer<Client>(client)](const QString &region, QObject *,
                                       QString *error) -> Client * {
            if (!c) {
                *error = QStringLiteral("the client of this scan no longer exists");
                return nullptr;
            }
            if (region != c->config().region) {
                *error
                    = QStringLiteral("this scan has a client for %1 only").arg(c->config().region);
                return nullptr;
            }
            return c;
        },
        std::move(options), parent)
{
    if (d->options.regions.isEmpty() && client)
        d->options.regions = {client->config().region};
}

FleetScan::~FleetScan()
{
    d->destroying = true;
    d->abortAll();
}

void FleetScan::setClock(Clock clock)
{
    d->clock = std::move(clock);
}

void FleetScan::start()
{
    if (d->started || d->finished)
        return;
    d->started = true;
    d->running = true;
    QMetaObject::invokeMethod(
        this, [this] { d->begin(); }, Qt::QueuedConnection);
}

void FleetScan::cancel()
{
    if (d->finished)
        return;
    d->cancelled = true;
    d->abortAll();
    d->finish();
}

bool FleetScan::isRunning() const
{
    return d->running;
}

bool FleetScan::isFinished() const
{
    return d->finished;
}

bool FleetScan::wasCancelled() const
{
    return d->cancelled;
}

const FleetScanOptions &FleetScan::options() const
{
    return d->options;
}

FleetScanProgress FleetScan::progress() const
{
    return d->progress;
}

FleetScanStats FleetScan::stats() const
{
    FleetScanStats s = d->stats;
    if (d->running)
        s.elapsedMs = d->elapsed.elapsed();
    return s;
}

// ---------------------------------------------------------------------------------------------

void FleetScan::Private::begin()
{
    if (!running)
        return;
    elapsed.start();
    concurrency = options.maxInFlight;
    stats.lowestConcurrency = concurrency;
    QStringList names;
    for (const QString &r : std::as_const(options.regions)) {
        if (!r.trimmed().isEmpty() && !names.contains(r.trimmed()))
            names.append(r.trimmed());
    }
    progress.regions = int(names.size());
    progress.concurrency = concurrency;
    for (const QString &name : std::as_const(names)) {
        regions.push_back({name, {}, false, {}});
        queueListing(Op::ListApplications, int(regions.size()) - 1, false);
    }
    if (names.isEmpty()) {
        regions.push_back({});
        FleetError e {QStringLiteral("FleetScan"),
                      AwsError::make(AwsError::Kind::Client, QStringLiteral("NoRegion"),
                                     QStringLiteral("no region to scan"),
                                     QStringLiteral("Choose a region or a list of regions."))};
        emitErrorRow(FleetRow::Scope::Region, 0, e);
    }
    notifyProgress();
    pump();
}

void FleetScan::Private::queueListing(Op op, int owner, bool front)
{
    ++pendingListings;
    Work w;
    w.op = op;
    w.owner = owner;
    if (front)
        discoveryQueue.push_front(std::move(w));
    else
        discoveryQueue.push_back(std::move(w));
}

void FleetScan::Private::pump()
{
    if (!running || pumping)
        return;
    pumping = true;
    while (running && int(active.size()) < concurrency && hasWork()) {
        const qint64 nowMs = elapsed.elapsed();
        qint64 wait = resumeAtMs - nowMs;
        if (options.minCallIntervalMs > 0 && lastDispatchMs >= 0)
            wait = std::max(wait, lastDispatchMs + options.minCallIntervalMs - nowMs);
        if (wait > 0) {
            if (!wakeTimer.isActive() || wakeTimer.remainingTime() > wait)
                wakeTimer.start(int(std::min<qint64>(wait, MaxCooldownMs)));
            break;
        }
        Work work;
        if (!takeNext(&work))
            break;
        dispatch(std::move(work));
    }
    pumping = false;
    maybeFinish();
}

// Throttled calls first; then listings while few data sources wait (so the slots never run
// dry and the first rows come early); then data sources; then listings again, unless enough
// data sources wait already (memory stays bounded however large the fleet).
bool FleetScan::Private::takeNext(Work *work)
{
    const auto pop = [work](std::deque<Work> &queue) {
        *work = std::move(queue.front());
        queue.pop_front();
        return true;
    };
    if (!retryQueue.empty())
        return pop(retryQueue);
    const bool roomForMore = queuedDataSources < options.maxQueuedDataSources;
    if (!discoveryQueue.empty() && roomForMore && int(dataSourceQueue.size()) < 2 * concurrency)
        return pop(discoveryQueue);
    if (!dataSourceQueue.empty())
        return pop(dataSourceQueue);
    if (!discoveryQueue.empty() && roomForMore)
        return pop(discoveryQueue);
    return false;
}

Client *FleetScan::Private::clientFor(int region)
{
    RegionState &r = regions[size_t(region)];
    if (!r.clientAsked) {
        r.clientAsked = true;
        QString error;
        r.client = factory ? factory(r.region, q, &error) : nullptr;
        if (!r.client) {
            if (error.isEmpty())
                error = QStringLiteral("no client for region %1").arg(r.region);
            emitErrorRow(FleetRow::Scope::Region, region,
                         {QStringLiteral("Connect"),
                          AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"), error,
                                         QStringLiteral("Check the region name and the profile's "
                                                        "endpoint settings."))});
            return nullptr;
        }
        // Calls of a client that goes away die with it, without finishing: see to their rows.
        QObject::connect(r.client, &QObject::destroyed, q, [this, region] {
            QMetaObject::invokeMethod(
                q, [this, region] { onClientLost(region); }, Qt::QueuedConnection);
        });
    }
    return r.client;
}

int FleetScan::Private::regionOf(const Work &work) const
{
    switch (work.op) {
    case Op::ListApplications:
        return work.owner;
    case Op::ListIndices:
        return applications[size_t(work.owner)].region;
    case Op::ListDataSources:
        return applications[size_t(indices[size_t(work.owner)].application)].region;
    case Op::GetDataSource:
    case Op::ListSyncJobs:
        break;
    }
    return applications[size_t(indices[size_t(work.dataSource->index)].application)].region;
}

AwsError FleetScan::Private::noClientError(int region) const
{
    return AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                          QStringLiteral("the client for region %1 was closed during the scan")
                              .arg(regions[size_t(region)].region),
                          QStringLiteral("Scan again."));
}

void FleetScan::Private::dispatch(Work work)
{
    const int region = regionOf(work);
    const bool firstAsk = !regions[size_t(region)].clientAsked;
    Client *client = clientFor(region);
    if (!client) {
        const FleetError e {opName(work.op), noClientError(region)};
        if (isListing(work.op)) {
            // A region without a client has its row already; deeper listings get their own.
            listingDone(work, firstAsk ? AwsError() : e.error);
        } else {
            work.dataSource->errors.append(e);
            dataSourceCallDone(work, nullptr);
        }
        return;
    }
    work.sequence = ++sequence;
    lastDispatchMs = elapsed.elapsed();
    if (isListing(work.op))
        startListing(std::move(work), client);
    else
        startCall(std::move(work), client);
    stats.peakInFlight = std::max(stats.peakInFlight, int(active.size()));
}

void FleetScan::Private::watch(Call *call, Op op)
{
    ++stats.calls[opName(op)];
    QObject::connect(call, &Call::requestSent, q, [this] { ++stats.requests; });
    QObject::connect(call, &QObject::destroyed, q, [this](QObject *o) { onCallDestroyed(o); });
}

// A call deleted before it finished (its client went away): the row gets NoClient. Handled
// from the event loop, once the client is gone for good.
void FleetScan::Private::onCallDestroyed(QObject *call)
{
    auto it = active.find(call); // only the key: the object is half destroyed
    if (it == active.end())
        return;
    Work work = std::move(*it);
    active.erase(it);
    ++lostCalls;
    QMetaObject::invokeMethod(
        q,
        [this, work] {
            --lostCalls;
            if (!running)
                return;
            const int region = regionOf(work);
            work.dataSource->errors.append({opName(work.op), noClientError(region)});
            dataSourceCallDone(work, nullptr);
            pump();
        },
        Qt::QueuedConnection);
}

// A listing whose page call died with its client waits forever: end it.
void FleetScan::Private::onClientLost(int region)
{
    if (!running)
        return;
    QList<Paginator *> stuck;
    for (auto it = active.cbegin(); it != active.cend(); ++it) {
        if (isListing(it->op) && regionOf(*it) == region)
            stuck.append(static_cast<Paginator *>(it.key()));
    }
    for (Paginator *p : std::as_const(stuck))
        p->abort(); // finished() -> onListingFinished, as NoClient
    pump();
}

Paginator *FleetScan::Private::makePaginator(Op op, int owner, Client *client)
{
    QPointer<Client> c(client);
    QString applicationId;
    QString indexId;
    if (op == Op::ListIndices) {
        applicationId = applications[size_t(owner)].id;
    } else if (op == Op::ListDataSources) {
        indexId = indices[size_t(owner)].id;
        applicationId = applications[size_t(indices[size_t(owner)].application)].id;
    }
    auto startPage
        = [this, c, op, applicationId, indexId](const QString &token, int pageSize) -> Call * {
        if (!c)
            return nullptr;
        Call *call = nullptr;
        if (op == Op::ListApplications)
            call = c->listApplications(token, pageSize);
        else if (op == Op::ListIndices)
            call = c->listIndices(applicationId, token, pageSize);
        else
            call = c->listDataSources(applicationId, indexId, token, pageSize);
        watch(call, op);
        return call;
    };
    auto readPage = [op](Call *job) -> Paginator::PageInfo {
        if (op == Op::ListApplications) {
            auto *j = static_cast<qbusiness::ListApplicationsCall *>(job);
            return {int(j->applications.size()), j->nextToken};
        }
        if (op == Op::ListIndices) {
            auto *j = static_cast<qbusiness::ListIndicesCall *>(job);
            return {int(j->indices.size()), j->nextToken};
        }
        auto *j = static_cast<qbusiness::ListDataSourcesCall *>(job);
        return {int(j->dataSources.size()), j->nextToken};
    };
    return new Paginator(std::move(startPage), std::move(readPage), q);
}

void FleetScan::Private::startListing(Work work, Client *client)
{
    Paginator *p = makePaginator(work.op, work.owner, client);
    if (!work.startingToken.isEmpty()) {
        QString error;
        if (!p->setStartingToken(work.startingToken, &error))
            work.startingToken.clear(); // cannot happen for a token the paginator gave; start over
    }
    const Op op = work.op;
    const int owner = work.owner;
    QObject::connect(p, &Paginator::pageLoaded, q, [this, op, owner](Call *job, int first, int n) {
        onPage(op, owner, job, first, n);
    });
    QObject::connect(p, &Paginator::finished, q, [this, p] { onListingFinished(p); });
    active.insert(p, std::move(work));
    p->start();
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

void FleetScan::Private::onPage(Op op, int owner, Call *job, int first, int count)
{
    if (!running)
        return;
    if (op == Op::ListApplications) {
        const auto &list = static_cast<qbusiness::ListApplicationsCall *>(job)->applications;
        // Pushed to the front in reverse, so the listings run in the service's order.
        for (int i = first + count - 1; i >= first; --i) {
            const QString &id = list.at(i).applicationId;
            if (regions[size_t(owner)].seen.contains(id))
                continue;
            regions[size_t(owner)].seen.insert(id);
            applications.push_back({owner, id, list.at(i).displayName, {}});
            queueListing(Op::ListIndices, int(applications.size()) - 1, true);
            ++progress.applications;
        }
    } else if (op == Op::ListIndices) {
        const auto &list = static_cast<qbusiness::ListIndicesCall *>(job)->indices;
        for (int i = first + count - 1; i >= first; --i) {
            const QString &id = list.at(i).indexId;
            if (applications[size_t(owner)].seen.contains(id))
                continue;
            applications[size_t(owner)].seen.insert(id);
            indices.push_back({owner, id, list.at(i).displayName, {}});
            queueListing(Op::ListDataSources, int(indices.size()) - 1, true);
            ++progress.indices;
        }
    } else {
        const auto &list = static_cast<qbusiness::ListDataSourcesCall *>(job)->dataSources;
        for (int i = first; i < first + count; ++i) {
            QSet<QString> &seen = indices[size_t(owner)].seen;
            if (seen.contains(list.at(i).dataSourceId))
                continue;
            seen.insert(list.at(i).dataSourceId);
            ++progress.dataSources;
            ++queuedDataSources;
            auto ds = std::make_shared<DataSourceState>();
            ds->index = owner;
            ds->summary = list.at(i);
            Work details;
            details.op = Op::GetDataSource;
            details.dataSource = ds;
            Work runs;
            runs.op = Op::ListSyncJobs;
            runs.dataSource = std::move(ds);
            dataSourceQueue.push_back(std::move(details));
            dataSourceQueue.push_back(std::move(runs));
        }
        stats.peakQueuedDataSources = std::max(stats.peakQueuedDataSources, queuedDataSources);
    }
    notifyProgress();
    // Slots may be free (this listing's next page is already on the wire).
    QMetaObject::invokeMethod(
        q, [this] { pump(); }, Qt::QueuedConnection);
}

void FleetScan::Private::onListingFinished(Paginator *paginator)
{
    auto it = active.find(paginator);
    if (it == active.end())
        return;
    Work work = std::move(*it);
    active.erase(it);
    paginator->deleteLater();
    AwsError error = paginator->error();
    if (error.kind == AwsError::Kind::Aborted) // only onClientLost aborts a connected listing
        error = noClientError(regionOf(work));
    if (error.isError() && isThrottling(error)) {
        work.startingToken = paginator->resumeToken();
        if (retryAfterThrottling(work)) {
            pump();
            return;
        }
    } else {
        noteSuccess();
    }
    listingDone(work, error);
    pump();
}

void FleetScan::Private::listingDone(const Work &work, const AwsError &error)
{
    --pendingListings;
    if (work.op == Op::ListApplications)
        ++progress.regionsListed;
    if (error.isError()) {
        const FleetRow::Scope scope = work.op == Op::ListApplications ? FleetRow::Scope::Region
            : work.op == Op::ListIndices                              ? FleetRow::Scope::Application
                                                                      : FleetRow::Scope::Index;
        emitErrorRow(scope, work.owner, {opName(work.op), error});
    }
    notifyProgress();
}

void FleetScan::Private::onCallFinished(Call *call)
{
    auto it = active.find(call);
    if (it == active.end())
        return;
    Work work = std::move(*it);
    active.erase(it);
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

// A call that met throttling even after the client's retries: cut concurrency (once per
// episode: calls dispatched before the cut do not cut again), pause the whole scan, and try
// the call again later, a bounded number of times.
bool FleetScan::Private::retryAfterThrottling(Work &work)
{
    ++stats.throttledCalls;
    successStreak = 0;
    // Calls that were already in flight when the scan last backed off belong to that episode:
    // they neither cut again nor lengthen the pause.
    if (work.sequence > lastCutSequence) {
        lastCutSequence = sequence;
        if (concurrency > 1) {
            concurrency = std::max(1, concurrency / 2);
            ++stats.concurrencyCuts;
        }
        stats.lowestConcurrency = std::min(stats.lowestConcurrency, concurrency);
        progress.concurrency = concurrency;
        cooldownMs = cooldownMs == 0 ? std::max(1, options.throttleCooldownMs)
                                     : std::min(MaxCooldownMs, cooldownMs * 2);
        const qint64 pause
            = cooldownMs / 2 + QRandomGenerator::global()->bounded(cooldownMs / 2 + 1);
        resumeAtMs = std::max(resumeAtMs, elapsed.elapsed() + pause);
    }
    if (work.throttleRetries >= options.throttleRetries)
        return false;
    ++work.throttleRetries;
    ++stats.scanRetries;
    retryQueue.push_back(std::move(work));
    notifyProgress();
    return true;
}

void FleetScan::Private::noteSuccess()
{
    if (++successStreak < 2 * concurrency)
        return;
    successStreak = 0;
    cooldownMs = 0;
    if (concurrency < options.maxInFlight) {
        ++concurrency;
        progress.concurrency = concurrency;
    }
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
    if (ds.runs) {
        row.recentRuns.reserve(ds.runs->size());
        for (const qbusiness::SyncJob &job : *ds.runs)
            row.recentRuns.append({job.startTime, job.statusKind(), job.metrics.documentsFailed});
        std::stable_sort(
            row.recentRuns.begin(), row.recentRuns.end(),
            [](const RunMark &a, const RunMark &b) { return a.startTime < b.startTime; });
    }

    --queuedDataSources;
    ++progress.dataSourcesDone;
    if (row.hasErrors())
        ++progress.rowsWithErrors;
    if (stats.firstRowMs < 0)
        stats.firstRowMs = elapsed.elapsed();
    emit q->rowReady(row);
    notifyProgress();
}

void FleetScan::Private::emitErrorRow(FleetRow::Scope scope, int owner, const FleetError &error)
{
    if (!running)
        return;
    FleetRow row;
    row.scope = scope;
    int region = owner;
    if (scope == FleetRow::Scope::Index) {
        const IndexState &index = indices[size_t(owner)];
        row.indexId = index.id;
        row.indexName = index.name;
        owner = index.application;
    }
    if (scope == FleetRow::Scope::Index || scope == FleetRow::Scope::Application) {
        const AppState &app = applications[size_t(owner)];
        row.applicationId = app.id;
        row.applicationName = app.name;
        region = app.region;
    }
    row.region = regions[size_t(region)].region;
    row.errors = {error};
    row.health.reason = describeError(error);
    row.health.reasons = {row.health.reason};
    ++progress.errorRows;
    ++progress.rowsWithErrors;
    if (stats.firstRowMs < 0)
        stats.firstRowMs = elapsed.elapsed();
    emit q->rowReady(row);
    notifyProgress();
}

void FleetScan::Private::notifyProgress()
{
    if (!running)
        return;
    progress.inFlight = int(active.size());
    progress.discoveryComplete = pendingListings == 0;
    emit q->progressChanged(progress);
}

void FleetScan::Private::abortAll()
{
    retryQueue.clear();
    discoveryQueue.clear();
    dataSourceQueue.clear();
    wakeTimer.stop();
    const QHash<QObject *, Work> calls = std::exchange(active, {});
    for (auto it = calls.begin(); it != calls.end(); ++it) {
        QObject *o = it.key();
        QObject::disconnect(o, nullptr, q, nullptr);
        if (auto *p = qobject_cast<Paginator *>(o)) {
            p->abort(); // aborts and deletes its page call
            delete p;
        } else if (auto *c = qobject_cast<Call *>(o)) {
            c->abort(); // deletes itself later (autoDelete)
        }
    }
}

void FleetScan::Private::maybeFinish()
{
    if (running && active.isEmpty() && lostCalls == 0 && !hasWork())
        finish();
}

void FleetScan::Private::finish()
{
    if (finished || destroying)
        return;
    if (started && elapsed.isValid())
        stats.elapsedMs = elapsed.elapsed();
    wakeTimer.stop();
    progress.inFlight = 0;
    progress.discoveryComplete = !cancelled;
    emit q->progressChanged(progress);
    finished = true;
    running = false;
    emit q->finished();
}

} // namespace syncdeck::fleet
