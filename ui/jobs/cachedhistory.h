#pragma once

#include "cache/cachetypes.h"
#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace syncdeck::cache {
class CacheRefresh;
class HistoryCache;
} // namespace syncdeck::cache

namespace syncdeck::qbusiness {
class Client;
}

namespace syncdeck::ui {

// The window's side of the local history cache: opens the cache file (a folder given by
// --cache-dir or the settings), gives the jobs page the cached history of a data source at once
// (the rows that fill the table, then the rest on the next turns of the event loop), then brings
// it up to date with an incremental refresh whose changes the page applies in place, and says
// how fresh what is shown is
// ("cached, as of 14:02 — refreshing…", offline). It owns no widget; the page and the window show
// its state.
class CachedHistory : public QObject
{
    Q_OBJECT
public:
    explicit CachedHistory(QObject *parent = nullptr);
    ~CachedHistory() override;

    // Opens the cache in `directory` (empty: HistoryCache::defaultDirectory()) and prunes it to
    // the limits. False when there is no usable cache; message() says why (the window then
    // works as without a cache). A message is also set when a damaged file was moved aside.
    bool open(const QString &directory, const cache::PruneLimits &limits = {});
    void close();
    bool isOpen() const;
    QString message() const { return m_message; }
    QString directory() const { return m_directory; }
    cache::HistoryCache *cache() const { return m_cache.get(); }

    // Where refreshes go (not owned); nullptr: offline by choice, the cache alone answers.
    void setClient(qbusiness::Client *client);
    // The endpoint the client talks to, as the cache keys it ("aws/us-east-1", a URL).
    QString endpoint() const { return m_endpoint; }

    // What the cache holds for a listing, to show before any reply.
    struct Snapshot
    {
        bool known = false; // the cache has seen this data source
        bool complete = false; // the jobs (with the rest) are the whole answer to the request
        QList<qbusiness::SyncJob> jobs; // newest first, kept-locally jobs included
        bool more = false; // older jobs follow: deliverRest()
        QSet<QString> keptLocally;
        QDateTime asOf; // the last refresh that reached the newest job
    };
    // The newest `firstPage` jobs the cache holds for the request (all of them when <= 0), so
    // that a view paints its first rows without reading a long history first.
    Snapshot snapshot(const qbusiness::ListSyncJobsRequest &request, int firstPage = 0);
    // Once the first page is in the view: the rest of the snapshot, newest first, in chunks
    // (restLoaded()) on the following event-loop turns, each after the repaints already asked
    // for, then snapshotLoaded(). Meanwhile what a refresh changes is held back and follows,
    // in order, so it applies to the whole history. A new snapshot, close() or setClient()
    // drops what is left.
    void deliverRest();
    // The rest of the last snapshot is still on its way.
    bool isDelivering() const { return m_delivery.active; }
    // The cache holds the whole answer to the request (its range is covered; after a refresh
    // that read the newest page, also the stretch above the newest job it listed).
    bool holdsCompletely(const qbusiness::ListSyncJobsRequest &request);
    // Starts an incremental refresh of the request's data source (a running one is aborted);
    // jobsAdded/jobsUpdated/jobsKeptLocally report what changed, filtered to the request.
    void refresh(const qbusiness::ListSyncJobsRequest &request);
    void abort();

    // Also while its refreshFinished() waits for the rest of a snapshot (deliverRest()).
    bool isRefreshing() const { return m_refresh || m_finishHeld; }
    // The last refresh could not reach the service (no network, connection refused, timeout).
    bool isOffline() const { return m_offline; }
    QDateTime asOf() const { return m_asOf; }
    // "cached, as of 14:02 — refreshing…", "offline: cached, as of 14:02 (3 h ago)", "" when
    // what is shown is fresh or not from the cache.
    QString statusText(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // "as of 14:02", with the age "as of 14:02 (3 h 12 min ago)"; "never refreshed".
    QString asOfText(const QDateTime &now = QDateTime::currentDateTimeUtc(),
                     bool withAge = true) const;

    bool clearAll();
    bool clearDataSource(const qbusiness::ListSyncJobsRequest &request);
    QString errorString() const;

signals:
    // Part of the rest of a snapshot (older than every job delivered before); `more`: further
    // parts follow (the last part may be empty).
    void restLoaded(const QList<syncdeck::qbusiness::SyncJob> &jobs, bool more);
    // The last snapshot was delivered whole.
    void snapshotLoaded();
    void jobsAdded(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void jobsUpdated(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void keptLocallyChanged(const QSet<QString> &executionIds);
    // A refresh ended; `error` is set when it failed (offline: isOffline()).
    void refreshFinished(const syncdeck::qbusiness::AwsError &error);
    void stateChanged();

protected:
    void customEvent(QEvent *event) override;

private:
    // The rest of a snapshot, read from the cache a chunk at a time.
    struct Delivery
    {
        bool active = false;
        quint64 generation = 0; // of the snapshot it belongs to; a posted chunk checks it
        cache::DataSourceKey key;
        cache::JobQuery query;
    };

    cache::DataSourceKey keyOf(const qbusiness::ListSyncJobsRequest &request) const;
    QList<qbusiness::SyncJob> matching(const QList<qbusiness::SyncJob> &jobs) const;
    void onRefreshFinished();
    void postChunk();
    void deliverChunk();
    void stopDelivery();
    // Emits now, or after the snapshot's rest while it is delivered.
    void emitInOrder(std::function<void()> signal);

    std::unique_ptr<cache::HistoryCache> m_cache;
    QPointer<qbusiness::Client> m_client;
    QString m_endpoint;
    QString m_directory;
    QString m_message;
    std::unique_ptr<cache::CacheRefresh> m_refresh;
    qbusiness::ListSyncJobsRequest m_request;
    QSet<QString> m_keptLocally;
    QDateTime m_asOf;
    // What the cache held as of the last refresh that ended (CacheRefresh::heldCoverage()).
    cache::DataSourceKey m_refreshedKey;
    QList<cache::TimeRange> m_heldAsOfRefresh;
    Delivery m_delivery;
    QList<std::function<void()>> m_held; // refresh signals waiting for the delivery's end
    bool m_finishHeld = false; // ... refreshFinished() among them
    bool m_showingCached = false; // rows on screen came from the cache, not yet confirmed
    bool m_offline = false;
};

} // namespace syncdeck::ui
