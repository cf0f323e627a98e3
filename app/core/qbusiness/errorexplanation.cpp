#include "errorexplanation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <initializer_list>

namespace syncdeck::qbusiness {
namespace {

// lupdate sees Text::tr() as the context "ErrorExplanation".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ErrorExplanation)
};

// What the connector's code and message say went wrong in the repository it reads. Connector
// codes are free text (RateLimited, HTTP_429_TOO_MANY_REQUESTS, InvalidCredentials, SiteNotFound):
// they are matched by the words they share.
enum class ConnectorProblem : quint8 {
    Unknown,
    RateLimited,
    NotFound,
    Credentials,
    Permissions,
    Unreachable,
};

bool mentionsAny(const QString &text, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(), [&text](const char *w) {
        return text.contains(QLatin1String(w), Qt::CaseInsensitive);
    });
}

ConnectorProblem connectorProblem(const QString &code, const QString &message)
{
    // The code first: it is the connector's own classification; the message is a fallback, in
    // which a bare number could be part of an ID, so HTTP statuses count only as "HTTP nnn".
    const auto status = [](const QString &text, bool isCode, const char *number) {
        return isCode ? text.contains(QLatin1String(number))
                      : text.contains(QStringLiteral("HTTP %1").arg(QLatin1String(number)),
                                      Qt::CaseInsensitive);
    };
    for (const bool isCode : {true, false}) {
        const QString &text = isCode ? code : message;
        if (text.isEmpty())
            continue;
        if (status(text, isCode, "429")
            || mentionsAny(text,
                           {"ratelimit", "rate limit", "rate_limit", "throttl", "too many requests",
                            "too_many_requests"}))
            return ConnectorProblem::RateLimited;
        if (status(text, isCode, "404")
            || mentionsAny(text, {"notfound", "not found", "nosuch", "does not exist"}))
            return ConnectorProblem::NotFound;
        if (status(text, isCode, "401")
            || mentionsAny(text, {"credential", "unauthori", "token", "expired"}))
            return ConnectorProblem::Credentials;
        if (status(text, isCode, "403")
            || mentionsAny(text,
                           {"accessdenied", "access denied", "forbidden", "lacks", "not authorized",
                            "not granted", "permission", "consent"}))
            return ConnectorProblem::Permissions;
        if (mentionsAny(
                text,
                {"timeout", "timed out", "could not reach", "unreachable", "connection refused"}))
            return ConnectorProblem::Unreachable;
    }
    return ConnectorProblem::Unknown;
}

ErrorExplanation explainConnectorProblem(ConnectorProblem problem, const QString &code)
{
    ErrorExplanation e;
    const QString named = code.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(code);
    switch (problem) {
    case ConnectorProblem::Unknown:
        break;
    case ConnectorProblem::RateLimited:
        e.summary = Text::tr("The repository the connector reads rate-limited it%1, so the sync "
                             "stopped before it was done.")
                        .arg(named);
        e.nextStep = Text::tr("Wait until the repository's rate limit resets, or sync less "
                              "often, then start the sync again.");
        break;
    case ConnectorProblem::NotFound:
        e.summary = Text::tr("The repository answered that what the connector reads does not "
                             "exist%1.")
                        .arg(named);
        e.nextStep = Text::tr("Check the site, bucket or URL in the data source's configuration, "
                              "then start the sync again.");
        break;
    case ConnectorProblem::Credentials:
        e.summary = Text::tr("The repository rejected the connector's credentials%1.").arg(named);
        e.nextStep = Text::tr("Renew the credentials in the data source's secret (or authorize "
                              "the connector again), then start the sync again.");
        break;
    case ConnectorProblem::Permissions:
        e.summary = Text::tr("The repository refused the connector access%1: its account lacks "
                             "a permission.")
                        .arg(named);
        e.nextStep = Text::tr("Grant the connector's account what the error message names, then "
                              "start the sync again.");
        break;
    case ConnectorProblem::Unreachable:
        e.summary = Text::tr("The connector could not reach the repository%1.").arg(named);
        e.nextStep = Text::tr("Check that the repository is up and reachable from AWS (its URL, "
                              "firewall and VPC settings), then start the sync again.");
        break;
    }
    return e;
}

} // namespace

ErrorExplanation explainJobError(const QString &errorCode, const QString &dataSourceErrorCode,
                                 const QString &errorMessage)
{
    const ConnectorProblem problem = connectorProblem(dataSourceErrorCode, errorMessage);
    if (problem != ConnectorProblem::Unknown
        && (!dataSourceErrorCode.isEmpty() || errorCode != QLatin1String("InternalError")))
        return explainConnectorProblem(problem, dataSourceErrorCode);
    ErrorExplanation e;
    if (errorCode == QLatin1String("InternalError")) {
        e.summary = Text::tr("Amazon Q Business hit an internal problem while running this sync.");
        e.nextStep
            = Text::tr("Start the sync again. If it fails the same way, open the run's "
                       "CloudWatch log stream and contact AWS Support with the execution ID.");
    } else if (errorCode == QLatin1String("InvalidRequest")) {
        e.summary
            = Text::tr("The data source's configuration was rejected while syncing: a setting, "
                       "the IAM role or the connector's secret is not valid.");
        e.nextStep = Text::tr("Check the data source's IAM role, its secret and its connection "
                              "settings in the console, then start the sync again.");
    } else if (errorCode == QLatin1String("ResourceInactive")) {
        e.summary
            = Text::tr("The application, index or data source was not active when the sync ran.");
        e.nextStep
            = Text::tr("Wait until the index and data source show ACTIVE (or fix why they are "
                       "not), then start the sync again.");
    } else if (errorCode == QLatin1String("ResourceNotFound")) {
        e.summary
            = Text::tr("Something the sync needed no longer exists: the data source, its index, "
                       "the IAM role or the repository it reads.");
        e.nextStep
            = Text::tr("Check that the repository, the IAM role and the index still exist and "
                       "that the data source points at them.");
    } else if (!errorCode.isEmpty()) {
        e.summary
            = Text::tr("The service reported error code %1, which this version of SyncDeck does "
                       "not know.")
                  .arg(errorCode);
        e.nextStep = Text::tr("Read the error message below and the run's CloudWatch log stream.");
    }
    if (!dataSourceErrorCode.isEmpty()) {
        const QString connector
            = Text::tr("The connector reported %1: the repository it reads "
                       "refused or failed (credentials, permissions, throttling "
                       "or a bad setting).")
                  .arg(dataSourceErrorCode);
        e.summary = e.summary.isEmpty() ? connector : e.summary + QLatin1Char(' ') + connector;
        if (e.nextStep.isEmpty())
            e.nextStep
                = Text::tr("Check the repository's credentials and the connector's settings, "
                           "then read the run's CloudWatch log stream for the documents that "
                           "failed.");
    }
    return e;
}

bool isSsoLoginNeeded(const AwsError &error)
{
    if (error.kind != AwsError::Kind::Credentials)
        return false;
    return error.nextStep.contains(QLatin1String("sso login"))
        || error.message.contains(QLatin1String("SSO"), Qt::CaseInsensitive);
}

namespace {

bool isThrottlingCode(const QString &code)
{
    return code.contains(QLatin1String("Throttl"))
        || code == QLatin1String("TooManyRequestsException");
}

// What to do about a service error, for the dashboard and for the command line: one row per
// error, the two audiences side by side. %1 in a dashboard step is " --profile NAME" (or
// nothing); %1 in a command-line step is the operation ("ListDataSourceSyncJobs"). A null
// command-line step means the message says it all.
struct ServiceErrorRow
{
    std::initializer_list<const char *> codes; // empty: isThrottlingCode()
    const char *summary;
    const char *dashboardStep;
    const char *commandLineStep;
};

const char *const CheckCredentialsStep = QT_TRANSLATE_NOOP(
    "ErrorExplanation",
    "Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and "
    "the system clock.");

const ServiceErrorRow ServiceErrors[] = {
    {{"AccessDeniedException"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The credentials are valid but not allowed to do this."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Ask for qbusiness:List*/Get* permissions on this application, or choose "
                       "a profile that has them."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Check that your IAM identity is allowed qbusiness:%1 on this resource.")},
    {{"ValidationException"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The service rejected the request's parameters."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Check the IDs (36 characters each), the time range and the status "
                       "filter."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Fix the values named above and run the command again.")},
    {{"ResourceNotFoundException"},
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "The application, index or data source does not exist in this account and "
                       "region."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Check the region and pick the resource again from the lists."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Check the IDs: list-applications, list-indices and list-data-sources "
                       "show the ones that exist in this region.")},
    {{"ConflictException"},
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "The data source is busy: a sync is already running or stopping."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Wait for the current run to finish (or stop it), then try again."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "A sync job is already running or stopping: wait for it (see "
                       "list-data-source-sync-jobs --status-filter SYNCING) or stop it with "
                       "stop-data-source-sync-job.")},
    {{"ServiceQuotaExceededException"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "A service quota of this account is used up."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Wait for running sync jobs to finish, or ask for a higher quota, then "
                       "Retry."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Wait for running sync jobs to finish, or ask for a higher quota.")},
    {{},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The service is throttling requests from this account."),
     QT_TRANSLATE_NOOP("ErrorExplanation", "Wait a moment, then Retry."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "The service is throttling: run again later, or raise AWS_MAX_ATTEMPTS.")},
    {{"InternalServerException"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The service had an internal error."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Retry in a moment; if it persists, check the AWS Health Dashboard."),
     nullptr},
    {{"ExpiredTokenException", "ExpiredToken"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The session credentials have expired."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Refresh the credentials (for SSO: `aws sso login%1`), then Retry."),
     CheckCredentialsStep},
    {{"UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch"},
     QT_TRANSLATE_NOOP("ErrorExplanation", "The service did not accept the credentials."),
     QT_TRANSLATE_NOOP("ErrorExplanation",
                       "Check the access key and secret of the profile (and the clock of this "
                       "computer), then Retry."),
     CheckCredentialsStep},
};

const ServiceErrorRow UnknownServiceError
    = {{},
       QT_TRANSLATE_NOOP("ErrorExplanation", "The service answered with an error."),
       QT_TRANSLATE_NOOP("ErrorExplanation", "Read the message, then Retry."),
       nullptr};

const ServiceErrorRow &serviceErrorRow(const QString &code)
{
    for (const ServiceErrorRow &row : ServiceErrors) {
        if (row.codes.size() == 0
                ? isThrottlingCode(code)
                : std::any_of(row.codes.begin(), row.codes.end(),
                              [&code](const char *c) { return code == QLatin1String(c); }))
            return row;
    }
    return UnknownServiceError;
}

QString profileArgument(const QString &profile)
{
    return profile.isEmpty() ? QString() : QStringLiteral(" --profile ") + profile;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("ErrorExplanation", text);
}

// What the dashboard calls a request member a ValidationException names.
QString dashboardNameOfField(const QString &field)
{
    if (field == QLatin1String("startTime") || field == QLatin1String("endTime"))
        return Text::tr("the time range");
    if (field == QLatin1String("syncStatus") || field == QLatin1String("statusFilter"))
        return Text::tr("the status filter");
    if (field == QLatin1String("applicationId"))
        return Text::tr("the application ID");
    if (field == QLatin1String("indexId"))
        return Text::tr("the index ID");
    if (field == QLatin1String("dataSourceId"))
        return Text::tr("the data source ID");
    return field;
}

// A ValidationException that names its fields: the next step points at them, not at a guess.
QString validationStep(const AwsError &error, Audience audience)
{
    QStringList names;
    const QJsonArray fields = error.fields.value(QLatin1String("fields")).toArray();
    for (const QJsonValue &f : fields) {
        const QString name = f.toObject().value(QLatin1String("name")).toString();
        const QString shown = audience == Audience::Dashboard ? dashboardNameOfField(name) : name;
        if (!shown.isEmpty() && !names.contains(shown))
            names.append(shown);
    }
    if (names.isEmpty())
        return {};
    return audience == Audience::Dashboard
        ? Text::tr("Fix %1 as the reason above says, then Retry.")
              .arg(names.join(QStringLiteral(", ")))
        : Text::tr("Fix %1 as the reason above says and run the command again.")
              .arg(names.join(QStringLiteral(", ")));
}

// StopDataSourceSyncJob's conflict is the opposite of StartDataSourceSyncJob's: nothing is
// running (or it is already stopping). The operation says so when known, else the message.
bool isNothingToStop(const AwsError &error, const ErrorContext &context)
{
    if (error.code != QLatin1String("ConflictException"))
        return false;
    if (context.operation == QLatin1String("StopDataSourceSyncJob"))
        return true;
    if (!context.operation.isEmpty())
        return false;
    return mentionsAny(error.message,
                       {"no sync", "not running", "no running", "not syncing", "nothing to stop",
                        "already stopping"});
}

const ServiceErrorRow NothingToStop
    = {{"ConflictException"},
       QT_TRANSLATE_NOOP("ErrorExplanation",
                         "There is no sync to stop: no run of this data source is in progress, "
                         "or it is already stopping."),
       QT_TRANSLATE_NOOP("ErrorExplanation",
                         "Nothing to do: the table shows the latest run and its status."),
       QT_TRANSLATE_NOOP("ErrorExplanation",
                         "Nothing to stop: list-data-source-sync-jobs --status-filter SYNCING "
                         "shows what is running.")};

ErrorExplanation explainServiceError(const AwsError &error, const ErrorContext &context)
{
    if (error.code == QLatin1String("ValidationException")) {
        const QString step = validationStep(error, context.audience);
        if (!step.isEmpty()) {
            ErrorExplanation e;
            e.summary = translated(serviceErrorRow(error.code).summary);
            e.nextStep = step;
            return e;
        }
    }
    const ServiceErrorRow &row
        = isNothingToStop(error, context) ? NothingToStop : serviceErrorRow(error.code);
    ErrorExplanation e;
    e.summary = translated(row.summary);
    const bool commandLine = context.audience == Audience::CommandLine;
    const char *step = commandLine ? row.commandLineStep : row.dashboardStep;
    if (!step)
        return e;
    e.nextStep = translated(step);
    if (e.nextStep.contains(QLatin1String("%1"))) {
        e.nextStep
            = e.nextStep.arg(commandLine ? context.operation : profileArgument(context.profile));
    }
    return e;
}

} // namespace

ErrorExplanation explainAwsError(const AwsError &error, const QString &profile)
{
    return explainAwsError(error, ErrorContext {profile, {}, Audience::Dashboard});
}

ErrorExplanation explainAwsError(const AwsError &error, const ErrorContext &context)
{
    ErrorExplanation e;
    const QString profileArg = profileArgument(context.profile);
    switch (error.kind) {
    case AwsError::Kind::None:
        return e;
    case AwsError::Kind::Network:
        e.summary = Text::tr("SyncDeck could not reach the service.");
        e.nextStep = Text::tr("Check the network connection, the region and any endpoint override, "
                              "then Retry.");
        break;
    case AwsError::Kind::Timeout:
        e.summary = Text::tr("The service did not answer in time.");
        e.nextStep = Text::tr("Retry. If it keeps happening, check the network or a proxy.");
        break;
    case AwsError::Kind::Credentials:
        if (isSsoLoginNeeded(error)) {
            e.summary = Text::tr("The SSO sign-in of this profile has expired.");
            e.nextStep
                = Text::tr("Run `aws sso login%1` in a terminal, then Retry.").arg(profileArg);
        } else {
            e.summary = Text::tr("No usable AWS credentials were found.");
            e.nextStep
                = Text::tr("Choose another profile, enter keys, or fix the profile in ~/.aws, "
                           "then Retry.");
        }
        break;
    case AwsError::Kind::Client:
        e.summary = Text::tr("SyncDeck could not use the service's answer or refused the request.");
        e.nextStep = Text::tr("Check the IDs and filters, then Retry.");
        break;
    case AwsError::Kind::Aborted:
        e.summary = Text::tr("The request was cancelled.");
        break;
    case AwsError::Kind::Service:
        e = explainServiceError(error, context);
        break;
    }
    // What the lower layers know beats a generic hint; a terminal gets nothing else but for
    // service errors (the dashboard's Retry does not exist there).
    if ((!error.nextStep.isEmpty() && !isSsoLoginNeeded(error))
        || (context.audience == Audience::CommandLine && error.kind != AwsError::Kind::Service))
        e.nextStep = error.nextStep;
    // The transport's hint names the command line's --page-size, which the window has not.
    if (context.audience == Audience::Dashboard && error.code == QLatin1String("ResponseTooLarge"))
        e.nextStep = Text::tr("Narrow the time range or the status filter so that pages are "
                              "smaller, or check in Settings that the endpoint is an Amazon Q "
                              "Business endpoint.");
    return e;
}

QStringList errorDetails(const AwsError &error)
{
    QStringList lines;
    if (error.fields.contains(QLatin1String("reason")))
        lines << Text::tr("Reason: %1").arg(error.fields.value(QLatin1String("reason")).toString());
    const QJsonArray fields = error.fields.value(QLatin1String("fields")).toArray();
    for (const QJsonValue &f : fields) {
        const QJsonObject o = f.toObject();
        lines << Text::tr("Field %1: %2")
                     .arg(o.value(QLatin1String("name")).toString(),
                          o.value(QLatin1String("message")).toString());
    }
    if (error.fields.contains(QLatin1String("resourceId"))) {
        lines << Text::tr("Resource: %1 %2")
                     .arg(error.fields.value(QLatin1String("resourceType")).toString(),
                          error.fields.value(QLatin1String("resourceId")).toString());
    }
    return lines;
}

} // namespace syncdeck::qbusiness
