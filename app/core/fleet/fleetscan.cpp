#include "fleetscan_p.h"

#include "aws/retrystrategy.h"

#include <QMetaObject>

#include <algorithm>

namespace syncdeck::fleet {

using namespace scan;

namespace scan {

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

} // namespace scan

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

bool FleetScan::Private::takeActive(QObject *callOrListing, Work *work)
{
    auto it = active.find(callOrListing);
    if (it == active.end())
        return false;
    *work = std::move(*it);
    active.erase(it);
    return true;
}

void FleetScan::Private::handOut(const FleetRow &row)
{
    if (row.hasErrors())
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
