#pragma once

#include "logs/types.h"
#include "runreporttarget.h"

#include <QDateTime>
#include <QString>

namespace syncdeck::report {

using logs::AwsError;

// Where a report read stands, and every way it can end. Empty, missing and denied are distinct
// outcomes, each explained with the next step; a missing log group or stream is normal (log
// delivery not set up, not delivered yet, deleted by retention) and not shown as a failure.
enum class ReportStatus : quint8 {
    NotStarted,
    Reading, // pages are coming in
    Following, // read to the current end of a running job's report; polling for more
    Complete, // every event of the window was read
    Empty, // the stream is there (or could not be checked) but holds no events in the window
    NoLogGroup, // /aws/qbusiness/{applicationId} does not exist: log delivery is not set up
    NoLogStream, // the group exists, the run's stream does not (yet, or any more)
    AccessDenied, // the credentials may not read the group
    Throttled, // still throttled after the retries
    Truncated, // stopped at the maximum number of events; resumable
    Cancelled,
    Failed, // any other error (network, a malformed answer, a repeated token, ...)
};
QString reportStatusName(ReportStatus status);

struct ReportOutcome
{
    ReportStatus status = ReportStatus::NotStarted;
    QString title; // one line, e.g. "No report: CloudWatch Logs delivery is not set up"
    QString explanation; // what happened, in full sentences
    QString nextStep; // what to do about it
    QString details; // text to copy: the IAM policy, the commands that set up delivery
    AwsError error; // the call's error, when one caused the outcome
    qint64 eventsRead = 0; // events delivered before it; they are kept

    // Ended by an error the operator should see as a failure (denied, throttled, failed).
    bool isFailure() const
    {
        return status == ReportStatus::AccessDenied || status == ReportStatus::Throttled
            || status == ReportStatus::Failed;
    }
    bool isFinal() const
    {
        return status != ReportStatus::NotStarted && status != ReportStatus::Reading
            && status != ReportStatus::Following;
    }
};

// The outcome texts, one definition each (the GUI, the CLI and the tests read the same words).
namespace outcomes {
ReportOutcome reading(qint64 eventsRead);
ReportOutcome following(const RunReportTarget &target, qint64 eventsRead);
ReportOutcome complete(const RunReportTarget &target, qint64 eventsRead, bool legacyStreams);
// No events in the window. streamExists: true, false (then noLogStream() applies instead) or
// unknown (DescribeLogStreams was denied or failed: checkProblem says why).
ReportOutcome empty(const RunReportTarget &target, const QString &filterPattern,
                    const QString &checkProblem);
ReportOutcome noLogGroup(const RunReportTarget &target, const AwsError &error);
ReportOutcome noLogStream(const RunReportTarget &target, const QDateTime &now,
                          const AwsError &error);
ReportOutcome accessDenied(const RunReportTarget &target, const AwsError &error, qint64 eventsRead);
ReportOutcome throttled(const AwsError &error, qint64 eventsRead);
ReportOutcome truncated(qint64 eventsRead, const QString &resumeToken);
ReportOutcome cancelled(qint64 eventsRead);
ReportOutcome failed(const AwsError &error, qint64 eventsRead);
// The outcome for an error of a Logs call (typed by logs::errorKind).
ReportOutcome forError(const RunReportTarget &target, const AwsError &error, qint64 eventsRead,
                       const QDateTime &now);
} // namespace outcomes

// The account id of the target, else the 12 digits of an ARN in the error's message (AWS
// names the caller and the resource in an AccessDenied message), else "".
QString accountIdFor(const RunReportTarget &target, const AwsError &error = {});
// The least-privilege IAM policy that lets a reader see the reports of every application of
// the account in the target's region (JSON; ACCOUNT_ID when the account is unknown).
QString readerPolicy(const RunReportTarget &target, const QString &accountId);
// AWS CLI commands that set up SYNC_JOB_LOGS delivery of the target's application into its
// log group (ACCOUNT_ID when the account is unknown).
QString deliverySetupCommands(const RunReportTarget &target, const QString &accountId);

} // namespace syncdeck::report
