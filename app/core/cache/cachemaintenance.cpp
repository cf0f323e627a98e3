#include "cachemaintenance.h"

#include "aws/jsonwriter.h"
#include "qbusiness/jsoncodec.h"

#include <QFileInfo>
#include <QIODevice>

#include <algorithm>

namespace syncdeck::cache {

using qbusiness::SyncJob;

namespace {
// Every table, the rows that refer to others first.
constexpr const char *Tables[]
    = {"jobs",         "coverage",          "texts",      "sources",     "applications", "indices",
       "data_sources", "resource_listings", "fleet_rows", "fleet_scans", "endpoints"};
} // namespace

qint64 CacheMaintenance::usedBytes()
{
    const QString doing = QStringLiteral("measuring the cache");
    const qint64 pages = m_db.scalar(QStringLiteral("PRAGMA page_count"), doing).value_or(0);
    const qint64 free = m_db.scalar(QStringLiteral("PRAGMA freelist_count"), doing).value_or(0);
    return (pages - free) * m_db.scalar(QStringLiteral("PRAGMA page_size"), doing).value_or(0);
}

qint64 CacheMaintenance::jobCount(const QString &doing)
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM jobs"), doing).value_or(0);
}

// Gives free pages back to the file system and empties the write-ahead log; `full` also
// repacks half-empty pages (VACUUM: a rewrite of the file, for prune() only). Outside any
// transaction; a reader in another process may keep the log from being truncated, which is
// harmless.
bool CacheMaintenance::compact(bool full)
{
    const QString doing = QStringLiteral("compacting the cache");
    if (!m_db.run(full ? QStringLiteral("VACUUM") : QStringLiteral("PRAGMA incremental_vacuum"),
                  doing))
        return false;
    m_db.run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), doing, {}, true);
    return true;
}

CacheInfo CacheMaintenance::info()
{
    CacheInfo info;
    info.filePath = m_db.path();
    info.readOnly = m_db.isReadOnly();
    if (!m_db.usable(false))
        return info;
    info.fileBytes = QFileInfo(info.filePath).size()
        + QFileInfo(info.filePath + QStringLiteral("-wal")).size();
    const QString doing = QStringLiteral("reading the cache's size");
    info.schemaVersion = int(m_db.scalar(QStringLiteral("PRAGMA user_version"), doing).value_or(0));
    info.usedBytes = usedBytes();
    info.jobCount = jobCount(doing);
    info.textCount = m_db.scalar(QStringLiteral("SELECT count(*) FROM texts"), doing).value_or(0);
    const QList<DataSourceKey> keys = m_reader.sources();
    for (const DataSourceKey &key : keys)
        info.sources.append({key, m_reader.sourceState(key)});
    return info;
}

bool CacheMaintenance::clearAll()
{
    CacheConnection::Transaction tx(m_db);
    if (!tx.open(true))
        return false;
    for (const char *table : Tables) {
        if (!m_db.run(QStringLiteral("DELETE FROM ") + QLatin1String(table),
                      QStringLiteral("clearing the cache")))
            return false;
    }
    if (!tx.commit())
        return false;
    m_db.forget();
    return compact();
}

bool CacheMaintenance::clearDataSource(const DataSourceKey &key)
{
    CacheConnection::Transaction tx(m_db);
    if (!tx.open(true))
        return false;
    const qint64 source = m_rows.sourceId(key, false);
    if (source < 0)
        return tx.commit();
    const QString doing = QStringLiteral("clearing a data source");
    for (const char *sql :
         {"DELETE FROM jobs WHERE source = ?", "DELETE FROM coverage WHERE source = ?",
          "DELETE FROM sources WHERE id = ?"}) {
        if (!m_db.run(QLatin1String(sql), doing, {source}))
            return false;
    }
    if (!removeOrphanTexts() || !tx.commit())
        return false;
    m_db.forget();
    return compact();
}

// Removes, in one transaction, every job that started before cutoffMs (and every job without a
// start time), what the coverage said about them, and the texts no job refers to any more.
bool CacheMaintenance::removeBefore(qint64 cutoffMs, qint64 *removed)
{
    CacheConnection::Transaction tx(m_db);
    if (!tx.begin(true))
        return false;
    const QString doing = QStringLiteral("removing old jobs");
    QList<qint64> sources;
    {
        std::optional<QSqlQuery> del
            = m_db.query(QStringLiteral("DELETE FROM jobs WHERE start_ms IS NULL OR start_ms < ?"),
                         doing, {cutoffMs});
        if (!del)
            return false;
        *removed += del->numRowsAffected();
        std::optional<QSqlQuery> covered
            = m_db.query(QStringLiteral("SELECT DISTINCT source FROM coverage"), doing);
        while (covered && covered->next())
            sources.append(covered->value(0).toLongLong());
        if (!covered)
            return false;
    }
    for (const qint64 source : std::as_const(sources)) {
        if (!m_rows.changeCoverage(source, [cutoffMs](const QList<TimeRange> &before) {
                return clipBelow(before, cutoffMs);
            }))
            return false;
    }
    return removeOrphanTexts() && tx.commit();
}

bool CacheMaintenance::removeOrphanTexts()
{
    m_db.forget(); // the remembered texts and their ids
    return m_db.run(
        QStringLiteral("DELETE FROM texts WHERE id NOT IN ("
                       "SELECT error_code FROM jobs WHERE error_code IS NOT NULL "
                       "UNION SELECT error_message FROM jobs WHERE error_message IS NOT NULL "
                       "UNION SELECT data_source_error_code FROM jobs "
                       "WHERE data_source_error_code IS NOT NULL "
                       "UNION SELECT -status FROM jobs WHERE status < 0)"),
        QStringLiteral("removing unused error texts"));
}

// Oldest jobs first, across data sources; a few rounds, since the size per job is an estimate
// (texts and indices shrink less than the jobs).
bool CacheMaintenance::pruneToSize(qint64 maxBytes, qint64 *removed)
{
    const QString doing = QStringLiteral("pruning");
    for (int round = 0; round < 6; ++round) {
        if (!compact(true))
            return true; // what could be removed was; the final compaction says the rest
        const qint64 used = usedBytes();
        const qint64 jobs = jobCount(doing);
        if (used <= maxBytes || jobs == 0)
            return true;
        const double perJob = double(used) / double(jobs);
        const qint64 excess = used - maxBytes * 9 / 10; // some room before the next prune
        const qint64 n = std::clamp<qint64>(qint64(double(excess) / perJob) + 1, 1, jobs);
        const std::optional<qint64> cutoff = m_db.scalar(
            QStringLiteral("SELECT coalesce((SELECT start_ms FROM jobs WHERE start_ms IS NOT NULL "
                           "ORDER BY start_ms LIMIT 1 OFFSET ?), "
                           "(SELECT max(start_ms) + 1 FROM jobs), 0)"),
            doing, {n});
        if (!cutoff || !removeBefore(*cutoff, removed))
            return false;
    }
    return true;
}

PruneResult CacheMaintenance::prune(const PruneLimits &limits, const QDateTime &now)
{
    PruneResult result;
    const auto failed = [this, &result] {
        result.error = m_db.error();
        return result;
    };
    if (!m_db.usable(true))
        return failed();
    result.bytesBefore = usedBytes();
    if (limits.maxAgeDays > 0
        && !removeBefore(now.addDays(-limits.maxAgeDays).toMSecsSinceEpoch(), &result.jobsRemoved))
        return failed();
    if (limits.maxBytes > 0 && !pruneToSize(limits.maxBytes, &result.jobsRemoved))
        return failed();
    if (!compact())
        return failed();
    result.bytesAfter = usedBytes();
    result.ok = true;
    return result;
}

qint64 CacheMaintenance::exportJsonLines(QIODevice *out, const std::optional<DataSourceKey> &only)
{
    if (!m_db.usable(false))
        return -1;
    const QList<DataSourceKey> keys = only ? QList<DataSourceKey> {*only} : m_reader.sources();
    qint64 written = 0;
    for (const DataSourceKey &key : keys) {
        const QList<SyncJob> history = m_reader.jobs(key, {});
        if (!m_db.error().isEmpty())
            return -1;
        const QSet<QString> kept = m_reader.keptLocally(key);
        QByteArray lines;
        for (const SyncJob &job : history) {
            aws::JsonWriter w(lines);
            w.beginObject();
            w.key(QLatin1StringView("applicationId"));
            w.value(QStringView(key.applicationId));
            w.key(QLatin1StringView("dataSourceId"));
            w.value(QStringView(key.dataSourceId));
            w.key(QLatin1StringView("endpoint"));
            w.value(QStringView(key.endpoint));
            w.key(QLatin1StringView("indexId"));
            w.value(QStringView(key.indexId));
            w.key(QLatin1StringView("job"));
            qbusiness::jsoncodec::writeJson(w, job);
            w.key(QLatin1StringView("keptLocally"));
            w.value(kept.contains(job.executionId));
            w.endObject();
            lines += '\n';
        }
        if (out->write(lines) != lines.size()) {
            m_db.setError(QStringLiteral("cannot write the export: %1").arg(out->errorString()));
            return -1;
        }
        written += history.size();
    }
    return written;
}

bool CacheMaintenance::checkIntegrity(QString *details)
{
    if (!m_db.usable(false))
        return false;
    std::optional<QSqlQuery> q = m_db.query(QStringLiteral("PRAGMA integrity_check"),
                                            QStringLiteral("checking the cache"));
    QStringList findings;
    while (q && q->next())
        findings << q->value(0).toString();
    if (details)
        *details = q ? findings.join(u'\n') : m_db.error();
    return q && findings == QStringList {QStringLiteral("ok")};
}

} // namespace syncdeck::cache
