#include "jobrows.h"

#include <QCryptographicHash>
#include <QUuid>
#include <QtEndian>

namespace syncdeck::cache {

using qbusiness::SyncJob;
using qbusiness::SyncStatus;

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariant variant(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

QVariant idKey(const QString &executionId)
{
    if (executionId.size() == 36) {
        const QUuid uuid = QUuid::fromString(executionId);
        if (!uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == executionId)
            return uuid.toRfc4122();
    }
    return executionId;
}

QString idText(const QVariant &key)
{
    if (key.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = key.toByteArray();
        if (bytes.size() == 16)
            return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }
    return key.toString();
}

QString finalStatusList()
{
    QStringList codes;
    for (const SyncStatus s : qbusiness::knownSyncStatuses()) {
        if (qbusiness::isFinalStatus(s))
            codes << QString::number(int(s));
    }
    return codes.join(QStringLiteral(", "));
}

QString rangeCondition(const TimeRange &range, QVariantList *binds)
{
    QString sql;
    if (range.fromMs) {
        sql += QStringLiteral(" AND start_ms >= ?");
        binds->append(*range.fromMs);
    }
    if (range.toMs) {
        sql += range.fromMs ? QStringLiteral(" AND start_ms <= ?")
                            : QStringLiteral(" AND (start_ms IS NULL OR start_ms <= ?)");
        binds->append(*range.toMs);
    }
    return sql;
}

namespace {
// Texts are found by a hash kept in an index: the text itself is stored once, in the table.
qint64 textHash(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
    return qFromBigEndian<qint64>(digest.constData());
}

// The id of the row `find` selects, inserted by `insert` (same values) when there is none and
// `create`; -1 when there is none, nullopt on error.
std::optional<qint64> findOrInsert(CacheConnection &db, const QString &find, const QString &insert,
                                   const QVariantList &values, bool create, const QString &doing)
{
    std::optional<QSqlQuery> found = db.query(find, doing, values);
    if (!found)
        return std::nullopt;
    if (found->next())
        return found->value(0).toLongLong();
    if (!create)
        return qint64(-1);
    std::optional<QSqlQuery> inserted = db.query(insert, doing, values);
    if (!inserted)
        return std::nullopt;
    return inserted->lastInsertId().toLongLong();
}
} // namespace

std::optional<qint64> JobRows::endpointId(const QString &identity, bool create)
{
    return findOrInsert(m_db, QStringLiteral("SELECT id FROM endpoints WHERE identity = ?"),
                        QStringLiteral("INSERT INTO endpoints (identity) VALUES (?)"), {identity},
                        create, QStringLiteral("looking up an endpoint"));
}

qint64 JobRows::sourceId(const DataSourceKey &key, bool create)
{
    CacheConnection::Remembered &remembered = m_db.remembered();
    if (const auto it = remembered.sourceIds.constFind(key); it != remembered.sourceIds.cend())
        return *it;
    const std::optional<qint64> endpoint = endpointId(key.endpoint, create);
    if (!endpoint || *endpoint < 0)
        return -1;
    const std::optional<qint64> id = findOrInsert(
        m_db,
        QStringLiteral("SELECT id FROM sources WHERE endpoint = ? AND application_id = ? "
                       "AND index_id = ? AND data_source_id = ?"),
        QStringLiteral("INSERT INTO sources (endpoint, application_id, index_id, "
                       "data_source_id) VALUES (?, ?, ?, ?)"),
        {*endpoint, key.applicationId, key.indexId, key.dataSourceId}, create,
        QStringLiteral("looking up a data source"));
    if (!id || *id < 0)
        return -1;
    remembered.sourceIds.insert(key, *id);
    return *id;
}

std::optional<qint64> JobRows::internText(const QString &text, bool create)
{
    CacheConnection::Remembered &remembered = m_db.remembered();
    if (const auto it = remembered.textIds.constFind(text); it != remembered.textIds.cend())
        return *it;
    const qint64 hash = textHash(text);
    QSqlQuery &find = m_db.statement("SELECT id, text FROM texts WHERE hash = ?");
    if (!m_db.exec(find, QStringLiteral("looking up an error text"), {hash}))
        return std::nullopt;
    std::optional<qint64> id;
    while (!id && find.next()) {
        if (find.value(1).toString() == text)
            id = find.value(0).toLongLong();
    }
    find.finish();
    if (!id && !create)
        return qint64(0);
    if (!id) {
        QSqlQuery &insert = m_db.statement("INSERT INTO texts (hash, text) VALUES (?, ?)");
        if (!m_db.exec(insert, QStringLiteral("storing an error text"), {hash, text}))
            return std::nullopt;
        id = insert.lastInsertId().toLongLong();
    }
    remembered.textIds.insert(text, *id);
    remembered.texts.insert(*id, text);
    return id;
}

std::optional<qint64> JobRows::textRef(const QString &text)
{
    return text.isEmpty() ? std::optional<qint64>(0) : internText(text);
}

QString JobRows::text(qint64 id)
{
    CacheConnection::Remembered &remembered = m_db.remembered();
    if (const auto it = remembered.texts.constFind(id); it != remembered.texts.cend())
        return *it;
    QSqlQuery &q = m_db.statement("SELECT text FROM texts WHERE id = ?");
    QString value;
    if (m_db.exec(q, QStringLiteral("reading an error text"), {id}) && q.next())
        value = q.value(0).toString();
    q.finish();
    remembered.texts.insert(id, value);
    return value;
}

std::optional<PackedJob> JobRows::pack(const SyncJob &job)
{
    PackedJob p;
    p.values[PackedJob::StartMs] = msOf(job.startTime);
    p.values[PackedJob::EndMs] = msOf(job.endTime);
    const SyncStatus status = job.statusKind();
    if (status != SyncStatus::Unknown) {
        p.values[PackedJob::Status] = qint64(status);
    } else {
        const std::optional<qint64> ref = textRef(job.status);
        if (!ref)
            return std::nullopt;
        p.values[PackedJob::Status] = -*ref;
    }
    const std::array<std::pair<PackedJob::Value, const QString *>, 3> refs {{
        {PackedJob::ErrorCode, &job.errorCode},
        {PackedJob::ErrorMessage, &job.errorMessage},
        {PackedJob::DataSourceErrorCode, &job.dataSourceErrorCode},
    }};
    for (const auto &[value, text] : refs) {
        const std::optional<qint64> ref = textRef(*text);
        if (!ref)
            return std::nullopt;
        if (*ref != 0)
            p.values[value] = *ref;
    }
    const qbusiness::SyncJobMetrics &m = job.metrics;
    p.values[PackedJob::Added] = m.documentsAdded;
    p.values[PackedJob::Modified] = m.documentsModified;
    p.values[PackedJob::Deleted] = m.documentsDeleted;
    p.values[PackedJob::Failed] = m.documentsFailed;
    p.values[PackedJob::Scanned] = m.documentsScanned;
    return p;
}

SyncJob JobRows::unpack(const QSqlQuery &q)
{
    SyncJob job;
    job.executionId = idText(q.value(0));
    job.startTime = timeOf(optionalInt(q.value(1)));
    job.endTime = timeOf(optionalInt(q.value(2)));
    const qint64 status = q.value(3).toLongLong();
    job.status = status > 0 ? qbusiness::syncStatusToWire(SyncStatus(status))
        : status < 0        ? text(-status)
                            : QString();
    const auto ref = [this, &q](int column) {
        const QVariant v = q.value(column);
        return v.isNull() ? QString() : text(v.toLongLong());
    };
    job.errorCode = ref(4);
    job.errorMessage = ref(5);
    job.dataSourceErrorCode = ref(6);
    qbusiness::SyncJobMetrics &m = job.metrics;
    m.documentsAdded = optionalInt(q.value(7));
    m.documentsModified = optionalInt(q.value(8));
    m.documentsDeleted = optionalInt(q.value(9));
    m.documentsFailed = optionalInt(q.value(10));
    m.documentsScanned = optionalInt(q.value(11));
    return job;
}

std::optional<QList<TimeRange>> JobRows::coverage(qint64 source)
{
    CacheConnection::Remembered &remembered = m_db.remembered();
    if (const auto it = remembered.coverages.constFind(source); it != remembered.coverages.cend())
        return *it;
    QSqlQuery &q = m_db.statement("SELECT from_ms, to_ms FROM coverage WHERE source = ?");
    if (!m_db.exec(q, QStringLiteral("reading what the cache holds"), {source}))
        return std::nullopt;
    QList<TimeRange> ranges;
    while (q.next())
        ranges = unite(ranges, {optionalInt(q.value(0)), optionalInt(q.value(1))});
    q.finish();
    remembered.coverages.insert(source, ranges);
    return ranges;
}

bool JobRows::setCoverage(qint64 source, const QList<TimeRange> &ranges)
{
    const QString doing = QStringLiteral("recording what the cache holds");
    if (!m_db.exec(m_db.statement("DELETE FROM coverage WHERE source = ?"), doing, {source}))
        return false;
    QSqlQuery &insert
        = m_db.statement("INSERT INTO coverage (source, from_ms, to_ms) VALUES (?, ?, ?)");
    for (const TimeRange &r : ranges) {
        if (!m_db.exec(insert, doing, {source, variant(r.fromMs), variant(r.toMs)}))
            return false;
    }
    m_db.remembered().coverages.insert(source, ranges);
    return true;
}

} // namespace syncdeck::cache
