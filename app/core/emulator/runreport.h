#pragma once

#include "options.h"
#include "store.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// The document-level report Amazon Q Business writes to CloudWatch Logs for one sync run, made
// up on demand: event i of a run is computed from (seed, data source, run, i), so a 70,000-
// document run costs a few numbers, never 70,000 stored events. The report agrees with the run's
// metrics: documentsScanned events in all, exactly documentsFailed of them FAILED, a few SKIPPED,
// the rest SUCCESS; a running job's report holds the events written by now, and grows.
namespace syncdeck::emulator {

// How long the log group keeps events: older runs have no stream any more.
inline constexpr qint64 LogRetentionMs = qint64(30) * 24 * 3600 * 1000;

enum class ReportStreamKind : quint8 {
    RunReport, // SYNC_RUN_HISTORY_REPORT/{dataSourceId}/{executionId}
    GroupMembership, // GROUP_MEMBERSHIP/{dataSourceId}/{executionId}
};
QString reportStreamPrefix(ReportStreamKind kind); // "SYNC_RUN_HISTORY_REPORT/"

enum class ReportDocumentStatus : quint8 { Success, Failed, Skipped };

// The members of one SYNC_RUN_HISTORY_REPORT event, before they are written as JSON.
struct ReportDocument
{
    qint64 document = 0; // position in the data source's corpus (same document, every run)
    ReportDocumentStatus status = ReportDocumentStatus::Success;
    QString documentId;
    QString title;
    QString sourceUri;
    QString crawlAction; // ADD, UPDATE, DELETE, UNCHANGED
    QString crawlStatus, syncStatus, indexStatus; // SUCCESS, FAILED, SKIPPED, NOT_STARTED
    QString errorMessage; // empty for SUCCESS
};
QString reportStatusWire(ReportDocumentStatus status); // SUCCESS, FAILED, SKIPPED

// One stream of one run: its size, its events' times, and its events.
class RunReport
{
public:
    RunReport() = default; // empty: no run
    // The report of job `jobIndex` of `ds` as it stands at nowMs; std::nullopt when the run has
    // none: older than the retention, or a run that never reached a document.
    static std::optional<RunReport> of(const Options &options, const Store &store,
                                       const DataSourceRecord &ds, size_t jobIndex, qint64 nowMs);

    // Events written so far in `kind`'s stream (all of them once the run has ended).
    qint64 count(ReportStreamKind kind) const;
    // Events the stream will hold when the run is over.
    qint64 finalCount(ReportStreamKind kind) const;
    qint64 timestamp(ReportStreamKind kind, qint64 i) const;
    qint64 ingestionTime(ReportStreamKind kind, qint64 i) const;
    // The first event at or after `ms` (count() when none).
    qint64 firstAtOrAfter(ReportStreamKind kind, qint64 ms) const;
    // A numeric event id, unique per stream and event, as the service's 56-digit ids.
    QString eventId(ReportStreamKind kind, qint64 i) const;
    qint64 creationTime() const { return m_startMs; }

    ReportDocument document(qint64 i) const;
    // The event's message: the JSON object Q Business writes (see AWS-CONVENTIONS.md).
    QByteArray message(ReportStreamKind kind, qint64 i) const;
    static QByteArray documentMessage(const ReportDocument &d);

    qint64 failedCount() const { return m_failed; } // of finalCount(RunReport)

private:
    ReportDocumentStatus statusAt(qint64 i, qint64 *rank) const;

    const DataSourceRecord *m_ds = nullptr;
    QStringList m_extensions; // the connector's usual file types, split once
    QString m_executionId;
    quint64 m_key = 0; // seed, data source and run mixed: every choice below derives from it
    qint64 m_startMs = 0;
    qint64 m_spanMs = 1; // events are spread evenly over the run
    qint64 m_total = 0;
    qint64 m_failed = 0;
    qint64 m_skipped = 0;
    std::array<qint64, MetricCount> m_metrics {};
    qint64 m_visible = 0; // events written by now (the run may still be going)
    qint64 m_memberships = 0;
    quint64 m_stride = 1; // coprime with m_total: which events fail is a permutation
    quint64 m_offset = 0;
    int m_dominantReason = 0;
    QString m_sourceErrorCode; // the run's dataSourceErrorCode, if any
};

// A document's current state in the index (ListDocuments), after the data source's last run
// that wrote a report: INDEXED or UPDATED, else FAILED / DOCUMENT_FAILED_TO_INDEX with its error.
struct IndexedDocument
{
    QString documentId;
    QString status;
    QString errorCode;
    QString errorMessage;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

// The documents a data source holds in the index, computed like the report (nothing stored).
class DocumentCatalogue
{
public:
    DocumentCatalogue(const Options &options, const Store &store, const DataSourceRecord &ds,
                      qint64 nowMs);
    qint64 count() const;
    IndexedDocument at(qint64 i) const;

private:
    const DataSourceRecord &m_ds;
    std::optional<RunReport> m_last; // the newest finished run with a report
    qint64 m_lastEndMs = 0;
};

} // namespace syncdeck::emulator
