#include "configure.h"

#include "globaloptions.h"

#include "aws/awsconfig.h"
#include "aws/credentialsprovider.h"
#include "aws/session.h"
#include "terminalprompt.h"

#include <QCommandLineParser>

namespace syncdeck::cli {
namespace {

struct Row
{
    QString name, value, type, location;
};

// "Type" and "Location" columns from a source string of aws::Session.
std::pair<QString, QString> typeAndLocation(const QString &source, const aws::Session &session)
{
    if (source.isEmpty() || source == QLatin1String("default"))
        return {QStringLiteral("None"), QStringLiteral("None")};
    if (source.startsWith(QLatin1String("--")))
        return {QStringLiteral("manual"), source};
    if (source.startsWith(QLatin1String("env ")))
        return {QStringLiteral("env"), source.mid(4)};
    if (source.startsWith(QLatin1String("rule set")))
        return {QStringLiteral("rule-set"), source.mid(9).chopped(1).mid(1)};
    const QString file = source.section(u':', 0, -2);
    if (file == session.credentialsPath)
        return {QStringLiteral("shared-credentials-file"), source};
    if (file == session.configPath)
        return {QStringLiteral("config-file"), source};
    return {QStringLiteral("other"), source};
}

QString credentialType(aws::CredentialKind kind, const QString &source, const aws::Session &s)
{
    switch (kind) {
    case aws::CredentialKind::Environment:
        return QStringLiteral("env");
    case aws::CredentialKind::StaticKeys:
    case aws::CredentialKind::SessionKeys:
        return typeAndLocation(source, s).first;
    case aws::CredentialKind::AssumeRole:
        return QStringLiteral("assume-role");
    case aws::CredentialKind::Sso:
        return QStringLiteral("sso");
    case aws::CredentialKind::Process:
        return QStringLiteral("custom-process");
    case aws::CredentialKind::None:
        break;
    }
    return QStringLiteral("None");
}

// The AWS CLI shows 16 stars and the last four characters of the access key id.
QString maskedKey(const QString &key)
{
    return QString(16, u'*') + key.right(4);
}

void printRows(QTextStream &out, const QList<Row> &rows)
{
    auto line = [&out](const QString &a, const QString &b, const QString &c, const QString &d) {
        out << a.rightJustified(12) << ' ' << b.rightJustified(24) << ' ' << c.rightJustified(23)
            << "    " << d << '\n';
    };
    line(QStringLiteral("Name"), QStringLiteral("Value"), QStringLiteral("Type"),
         QStringLiteral("Location"));
    line(QStringLiteral("----"), QStringLiteral("-----"), QStringLiteral("----"),
         QStringLiteral("--------"));
    for (const Row &r : rows)
        line(r.name, r.value, r.type, r.location);
}

int configError(Invocation &inv, const QString &message, const QString &nextStep)
{
    inv.err << "syncdeck-cli: error: " << message << '\n';
    if (!nextStep.isEmpty())
        inv.err << nextStep << '\n';
    return ConfigError;
}

int listProfiles(Invocation &inv, const QProcessEnvironment &env)
{
    const aws::AwsConfig config = aws::AwsConfig::load(env);
    const QStringList names = config.profileNames();
    for (const QString &name : names)
        inv.out << name << '\n';
    // Problems do not stop the listing (one broken profile never hides the others).
    const QList<aws::ConfigIssue> issues
        = config.configFile().issues() + config.credentialsFile().issues();
    for (const aws::ConfigIssue &issue : issues)
        inv.err << "syncdeck-cli: warning: " << issue.toString() << '\n';
    return Success;
}

// The access_key, secret_key and credentials rows: where the keys come from, never the secret.
QList<Row> credentialRows(const aws::Session &s, const aws::CredentialsResult &credentials)
{
    QList<Row> rows;
    const QString credType = credentialType(s.credentialKind, s.credentialSource, s);
    const QString credLocation = s.credentialKind == aws::CredentialKind::StaticKeys
            || s.credentialKind == aws::CredentialKind::SessionKeys
        ? typeAndLocation(s.credentialSource, s).second
        : (s.credentialKind == aws::CredentialKind::Environment
               ? QStringLiteral("AWS_ACCESS_KEY_ID")
               : s.credentialSource);
    if (s.credentials && !credentials.error.isError()) {
        rows.append({QStringLiteral("access_key"), maskedKey(credentials.credentials.accessKeyId),
                     credType, credLocation});
        // Unlike the AWS CLI, no character of the secret key is shown.
        rows.append({QStringLiteral("secret_key"), QString(16, u'*'), credType, credLocation});
    } else {
        rows.append({QStringLiteral("access_key"), QStringLiteral("<not set>"),
                     s.credentials ? credType : QStringLiteral("None"),
                     s.credentials ? credLocation : QStringLiteral("None")});
        rows.append({QStringLiteral("secret_key"), QStringLiteral("<not set>"),
                     s.credentials ? credType : QStringLiteral("None"),
                     s.credentials ? credLocation : QStringLiteral("None")});
    }
    const bool keysOnly = s.credentialKind == aws::CredentialKind::Environment
        || s.credentialKind == aws::CredentialKind::StaticKeys
        || s.credentialKind == aws::CredentialKind::SessionKeys;
    rows.append({QStringLiteral("credentials"), aws::credentialKindName(s.credentialKind),
                 s.credentials ? credType : QStringLiteral("None"),
                 !s.credentials ? QStringLiteral("None")
                                : (keysOnly ? credLocation : s.credentials->description())});
    return rows;
}

int list(Invocation &inv, const QCommandLineParser &parser, const QProcessEnvironment &env)
{
    aws::SessionOptions options;
    options.profile = parser.value(QStringLiteral("profile"));
    options.region = parser.value(QStringLiteral("region"));
    options.endpointUrl = parser.value(QStringLiteral("endpoint-url"));
    options.caBundle = parser.value(QStringLiteral("ca-bundle"));
    options.mfaPrompt = terminalMfaPrompt(inv.err);

    QObject owner;
    aws::Session s;
    aws::SessionError error;
    if (!aws::describeSession(options, env, &owner, &s, &error))
        return configError(inv, error.message, error.nextStep);

    QList<Row> rows;
    {
        Row profile {QStringLiteral("profile"), s.profile, {}, {}};
        if (s.profileSource == QLatin1String("default"))
            profile.value = QStringLiteral("<not set>");
        std::tie(profile.type, profile.location) = typeAndLocation(s.profileSource, s);
        rows.append(profile);
    }

    // Fetching the keys runs helpers, STS or the SSO portal, as `aws configure list` does.
    aws::CredentialsResult credentials;
    if (s.credentials) {
        credentials
            = aws::resolveBlocking(
                  s.credentials, options.credentialProcessTimeoutMs + 2 * options.networkTimeoutMs)
                  .value_or(aws::CredentialsResult {
                      {},
                      {aws::CredentialsError::Kind::Failed,
                       QStringLiteral("resolving credentials did not finish"),
                       {}}});
    }
    rows.append(credentialRows(s, credentials));

    auto sourced = [&s](const QString &name, const QString &value, const QString &source) {
        Row r {name, value.isEmpty() ? QStringLiteral("<not set>") : value, {}, {}};
        std::tie(r.type, r.location) = typeAndLocation(source, s);
        if (source == QLatin1String("default")) {
            r.type = QStringLiteral("default");
            r.location = QStringLiteral("None");
        }
        return r;
    };
    rows.append(sourced(QStringLiteral("region"), s.region, s.regionSource));
    rows.append(sourced(QStringLiteral("endpoint_url"), s.endpoint.toString(), s.endpointSource));
    rows.append(sourced(QStringLiteral("use_fips"),
                        s.useFips ? QStringLiteral("true") : QStringLiteral("false"),
                        s.useFipsSource));
    rows.append(sourced(QStringLiteral("max_attempts"), QString::number(s.maxAttempts),
                        s.maxAttemptsSource));
    rows.append(sourced(QStringLiteral("retry_mode"), s.retryMode, s.retryModeSource));
    rows.append(sourced(QStringLiteral("ca_bundle"), s.caBundle, s.caBundleSource));
    printRows(inv.out, rows);

    if (s.credentials && credentials.error.isError())
        return configError(inv, credentials.error.message, credentials.error.nextStep);
    return Success;
}

} // namespace

int runConfigure(Invocation &inv)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the AWS configuration SyncDeck resolves, as the AWS CLI would.\n\n"
                       "  list            every setting, its value and where it came from\n"
                       "  list-profiles   the profiles of the AWS config and credentials files"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("subcommand"),
                                 QStringLiteral("list or list-profiles"));
    // All of them, as every AWS CLI command accepts them; list uses the session ones.
    addGlobalOptions(parser);
    if (!parser.parse(inv.arguments)) {
        inv.err << "syncdeck-cli configure: error: " << parseErrorText(parser) << '\n';
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        inv.out << parser.helpText();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString sub = positional.value(0);
    if (positional.size() != 1
        || (sub != QLatin1String("list") && sub != QLatin1String("list-profiles"))) {
        inv.err << "syncdeck-cli configure: error: expected one subcommand, `list` or "
                   "`list-profiles`"
                << (positional.isEmpty() ? QString()
                                         : QStringLiteral(" (got: ") + positional.join(u' ') + u')')
                << ". Run `syncdeck-cli configure --help`.\n";
        return UsageError;
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (sub == QLatin1String("list-profiles"))
        return listProfiles(inv, env);
    return list(inv, parser, env);
}

} // namespace syncdeck::cli
