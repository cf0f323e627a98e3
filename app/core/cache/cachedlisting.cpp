#include "cachedlisting.h"

#include "historycache.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"

#include <QMetaObject>

namespace syncdeck::cache {

using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::ListSyncJobsCall;
using qbusiness::Paginator;
using qbusiness::SyncJob;

namespace {
// Chunks of the cached answer: a caller can print as it goes, as with pages from the service.
constexpr int CacheChunk = 1000;

std::optional<qint64> msOf(const QDateTime &t)
{
    return t.isValid() ? std::optional<qint64>(t.toMSecsSinceEpoch()) : std::nullopt;
}

QDateTime timeOf(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
}
} // namespace

CachedListing::CachedListing(HistoryCache *cache, qbusiness::Client *client,
                             const qbusiness::ListSyncJobsRequest &request, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_request(request)
{
    m_request.nextToken.clear();
    m_request.maxResults = 0;
    if (client)
        m_key = DataSourceKey::of(client->config(), request);
}

CachedListing::~CachedListing() = default;

void CachedListing::setRefreshOptions(const RefreshOptions &options)
{
    m_refreshOptions = options;
}

int CachedListing::requestCount() const
{
    return m_requests + (m_refresh ? m_refresh->requestCount() : 0);
}

void CachedListing::start()
{
    if (m_started)
        return;
    m_started = true;
    m_refresh = std::make_unique<CacheRefresh>(m_cache, m_client, m_request, m_refreshOptions);
    connect(m_refresh.get(), &CacheRefresh::finished, this, &CachedListing::onRefreshed);
    m_refresh->start();
}

void CachedListing::abort()
{
    finish(AwsError::make(AwsError::Kind::Aborted, QStringLiteral("Aborted"),
                          QStringLiteral("the listing was cancelled")));
}

void CachedListing::onRefreshed()
{
    if (m_finished)
        return;
    if (m_refresh->error().isError()) {
        // The listing fails as a fresh one would (the same request met the same service).
        finish(m_refresh->error());
        return;
    }
    QList<TimeRange> coverage = m_cache->sourceState(m_key).coverage;
    const TimeRange query {msOf(m_request.startTime), msOf(m_request.endTime)};
    m_pieces = split(query, coverage);
    // The refresh read the newest page: nothing exists above what the cache holds from the top.
    if (m_refresh->isCurrent() && !coverage.isEmpty() && !m_pieces.isEmpty()
        && !m_pieces.constFirst().covered && coverage.constFirst().toMs
        && m_pieces.constFirst().range.fromMs
        && *m_pieces.constFirst().range.fromMs > *coverage.constFirst().toMs)
        m_pieces.removeFirst();
    nextPiece();
}

void CachedListing::nextPiece()
{
    while (!m_finished && !m_pieces.isEmpty()) {
        const RangePiece piece = m_pieces.takeFirst();
        if (piece.covered && answerFromCache(piece.range))
            continue;
        if (m_finished)
            return;
        listFromService(piece.range);
        return;
    }
    finish({});
}

// False when the cache cannot answer this stretch after all (a running job not read again).
bool CachedListing::answerFromCache(const TimeRange &range)
{
    JobQuery query;
    query.statusFilter = m_request.statusFilter;
    query.range = range;
    query.includeKeptLocally = false;
    const QList<SyncJob> jobs = m_cache->jobs(m_key, query);
    if (!m_cache->errorString().isEmpty())
        return false; // the service can still answer
    const QSet<QString> &fresh = m_refresh->listedIds();
    for (const SyncJob &j : jobs) {
        if (!qbusiness::isFinalStatus(j.statusKind()) && !fresh.contains(j.executionId))
            return false;
    }
    m_cached += jobs.size();
    for (qsizetype i = 0; i < jobs.size() && !m_finished; i += CacheChunk)
        emit jobsListed(jobs.mid(i, CacheChunk));
    return true;
}

void CachedListing::listFromService(const TimeRange &range)
{
    m_servicePiece = range;
    m_servicePieceIds.clear();
    m_servicePieceNewest.reset();
    m_servicePieceEnded = false;
    m_servicePieceLastMerged = false;
    qbusiness::ListSyncJobsRequest request = m_request;
    request.startTime = timeOf(range.fromMs);
    request.endTime = timeOf(range.toMs);
    if (m_paginator)
        m_paginator.release()->deleteLater(); // we may be inside its finished()
    m_paginator = std::make_unique<Paginator>(
        countRequests(Paginator::syncJobPages(m_client, request), this, &m_requests),
        [this](Call *job) {
            const auto *j = static_cast<ListSyncJobsCall *>(job);
            m_servicePieceEnded = j->page.nextToken.isEmpty();
            return Paginator::PageInfo {int(j->page.history.size()), j->page.nextToken};
        });
    m_paginator->setPageSize(10);
    connect(m_paginator.get(), &Paginator::pageLoaded, this, &CachedListing::onServicePage);
    connect(m_paginator.get(), &Paginator::finished, this, &CachedListing::onServiceFinished);
    m_paginator->start();
}

void CachedListing::onServicePage(Call *job, int first, int count)
{
    if (m_finished)
        return;
    const QList<SyncJob> jobs
        = static_cast<ListSyncJobsCall *>(job)->page.history.mid(first, count);
    for (const SyncJob &j : jobs) {
        m_servicePieceIds.insert(j.executionId);
        if (!m_servicePieceNewest && j.startTime.isValid())
            m_servicePieceNewest = j.startTime.toMSecsSinceEpoch();
    }
    m_fetched += jobs.size();
    mergeServicePage(jobs);
    emit jobsListed(jobs);
}

// What the service answered goes into the cache too (with what it proves when unfiltered).
void CachedListing::mergeServicePage(const QList<SyncJob> &jobs)
{
    if (!m_cache || m_cache->isReadOnly())
        return;
    PagePlacement placement;
    placement.requested = m_servicePiece;
    placement.statusFilter = m_request.statusFilter;
    placement.newestListedMs = m_servicePieceNewest;
    placement.lastPage = m_servicePieceEnded;
    placement.listedIds = &m_servicePieceIds;
    placement.listedAt = QDateTime::currentDateTimeUtc();
    const MergeResult r = m_cache->mergePage(m_key, jobs, placement);
    if (!r.ok)
        m_cacheWarning = r.error;
    m_servicePieceLastMerged = m_servicePieceEnded;
}

void CachedListing::onServiceFinished()
{
    if (m_finished)
        return;
    if (m_paginator->error().isError()) {
        finish(m_paginator->error());
        return;
    }
    // The paginator hands out no empty page: an empty last page still proves the end.
    if (m_servicePieceEnded && !m_servicePieceLastMerged)
        mergeServicePage({});
    nextPiece();
}

void CachedListing::finish(const AwsError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_refresh && !m_refresh->isFinished()) {
        m_refresh->disconnect(this);
        m_refresh->abort();
    }
    if (m_paginator) {
        m_paginator->disconnect(this);
        m_paginator->abort();
        m_paginator.release()->deleteLater();
    }
    emit finished();
}

} // namespace syncdeck::cache
