#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace syncdeck::qbusiness {

class RunHistory;

// Key figures over the loaded runs (the KPI strip above the charts).
struct RunKpis
{
    int runs = 0; // every loaded run
    int finished = 0; // FAILED, SUCCEEDED, INCOMPLETE or ABORTED: the success-rate denominator
    int succeeded = 0;
    int failed = 0; // status FAILED
    int incomplete = 0;
    int aborted = 0;
    int running = 0; // SYNCING, SYNCING_INDEXING, STOPPING
    int unknownStatus = 0; // statuses this build does not know: neither success nor failure
    std::optional<double> successRate; // succeeded / finished, in [0, 1]; none without finished
    QDateTime lastSuccess; // end (else start) of the latest SUCCEEDED run; invalid when none
    QString lastSuccessExecutionId;
    std::optional<qint64> meanDurationSeconds; // over finished runs with start and end
    std::optional<qint64> p95DurationSeconds; // nearest-rank 95th percentile of the same
    int durationSamples = 0;
    qint64 documentsFailed = 0; // sum of documentsFailed
    int succeededWithoutScanned = 0; // see isSucceededWithoutScannedDocuments()
    int currentFailureStreak = 0; // consecutive FAILED runs ending with the latest run
    int longestFailureStreak = 0;
};

// Computes the KPIs of every run of the model (runs without a start time included).
RunKpis computeRunKpis(const RunHistory &model);

// Nearest-rank percentile (p in (0, 100]) of values; values need not be sorted. None if empty.
std::optional<qint64> nearestRankPercentile(QList<qint64> values, double p);

// "45 s", "12 min", "3 h 5 min", "4 d 2 h": a compact age or duration for labels.
QString formatDuration(qint64 seconds);

} // namespace syncdeck::qbusiness
