#include "globaloptions.h"

#include "aws/credentialsprovider.h"
#include "outputformatter.h"

#include <QRegularExpression>

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

bool isHttpUrl(const QUrl &u)
{
    return u.isValid() && !u.host().isEmpty()
        && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"))
        && !u.hasQuery() && !u.hasFragment();
}
} // namespace

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOptions({
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
    });
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
        && !isHttpUrl(QUrl(o->endpointUrl, QUrl::StrictMode))) {
        *error = QStringLiteral("Bad value for --endpoint-url \"%1\": scheme is missing. Must be "
                                "of the form http://<hostname>/ or https://<hostname>/")
                     .arg(o->endpointUrl);
        return false;
    }
    return readSeconds(parser, "cli-read-timeout", &o->readTimeoutSeconds, error)
        && readSeconds(parser, "cli-connect-timeout", &o->connectTimeoutSeconds, error);
}

bool resolveCliSession(const GlobalOptions &options, const QProcessEnvironment &env,
                       QObject *parent, CliSession *session, CliSessionError *error)
{
    const auto fail = [error](const QString &message, const QString &nextStep) {
        *error = {253, message, nextStep};
        return false;
    };
    if (!options.profile.isEmpty() || env.contains(QStringLiteral("AWS_PROFILE"))) {
        const QString name = options.profile.isEmpty() ? env.value(QStringLiteral("AWS_PROFILE"))
                                                       : options.profile;
        // Honest until profile support lands: an explicit profile must not silently fall back
        // to other credentials.
        if (!options.profile.isEmpty() || !env.contains(QStringLiteral("AWS_ACCESS_KEY_ID"))) {
            return fail(QStringLiteral("The config profile (%1) could not be used: this build of "
                                       "syncdeck-cli does not read the shared AWS config files")
                            .arg(name),
                        QStringLiteral("Set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and "
                                       "AWS_SESSION_TOKEN) and --region instead of a profile."));
        }
    }

    qbusiness::ClientConfig &c = session->config;
    QString regionSource = QStringLiteral("--region");
    c.region = options.region.trimmed();
    for (const char *var : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        if (c.region.isEmpty()) {
            c.region = env.value(QString::fromLatin1(var)).trimmed();
            regionSource = QString::fromLatin1(var);
        }
    }
    if (c.region.isEmpty())
        return fail(QStringLiteral("You must specify a region."),
                    QStringLiteral("Pass --region (e.g. --region us-east-1) or set AWS_REGION."));
    static const QRegularExpression regionPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    if (!regionPattern.match(c.region).hasMatch())
        return fail(QStringLiteral("The region \"%1\" (from %2) is not a region name")
                        .arg(c.region, regionSource),
                    QStringLiteral("Use a region such as us-east-1."));
    session->description.append(QStringLiteral("region %1 (%2)").arg(c.region, regionSource));

    QString endpoint = options.endpointUrl;
    QString endpointSource = QStringLiteral("--endpoint-url");
    const bool ignoreConfigured
        = env.value(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).toLower()
        == QLatin1String("true");
    if (!ignoreConfigured) {
        for (const char *var : {"AWS_ENDPOINT_URL_QBUSINESS", "AWS_ENDPOINT_URL"}) {
            if (endpoint.isEmpty()) {
                endpoint = env.value(QString::fromLatin1(var));
                endpointSource = QString::fromLatin1(var);
            }
        }
    }
    if (endpoint.isEmpty()) {
        endpoint = QStringLiteral("https://qbusiness.%1.api.aws").arg(c.region);
        endpointSource = QStringLiteral("default for the region");
    }
    c.endpoint = QUrl(endpoint, QUrl::StrictMode);
    if (!isHttpUrl(c.endpoint))
        return fail(QStringLiteral("The endpoint \"%1\" (from %2) is not an http(s) URL")
                        .arg(endpoint, endpointSource),
                    QStringLiteral("Fix %1, e.g. https://qbusiness.us-east-1.api.aws.")
                        .arg(endpointSource));
    session->description.append(
        QStringLiteral("endpoint %1 (%2)").arg(c.endpoint.toString(), endpointSource));

    const QString attempts = env.value(QStringLiteral("AWS_MAX_ATTEMPTS"));
    if (!attempts.isEmpty()) {
        bool ok = false;
        c.maxAttempts = attempts.toInt(&ok);
        if (!ok || c.maxAttempts < 1 || c.maxAttempts > 100)
            return fail(QStringLiteral("AWS_MAX_ATTEMPTS is \"%1\"; it must be a whole number "
                                       "from 1 to 100")
                            .arg(attempts),
                        QStringLiteral("Fix or unset AWS_MAX_ATTEMPTS."));
    }
    const QString mode = env.value(QStringLiteral("AWS_RETRY_MODE"));
    if (!mode.isEmpty()) {
        if (mode != QLatin1String("standard") && mode != QLatin1String("legacy")
            && mode != QLatin1String("adaptive"))
            return fail(QStringLiteral("AWS_RETRY_MODE is \"%1\"; it must be standard, legacy or "
                                       "adaptive")
                            .arg(mode),
                        QStringLiteral("Fix or unset AWS_RETRY_MODE."));
        c.retryMode = mode;
    }
    session->description.append(
        QStringLiteral("retries: %1 mode, %2 attempts").arg(c.retryMode).arg(c.maxAttempts));

    c.readTimeoutMs = options.readTimeoutSeconds * 1000;
    c.connectTimeoutMs = options.connectTimeoutSeconds * 1000;
    c.caBundlePath = options.caBundle.isEmpty() ? env.value(QStringLiteral("AWS_CA_BUNDLE"))
                                                : options.caBundle;
    c.dryRun = options.dryRun;

    const QString keyId = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString secret = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (keyId.isEmpty() && secret.isEmpty())
        return fail(QStringLiteral("Unable to locate credentials."),
                    QStringLiteral("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
                                   "AWS_SESSION_TOKEN for temporary credentials)."));
    if (keyId.isEmpty() || secret.isEmpty())
        return fail(QStringLiteral("Partial credentials found in the environment, missing: %1")
                        .arg(keyId.isEmpty() ? QStringLiteral("AWS_ACCESS_KEY_ID")
                                             : QStringLiteral("AWS_SECRET_ACCESS_KEY")),
                    QStringLiteral("Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."));
    aws::Credentials creds;
    creds.accessKeyId = keyId;
    creds.secretAccessKey = aws::SecretString(secret);
    creds.sessionToken = aws::SecretString(env.value(QStringLiteral("AWS_SESSION_TOKEN")));
    creds.source = QStringLiteral("environment");
    session->credentials = new aws::StaticCredentialsProvider(creds, parent);
    session->description.append(
        QStringLiteral("credentials: environment (access key id %1%2)")
            .arg(keyId,
                 creds.hasSessionToken() ? QStringLiteral(", with session token") : QString()));
    return true;
}

} // namespace syncdeck::cli
