#include "packedsyncjobs.h"

#include <QTimeZone>
#include <QUuid>

namespace syncdeck::qbusiness {
namespace {

std::optional<qint64> *metricSlot(SyncJobMetrics &m, int metric)
{
    switch (metric) {
    case PackedSyncJobs::Added:
        return &m.documentsAdded;
    case PackedSyncJobs::Modified:
        return &m.documentsModified;
    case PackedSyncJobs::Deleted:
        return &m.documentsDeleted;
    case PackedSyncJobs::Failed:
        return &m.documentsFailed;
    case PackedSyncJobs::Scanned:
        return &m.documentsScanned;
    default:
        return nullptr;
    }
}

// A canonical lowercase UUID packs into 16 bytes; anything else is kept verbatim by the caller,
// so an unusual id is never altered.
bool packUuid(const QString &id, quint64 *hi, quint64 *lo)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != id)
        return false;
    const QByteArray bytes = uuid.toRfc4122();
    *hi = 0;
    *lo = 0;
    for (int i = 0; i < 8; ++i) {
        *hi = (*hi << 8) | quint8(bytes[i]);
        *lo = (*lo << 8) | quint8(bytes[8 + i]);
    }
    return true;
}

} // namespace

void PackedSyncJobs::clear()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_codes.clear();
    m_texts.clear();
}

void PackedSyncJobs::append(const SyncJob &job)
{
    m_rows.push_back(pack(job));
}

void PackedSyncJobs::prepend(const QList<SyncJob> &jobs)
{
    std::vector<Row> packed;
    packed.reserve(size_t(jobs.size()));
    for (const SyncJob &job : jobs)
        packed.push_back(pack(job));
    m_rows.insert(m_rows.begin(), packed.begin(), packed.end());
}

bool PackedSyncJobs::replace(size_t i, const SyncJob &job)
{
    const Row packed = pack(job);
    if (unpack(m_rows[i]) == unpack(packed))
        return false;
    m_rows[i] = packed;
    return true;
}

QString PackedSyncJobs::executionId(const Row &r) const
{
    if (r.presence & IdIsText)
        return text(quint32(r.idLo));
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i) {
        bytes[7 - i] = char(quint8(r.idHi >> (8 * i)));
        bytes[15 - i] = char(quint8(r.idLo >> (8 * i)));
    }
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString PackedSyncJobs::statusWire(const Row &r) const
{
    return r.statusKind() == SyncStatus::Unknown ? code(r.unknownStatus)
                                                 : syncStatusToWire(r.statusKind());
}

int PackedSyncJobs::find(const QString &executionId) const
{
    quint64 hi = 0;
    quint64 lo = 0;
    if (packUuid(executionId, &hi, &lo)) {
        // The common case: a scan over 16-byte keys, fast enough for 100,000 rows.
        for (size_t i = 0; i < m_rows.size(); ++i) {
            const Row &r = m_rows[i];
            if (!(r.presence & IdIsText) && r.idHi == hi && r.idLo == lo)
                return int(i);
        }
        return -1;
    }
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if ((r.presence & IdIsText) && text(quint32(r.idLo)) == executionId)
            return int(i);
    }
    return -1;
}

bool PackedSyncJobs::holds(size_t i, const QString &executionId) const
{
    return holdsAnyOf(i, i + 1, executionId);
}

bool PackedSyncJobs::holdsAnyOf(size_t first, size_t last, const QString &executionId) const
{
    quint64 hi = 0;
    quint64 lo = 0;
    const bool packed = packUuid(executionId, &hi, &lo);
    for (size_t i = first; i < last; ++i) {
        const Row &r = m_rows[i];
        if (packed ? !(r.presence & IdIsText) && r.idHi == hi && r.idLo == lo
                   : (r.presence & IdIsText) && text(quint32(r.idLo)) == executionId)
            return true;
    }
    return false;
}

PackedSyncJobs::Row PackedSyncJobs::pack(const SyncJob &job)
{
    Row r;
    if (job.startTime.isValid()) {
        r.start = job.startTime.toMSecsSinceEpoch();
        r.presence |= HasStart;
    }
    if (job.endTime.isValid()) {
        r.end = job.endTime.toMSecsSinceEpoch();
        r.presence |= HasEnd;
    }
    SyncJobMetrics metrics = job.metrics;
    for (int m = 0; m < MetricCount; ++m) {
        if (const std::optional<qint64> &v = *metricSlot(metrics, m)) {
            r.metrics[m] = *v;
            r.presence |= quint8(1 << m);
        }
    }
    if (!packUuid(job.executionId, &r.idHi, &r.idLo)) {
        r.presence |= IdIsText;
        r.idLo = m_texts.intern(job.executionId);
    }
    const SyncStatus status = job.statusKind();
    r.status = quint8(status);
    if (status == SyncStatus::Unknown)
        r.unknownStatus = m_codes.intern(job.status);
    r.errorCode = m_codes.intern(job.errorCode);
    r.dataSourceErrorCode = m_codes.intern(job.dataSourceErrorCode);
    r.errorMessage = m_texts.intern(job.errorMessage);
    r.problem = m_texts.intern(job.problem);
    return r;
}

SyncJob PackedSyncJobs::unpack(const Row &r) const
{
    SyncJob job;
    job.executionId = executionId(r);
    if (r.presence & HasStart)
        job.startTime = QDateTime::fromMSecsSinceEpoch(r.start, QTimeZone::utc());
    if (r.presence & HasEnd)
        job.endTime = QDateTime::fromMSecsSinceEpoch(r.end, QTimeZone::utc());
    job.status = statusWire(r);
    job.errorCode = code(r.errorCode);
    job.errorMessage = text(r.errorMessage);
    job.problem = text(r.problem);
    job.dataSourceErrorCode = code(r.dataSourceErrorCode);
    for (int m = 0; m < MetricCount; ++m) {
        if (r.hasMetric(m))
            *metricSlot(job.metrics, m) = r.metrics[m];
    }
    return job;
}

} // namespace syncdeck::qbusiness
