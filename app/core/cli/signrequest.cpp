#include "signrequest.h"

#include "globaloptions.h"

#include "aws/awstime.h"
#include "aws/credentialsprovider.h"
#include "aws/rawhttprequest.h"
#include "aws/session.h"
#include "aws/sigv4.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QProcessEnvironment>

#include <cstdio>
#include <optional>

namespace syncdeck::cli {
namespace {

using namespace syncdeck::aws;

constexpr qint64 MaxRequestBytes = 64 * 1024 * 1024;

const QStringList Stages = {
    QStringLiteral("canonical-request"), QStringLiteral("string-to-sign"),
    QStringLiteral("signature"),         QStringLiteral("authorization"),
    QStringLiteral("signed-request"),
};

void printHelp(QTextStream &s)
{
    s << "Usage: syncdeck-cli sign-request --request FILE [options]\n"
         "\n"
         "Signs one HTTP request with AWS Signature Version 4 and prints one stage of the\n"
         "signing, to track down a SignatureDoesNotMatch: AWS's error message shows the\n"
         "canonical request and string to sign it computed; diff them with SyncDeck's.\n"
         "\n"
         "The request file holds the raw HTTP/1.1 request as sent: the request line\n"
         "('GET /path?query HTTP/1.1'), header lines ('Name: value'; a line starting with a\n"
         "space or tab continues the previous header), a blank line, then the body. Lines end\n"
         "with LF or CRLF. The path and query are signed exactly as written (already\n"
         "percent-encoded). It needs a Host header, and no Authorization or X-Amz-Date header:\n"
         "the signer adds those (to check a captured request, delete both lines and pass its\n"
         "X-Amz-Date value as --time).\n"
         "\n"
         "Options:\n"
         "  --request FILE            the raw request; '-' reads standard input (required)\n"
         "  --print STAGE             canonical-request, string-to-sign, signature,\n"
         "                            authorization or signed-request (default)\n"
         "  --profile NAME            take credentials and region from this profile of\n"
         "                            ~/.aws/config and ~/.aws/credentials\n"
         "  --region REGION           signing region (default: AWS_REGION, then\n"
         "                            AWS_DEFAULT_REGION, then the profile's region)\n"
         "  --service NAME            signing name (default: qbusiness)\n"
         "  --time TIME               signing time in UTC: 2015-08-30T12:36:00Z or\n"
         "                            20150830T123600Z (default: now)\n"
         "  --no-normalize            S3-style: sign the path as written, without removing\n"
         "                            dot segments and without encoding it a second time\n"
         "  --content-sha256          add and sign x-amz-content-sha256 with the body's hash\n"
         "  --unsigned-session-token  add X-Amz-Security-Token after signing, unsigned\n"
         "  -h, --help                show this help\n"
         "\n"
         "Credentials and region are found as the AWS CLI finds them: AWS_ACCESS_KEY_ID,\n"
         "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, then the profile (--profile, else\n"
         "AWS_PROFILE, else default) with its keys, role, SSO or credential_process. An\n"
         "explicit --profile ignores the key variables.\n"
         "\n"
         "Output: the bytes of the chosen stage on standard output and nothing else. No\n"
         "newline is added after canonical-request, string-to-sign, signature or\n"
         "authorization, as in the files of AWS's SigV4 test suite, so `diff` and `cmp`\n"
         "compare them directly; signed-request ends with the blank line and the body.\n"
         "Secrets are never printed: the value of X-Amz-Security-Token (the session token)\n"
         "shows as '"
      << RedactedToken
      << "' in canonical-request and signed-request (a note on\n"
         "standard error says so); everything else is byte-exact.\n"
         "\n"
         "Example: compare with the canonical request in a SignatureDoesNotMatch message\n"
         "  syncdeck-cli sign-request --request req.txt --region us-east-1 \\\n"
         "      --time 20240501T120000Z --print canonical-request > ours.txt\n"
         "  diff ours.txt aws-canonical-request.txt\n"
         "\n"
         "Exit codes: 0 printed; 252 bad options or a malformed request (the message names\n"
         "the line); 253 missing or unusable credentials or region, or a broken profile (the\n"
         "message says where it looked).\n";
}

int usageError(Invocation &inv, const QString &message)
{
    inv.err << "syncdeck-cli sign-request: error: " << message
            << "\nRun `syncdeck-cli sign-request --help` for the options and the file format.\n";
    return UsageError;
}

// "What is wrong. What to do." from a message and a next step that may lack the full stop.
QString sentences(const QString &message, const QString &nextStep)
{
    if (nextStep.isEmpty())
        return message;
    return message + (message.endsWith(u'.') ? QStringLiteral(" ") : QStringLiteral(". "))
        + nextStep;
}

int configError(Invocation &inv, const QString &message)
{
    inv.err << "syncdeck-cli sign-request: error: " << message << '\n';
    return ConfigError;
}

// Writes raw bytes: requests are bytes, not necessarily UTF-8, and must come out unchanged.
void writeBytes(QTextStream &out, QByteArrayView bytes)
{
    out.flush();
    if (QIODevice *device = out.device()) {
        device->write(bytes.data(), bytes.size());
        if (auto *file = qobject_cast<QFileDevice *>(device))
            file->flush();
    } else {
        out << QString::fromUtf8(bytes);
    }
}

// 2015-08-30T12:36:00Z (fractions and numeric offsets allowed) or 20150830T123600Z; the zone
// is required so that a time never silently means the local time.
QDateTime parseTime(const QString &text)
{
    std::optional<qint64> ms = aws::awstime::parseAmzDate(text.toLatin1());
    if (!ms)
        ms = aws::awstime::parseIso8601(text);
    return ms ? aws::awstime::toDateTime(*ms) : QDateTime();
}

bool readRequest(const QString &path, QByteArray *out, QString *error)
{
    const bool fromStdin = path == QLatin1String("-");
    QFile file(fromStdin ? QString() : path);
    const bool opened
        = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    const QString name = fromStdin ? QStringLiteral("standard input") : path;
    if (!opened) {
        *error
            = QStringLiteral("cannot read the request file %1: %2").arg(name, file.errorString());
        return false;
    }
    *out = file.read(MaxRequestBytes + 1);
    if (out->size() > MaxRequestBytes) {
        *error = QStringLiteral("the request in %1 is larger than %2 MiB; sign-request takes one "
                                "request")
                     .arg(name)
                     .arg(MaxRequestBytes / (1024 * 1024));
        return false;
    }
    if (file.error() != QFileDevice::NoError) {
        *error
            = QStringLiteral("cannot read the request file %1: %2").arg(name, file.errorString());
        return false;
    }
    return true;
}

// The session token appears in the canonical headers as "x-amz-security-token:<token>".
QByteArray redactCanonicalToken(const QByteArray &canonical, bool *redacted)
{
    QList<QByteArray> lines = canonical.split('\n');
    // Lines 0-2 are method, path and query; headers run until the empty line.
    for (qsizetype i = 3; i < lines.size() && !lines[i].isEmpty(); ++i) {
        if (lines[i].startsWith("x-amz-security-token:")) {
            lines[i] = QByteArray("x-amz-security-token:") + RedactedToken;
            *redacted = true;
        }
    }
    return lines.join('\n');
}

// What the command line asks for.
struct SignOptions
{
    QString requestPath;
    QString stage;
    QString service;
    aws::SessionOptions session; // profile and region
    QDateTime time;
    sigv4::Settings settings;
};

// Parses the command line: std::nullopt to go on, else the exit code (0 after --help).
std::optional<int> readOptions(Invocation &inv, SignOptions *o)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption requestOption(QStringLiteral("request"), QString(),
                                           QStringLiteral("FILE"));
    const QCommandLineOption printOption(QStringLiteral("print"), QString(),
                                         QStringLiteral("STAGE"), QStringLiteral("signed-request"));
    const QCommandLineOption regionOption(QStringLiteral("region"), QString(),
                                          QStringLiteral("REGION"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), QString(),
                                           QStringLiteral("NAME"));
    const QCommandLineOption serviceOption(QStringLiteral("service"), QString(),
                                           QStringLiteral("NAME"), QStringLiteral("qbusiness"));
    const QCommandLineOption timeOption(QStringLiteral("time"), QString(), QStringLiteral("TIME"));
    const QCommandLineOption noNormalizeOption(QStringLiteral("no-normalize"));
    const QCommandLineOption contentShaOption(QStringLiteral("content-sha256"));
    const QCommandLineOption unsignedTokenOption(QStringLiteral("unsigned-session-token"));
    const QCommandLineOption helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({requestOption, printOption, serviceOption, timeOption, noNormalizeOption,
                       contentShaOption, unsignedTokenOption, helpOption});
    // --region and --profile among them; the others are accepted, as the AWS CLI accepts every
    // global option on every command, and have nothing to act on here.
    addGlobalOptions(parser);
    if (!parser.parse(inv.arguments))
        return usageError(inv, parseErrorText(parser));
    if (parser.isSet(helpOption)) {
        printHelp(inv.out);
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(inv,
                          QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(requestOption))
        return usageError(inv,
                          QStringLiteral("--request FILE is required ('-' reads standard "
                                         "input)"));
    o->requestPath = parser.value(requestOption);
    o->stage = parser.value(printOption);
    if (!Stages.contains(o->stage))
        return usageError(inv,
                          QStringLiteral("--print %1 is not a stage; use one of %2")
                              .arg(o->stage, Stages.join(QStringLiteral(", "))));
    o->service = parser.value(serviceOption);
    if (o->service.isEmpty())
        return usageError(inv,
                          QStringLiteral("--service needs a signing name, such as "
                                         "qbusiness"));
    o->time = QDateTime::currentDateTimeUtc();
    if (parser.isSet(timeOption)) {
        o->time = parseTime(parser.value(timeOption));
        if (!o->time.isValid())
            return usageError(inv,
                              QStringLiteral("--time '%1' is not a UTC time; write it as "
                                             "2015-08-30T12:36:00Z or 20150830T123600Z")
                                  .arg(parser.value(timeOption)));
    }
    o->session.profile = parser.value(profileOption);
    o->session.region = parser.value(regionOption);
    const bool normalize = !parser.isSet(noNormalizeOption);
    o->settings.normalizePath = normalize;
    o->settings.doubleEncodePath = normalize;
    o->settings.addContentSha256Header = parser.isSet(contentShaOption);
    o->settings.signSessionToken = !parser.isSet(unsignedTokenOption);
    return std::nullopt;
}

// Credentials and region as the AWS CLI resolves them, saying where they were looked for when
// they are missing: std::nullopt with *params filled, else the exit code.
std::optional<int> resolveSigner(Invocation &inv, const SignOptions &o,
                                 sigv4::SigningParams *params)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QObject owner; // parent of the credentials provider
    aws::Session session;
    aws::SessionError sessionError;
    if (!aws::describeSession(o.session, env, &owner, &session, &sessionError))
        return configError(inv, sentences(sessionError.message, sessionError.nextStep));
    const QString lookedIn = QStringLiteral("profile %1 in %2 and %3")
                                 .arg(session.profile, QDir::toNativeSeparators(session.configPath),
                                      QDir::toNativeSeparators(session.credentialsPath));
    if (!session.credentials)
        return configError(
            inv,
            QStringLiteral("no credentials: looked at the environment (AWS_ACCESS_KEY_ID, "
                           "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and at %1. Set the "
                           "variables or pass --profile with a profile that has "
                           "credentials.")
                .arg(lookedIn));
    if (session.region.isEmpty())
        return configError(inv,
                           QStringLiteral("no region: pass --region (looked at --region, "
                                          "AWS_REGION, AWS_DEFAULT_REGION and %1)")
                               .arg(lookedIn));
    const std::optional<aws::CredentialsResult> resolved = aws::resolveBlocking(
        session.credentials, o.session.networkTimeoutMs + o.session.credentialProcessTimeoutMs);
    if (!resolved)
        return configError(inv,
                           QStringLiteral("timed out getting credentials for %1")
                               .arg(session.credentials->description()));
    if (resolved->error.isError())
        return configError(inv, sentences(resolved->error.message, resolved->error.nextStep));
    params->credentials = resolved->credentials;
    params->region = session.region;
    params->service = o.service;
    params->time = o.time;
    params->settings = o.settings;
    return std::nullopt;
}

// Why sign() refused: the configuration (253) or a line of the request (252).
int signingFailed(Invocation &inv, const RawHttpRequest &raw, const sigv4::SigningResult &result)
{
    if (result.failure == sigv4::SigningResult::Failure::Parameters)
        return configError(inv, QStringLiteral("cannot sign: %1").arg(result.error));
    for (const char *name : {"Authorization", "X-Amz-Date"}) {
        if (const int line = raw.lineOf(name); line > 0)
            return usageError(inv,
                              QStringLiteral("line %1: the request already carries %2; delete "
                                             "that line (sign-request adds it; pass a captured "
                                             "X-Amz-Date value as --time instead)")
                                  .arg(line)
                                  .arg(QLatin1String(name)));
    }
    return usageError(inv, QStringLiteral("cannot sign this request: %1").arg(result.error));
}

// The bytes of the stage asked for, the session token redacted (*redacted says so).
QByteArray stageBytes(const QString &stage, const RawHttpRequest &raw,
                      const sigv4::SigningParams &params, const sigv4::SigningResult &result,
                      bool *redacted)
{
    if (stage == QLatin1String("canonical-request"))
        return redactCanonicalToken(result.canonicalRequest, redacted);
    if (stage == QLatin1String("string-to-sign"))
        return result.stringToSign;
    if (stage == QLatin1String("signature"))
        return result.signature;
    if (stage == QLatin1String("authorization"))
        return result.authorization;
    const QByteArray tokenHeader("x-amz-security-token");
    *redacted = raw.lineOf(tokenHeader) > 0 || params.credentials.hasSessionToken();
    return raw.withHeaders(result.headersToAdd, {tokenHeader}, RedactedToken);
}

} // namespace

int signRequest(Invocation &inv)
{
    SignOptions options;
    if (const std::optional<int> code = readOptions(inv, &options))
        return *code;
    QByteArray text;
    QString readError;
    if (!readRequest(options.requestPath, &text, &readError))
        return usageError(inv, readError);
    const RawHttpRequest raw = RawHttpRequest::parse(text);
    if (!raw.ok())
        return usageError(inv, QStringLiteral("malformed request: %1").arg(raw.error()));
    sigv4::SigningParams params;
    if (const std::optional<int> code = resolveSigner(inv, options, &params))
        return *code;
    const sigv4::SigningResult result = sigv4::sign(raw.request(), params);
    if (!result.ok())
        return signingFailed(inv, raw, result);
    bool redacted = false;
    writeBytes(inv.out, stageBytes(options.stage, raw, params, result, &redacted));
    if (redacted)
        inv.err << "syncdeck-cli sign-request: note: the session token (X-Amz-Security-Token) is "
                   "shown as '"
                << RedactedToken << "'\n";
    return Success;
}

} // namespace syncdeck::cli
