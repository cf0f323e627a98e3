#pragma once

#include "cachingcredentialsprovider.h"
#include "credentialshttp.h"
#include "mfaprompt.h"
#include "proxysettings.h"

#include <QSslConfiguration>
#include <QUrl>

namespace syncdeck::aws {

// Everything one STS AssumeRole call needs, from the profile's role_arn and friends.
struct AssumeRoleSettings
{
    QString profile;
    QString location; // "file:line" of the profile, for messages and `configure list`
    QString roleArn;
    QString roleSessionName; // empty: "syncdeck-session-<epoch seconds>"
    QString externalId;
    int durationSeconds = 0; // 0: let STS apply its default (3600)
    QString mfaSerial;
    QUrl stsEndpoint;
    QString stsRegion; // signing region
    QSslConfiguration sslConfiguration;
    ProxySettings proxies; // HTTPS_PROXY / NO_PROXY of the session
    int timeoutMs = 30000;
};

// assume role: resolves the source credentials (source_profile or credential_source), then calls
// STS AssumeRole with SyncDeck's own SigV4-signed query-protocol request (POST form body) and
// reads the XML answer. Asks the MFA hook for a code when the profile has mfa_serial.
class AssumeRoleCredentialsProvider final : public CachingCredentialsProvider
{
    Q_OBJECT
public:
    // Takes ownership of `source` (re-parented to this provider).
    AssumeRoleCredentialsProvider(AssumeRoleSettings settings, CredentialsProvider *source,
                                  MfaPrompt mfaPrompt, QObject *parent = nullptr);

    QString description() const override;
    void invalidate() override;

    // Form body of the AssumeRole call (public for tests).
    static QByteArray requestBody(const AssumeRoleSettings &settings, const QString &sessionName,
                                  const QString &tokenCode);
    // Parses an STS answer: AssumeRoleResponse, or ErrorResponse/Error/{Code,Message}.
    static CredentialsResult parseResponse(int httpStatus, const QByteArray &xml);

protected:
    void fetch() override;

private:
    void sourceResolved(const CredentialsResult &source);
    void send(const Credentials &source, const QString &tokenCode);
    void answered(const CredentialsHttp::Answer &answer);
    CredentialsError failure(const QString &message, const QString &nextStep = {}) const;

    AssumeRoleSettings m_settings;
    CredentialsProvider *m_source;
    MfaPrompt m_mfaPrompt;
    CredentialsHttp m_http;
    quint64 m_attempt = 0; // drops late MFA answers for an abandoned fetch
};

} // namespace syncdeck::aws
