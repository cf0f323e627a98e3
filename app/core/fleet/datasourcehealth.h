#pragma once

#include "qbusiness/types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdeck::fleet {

// How much a data source needs its operator, most urgent first: sorting by the value puts the
// rows that need attention on top.
enum class Attention : quint8 {
    Failing, // the data source is FAILED, or its latest finished runs failed
    Overdue, // a scheduled source has not started a run for two periods
    Warning, // the last run was INCOMPLETE or ABORTED, or documents failed, or status not ACTIVE
    Running, // a run is in progress and nothing above applies
    Healthy, // the last finished run SUCCEEDED and nothing above applies
    Unknown, // nothing to judge by: no runs, or the calls that would tell failed
};
inline constexpr int AttentionCount = int(Attention::Unknown) + 1;

// "failing", "overdue", "warning", "running", "healthy", "unknown": the JSON/CSV value.
QString attentionName(Attention attention);
std::optional<Attention> attentionFromName(QStringView name);

// What is known about one data source: GetDataSource and the newest page of
// ListDataSourceSyncJobs. Either can be missing when its call failed; the error says why.
struct HealthInput
{
    std::optional<qbusiness::DataSourceDetails> details;
    QString detailsError; // plain words, when details is missing
    std::optional<QList<qbusiness::SyncJob>> runs; // any order, usually the newest 10
    QString runsError; // plain words, when runs is missing
};

// The health of one data source. Field names are the JSON/CSV member names (see FleetRow).
// Every string from the service (error messages, schedules) is plain text for display.
struct DataSourceHealth
{
    Attention attention = Attention::Unknown;
    QString reason; // the finding that decided `attention`, in words
    QStringList reasons; // every finding, most urgent first; reasons.first() == reason

    // The runs seen (the newest page the service returned).
    int runsSeen = 0;
    int finishedRunsSeen = 0; // FAILED, SUCCEEDED, INCOMPLETE or ABORTED
    int succeededRunsSeen = 0;
    std::optional<double> successRate; // succeeded / finished, in [0, 1]

    // The newest finished run.
    QString lastRunExecutionId;
    QString lastRunStatus; // wire value; empty when no run has finished among those seen
    QDateTime lastRunStartTime;
    QDateTime lastRunEndTime;
    std::optional<qint64> lastRunDocumentsFailed;
    QString lastRunErrorCode;
    QString lastRunErrorMessage;

    // The newest SUCCEEDED run: its end (else start). Invalid: none among the runs seen.
    QDateTime lastSuccessTime;
    std::optional<qint64> lastSuccessAgeSeconds;

    // FAILED runs in a row up to now (runs in progress do not break a streak).
    int failingStreak = 0;
    QDateTime failingSince; // start of the streak's first run
    bool failingStreakCoversRunsSeen = false; // every finished run seen failed: may be longer

    // A run in progress (SYNCING, SYNCING_INDEXING, STOPPING).
    bool running = false;
    QString runningExecutionId;
    QString runningStatus;
    QDateTime runningSince;
    std::optional<qint64> runningDocumentsScanned;

    // GetDataSource.
    QString dataSourceStatus; // ACTIVE, FAILED, UPDATING, ...; empty when unknown
    QString dataSourceErrorCode;
    QString dataSourceErrorMessage;

    // The schedule and whether runs keep up with it.
    QString schedule; // the expression as the service gave it; empty: on demand (or unknown)
    QString scheduleError; // why SyncDeck could not read it
    std::optional<qint64> schedulePeriodSeconds; // the expected period now
    QDateTime nextScheduledRun;
    // Overdue: the second run due after the newest start (never run: after creation) has not
    // started within half a period (at most 10 minutes) of its time.
    bool overdue = false;
    QDateTime overdueSince; // when that second run was due
};

// The health of a data source at `now`: a pure function of what the service said. `now` also
// gives the time zone of the times in the reasons ("since Tue 14:02").
DataSourceHealth computeHealth(const HealthInput &input, const QDateTime &now);

// "Tue 14:02" within six days of now, else "2024-05-01 14:02", in now's time zone.
QString describeMoment(const QDateTime &time, const QDateTime &now);

} // namespace syncdeck::fleet
