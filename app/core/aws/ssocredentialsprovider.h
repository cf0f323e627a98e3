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
