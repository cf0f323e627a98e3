#pragma once

#include "cachingcredentialsprovider.h"
#include "credentialshttp.h"
#include "proxysettings.h"

#include <QSslConfiguration>
#include <QUrl>

namespace syncdeck::aws {

// What an IAM Identity Center profile names: the session (or legacy start URL), account, role.
struct SsoSettings
{
    QString profile;
    QString location; // "file:line" of the profile
    QString sessionName; // sso_session; empty for legacy profiles
    QString startUrl;
    QString ssoRegion;
    QString accountId;
    QString roleName;
    QString cacheDirectory; // ~/.aws/sso/cache of the resolution environment
    QUrl portalEndpoint; // https://portal.sso.{sso_region}.amazonaws.com or an override
    QSslConfiguration sslConfiguration;
    ProxySettings proxies; // HTTPS_PROXY / NO_PROXY of the session
    int timeoutMs = 30000;
};

// What `aws sso login` cached for a session.
struct SsoCachedToken
{
    SecretString accessToken;
    QDateTime expiresAt; // invalid when absent or not an ISO 8601 time
};

// IAM Identity Center (SSO): reads the token that `aws sso login` cached, then asks the portal's
// GetRoleCredentials (an unsigned GET with x-amz-sso_bearer_token) for role credentials. The
// cache file is read on every fetch, so Retry after `aws sso login` picks up the new token.
class SsoCredentialsProvider final : public CachingCredentialsProvider
{
    Q_OBJECT
public:
    explicit SsoCredentialsProvider(SsoSettings settings, QObject *parent = nullptr);

    QString description() const override;

    // ~/.aws/sso/cache/<sha1 hex of the session name, or of the start URL>.json
    static QString cacheFilePath(const QString &cacheDirectory, const QString &sessionName,
                                 const QString &startUrl);
    // Reads a token cache file's bytes. False when they hold no accessToken (not JSON, not an
    // object, or no non-empty accessToken string); the expiry is checked by the caller.
    static bool parseTokenCache(const QByteArray &json, SsoCachedToken *out);
    // Reads the roleCredentials of a successful GetRoleCredentials answer. False when the
    // answer lacks accessKeyId, secretAccessKey or a usable expiration (epoch milliseconds).
    static bool parseRoleCredentials(const QByteArray &json, Credentials *out);

protected:
    void fetch() override;

private:
    void answered(const CredentialsHttp::Answer &answer);
    CredentialsError loginNeeded(const QString &why) const;
    CredentialsError failure(const QString &message, const QString &nextStep = {}) const;

    SsoSettings m_settings;
    CredentialsHttp m_http;
};

} // namespace syncdeck::aws
