#include "runkpis.h"

#include "runhistory.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace syncdeck::qbusiness {

std::optional<qint64> nearestRankPercentile(QList<qint64> values, double p)
{
    if (values.isEmpty() || !(p > 0) || p > 100)
        return std::nullopt;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    const auto nth = values.begin() + std::clamp<qsizetype>(rank, 1, values.size()) - 1;
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

RunKpis computeRunKpis(const RunHistory &model)
{
    // One pass over the history's row array (status and figures of each run, in time order);
    // the jobs themselves, scattered in arrival order, are read once, for the last success.
    RunKpis k;
    k.runs = model.count();
    QList<qint64> durations;
    durations.reserve(model.count());
    qint64 durationSum = 0;
    int streak = 0;
    int lastSucceeded = -1;
    double documentsFailed = 0; // exact below 2^53 documents; clamped, never overflowing, above
    for (int i = 0; i < model.count(); ++i) {
        const SyncStatus status = model.status(i);
        switch (status) {
        case SyncStatus::Succeeded:
            ++k.succeeded;
            lastSucceeded = i; // time order: the last one seen is the latest
            if (isSucceededWithoutScannedDocuments(
                    status, model.value(i, ChartMetric::Scanned).value_or(0)))
                ++k.succeededWithoutScanned;
            break;
        case SyncStatus::Failed:
            ++k.failed;
            break;
        case SyncStatus::Incomplete:
            ++k.incomplete;
            break;
        case SyncStatus::Aborted:
            ++k.aborted;
            break;
        case SyncStatus::Syncing:
        case SyncStatus::SyncingIndexing:
        case SyncStatus::Stopping:
            ++k.running;
            break;
        case SyncStatus::Unknown:
            ++k.unknownStatus;
            break;
        }
        if (isFinalStatus(status)) {
            ++k.finished;
            if (const auto d = model.value(i, ChartMetric::DurationSeconds)) {
                durations.append(qint64(*d));
                durationSum += qint64(*d);
            }
        }
        // A streak is broken by any finished non-failure; running runs do not end it.
        if (status == SyncStatus::Failed)
            k.longestFailureStreak = std::max(k.longestFailureStreak, ++streak);
        else if (isFinalStatus(status) || status == SyncStatus::Unknown)
            streak = 0;
        documentsFailed += model.value(i, ChartMetric::Failed).value_or(0);
    }
    if (lastSucceeded >= 0) {
        const SyncJob &job = model.job(lastSucceeded);
        k.lastSuccess = job.endTime.isValid() ? job.endTime : job.startTime;
        k.lastSuccessExecutionId = job.executionId;
    }
    constexpr double Largest = double(std::numeric_limits<qint64>::max());
    k.documentsFailed = documentsFailed >= Largest ? std::numeric_limits<qint64>::max()
                                                   : qint64(std::max(documentsFailed, -Largest));
    k.currentFailureStreak = streak;
    if (k.finished > 0)
        k.successRate = double(k.succeeded) / double(k.finished);
    k.durationSamples = int(durations.size());
    if (!durations.isEmpty()) {
        k.meanDurationSeconds
            = qint64(std::llround(double(durationSum) / double(durations.size())));
        k.p95DurationSeconds = nearestRankPercentile(std::move(durations), 95.0);
    }
    return k;
}

QString formatDuration(qint64 seconds)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("syncdeck::qbusiness::RunKpis", text);
    };
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400) {
        const qint64 m = (seconds % 3600) / 60;
        return m ? tr("%1 h %2 min").arg(seconds / 3600).arg(m) : tr("%1 h").arg(seconds / 3600);
    }
    const qint64 h = (seconds % 86400) / 3600;
    return h ? tr("%1 d %2 h").arg(seconds / 86400).arg(h) : tr("%1 d").arg(seconds / 86400);
}

} // namespace syncdeck::qbusiness
