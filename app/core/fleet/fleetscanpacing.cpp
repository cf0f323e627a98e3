#include "fleetscan_p.h"

#include <QMetaObject>
#include <QRandomGenerator>

#include <algorithm>

namespace syncdeck::fleet {

using namespace scan;

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
    Work work;
    if (!takeActive(call, &work)) // by the key only: the object is half destroyed
        return;
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

} // namespace syncdeck::fleet
