#include "globaloptions.h"

#include "aws/credentialsprovider.h"
#include "aws/endpointresolver.h"
#include "aws/session.h"
#include "cli.h"
#include "outputformatter.h"
#include "qbusiness/sessionconfig.h"

#include <algorithm>

namespace syncdeck::cli {

namespace {
bool readSeconds(const QCommandLineParser &parser, const char *name, int *out, QString *error)
{
    const QString option = QString::fromLatin1(name);
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < 0 || v > 86400) {
        *error = QStringLiteral("--%1 must be a whole number of seconds from 0 (no timeout) to "
                                "86400, not \"%2\"")
                     .arg(option, parser.value(option));
        return false;
    }
    *out = v;
    return true;
}
} // namespace

const QList<QCommandLineOption> &globalOptions()
{
    static const QList<QCommandLineOption> all = {
        {QStringLiteral("profile"),
         QStringLiteral("Use a profile from the shared AWS config files."), QStringLiteral("name")},
        {QStringLiteral("region"), QStringLiteral("The AWS region to call."),
         QStringLiteral("region")},
        {QStringLiteral("endpoint-url"), QStringLiteral("Call this URL instead of the default."),
         QStringLiteral("url")},
        {QStringLiteral("output"), QStringLiteral("Output format: json, jsonl, csv or table."),
         QStringLiteral("format")},
        {QStringLiteral("debug"),
         QStringLiteral("Log every attempt to stderr (URL, status, request id, retry delay).")},
        {QStringLiteral("no-paginate"),
         QStringLiteral("Make one call only and print its nextToken.")},
        {QStringLiteral("cli-read-timeout"),
         QStringLiteral("Seconds without data before an attempt fails (0: never; default 60)."),
         QStringLiteral("seconds")},
        {QStringLiteral("cli-connect-timeout"),
         QStringLiteral("Seconds to connect before an attempt fails (0: never; default 60)."),
         QStringLiteral("seconds")},
        {QStringLiteral("ca-bundle"),
         QStringLiteral("PEM file of certificate authorities to trust."), QStringLiteral("file")},
        {QStringLiteral("dry-run"),
         QStringLiteral("Print the signed request (method, URL, headers) and do not send it.")},
    };
    return all;
}

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOptions(globalOptions());
}

qsizetype findCommand(const QStringList &args, QStringList *leading)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(u'-') || a == QLatin1String("-"))
            return i;
        leading->append(a);
        // "--region R" consumes R; "--region=R" does not, and neither does an unknown option
        // (argparse leaves what follows it to the positionals).
        const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool takesValue = std::any_of(
            globalOptions().cbegin(), globalOptions().cend(), [&](const QCommandLineOption &o) {
                return !o.valueName().isEmpty() && o.names().contains(name);
            });
        if (takesValue && i + 1 < args.size())
            leading->append(args[++i]);
    }
    return -1;
}

QString parseErrorText(const QCommandLineParser &parser)
{
    QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty())
        return parser.errorText();
    for (QString &name : unknown)
        name.prepend(name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"));
    return QStringLiteral("Unknown options: ") + unknown.join(QStringLiteral(", "));
}

bool readGlobalOptions(const QCommandLineParser &parser, const QProcessEnvironment &env,
                       GlobalOptions *o, QString *error)
{
    o->profile = parser.value(QStringLiteral("profile"));
    o->region = parser.value(QStringLiteral("region"));
    o->endpointUrl = parser.value(QStringLiteral("endpoint-url"));
    o->caBundle = parser.value(QStringLiteral("ca-bundle"));
    o->debug = parser.isSet(QStringLiteral("debug"));
    o->noPaginate = parser.isSet(QStringLiteral("no-paginate"));
    o->dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (parser.isSet(QStringLiteral("output"))) {
        o->output = parser.value(QStringLiteral("output"));
    } else {
        o->output = env.value(QStringLiteral("AWS_DEFAULT_OUTPUT"), QStringLiteral("json"));
        if (!OutputFormatter::formats().contains(o->output))
            o->output = QStringLiteral("json"); // e.g. "text" for the AWS CLI: not ours
    }
    if (!OutputFormatter::formats().contains(o->output)) {
        *error = QStringLiteral("argument --output: invalid choice: '%1' (choose from %2)")
                     .arg(o->output, OutputFormatter::formats().join(QStringLiteral(", ")));
        return false;
    }
    if (parser.isSet(QStringLiteral("region")) && o->region.trimmed().isEmpty()) {
        *error = QStringLiteral("argument --region: expected a region name such as us-east-1");
        return false;
    }
    if (parser.isSet(QStringLiteral("endpoint-url"))
        && !aws::isHttpEndpointUrl(QUrl(o->endpointUrl, QUrl::StrictMode))) {
        *error = QStringLiteral("Bad value for --endpoint-url \"%1\": scheme is missing. Must be "
                                "of the form http://<hostname>/ or https://<hostname>/")
                     .arg(o->endpointUrl);
        return false;
    }
    return readSeconds(parser, "cli-read-timeout", &o->readTimeoutSeconds, error)
        && readSeconds(parser, "cli-connect-timeout", &o->connectTimeoutSeconds, error);
}

bool resolveCliSession(const GlobalOptions &options, const QProcessEnvironment &env,
                       QObject *parent, CliSession *session, CliSessionError *error,
                       const aws::MfaPrompt &mfaPrompt)
{
    aws::SessionOptions sessionOptions;
    sessionOptions.mfaPrompt = mfaPrompt;
    sessionOptions.profile = options.profile;
    sessionOptions.region = options.region.trimmed();
    sessionOptions.endpointUrl = options.endpointUrl;
    sessionOptions.caBundle = options.caBundle;
    aws::Session s;
    aws::SessionError sessionError;
    if (!aws::resolveSession(sessionOptions, env, parent, &s, &sessionError)) {
        *error = {ConfigError, sessionError.message, sessionError.nextStep};
        return false;
    }
    qbusiness::ClientConfig &c = session->config;
    if (!qbusiness::clientConfigForSession(s, &c, &sessionError)) {
        *error = {ConfigError, sessionError.message, sessionError.nextStep};
        return false;
    }
    c.readTimeoutMs = options.readTimeoutSeconds * 1000;
    c.connectTimeoutMs = options.connectTimeoutSeconds * 1000;
    c.dryRun = options.dryRun;
    session->credentials = s.credentials;
    session->logsEndpoint = s.logsEndpoint;
    session->logsEndpointError = s.logsEndpointError;
    session->logsEndpointNextStep = s.logsEndpointNextStep;

    // Sources only: never a key or token.
    session->description = {
        QStringLiteral("profile %1 (%2)").arg(s.profile, s.profileSource),
        QStringLiteral("region %1 (%2)").arg(s.region, s.regionSource),
        QStringLiteral("endpoint %1 (%2)").arg(s.endpoint.toString(), s.endpointSource),
        QStringLiteral("retries: %1 mode (%2), %3 attempts (%4)")
            .arg(s.retryMode,
                 s.retryModeSource.isEmpty() ? QStringLiteral("default") : s.retryModeSource)
            .arg(s.maxAttempts)
            .arg(s.maxAttemptsSource.isEmpty() ? QStringLiteral("default") : s.maxAttemptsSource),
        QStringLiteral("credentials: %1 (%2)")
            .arg(s.credentials ? s.credentials->description() : QStringLiteral("none"),
                 s.credentialSource),
    };
    if (!s.caBundle.isEmpty())
        session->description.append(
            QStringLiteral("CA bundle %1 (%2)").arg(s.caBundle, s.caBundleSource));
    // The proxy's user, never its password.
    if (!s.proxies.httpsSource.isEmpty())
        session->description.append(
            QStringLiteral("proxy for https: %1 (%2)")
                .arg(aws::proxyDisplay(s.proxies.https), s.proxies.httpsSource));
    if (!s.proxies.httpSource.isEmpty())
        session->description.append(
            QStringLiteral("proxy for http: %1 (%2)")
                .arg(aws::proxyDisplay(s.proxies.http), s.proxies.httpSource));
    if (!s.proxies.noProxySource.isEmpty())
        session->description.append(
            QStringLiteral("no proxy for: %1 (%2)")
                .arg(s.proxies.noProxy.join(QStringLiteral(", ")), s.proxies.noProxySource));
    if (!s.proxies.isEmpty() && s.proxies.bypasses(s.endpoint.host(), s.endpoint.port()))
        session->description.append(
            QStringLiteral("the endpoint %1 is reached directly").arg(s.endpoint.host()));
    return true;
}

} // namespace syncdeck::cli
