#include "jobwriter.h"

#include <algorithm>

namespace syncdeck::cache {

using qbusiness::SyncJob;

namespace {
// What a page of an unfiltered listing shows the cache to hold (see PagePlacement).
std::optional<TimeRange> heldRange(const PagePlacement &p, std::optional<qint64> oldestOnPage)
{
    const std::optional<qint64> top = p.requested.toMs ? p.requested.toMs : p.newestListedMs;
    if (!top)
        return std::nullopt; // an empty listing: nothing to anchor a range on
    TimeRange held;
    held.toMs = top;
    if (p.lastPage)
        held.fromMs = p.requested.fromMs;
    else if (oldestOnPage)
        held.fromMs = *oldestOnPage + 1; // the next page may hold more jobs of the same ms
    else
        return std::nullopt;
    if (held.isEmpty())
        return std::nullopt;
    return held;
}
} // namespace

QList<MergeResult> JobWriter::mergePages(const DataSourceKey &key, const QList<ListedPage> &pages)
{
    QList<MergeResult> results(pages.size());
    const bool ok = m_rows.writeSource(key, [&](qint64 source) {
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (!mergeJobs(source, pages.at(i).jobs, pages.at(i).placement, &results[i]))
                return false;
        }
        return true;
    });
    for (MergeResult &r : results) {
        if (!ok)
            r = {};
        r.ok = ok;
        if (!ok)
            r.error = m_db.error();
    }
    return results;
}

bool JobWriter::mergeJobs(qint64 source, const QList<SyncJob> &jobs, const PagePlacement &placement,
                          MergeResult *result)
{
    const bool unfiltered = placement.statusFilter.isEmpty();
    bool coverable = placement.recordsCoverage && unfiltered;
    std::optional<qint64> oldest;
    for (const SyncJob &job : jobs) {
        if (job.executionId.isEmpty()) {
            ++result->skipped;
            coverable = false; // the cache would not hold all of this stretch
            continue;
        }
        switch (upsert(source, job)) {
        case Upsert::Failed:
            return false;
        case Upsert::Added:
            result->added.append(job);
            break;
        case Upsert::Updated:
            result->updated.append(job);
            break;
        case Upsert::Unchanged:
            break;
        }
        if (const std::optional<qint64> start = msOf(job.startTime))
            oldest = oldest ? std::min(*oldest, *start) : *start;
    }
    if (const std::optional<TimeRange> held
        = coverable ? heldRange(placement, oldest) : std::nullopt;
        held && !m_rows.changeCoverage(source, [&held](const QList<TimeRange> &before) {
            return unite(before, *held);
        }))
        return false;
    return !placement.lastPage || !placement.listedIds || !unfiltered || result->skipped != 0
        || markKeptLocally(source, placement.requested, *placement.listedIds, placement.listedAt,
                           &result->keptLocally);
}

// Two statements without result rows (the cheap kind): an insert that does nothing for a held
// job, then an update that changes a held job only where a value differs (or it was kept
// locally). What they changed tells added, updated and unchanged apart.
JobWriter::Upsert JobWriter::upsert(qint64 source, const SyncJob &job)
{
    const std::optional<PackedJob> packed = m_rows.pack(job);
    if (!packed)
        return Upsert::Failed;
    QVariantList values;
    for (const std::optional<qint64> &v : packed->values)
        values.append(variant(v));
    const QVariant id = idKey(job.executionId);
    const QString doing = QStringLiteral("merging a page");
    QSqlQuery &insert = m_db.statement(
        "INSERT OR IGNORE INTO jobs (source, execution_id, start_ms, end_ms, status, error_code, "
        "error_message, data_source_error_code, added, modified, deleted, failed, scanned) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!m_db.exec(insert, doing, QVariantList {source, id} + values))
        return Upsert::Failed;
    if (insert.numRowsAffected() == 1)
        return Upsert::Added;
    QSqlQuery &update = m_db.statement(
        "UPDATE jobs SET start_ms = ?, end_ms = ?, status = ?, error_code = ?, error_message = ?, "
        "data_source_error_code = ?, added = ?, modified = ?, deleted = ?, failed = ?, "
        "scanned = ?, kept_since_ms = NULL WHERE source = ? AND execution_id = ? AND ("
        "start_ms IS NOT ? OR end_ms IS NOT ? OR status IS NOT ? OR error_code IS NOT ? OR "
        "error_message IS NOT ? OR data_source_error_code IS NOT ? OR added IS NOT ? OR "
        "modified IS NOT ? OR deleted IS NOT ? OR failed IS NOT ? OR scanned IS NOT ? OR "
        "kept_since_ms IS NOT NULL)");
    if (!m_db.exec(update, doing, values + QVariantList {source, id} + values))
        return Upsert::Failed;
    return update.numRowsAffected() == 1 ? Upsert::Updated : Upsert::Unchanged;
}

bool JobWriter::markKeptLocally(qint64 source, const TimeRange &range, const QSet<QString> &listed,
                                const QDateTime &at, QStringList *marked)
{
    const QString doing = QStringLiteral("marking jobs the service no longer returns");
    QVariantList binds {source};
    QVariantList gone;
    {
        std::optional<QSqlQuery> held
            = m_db.query(QStringLiteral("SELECT execution_id FROM jobs WHERE source = ? "
                                        "AND kept_since_ms IS NULL")
                             + rangeCondition(range, &binds),
                         doing, binds);
        if (!held)
            return false;
        while (held->next()) {
            if (!listed.contains(idText(held->value(0))))
                gone.append(held->value(0));
        }
    }
    QSqlQuery &update
        = m_db.statement("UPDATE jobs SET kept_since_ms = ? WHERE source = ? AND execution_id = ?");
    for (const QVariant &id : std::as_const(gone)) {
        if (!m_db.exec(update, doing, {at.toMSecsSinceEpoch(), source, id}))
            return false;
        marked->append(idText(id));
    }
    return true;
}

bool JobWriter::setRefreshed(const DataSourceKey &key, const QDateTime &at)
{
    return m_rows.writeSource(key, [&](qint64 source) {
        return m_db.run(QStringLiteral("UPDATE sources SET refreshed_ms = ? WHERE id = ?"),
                        QStringLiteral("recording the refresh"), {at.toMSecsSinceEpoch(), source});
    });
}

} // namespace syncdeck::cache
