#include "session.h"

#include "assumerolecredentialsprovider.h"
#include "awsconfig.h"
#include "endpointresolver.h"
#include "processcredentialsprovider.h"
#include "ssocredentialsprovider.h"
#include "tls.h"

#include <QDir>

namespace syncdeck::aws {
namespace {

// A value and where it came from.
struct Sourced
{
    QString value;
    QString source;
    bool isSet() const { return !source.isEmpty(); }
};

Sourced fromEnv(const QProcessEnvironment &env, const QString &name)
{
    const QString v = env.value(name);
    if (v.isEmpty())
        return {};
    return {v, QStringLiteral("env ") + name};
}

Sourced fromProfile(const std::optional<Profile> &profile, const QString &key)
{
    if (!profile)
        return {};
    const ConfigValue v = profile->value(key);
    if (!v.isSet())
        return {};
    return {v.value, v.location()};
}

Sourced firstOf(std::initializer_list<Sourced> candidates)
{
    for (const Sourced &c : candidates) {
        if (c.isSet())
            return c;
    }
    return {};
}

// botocore's ensure_boolean: only "true" (any case) is true.
bool isTrue(const QString &value)
{
    return value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

// One resolution: the files, the environment and the settings the providers share.
struct Resolver
{
    const SessionOptions &options;
    const QProcessEnvironment &env;
    AwsConfig config;
    std::optional<Profile> profile;
    Session session;
    SessionError error;

    bool fail(const QString &message, const QString &nextStep)
    {
        error = {message, nextStep};
        return false;
    }

    bool ignoreConfiguredEndpoints() const
    {
        const Sourced flag
            = firstOf({fromEnv(env, QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")),
                       fromProfile(profile, QStringLiteral("ignore_configured_endpoint_urls"))});
        return flag.isSet() && isTrue(flag.value);
    }

    // The configured (not explicit) endpoint of a service, in the AWS CLI's order:
    // AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > [services] <key>.endpoint_url > endpoint_url.
    Sourced configuredEndpoint(const QString &envSuffix, const QString &servicesKey) const
    {
        if (ignoreConfiguredEndpoints())
            return {};
        Sourced fromServices;
        const Sourced servicesName = fromProfile(profile, QStringLiteral("services"));
        if (servicesName.isSet()) {
            if (const auto services = config.services(servicesName.value)) {
                const ConfigValue block = services->values.value(servicesKey);
                const ConfigValue url = block.subValues.value(QStringLiteral("endpoint_url"));
                if (url.isSet())
                    fromServices = {url.value, url.location()};
            }
        }
        return firstOf({fromEnv(env, QStringLiteral("AWS_ENDPOINT_URL_") + envSuffix),
                        fromEnv(env, QStringLiteral("AWS_ENDPOINT_URL")), fromServices,
                        fromProfile(profile, QStringLiteral("endpoint_url"))});
    }

    bool resolveSettings(bool requireRegion)
    {
        // Profile: explicit > AWS_PROFILE > default.
        if (!options.profile.isEmpty()) {
            session.profile = options.profile;
            session.profileSource = QStringLiteral("--profile");
        } else if (!env.value(QStringLiteral("AWS_PROFILE")).isEmpty()) {
            session.profile = env.value(QStringLiteral("AWS_PROFILE"));
            session.profileSource = QStringLiteral("env AWS_PROFILE");
        } else {
            session.profile = QStringLiteral("default");
            session.profileSource = QStringLiteral("default");
        }
        session.configPath = config.configPath();
        session.credentialsPath = config.credentialsPath();
        for (const ConfigIssue &issue : config.fileIssues()) {
            // An unreadable file hides every profile in it; keys before any header hide nothing.
            if (issue.line == 0)
                return fail(issue.toString(), QStringLiteral("Fix the file's permissions."));
        }
        profile = config.profile(session.profile);
        session.profileExists = profile.has_value();
        if (!profile && session.profileSource != QLatin1String("default")) {
            return fail(QStringLiteral("The config profile (") + session.profile
                            + QStringLiteral(") could not be found (looked in ")
                            + config.configPath() + QStringLiteral(" and ")
                            + config.credentialsPath() + u')',
                        QStringLiteral("Pick one of `syncdeck-cli configure list-profiles`, or "
                                       "add [profile ")
                            + session.profile + QStringLiteral("] to the config file."));
        }
        if (profile && !profile->issues.isEmpty()) {
            return fail(QStringLiteral("profile ") + session.profile
                            + QStringLiteral(" cannot be used: ")
                            + profile->issues.first().toString(),
                        QStringLiteral("Fix that line (other profiles are not affected)."));
        }

        // Region: explicit > AWS_REGION > AWS_DEFAULT_REGION > profile.
        const Sourced region = firstOf({options.region.isEmpty()
                                            ? Sourced {}
                                            : Sourced {options.region, QStringLiteral("--region")},
                                        fromEnv(env, QStringLiteral("AWS_REGION")),
                                        fromEnv(env, QStringLiteral("AWS_DEFAULT_REGION")),
                                        fromProfile(profile, QStringLiteral("region"))});
        session.region = region.value.trimmed();
        session.regionSource = region.source;

        const Sourced fips = firstOf({fromEnv(env, QStringLiteral("AWS_USE_FIPS_ENDPOINT")),
                                      fromProfile(profile, QStringLiteral("use_fips_endpoint"))});
        session.useFips = fips.isSet() && isTrue(fips.value);
        session.useFipsSource = fips.isSet() ? fips.source : QStringLiteral("default");
        const Sourced dualStack
            = firstOf({fromEnv(env, QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT")),
                       fromProfile(profile, QStringLiteral("use_dualstack_endpoint"))});
        session.useDualStack = dualStack.isSet() && isTrue(dualStack.value);
        session.useDualStackSource
            = dualStack.isSet() ? dualStack.source : QStringLiteral("default");

        const Sourced attempts = firstOf({fromEnv(env, QStringLiteral("AWS_MAX_ATTEMPTS")),
                                          fromProfile(profile, QStringLiteral("max_attempts"))});
        if (attempts.isSet()) {
            bool ok = false;
            const int n = attempts.value.trimmed().toInt(&ok);
            if (!ok || n < 1)
                return fail(QStringLiteral("max_attempts (") + attempts.source
                                + QStringLiteral(") must be a whole number of at least 1, not \"")
                                + attempts.value + u'"',
                            QStringLiteral("Set it to e.g. 3 (the default), or remove it."));
            session.maxAttempts = n;
            session.maxAttemptsSource = attempts.source;
        } else {
            session.maxAttemptsSource = QStringLiteral("default");
        }

        const Sourced mode = firstOf({fromEnv(env, QStringLiteral("AWS_RETRY_MODE")),
                                      fromProfile(profile, QStringLiteral("retry_mode"))});
        if (mode.isSet()) {
            const QString m = mode.value.trimmed().toLower();
            if (m != QLatin1String("standard") && m != QLatin1String("legacy")
                && m != QLatin1String("adaptive"))
                return fail(QStringLiteral("retry_mode (") + mode.source
                                + QStringLiteral(") must be standard, legacy or adaptive, not \"")
                                + mode.value + u'"',
                            QStringLiteral("Set it to standard (the default), or remove it."));
            session.retryMode = m;
            session.retryModeSource = mode.source;
        } else {
            session.retryModeSource = QStringLiteral("default");
        }

        const Sourced ca = firstOf({options.caBundle.isEmpty()
                                        ? Sourced {}
                                        : Sourced {options.caBundle, QStringLiteral("--ca-bundle")},
                                    fromEnv(env, QStringLiteral("AWS_CA_BUNDLE")),
                                    fromProfile(profile, QStringLiteral("ca_bundle"))});
        session.caBundle = ca.value;
        session.caBundleSource = ca.source;
        if (!session.caBundle.isEmpty()) {
            QString tlsError;
            sslConfigurationFor(QUrl(QStringLiteral("https://example.com")), session.caBundle,
                                &tlsError);
            if (!tlsError.isEmpty())
                return fail(tlsError + QStringLiteral(" (set by ") + ca.source + u')',
                            QStringLiteral("Point the CA bundle setting at a readable PEM file."));
        }

        QString proxyError;
        if (!readProxySettings(env, &session.proxies, &proxyError))
            return fail(proxyError,
                        QStringLiteral("Set it to http://host:port (or socks5://host:port), with "
                                       "user:password@ if the proxy needs it, or unset it."));

        resolveLogsEndpoint();
        // Endpoint: explicit > configured (unless ignored) > the rule set.
        Sourced endpoint = options.endpointUrl.isEmpty()
            ? configuredEndpoint(QStringLiteral("QBUSINESS"), QStringLiteral("qbusiness"))
            : Sourced {options.endpointUrl, QStringLiteral("--endpoint-url")};
        if (!requireRegion && session.region.isEmpty() && !endpoint.isSet())
            return true;
        EndpointParams params;
        if (!session.region.isEmpty())
            params.region = session.region;
        params.useFips = session.useFips;
        if (endpoint.isSet())
            params.endpoint = endpoint.value.trimmed();
        const EndpointResult resolved = resolveQBusinessEndpoint(params);
        if (!resolved.ok()) {
            QString next;
            if (!params.region)
                next = QStringLiteral("Choose a region: --region, AWS_REGION, or `region = ...` "
                                      "in the profile.");
            else if (params.endpoint && params.useFips)
                next = QStringLiteral("Turn off use_fips_endpoint / AWS_USE_FIPS_ENDPOINT, or "
                                      "remove the custom endpoint (")
                    + endpoint.source + u')';
            else
                next = QStringLiteral("Correct the region or endpoint setting.");
            return fail(resolved.error, next);
        }
        session.endpoint = resolved.url;
        session.endpointSource = endpoint.isSet()
            ? endpoint.source
            : QStringLiteral("rule set (region ") + session.region + u')';
        return true;
    }

    // The same rule as the Q Business endpoint, for CloudWatch Logs; never fails the session.
    void resolveLogsEndpoint()
    {
        Sourced endpoint;
        if (!options.logsEndpointUrl.isEmpty())
            endpoint = {options.logsEndpointUrl, QStringLiteral("--logs-endpoint-url")};
        else if (!options.endpointUrl.isEmpty())
            endpoint = {options.endpointUrl, QStringLiteral("--endpoint-url")};
        else
            endpoint = configuredEndpoint(QStringLiteral("CLOUDWATCH_LOGS"),
                                          QStringLiteral("cloudwatch_logs"));
        if (session.region.isEmpty() && !endpoint.isSet()) {
            session.logsEndpointError = QStringLiteral("Invalid Configuration: Missing Region");
            session.logsEndpointNextStep = QStringLiteral(
                "Choose a region: --region, AWS_REGION, or `region = ...` in the profile.");
            return;
        }
        EndpointParams params;
        if (!session.region.isEmpty())
            params.region = session.region;
        params.useFips = session.useFips;
        params.useDualStack = session.useDualStack;
        if (endpoint.isSet())
            params.endpoint = endpoint.value.trimmed();
        const EndpointResult resolved = aws::resolveLogsEndpoint(params);
        if (!resolved.ok()) {
            session.logsEndpointError = resolved.error;
            session.logsEndpointNextStep = endpoint.isSet()
                ? QStringLiteral("Turn off use_fips_endpoint / use_dualstack_endpoint for this "
                                 "profile, or remove the custom endpoint (")
                    + endpoint.source + u')'
                : QStringLiteral("Correct the region or endpoint setting.");
            return;
        }
        session.logsEndpoint = resolved.url;
        session.logsEndpointSource = endpoint.isSet()
            ? endpoint.source
            : QStringLiteral("rule set (region ") + session.region + u')';
    }

    QSslConfiguration tlsFor(const QUrl &url) const
    {
        QString ignored; // the bundle was checked in resolveSettings()
        return sslConfigurationFor(url, session.caBundle, &ignored);
    }

    CredentialsProvider *environmentKeys(CredentialKind *kind, QString *source, bool *found)
    {
        const QString id = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
        const QString secret = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        *found = !id.isEmpty() || !secret.isEmpty();
        if (!*found)
            return nullptr;
        if (id.isEmpty() || secret.isEmpty()) {
            fail(QStringLiteral("Partial credentials in the environment: ")
                     + (id.isEmpty() ? QStringLiteral("AWS_SECRET_ACCESS_KEY is set but "
                                                      "AWS_ACCESS_KEY_ID is not")
                                     : QStringLiteral("AWS_ACCESS_KEY_ID is set but "
                                                      "AWS_SECRET_ACCESS_KEY is not")),
                 QStringLiteral("Set both variables, or unset both."));
            return nullptr;
        }
        Credentials c;
        c.accessKeyId = id;
        c.secretAccessKey = SecretString(secret);
        c.sessionToken = SecretString(env.value(QStringLiteral("AWS_SESSION_TOKEN")));
        c.source = QStringLiteral("env");
        *kind = CredentialKind::Environment;
        *source = QStringLiteral("env AWS_ACCESS_KEY_ID");
        return new StaticCredentialsProvider(c);
    }

    CredentialsProvider *profileKeys(const Profile &p, CredentialKind *kind, QString *source)
    {
        const ConfigValue id = p.value(QStringLiteral("aws_access_key_id"));
        const ConfigValue secret = p.value(QStringLiteral("aws_secret_access_key"));
        if (id.value.isEmpty() || secret.value.isEmpty()) {
            const ConfigValue &present = id.isSet() ? id : secret;
            fail(QStringLiteral("Partial credentials in profile ") + p.name + QStringLiteral(" (")
                     + present.location() + QStringLiteral("): ")
                     + (id.value.isEmpty() ? QStringLiteral("aws_access_key_id")
                                           : QStringLiteral("aws_secret_access_key"))
                     + QStringLiteral(" is missing or empty"),
                 QStringLiteral("Give both aws_access_key_id and aws_secret_access_key."));
            return nullptr;
        }
        Credentials c;
        c.accessKeyId = id.value;
        c.secretAccessKey = SecretString(secret.value);
        c.sessionToken = SecretString(p.text(QStringLiteral("aws_session_token")));
        c.source = QStringLiteral("file:") + id.location();
        *kind = c.hasSessionToken() ? CredentialKind::SessionKeys : CredentialKind::StaticKeys;
        *source = id.location();
        return new StaticCredentialsProvider(c);
    }

    CredentialsProvider *ssoProvider(const Profile &p, QString *source)
    {
        SsoSettings s;
        s.profile = p.name;
        s.location = p.definedAt();
        s.accountId = p.text(QStringLiteral("sso_account_id"));
        s.roleName = p.text(QStringLiteral("sso_role_name"));
        const QString sessionName = p.text(QStringLiteral("sso_session"));
        if (!sessionName.isEmpty()) {
            const auto section = config.ssoSession(sessionName);
            if (!section) {
                fail(QStringLiteral("profile ") + p.name + QStringLiteral(" names sso_session ")
                         + sessionName + QStringLiteral(" (")
                         + p.value(QStringLiteral("sso_session")).location()
                         + QStringLiteral("), but there is no [sso-session ") + sessionName
                         + QStringLiteral("] in ") + config.configPath(),
                     QStringLiteral("Add the section (aws configure sso does), or fix the name."));
                return nullptr;
            }
            if (!section->issues.isEmpty()) {
                fail(section->issues.first().toString(), QStringLiteral("Fix that line."));
                return nullptr;
            }
            s.sessionName = sessionName;
            s.startUrl = section->values.value(QStringLiteral("sso_start_url")).value;
            s.ssoRegion = section->values.value(QStringLiteral("sso_region")).value;
            // The AWS CLI refuses a profile whose own legacy keys contradict its session.
            for (const char *key : {"sso_start_url", "sso_region"}) {
                const QString k = QString::fromLatin1(key);
                const ConfigValue own = p.value(k);
                const QString fromSession = section->values.value(k).value;
                if (own.isSet() && own.value != fromSession) {
                    fail(QStringLiteral("profile ") + p.name + QStringLiteral(": ") + k
                             + QStringLiteral(" (") + own.location()
                             + QStringLiteral(") differs from the one of [sso-session ")
                             + sessionName + QStringLiteral("] (") + section->location() + u')',
                         QStringLiteral("Remove ") + k
                             + QStringLiteral(" from the profile; the session defines it."));
                    return nullptr;
                }
            }
            for (const auto &[key, value] :
                 {std::pair {"sso_start_url", s.startUrl}, std::pair {"sso_region", s.ssoRegion}}) {
                if (value.isEmpty()) {
                    fail(QStringLiteral("[sso-session ") + sessionName + QStringLiteral("] (")
                             + section->location() + QStringLiteral(") has no ")
                             + QString::fromLatin1(key),
                         QStringLiteral("Add it, or run `aws configure sso-session`."));
                    return nullptr;
                }
            }
        } else {
            s.startUrl = p.text(QStringLiteral("sso_start_url"));
            s.ssoRegion = p.text(QStringLiteral("sso_region"));
        }
        QStringList missing;
        if (s.startUrl.isEmpty())
            missing << QStringLiteral("sso_start_url");
        if (s.ssoRegion.isEmpty())
            missing << QStringLiteral("sso_region");
        if (s.accountId.isEmpty())
            missing << QStringLiteral("sso_account_id");
        if (s.roleName.isEmpty())
            missing << QStringLiteral("sso_role_name");
        if (!missing.isEmpty()) {
            fail(QStringLiteral("SSO profile ") + p.name + QStringLiteral(" (") + p.definedAt()
                     + QStringLiteral(") is missing ") + missing.join(QStringLiteral(", ")),
                 QStringLiteral("Run `aws configure sso --profile ") + p.name
                     + QStringLiteral("` or add the missing keys."));
            return nullptr;
        }
        s.cacheDirectory
            = QDir(AwsConfig::homeDirectory(env)).filePath(QStringLiteral(".aws/sso/cache"));
        const Sourced configured = configuredEndpoint(QStringLiteral("SSO"), QStringLiteral("sso"));
        EndpointParams params;
        params.region = s.ssoRegion;
        if (configured.isSet())
            params.endpoint = configured.value.trimmed();
        const EndpointResult portal = resolveSsoPortalEndpoint(params);
        if (!portal.ok()) {
            fail(QStringLiteral("SSO portal endpoint for profile ") + p.name + QStringLiteral(": ")
                     + portal.error,
                 QStringLiteral("Check sso_region and AWS_ENDPOINT_URL_SSO."));
            return nullptr;
        }
        s.portalEndpoint = portal.url;
        s.sslConfiguration = tlsFor(portal.url);
        s.proxies = session.proxies;
        s.timeoutMs = options.networkTimeoutMs;
        *source = p.definedAt();
        return new SsoCredentialsProvider(s);
    }

    CredentialsProvider *assumeRoleProvider(const Profile &p, QStringList visited, QString *source)
    {
        const ConfigValue sourceProfile = p.value(QStringLiteral("source_profile"));
        const ConfigValue credentialSource = p.value(QStringLiteral("credential_source"));
        if (sourceProfile.isSet() && credentialSource.isSet()) {
            fail(QStringLiteral("profile ") + p.name + QStringLiteral(" has both source_profile (")
                     + sourceProfile.location() + QStringLiteral(") and credential_source (")
                     + credentialSource.location() + u')',
                 QStringLiteral("Keep only one of them."));
            return nullptr;
        }
        if (!sourceProfile.isSet() && !credentialSource.isSet()) {
            fail(QStringLiteral("profile ") + p.name + QStringLiteral(" has role_arn (")
                     + p.value(QStringLiteral("role_arn")).location()
                     + QStringLiteral(") but neither source_profile nor credential_source"),
                 QStringLiteral("Add source_profile = <profile with keys> or credential_source "
                                "= Environment."));
            return nullptr;
        }
        CredentialsProvider *sourceProvider = nullptr;
        if (credentialSource.isSet()) {
            if (credentialSource.value != QLatin1String("Environment")) {
                fail(QStringLiteral("profile ") + p.name + QStringLiteral(": credential_source ")
                         + credentialSource.value + QStringLiteral(" (")
                         + credentialSource.location()
                         + QStringLiteral(") is not supported by SyncDeck (only Environment is; "
                                          "Ec2InstanceMetadata and EcsContainer are not)"),
                     QStringLiteral("Use credential_source = Environment or a source_profile."));
                return nullptr;
            }
            CredentialKind k;
            QString s;
            bool found = false;
            sourceProvider = environmentKeys(&k, &s, &found);
            if (!found && error.message.isEmpty())
                fail(QStringLiteral("profile ") + p.name
                         + QStringLiteral(" takes its source credentials from the environment "
                                          "(credential_source = Environment), but "
                                          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not "
                                          "set"),
                     QStringLiteral("Set both variables, then retry."));
            if (!sourceProvider)
                return nullptr;
        } else {
            visited.append(p.name);
            const QString name = sourceProfile.value;
            if (name == p.name) {
                // A profile may take its source keys from itself (role_arn beside the keys).
                if (!p.has(QStringLiteral("aws_access_key_id"))) {
                    fail(QStringLiteral("profile ") + p.name
                             + QStringLiteral(" names itself as source_profile but has no "
                                              "aws_access_key_id"),
                         QStringLiteral("Point source_profile at a profile with credentials."));
                    return nullptr;
                }
                CredentialKind k;
                QString s;
                sourceProvider = profileKeys(p, &k, &s);
            } else {
                if (visited.contains(name)) {
                    fail(QStringLiteral("source_profile loop: ")
                             + (visited + QStringList {name}).join(QStringLiteral(" -> ")),
                         QStringLiteral("Break the loop: one profile of the chain must have keys "
                                        "of its own (or SSO, or credential_process)."));
                    return nullptr;
                }
                const std::optional<Profile> next = config.profile(name);
                if (!next) {
                    fail(QStringLiteral("profile ") + p.name
                             + QStringLiteral(" names source_profile ") + name
                             + QStringLiteral(" (") + sourceProfile.location()
                             + QStringLiteral("), which does not exist"),
                         QStringLiteral("Fix the name or add the profile."));
                    return nullptr;
                }
                if (!next->issues.isEmpty()) {
                    fail(QStringLiteral("source profile ") + name
                             + QStringLiteral(" cannot be used: ")
                             + next->issues.first().toString(),
                         QStringLiteral("Fix that line."));
                    return nullptr;
                }
                CredentialKind k;
                QString s;
                sourceProvider = profileProvider(*next, visited, &k, &s);
                if (!sourceProvider && error.message.isEmpty())
                    fail(QStringLiteral("source profile ") + name + QStringLiteral(" (")
                             + next->definedAt()
                             + QStringLiteral(") has no credentials (no keys, role, SSO or "
                                              "credential_process)"),
                         QStringLiteral("Add credentials to it, or pick another source_profile."));
            }
            if (!sourceProvider)
                return nullptr;
        }

        AssumeRoleSettings s;
        s.profile = p.name;
        s.location = p.definedAt();
        s.roleArn = p.text(QStringLiteral("role_arn"));
        s.roleSessionName = p.text(QStringLiteral("role_session_name"));
        s.externalId = p.text(QStringLiteral("external_id"));
        s.mfaSerial = p.text(QStringLiteral("mfa_serial"));
        const ConfigValue duration = p.value(QStringLiteral("duration_seconds"));
        if (duration.isSet()) {
            bool ok = false;
            s.durationSeconds = duration.value.toInt(&ok);
            if (!ok || s.durationSeconds < 900 || s.durationSeconds > 43200) {
                delete sourceProvider;
                fail(QStringLiteral("duration_seconds (") + duration.location()
                         + QStringLiteral(") must be a number of seconds from 900 to 43200, not \"")
                         + duration.value + u'"',
                     QStringLiteral("Set e.g. duration_seconds = 3600, or remove it."));
                return nullptr;
            }
        }
        const Sourced configured = configuredEndpoint(QStringLiteral("STS"), QStringLiteral("sts"));
        EndpointParams params;
        if (!session.region.isEmpty())
            params.region = session.region;
        params.useFips = session.useFips && !configured.isSet();
        if (configured.isSet())
            params.endpoint = configured.value.trimmed();
        const EndpointResult sts = resolveStsEndpoint(params);
        if (!sts.ok()) {
            delete sourceProvider;
            fail(QStringLiteral("STS endpoint for profile ") + p.name + QStringLiteral(": ")
                     + sts.error,
                 QStringLiteral("Check the region and AWS_ENDPOINT_URL_STS."));
            return nullptr;
        }
        s.stsEndpoint = sts.url;
        s.stsRegion = session.region.isEmpty() ? QStringLiteral("us-east-1") : session.region;
        s.sslConfiguration = tlsFor(sts.url);
        s.proxies = session.proxies;
        s.timeoutMs = options.networkTimeoutMs;
        *source = p.value(QStringLiteral("role_arn")).location();
        return new AssumeRoleCredentialsProvider(s, sourceProvider, options.mfaPrompt);
    }

    // The provider a profile's own keys select (chain order), or nullptr: with error set for a
    // configuration error, with error empty when the profile has no credentials.
    CredentialsProvider *profileProvider(const Profile &p, const QStringList &visited,
                                         CredentialKind *kind, QString *source)
    {
        *kind = profileCredentialKind(p, config.credentialsPath());
        switch (*kind) {
        case CredentialKind::AssumeRole:
            return assumeRoleProvider(p, visited, source);
        case CredentialKind::Sso:
            return ssoProvider(p, source);
        case CredentialKind::StaticKeys:
        case CredentialKind::SessionKeys:
            return profileKeys(p, kind, source);
        case CredentialKind::Process: {
            const ConfigValue command = p.value(QStringLiteral("credential_process"));
            auto *provider
                = new ProcessCredentialsProvider(p.name, command.value, command.location(), env);
            provider->setTimeout(options.credentialProcessTimeoutMs);
            *source = command.location();
            return provider;
        }
        case CredentialKind::None:
        case CredentialKind::Environment:
            break;
        }
        return nullptr;
    }

    // The chain: environment keys (unless a profile was chosen explicitly), then the profile.
    bool resolveCredentials(QObject *parent, bool requireCredentials)
    {
        CredentialKind kind = CredentialKind::None;
        QString source;
        CredentialsProvider *provider = nullptr;
        if (options.profile.isEmpty()) {
            bool found = false;
            provider = environmentKeys(&kind, &source, &found);
            if (found && !provider)
                return false;
        }
        if (!provider && profile) {
            provider = profileProvider(*profile, {}, &kind, &source);
            if (!provider && !error.message.isEmpty())
                return false;
        }
        if (!provider) {
            session.credentialKind = CredentialKind::None;
            if (!requireCredentials)
                return true;
            return fail(QStringLiteral("Unable to locate credentials for profile ")
                            + session.profile + QStringLiteral(" (looked at the environment, ")
                            + config.configPath() + QStringLiteral(" and ")
                            + config.credentialsPath() + u')',
                        QStringLiteral("Run `aws configure` (or `aws configure sso`), set "
                                       "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or enter "
                                       "keys in SyncDeck."));
        }
        provider->setParent(parent);
        session.credentials = provider;
        session.credentialKind = kind;
        session.credentialSource = source;
        return true;
    }
};

bool resolve(const SessionOptions &options, const QProcessEnvironment &env, QObject *parent,
             Session *out, SessionError *error, bool strict)
{
    Resolver r {options, env, AwsConfig::load(env), {}, {}, {}};
    if (!r.resolveSettings(strict) || !r.resolveCredentials(parent, strict)) {
        *error = r.error;
        return false;
    }
    *out = r.session;
    return true;
}

} // namespace

bool resolveSession(const SessionOptions &options, const QProcessEnvironment &env, QObject *parent,
                    Session *out, SessionError *error)
{
    return resolve(options, env, parent, out, error, true);
}

bool describeSession(const SessionOptions &options, const QProcessEnvironment &env, QObject *parent,
                     Session *out, SessionError *error)
{
    return resolve(options, env, parent, out, error, false);
}

} // namespace syncdeck::aws
