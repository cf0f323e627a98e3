#pragma once

#include "credentialsprovider.h"
#include "mfaprompt.h"
#include "profilecatalogue.h"
#include "proxysettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

// Resolution of profile, region, endpoint, retry settings and the credential chain exactly as the
// AWS CLI v2 does it, from the shared files and an environment object (never the process
// environment: callers pass QProcessEnvironment::systemEnvironment() or a test's own).
namespace syncdeck::aws {

// Explicit choices (GUI fields, --profile/--region/--endpoint-url/--ca-bundle). Empty = not given.
struct SessionOptions
{
    QString profile, region, endpointUrl, caBundle;
    // An explicit CloudWatch Logs endpoint; empty: endpointUrl (if given) aims both services, as
    // the one endpoint of the emulator serves both.
    QString logsEndpointUrl;
    // Asked for an MFA code by assume-role profiles with mfa_serial; empty: such profiles fail
    // with a message saying that a code is needed.
    MfaPrompt mfaPrompt;
    int credentialProcessTimeoutMs = 60000;
    int networkTimeoutMs = 30000; // STS and SSO portal calls
};

// Where every value came from is kept beside it ("--region", "env AWS_REGION", "file:line",
// "default"), for `configure list` and the GUI's settings view.
struct Session
{
    QString profile;
    QString region, regionSource;
    QUrl endpoint;
    QString endpointSource;
    int maxAttempts = 3;
    QString retryMode = QStringLiteral("standard");
    QString caBundle;
    ProxySettings proxies; // from HTTPS_PROXY / HTTP_PROXY / NO_PROXY
    CredentialsProvider *credentials = nullptr; // child of the parent given to resolveSession

    QString profileSource; // "--profile", "env AWS_PROFILE" or "default"
    bool profileExists = false; // false only for an absent `default` profile
    QString maxAttemptsSource, retryModeSource, caBundleSource;
    bool useFips = false;
    QString useFipsSource;
    bool useDualStack = false; // AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint
    QString useDualStackSource;
    // CloudWatch Logs (the run reports), resolved by the same rule as the Q Business endpoint:
    // explicit > AWS_ENDPOINT_URL_CLOUDWATCH_LOGS > AWS_ENDPOINT_URL > [services]
    // cloudwatch_logs.endpoint_url > endpoint_url > the Logs rule set. A Logs setting that
    // cannot be resolved never fails the session (Q Business must not wait on Logs): the
    // endpoint stays empty and logsEndpointError/logsEndpointNextStep say why.
    QUrl logsEndpoint;
    QString logsEndpointSource;
    QString logsEndpointError, logsEndpointNextStep;
    CredentialKind credentialKind = CredentialKind::None;
    QString credentialSource; // "env", "file:line" of the keys, the process or role profile
    QString configPath, credentialsPath;
};

struct SessionError
{
    QString message; // what is wrong, naming the profile, file:line or variable
    QString nextStep; // what to do about it
};

// Resolves everything; on success *out is filled and out->credentials is a new provider owned by
// `parent`. Nothing here touches the network or runs a helper: that happens on the first
// out->credentials->resolve(). A CredentialsError::Kind::Expired (SSO) or NeedsInput (MFA) result
// is meant for a Retry button: invalidate() then resolve() again re-reads the SSO token cache and
// asks for a new MFA code. Fails (returns false, *error set) for configuration errors: a missing
// named profile, a syntax error in the chosen profile, no region and no endpoint, FIPS with a
// custom endpoint, an invalid max_attempts/retry_mode/ca_bundle, a proxy variable that is not a
// proxy URL, a broken role chain, or no credentials at all.
bool resolveSession(const SessionOptions &options, const QProcessEnvironment &env, QObject *parent,
                    Session *out, SessionError *error);

// Like resolveSession(), but "no credentials" and "no region" are not errors: the Session says
// so (credentials == nullptr, empty region). For `configure list` and settings views.
bool describeSession(const SessionOptions &options, const QProcessEnvironment &env, QObject *parent,
                     Session *out, SessionError *error);

} // namespace syncdeck::aws
