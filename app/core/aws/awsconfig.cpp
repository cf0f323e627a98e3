#include "awsconfig.h"

#include <QDir>

namespace syncdeck::aws {
namespace {

QString expandHome(const QString &path, const QString &home)
{
    if (path == u'~')
        return home;
    if (path.startsWith(QStringLiteral("~/")))
        return QDir(home).filePath(path.mid(2));
    return path;
}

// The profile name a config-file header names, or nothing for other sections.
std::optional<QString> configProfileName(const QString &header)
{
    if (header == QLatin1String("default"))
        return header;
    if (header.startsWith(QLatin1String("profile "))
        || header.startsWith(QLatin1String("profile\t")))
        return header.mid(8).trimmed();
    return std::nullopt;
}

std::optional<ConfigSection> prefixedSection(const ConfigFile &file, QLatin1String prefix,
                                             const QString &name)
{
    for (const ConfigSection &s : file.sections()) {
        if (s.header.startsWith(prefix) && s.header.mid(prefix.size()).trimmed() == name)
            return s;
    }
    return std::nullopt;
}

} // namespace

QString AwsConfig::homeDirectory(const QProcessEnvironment &env)
{
    QString home = env.value(QStringLiteral("HOME"));
    if (home.isEmpty())
        home = env.value(QStringLiteral("USERPROFILE"));
    return home.isEmpty() ? QDir::homePath() : home;
}

AwsConfig AwsConfig::load(const QProcessEnvironment &env)
{
    const QString home = homeDirectory(env);
    QString configPath = env.value(QStringLiteral("AWS_CONFIG_FILE"));
    if (configPath.isEmpty())
        configPath = QDir(home).filePath(QStringLiteral(".aws/config"));
    QString credentialsPath = env.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    if (credentialsPath.isEmpty())
        credentialsPath = QDir(home).filePath(QStringLiteral(".aws/credentials"));

    AwsConfig config;
    config.m_config = ConfigFile::load(expandHome(configPath, home));
    config.m_credentials = ConfigFile::load(expandHome(credentialsPath, home));
    config.buildIndex();
    return config;
}

void AwsConfig::buildIndex()
{
    const QList<ConfigSection> &config = m_config.sections();
    for (qsizetype i = 0; i < config.size(); ++i) {
        const auto name = configProfileName(config.at(i).header);
        if (!name)
            continue;
        auto it = m_configProfiles.find(*name);
        if (it == m_configProfiles.end()) {
            m_profileNames.append(*name);
            it = m_configProfiles.insert(*name, {});
        }
        // `[profile default]` and `[default]` both name the default profile; the AWS CLI lets
        // the explicit `[profile default]` win, so it is applied last.
        if (config.at(i).header == QLatin1String("default"))
            it->prepend(i);
        else
            it->append(i);
    }
    const QList<ConfigSection> &credentials = m_credentials.sections();
    for (qsizetype i = 0; i < credentials.size(); ++i) {
        const QString &name = credentials.at(i).header;
        if (!m_configProfiles.contains(name) && !m_credentialsProfiles.contains(name))
            m_profileNames.append(name);
        m_credentialsProfiles[name].append(i);
    }
}

QStringList AwsConfig::profileNames() const
{
    return m_profileNames;
}

std::optional<Profile> AwsConfig::profile(const QString &name) const
{
    const QList<qsizetype> configIndexes = m_configProfiles.value(name);
    const QList<qsizetype> credentialsIndexes = m_credentialsProfiles.value(name);
    if (configIndexes.isEmpty() && credentialsIndexes.isEmpty())
        return std::nullopt;
    Profile p;
    p.name = name;
    for (const qsizetype i : configIndexes) {
        const ConfigSection &s = m_config.sections().at(i);
        if (p.configLocation.isEmpty())
            p.configLocation = s.location();
        p.values.insert(s.values);
        p.issues += s.issues;
    }
    for (const qsizetype i : credentialsIndexes) {
        const ConfigSection &s = m_credentials.sections().at(i);
        p.credentialsLocation = s.location();
        p.values.insert(s.values);
        p.issues += s.issues;
    }
    return p;
}

std::optional<ConfigSection> AwsConfig::ssoSession(const QString &name) const
{
    return prefixedSection(m_config, QLatin1String("sso-session "), name);
}

std::optional<ConfigSection> AwsConfig::services(const QString &name) const
{
    return prefixedSection(m_config, QLatin1String("services "), name);
}

QList<ConfigIssue> AwsConfig::fileIssues() const
{
    return m_config.fileIssues() + m_credentials.fileIssues();
}

} // namespace syncdeck::aws
