#pragma once

#include "cacherefresh.h" // RefreshOptions, and what a CacheRefresh needs

namespace syncdeck::cache {

// One ListDataSourceSyncJobs (status and time filters) answered exactly as a fresh listing
// would answer it, with as few requests as the cache allows: an incremental refresh first, then
// each stretch of the requested time range that the cache holds completely comes from the cache
// (without the jobs the service no longer returns), and every other stretch from the service,
// whose pages are merged into the cache as they arrive. A held job that is still running and
// that the refresh did not read again is never answered from the cache.
//
// Contract (as qbusiness::Call): start() is queued; jobsListed() delivers the answer in order,
// newest first, in chunks; finished() fires exactly once, and error() is valid after it.
class CachedListing : public QObject
{
    Q_OBJECT
public:
    // The request's application, index, data source, statusFilter, startTime and endTime count;
    // its nextToken and maxResults do not. Cache and client are not owned, same thread.
    CachedListing(HistoryCache *cache, qbusiness::Client *client,
                  const qbusiness::ListSyncJobsRequest &request, QObject *parent = nullptr);
    ~CachedListing() override;

    void setRefreshOptions(const RefreshOptions &options); // default: Incremental
    void start();
    void abort();

    bool isFinished() const { return m_finished; }
    const qbusiness::AwsError &error() const { return m_error; }
    int requestCount() const; // the refresh's and the listing's, retries included
    qint64 cachedCount() const { return m_cached; } // jobs answered from the cache
    qint64 fetchedCount() const { return m_fetched; } // jobs answered by the service
    // A page the service answered could not be stored (the answer is complete regardless).
    QString cacheWarning() const { return m_cacheWarning; }

signals:
    void jobsListed(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void finished();

private:
    void onRefreshed();
    void nextPiece();
    bool answerFromCache(const TimeRange &range);
    void listFromService(const TimeRange &range);
    void onServicePage(const QList<qbusiness::SyncJob> &jobs, bool lastPage);
    void onServiceFinished();
    void finish(const qbusiness::AwsError &error);

    QPointer<HistoryCache> m_cache;
    QPointer<qbusiness::Client> m_client;
    qbusiness::ListSyncJobsRequest m_request;
    DataSourceKey m_key;
    RefreshOptions m_refreshOptions;
    std::unique_ptr<CacheRefresh> m_refresh;
    std::unique_ptr<ServiceListing> m_listing; // a stretch the cache does not hold
    QList<RangePiece> m_pieces;

    bool m_started = false;
    bool m_finished = false;
    qbusiness::AwsError m_error;
    int m_requests = 0;
    qint64 m_cached = 0;
    qint64 m_fetched = 0;
    QString m_cacheWarning;
};

} // namespace syncdeck::cache
