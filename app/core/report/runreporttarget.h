#pragma once

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <optional>

namespace syncdeck::report {

// Which report to read: one sync run of one data source, and where its events are.
struct RunReportTarget
{
    QString applicationId;
    QString indexId; // for the ListDocuments fallback and console links
    QString dataSourceId;
    QString executionId;
    QDateTime runStart; // invalid: unknown (the window then starts 24 h before runEnd or now)
    QDateTime runEnd; // invalid while the run is still going
    bool running = false;
    QString region; // for ARNs and commands in explanations
    QString accountId; // 12 digits when known (else taken from an AccessDenied message)

    // The margin around the run within which its events are searched: the report is written
    // while the run progresses and delivered with a delay.
    static constexpr qint64 WindowMarginMs = 5 * 60 * 1000;

    QString logGroupName() const { return QStringLiteral("/aws/qbusiness/") + applicationId; }
    QString reportStreamName() const
    {
        return QStringLiteral("SYNC_RUN_HISTORY_REPORT/") + dataSourceId + u'/' + executionId;
    }
    QString membershipStreamName() const
    {
        return QStringLiteral("GROUP_MEMBERSHIP/") + dataSourceId + u'/' + executionId;
    }
    QString legacyStreamPrefix() const { return dataSourceId + u'/'; }

    // Epoch ms: runStart - 5 min .. runEnd + 5 min; no end while the run is going. Without a
    // start time, the day before the end (or `now`).
    qint64 windowStartMs(const QDateTime &now) const
    {
        if (runStart.isValid())
            return std::max<qint64>(0, runStart.toMSecsSinceEpoch() - WindowMarginMs);
        const QDateTime anchor = runEnd.isValid() ? runEnd : now;
        return std::max<qint64>(0, anchor.toMSecsSinceEpoch() - 24 * 3600 * 1000);
    }
    std::optional<qint64> windowEndMs() const
    {
        if (running || !runEnd.isValid())
            return std::nullopt;
        return runEnd.toMSecsSinceEpoch() + WindowMarginMs;
    }
};

} // namespace syncdeck::report
