#pragma once

#include "qbusiness/types.h"
#include "reportevent.h"

#include <QString>

namespace syncdeck::report {

// The headline counts of a report, per event (a document that appears twice counts twice: the
// report is a log, and counting distinct documents would not run in constant memory).
struct ReportCounts
{
    qint64 events = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 skipped = 0;
    qint64 unknownStatus = 0; // document events without a status SyncDeck knows
    qint64 unreadable = 0; // not JSON, not an object, too large
    qint64 withProblems = 0; // readable, but with wrong-typed or unreadable members
    qint64 legacyErrors = 0; // from the older per-data-source error streams
    qint64 memberships = 0; // group-membership events

    void add(const ReportEvent &event);
    void add(EventKind kind, DocumentStatus status, bool hasProblems);
    qint64 documents() const { return succeeded + failed + skipped + unknownStatus; }
    friend bool operator==(const ReportCounts &, const ReportCounts &) = default;
};

// Whether the report agrees with the run's metrics (documentsFailed, documentsScanned).
struct MetricsCheck
{
    enum class Verdict : quint8 {
        Agrees,
        ReportHasFewer, // a running job, a report still being delivered, or a truncated read
        ReportHasMore, // documents reported twice (retries), or a metric that lags
        NoMetric, // the run reports no such metric
    };
    Verdict verdict = Verdict::NoMetric;
    qint64 reported = 0;
    qint64 metric = 0;
    QString text; // one sentence
};

struct MetricsComparison
{
    MetricsCheck failed; // FAILED events vs documentsFailed
    MetricsCheck scanned; // document events vs documentsScanned
    bool agrees = false; // every check with a metric agrees
    QString summary; // one or two sentences for the headline
};

// `complete`: the whole report was read (not cut, not still being written).
MetricsComparison compareWithMetrics(const ReportCounts &counts,
                                     const qbusiness::SyncJobMetrics &metrics, bool complete);

} // namespace syncdeck::report
