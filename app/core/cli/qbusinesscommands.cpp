#include "qbusinesscommands.h"

#include "globaloptions.h"
#include "interruptwatcher.h"
#include "outputformatter.h"
#include "terminalprompt.h"
#include "timeargument.h"

#include "aws/jsonwriter.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/paginator.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>

namespace syncdeck::cli {

using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::Client;
using qbusiness::Paginator;

namespace {

// What a command needs besides the global options.
struct CommandDef
{
    QString description;
    QStringList ids; // required ID options, e.g. "application-id"
    bool paginated = false;
    bool syncJobFilters = false;
};

// One command run: options, session, client, output and the interrupt watcher.
class Context
{
public:
    Context(Invocation &invocation, CommandDef def)
        : inv(invocation)
        , m_def(std::move(def))
    { }

    Invocation &inv;
    QCommandLineParser parser;
    GlobalOptions globals;
    QObject root; // parent of the credentials provider and the client
    Client *client = nullptr;
    std::unique_ptr<OutputFormatter> out;
    InterruptWatcher watcher;
    QHash<QString, QString> ids;
    qbusiness::ListSyncJobsRequest filters;
    qint64 maxItems = 0;
    int pageSize = 0;
    QString startingToken;

    // Parses and sets up; returns -1 to go on, or the exit code to stop with.
    int prepare();
    void debug(const QString &line)
    {
        if (globals.debug)
            inv.err << "syncdeck-cli: debug: " << line << Qt::endl;
    }
    int usageError(const QString &message)
    {
        inv.err << "syncdeck-cli " << inv.command << ": error: " << message << "\n"
                << "Run `syncdeck-cli " << inv.command << " --help` for its options.\n";
        inv.err.flush();
        return UsageError;
    }
    int reportError(const QString &operation, const AwsError &e, const QString &resumeToken);
    void printDryRun(const qbusiness::SentRequest &request);

private:
    CommandDef m_def;
};

const QRegularExpression &idPattern()
{
    static const QRegularExpression p(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9-]{35}$"));
    return p;
}

int Context::prepare()
{
    parser.setApplicationDescription(m_def.description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList {QStringLiteral("help"), QStringLiteral("h")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    for (const QString &id : std::as_const(m_def.ids))
        parser.addOption(
            {id, QStringLiteral("The %1 (36 characters).").arg(id), QStringLiteral("id")});
    if (m_def.syncJobFilters) {
        parser.addOptions({
            {QStringLiteral("start-time"),
             QStringLiteral("Only jobs started at or after this time: ISO 8601, epoch seconds, "
                            "or back from now (90m, 24h, 7d)."),
             QStringLiteral("time")},
            {QStringLiteral("end-time"),
             QStringLiteral("Only jobs started at or before this time."), QStringLiteral("time")},
            {QStringLiteral("status-filter"),
             QStringLiteral("Only jobs with this status (FAILED, SUCCEEDED, SYNCING, INCOMPLETE, "
                            "STOPPING, ABORTED, SYNCING_INDEXING)."),
             QStringLiteral("status")},
        });
    }
    if (m_def.paginated) {
        parser.addOptions({
            {QStringLiteral("max-items"),
             QStringLiteral("Print at most this many items, then a NextToken to resume with."),
             QStringLiteral("n")},
            {QStringLiteral("page-size"), QStringLiteral("Items per service call (maxResults)."),
             QStringLiteral("n")},
            {QStringLiteral("starting-token"),
             QStringLiteral("Resume where a listing cut by --max-items stopped."),
             QStringLiteral("token")},
        });
    }
    addGlobalOptions(parser);

    if (!parser.parse(inv.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        inv.out << parser.helpText();
        inv.out.flush();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unrecognized arguments: %1")
                              .arg(parser.positionalArguments().join(u' ')));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString error;
    if (!readGlobalOptions(parser, env, &globals, &error))
        return usageError(error);

    QStringList missing;
    for (const QString &id : std::as_const(m_def.ids)) {
        if (!parser.isSet(id)) {
            missing.append(QStringLiteral("--") + id);
            continue;
        }
        const QString value = parser.value(id).trimmed();
        if (!idPattern().match(value).hasMatch())
            return usageError(QStringLiteral("argument --%1: \"%2\" is not an ID: IDs are 36 "
                                             "characters, letters, digits and '-', starting with "
                                             "a letter or digit")
                                  .arg(id, value));
        ids.insert(id, value);
    }
    if (!missing.isEmpty())
        return usageError(QStringLiteral("the following arguments are required: %1")
                              .arg(missing.join(QStringLiteral(", "))));

    if (m_def.syncJobFilters) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const char *name : {"start-time", "end-time"}) {
            const QString option = QString::fromLatin1(name);
            if (!parser.isSet(option))
                continue;
            const QDateTime t = parseTimeArgument(parser.value(option), now, &error);
            if (!t.isValid())
                return usageError(QStringLiteral("argument --%1: %2").arg(option, error));
            (option == QLatin1String("start-time") ? filters.startTime : filters.endTime) = t;
        }
        if (filters.startTime.isValid() && filters.endTime.isValid()
            && filters.startTime > filters.endTime)
            return usageError(QStringLiteral("--start-time (%1) is after --end-time (%2)")
                                  .arg(qbusiness::jsoncodec::isoTimestamp(filters.startTime),
                                       qbusiness::jsoncodec::isoTimestamp(filters.endTime)));
        filters.statusFilter = parser.value(QStringLiteral("status-filter")).trimmed();
    }
    if (m_def.paginated) {
        for (const char *name : {"max-items", "page-size"}) {
            const QString option = QString::fromLatin1(name);
            if (!parser.isSet(option))
                continue;
            bool ok = false;
            const qint64 v = parser.value(option).toLongLong(&ok);
            if (!ok || v < 1 || (option == QLatin1String("page-size") && v > 1000))
                return usageError(QStringLiteral("argument --%1: expected a positive whole "
                                                 "number, not \"%2\"")
                                      .arg(option, parser.value(option)));
            if (option == QLatin1String("max-items"))
                maxItems = v;
            else
                pageSize = int(v);
        }
        startingToken = parser.value(QStringLiteral("starting-token"));
        if (parser.isSet(QStringLiteral("starting-token")) && startingToken.trimmed().isEmpty())
            return usageError(QStringLiteral("argument --starting-token: the token is empty"));
    }

    out = OutputFormatter::create(globals.output, inv.out);
    CliSession session;
    CliSessionError sessionError;
    if (!resolveCliSession(globals, env, &root, &session, &sessionError,
                           terminalMfaPrompt(inv.err))) {
        inv.err << "syncdeck-cli: error: " << sessionError.message << '\n';
        if (!sessionError.nextStep.isEmpty())
            inv.err << "  What to do: " << sessionError.nextStep << '\n';
        inv.err.flush();
        return sessionError.exitCode;
    }
    for (const QString &line : std::as_const(session.description))
        debug(line);
    client = new Client(session.config, session.credentials, &root);
    QObject::connect(client, &Client::attemptLogged, &root,
                     [this](const QString &line) { debug(line); });
    return -1;
}

QString defaultNextStep(const QString &code, const QString &operation)
{
    if (code == QLatin1String("AccessDeniedException"))
        return QStringLiteral("Check that your IAM identity is allowed qbusiness:%1 on this "
                              "resource.")
            .arg(operation);
    if (code == QLatin1String("ResourceNotFoundException"))
        return QStringLiteral("Check the IDs: list-applications, list-indices and "
                              "list-data-sources show the ones that exist in this region.");
    if (code == QLatin1String("ValidationException"))
        return QStringLiteral("Fix the values named above and run the command again.");
    if (code == QLatin1String("ConflictException"))
        return QStringLiteral("A sync job is already running or stopping: wait for it (see "
                              "list-data-source-sync-jobs --status-filter SYNCING) or stop it "
                              "with stop-data-source-sync-job.");
    if (code == QLatin1String("ServiceQuotaExceededException"))
        return QStringLiteral("Wait for running sync jobs to finish, or ask for a higher quota.");
    if (code.contains(QLatin1String("Throttl"))
        || code == QLatin1String("TooManyRequestsException"))
        return QStringLiteral("The service is throttling: run again later, or raise "
                              "AWS_MAX_ATTEMPTS.");
    if (code == QLatin1String("UnrecognizedClientException")
        || code == QLatin1String("InvalidSignatureException")
        || code == QLatin1String("ExpiredTokenException")
        || code == QLatin1String("SignatureDoesNotMatch"))
        return QStringLiteral("Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                              "AWS_SESSION_TOKEN) and the system clock.");
    return {};
}

int Context::reportError(const QString &operation, const AwsError &e, const QString &resumeToken)
{
    QTextStream &err = inv.err;
    int code = OtherError;
    switch (e.kind) {
    case AwsError::Kind::Aborted:
        err << "\nsyncdeck-cli: interrupted";
        code = Interrupted;
        break;
    case AwsError::Kind::Service:
        err << "\nsyncdeck-cli: error: An error occurred (" << e.code << ") when calling the "
            << operation << " operation: " << e.message;
        code = ServiceError;
        break;
    case AwsError::Kind::Credentials:
        err << "\nsyncdeck-cli: error: " << e.message;
        code = ConfigError;
        break;
    case AwsError::Kind::Network:
    case AwsError::Kind::Timeout:
        err << "\nsyncdeck-cli: error: Could not complete " << operation << " (" << e.code
            << "): " << e.message;
        break;
    case AwsError::Kind::Client:
    case AwsError::Kind::None:
        err << "\nsyncdeck-cli: error: " << operation << " failed (" << e.code
            << "): " << e.message;
        break;
    }
    err << '\n';
    if (e.httpStatus || !e.requestId.isEmpty()) {
        err << "  HTTP status " << e.httpStatus << ", request id "
            << (e.requestId.isEmpty() ? QStringLiteral("(none)") : e.requestId) << '\n';
    }
    if (e.fields.contains(QLatin1String("reason")))
        err << "  reason: " << OutputFormatter::cell(e.fields, QStringLiteral("reason")) << '\n';
    const QJsonArray fields = e.fields.value(QLatin1String("fields")).toArray();
    for (const QJsonValue &f : fields) {
        const QJsonObject o = f.toObject();
        err << "  field " << o.value(QLatin1String("name")).toString() << ": "
            << o.value(QLatin1String("message")).toString() << '\n';
    }
    if (e.fields.contains(QLatin1String("resourceId"))) {
        err << "  resource: " << OutputFormatter::cell(e.fields, QStringLiteral("resourceType"))
            << ' ' << OutputFormatter::cell(e.fields, QStringLiteral("resourceId")) << '\n';
    }
    QString next = e.nextStep;
    if (next.isEmpty() && e.kind == AwsError::Kind::Service)
        next = defaultNextStep(e.code, operation);
    if (!next.isEmpty() && e.kind != AwsError::Kind::Aborted)
        err << "  What to do: " << next << '\n';
    if (!resumeToken.isEmpty())
        err << "  The listing is incomplete. To resume exactly after the last item printed, "
               "run the same command with --starting-token "
            << resumeToken << '\n';
    err.flush();
    return code;
}

void Context::printDryRun(const qbusiness::SentRequest &request)
{
    inv.out << request.method << ' ' << QString::fromUtf8(request.url) << '\n';
    for (const auto &h : request.headers)
        inv.out << h.first << ": " << h.second << '\n';
    inv.out.flush();
}

// Runs one job to its end, aborting it on SIGINT.
void runToEnd(Context &ctx, Call *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job, &Call::finished, &loop, &QEventLoop::quit);
    QObject::connect(&ctx.watcher, &InterruptWatcher::interrupted, job, &Call::abort);
    job->start();
    if (!job->isFinished())
        loop.exec();
}

// A list command: the page job factory, the reader of a page and the item converter.
struct ListSpec
{
    QString operation;
    QString listKey;
    QList<OutputColumn> columns;
    Paginator::StartPage startPage;
    Paginator::ReadPage readPage;
    std::function<QJsonObject(Call *, int)> itemAt;
    // Optional: item i written as compact JSON, the same text as itemAt(job, i) would print
    // (the fast path of --output jsonl).
    std::function<void(aws::JsonWriter &, Call *, int)> writeItem = {};
};

int runList(Context &ctx, const ListSpec &spec)
{
    if (ctx.globals.dryRun) {
        // Only the first request: later ones depend on answers a dry run never gets.
        std::unique_ptr<Call> job(spec.startPage({}, ctx.pageSize));
        runToEnd(ctx, job.get());
        if (job->error().isError())
            return ctx.reportError(spec.operation, job->error(), {});
        ctx.printDryRun(job->lastRequest());
        return Success;
    }

    Paginator paginator(spec.startPage, spec.readPage);
    paginator.setPageSize(ctx.pageSize);
    paginator.setMaxItems(ctx.maxItems);
    paginator.setSinglePage(ctx.globals.noPaginate);
    if (!ctx.startingToken.isEmpty()) {
        QString error;
        if (!paginator.setStartingToken(ctx.startingToken, &error))
            return ctx.usageError(QStringLiteral("argument --starting-token: %1").arg(error));
    }
    OutputFormatter &out = *ctx.out;
    // The document starts with the first page: a listing that fails before it, with nothing to
    // resume, prints nothing on stdout (like the AWS CLI); otherwise it ends with a NextToken.
    bool begun = false;
    QObject::connect(&paginator, &Paginator::pageLoaded, &paginator,
                     [&](Call *job, int first, int count) {
                         if (!begun) {
                             out.beginList(spec.listKey, spec.columns);
                             begun = true;
                         }
                         if (spec.writeItem && out.takesJsonLines()) {
                             QByteArray lines;
                             lines.reserve(count * 400);
                             aws::JsonWriter writer(lines);
                             for (int i = first; i < first + count; ++i) {
                                 spec.writeItem(writer, job, i);
                                 lines += '\n';
                             }
                             out.itemLines(lines);
                         } else {
                             for (int i = first; i < first + count; ++i)
                                 out.item(spec.itemAt(job, i));
                         }
                         ctx.inv.out.flush(); // stream page by page
                     });
    QObject::connect(&ctx.watcher, &InterruptWatcher::interrupted, &paginator, &Paginator::abort);
    QEventLoop loop;
    QObject::connect(&paginator, &Paginator::finished, &loop, &QEventLoop::quit);
    paginator.start();
    loop.exec();

    const AwsError &e = paginator.error();
    QString tokenKey = QStringLiteral("NextToken");
    QString token = paginator.resumeToken();
    if (ctx.globals.noPaginate && !e.isError()) {
        // As the AWS CLI: the raw response, whose token is the service's own.
        tokenKey = QStringLiteral("nextToken");
        token = paginator.lastServiceToken();
    }
    // A failed listing with somewhere to resume (e.g. it started from --starting-token) still
    // prints its document, so that the NextToken is where scripts look for it.
    if (!begun && (!e.isError() || !token.isEmpty())) {
        out.beginList(spec.listKey, spec.columns);
        begun = true;
    }
    if (begun)
        out.endList(tokenKey, token);
    if (e.isError())
        return ctx.reportError(spec.operation, e, token);
    if (!token.isEmpty() && !out.printsToken()) {
        ctx.inv.err << tokenKey << ": " << token << "\n  (more items: run the same command "
                    << "with --starting-token " << token << ")\n";
        ctx.inv.err.flush();
    }
    return Success;
}

QString id(const Context &ctx, const char *name)
{
    return ctx.ids.value(QString::fromLatin1(name));
}

const QStringList AppIds = {QStringLiteral("application-id")};
const QStringList IndexIds = {QStringLiteral("application-id"), QStringLiteral("index-id")};
const QStringList DataSourceIds = {QStringLiteral("application-id"), QStringLiteral("index-id"),
                                   QStringLiteral("data-source-id")};

OutputColumn col(const char *header, const char *path = nullptr)
{
    return {QString::fromLatin1(header), QString::fromLatin1(path ? path : header)};
}

} // namespace

int listApplications(Invocation &inv)
{
    Context ctx(inv,
                {QStringLiteral("Lists the Amazon Q Business applications of the region."),
                 {},
                 true,
                 false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    Client *client = ctx.client;
    return runList(
        ctx,
        {QStringLiteral("ListApplications"),
         QStringLiteral("applications"),
         {col("applicationId"), col("displayName"), col("status"), col("identityType"),
          col("createdAt"), col("updatedAt")},
         [client](const QString &token, int size) { return client->listApplications(token, size); },
         [](Call *job) {
             auto *j = static_cast<qbusiness::ListApplicationsCall *>(job);
             return Paginator::PageInfo {int(j->applications.size()), j->nextToken};
         },
         [](Call *job, int i) {
             return qbusiness::jsoncodec::toJson(
                 static_cast<qbusiness::ListApplicationsCall *>(job)->applications.at(i));
         }});
}

int listIndices(Invocation &inv)
{
    Context ctx(inv,
                {QStringLiteral("Lists the indices of an Amazon Q Business application."), AppIds,
                 true, false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    Client *client = ctx.client;
    const QString app = id(ctx, "application-id");
    return runList(
        ctx,
        {QStringLiteral("ListIndices"),
         QStringLiteral("indices"),
         {col("indexId"), col("displayName"), col("status"), col("createdAt"), col("updatedAt")},
         [client, app](const QString &token, int size) {
             return client->listIndices(app, token, size);
         },
         [](Call *job) {
             auto *j = static_cast<qbusiness::ListIndicesCall *>(job);
             return Paginator::PageInfo {int(j->indices.size()), j->nextToken};
         },
         [](Call *job, int i) {
             return qbusiness::jsoncodec::toJson(
                 static_cast<qbusiness::ListIndicesCall *>(job)->indices.at(i));
         }});
}

int listDataSources(Invocation &inv)
{
    Context ctx(inv,
                {QStringLiteral("Lists the data sources of an index."), IndexIds, true, false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    Client *client = ctx.client;
    const QString app = id(ctx, "application-id");
    const QString index = id(ctx, "index-id");
    return runList(ctx,
                   {QStringLiteral("ListDataSources"),
                    QStringLiteral("dataSources"),
                    {col("dataSourceId"), col("displayName"), col("type"), col("status"),
                     col("createdAt"), col("updatedAt")},
                    [client, app, index](const QString &token, int size) {
                        return client->listDataSources(app, index, token, size);
                    },
                    [](Call *job) {
                        auto *j = static_cast<qbusiness::ListDataSourcesCall *>(job);
                        return Paginator::PageInfo {int(j->dataSources.size()), j->nextToken};
                    },
                    [](Call *job, int i) {
                        return qbusiness::jsoncodec::toJson(
                            static_cast<qbusiness::ListDataSourcesCall *>(job)->dataSources.at(i));
                    }});
}

int listDataSourceSyncJobs(Invocation &inv)
{
    Context ctx(inv,
                {QStringLiteral("Lists the sync job history of a data source, newest first."),
                 DataSourceIds, true, true});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    Client *client = ctx.client;
    qbusiness::ListSyncJobsRequest request = ctx.filters;
    request.applicationId = id(ctx, "application-id");
    request.indexId = id(ctx, "index-id");
    request.dataSourceId = id(ctx, "data-source-id");
    return runList(ctx,
                   {QStringLiteral("ListDataSourceSyncJobs"),
                    QStringLiteral("history"),
                    {col("executionId"), col("status"), col("startTime"), col("endTime"),
                     col("errorCode", "error.errorCode"), col("errorMessage", "error.errorMessage"),
                     col("dataSourceErrorCode"), col("documentsAdded", "metrics.documentsAdded"),
                     col("documentsModified", "metrics.documentsModified"),
                     col("documentsDeleted", "metrics.documentsDeleted"),
                     col("documentsFailed", "metrics.documentsFailed"),
                     col("documentsScanned", "metrics.documentsScanned")},
                    [client, request](const QString &token, int size) {
                        qbusiness::ListSyncJobsRequest r = request;
                        r.nextToken = token;
                        r.maxResults = size;
                        return client->listDataSourceSyncJobs(r);
                    },
                    [](Call *job) {
                        auto *j = static_cast<qbusiness::ListSyncJobsCall *>(job);
                        return Paginator::PageInfo {int(j->page.history.size()), j->page.nextToken};
                    },
                    [](Call *job, int i) {
                        return qbusiness::jsoncodec::toJson(
                            static_cast<qbusiness::ListSyncJobsCall *>(job)->page.history.at(i));
                    },
                    [](aws::JsonWriter &writer, Call *job, int i) {
                        qbusiness::jsoncodec::writeJson(
                            writer,
                            static_cast<qbusiness::ListSyncJobsCall *>(job)->page.history.at(i));
                    }});
}

namespace {
// A command of one call: run it, print its result (or the signed request with --dry-run).
int runSingle(Context &ctx, Call *created, const std::function<void(Call *)> &print)
{
    std::unique_ptr<Call> job(created);
    runToEnd(ctx, job.get());
    if (job->error().isError())
        return ctx.reportError(job->operation(), job->error(), {});
    if (ctx.globals.dryRun)
        ctx.printDryRun(job->lastRequest());
    else
        print(job.get());
    return Success;
}
} // namespace

int getDataSource(Invocation &inv)
{
    Context ctx(inv, {QStringLiteral("Shows a data source."), DataSourceIds, false, false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    return runSingle(ctx,
                     ctx.client->getDataSource(id(ctx, "application-id"), id(ctx, "index-id"),
                                               id(ctx, "data-source-id")),
                     [&ctx](Call *job) {
                         ctx.out->object(
                             qbusiness::jsoncodec::toJson(
                                 static_cast<qbusiness::GetDataSourceCall *>(job)->dataSource),
                             {col("dataSourceId"), col("displayName"), col("type"), col("status"),
                              col("syncSchedule"), col("description"), col("roleArn"),
                              col("dataSourceArn"), col("errorCode", "error.errorCode"),
                              col("errorMessage", "error.errorMessage"), col("createdAt"),
                              col("updatedAt")});
                     });
}

int startDataSourceSyncJob(Invocation &inv)
{
    Context ctx(
        inv, {QStringLiteral("Starts a sync job of a data source."), DataSourceIds, false, false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    return runSingle(ctx,
                     ctx.client->startDataSourceSyncJob(
                         id(ctx, "application-id"), id(ctx, "index-id"), id(ctx, "data-source-id")),
                     [&ctx](Call *job) {
                         QJsonObject o;
                         o.insert(QStringLiteral("executionId"),
                                  static_cast<qbusiness::StartSyncCall *>(job)->executionId);
                         ctx.out->object(o, {col("executionId")});
                     });
}

int stopDataSourceSyncJob(Invocation &inv)
{
    Context ctx(inv,
                {QStringLiteral("Stops the running sync job of a data source."), DataSourceIds,
                 false, false});
    if (const int code = ctx.prepare(); code >= 0)
        return code;
    // The operation's output is empty; like the AWS CLI, print nothing on success.
    return runSingle(ctx,
                     ctx.client->stopDataSourceSyncJob(
                         id(ctx, "application-id"), id(ctx, "index-id"), id(ctx, "data-source-id")),
                     [](Call *) {});
}

} // namespace syncdeck::cli
