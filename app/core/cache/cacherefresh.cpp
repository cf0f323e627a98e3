#include "cacherefresh.h"

#include "historycache.h"
#include "qbusiness/client.h"
#include "servicelisting.h"

#include <QMetaObject>

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
    if (client)
        m_key = DataSourceKey::of(client->config(), dataSource);
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
    if (!merge(jobs, lastPage))
        return;
    // The newest page was read (or the service has no jobs at all).
    if (m_pass.stage == Stage::Head && !m_refreshedAt.isValid()) {
        m_refreshedAt = now();
        if (!m_cache->setRefreshed(m_key, m_refreshedAt))
            finish(cacheError(m_cache->errorString()));
    }
}

bool CacheRefresh::merge(const QList<SyncJob> &jobs, bool lastPage)
{
    if (!m_cache) {
        finish(cacheError(QStringLiteral("the history cache was closed during the refresh")));
        return false;
    }
    // A listing from the top over a cache that already holds a stretch claims its pages only
    // where it joins that stretch (the overlap) or reaches the end: interrupted before, it leaves
    // its jobs and no claim, so there is never a hole inside what the cache says it holds, and
    // the next refresh reads those pages again until it joins.
    const bool joins = m_pass.stage != Stage::Head || m_pass.overlapCoverage.isEmpty() || lastPage
        || m_pass.pageOverlaps;
    PagePlacement placement = m_listing->placement(lastPage, now());
    placement.recordsCoverage = m_pass.recordsCoverage && joins;
    const MergeResult r = m_cache->mergePage(m_key, jobs, placement);
    if (!r.ok) {
        finish(cacheError(r.error));
        return false;
    }
    m_pass.reachedEnd = m_pass.reachedEnd || lastPage;
    m_pass.keptLocally += int(r.keptLocally.size());
    m_added += int(r.added.size());
    m_updated += int(r.updated.size());
    m_keptLocally += int(r.keptLocally.size());
    if (!r.added.isEmpty())
        emit jobsAdded(r.added);
    if (!r.updated.isEmpty())
        emit jobsUpdated(r.updated);
    if (!r.keptLocally.isEmpty())
        emit jobsKeptLocally(r.keptLocally);
    return true;
}

void CacheRefresh::onPassFinished()
{
    if (m_finished)
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
    m_finished = true;
    m_error = error;
    ServiceListing::discard(m_listing);
    emit finished();
}

} // namespace syncdeck::cache
