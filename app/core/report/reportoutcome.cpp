#include "reportoutcome.h"

#include "aws/endpointresolver.h"
#include "logs/logserror.h"

#include <QLocale>
#include <QRegularExpression>

namespace syncdeck::report {

namespace {

QString partitionOf(const RunReportTarget &target)
{
    return target.region.isEmpty() ? QStringLiteral("aws")
                                   : aws::partitionForRegion(target.region).name;
}

QString regionOf(const RunReportTarget &target)
{
    return target.region.isEmpty() ? QStringLiteral("REGION") : target.region;
}

QString count(qint64 n)
{
    return QLocale::c().toString(n);
}

QString keptNote(qint64 eventsRead)
{
    if (eventsRead <= 0)
        return {};
    return QStringLiteral(" The %1 events read before it are kept.").arg(count(eventsRead));
}

ReportOutcome make(ReportStatus status, QString title, QString explanation, QString nextStep,
                   qint64 eventsRead = 0)
{
    ReportOutcome o;
    o.status = status;
    o.title = std::move(title);
    o.explanation = std::move(explanation);
    o.nextStep = std::move(nextStep);
    o.eventsRead = eventsRead;
    return o;
}

QString ageText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes < 120)
        return QStringLiteral("%1 minutes").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QStringLiteral("%1 hours").arg(hours);
    return QStringLiteral("%1 days").arg(hours / 24);
}

} // namespace

QString reportStatusName(ReportStatus status)
{
    switch (status) {
    case ReportStatus::NotStarted:
        return QStringLiteral("NotStarted");
    case ReportStatus::Reading:
        return QStringLiteral("Reading");
    case ReportStatus::Following:
        return QStringLiteral("Following");
    case ReportStatus::Complete:
        return QStringLiteral("Complete");
    case ReportStatus::Empty:
        return QStringLiteral("Empty");
    case ReportStatus::NoLogGroup:
        return QStringLiteral("NoLogGroup");
    case ReportStatus::NoLogStream:
        return QStringLiteral("NoLogStream");
    case ReportStatus::AccessDenied:
        return QStringLiteral("AccessDenied");
    case ReportStatus::Throttled:
        return QStringLiteral("Throttled");
    case ReportStatus::Truncated:
        return QStringLiteral("Truncated");
    case ReportStatus::Cancelled:
        return QStringLiteral("Cancelled");
    case ReportStatus::Failed:
        break;
    }
    return QStringLiteral("Failed");
}

QString accountIdFor(const RunReportTarget &target, const AwsError &error)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{12}$"));
    if (digits.match(target.accountId).hasMatch())
        return target.accountId;
    // "User: arn:aws:sts::123456789012:assumed-role/... is not authorized to perform:
    // logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:..."
    static const QRegularExpression arn(
        QStringLiteral("arn:aws[a-z\\-]*:[a-z0-9\\-]+:[a-z0-9\\-]*:(\\d{12}):"));
    const QRegularExpressionMatch m = arn.match(error.message);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString readerPolicy(const RunReportTarget &target, const QString &accountId)
{
    const QString account = accountId.isEmpty() ? QStringLiteral("ACCOUNT_ID") : accountId;
    return QStringLiteral("{\n"
                          "  \"Version\": \"2012-10-17\",\n"
                          "  \"Statement\": [\n"
                          "    {\n"
                          "      \"Sid\": \"ReadAmazonQBusinessSyncReports\",\n"
                          "      \"Effect\": \"Allow\",\n"
                          "      \"Action\": [\n"
                          "        \"logs:FilterLogEvents\",\n"
                          "        \"logs:GetLogEvents\",\n"
                          "        \"logs:DescribeLogStreams\"\n"
                          "      ],\n"
                          "      \"Resource\": \"arn:%1:logs:%2:%3:log-group:/aws/qbusiness/*\"\n"
                          "    }\n"
                          "  ]\n"
                          "}\n")
        .arg(partitionOf(target), regionOf(target), account);
}

QString deliverySetupCommands(const RunReportTarget &target, const QString &accountId)
{
    const QString account = accountId.isEmpty() ? QStringLiteral("ACCOUNT_ID") : accountId;
    const QString partition = partitionOf(target);
    const QString region = regionOf(target);
    const QString app = target.applicationId;
    const QString source = QStringLiteral("qbusiness-%1-sync-job-logs").arg(app.left(36));
    const QString destination = QStringLiteral("qbusiness-%1-logs").arg(app.left(36));
    return QStringLiteral(
               "aws logs create-log-group --region %2 --log-group-name /aws/qbusiness/%4\n"
               "aws logs put-delivery-source --region %2 --name %5 --log-type SYNC_JOB_LOGS \\\n"
               "    --resource-arn arn:%1:qbusiness:%2:%3:application/%4\n"
               "aws logs put-delivery-destination --region %2 --name %6 \\\n"
               "    --delivery-destination-configuration "
               "destinationResourceArn=arn:%1:logs:%2:%3:log-group:/aws/qbusiness/%4\n"
               "aws logs create-delivery --region %2 --delivery-source-name %5 \\\n"
               "    --delivery-destination-arn arn:%1:logs:%2:%3:delivery-destination:%6\n")
        .arg(partition, region, account, app, source, destination);
}

namespace outcomes {

ReportOutcome reading(qint64 eventsRead)
{
    return make(ReportStatus::Reading, QStringLiteral("Reading the report…"),
                QStringLiteral("%1 events read so far.").arg(count(eventsRead)), {}, eventsRead);
}

ReportOutcome following(const RunReportTarget &target, qint64 eventsRead)
{
    return make(ReportStatus::Following,
                QStringLiteral("The run is still going: watching its report"),
                QStringLiteral("%1 events so far in %2. Amazon Q Business adds events while the "
                               "run progresses; SyncDeck checks for new ones regularly.")
                    .arg(count(eventsRead), target.reportStreamName()),
                {}, eventsRead);
}

ReportOutcome complete(const RunReportTarget &target, qint64 eventsRead, bool legacyStreams)
{
    if (legacyStreams) {
        return make(ReportStatus::Complete,
                    QStringLiteral("Errors from the data source's error log streams"),
                    QStringLiteral("This run has no SYNC_RUN_HISTORY_REPORT stream; %1 events "
                                   "came from the older error streams (%2…) within the run's "
                                   "time window. They list problems only, not every document.")
                        .arg(count(eventsRead), target.legacyStreamPrefix()),
                    {}, eventsRead);
    }
    QString explanation
        = QStringLiteral("%1 events read from %2 in %3.")
              .arg(count(eventsRead), target.reportStreamName(), target.logGroupName());
    if (target.running)
        explanation += QStringLiteral(" The run is still going: its report will grow.");
    return make(ReportStatus::Complete,
                target.running ? QStringLiteral("Report so far")
                               : QStringLiteral("Report complete"),
                explanation, {}, eventsRead);
}

ReportOutcome empty(const RunReportTarget &target, const QString &filterPattern,
                    const QString &checkProblem)
{
    QString explanation;
    if (!filterPattern.isEmpty())
        explanation = QStringLiteral("No event of %1 within the run's time window matches the "
                                     "filter (%2).")
                          .arg(target.reportStreamName(), filterPattern);
    else if (target.running)
        explanation = QStringLiteral("The stream %1 exists but holds no events yet: the run "
                                     "has not finished a document so far.")
                          .arg(target.reportStreamName());
    else
        explanation = QStringLiteral("The stream %1 holds no events within the run's time "
                                     "window (its start minus 5 minutes to its end plus 5 "
                                     "minutes).")
                          .arg(target.reportStreamName());
    if (!checkProblem.isEmpty())
        explanation += QStringLiteral(" Whether the stream exists could not be checked: %1")
                           .arg(checkProblem);
    return make(ReportStatus::Empty, QStringLiteral("The report has no documents"), explanation,
                target.running ? QStringLiteral("Wait: events appear as the run processes "
                                                "documents.")
                               : QStringLiteral("If the run did process documents, compare with "
                                                "the data source's current document states "
                                                "(ListDocuments)."));
}

ReportOutcome noLogGroup(const RunReportTarget &target, const AwsError &error)
{
    ReportOutcome o = make(
        ReportStatus::NoLogGroup,
        QStringLiteral("No report: CloudWatch Logs delivery is not set up"),
        QStringLiteral("The log group %1 does not exist in %2. Amazon Q Business writes the "
                       "per-document report of each sync run there only after log delivery of "
                       "type SYNC_JOB_LOGS is set up for the application.")
            .arg(target.logGroupName(), regionOf(target)),
        QStringLiteral("Set up log delivery for the application (in the Amazon Q Business "
                       "console's log delivery settings, or with the commands below), then run "
                       "a sync again; earlier runs stay without a report. Meanwhile, the data "
                       "source's current document states (ListDocuments) show which documents "
                       "failed."));
    o.details = deliverySetupCommands(target, accountIdFor(target, error));
    o.error = error;
    return o;
}

ReportOutcome noLogStream(const RunReportTarget &target, const QDateTime &now,
                          const AwsError &error)
{
    QString explanation = QStringLiteral("The log group %1 exists, but it has no stream %2.")
                              .arg(target.logGroupName(), target.reportStreamName());
    QString next;
    const qint64 sinceEnd
        = target.runEnd.isValid() && now.isValid() ? target.runEnd.msecsTo(now) : -1;
    if (target.running || (sinceEnd >= 0 && sinceEnd < 15 * 60 * 1000)) {
        explanation += QStringLiteral(" The report has not been delivered yet: Amazon Q "
                                      "Business writes it while the run progresses, and "
                                      "delivery can lag by a few minutes.");
        next = QStringLiteral("Wait a few minutes and open the run again.");
    } else if (sinceEnd >= 24 * 3600 * 1000) {
        explanation += QStringLiteral(" The run ended %1 ago: if the log group's retention is "
                                      "shorter than that, CloudWatch Logs has deleted the "
                                      "report; or log delivery was set up after this run.")
                           .arg(ageText(sinceEnd));
        next = QStringLiteral("Check the log group's retention (aws logs describe-log-groups "
                              "--log-group-name-prefix %1) and raise it to keep future "
                              "reports; the data source's current document states "
                              "(ListDocuments) remain available.")
                   .arg(target.logGroupName());
    } else {
        explanation += QStringLiteral(" Log delivery may have been set up after this run, or "
                                      "this run's connector writes no report.");
        next = QStringLiteral("Run a sync again to get a report; meanwhile, the data source's "
                              "current document states (ListDocuments) show failed "
                              "documents.");
    }
    ReportOutcome o
        = make(ReportStatus::NoLogStream,
               QStringLiteral("No report for this run in CloudWatch Logs"), explanation, next);
    o.error = error;
    return o;
}

ReportOutcome accessDenied(const RunReportTarget &target, const AwsError &error, qint64 eventsRead)
{
    const QString account = accountIdFor(target, error);
    ReportOutcome o = make(
        ReportStatus::AccessDenied, QStringLiteral("Not allowed to read the report"),
        QStringLiteral("CloudWatch Logs refused: %1.%2").arg(error.message, keptNote(eventsRead)),
        QStringLiteral("Ask an administrator to allow logs:FilterLogEvents, logs:GetLogEvents "
                       "and logs:DescribeLogStreams on "
                       "arn:%1:logs:%2:%3:log-group:/aws/qbusiness/* for this profile's role "
                       "(the policy below).")
            .arg(partitionOf(target), regionOf(target),
                 account.isEmpty() ? QStringLiteral("ACCOUNT_ID") : account),
        eventsRead);
    o.details = readerPolicy(target, account);
    o.error = error;
    return o;
}

ReportOutcome throttled(const AwsError &error, qint64 eventsRead)
{
    ReportOutcome o = make(
        ReportStatus::Throttled, QStringLiteral("CloudWatch Logs is throttling"),
        QStringLiteral("The account's CloudWatch Logs request quota was exhausted, even after "
                       "backing off and retrying (%1).%2")
            .arg(error.message, keptNote(eventsRead)),
        QStringLiteral("Try again in a minute; other tools of the account share the quota "
                       "(FilterLogEvents allows about 5 requests per second per account and "
                       "region)."),
        eventsRead);
    o.error = error;
    return o;
}

ReportOutcome truncated(qint64 eventsRead, const QString &resumeToken)
{
    ReportOutcome o = make(
        ReportStatus::Truncated, QStringLiteral("Stopped after %1 events").arg(count(eventsRead)),
        QStringLiteral("The report has more events than were asked for."),
        resumeToken.isEmpty() ? QStringLiteral("Ask for more events to read the rest.")
                              : QStringLiteral("Resume with the starting token %1 to read the "
                                               "rest.")
                                    .arg(resumeToken),
        eventsRead);
    o.details = resumeToken;
    return o;
}

ReportOutcome cancelled(qint64 eventsRead)
{
    return make(ReportStatus::Cancelled, QStringLiteral("Reading the report was cancelled"),
                QStringLiteral("Cancelled.%1").arg(keptNote(eventsRead)), {}, eventsRead);
}

ReportOutcome failed(const AwsError &error, qint64 eventsRead)
{
    ReportOutcome o
        = make(ReportStatus::Failed, QStringLiteral("The report could not be read"),
               QStringLiteral("%1%2").arg(error.message, keptNote(eventsRead)),
               error.nextStep.isEmpty() ? QStringLiteral("Check the connection and try again.")
                                        : error.nextStep,
               eventsRead);
    o.error = error;
    return o;
}

ReportOutcome forError(const RunReportTarget &target, const AwsError &error, qint64 eventsRead,
                       const QDateTime &now)
{
    if (error.kind == AwsError::Kind::Aborted)
        return cancelled(eventsRead);
    switch (logs::errorKind(error)) {
    case logs::ErrorKind::LogGroupNotFound:
        return noLogGroup(target, error);
    case logs::ErrorKind::LogStreamNotFound:
        return noLogStream(target, now, error);
    case logs::ErrorKind::AccessDenied:
        return accessDenied(target, error, eventsRead);
    case logs::ErrorKind::Throttling:
        return throttled(error, eventsRead);
    default:
        break;
    }
    return failed(error, eventsRead);
}

} // namespace outcomes

} // namespace syncdeck::report
