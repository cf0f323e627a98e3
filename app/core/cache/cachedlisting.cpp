#include "cachedlisting.h"

#include "historycache.h"
#include "qbusiness/client.h"
#include "servicelisting.h"

namespace syncdeck::cache {

using qbusiness::AwsError;
using qbusiness::SyncJob;

namespace {
// Chunks of the cached answer: a caller can print as it goes, as with pages from the service.
constexpr int CacheChunk = 1000;
// Jobs per request for the stretches the cache does not hold (the service allows 1..10).
constexpr int PageSize = 10;
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
    finish(cancelled(QStringLiteral("the listing was cancelled")));
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
    // The refresh read the newest page: nothing exists above what the cache holds from the top.
    m_pieces = split(rangeOf(m_request.startTime, m_request.endTime), m_refresh->heldCoverage());
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
    qbusiness::ListSyncJobsRequest request = m_request;
    request.startTime = timeOf(range.fromMs);
    request.endTime = timeOf(range.toMs);
    ServiceListing::discard(m_listing); // we may be inside its finished()
    m_listing = std::make_unique<ServiceListing>(m_client, request, PageSize, &m_requests);
    connect(m_listing.get(), &ServiceListing::pageLoaded, this, &CachedListing::onServicePage);
    connect(m_listing.get(), &ServiceListing::finished, this, &CachedListing::onServiceFinished);
    m_listing->start();
}

// What the service answered goes into the cache too (with what it proves when unfiltered).
void CachedListing::onServicePage(const QList<SyncJob> &jobs, bool lastPage)
{
    if (m_finished)
        return;
    m_fetched += jobs.size();
    if (m_cache && !m_cache->isReadOnly()) {
        const MergeResult r = m_cache->mergePage(
            m_key, jobs, m_listing->placement(lastPage, QDateTime::currentDateTimeUtc()));
        if (!r.ok)
            m_cacheWarning = r.error;
    }
    if (!jobs.isEmpty())
        emit jobsListed(jobs);
}

void CachedListing::onServiceFinished()
{
    if (m_finished)
        return;
    if (m_listing->error().isError()) {
        finish(m_listing->error());
        return;
    }
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
    ServiceListing::discard(m_listing);
    emit finished();
}

} // namespace syncdeck::cache
