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
    std::optional<QHash<QString, HeldRow>> held = heldRows(source, jobs);
    if (!held)
        return false;
    for (const SyncJob &job : jobs) {
        if (job.executionId.isEmpty()) {
            ++result->skipped;
            coverable = false; // the cache would not hold all of this stretch
            continue;
        }
        switch (upsert(source, job, &*held)) {
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
    if (const std::optional<TimeRange> range
        = coverable ? heldRange(placement, oldest) : std::nullopt;
        range && !m_rows.changeCoverage(source, [&range](const QList<TimeRange> &before) {
            return unite(before, *range);
        }))
        return false;
    return !placement.lastPage || !placement.listedIds || !unfiltered || result->skipped != 0
        || markKeptLocally(source, placement.requested, *placement.listedIds, placement.listedAt,
                           &result->keptLocally);
}

// The rows the cache holds of a page's jobs, read at once: one statement per page (of up to
// MaxBoundIds jobs), not one per job.
std::optional<QHash<QString, JobWriter::HeldRow>> JobWriter::heldRows(qint64 source,
                                                                      const QList<SyncJob> &jobs)
{
    QHash<QString, HeldRow> held;
    QVariantList ids;
    for (const SyncJob &job : jobs) {
        if (!job.executionId.isEmpty())
            ids.append(idKey(job.executionId));
    }
    for (qsizetype first = 0; first < ids.size(); first += MaxBoundIds) {
        const QVariantList some = ids.mid(first, MaxBoundIds);
        const QStringList marks(some.size(), QStringLiteral("?"));
        QSqlQuery &q = m_db.statement(
            QStringLiteral("SELECT %1, kept_since_ms IS NOT NULL FROM jobs WHERE source = ? AND "
                           "execution_id IN (%2)")
                .arg(QLatin1String(JobColumns), marks.join(u',')));
        if (!m_db.exec(q, QStringLiteral("merging a page"), QVariantList {source} + some))
            return std::nullopt;
        while (q.next()) {
            HeldRow row;
            for (int v = 0; v < PackedJob::Count; ++v)
                row.packed.values[size_t(v)] = optionalInt(q.value(v + 1));
            row.keptLocally = q.value(PackedJob::Count + 1).toBool();
            held.insert(idText(q.value(0)), row);
        }
        q.finish();
    }
    return held;
}

// An insert for a job the cache does not hold, an update for one it holds with other values (or
// kept locally); nothing for one it holds as listed.
JobWriter::Upsert JobWriter::upsert(qint64 source, const SyncJob &job,
                                    QHash<QString, HeldRow> *held)
{
    const std::optional<PackedJob> packed = m_rows.pack(job);
    if (!packed)
        return Upsert::Failed;
    const auto it = held->find(job.executionId);
    if (it != held->end() && it->packed == *packed && !it->keptLocally)
        return Upsert::Unchanged;
    QVariantList binds;
    for (const std::optional<qint64> &v : packed->values)
        binds.append(variant(v));
    binds << source << idKey(job.executionId);
    const QString doing = QStringLiteral("merging a page");
    const bool add = it == held->end();
    QSqlQuery &q = add
        ? m_db.statement("INSERT INTO jobs (start_ms, end_ms, status, error_code, error_message, "
                         "data_source_error_code, added, modified, deleted, failed, scanned, "
                         "source, execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        : m_db.statement("UPDATE jobs SET start_ms = ?, end_ms = ?, status = ?, error_code = ?, "
                         "error_message = ?, data_source_error_code = ?, added = ?, modified = ?, "
                         "deleted = ?, failed = ?, scanned = ?, kept_since_ms = NULL "
                         "WHERE source = ? AND execution_id = ?");
    if (!m_db.exec(q, doing, binds))
        return Upsert::Failed;
    held->insert(job.executionId, {*packed, false}); // listed twice on a page: held now
    return add ? Upsert::Added : Upsert::Updated;
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
