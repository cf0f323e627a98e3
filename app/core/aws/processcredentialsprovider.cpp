#include "processcredentialsprovider.h"

#include "awstime.h"
#include "shellwords.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace syncdeck::aws {
namespace {

// Helpers may be chatty on stderr; show enough to act on, not a whole log.
QString excerpt(const QByteArray &bytes)
{
    constexpr qsizetype Limit = 2000;
    QString text = QString::fromUtf8(bytes).trimmed();
    if (text.size() > Limit)
        text = text.left(Limit) + QStringLiteral(" […]");
    return text;
}

} // namespace

ProcessCredentialsProvider::ProcessCredentialsProvider(QString profile, QString command,
                                                       QString location,
                                                       QProcessEnvironment environment,
                                                       QObject *parent)
    : CachingCredentialsProvider(parent)
    , m_profile(std::move(profile))
    , m_command(std::move(command))
    , m_location(std::move(location))
    , m_environment(std::move(environment))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProcessCredentialsProvider::timedOut);
}

ProcessCredentialsProvider::~ProcessCredentialsProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString ProcessCredentialsProvider::description() const
{
    return QStringLiteral("profile ") + m_profile + QStringLiteral(" (credential_process)");
}

CredentialsError ProcessCredentialsProvider::failure(const QString &message) const
{
    return {CredentialsError::Kind::Failed,
            QStringLiteral("credential_process of profile ") + m_profile + QStringLiteral(" (")
                + m_location + QStringLiteral(") ") + message,
            QStringLiteral("Run the command in a terminal to see what it does, fix it or the "
                           "credential_process line, then retry.")};
}

void ProcessCredentialsProvider::fetch()
{
    QStringList arguments;
    QString error;
    if (!splitShellWords(m_command, &arguments, &error)) {
        finish({{}, failure(QStringLiteral("cannot be parsed: ") + error)});
        return;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_environment);
    m_process->setProgram(arguments.takeFirst());
    m_process->setArguments(arguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process.get(), &QProcess::finished, this,
            &ProcessCredentialsProvider::processFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this,
            &ProcessCredentialsProvider::processFailed);
    m_timer.start(m_timeoutMs);
    m_process->start();
}

void ProcessCredentialsProvider::processFailed(QProcess::ProcessError error)
{
    // Crashes and timeouts are reported by finished()/timedOut(); only a failed start is final.
    if (error != QProcess::FailedToStart || !m_process)
        return;
    finish({{},
            failure(QStringLiteral("could not be started: ") + m_process->program()
                    + QStringLiteral(": ") + m_process->errorString())});
}

void ProcessCredentialsProvider::processFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    if (status != QProcess::NormalExit) {
        finish({{},
                failure(QStringLiteral("crashed")
                        + (err.trimmed().isEmpty() ? QString()
                                                   : QStringLiteral(": ") + excerpt(err)))});
        return;
    }
    if (exitCode != 0) {
        finish({{},
                failure(QStringLiteral("exited with code ") + QString::number(exitCode)
                        + (err.trimmed().isEmpty() ? QStringLiteral(" and wrote nothing to stderr")
                                                   : QStringLiteral(": ") + excerpt(err)))});
        return;
    }
    CredentialsResult result = parseOutput(out);
    if (result.error.isError()) {
        result.error = failure(result.error.message);
    } else {
        result.credentials.source = QStringLiteral("process:") + m_location;
    }
    finish(result);
}

void ProcessCredentialsProvider::timedOut()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(1000);
    const QByteArray err = m_process->readAllStandardError();
    finish({{},
            failure(QStringLiteral("did not finish within ") + QString::number(m_timeoutMs)
                    + QStringLiteral(" ms and was stopped")
                    + (err.trimmed().isEmpty() ? QString()
                                               : QStringLiteral("; stderr: ") + excerpt(err)))});
}

void ProcessCredentialsProvider::finish(const CredentialsResult &result)
{
    m_timer.stop();
    if (m_process) {
        m_process->disconnect(this);
        // Deleted later: finish() can run inside one of the process's own signals.
        m_process.release()->deleteLater();
    }
    fetchFinished(result);
}

CredentialsResult ProcessCredentialsProvider::parseOutput(const QByteArray &json)
{
    auto fail = [](const QString &message) {
        return CredentialsResult {{}, {CredentialsError::Kind::Failed, message, {}}};
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("did not print a JSON object on stdout (")
                    + (parseError.error != QJsonParseError::NoError
                           ? parseError.errorString()
                           : QStringLiteral("not an object"))
                    + QStringLiteral(")"));
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QLatin1String("Version"));
    if (!version.isDouble() || version.toDouble() != 1.0) {
        QString shown;
        if (version.isUndefined())
            shown = QStringLiteral("missing");
        else if (version.isDouble())
            shown = QString::number(version.toDouble());
        else if (version.isString())
            shown = u'"' + version.toString() + QStringLiteral("\", a string");
        else
            shown = QStringLiteral("not a number");
        return fail(QStringLiteral("printed an unsupported \"Version\" (") + shown
                    + QStringLiteral("); only Version 1 is supported"));
    }
    CredentialsResult result;
    result.credentials.accessKeyId = o.value(QLatin1String("AccessKeyId")).toString();
    result.credentials.secretAccessKey
        = SecretString(o.value(QLatin1String("SecretAccessKey")).toString());
    result.credentials.sessionToken
        = SecretString(o.value(QLatin1String("SessionToken")).toString());
    if (result.credentials.accessKeyId.isEmpty())
        return fail(QStringLiteral("printed no \"AccessKeyId\""));
    if (result.credentials.secretAccessKey.isEmpty())
        return fail(QStringLiteral("printed no \"SecretAccessKey\""));
    const QJsonValue expiration = o.value(QLatin1String("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        const std::optional<qint64> when
            = awstime::parseIso8601(expiration.toString(), awstime::CredentialExpiryRules);
        if (!when)
            return fail(QStringLiteral("printed an \"Expiration\" that is not an RFC 3339 time: ")
                        + expiration.toString());
        result.credentials.expiration = awstime::toDateTime(*when);
    }
    return result;
}

} // namespace syncdeck::aws
