#include "profilecatalogue.h"

namespace syncdeck::aws {

QString credentialKindName(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::None:
        return QStringLiteral("none");
    case CredentialKind::Environment:
        return QStringLiteral("environment");
    case CredentialKind::StaticKeys:
        return QStringLiteral("static keys");
    case CredentialKind::SessionKeys:
        return QStringLiteral("session keys");
    case CredentialKind::AssumeRole:
        return QStringLiteral("assume role");
    case CredentialKind::Sso:
        return QStringLiteral("SSO");
    case CredentialKind::Process:
        return QStringLiteral("credential_process");
    }
    return {};
}

CredentialKind profileCredentialKind(const Profile &profile, const QString &credentialsPath)
{
    const auto keysKind = [&profile] {
        return profile.has(QStringLiteral("aws_session_token")) ? CredentialKind::SessionKeys
                                                                : CredentialKind::StaticKeys;
    };
    if (profile.has(QStringLiteral("role_arn")))
        return CredentialKind::AssumeRole;
    if (profile.has(QStringLiteral("sso_session")) || profile.has(QStringLiteral("sso_start_url")))
        return CredentialKind::Sso;
    const ConfigValue key = profile.value(QStringLiteral("aws_access_key_id"));
    if (key.isSet() && key.file == credentialsPath)
        return keysKind();
    if (profile.has(QStringLiteral("credential_process")))
        return CredentialKind::Process;
    if (key.isSet())
        return keysKind();
    return CredentialKind::None;
}

QList<ProfileEntry> profileCatalogue(const AwsConfig &config)
{
    QList<ProfileEntry> entries;
    const QStringList names = config.profileNames();
    for (const QString &name : names) {
        const std::optional<Profile> p = config.profile(name);
        if (!p)
            continue;
        ProfileEntry e;
        e.name = name;
        e.kind = profileCredentialKind(*p, config.credentialsPath());
        e.region = p->text(QStringLiteral("region"));
        e.definedAt = p->definedAt();
        for (const ConfigIssue &i : p->issues)
            e.problems.append(i.toString());
        entries.append(e);
    }
    return entries;
}

} // namespace syncdeck::aws
