#include "jobreader.h"

#include <algorithm>

namespace syncdeck::cache {

using qbusiness::SyncJob;
using qbusiness::SyncStatus;

JobQuery JobQuery::of(const qbusiness::ListSyncJobsRequest &request)
{
    JobQuery q;
    q.statusFilter = request.statusFilter;
    q.range = rangeOf(request.startTime, request.endTime);
    return q;
}

bool JobReader::jobFilter(qint64 source, const JobQuery &query, QString *where, QVariantList *binds)
{
    *where = QStringLiteral("source = ?");
    binds->append(source);
    if (!query.statusFilter.isEmpty()) {
        const SyncStatus status = qbusiness::syncStatusFromWire(query.statusFilter);
        qint64 code = qint64(status);
        if (status == SyncStatus::Unknown) {
            const std::optional<qint64> ref = m_rows.internText(query.statusFilter, false);
            if (!ref || *ref == 0)
                return false;
            code = -*ref;
        }
        *where += QStringLiteral(" AND status = ?");
        binds->append(code);
    }
    *where += rangeCondition(query.range, binds);
    if (!query.includeKeptLocally)
        *where += QStringLiteral(" AND kept_since_ms IS NULL");
    return true;
}

QList<SyncJob> JobReader::selectJobs(const QString &where, const QVariantList &binds,
                                     const QString &tail)
{
    QList<SyncJob> out;
    std::optional<QSqlQuery> q = m_db.query(
        QStringLiteral("SELECT ") + QLatin1String(JobColumns) + QStringLiteral(" FROM jobs WHERE ")
            + where + QStringLiteral(" ORDER BY start_ms DESC, execution_id DESC") + tail,
        QStringLiteral("reading sync jobs"), binds);
    while (q && q->next())
        out.append(m_rows.unpack(*q));
    return out;
}

QList<SyncJob> JobReader::jobs(const DataSourceKey &key, const JobQuery &query)
{
    return m_rows.readSource(key, QList<SyncJob>(), [&](qint64 source) {
        QString where;
        QVariantList binds;
        if (!jobFilter(source, query, &where, &binds))
            return QList<SyncJob>();
        QString tail;
        if (query.limit >= 0 || query.offset > 0) {
            tail = QStringLiteral(" LIMIT ? OFFSET ?");
            binds << qint64(query.limit) << qint64(std::max(0, query.offset));
        }
        return selectJobs(where, binds, tail);
    });
}

std::optional<SyncJob> JobReader::job(const DataSourceKey &key, const QString &executionId)
{
    return m_rows.readSource(key, std::optional<SyncJob>(), [&](qint64 source) {
        const QList<SyncJob> found = selectJobs(QStringLiteral("source = ? AND execution_id = ?"),
                                                {source, idKey(executionId)});
        return found.isEmpty() ? std::nullopt : std::optional<SyncJob>(found.constFirst());
    });
}

qint64 JobReader::jobCount(const DataSourceKey &key, const JobQuery &query)
{
    return m_rows.readSource(key, qint64(0), [&](qint64 source) {
        QString where;
        QVariantList binds;
        if (!jobFilter(source, query, &where, &binds))
            return qint64(0);
        return m_db
            .scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE ") + where,
                    QStringLiteral("counting sync jobs"), binds)
            .value_or(0);
    });
}

QSet<QString> JobReader::keptLocally(const DataSourceKey &key)
{
    return m_rows.readSource(key, QSet<QString>(), [&](qint64 source) {
        QSet<QString> ids;
        std::optional<QSqlQuery> q
            = m_db.query(QStringLiteral("SELECT execution_id FROM jobs WHERE source = ? "
                                        "AND kept_since_ms IS NOT NULL"),
                         QStringLiteral("reading kept jobs"), {source});
        while (q && q->next())
            ids.insert(idText(q->value(0)));
        return ids;
    });
}

SourceState JobReader::sourceState(const DataSourceKey &key)
{
    return m_rows.readSource(key, SourceState(), [&](qint64 source) {
        SourceState state;
        state.known = true;
        std::optional<QSqlQuery> q = m_db.query(
            QStringLiteral("SELECT count(*), count(kept_since_ms), max(start_ms), min(start_ms), "
                           "(SELECT refreshed_ms FROM sources WHERE id = ?) "
                           "FROM jobs WHERE source = ?"),
            QStringLiteral("reading a data source's history"), {source, source});
        if (!q || !q->next())
            return state;
        state.jobCount = q->value(0).toLongLong();
        state.keptLocallyCount = q->value(1).toLongLong();
        state.newestStart = timeOf(optionalInt(q->value(2)));
        state.oldestStart = timeOf(optionalInt(q->value(3)));
        state.refreshedAt = timeOf(optionalInt(q->value(4)));
        q->finish();
        state.coverage = m_rows.coverage(source).value_or(QList<TimeRange>());
        return state;
    });
}

QList<DataSourceKey> JobReader::sources()
{
    QList<DataSourceKey> keys;
    if (!m_db.usable(false))
        return keys;
    std::optional<QSqlQuery> q
        = m_db.query(QStringLiteral("SELECT e.identity, s.application_id, s.index_id, "
                                    "s.data_source_id FROM sources s JOIN endpoints e "
                                    "ON e.id = s.endpoint ORDER BY 1, 2, 3, 4"),
                     QStringLiteral("listing cached data sources"));
    while (q && q->next()) {
        keys.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toString()});
    }
    return keys;
}

HeldState JobReader::heldState(const DataSourceKey &key, const QStringList &executionIds,
                               const QList<TimeRange> &coverage)
{
    return m_rows.readSource(key, HeldState(), [&](qint64 source) {
        HeldState held;
        // One lookup per page of ids, not one per job.
        for (qsizetype first = 0; first < executionIds.size(); first += MaxBoundIds)
            readHeld(source, executionIds.mid(first, MaxBoundIds), coverage, &held);
        return held;
    });
}

void JobReader::readHeld(qint64 source, const QStringList &executionIds,
                         const QList<TimeRange> &coverage, HeldState *held)
{
    QVariantList binds {source};
    for (const QString &id : executionIds)
        binds.append(idKey(id));
    const QStringList marks(executionIds.size(), QStringLiteral("?"));
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT execution_id, status, start_ms FROM jobs "
                                                 "WHERE source = ? AND execution_id IN (%1)")
                                      .arg(marks.join(u',')));
    if (!m_db.exec(q, QStringLiteral("looking up held jobs"), binds))
        return;
    while (q.next()) {
        const QString id = idText(q.value(0));
        const qint64 status = q.value(1).toLongLong();
        const std::optional<qint64> start = optionalInt(q.value(2));
        const bool final = status > 0 && qbusiness::isFinalStatus(SyncStatus(status));
        const bool covered
            = std::any_of(coverage.cbegin(), coverage.cend(),
                          [&start](const TimeRange &r) { return r.contains(start); });
        if (final && covered)
            held->finalInCoverage.insert(id);
        else if (!final)
            held->running.insert(id);
    }
    q.finish();
}

QList<SyncJob> JobReader::runningJobs(const DataSourceKey &key)
{
    return m_rows.readSource(key, QList<SyncJob>(), [&](qint64 source) {
        return selectJobs(
            QStringLiteral("source = ? AND kept_since_ms IS NULL AND start_ms IS NOT NULL "
                           "AND status NOT IN (%1)")
                .arg(finalStatusList()),
            {source});
    });
}

std::optional<std::pair<qint64, qint64>> JobReader::oldestListed(const DataSourceKey &key, int n)
{
    using Result = std::optional<std::pair<qint64, qint64>>;
    return m_rows.readSource(key, Result(), [&](qint64 source) -> Result {
        if (n < 1)
            return std::nullopt;
        const QString doing = QStringLiteral("reading the oldest jobs");
        std::optional<QSqlQuery> q = m_db.query(
            QStringLiteral("SELECT max(start_ms), count(*) FROM (SELECT start_ms FROM jobs "
                           "WHERE source = ? AND kept_since_ms IS NULL AND start_ms IS NOT NULL "
                           "ORDER BY start_ms LIMIT ?)"),
            doing, {source, n});
        if (!q || !q->next() || q->value(0).isNull())
            return std::nullopt;
        const qint64 boundary = q->value(0).toLongLong();
        q->finish();
        // Jobs of the same millisecond, and those without a start time, are in the listing too.
        const std::optional<qint64> count
            = m_db.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE source = ? AND "
                                         "kept_since_ms IS NULL AND (start_ms IS NULL OR "
                                         "start_ms <= ?)"),
                          doing, {source, boundary});
        if (!count)
            return std::nullopt;
        return std::make_pair(boundary, *count);
    });
}

} // namespace syncdeck::cache
