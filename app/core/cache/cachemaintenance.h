#pragma once

#include "cachetypes.h"
#include "jobreader.h"

#include <optional>

class QIODevice;

namespace syncdeck::cache {

// Managing the cache as a whole (see HistoryCache's "Management"): what it holds and its size,
// clearing it or one data source, pruning by age and size, the JSON Lines export, and SQLite's
// integrity check.
class CacheMaintenance
{
public:
    CacheMaintenance(CacheConnection &db, JobRows &rows, JobReader &reader)
        : m_db(db)
        , m_rows(rows)
        , m_reader(reader)
    { }

    CacheInfo info();
    bool clearAll();
    bool clearDataSource(const DataSourceKey &key);
    PruneResult prune(const PruneLimits &limits, const QDateTime &now);
    qint64 exportJsonLines(QIODevice *out, const std::optional<DataSourceKey> &only);
    bool checkIntegrity(QString *details);

private:
    bool removeBefore(qint64 cutoffMs, qint64 *removed);
    bool removeOrphanTexts();
    bool pruneToSize(qint64 maxBytes, qint64 *removed);
    qint64 usedBytes();
    qint64 jobCount(const QString &doing);
    bool compact(bool full = false);

    CacheConnection &m_db;
    JobRows &m_rows;
    JobReader &m_reader;
};

} // namespace syncdeck::cache
