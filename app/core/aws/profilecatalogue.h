#pragma once

#include "awsconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace syncdeck::aws {

// How a profile (or the environment) provides credentials, in the AWS CLI's chain order.
enum class CredentialKind {
    None, // settings only (region, endpoint...), no credentials
    Environment, // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
    StaticKeys, // aws_access_key_id + aws_secret_access_key
    SessionKeys, // ... plus aws_session_token
    AssumeRole, // role_arn + source_profile or credential_source
    Sso, // sso_session or legacy sso_start_url
    Process, // credential_process
};

// "static keys", "assume role", ... as the picker and `configure list` show it.
QString credentialKindName(CredentialKind kind);

// One row of the profile picker.
struct ProfileEntry
{
    QString name;
    CredentialKind kind = CredentialKind::None;
    QString region; // the profile's own `region`, empty when unset
    QString definedAt; // "file:line" of the section header
    QStringList problems; // syntax errors inside the profile ("file:line: message")
};

// The kind a profile's keys select, in the order of the AWS CLI's credential chain:
// assume role > SSO > credentials-file keys > credential_process > config-file keys.
CredentialKind profileCredentialKind(const Profile &profile, const QString &credentialsPath);

// Every profile of both files, in file order: what the GUI's profile picker lists.
QList<ProfileEntry> profileCatalogue(const AwsConfig &config);

} // namespace syncdeck::aws
