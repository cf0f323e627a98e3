#include "ssocredentialsprovider.h"

#include "awstime.h"
#include "sigv4.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace syncdeck::aws {

SsoCredentialsProvider::SsoCredentialsProvider(SsoSettings settings, QObject *parent)
    : CachingCredentialsProvider(parent)
    , m_settings(std::move(settings))
    , m_http(m_settings.proxies)
{ }

QString SsoCredentialsProvider::description() const
{
    return QStringLiteral("profile ") + m_settings.profile + QStringLiteral(" (SSO ")
        + m_settings.accountId + u'/' + m_settings.roleName + u')';
}

QString SsoCredentialsProvider::cacheFilePath(const QString &cacheDirectory,
                                              const QString &sessionName, const QString &startUrl)
{
    const QString key = sessionName.isEmpty() ? startUrl : sessionName;
    const QByteArray hash
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(cacheDirectory).filePath(QString::fromLatin1(hash) + QStringLiteral(".json"));
}

bool SsoCredentialsProvider::parseTokenCache(const QByteArray &json, SsoCachedToken *out)
{
    QJsonParseError parseError;
    const QJsonObject cache = QJsonDocument::fromJson(json, &parseError).object();
    const QString token = cache.value(QLatin1String("accessToken")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty())
        return false;
    out->accessToken = SecretString(token);
    const std::optional<qint64> expiresMs = awstime::parseIso8601(
        cache.value(QLatin1String("expiresAt")).toString(), awstime::CredentialExpiryRules);
    out->expiresAt = expiresMs ? awstime::toDateTime(*expiresMs) : QDateTime();
    return true;
}

bool SsoCredentialsProvider::parseRoleCredentials(const QByteArray &json, Credentials *out)
{
    const QJsonObject body = QJsonDocument::fromJson(json).object();
    const QJsonObject rc = body.value(QLatin1String("roleCredentials")).toObject();
    Credentials c;
    c.accessKeyId = rc.value(QLatin1String("accessKeyId")).toString();
    c.secretAccessKey = SecretString(rc.value(QLatin1String("secretAccessKey")).toString());
    c.sessionToken = SecretString(rc.value(QLatin1String("sessionToken")).toString());
    const QJsonValue expiration = rc.value(QLatin1String("expiration"));
    // Epoch milliseconds. Past year 9999 it is no time the portal sends, and it would not fit
    // the conversion to 64 bits.
    const double ms = expiration.toDouble();
    if (!c.isValid() || !expiration.isDouble() || !(std::fabs(ms) <= 253402300799999.0))
        return false;
    c.expiration = awstime::toDateTime(qint64(ms));
    *out = c;
    return true;
}

CredentialsError SsoCredentialsProvider::loginNeeded(const QString &why) const
{
    return {CredentialsError::Kind::Expired,
            QStringLiteral("the SSO session for profile ") + m_settings.profile + u' ' + why,
            QStringLiteral("Run `aws sso login --profile ") + m_settings.profile
                + QStringLiteral("`, then retry.")};
}

CredentialsError SsoCredentialsProvider::failure(const QString &message,
                                                 const QString &nextStep) const
{
    return {CredentialsError::Kind::Failed,
            QStringLiteral("getting SSO role credentials for profile ") + m_settings.profile
                + QStringLiteral(" (account ") + m_settings.accountId + QStringLiteral(", role ")
                + m_settings.roleName + QStringLiteral(") failed: ") + message,
            nextStep};
}

void SsoCredentialsProvider::fetch()
{
    const QString path
        = cacheFilePath(m_settings.cacheDirectory, m_settings.sessionName, m_settings.startUrl);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fetchFinished(
            {{},
             loginNeeded(QStringLiteral("has no cached token (") + path + QStringLiteral(" ")
                         + (file.exists() ? QStringLiteral("cannot be read")
                                          : QStringLiteral("does not exist"))
                         + u')')});
        return;
    }
    SsoCachedToken cached;
    if (!parseTokenCache(file.read(CredentialsHttp::MaxAnswerBytes), &cached)) {
        fetchFinished({{},
                       loginNeeded(QStringLiteral("has an unreadable token cache (") + path
                                   + QStringLiteral(": no accessToken)"))});
        return;
    }
    const QDateTime &expiresAt = cached.expiresAt;
    if (!expiresAt.isValid() || expiresAt <= now()) {
        fetchFinished(
            {{},
             loginNeeded(expiresAt.isValid() ? QStringLiteral("expired at ")
                                 + QString::fromLatin1(awstime::iso8601(expiresAt))
                                             : QStringLiteral("token has no valid expiresAt"))});
        return;
    }

    QUrl url = m_settings.portalEndpoint;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/federation/credentials"));
    url.setQuery(QStringLiteral("account_id=")
                     + QString::fromLatin1(sigv4::uriEncode(m_settings.accountId.toUtf8()))
                     + QStringLiteral("&role_name=")
                     + QString::fromLatin1(sigv4::uriEncode(m_settings.roleName.toUtf8())),
                 QUrl::StrictMode);
    QNetworkRequest request
        = CredentialsHttp::request(url, m_settings.timeoutMs, m_settings.sslConfiguration);
    request.setRawHeader("x-amz-sso_bearer_token", cached.accessToken.reveal().toUtf8());
    m_http.get(request, CredentialsHttp::MaxAnswerBytes, this,
               [this](const CredentialsHttp::Answer &a) { answered(a); });
}

void SsoCredentialsProvider::answered(const CredentialsHttp::Answer &answer)
{
    const int status = answer.status;
    const QByteArray &bytes = answer.body;
    if (status == 0) {
        fetchFinished({{},
                       failure(QStringLiteral("could not reach the SSO portal at ")
                                   + m_settings.portalEndpoint.toDisplayString()
                                   + QStringLiteral(": ") + answer.errorString,
                               QStringLiteral("Check the network, sso_region and "
                                              "AWS_ENDPOINT_URL_SSO, then retry."))});
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(bytes).object();
    if (status == 401 || status == 403) {
        // The portal says UnauthorizedException for a token it no longer accepts.
        const QString message = body.value(QLatin1String("message")).toString();
        if (status == 401)
            fetchFinished(
                {{},
                 loginNeeded(QStringLiteral("token was refused by the portal")
                             + (message.isEmpty() ? QString() : QStringLiteral(": ") + message))});
        else
            fetchFinished(
                {{},
                 failure(QStringLiteral("HTTP 403 ")
                             + (message.isEmpty() ? QStringLiteral("ForbiddenException") : message),
                         QStringLiteral("Check that sso_account_id and sso_role_name name a role "
                                        "assigned to you, or run `aws sso login --profile ")
                             + m_settings.profile + QStringLiteral("`, then retry."))});
        return;
    }
    if (status < 200 || status >= 300) {
        QString code = QString::fromUtf8(answer.errorType);
        if (code.isEmpty())
            code = body.value(QLatin1String("__type")).toString();
        code = code.section(u':', 0, 0).section(u'#', -1);
        const QString message = body.value(QLatin1String("message")).toString();
        fetchFinished(
            {{},
             failure(QStringLiteral("HTTP ") + QString::number(status) + u' '
                     + (code.isEmpty() ? QStringLiteral("error") : code)
                     + (message.isEmpty() ? QString() : QStringLiteral(": ") + message))});
        return;
    }
    CredentialsResult result;
    if (!parseRoleCredentials(bytes, &result.credentials)) {
        fetchFinished({{},
                       failure(QStringLiteral("the portal's answer has no usable roleCredentials "
                                              "(accessKeyId, secretAccessKey, expiration)"))});
        return;
    }
    result.credentials.source = QStringLiteral("sso:") + m_settings.location;
    fetchFinished(result);
}

} // namespace syncdeck::aws
