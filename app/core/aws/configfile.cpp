#include "configfile.h"

#include <QFile>
#include <QHash>

namespace syncdeck::aws {
namespace {

bool isIndented(QStringView line)
{
    return !line.isEmpty() && (line.front() == u' ' || line.front() == u'\t');
}

bool isComment(QStringView trimmed)
{
    return trimmed.startsWith(u'#') || trimmed.startsWith(u';');
}

// Splits "key = value" at the first '=' (configparser also accepts ':'; the AWS CLI documents
// only '=', and ':' appears in values such as ARNs and URLs, so it is never a separator here).
bool splitAssignment(QStringView trimmed, QString *key, QString *value)
{
    const qsizetype eq = trimmed.indexOf(u'=');
    if (eq <= 0)
        return false;
    *key = trimmed.left(eq).trimmed().toString().toLower();
    *value = trimmed.mid(eq + 1).trimmed().toString();
    return !key->isEmpty();
}

} // namespace

ConfigFile ConfigFile::load(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        ConfigFile missing;
        missing.m_path = path;
        return missing;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigFile unreadable;
        unreadable.m_path = path;
        unreadable.m_exists = true;
        unreadable.m_fileIssues.append(
            {path, 0, {}, QStringLiteral("cannot read the file: ") + file.errorString()});
        return unreadable;
    }
    return parse(file.readAll(), path);
}

// Long on purpose: the AWS CLI's INI dialect is a small state machine (section, key, indented
// sub-section, continuation) over one pass of lines; its states read best side by side.
ConfigFile ConfigFile::parse(const QByteArray &text, const QString &path)
{
    ConfigFile result;
    result.m_path = path;
    result.m_exists = true;

    QString content = QString::fromUtf8(text);
    if (content.startsWith(QChar(0xFEFF)))
        content.remove(0, 1);
    content.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QList<QStringView> lines = QStringView(content).split(u'\n');

    ConfigSection *section = nullptr;
    // Where each header's section is: generated configs hold thousands of profiles, and a scan
    // of the sections per header made parsing quadratic (16,000 profiles: 650 ms, release).
    QHash<QString, qsizetype> sectionIndex;
    // The key whose value may continue on indented lines: a sub-section when it was empty.
    ConfigValue *open = nullptr;
    QString openKey;
    bool openIsNested = false;
    // After a broken header its lines belong to no section: reported once, at the header.
    bool skippingBrokenSection = false;

    auto issue = [&](int lineNo, const QString &message) {
        ConfigIssue i {path, lineNo, section ? section->header : QString(), message};
        if (section)
            section->issues.append(i);
        else
            result.m_fileIssues.append(i);
    };

    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNo = int(index) + 1;
        const QStringView raw = lines.at(index);
        const QStringView trimmed = raw.trimmed();
        if (trimmed.isEmpty() || isComment(trimmed))
            continue;

        if (isIndented(raw) && open) {
            if (openIsNested) {
                QString key, value;
                if (!splitAssignment(trimmed, &key, &value)) {
                    issue(lineNo,
                          QStringLiteral("expected an indented `key = value` under `") + openKey
                              + QStringLiteral(" =`, found: ") + trimmed.toString());
                    continue;
                }
                open->subValues.insert(key, ConfigValue {value, path, lineNo, {}});
            } else {
                // configparser joins continuation lines of a value with a newline.
                open->value += u'\n' + trimmed.toString();
            }
            continue;
        }
        open = nullptr;

        if (trimmed.startsWith(u'[')) {
            if (!trimmed.endsWith(u']')) {
                section = nullptr;
                skippingBrokenSection = true;
                result.m_fileIssues.append(
                    {path,
                     lineNo,
                     {},
                     QStringLiteral("section header is missing its closing `]`: ")
                         + trimmed.toString()});
                continue;
            }
            const QString header = trimmed.mid(1, trimmed.size() - 2).trimmed().toString();
            if (header.isEmpty()) {
                section = nullptr;
                skippingBrokenSection = true;
                result.m_fileIssues.append({path, lineNo, {}, QStringLiteral("empty `[]`")});
                continue;
            }
            skippingBrokenSection = false;
            const auto known = sectionIndex.constFind(header);
            if (known != sectionIndex.constEnd()) {
                section = &result.m_sections[*known];
                issue(lineNo,
                      QStringLiteral("section [") + header
                          + QStringLiteral("] is defined twice (first at line ")
                          + QString::number(section->line)
                          + QStringLiteral("); the AWS CLI refuses such a file"));
                continue;
            }
            sectionIndex.insert(header, result.m_sections.size());
            result.m_sections.append(ConfigSection {header, path, lineNo, {}, {}});
            section = &result.m_sections.last();
            continue;
        }

        if (skippingBrokenSection)
            continue;
        QString key, value;
        if (!splitAssignment(trimmed, &key, &value)) {
            issue(lineNo,
                  QStringLiteral("expected `key = value` or a `[section]` header, found: ")
                      + trimmed.toString());
            continue;
        }
        if (!section) {
            issue(lineNo,
                  QStringLiteral("`") + key
                      + QStringLiteral("` appears before any [section] header"));
            continue;
        }
        auto it = section->values.insert(key, ConfigValue {value, path, lineNo, {}});
        open = &it.value();
        openKey = key;
        openIsNested = value.isEmpty();
    }
    return result;
}

QList<ConfigIssue> ConfigFile::issues() const
{
    QList<ConfigIssue> all = m_fileIssues;
    for (const ConfigSection &s : m_sections)
        all += s.issues;
    return all;
}

} // namespace syncdeck::aws
