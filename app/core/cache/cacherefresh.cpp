#include "cacherefresh.h"

#include "historycache.h"
#include "qbusiness/client.h"
#include "servicelisting.h"

#include <QMetaObject>

#include <utility>

namespace syncdeck::cache {

using qbusiness::AwsError;
using qbusiness::SyncJob;

namespace {
AwsError cacheError(const QString &message)
{
    return AwsError::make(AwsError::Kind::Client, QStringLiteral("CacheError"), message);
}
} // namespace

CacheRefresh::CacheRefresh(HistoryCache *cache, qbusiness::Client *client,
                           const qbusiness::ListSyncJobsRequest &dataSource, RefreshOptions options,
                           QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_options(options)
{
    m_dataSource.applicationId = dataSource.applicationId;
    m_dataSource.indexId = dataSource.indexId;
    m_dataSource.dataSourceId = dataSource.dataSourceId;
    m_options.pageSize = std::clamp(m_options.pageSize, 1, 10);
    m_options.pagesPerCommit = std::max(1, m_options.pagesPerCommit);
    if (client)
        m_key = DataSourceKey::of(client->config(), dataSource);
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, [this] {
        if (!m_finished)
            mergePending();
    });
}

CacheRefresh::~CacheRefresh() = default;

void CacheRefresh::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime CacheRefresh::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void CacheRefresh::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &CacheRefresh::run, Qt::QueuedConnection);
}

void CacheRefresh::abort()
{
    finish(cancelled(QStringLiteral("the refresh was cancelled")));
}

void CacheRefresh::run()
{
    if (m_finished)
        return;
    if (!m_cache || !m_client) {
        finish(cacheError(QStringLiteral("the refresh has no cache or no client")));
        return;
    }
    if (!m_key.isValid()) {
        finish(cacheError(QStringLiteral("the refresh needs an application, index and data "
                                         "source")));
        return;
    }
    if (!m_cache->isOpen() || m_cache->isReadOnly()) {
        finish(cacheError(m_cache->openReport().message.isEmpty()
                              ? QStringLiteral("the history cache is not open")
                              : m_cache->openReport().message));
        return;
    }
    Pass head;
    head.stage = Stage::Head;
    head.request = m_dataSource;
    head.stopAtOverlap = m_options.depth != RefreshOptions::Depth::Verify;
    head.overlapCoverage = m_cache->sourceState(m_key).coverage;
    if (!m_cache->errorString().isEmpty()) {
        finish(cacheError(m_cache->errorString()));
        return;
    }
    startPass(std::move(head));
}

// After each pass: close gaps (or go on to the end), check the oldest jobs, re-read running
// jobs, in that order, while the request budget lasts.
void CacheRefresh::nextStep()
{
    if (m_finished)
        return;
    if ((m_stage == Stage::Head || m_stage == Stage::Fill) && startFill())
        return;
    if (m_finished)
        return;
    if ((m_stage != Stage::Reread) && startProbe())
        return;
    if (m_finished)
        return;
    if (startReread())
        return;
    if (!m_finished)
        finish({});
}

bool CacheRefresh::budgetLeft() const
{
    return m_options.maxRequests <= 0 || m_requests < m_options.maxRequests;
}

// Complete: lists below what the cache holds from the top, newest first, until the overlap with
// what it holds further down, or the end.
bool CacheRefresh::startFill()
{
    if (m_options.depth != RefreshOptions::Depth::Complete)
        return false;
    const SourceState state = m_cache->sourceState(m_key);
    if (!m_cache->errorString().isEmpty()) {
        finish(cacheError(m_cache->errorString()));
        return false;
    }
    if (state.coverage.isEmpty() || !state.coverage.constFirst().fromMs)
        return false;
    const qint64 from = *state.coverage.constFirst().fromMs;
    if (m_lastFillFrom == from) // no progress since the last fill: stop
        return false;
    if (!budgetLeft()) {
        m_stoppedByBudget = true;
        return false;
    }
    m_lastFillFrom = from;
    Pass fill;
    fill.stage = Stage::Fill;
    fill.request = m_dataSource;
    fill.request.endTime = timeOf(from - 1);
    fill.stopAtOverlap = true;
    fill.overlapCoverage = state.coverage;
    startPass(std::move(fill));
    return true;
}

// Complete, on a cache that already held everything: one listing of its oldest jobs (up to a
// page of them) says whether the service still returns them; repeated while it returns none.
bool CacheRefresh::startProbe()
{
    if (m_options.depth != RefreshOptions::Depth::Complete || m_filledToEnd)
        return false;
    if (m_stage == Stage::Probe && (m_pass.keptLocally < m_probeHeld || m_probeHeld == 0))
        return false; // the service still returns some of them: nothing older is gone
    const SourceState state = m_cache->sourceState(m_key);
    if (!state.isComplete() || m_probes >= 100)
        return false;
    const auto oldest = m_cache->oldestListed(m_key, m_options.pageSize);
    if (!oldest)
        return false;
    if (!budgetLeft()) {
        m_stoppedByBudget = true;
        return false;
    }
    ++m_probes;
    m_probeHeld = int(oldest->second);
    Pass probe;
    probe.stage = Stage::Probe;
    probe.request = m_dataSource;
    probe.request.endTime = timeOf(oldest->first);
    startPass(std::move(probe));
    return true;
}

// One narrowed listing (startTime = endTime = its start) per job held as running that no
// listing of this refresh reached.
bool CacheRefresh::startReread()
{
    if (!m_rereadsQueued) {
        m_rereadsQueued = true;
        const QList<SyncJob> running = m_cache->runningJobs(m_key);
        for (const SyncJob &j : running) {
            if (!m_listedIds.contains(j.executionId) && m_rereadQueue.size() < m_options.maxRereads)
                m_rereadQueue.append(j);
        }
    }
    if (m_rereadQueue.isEmpty())
        return false;
    if (!budgetLeft()) {
        m_stoppedByBudget = true;
        return false;
    }
    const SyncJob job = m_rereadQueue.takeFirst();
    ++m_rereads;
    Pass reread;
    reread.stage = Stage::Reread;
    reread.request = m_dataSource;
    reread.request.startTime = job.startTime;
    reread.request.endTime = job.startTime;
    reread.recordsCoverage = false; // a millisecond of coverage would only fragment it
    startPass(std::move(reread));
    return true;
}

void CacheRefresh::startPass(Pass pass)
{
    m_stage = pass.stage;
    m_pass = std::move(pass);
    ServiceListing::discard(m_listing); // we may be inside its finished()
    m_listing = std::make_unique<ServiceListing>(
        m_client, m_pass.request, m_options.pageSize, &m_requests,
        [this](const QList<SyncJob> &page) { return goesOn(page); });
    connect(m_listing.get(), &ServiceListing::pageLoaded, this, &CacheRefresh::onPageLoaded);
    connect(m_listing.get(), &ServiceListing::finished, this, &CacheRefresh::onPassFinished);
    m_listing->start();
}

// The listing ends where the cache already holds the rest (the overlap) or where the budget does.
bool CacheRefresh::goesOn(const QList<SyncJob> &page)
{
    m_pass.pageOverlaps = m_pass.stopAtOverlap && readsOverlap(page);
    if (m_pass.pageOverlaps) {
        m_reachedOverlap = true;
        return false;
    }
    if (!budgetLeft()) {
        m_stoppedByBudget = true;
        return false;
    }
    return true;
}

bool CacheRefresh::readsOverlap(const QList<SyncJob> &page)
{
    QStringList ids;
    ids.reserve(page.size());
    for (const SyncJob &j : page)
        ids.append(j.executionId);
    return !m_cache->heldState(m_key, ids, m_pass.overlapCoverage).finalInCoverage.isEmpty();
}

void CacheRefresh::onPageLoaded(const QList<SyncJob> &jobs, bool lastPage)
{
    if (m_finished)
        return;
    for (const SyncJob &j : jobs)
        m_listedIds.insert(j.executionId);
    queue(jobs, lastPage);
    // The newest page goes in at once, with the "as of" time (or the service has no jobs).
    if (m_pass.stage == Stage::Head && !m_refreshedAt.isValid()) {
        m_newestListedMs = m_pending.constLast().placement.newestListedMs;
        m_listedNothing = lastPage && jobs.isEmpty();
        if (!mergePending())
            return;
        m_refreshedAt = now();
        if (!m_cache->setRefreshed(m_key, m_refreshedAt))
            finish(cacheError(m_cache->errorString()));
        return;
    }
    if (m_pending.size() >= m_options.pagesPerCommit
        || m_pendingAge.elapsed() >= m_options.commitIntervalMs)
        mergePending();
    else if (!m_commitTimer.isActive())
        m_commitTimer.start(
            std::max<qint64>(0, m_options.commitIntervalMs - m_pendingAge.elapsed()));
}

// A listing from the top over a cache that already holds a stretch claims its pages only where it
// joins that stretch (the overlap) or reaches the end: interrupted before, it leaves its jobs and
// no claim, so there is never a hole inside what the cache says it holds, and the next refresh
// reads those pages again until it joins.
void CacheRefresh::queue(const QList<SyncJob> &jobs, bool lastPage)
{
    const bool joins = m_pass.stage != Stage::Head || m_pass.overlapCoverage.isEmpty() || lastPage
        || m_pass.pageOverlaps;
    PagePlacement placement = m_listing->placement(lastPage, now());
    placement.recordsCoverage = m_pass.recordsCoverage && joins;
    if (m_pending.isEmpty())
        m_pendingAge.start();
    m_pending.append({jobs, placement});
    m_pass.reachedEnd = m_pass.reachedEnd || lastPage;
}

bool CacheRefresh::mergePending()
{
    m_commitTimer.stop();
    if (m_pending.isEmpty())
        return true;
    if (!m_cache) {
        m_pending.clear();
        finish(cacheError(QStringLiteral("the history cache was closed during the refresh")));
        return false;
    }
    const QList<MergeResult> results = m_cache->mergePages(m_key, std::exchange(m_pending, {}));
    if (!results.constFirst().ok) {
        finish(cacheError(results.constFirst().error));
        return false;
    }
    report(results);
    return true;
}

void CacheRefresh::report(const QList<MergeResult> &results)
{
    QList<SyncJob> added;
    QList<SyncJob> updated;
    QStringList keptLocally;
    for (const MergeResult &r : results) {
        added += r.added;
        updated += r.updated;
        keptLocally += r.keptLocally;
    }
    m_pass.keptLocally += int(keptLocally.size());
    m_added += int(added.size());
    m_updated += int(updated.size());
    m_keptLocally += int(keptLocally.size());
    if (!added.isEmpty())
        emit jobsAdded(added);
    if (!updated.isEmpty())
        emit jobsUpdated(updated);
    if (!keptLocally.isEmpty())
        emit jobsKeptLocally(keptLocally);
}

QList<TimeRange> CacheRefresh::heldCoverage() const
{
    if (!m_cache)
        return {};
    const QList<TimeRange> coverage = m_cache->sourceState(m_key).coverage;
    if (!isCurrent())
        return coverage;
    if (m_listedNothing)
        return {TimeRange {}};
    return m_newestListedMs ? heldAsOfRefresh(coverage, *m_newestListedMs) : coverage;
}

void CacheRefresh::onPassFinished()
{
    if (m_finished)
        return;
    if (!mergePending())
        return;
    const AwsError error = m_listing->error();
    if (error.isError()) {
        finish(error);
        return;
    }
    if (m_pass.stage == Stage::Fill && m_pass.reachedEnd)
        m_filledToEnd = true;
    nextStep();
}

void CacheRefresh::finish(const AwsError &error)
{
    if (m_finished)
        return;
    // What was listed before an error or abort is kept, with what it proves.
    AwsError outcome = error;
    if (m_cache && !m_pending.isEmpty()) {
        const QList<MergeResult> results = m_cache->mergePages(m_key, std::exchange(m_pending, {}));
        if (results.constFirst().ok)
            report(results);
        else if (!outcome.isError())
            outcome = cacheError(results.constFirst().error);
    }
    m_pending.clear();
    m_commitTimer.stop();
    m_finished = true;
    m_error = outcome;
    ServiceListing::discard(m_listing);
    emit finished();
}

} // namespace syncdeck::cache
