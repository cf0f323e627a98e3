#pragma once

#include "types.h"

#include "aws/stringpool.h"

#include <deque>

namespace syncdeck::qbusiness {

// Sync jobs stored compactly, for the dashboard's job model: times and metrics inline, the
// execution id as 128 bits when it is a canonical UUID (what the service sends), error codes and
// texts pooled. About 100 bytes a job plus each distinct text once, so 100,000 jobs stay small;
// job() rebuilds the value on demand. Knows nothing of Qt's item models.
class PackedSyncJobs
{
public:
    // Metric slots in Row::metrics.
    enum Metric { Added, Modified, Deleted, Failed, Scanned, MetricCount };
    enum Presence : quint8 {
        // Bits 0..4: metrics[i] present.
        HasStart = 1 << 5,
        HasEnd = 1 << 6,
        IdIsText = 1 << 7, // the execution id is not a canonical UUID: idLo refers to a text
    };
    struct Row
    {
        qint64 start = 0; // ms since the epoch, UTC
        qint64 end = 0;
        qint64 metrics[MetricCount] = {}; // by Metric
        quint64 idHi = 0; // execution id as 128 bits
        quint64 idLo = 0;
        quint32 errorMessage = 0; // a text reference; 0: none
        quint32 errorCode = 0; // a code reference; 0: none
        quint32 dataSourceErrorCode = 0;
        quint32 unknownStatus = 0; // for SyncStatus::Unknown: the wire value, a code reference
        quint32 problem = 0; // SyncJob::problem, a text reference; 0: none
        quint8 status = 0; // SyncStatus
        quint8 presence = 0; // Presence bits

        SyncStatus statusKind() const { return SyncStatus(status); }
        bool has(quint8 bits) const { return (presence & bits) == bits; }
        bool hasMetric(int metric) const { return presence & (1 << metric); }
    };

    size_t size() const { return m_rows.size(); }
    const Row &row(size_t i) const { return m_rows[i]; }
    const std::deque<Row> &rows() const { return m_rows; }
    // Drops every row and every pooled text.
    void clear();

    void append(const SyncJob &job);
    // Inserts the jobs, in their order, before the first row.
    void prepend(const QList<SyncJob> &jobs);
    // Replaces row i; false (and nothing changed) when the stored job is already equal.
    bool replace(size_t i, const SyncJob &job);

    SyncJob job(size_t i) const { return unpack(m_rows[i]); }
    QString executionId(const Row &row) const;
    // The verbatim wire status, also for statuses this build does not know.
    QString statusWire(const Row &row) const;
    const QString &code(quint32 ref) const { return m_codes.at(ref); }
    const QString &text(quint32 ref) const { return m_texts.at(ref); }

    // The row holding that execution id, or -1.
    int find(const QString &executionId) const;
    // True when row i holds that execution id.
    bool holds(size_t i, const QString &executionId) const;
    // True when one of the rows [first, last) holds that execution id (the id is read once).
    bool holdsAnyOf(size_t first, size_t last, const QString &executionId) const;

private:
    Row pack(const SyncJob &job);
    SyncJob unpack(const Row &row) const;

    // A deque: growing never moves the rows held (a vector's reallocation copied, and on a
    // virtual machine page-faulted, 6 MB in one delivery of a long "Load all").
    std::deque<Row> m_rows;
    // Error codes and unknown statuses: a handful of distinct values.
    aws::StringPool m_codes;
    // Error messages (repeat a lot) and execution ids that are not UUIDs.
    aws::StringPool m_texts;
};

} // namespace syncdeck::qbusiness
