#pragma once

#include "cachetypes.h"
#include "jobrows.h"

#include <optional>
#include <utility>

namespace syncdeck::cache {

// The read queries of the sync job history (see HistoryCache's "Sync job history"): each is one
// read transaction, so that it sees one committed state of the file.
class JobReader
{
public:
    JobReader(CacheConnection &db, JobRows &rows)
        : m_db(db)
        , m_rows(rows)
    { }

    QList<qbusiness::SyncJob> jobs(const DataSourceKey &key, const JobQuery &query);
    std::optional<qbusiness::SyncJob> job(const DataSourceKey &key, const QString &executionId);
    qint64 jobCount(const DataSourceKey &key, const JobQuery &query);
    QSet<QString> keptLocally(const DataSourceKey &key);
    SourceState sourceState(const DataSourceKey &key);
    QList<DataSourceKey> sources();
    HeldState heldState(const DataSourceKey &key, const QStringList &executionIds,
                        const QList<TimeRange> &coverage);
    QList<qbusiness::SyncJob> runningJobs(const DataSourceKey &key);
    std::optional<std::pair<qint64, qint64>> oldestListed(const DataSourceKey &key, int n);

private:
    // "source = ? AND ..." for a query; false when nothing can match (an unknown status the
    // cache never held).
    bool jobFilter(qint64 source, const JobQuery &query, QString *where, QVariantList *binds);
    // Jobs newest first, as the service lists them.
    QList<qbusiness::SyncJob> selectJobs(const QString &where, const QVariantList &binds,
                                         const QString &tail = {});
    // heldState() of some ids, added to *held.
    void readHeld(qint64 source, const QStringList &executionIds, const QList<TimeRange> &coverage,
                  HeldState *held);

    CacheConnection &m_db;
    JobRows &m_rows;
};

} // namespace syncdeck::cache
