// Profile resolution from ~/.aws/config, ~/.aws/credentials and the environment (aws/awsconfig,
// aws/profilecatalogue, aws/session, the endpoint rules and the proxy variables it applies).
// Input: config file text, NUL, credentials file text, NUL, lines of `NAME=value` (AWS_*, the
// proxy variables) and `--profile=`/`--region=`/`--endpoint-url=` options.
// Invariants: every listed profile can be looked up, the picker lists each once; a failed
// resolution says what is wrong and what to do; a successful one has credentials and an http(s)
// endpoint; no secret key, session token or proxy password of the input shows up in any message
// or "where it came from" text.
#include "fuzzsupport.h"

#include "aws/awsconfig.h"
#include "aws/credentialsprovider.h"
#include "aws/profilecatalogue.h"
#include "aws/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace syncdeck::aws;
using syncdeck::fuzz::bytes;
using syncdeck::fuzz::isCheckableSecret;

namespace {

std::unique_ptr<QTemporaryDir> home;

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

bool isAllowedVariable(const QString &name)
{
    // Files are the parts of the input; a CA bundle would make the fuzzer read arbitrary files.
    if (name == QLatin1String("AWS_CONFIG_FILE")
        || name == QLatin1String("AWS_SHARED_CREDENTIALS_FILE")
        || name == QLatin1String("AWS_CA_BUNDLE"))
        return false;
    static const QStringList proxies = {
        QStringLiteral("HTTPS_PROXY"), QStringLiteral("https_proxy"), QStringLiteral("HTTP_PROXY"),
        QStringLiteral("http_proxy"),  QStringLiteral("NO_PROXY"),    QStringLiteral("no_proxy"),
    };
    return name.startsWith(QLatin1String("AWS_")) || proxies.contains(name);
}

QStringList shownTexts(const Session &s, const SessionError &e)
{
    QStringList texts = {e.message,
                         e.nextStep,
                         s.regionSource,
                         s.endpointSource,
                         s.profileSource,
                         s.maxAttemptsSource,
                         s.retryModeSource,
                         s.caBundleSource,
                         s.useFipsSource,
                         s.credentialSource,
                         s.proxies.httpSource,
                         s.proxies.httpsSource,
                         proxyDisplay(s.proxies.http),
                         proxyDisplay(s.proxies.https)};
    if (s.credentials)
        texts.append(s.credentials->description());
    return texts;
}

// What one resolution of the input showed (messages, sources, problems) and the secrets it
// held.
struct Shown
{
    QStringList texts;
    QStringList secrets;
};

// The same input with every letter and digit of `secret` moved to the next one: the same
// syntax, another secret.
QString changed(const QString &secret)
{
    QString out = secret;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            c = QChar(u == u'z' ? u'a' : char16_t(u + 1));
        else if (u >= u'A' && u <= u'Z')
            c = QChar(u == u'Z' ? u'A' : char16_t(u + 1));
        else if (u >= u'0' && u <= u'9')
            c = QChar(u == u'9' ? u'0' : char16_t(u + 1));
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    // The files are rewritten for every input: in memory when the system offers it.
    const QString shm = QStringLiteral("/dev/shm");
    home = QFileInfo(shm).isWritable()
        ? std::make_unique<QTemporaryDir>(shm + QStringLiteral("/syncdeck-fuzz-XXXXXX"))
        : std::make_unique<QTemporaryDir>();
    if (!home->isValid() || !QDir(home->path()).mkpath(QStringLiteral(".aws")))
        qFatal("cannot create a temporary home");
    return 0;
}

namespace {

// Resolves the input every way (catalogue, describe, resolve) and checks every invariant but
// the secrets'.
Shown resolveAll(const QByteArray &input)
{
    Shown shown;
    const QList<QByteArray> part = syncdeck::fuzz::parts(input, 3);
    const QString configPath = home->filePath(QStringLiteral(".aws/config"));
    const QString credentialsPath = home->filePath(QStringLiteral(".aws/credentials"));
    if (!writeFile(configPath, part[0]))
        qFatal("cannot write the config file");
    if (input.contains('\0')) {
        if (!writeFile(credentialsPath, part[1]))
            qFatal("cannot write the credentials file");
    } else {
        QFile::remove(credentialsPath);
    }

    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home->path());
    SessionOptions options;
    options.credentialProcessTimeoutMs = 1000;
    options.networkTimeoutMs = 1000;
    QStringList &secrets = shown.secrets;
    const QString wholeInput = QString::fromUtf8(input);
    for (const QByteArray &line : part[2].split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QString name = QString::fromUtf8(line.first(eq));
        const QString value = QString::fromUtf8(line.sliced(eq + 1));
        if (name == QLatin1String("--profile"))
            options.profile = value;
        else if (name == QLatin1String("--region"))
            options.region = value;
        else if (name == QLatin1String("--endpoint-url"))
            options.endpointUrl = value;
        else if (isAllowedVariable(name))
            env.insert(name, value);
        if (name.endsWith(QLatin1String("_PROXY"), Qt::CaseInsensitive)) {
            const QString text = value.contains(QLatin1String("://"))
                ? value.trimmed()
                : QStringLiteral("http://") + value.trimmed();
            secrets.append(QUrl(text, QUrl::StrictMode).password(QUrl::FullyDecoded));
        } else if (name == QLatin1String("AWS_SECRET_ACCESS_KEY")
                   || name == QLatin1String("AWS_SESSION_TOKEN")) {
            secrets.append(value);
        }
    }

    const AwsConfig config = AwsConfig::load(env);
    const QStringList names = config.profileNames();
    FUZZ_CHECK(QSet<QString>(names.begin(), names.end()).size() == names.size(), names.join(u','));
    for (const QString &name : names) {
        const std::optional<Profile> p = config.profile(name);
        FUZZ_CHECK(p.has_value(), name);
        FUZZ_CHECK(p->name == name && !p->definedAt().isEmpty(), name);
        for (const char *key : {"aws_secret_access_key", "aws_session_token"})
            secrets.append(p->text(QString::fromLatin1(key)));
    }
    const QList<ProfileEntry> catalogue = profileCatalogue(config);
    FUZZ_CHECK(catalogue.size() == names.size(), names.join(u','));
    for (qsizetype i = 0; i < catalogue.size(); ++i) {
        FUZZ_CHECK(catalogue.at(i).name == names.at(i), names.at(i));
        shown.texts += catalogue.at(i).problems;
    }
    secrets.removeIf([&](const QString &s) { return !isCheckableSecret(s, wholeInput); });

    for (const bool strict : {false, true}) {
        QObject parent;
        Session session;
        SessionError error;
        const bool ok = strict ? resolveSession(options, env, &parent, &session, &error)
                               : describeSession(options, env, &parent, &session, &error);
        if (!ok) {
            FUZZ_CHECK(!error.message.isEmpty() && !error.nextStep.isEmpty(), error.message);
        } else {
            FUZZ_CHECK(error.message.isEmpty(), error.message);
            if (strict)
                FUZZ_CHECK(session.credentials != nullptr, session.profile);
            if (strict || session.endpoint.isValid()) {
                const QString scheme = session.endpoint.scheme();
                FUZZ_CHECK(
                    session.endpoint.isValid() && !session.endpoint.host().isEmpty()
                        && (scheme == QLatin1String("https") || scheme == QLatin1String("http")),
                    session.endpoint.toString());
                session.proxies.proxyFor(session.endpoint);
            }
            if (session.credentials)
                FUZZ_CHECK(session.credentials->parent() == &parent, session.profile);
        }
        shown.texts += shownTexts(session, error);
    }
    return shown;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);
    // A ca_bundle naming a device or kernel file would block or read without end: not a parser
    // question, so such inputs are not run.
    for (const char *special : {"/dev/", "/proc/", "/sys/"}) {
        if (input.contains(special))
            return 0;
    }
    const Shown shown = resolveAll(input);
    // A shown text holding a secret may hold it by coincidence ("user:pass" is in the advice on
    // proxy URLs). It is a leak when the text follows the secret: with the secret changed in the
    // input, the text shows the changed secret.
    for (const QString &secret : shown.secrets) {
        const bool suspect = std::any_of(shown.texts.begin(), shown.texts.end(),
                                         [&](const QString &t) { return t.contains(secret); });
        const QString other = changed(secret);
        if (!suspect || other == secret || input.count(secret.toUtf8()) != 1)
            continue;
        QByteArray changedInput = input;
        changedInput.replace(secret.toUtf8(), other.toUtf8());
        for (const QString &text : resolveAll(changedInput).texts)
            FUZZ_CHECK(!text.contains(other), QStringLiteral("secret shown in: ") + text);
    }
    return 0;
}
