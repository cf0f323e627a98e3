#include "historycache.h"

#include "cacheconnection.h"
#include "cachemaintenance.h"
#include "cacheschema.h"
#include "jobreader.h"
#include "jobrows.h"
#include "jobwriter.h"
#include "resourcestore.h"

#include <QDir>
#include <QStandardPaths>

namespace syncdeck::cache {

using qbusiness::SyncJob;

// The parts of the cache, each a class of its own, around one connection.
struct HistoryCache::Private
{
    CacheConnection db;
    JobRows rows {db};
    JobReader reader {db, rows};
    JobWriter writer {db, rows};
    ResourceStore resources {db, rows};
    CacheMaintenance maintenance {db, rows, reader};
    QString path;
    OpenReport report;
};

QString HistoryCache::defaultDirectory()
{
    // Not CacheLocation: it depends on the application name, and the window ("SyncDeck") and
    // syncdeck-cli must share one cache.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/SyncDeck");
}

QString HistoryCache::fileName()
{
    return QStringLiteral("history.sqlite");
}

HistoryCache::HistoryCache(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{ }

HistoryCache::~HistoryCache()
{
    close();
}

bool HistoryCache::open(const OpenOptions &options)
{
    close();
    const QString directory
        = QDir::cleanPath(options.directory.isEmpty() ? defaultDirectory() : options.directory);
    d->path = directory + u'/' + fileName();
    d->report = CacheSchema(d->db).open(directory, d->path, std::max(0, options.busyTimeoutMs));
    return d->report.outcome != OpenReport::Outcome::Failed;
}

void HistoryCache::close()
{
    d->db.disconnect();
    d->db.markClosed();
}

bool HistoryCache::isOpen() const
{
    return d->db.isOpen();
}

bool HistoryCache::isReadOnly() const
{
    return d->db.isReadOnly();
}

const OpenReport &HistoryCache::openReport() const
{
    return d->report;
}

QString HistoryCache::filePath() const
{
    return d->path;
}

QString HistoryCache::errorString() const
{
    return d->db.error();
}

QList<SyncJob> HistoryCache::jobs(const DataSourceKey &key, const JobQuery &query)
{
    return d->reader.jobs(key, query);
}

std::optional<SyncJob> HistoryCache::job(const DataSourceKey &key, const QString &executionId)
{
    return d->reader.job(key, executionId);
}

qint64 HistoryCache::jobCount(const DataSourceKey &key, const JobQuery &query)
{
    return d->reader.jobCount(key, query);
}

QSet<QString> HistoryCache::keptLocally(const DataSourceKey &key)
{
    return d->reader.keptLocally(key);
}

SourceState HistoryCache::sourceState(const DataSourceKey &key)
{
    return d->reader.sourceState(key);
}

QList<DataSourceKey> HistoryCache::sources()
{
    return d->reader.sources();
}

HeldState HistoryCache::heldState(const DataSourceKey &key, const QStringList &executionIds,
                                  const QList<TimeRange> &coverage)
{
    return d->reader.heldState(key, executionIds, coverage);
}

QList<SyncJob> HistoryCache::runningJobs(const DataSourceKey &key)
{
    return d->reader.runningJobs(key);
}

std::optional<std::pair<qint64, qint64>> HistoryCache::oldestListed(const DataSourceKey &key, int n)
{
    return d->reader.oldestListed(key, n);
}

MergeResult HistoryCache::mergePage(const DataSourceKey &key, const QList<SyncJob> &jobs,
                                    const PagePlacement &placement)
{
    return d->writer.mergePages(key, {{jobs, placement}}).constFirst();
}

QList<MergeResult> HistoryCache::mergePages(const DataSourceKey &key,
                                            const QList<ListedPage> &pages)
{
    return d->writer.mergePages(key, pages);
}

bool HistoryCache::setRefreshed(const DataSourceKey &key, const QDateTime &at)
{
    return d->writer.setRefreshed(key, at);
}

bool HistoryCache::storeApplications(const QString &endpoint,
                                     const QList<qbusiness::Application> &applications,
                                     const QDateTime &at)
{
    return d->resources.storeApplications(endpoint, applications, at);
}

QList<qbusiness::Application> HistoryCache::applications(const QString &endpoint,
                                                         QDateTime *listedAt)
{
    return d->resources.applications(endpoint, listedAt);
}

bool HistoryCache::storeIndices(const QString &endpoint, const QString &applicationId,
                                const QList<qbusiness::Index> &indices, const QDateTime &at)
{
    return d->resources.storeIndices(endpoint, applicationId, indices, at);
}

QList<qbusiness::Index> HistoryCache::indices(const QString &endpoint, const QString &applicationId,
                                              QDateTime *listedAt)
{
    return d->resources.indices(endpoint, applicationId, listedAt);
}

bool HistoryCache::storeDataSources(const QString &endpoint, const QString &applicationId,
                                    const QString &indexId,
                                    const QList<qbusiness::DataSource> &dataSources,
                                    const QDateTime &at)
{
    return d->resources.storeDataSources(endpoint, applicationId, indexId, dataSources, at);
}

QList<qbusiness::DataSource> HistoryCache::dataSources(const QString &endpoint,
                                                       const QString &applicationId,
                                                       const QString &indexId, QDateTime *listedAt)
{
    return d->resources.dataSources(endpoint, applicationId, indexId, listedAt);
}

bool HistoryCache::storeFleetRows(const QString &endpoint, const QList<fleet::FleetRow> &rows,
                                  const QDateTime &at)
{
    return d->resources.storeFleetRows(endpoint, rows, at);
}

QList<fleet::FleetRow> HistoryCache::fleetRows(const QString &endpoint, QDateTime *scannedAt)
{
    return d->resources.fleetRows(endpoint, scannedAt);
}

CacheInfo HistoryCache::info()
{
    CacheInfo info = d->maintenance.info();
    info.filePath = d->path; // also when the cache could not be opened
    return info;
}

bool HistoryCache::clearAll()
{
    return d->maintenance.clearAll();
}

bool HistoryCache::clearDataSource(const DataSourceKey &key)
{
    return d->maintenance.clearDataSource(key);
}

PruneResult HistoryCache::prune(const PruneLimits &limits, const QDateTime &now)
{
    return d->maintenance.prune(limits, now);
}

qint64 HistoryCache::exportJsonLines(QIODevice *out, const std::optional<DataSourceKey> &only)
{
    return d->maintenance.exportJsonLines(out, only);
}

bool HistoryCache::checkIntegrity(QString *details)
{
    return d->maintenance.checkIntegrity(details);
}

} // namespace syncdeck::cache
