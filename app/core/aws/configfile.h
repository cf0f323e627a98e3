#pragma once

#include <QList>
#include <QMap>
#include <QString>

// One AWS shared configuration file (~/.aws/config or ~/.aws/credentials) parsed the way the
// AWS CLI reads it: `[section]` headers, `key = value` lines, whole-line `#`/`;` comments,
// case-insensitive keys, and indented sub-settings under an empty `key =` (the `[services]`
// blocks). Syntax errors are collected with file and line; parsing goes on, so one broken
// section never hides the others.
namespace syncdeck::aws {

// A value with the place it was read from, so `configure list` can say where it came from.
struct ConfigValue
{
    QString value;
    QString file;
    int line = 0;
    QMap<QString, ConfigValue> subValues; // `qbusiness =` followed by indented `key = value`

    bool isSet() const { return line > 0; }
    QString location() const { return file + u':' + QString::number(line); }
};

struct ConfigIssue
{
    QString file;
    int line = 0;
    QString section; // header text of the section the issue belongs to; empty before any header
    QString message;

    QString toString() const
    {
        return file + u':' + QString::number(line) + QStringLiteral(": ") + message;
    }
};

struct ConfigSection
{
    QString header; // text between the brackets, trimmed: "default", "profile dev", "sso-session x"
    QString file;
    int line = 0;
    QMap<QString, ConfigValue> values; // keys lowercased
    QList<ConfigIssue> issues; // syntax errors inside this section

    QString location() const { return file + u':' + QString::number(line); }
};

class ConfigFile
{
public:
    // Reads `path`. A missing file is not an error (exists() is false); an unreadable one is.
    static ConfigFile load(const QString &path);
    // Parses `text` as if read from `path` (used by load() and by tests).
    static ConfigFile parse(const QByteArray &text, const QString &path);

    const QString &path() const { return m_path; }
    bool exists() const { return m_exists; }
    const QList<ConfigSection> &sections() const { return m_sections; }
    // Every issue of the file: those outside any section and those of each section.
    QList<ConfigIssue> issues() const;
    // Issues that are not tied to one section (unreadable file, keys before the first header).
    const QList<ConfigIssue> &fileIssues() const { return m_fileIssues; }

private:
    QString m_path;
    bool m_exists = false;
    QList<ConfigSection> m_sections;
    QList<ConfigIssue> m_fileIssues;
};

} // namespace syncdeck::aws
