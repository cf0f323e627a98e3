#pragma once

#include "cachetypes.h"
#include "coverage.h"
#include "datasourcekey.h"
#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace syncdeck::qbusiness {
class Client;
}

namespace syncdeck::cache {

class HistoryCache;
class ServiceListing;

struct RefreshOptions
{
    enum class Depth {
        // Newest first until the overlap: a job the cache already holds, finished, inside what it
        // holds completely. Then a targeted re-read of each job it holds as running that the
        // listing did not reach. Nothing new: one request.
        Incremental,
        // Incremental, then on down to the end of the service's listing (the whole history: "Load
        // all"); when the cache held everything already, one listing of its oldest jobs checks
        // whether the service stopped returning them.
        Complete,
        // The whole listing from the top, ignoring the overlap: every job read again, and every
        // job the service no longer returns marked as kept locally.
        Verify,
    };
    Depth depth = Depth::Incremental;
    int pageSize = 10; // maxResults per request (the service allows 1..10)
    // Requests (attempts included) this refresh may send; 0: no limit. When it is reached the
    // refresh stops cleanly: what it merged is recorded, the next refresh goes on from there.
    int maxRequests = 0;
    int maxRereads = 20; // targeted re-reads of running jobs per refresh
    // The pages listed meanwhile are merged together, in one transaction: the newest page at
    // once, then at most this many pages or this long after the first of them arrived, and at
    // the end of each listing. A crash loses at most those (the next refresh reads them again).
    int pagesPerCommit = 50;
    int commitIntervalMs = 500;
};

// Brings one data source's cached history up to date from the service (ListDataSourceSyncJobs),
// the pages merged a few at a time (RefreshOptions::pagesPerCommit), each transaction recording
// what its pages prove, and says what changed as it goes. Every listing is a ServiceListing
// (the paginator's repeated-token rule bounds each of them); requests go one at a time.
//
// Contract (as qbusiness::Call): start() is queued; finished() fires exactly once (also after
// abort()); the results and error() are valid after it. Pages merged before an error stay
// merged, and the cache records exactly what they prove, so the next refresh continues.
class CacheRefresh : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // `dataSource` names the application, index and data source (its filters, token and page
    // size are ignored). The cache and client are not owned and must live on this thread.
    CacheRefresh(HistoryCache *cache, qbusiness::Client *client,
                 const qbusiness::ListSyncJobsRequest &dataSource, RefreshOptions options = {},
                 QObject *parent = nullptr);
    ~CacheRefresh() override;

    void setClock(Clock clock); // "as of" and "kept locally since" times; default: system UTC
    void start();
    void abort();

    bool isFinished() const { return m_finished; }
    const qbusiness::AwsError &error() const { return m_error; }
    const DataSourceKey &key() const { return m_key; }

    // After finished():
    int requestCount() const { return m_requests; } // requests sent, retries included
    int addedCount() const { return m_added; }
    int updatedCount() const { return m_updated; }
    int keptLocallyCount() const { return m_keptLocally; }
    int rereadCount() const { return m_rereads; }
    bool reachedOverlap() const { return m_reachedOverlap; }
    // The newest page was read: the cache holds the service's newest jobs as of refreshedAt().
    bool isCurrent() const { return m_refreshedAt.isValid(); }
    QDateTime refreshedAt() const { return m_refreshedAt; }
    bool stoppedByBudget() const { return m_stoppedByBudget; }
    // Every executionId this refresh read from the service (to know which held jobs are fresh).
    const QSet<QString> &listedIds() const { return m_listedIds; }
    // What the cache holds completely as of this refresh: its coverage and, when the refresh
    // read the newest page and holds everything down from the newest job it listed, the stretch
    // after that job (heldAsOfRefresh()): an "All time" listing is then the cache's to answer.
    QList<TimeRange> heldCoverage() const;

signals:
    // Per merge (the pages merged together): jobs the cache did not hold (newest first), jobs that
    // changed (a running job that moved on, a job listed again after being kept locally), and jobs
    // the service no longer returns. A view updates its rows in place from these.
    void jobsAdded(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void jobsUpdated(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void jobsKeptLocally(const QStringList &executionIds);
    void finished();

private:
    enum class Stage { Head, Fill, Probe, Reread, Done };
    struct Pass
    {
        Stage stage = Stage::Head;
        qbusiness::ListSyncJobsRequest request; // its time range is what the pass lists
        bool stopAtOverlap = false;
        bool recordsCoverage = true;
        QList<TimeRange> overlapCoverage; // what the cache held completely before this pass
        bool pageOverlaps = false; // the page read last
        bool reachedEnd = false;
        int keptLocally = 0;
    };

    void run();
    void nextStep();
    bool startFill();
    bool startProbe();
    bool startReread();
    void startPass(Pass pass);
    bool goesOn(const QList<qbusiness::SyncJob> &page);
    bool readsOverlap(const QList<qbusiness::SyncJob> &page);
    void onPageLoaded(const QList<qbusiness::SyncJob> &jobs, bool lastPage);
    void onPassFinished();
    void queue(const QList<qbusiness::SyncJob> &jobs, bool lastPage);
    // Merges the pages listed meanwhile; false (finished with the cache's error) on failure.
    bool mergePending();
    void report(const QList<MergeResult> &results);
    bool budgetLeft() const;
    void finish(const qbusiness::AwsError &error);
    QDateTime now() const;

    QPointer<HistoryCache> m_cache;
    QPointer<qbusiness::Client> m_client;
    qbusiness::ListSyncJobsRequest m_dataSource;
    DataSourceKey m_key;
    RefreshOptions m_options;
    Clock m_clock;

    Stage m_stage = Stage::Head;
    Pass m_pass;
    std::unique_ptr<ServiceListing> m_listing;
    QList<ListedPage> m_pending; // listed, not merged yet (their placements point into m_listing)
    QElapsedTimer m_pendingAge;
    QTimer m_commitTimer;
    std::optional<qint64> m_newestListedMs; // of the listing from the top
    bool m_listedNothing = false; // the listing from the top reached its end without a job
    QList<qbusiness::SyncJob> m_rereadQueue;
    bool m_rereadsQueued = false;
    std::optional<qint64> m_lastFillFrom;
    bool m_filledToEnd = false;
    int m_probes = 0;
    int m_probeHeld = 0; // jobs held in the range of the last probe

    bool m_started = false;
    bool m_finished = false;
    qbusiness::AwsError m_error;
    int m_requests = 0;
    int m_added = 0;
    int m_updated = 0;
    int m_keptLocally = 0;
    int m_rereads = 0;
    bool m_reachedOverlap = false;
    bool m_stoppedByBudget = false;
    QDateTime m_refreshedAt;
    QSet<QString> m_listedIds;
};

} // namespace syncdeck::cache
