#pragma once

#include "cachetypes.h"
#include "datasourcekey.h"
#include "fleet/fleetrow.h"
#include "qbusiness/types.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QIODevice;
class QThread;

namespace syncdeck::cache {

// The local history cache: one SQLite file (Qt SQL, QSQLITE) holding, per data source of an
// endpoint, the sync jobs SyncDeck has listed, which stretches of the service's listing it holds
// completely (coverage), the jobs the service no longer returns, and the resource names. It is
// what the rest of SyncDeck talks to: SQL stays inside syncdeck_cache (its parts: CacheSchema,
// JobReader, JobWriter, ResourceStore, CacheMaintenance on one CacheConnection).
//
// Threads: an instance is one named connection and is used only from the thread that opened it
// (Qt SQL's rule; other threads get an error, never a crash). Open one instance per thread. Any
// number of instances and processes share the file: WAL lets readers go on beside the one
// writer, writers wait for each other up to the busy timeout, and every write is one transaction,
// so `kill -9` at any moment leaves the last committed state.
//
// Nothing secret is stored: keys are endpoint identities and resource ids, never credentials.
class HistoryCache : public QObject
{
    Q_OBJECT
public:
    // PRAGMA user_version of the schema this build writes. Migrations only ever add tables and
    // columns, so an older SyncDeck can still read a newer file (read only).
    static constexpr int SchemaVersion = 3;
    // PRAGMA application_id: marks the file as a SyncDeck cache ("SDHC").
    static constexpr qint32 ApplicationId = 0x53444843;

    // Where SyncDeck keeps its cache unless told otherwise: "SyncDeck" in the user's cache
    // folder (GenericCacheLocation: ~/.cache/SyncDeck, ~/Library/Caches/SyncDeck,
    // %LOCALAPPDATA%\cache\SyncDeck), the same for the window and syncdeck-cli.
    static QString defaultDirectory();
    static QString fileName(); // the database's name inside the directory

    explicit HistoryCache(QObject *parent = nullptr);
    ~HistoryCache() override;

    // Opens (creating, migrating or rebuilding) the cache; false when there is no usable cache,
    // and openReport() says why. Never throws away a file it could read: a damaged or foreign
    // file is moved aside, a newer one is opened read only.
    bool open(const OpenOptions &options = {});
    void close();
    bool isOpen() const;
    bool isReadOnly() const;
    const OpenReport &openReport() const;
    QString filePath() const;
    // The last failure of any call, with what to do about it.
    QString errorString() const;

    // --- Sync job history ---------------------------------------------------------------------
    // Jobs of one data source, newest first (the service's order); empty on error.
    QList<qbusiness::SyncJob> jobs(const DataSourceKey &key, const JobQuery &query = {});
    std::optional<qbusiness::SyncJob> job(const DataSourceKey &key, const QString &executionId);
    qint64 jobCount(const DataSourceKey &key, const JobQuery &query = {});
    // Execution ids of the jobs the service no longer returns ("kept locally").
    QSet<QString> keptLocally(const DataSourceKey &key);
    SourceState sourceState(const DataSourceKey &key);
    QList<DataSourceKey> sources();
    // Of `executionIds`, those held in a final status and inside `coverage` (the refresh's
    // overlap test), and those held while still running (to re-read).
    using HeldState = cache::HeldState;
    HeldState heldState(const DataSourceKey &key, const QStringList &executionIds,
                        const QList<TimeRange> &coverage);
    // Held jobs still running, newest first, with their start times (jobs without one cannot be
    // re-read on their own and are left out).
    QList<qbusiness::SyncJob> runningJobs(const DataSourceKey &key);
    // The start time of the n-th oldest job the service still returned when last listed (the
    // newest such job's when there are fewer), and how many such jobs start at or before it;
    // nullopt when there is none. Bounds the listing that checks whether the service dropped the
    // oldest jobs.
    std::optional<std::pair<qint64, qint64>> oldestListed(const DataSourceKey &key, int n);

    // One page of a listing, in one transaction: jobs inserted or updated, coverage extended,
    // and on the last page of an unfiltered listing the jobs it no longer returns marked.
    MergeResult mergePage(const DataSourceKey &key, const QList<qbusiness::SyncJob> &jobs,
                          const PagePlacement &placement);
    // Pages of listings in one transaction, in order, each merged as mergePage() merges it (its
    // coverage written with its jobs): all of them are stored, or none (every result failed).
    // One result per page. What a refresh does with the pages it listed meanwhile.
    QList<MergeResult> mergePages(const DataSourceKey &key, const QList<ListedPage> &pages);
    // The listing reached the newest job at `at` ("cached, as of").
    bool setRefreshed(const DataSourceKey &key, const QDateTime &at);

    // --- Resource names (for the pickers, offline) -------------------------------------------
    // Each store replaces the list under its parent with a complete listing read at `at`; the
    // readers give it back in the service's order, with when it was read.
    bool storeApplications(const QString &endpoint,
                           const QList<qbusiness::Application> &applications, const QDateTime &at);
    QList<qbusiness::Application> applications(const QString &endpoint,
                                               QDateTime *listedAt = nullptr);
    bool storeIndices(const QString &endpoint, const QString &applicationId,
                      const QList<qbusiness::Index> &indices, const QDateTime &at);
    QList<qbusiness::Index> indices(const QString &endpoint, const QString &applicationId,
                                    QDateTime *listedAt = nullptr);
    bool storeDataSources(const QString &endpoint, const QString &applicationId,
                          const QString &indexId, const QList<qbusiness::DataSource> &dataSources,
                          const QDateTime &at);
    QList<qbusiness::DataSource> dataSources(const QString &endpoint, const QString &applicationId,
                                             const QString &indexId, QDateTime *listedAt = nullptr);

    // --- Fleet overview (schema 3) ------------------------------------------------------------
    // The health rows of the fleet overview for one endpoint identity (endpointIdentity() of the
    // region's client config), so the overview opens on its last scan at once and offline.
    // storeFleetRows replaces that endpoint's rows with a complete scan read at `at` (one
    // transaction); fleetRows gives them back in the same order with every member, and when
    // they were scanned (invalid: never).
    bool storeFleetRows(const QString &endpoint, const QList<fleet::FleetRow> &rows,
                        const QDateTime &at);
    QList<fleet::FleetRow> fleetRows(const QString &endpoint, QDateTime *scannedAt = nullptr);

    // --- Management ---------------------------------------------------------------------------
    CacheInfo info();
    bool clearAll();
    bool clearDataSource(const DataSourceKey &key);
    // Removes jobs older than the age limit, then the oldest jobs until the database fits the
    // size limit, and gives the space back to the file system.
    PruneResult prune(const PruneLimits &limits, const QDateTime &now);
    // Every cached job (or one data source's) as JSON Lines: one object per job with the data
    // source it belongs to, "keptLocally", and "job" in the AWS CLI's shape. -1 on error.
    qint64 exportJsonLines(QIODevice *out, const std::optional<DataSourceKey> &only = {});
    // PRAGMA integrity_check: true when the file is sound; *details has SQLite's findings.
    bool checkIntegrity(QString *details = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace syncdeck::cache
