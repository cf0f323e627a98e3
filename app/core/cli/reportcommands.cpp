#include "reportcommands.h"

#include "servicecommand.h"

#include "aws/awstime.h"
#include "logs/client.h"
#include "qbusiness/documentcodec.h"
#include "report/failuregroups.h"
#include "report/reportcounts.h"
#include "report/reportexport.h"
#include "report/reportreader.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

namespace syncdeck::cli {

using report::ReportOutcome;
using report::ReportStatus;

namespace {

OutputColumn col(const char *header, const char *path = nullptr)
{
    return {QString::fromLatin1(header), QString::fromLatin1(path ? path : header)};
}

// Runs of one data source are searched this many pages back (10 runs a page) for the run's
// time window and metrics; an older run is read without them.
constexpr int MaxLookupPages = 100;

struct RunLookup
{
    bool found = false;
    QDateTime start, end;
    bool running = false;
    qbusiness::SyncJobMetrics metrics;
    qbusiness::AwsError error;
};

RunLookup lookUpRun(ServiceCommand &command, const qbusiness::ListSyncJobsRequest &base,
                    const QString &executionId)
{
    RunLookup out;
    QString token;
    for (int page = 0; page < MaxLookupPages; ++page) {
        qbusiness::ListSyncJobsRequest request = base;
        request.nextToken = token;
        request.maxResults = 10;
        std::unique_ptr<qbusiness::ListSyncJobsCall> call(
            command.client()->listDataSourceSyncJobs(request));
        command.wait(call.get());
        if (call->error().isError()) {
            out.error = call->error();
            return out;
        }
        for (const qbusiness::SyncJob &job : std::as_const(call->page.history)) {
            if (job.executionId != executionId)
                continue;
            out.found = true;
            out.start = job.startTime;
            out.end = job.endTime;
            out.running = !job.endTime.isValid();
            out.metrics = job.metrics;
            return out;
        }
        // A repeated token is the listing's end as far as this search goes.
        if (call->page.nextToken.isEmpty() || call->page.nextToken == token)
            return out;
        token = call->page.nextToken;
    }
    return out;
}

// How a report read that did not complete ends: the outcome's words on stderr and the exit
// code of the AWS CLI for the same situation (254 when the service said no, 255 otherwise).
int reportOutcome(ServiceCommand &command, const ReportOutcome &o, const QString &resumeToken)
{
    QTextStream &err = command.err();
    const bool failure = o.isFailure() || o.status == ReportStatus::NoLogGroup
        || o.status == ReportStatus::NoLogStream;
    err << "\nsyncdeck-cli: " << (failure ? "error: " : "") << o.title << '\n';
    if (o.error.isError() && o.error.kind == qbusiness::AwsError::Kind::Service)
        err << "  An error occurred (" << o.error.code << ") when calling the "
            << "FilterLogEvents operation: " << o.error.message << '\n';
    if (!o.explanation.isEmpty())
        err << "  " << o.explanation << '\n';
    if (!o.nextStep.isEmpty())
        err << "  What to do: " << o.nextStep << '\n';
    if (!o.details.isEmpty()) {
        for (const QString &line : o.details.split(u'\n'))
            err << "    " << line << '\n';
    }
    if (!resumeToken.isEmpty())
        err << "  The report is incomplete. To resume exactly after the last event printed, "
               "run the same command with --starting-token "
            << resumeToken << '\n';
    err.flush();
    switch (o.status) {
    case ReportStatus::Complete:
    case ReportStatus::Empty:
    case ReportStatus::Truncated:
        return Success;
    case ReportStatus::Cancelled:
        return Interrupted;
    case ReportStatus::NoLogGroup:
    case ReportStatus::NoLogStream:
    case ReportStatus::AccessDenied:
    case ReportStatus::Throttled:
        return ServiceError;
    case ReportStatus::Failed:
        return o.error.kind == qbusiness::AwsError::Kind::Service    ? ServiceError
            : o.error.kind == qbusiness::AwsError::Kind::Credentials ? ConfigError
                                                                     : OtherError;
    default:
        return OtherError;
    }
}

QList<OutputColumn> eventColumns()
{
    QList<OutputColumn> columns;
    for (const QString &name : report::reportCsvColumns())
        columns.append({name, name});
    return columns;
}

bool parseStatuses(const QStringList &values, QList<report::DocumentStatus> *out, QString *bad)
{
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const report::DocumentStatus s
                = report::documentStatusFromWire(part.trimmed().toUpper());
            if (s == report::DocumentStatus::Unknown) {
                *bad = part;
                return false;
            }
            if (!out->contains(s))
                out->append(s);
        }
    }
    return true;
}

// Writes the events of a report as they arrive: jsonl line by line in SyncDeck's reading plus
// the raw message (the export's format), the other formats through the output formatter.
class EventPrinter
{
public:
    EventPrinter(ServiceCommand &command)
        : m_command(command)
    { }

    void print(const QList<report::ReportEvent> &events)
    {
        OutputFormatter &out = m_command.output();
        if (!m_begun) {
            out.beginList(QStringLiteral("reportEvents"), eventColumns());
            m_begun = true;
        }
        QByteArray lines;
        lines.reserve(events.size() * 1200);
        for (const report::ReportEvent &e : events) {
            const qsizetype from = lines.size();
            report::appendJsonLine(lines, e, reasonOf(e));
            if (!out.takesJsonLines())
                out.item(QJsonDocument::fromJson(lines.mid(from)).object());
        }
        if (out.takesJsonLines())
            out.itemLines(lines);
        m_command.out().flush();
    }
    bool begun() const { return m_begun; }
    void begin()
    {
        if (!m_begun)
            m_command.output().beginList(QStringLiteral("reportEvents"), eventColumns());
        m_begun = true;
    }

private:
    QString reasonOf(const report::ReportEvent &e)
    {
        if (e.status != report::DocumentStatus::Failed
            && e.status != report::DocumentStatus::Skipped)
            return {};
        // Error texts repeat a lot; the cache is bounded so memory stays flat.
        const auto it = m_reasons.constFind(e.errorMessage);
        if (it != m_reasons.constEnd())
            return *it;
        if (m_reasons.size() > 20000)
            m_reasons.clear();
        return *m_reasons.insert(e.errorMessage, report::FailureGroups::reasonOf(e.errorMessage));
    }

    ServiceCommand &m_command;
    QHash<QString, QString> m_reasons;
    bool m_begun = false;
};

void printGroups(ServiceCommand &command, const report::FailureGroups &groups)
{
    OutputFormatter &out = command.output();
    out.beginList(QStringLiteral("failureGroups"),
                  {col("status"), col("count"), col("reason"), col("firstSeen"), col("lastSeen"),
                   col("exampleMessage"), col("exampleDocuments")});
    for (const int i : groups.byCount()) {
        const report::FailureGroup &g = groups.groups().at(i);
        QJsonObject o;
        o.insert(QStringLiteral("status"), report::documentStatusToWire(g.status));
        o.insert(QStringLiteral("count"), g.count);
        o.insert(QStringLiteral("reason"), g.reason);
        o.insert(
            QStringLiteral("firstSeen"),
            QString::fromLatin1(aws::awstime::formatIso8601(g.firstSeen).value_or(QByteArray())));
        o.insert(
            QStringLiteral("lastSeen"),
            QString::fromLatin1(aws::awstime::formatIso8601(g.lastSeen).value_or(QByteArray())));
        o.insert(QStringLiteral("exampleMessage"), g.exampleMessage);
        o.insert(QStringLiteral("exampleDocuments"),
                 QJsonArray::fromStringList(g.exampleDocuments));
        out.item(o);
    }
    out.endList(QStringLiteral("NextToken"), {});
}

} // namespace

int getSyncJobReport(Invocation &inv)
{
    const QCommandLineOption status(
        QStringLiteral("document-status"),
        QStringLiteral("Only documents with this status: FAILED, SKIPPED or SUCCESS (repeat the "
                       "option or separate with commas for several)."),
        QStringLiteral("status"));
    const QCommandLineOption groupByError(
        QStringLiteral("group-by-error"),
        QStringLiteral("Print the failed and skipped documents grouped by reason (counts, first "
                       "and last seen, examples) instead of the events."));
    ServiceCommand command(
        inv,
        {QStringLiteral("Prints the document-level report of a sync run (which documents "
                        "failed, were skipped or succeeded, and why) from the application's "
                        "CloudWatch Logs log group /aws/qbusiness/{applicationId}."),
         {QStringLiteral("application-id"), QStringLiteral("index-id"),
          QStringLiteral("data-source-id"), QStringLiteral("execution-id")},
         true,
         false,
         {status, groupByError}});
    if (const std::optional<int> code = command.prepare())
        return *code;
    QList<report::DocumentStatus> statuses;
    QString bad;
    if (!parseStatuses(command.values(status.names().constFirst()), &statuses, &bad))
        return command.usageError(QStringLiteral("argument --document-status: \"%1\" is not one of "
                                                 "FAILED, SKIPPED, SUCCESS")
                                      .arg(bad));
    const bool grouped = command.isSet(groupByError.names().constFirst());
    if (grouped && (command.maxItems() > 0 || !command.startingToken().isEmpty()))
        return command.usageError(QStringLiteral("--group-by-error reads the whole report: it does "
                                                 "not take --max-items or --starting-token"));
    if (command.globals().dryRun)
        return command.usageError(QStringLiteral("--dry-run is not available for "
                                                 "get-sync-job-report (it makes several calls)"));
    const std::optional<aws::ClientConfig> config = command.logsConfig();
    if (!config)
        return ConfigError;

    report::RunReportTarget target;
    target.applicationId = command.id("application-id");
    target.indexId = command.id("index-id");
    target.dataSourceId = command.id("data-source-id");
    target.executionId = command.id("execution-id");
    target.region = config->region;
    qbusiness::ListSyncJobsRequest runs;
    runs.applicationId = target.applicationId;
    runs.indexId = target.indexId;
    runs.dataSourceId = target.dataSourceId;
    const RunLookup run = lookUpRun(command, runs, target.executionId);
    if (run.found) {
        target.runStart = run.start;
        target.runEnd = run.end;
        target.running = run.running;
    } else {
        // Least privilege: a reader allowed only the Logs actions still gets the report.
        command.err() << "syncdeck-cli: note: "
                      << (run.error.isError()
                              ? QStringLiteral("could not look up the run (%1: %2)")
                                    .arg(run.error.code, run.error.message)
                              : QStringLiteral("the run is not among the data source's %1 "
                                               "newest runs")
                                    .arg(MaxLookupPages * 10))
                      << "; reading the report of the last 24 hours.\n";
        command.err().flush();
    }

    logs::Client logsClient(*config, command.credentials());
    report::ReportReader reader(&logsClient, target);
    reader.setStatusFilter(statuses);
    reader.setPageSize(command.pageSize() > 0 ? command.pageSize() : 0);
    reader.setMaxEvents(command.maxItems());
    if (!command.startingToken().isEmpty()) {
        QString error;
        if (!reader.setStartingToken(command.startingToken(), &error))
            return command.usageError(QStringLiteral("argument --starting-token: %1").arg(error));
    }
    EventPrinter printer(command);
    report::FailureGroups groups;
    report::ReportCounts counts;
    QObject::connect(&reader, &report::ReportReader::eventsRead, &reader,
                     [&](const QList<report::ReportEvent> &events) {
                         for (const report::ReportEvent &e : events) {
                             counts.add(e);
                             if (grouped)
                                 groups.add(e);
                         }
                         if (!grouped)
                             printer.print(events);
                     });
    QObject::connect(&command.interrupts(), &aws::SignalWatcher::received, &reader,
                     &report::ReportReader::cancel, Qt::SingleShotConnection);
    QEventLoop loop;
    QObject::connect(&reader, &report::ReportReader::finished, &loop, &QEventLoop::quit);
    reader.start();
    loop.exec();

    const ReportOutcome &o = reader.outcome();
    const QString token = reader.resumeToken();
    const bool readable = o.status == ReportStatus::Complete || o.status == ReportStatus::Empty
        || o.status == ReportStatus::Truncated;
    if (grouped) {
        if (readable)
            printGroups(command, groups);
    } else if (printer.begun() || readable || !token.isEmpty()) {
        printer.begin();
        command.output().endList(QStringLiteral("NextToken"), token);
    }
    if (o.status == ReportStatus::Complete || o.status == ReportStatus::Truncated) {
        // The headline on stderr, so stdout stays the report.
        command.err() << "syncdeck-cli: " << counts.documents() << " documents: " << counts.failed
                      << " failed, " << counts.skipped << " skipped, " << counts.succeeded
                      << " succeeded.";
        if (run.found && statuses.isEmpty() && command.startingToken().isEmpty())
            command.err() << ' '
                          << report::compareWithMetrics(counts, run.metrics,
                                                        o.status == ReportStatus::Complete
                                                            && !run.running)
                                 .summary;
        command.err() << '\n';
        if (!token.isEmpty() && !command.output().printsToken())
            command.err() << "NextToken: " << token << "\n  (more events: run the same command "
                          << "with --starting-token " << token << ")\n";
        command.err().flush();
        return Success;
    }
    return reportOutcome(command, o, o.status == ReportStatus::Empty ? QString() : token);
}

int listDocuments(Invocation &inv)
{
    const QCommandLineOption dataSources(
        QStringLiteral("data-source-ids"),
        QStringLiteral("Only the documents of this data source (the service takes one)."),
        QStringLiteral("id"));
    ServiceCommand command(
        inv,
        {QStringLiteral("Lists the documents of an index and their current states (not a run's "
                        "report: see get-sync-job-report)."),
         {QStringLiteral("application-id"), QStringLiteral("index-id")},
         true,
         false,
         {dataSources}});
    if (const std::optional<int> code = command.prepare())
        return *code;
    const QStringList ids = command.values(dataSources.names().constFirst());
    if (ids.size() > 1)
        return command.usageError(QStringLiteral("argument --data-source-ids: the service takes at "
                                                 "most one data source id"));
    qbusiness::ListDocumentsRequest request;
    request.applicationId = command.id("application-id");
    request.indexId = command.id("index-id");
    if (!ids.isEmpty()) {
        request.dataSourceId = ids.first().trimmed();
        if (!qbusiness::isResourceId(request.dataSourceId))
            return command.usageError(QStringLiteral("argument --data-source-ids: \"%1\" is not an "
                                                     "ID: IDs are 36 characters")
                                          .arg(request.dataSourceId));
    }
    qbusiness::Client *client = command.client();
    ListSpec spec {QStringLiteral("ListDocuments"),
                   QStringLiteral("documentDetailList"),
                   {col("documentId"), col("status"), col("errorCode", "error.errorCode"),
                    col("errorMessage", "error.errorMessage"), col("createdAt"), col("updatedAt")},
                   [client, request](const QString &token, int size) {
                       qbusiness::ListDocumentsRequest r = request;
                       r.nextToken = token;
                       r.maxResults = size;
                       return client->listDocuments(r);
                   },
                   [](qbusiness::Call *call) {
                       const auto *c = static_cast<qbusiness::ListDocumentsCall *>(call);
                       return qbusiness::Paginator::PageInfo {int(c->page.documents.size()),
                                                              c->page.nextToken};
                   },
                   [](qbusiness::Call *call, int i) {
                       return qbusiness::documentcodec::toJson(
                           static_cast<qbusiness::ListDocumentsCall *>(call)->page.documents.at(i));
                   }};
    return command.runList(spec);
}

} // namespace syncdeck::cli
