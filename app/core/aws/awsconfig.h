#pragma once

#include "configfile.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

namespace syncdeck::aws {

// One profile as the AWS CLI sees it: the config file's `[profile NAME]` (or `[default]`) with the
// credentials file's `[NAME]` laid over it, key by key.
struct Profile
{
    QString name;
    QString configLocation; // "file:line" of the config section header, empty when absent
    QString credentialsLocation; // "file:line" of the credentials section header
    QMap<QString, ConfigValue> values; // keys lowercased; credentials-file values win
    QList<ConfigIssue> issues; // syntax errors inside this profile's sections

    ConfigValue value(const QString &key) const { return values.value(key); }
    QString text(const QString &key) const { return values.value(key).value; }
    bool has(const QString &key) const { return values.contains(key); }
    // Where the profile is defined: its config section, else its credentials section.
    QString definedAt() const
    {
        return configLocation.isEmpty() ? credentialsLocation : configLocation;
    }
};

// The two shared files of the AWS CLI, located through an environment object (HOME,
// AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), never the process environment, so tests and
// the GUI resolve against exactly the environment they pass in.
class AwsConfig
{
public:
    static AwsConfig load(const QProcessEnvironment &env);

    // The home folder of `env` (HOME, else USERPROFILE, else the process's home).
    static QString homeDirectory(const QProcessEnvironment &env);

    const QString &configPath() const { return m_config.path(); }
    const QString &credentialsPath() const { return m_credentials.path(); }
    const ConfigFile &configFile() const { return m_config; }
    const ConfigFile &credentialsFile() const { return m_credentials; }

    // Profile names in file order (config file first), each once.
    QStringList profileNames() const;
    std::optional<Profile> profile(const QString &name) const;
    std::optional<ConfigSection> ssoSession(const QString &name) const;
    std::optional<ConfigSection> services(const QString &name) const;
    // Issues outside any profile (keys before a header, unreadable files, bad headers).
    QList<ConfigIssue> fileIssues() const;

private:
    void buildIndex();

    ConfigFile m_config;
    ConfigFile m_credentials;
    // Profile name -> section indexes, so lookups stay linear in large files.
    QHash<QString, QList<qsizetype>> m_configProfiles;
    QHash<QString, QList<qsizetype>> m_credentialsProfiles;
    QStringList m_profileNames;
};

} // namespace syncdeck::aws
