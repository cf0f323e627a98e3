#include "datasourcehealth.h"

#include "qbusiness/runhistory.h"
#include "qbusiness/runkpis.h"
#include "syncschedule.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace syncdeck::fleet {

using qbusiness::SyncJob;
using qbusiness::SyncStatus;

namespace {

constexpr std::array<const char *, AttentionCount> AttentionNames
    = {"failing", "overdue", "warning", "running", "healthy", "unknown"};

QString count(qint64 n, const char *singular, const char *plural)
{
    // English grouping ("1,234"), whatever the machine's locale: reasons are one language.
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n) + u' '
        + QLatin1String(n == 1 ? singular : plural);
}

struct Finding
{
    Attention level;
    QString text;
};

// The facts of the runs seen, from the same definitions the dashboard's KPIs use.
void readRuns(const QList<SyncJob> &runs, const QDateTime &now, DataSourceHealth *h)
{
    qbusiness::RunHistory history;
    history.appendJobs(runs);
    const qbusiness::RunKpis k = qbusiness::computeRunKpis(history);
    h->runsSeen = k.runs;
    h->finishedRunsSeen = k.finished;
    h->succeededRunsSeen = k.succeeded;
    h->successRate = k.successRate;
    h->lastSuccessTime = k.lastSuccess;
    if (k.lastSuccess.isValid())
        h->lastSuccessAgeSeconds = std::max<qint64>(0, k.lastSuccess.secsTo(now));
    h->failingStreak = k.currentFailureStreak;
    h->failingStreakCoversRunsSeen
        = k.currentFailureStreak > 0 && k.failed == k.finished && k.unknownStatus == 0;

    int streakLeft = k.currentFailureStreak;
    bool finishedFound = false;
    for (int i = history.count() - 1; i >= 0; --i) {
        const SyncJob &job = history.job(i);
        const SyncStatus status = history.status(i);
        if (!h->running && !qbusiness::isFinalStatus(status) && status != SyncStatus::Unknown) {
            h->running = true;
            h->runningExecutionId = job.executionId;
            h->runningStatus = job.status;
            h->runningSince = job.startTime;
            h->runningDocumentsScanned = job.metrics.documentsScanned;
        }
        if (!finishedFound && qbusiness::isFinalStatus(status)) {
            finishedFound = true;
            h->lastRunExecutionId = job.executionId;
            h->lastRunStatus = job.status;
            h->lastRunStartTime = job.startTime;
            h->lastRunEndTime = job.endTime;
            h->lastRunDocumentsFailed = job.metrics.documentsFailed;
            h->lastRunErrorCode = job.errorCode;
            h->lastRunErrorMessage = job.errorMessage;
        }
        if (streakLeft > 0 && status == SyncStatus::Failed && --streakLeft == 0)
            h->failingSince = job.startTime;
    }
}

// Whether runs keep up with the schedule: overdue when the second run due after the newest
// start (or, never run, after creation) has not started by now. Two fire times need only two
// look-ups, whatever the schedule and however long ago.
void readSchedule(const HealthInput &in, const QDateTime &now, DataSourceHealth *h,
                  QList<Finding> *findings)
{
    if (!in.details)
        return;
    h->schedule = in.details->syncSchedule;
    const SyncSchedule schedule = SyncSchedule::parse(h->schedule);
    if (!schedule.isValid()) {
        h->scheduleError = schedule.error();
        findings->append(
            {Attention::Unknown,
             QStringLiteral("schedule not understood, so not checked: ") + schedule.error()});
        return;
    }
    if (!schedule.isScheduled())
        return;
    QDateTime reference;
    if (in.runs) {
        for (const SyncJob &job : *in.runs) {
            if (job.startTime.isValid() && (!reference.isValid() || job.startTime > reference))
                reference = job.startTime;
        }
    }
    const bool neverRan = !reference.isValid();
    if (neverRan && in.runs && in.details->createdAt.isValid())
        reference = in.details->createdAt;
    h->schedulePeriodSeconds = schedule.periodSecondsAt(now);
    h->nextScheduledRun = schedule.nextFire(now, reference);
    if (!reference.isValid() || h->running)
        return;
    const QDateTime firstDue = schedule.nextFire(reference, reference);
    const QDateTime secondDue = schedule.nextFire(firstDue, reference);
    if (!secondDue.isValid())
        return;
    // A scheduled run starts a little after its time: allow it half a period, at most 10 min.
    const qint64 graceSeconds = std::min<qint64>(600, firstDue.secsTo(secondDue) / 2);
    if (secondDue.addSecs(graceSeconds) >= now)
        return;
    h->overdue = true;
    h->overdueSince = secondDue;
    QString words = schedule.describe();
    if (schedule.kind() == SyncSchedule::Kind::Cron && h->schedulePeriodSeconds)
        words += QStringLiteral(", due every ")
            + qbusiness::formatDuration(*h->schedulePeriodSeconds);
    findings->append({Attention::Overdue,
                      neverRan ? QStringLiteral("overdue: no run since the data source was created "
                                                "%1 (%2)")
                                     .arg(describeMoment(reference, now), words)
                               : QStringLiteral("overdue: no run since %1 (%2)")
                                     .arg(describeMoment(reference, now), words)});
}

QString noSuccessText(const DataSourceHealth &h)
{
    if (h.lastSuccessAgeSeconds)
        return QStringLiteral("no success for ")
            + qbusiness::formatDuration(*h.lastSuccessAgeSeconds);
    return QStringLiteral("no success in the ") + count(h.runsSeen, "run", "runs")
        + QStringLiteral(" seen");
}

void judgeRuns(const DataSourceHealth &h, const QDateTime &now, QList<Finding> *findings)
{
    if (h.failingStreak == 1) {
        const QString why
            = !h.lastRunErrorMessage.isEmpty() ? h.lastRunErrorMessage : h.lastRunErrorCode;
        findings->append(
            {Attention::Failing,
             QStringLiteral("last run FAILED %1").arg(describeMoment(h.lastRunStartTime, now))
                 + (why.isEmpty() ? QString() : QStringLiteral(": ") + why)});
    } else if (h.failingStreak > 1) {
        findings->append({Attention::Failing,
                          h.failingStreakCoversRunsSeen
                              ? QStringLiteral("failing all %1 runs seen, since %2 or earlier")
                                    .arg(h.failingStreak)
                                    .arg(describeMoment(h.failingSince, now))
                              : QStringLiteral("failing %1 runs in a row since %2")
                                    .arg(h.failingStreak)
                                    .arg(describeMoment(h.failingSince, now))});
    }
    if (h.failingStreak > 0)
        findings->append({Attention::Failing, noSuccessText(h)});

    const SyncStatus last = qbusiness::syncStatusFromWire(h.lastRunStatus);
    if (last == SyncStatus::Incomplete || last == SyncStatus::Aborted) {
        const QString when = describeMoment(h.lastRunStartTime, now);
        QString text = QStringLiteral("last run %1").arg(h.lastRunStatus);
        if (last == SyncStatus::Incomplete && h.lastRunDocumentsFailed)
            text += QStringLiteral(": ")
                + count(*h.lastRunDocumentsFailed, "document failed", "documents failed");
        else
            text += u' ' + when;
        findings->append({Attention::Warning, text});
        findings->append({Attention::Warning, noSuccessText(h)});
    } else if (last == SyncStatus::Succeeded && h.lastRunDocumentsFailed.value_or(0) > 0) {
        findings->append(
            {Attention::Warning,
             QStringLiteral("last run SUCCEEDED but ")
                 + count(*h.lastRunDocumentsFailed, "document failed", "documents failed")});
    }

    if (h.running) {
        const SyncStatus status = qbusiness::syncStatusFromWire(h.runningStatus);
        const char *verb = status == SyncStatus::SyncingIndexing ? "indexing"
            : status == SyncStatus::Stopping                     ? "stopping"
                                                                 : "running";
        QString text = QStringLiteral("%1 since %2")
                           .arg(QLatin1String(verb), describeMoment(h.runningSince, now));
        if (h.runningDocumentsScanned)
            text += QStringLiteral(": ")
                + count(*h.runningDocumentsScanned, "document scanned", "documents scanned");
        findings->append({Attention::Running, text});
    }
    if (last == SyncStatus::Succeeded && h.lastRunDocumentsFailed.value_or(0) == 0)
        findings->append(
            {Attention::Healthy,
             QStringLiteral("last run SUCCEEDED %1 (%2 ago)")
                 .arg(describeMoment(
                          h.lastRunEndTime.isValid() ? h.lastRunEndTime : h.lastRunStartTime, now),
                      qbusiness::formatDuration(h.lastSuccessAgeSeconds.value_or(0)))});
    if (h.runsSeen == 0)
        findings->append({Attention::Unknown, QStringLiteral("no sync runs yet")});
    else if (h.lastRunStatus.isEmpty() && !h.running)
        findings->append({Attention::Unknown,
                          QStringLiteral("no run with a status SyncDeck knows among the %1 seen")
                              .arg(h.runsSeen)});
}

} // namespace

QString attentionName(Attention attention)
{
    return QLatin1String(AttentionNames[size_t(attention)]);
}

std::optional<Attention> attentionFromName(QStringView name)
{
    for (size_t i = 0; i < AttentionNames.size(); ++i) {
        if (name.compare(QLatin1String(AttentionNames[i]), Qt::CaseInsensitive) == 0)
            return Attention(i);
    }
    return std::nullopt;
}

QString describeMoment(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QStringLiteral("an unknown time");
    const QDateTime local = time.toTimeZone(now.timeZone());
    const qint64 days = std::abs(time.secsTo(now)) / 86400;
    return QLocale::c().toString(
        local, days < 6 ? QStringLiteral("ddd HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

DataSourceHealth computeHealth(const HealthInput &in, const QDateTime &now)
{
    DataSourceHealth h;
    QList<Finding> findings;
    if (in.details) {
        h.dataSourceStatus = in.details->status;
        h.dataSourceErrorCode = in.details->errorCode;
        h.dataSourceErrorMessage = in.details->errorMessage;
        if (h.dataSourceStatus == QLatin1String("FAILED")) {
            const QString why = !h.dataSourceErrorMessage.isEmpty() ? h.dataSourceErrorMessage
                                                                    : h.dataSourceErrorCode;
            findings.append({Attention::Failing,
                             QStringLiteral("data source status FAILED")
                                 + (why.isEmpty() ? QString() : QStringLiteral(": ") + why)});
        } else if (!h.dataSourceStatus.isEmpty() && h.dataSourceStatus != QLatin1String("ACTIVE")) {
            findings.append(
                {Attention::Warning, QStringLiteral("data source status ") + h.dataSourceStatus});
        }
    } else {
        findings.append(
            {Attention::Unknown,
             QStringLiteral("data source details unknown: ")
                 + (in.detailsError.isEmpty() ? QStringLiteral("not fetched") : in.detailsError)});
    }
    if (in.runs) {
        readRuns(*in.runs, now, &h);
        judgeRuns(h, now, &findings);
    } else {
        findings.append(
            {Attention::Unknown,
             QStringLiteral("sync runs unknown: ")
                 + (in.runsError.isEmpty() ? QStringLiteral("not listed") : in.runsError)});
    }
    readSchedule(in, now, &h, &findings);

    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return a.level < b.level; });
    for (const Finding &f : std::as_const(findings)) {
        if (!h.reasons.contains(f.text))
            h.reasons.append(f.text);
    }
    if (findings.isEmpty()) {
        h.reasons.append(QStringLiteral("nothing is known about this data source"));
        h.attention = Attention::Unknown;
    } else {
        h.attention = findings.constFirst().level;
    }
    h.reason = h.reasons.constFirst();
    return h;
}

} // namespace syncdeck::fleet
