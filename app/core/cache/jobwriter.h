#pragma once

#include "cachetypes.h"
#include "jobrows.h"

namespace syncdeck::cache {

// The write path of the sync job history: pages of a listing merged in one transaction (jobs
// inserted or updated, what the cache now holds completely, the jobs the service no longer
// returns), and the time of the last refresh that reached the newest job.
class JobWriter
{
public:
    JobWriter(CacheConnection &db, JobRows &rows)
        : m_db(db)
        , m_rows(rows)
    { }

    QList<MergeResult> mergePages(const DataSourceKey &key, const QList<ListedPage> &pages);
    bool setRefreshed(const DataSourceKey &key, const QDateTime &at);

private:
    enum class Upsert { Failed, Added, Updated, Unchanged };
    // A job's row as the cache holds it.
    struct HeldRow
    {
        PackedJob packed;
        bool keptLocally = false;
    };
    bool mergeJobs(qint64 source, const QList<qbusiness::SyncJob> &jobs,
                   const PagePlacement &placement, MergeResult *result);
    // The rows held of `jobs`, by execution id; nullopt on error.
    std::optional<QHash<QString, HeldRow>> heldRows(qint64 source,
                                                    const QList<qbusiness::SyncJob> &jobs);
    Upsert upsert(qint64 source, const qbusiness::SyncJob &job, QHash<QString, HeldRow> *held);
    bool extendCoverage(qint64 source, const TimeRange &held);
    bool markKeptLocally(qint64 source, const TimeRange &range, const QSet<QString> &listed,
                         const QDateTime &at, QStringList *marked);

    CacheConnection &m_db;
    JobRows &m_rows;
};

} // namespace syncdeck::cache
