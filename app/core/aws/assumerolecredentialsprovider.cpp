#include "assumerolecredentialsprovider.h"

#include "awstime.h"
#include "sigv4.h"

#include <QXmlStreamReader>

namespace syncdeck::aws {
namespace {

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal, as QNetworkAccessManager sends it
    const int port = url.port();
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (port != -1 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace

AssumeRoleCredentialsProvider::AssumeRoleCredentialsProvider(AssumeRoleSettings settings,
                                                             CredentialsProvider *source,
                                                             MfaPrompt mfaPrompt, QObject *parent)
    : CachingCredentialsProvider(parent)
    , m_settings(std::move(settings))
    , m_source(source)
    , m_mfaPrompt(std::move(mfaPrompt))
    , m_http(m_settings.proxies)
{
    m_source->setParent(this);
}

QString AssumeRoleCredentialsProvider::description() const
{
    return QStringLiteral("profile ") + m_settings.profile + QStringLiteral(" (assume role ")
        + m_settings.roleArn + QStringLiteral(")");
}

void AssumeRoleCredentialsProvider::invalidate()
{
    CachingCredentialsProvider::invalidate();
    m_source->invalidate();
}

CredentialsError AssumeRoleCredentialsProvider::failure(const QString &message,
                                                        const QString &nextStep) const
{
    return {CredentialsError::Kind::Failed,
            QStringLiteral("assuming role ") + m_settings.roleArn + QStringLiteral(" for profile ")
                + m_settings.profile + QStringLiteral(" failed: ") + message,
            nextStep};
}

void AssumeRoleCredentialsProvider::fetch()
{
    ++m_attempt;
    m_source->resolve(this, [this](const CredentialsResult &r) { sourceResolved(r); });
}

void AssumeRoleCredentialsProvider::sourceResolved(const CredentialsResult &source)
{
    if (source.error.isError()) {
        CredentialsError e = source.error;
        e.message = QStringLiteral("profile ") + m_settings.profile
            + QStringLiteral(" needs source credentials to assume ") + m_settings.roleArn
            + QStringLiteral(": ") + e.message;
        fetchFinished({{}, e});
        return;
    }
    if (m_settings.mfaSerial.isEmpty()) {
        send(source.credentials, {});
        return;
    }
    if (!m_mfaPrompt) {
        fetchFinished(
            {{},
             {CredentialsError::Kind::NeedsInput,
              QStringLiteral("profile ") + m_settings.profile
                  + QStringLiteral(" requires an MFA code (mfa_serial = ") + m_settings.mfaSerial
                  + QStringLiteral(") and there is no way to ask for one here"),
              QStringLiteral("Run the command in an interactive terminal, or use the "
                             "SyncDeck window, which asks for the code.")}});
        return;
    }
    const quint64 attempt = m_attempt;
    QPointer<AssumeRoleCredentialsProvider> self(this);
    const Credentials sourceCredentials = source.credentials;
    m_mfaPrompt({m_settings.profile, m_settings.mfaSerial},
                [self, attempt, sourceCredentials](const std::optional<QString> &code) {
                    if (!self || attempt != self->m_attempt)
                        return;
                    if (!code || code->trimmed().isEmpty()) {
                        self->fetchFinished(
                            {{},
                             {CredentialsError::Kind::NeedsInput,
                              QStringLiteral("no MFA code was given for profile ")
                                  + self->m_settings.profile + QStringLiteral(" (")
                                  + self->m_settings.mfaSerial + u')',
                              QStringLiteral("Enter the current code of the MFA device, then "
                                             "retry.")}});
                        return;
                    }
                    self->send(sourceCredentials, code->trimmed());
                });
}

QByteArray AssumeRoleCredentialsProvider::requestBody(const AssumeRoleSettings &settings,
                                                      const QString &sessionName,
                                                      const QString &tokenCode)
{
    QList<std::pair<QByteArray, QString>> fields = {
        {"Action", QStringLiteral("AssumeRole")},
        {"Version", QStringLiteral("2011-06-15")},
        {"RoleArn", settings.roleArn},
        {"RoleSessionName", sessionName},
    };
    if (settings.durationSeconds > 0)
        fields.append({"DurationSeconds", QString::number(settings.durationSeconds)});
    if (!settings.externalId.isEmpty())
        fields.append({"ExternalId", settings.externalId});
    if (!settings.mfaSerial.isEmpty()) {
        fields.append({"SerialNumber", settings.mfaSerial});
        fields.append({"TokenCode", tokenCode});
    }
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += name + '=' + sigv4::uriEncode(value.toUtf8());
    }
    return body;
}

void AssumeRoleCredentialsProvider::send(const Credentials &source, const QString &tokenCode)
{
    const QString sessionName = m_settings.roleSessionName.isEmpty()
        ? QStringLiteral("syncdeck-session-") + QString::number(now().toSecsSinceEpoch())
        : m_settings.roleSessionName;
    const QByteArray body = requestBody(m_settings, sessionName, tokenCode);
    const QUrl &url = m_settings.stsEndpoint;
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";

    sigv4::Request request {"POST",
                            path,
                            {},
                            {{"Host", hostHeader(url)},
                             {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
                            body};
    const sigv4::SigningResult signature
        = sigv4::sign(request, {source, m_settings.stsRegion, QStringLiteral("sts"), now(), {}});
    if (!signature.ok()) {
        fetchFinished({{}, failure(QStringLiteral("cannot sign the request: ") + signature.error)});
        return;
    }
    QUrl target = url;
    if (target.path().isEmpty())
        target.setPath(QStringLiteral("/"));
    QNetworkRequest netRequest
        = CredentialsHttp::request(target, m_settings.timeoutMs, m_settings.sslConfiguration);
    for (const sigv4::Header &h : std::as_const(request.headers)) {
        if (h.name != "Host")
            netRequest.setRawHeader(h.name, h.value);
    }
    for (const sigv4::Header &h : signature.headersToAdd)
        netRequest.setRawHeader(h.name, h.value);
    m_http.post(netRequest, body, CredentialsHttp::MaxAnswerBytes, this,
                [this](const CredentialsHttp::Answer &a) { answered(a); });
}

void AssumeRoleCredentialsProvider::answered(const CredentialsHttp::Answer &answer)
{
    if (answer.status == 0) {
        fetchFinished(
            {{},
             failure(QStringLiteral("could not reach STS at ")
                         + m_settings.stsEndpoint.toDisplayString() + QStringLiteral(": ")
                         + answer.errorString,
                     QStringLiteral("Check the network, the region, the STS endpoint "
                                    "(AWS_ENDPOINT_URL_STS) and the CA bundle, then retry."))});
        return;
    }
    CredentialsResult result = parseResponse(answer.status, answer.body);
    if (result.error.isError()) {
        result.error = failure(result.error.message, result.error.nextStep);
    } else {
        result.credentials.source = QStringLiteral("role:") + m_settings.roleArn;
    }
    fetchFinished(result);
}

CredentialsResult AssumeRoleCredentialsProvider::parseResponse(int httpStatus,
                                                               const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QStringList path;
    QString accessKeyId;
    QString secret;
    QString token;
    QString expiration;
    QString code;
    QString message;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType t = reader.readNext();
        if (t == QXmlStreamReader::StartElement) {
            path.append(reader.name().toString());
        } else if (t == QXmlStreamReader::EndElement) {
            if (!path.isEmpty())
                path.removeLast();
        } else if (t == QXmlStreamReader::Characters && path.size() >= 2) {
            const QString &leaf = path.last();
            const QString &parent = path.at(path.size() - 2);
            const QString text = reader.text().toString();
            if (parent == QLatin1String("Credentials") && path.size() >= 3
                && path.at(path.size() - 3) == QLatin1String("AssumeRoleResult")) {
                if (leaf == QLatin1String("AccessKeyId"))
                    accessKeyId += text;
                else if (leaf == QLatin1String("SecretAccessKey"))
                    secret += text;
                else if (leaf == QLatin1String("SessionToken"))
                    token += text;
                else if (leaf == QLatin1String("Expiration"))
                    expiration += text;
            } else if (parent == QLatin1String("Error")) {
                if (leaf == QLatin1String("Code"))
                    code += text;
                else if (leaf == QLatin1String("Message"))
                    message += text;
            }
        }
    }
    const bool malformed = reader.hasError();
    auto fail = [](const QString &m, const QString &next = {}) {
        return CredentialsResult {{}, {CredentialsError::Kind::Failed, m, next}};
    };
    if (httpStatus < 200 || httpStatus >= 300) {
        if (code.isEmpty())
            return fail(QStringLiteral("STS answered HTTP ") + QString::number(httpStatus)
                        + (malformed ? QStringLiteral(" with a body that is not XML")
                                     : QStringLiteral(" without an error code")));
        QString next;
        if (code == QLatin1String("ExpiredToken") || code == QLatin1String("InvalidClientTokenId")
            || code == QLatin1String("SignatureDoesNotMatch"))
            next = QStringLiteral("The source credentials are expired or wrong: refresh them "
                                  "(or the source profile), then retry.");
        else if (code == QLatin1String("AccessDenied"))
            next = QStringLiteral("Check the role's trust policy and that the source identity "
                                  "may call sts:AssumeRole on it.");
        return fail(code + QStringLiteral(": ") + message.trimmed(), next);
    }
    if (malformed)
        return fail(QStringLiteral("STS answered with malformed XML (") + reader.errorString()
                    + QStringLiteral(" at line ") + QString::number(reader.lineNumber()) + u')');
    if (accessKeyId.isEmpty() || secret.isEmpty() || token.isEmpty())
        return fail(QStringLiteral("STS answered without AssumeRoleResult/Credentials"));
    CredentialsResult result;
    result.credentials.accessKeyId = accessKeyId.trimmed();
    result.credentials.secretAccessKey = SecretString(secret.trimmed());
    result.credentials.sessionToken = SecretString(token.trimmed());
    const std::optional<qint64> expiresMs
        = awstime::parseIso8601(expiration.trimmed(), awstime::CredentialExpiryRules);
    if (!expiresMs)
        return fail(QStringLiteral("STS answered with an unreadable Expiration: ")
                    + expiration.trimmed());
    result.credentials.expiration = awstime::toDateTime(*expiresMs);
    return result;
}

} // namespace syncdeck::aws
