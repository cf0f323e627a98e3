#include "servicecommand.h"

#include "terminalprompt.h"

#include "aws/endpointresolver.h"
#include "aws/timeargument.h"
#include "cache/historycache.h"
#include "qbusiness/errorexplanation.h"
#include "qbusiness/jsoncodec.h"

#include <QEventLoop>
#include <QJsonArray>

#include <csignal>

namespace syncdeck::cli {

using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::Paginator;

ServiceCommand::ServiceCommand(Invocation &invocation, CommandDef def)
    : m_inv(invocation)
    , m_def(std::move(def))
    , m_watcher {SIGINT}
{ }

QString ServiceCommand::id(const char *option) const
{
    return m_ids.value(QString::fromLatin1(option));
}

std::optional<int> ServiceCommand::prepare()
{
    const QCommandLineOption help(QStringList {QStringLiteral("help"), QStringLiteral("h")},
                                  QStringLiteral("Show this help."));
    addOptions(help);
    if (!m_parser.parse(m_inv.arguments))
        return usageError(parseErrorText(m_parser));
    if (m_parser.isSet(help)) {
        m_inv.out << m_parser.helpText();
        m_inv.out.flush();
        return Success;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unrecognized arguments: %1")
                              .arg(m_parser.positionalArguments().join(u' ')));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString error;
    if (!readGlobalOptions(m_parser, env, &m_globals, &error))
        return usageError(error);
    if (std::optional<int> stop = readIds())
        return stop;
    if (std::optional<int> stop = readSyncJobFilters())
        return stop;
    if (std::optional<int> stop = readPaging())
        return stop;
    if (std::optional<int> stop = readCacheOptions())
        return stop;
    return connect(env);
}

void ServiceCommand::addOptions(const QCommandLineOption &help)
{
    m_parser.setApplicationDescription(m_def.description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(help);
    for (const QString &id : std::as_const(m_def.ids))
        m_parser.addOption(
            {id, QStringLiteral("The %1 (36 characters).").arg(id), QStringLiteral("id")});
    if (m_def.syncJobFilters) {
        m_parser.addOptions({
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
        m_parser.addOptions({
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
    if (m_def.cacheOptions) {
        m_parser.addOptions({
            {QStringLiteral("refresh-cache"),
             QStringLiteral("Print exactly what a fresh listing prints, but fetch only what the "
                            "local history cache does not hold, and update it.")},
            {QStringLiteral("from-cache"),
             QStringLiteral("Answer from the local history cache alone, with no network at all.")},
            {QStringLiteral("include-kept-locally"),
             QStringLiteral("With --from-cache: also the jobs the service no longer returns.")},
            {QStringLiteral("cache-dir"),
             QStringLiteral("The history cache's folder (default: %1).")
                 .arg(cache::HistoryCache::defaultDirectory()),
             QStringLiteral("dir")},
        });
    }
    m_parser.addOptions(m_def.options);
    addGlobalOptions(m_parser);
}

std::optional<int> ServiceCommand::readIds()
{
    QStringList missing;
    for (const QString &id : std::as_const(m_def.ids)) {
        if (!m_parser.isSet(id)) {
            missing.append(QStringLiteral("--") + id);
            continue;
        }
        const QString value = m_parser.value(id).trimmed();
        if (!qbusiness::isResourceId(value))
            return usageError(QStringLiteral("argument --%1: \"%2\" is not an ID: IDs are 36 "
                                             "characters, letters, digits and '-', starting with "
                                             "a letter or digit")
                                  .arg(id, value));
        m_ids.insert(id, value);
    }
    if (!missing.isEmpty())
        return usageError(QStringLiteral("the following arguments are required: %1")
                              .arg(missing.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<int> ServiceCommand::readSyncJobFilters()
{
    if (!m_def.syncJobFilters)
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char *name : {"start-time", "end-time"}) {
        const QString option = QString::fromLatin1(name);
        if (!m_parser.isSet(option))
            continue;
        QString error;
        const QDateTime t = aws::parseTimeArgument(m_parser.value(option), now, &error);
        if (!t.isValid())
            return usageError(QStringLiteral("argument --%1: %2").arg(option, error));
        (option == QLatin1String("start-time") ? m_filters.startTime : m_filters.endTime) = t;
    }
    if (m_filters.startTime.isValid() && m_filters.endTime.isValid()
        && m_filters.startTime > m_filters.endTime)
        return usageError(QStringLiteral("--start-time (%1) is after --end-time (%2)")
                              .arg(qbusiness::jsoncodec::isoTimestamp(m_filters.startTime),
                                   qbusiness::jsoncodec::isoTimestamp(m_filters.endTime)));
    m_filters.statusFilter = m_parser.value(QStringLiteral("status-filter")).trimmed();
    return std::nullopt;
}

std::optional<int> ServiceCommand::readPaging()
{
    if (!m_def.paginated)
        return std::nullopt;
    for (const char *name : {"max-items", "page-size"}) {
        const QString option = QString::fromLatin1(name);
        if (!m_parser.isSet(option))
            continue;
        bool ok = false;
        const qint64 v = m_parser.value(option).toLongLong(&ok);
        if (!ok || v < 1 || (option == QLatin1String("page-size") && v > 1000))
            return usageError(QStringLiteral("argument --%1: expected a positive whole "
                                             "number, not \"%2\"")
                                  .arg(option, m_parser.value(option)));
        if (option == QLatin1String("max-items"))
            m_maxItems = v;
        else
            m_pageSize = int(v);
    }
    m_startingToken = m_parser.value(QStringLiteral("starting-token"));
    if (m_parser.isSet(QStringLiteral("starting-token")) && m_startingToken.trimmed().isEmpty())
        return usageError(QStringLiteral("argument --starting-token: the token is empty"));
    return std::nullopt;
}

std::optional<int> ServiceCommand::readCacheOptions()
{
    if (!m_def.cacheOptions)
        return std::nullopt;
    const bool refresh = m_parser.isSet(QStringLiteral("refresh-cache"));
    const bool fromCache = m_parser.isSet(QStringLiteral("from-cache"));
    if (refresh && fromCache)
        return usageError(QStringLiteral("--refresh-cache and --from-cache exclude each other: "
                                         "choose one"));
    m_cacheMode = refresh ? CacheMode::Refresh : fromCache ? CacheMode::FromCache : CacheMode::None;
    m_cacheDirectory = m_parser.value(QStringLiteral("cache-dir"));
    if (m_parser.isSet(QStringLiteral("cache-dir")) && m_cacheDirectory.trimmed().isEmpty())
        return usageError(QStringLiteral("argument --cache-dir: the folder is empty"));
    m_includeKeptLocally = m_parser.isSet(QStringLiteral("include-kept-locally"));
    if (m_includeKeptLocally && !fromCache)
        return usageError(QStringLiteral("--include-kept-locally only goes with --from-cache"));
    if (m_cacheMode == CacheMode::None)
        return std::nullopt;
    // The cache answers whole listings: the paging options cut one.
    const QString mode
        = refresh ? QStringLiteral("--refresh-cache") : QStringLiteral("--from-cache");
    for (const char *name : {"max-items", "starting-token", "no-paginate", "dry-run"}) {
        if (m_parser.isSet(QString::fromLatin1(name)))
            return usageError(QStringLiteral("%1 prints the whole listing; it cannot be combined "
                                             "with --%2")
                                  .arg(mode, QString::fromLatin1(name)));
    }
    if (refresh && m_pageSize > 10)
        return usageError(QStringLiteral("argument --page-size: the service allows 1 to 10 "
                                         "sync jobs per call"));
    return std::nullopt;
}

std::optional<int> ServiceCommand::connect(const QProcessEnvironment &env)
{
    m_out = OutputFormatter::create(m_globals.output, m_inv.out);
    CliSession session;
    CliSessionError sessionError;
    if (!resolveCliSession(m_globals, env, &m_root, &session, &sessionError,
                           terminalMfaPrompt(m_inv.err))) {
        m_inv.err << "syncdeck-cli: error: " << sessionError.message << '\n';
        if (!sessionError.nextStep.isEmpty())
            m_inv.err << "  What to do: " << sessionError.nextStep << '\n';
        m_inv.err.flush();
        return sessionError.exitCode;
    }
    for (const QString &line : std::as_const(session.description))
        debug(line);
    m_credentials = session.credentials;
    m_client = new qbusiness::Client(session.config, session.credentials, &m_root);
    m_logsEndpoint = session.logsEndpoint;
    m_logsEndpointError = session.logsEndpointError;
    m_logsEndpointNextStep = session.logsEndpointNextStep;
    QObject::connect(m_client, &qbusiness::Client::attemptLogged, &m_root,
                     [this](const QString &line) { debug(line); });
    return std::nullopt;
}

std::optional<aws::ClientConfig> ServiceCommand::logsConfig()
{
    if (m_logsEndpoint.isEmpty()) {
        m_inv.err << "syncdeck-cli: error: "
                  << (m_logsEndpointError.isEmpty()
                          ? QStringLiteral("No CloudWatch Logs endpoint for this region")
                          : m_logsEndpointError)
                  << '\n';
        if (!m_logsEndpointNextStep.isEmpty())
            m_inv.err << "  What to do: " << m_logsEndpointNextStep << '\n';
        m_inv.err.flush();
        return std::nullopt;
    }
    aws::ClientConfig config = m_client->config();
    config.endpoint = m_logsEndpoint;
    debug(QStringLiteral("CloudWatch Logs endpoint %1").arg(m_logsEndpoint.toString()));
    return config;
}

qbusiness::Client *ServiceCommand::clientForRegion(const QString &region, QObject *parent,
                                                   QString *error) const
{
    qbusiness::Client *client = qbusiness::clientForRegion(m_client, region, parent, error);
    if (client && client != m_client)
        QObject::connect(client, &qbusiness::Client::attemptLogged, parent,
                         [this](const QString &line) { debug(line); });
    return client;
}

void ServiceCommand::debug(const QString &line) const
{
    if (m_globals.debug)
        m_inv.err << "syncdeck-cli: debug: " << line << Qt::endl;
}

int ServiceCommand::usageError(const QString &message)
{
    m_inv.err << "syncdeck-cli " << m_inv.command << ": error: " << message << "\n"
              << "Run `syncdeck-cli " << m_inv.command << " --help` for its options.\n";
    m_inv.err.flush();
    return UsageError;
}

int ServiceCommand::reportError(const QString &operation, const AwsError &e,
                                const QString &resumeToken)
{
    QTextStream &err = m_inv.err;
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
    printErrorDetails(e);
    const QString next = qbusiness::explainAwsError(
                             e, {m_globals.profile, operation, qbusiness::Audience::CommandLine})
                             .nextStep;
    if (!next.isEmpty() && e.kind != AwsError::Kind::Aborted)
        err << "  What to do: " << next << '\n';
    if (!resumeToken.isEmpty())
        err << "  The listing is incomplete. To resume exactly after the last item printed, "
               "run the same command with --starting-token "
            << resumeToken << '\n';
    err.flush();
    return code;
}

void ServiceCommand::printErrorDetails(const AwsError &e)
{
    QTextStream &err = m_inv.err;
    if (e.httpStatus || !e.requestId.isEmpty()) {
        err << "  HTTP status " << e.httpStatus << ", request id "
            << (e.requestId.isEmpty() ? QStringLiteral("(none)") : e.requestId) << '\n';
    }
    if (e.fields.contains(QLatin1String("reason")))
        err << "  reason: " << OutputFormatter::cell(e.fields, QStringLiteral("reason")) << '\n';
    const QJsonArray fields = e.fields.value(QLatin1String("fields")).toArray();
    for (const auto &f : fields) {
        const QJsonObject o = f.toObject();
        err << "  field " << o.value(QLatin1String("name")).toString() << ": "
            << o.value(QLatin1String("message")).toString() << '\n';
    }
    if (e.fields.contains(QLatin1String("resourceId"))) {
        err << "  resource: " << OutputFormatter::cell(e.fields, QStringLiteral("resourceType"))
            << ' ' << OutputFormatter::cell(e.fields, QStringLiteral("resourceId")) << '\n';
    }
}

void ServiceCommand::printDryRun(const qbusiness::SentRequest &request)
{
    m_inv.out << request.method << ' ' << QString::fromUtf8(request.url) << '\n';
    for (const auto &h : request.headers)
        m_inv.out << h.first << ": " << h.second << '\n';
    m_inv.out.flush();
}

void ServiceCommand::runToEnd(Call *call)
{
    call->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(call, &Call::finished, &loop, &QEventLoop::quit);
    QObject::connect(&m_watcher, &aws::SignalWatcher::received, call, &Call::abort,
                     Qt::SingleShotConnection);
    call->start();
    if (!call->isFinished())
        loop.exec();
}

void ServiceCommand::printPage(const ListSpec &spec, Call *call, int first, int count)
{
    // The document starts with the first page: a listing that fails before it, with nothing to
    // resume, prints nothing on stdout (like the AWS CLI).
    if (!m_listBegun) {
        m_out->beginList(spec.listKey, spec.columns);
        m_listBegun = true;
    }
    if (spec.writeItem && m_out->takesJsonLines()) {
        QByteArray lines;
        lines.reserve(count * 400);
        aws::JsonWriter writer(lines);
        for (int i = first; i < first + count; ++i) {
            spec.writeItem(writer, call, i);
            lines += '\n';
        }
        m_out->itemLines(lines);
    } else {
        for (int i = first; i < first + count; ++i)
            m_out->item(spec.itemAt(call, i));
    }
    m_inv.out.flush(); // stream page by page
}

int ServiceCommand::runList(const ListSpec &spec)
{
    if (m_globals.dryRun) {
        // Only the first request: later ones depend on answers a dry run never gets.
        std::unique_ptr<Call> call(spec.startPage({}, m_pageSize));
        runToEnd(call.get());
        if (call->error().isError())
            return reportError(spec.operation, call->error(), {});
        printDryRun(call->lastRequest());
        return Success;
    }

    Paginator paginator(spec.startPage, spec.readPage);
    paginator.setPageSize(m_pageSize);
    paginator.setMaxItems(m_maxItems);
    paginator.setSinglePage(m_globals.noPaginate);
    if (!m_startingToken.isEmpty()) {
        QString error;
        if (!paginator.setStartingToken(m_startingToken, &error))
            return usageError(QStringLiteral("argument --starting-token: %1").arg(error));
    }
    QObject::connect(
        &paginator, &Paginator::pageLoaded, &paginator,
        [&](Call *call, int first, int count) { printPage(spec, call, first, count); });
    QObject::connect(&m_watcher, &aws::SignalWatcher::received, &paginator, &Paginator::abort,
                     Qt::SingleShotConnection);
    QEventLoop loop;
    QObject::connect(&paginator, &Paginator::finished, &loop, &QEventLoop::quit);
    paginator.start();
    loop.exec();

    const AwsError &e = paginator.error();
    QString tokenKey = QStringLiteral("NextToken");
    QString token = paginator.resumeToken();
    if (m_globals.noPaginate && !e.isError()) {
        // As the AWS CLI: the raw response, whose token is the service's own.
        tokenKey = QStringLiteral("nextToken");
        token = paginator.lastServiceToken();
    }
    // A failed listing with somewhere to resume (e.g. it started from --starting-token) still
    // prints its document, so that the NextToken is where scripts look for it.
    if (!m_listBegun && (!e.isError() || !token.isEmpty())) {
        m_out->beginList(spec.listKey, spec.columns);
        m_listBegun = true;
    }
    if (m_listBegun)
        m_out->endList(tokenKey, token);
    if (e.isError())
        return reportError(spec.operation, e, token);
    if (!token.isEmpty() && !m_out->printsToken()) {
        m_inv.err << tokenKey << ": " << token << "\n  (more items: run the same command "
                  << "with --starting-token " << token << ")\n";
        m_inv.err.flush();
    }
    return Success;
}

void ServiceCommand::beginItems(const ListSpec &spec)
{
    if (!m_listBegun) {
        m_out->beginList(spec.listKey, spec.columns);
        m_listBegun = true;
    }
}

void ServiceCommand::printJobs(const ListSpec &spec, const QList<qbusiness::SyncJob> &jobs)
{
    beginItems(spec);
    if (jobs.isEmpty())
        return;
    if (m_out->takesJsonLines()) {
        QByteArray lines;
        lines.reserve(jobs.size() * 400);
        aws::JsonWriter writer(lines);
        for (const qbusiness::SyncJob &job : jobs) {
            qbusiness::jsoncodec::writeJson(writer, job);
            lines += '\n';
        }
        m_out->itemLines(lines);
    } else {
        for (const qbusiness::SyncJob &job : jobs)
            m_out->item(qbusiness::jsoncodec::toJson(job));
    }
    m_inv.out.flush();
}

void ServiceCommand::endItems(const ListSpec &spec)
{
    beginItems(spec);
    m_out->endList(QStringLiteral("NextToken"), {});
    m_inv.out.flush();
}

int ServiceCommand::cacheError(const QString &message, const QString &nextStep)
{
    m_inv.err << "syncdeck-cli: error: " << message << '\n';
    if (!nextStep.isEmpty())
        m_inv.err << "  What to do: " << nextStep << '\n';
    m_inv.err.flush();
    return OtherError;
}

int ServiceCommand::runSingle(Call *created, const std::function<void(Call *)> &print)
{
    std::unique_ptr<Call> call(created);
    runToEnd(call.get());
    if (call->error().isError())
        return reportError(call->operation(), call->error(), {});
    if (m_globals.dryRun)
        printDryRun(call->lastRequest());
    else
        print(call.get());
    return Success;
}

} // namespace syncdeck::cli
