// aws/configfile: ~/.aws/config and ~/.aws/credentials as the AWS CLI reads them.
// Invariants: every line number points into the text, keys are lowercased and trimmed, section
// headers are unique, and what was parsed, written back out as a config file, parses to the same
// sections, keys and values (nested `[services]` blocks included).
#include "fuzzsupport.h"

#include "aws/configfile.h"

#include <QSet>

using namespace syncdeck::aws;
using syncdeck::fuzz::bytes;

namespace {

// The canonical form of what was parsed.
QByteArray written(const ConfigFile &file)
{
    QByteArray out;
    for (const ConfigSection &s : file.sections()) {
        out += '[' + s.header.toUtf8() + "]\n";
        for (auto it = s.values.begin(); it != s.values.end(); ++it) {
            const ConfigValue &v = it.value();
            QByteArray value = v.value.toUtf8();
            // A value continued on indented lines was joined with '\n'.
            value.replace('\n', "\n  ");
            out += it.key().toUtf8() + " = " + value + '\n';
            for (auto sub = v.subValues.begin(); sub != v.subValues.end(); ++sub)
                out += "  " + sub.key().toUtf8() + " = " + sub.value().value.toUtf8() + '\n';
        }
    }
    return out;
}

QString describe(const ConfigFile &file)
{
    return QString::fromUtf8(written(file));
}

void checkKey(const QString &key, int lines, const ConfigValue &v)
{
    FUZZ_CHECK(!key.isEmpty() && key == key.trimmed() && key == key.toLower(), key);
    FUZZ_CHECK(!key.contains(u'='), key);
    FUZZ_CHECK(v.line >= 1 && v.line <= lines, key + QString::number(v.line));
    FUZZ_CHECK(v.value == v.value.trimmed(), v.value);
    FUZZ_CHECK(v.subValues.isEmpty() || v.value.isEmpty(), key);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = bytes(data, size);
    const ConfigFile file = ConfigFile::parse(text, QStringLiteral("config"));
    // CRLF counts as one line break, and a lone CR is no break at all.
    const int lines = int(text.count('\n')) + 1;

    QSet<QString> headers;
    for (const ConfigSection &s : file.sections()) {
        FUZZ_CHECK(!s.header.isEmpty() && s.header == s.header.trimmed(), s.header);
        FUZZ_CHECK(!headers.contains(s.header), s.header);
        headers.insert(s.header);
        FUZZ_CHECK(s.line >= 1 && s.line <= lines, s.location());
        for (auto it = s.values.begin(); it != s.values.end(); ++it) {
            checkKey(it.key(), lines, it.value());
            FUZZ_CHECK(it.value().line > s.line, it.key());
            for (auto sub = it.value().subValues.begin(); sub != it.value().subValues.end(); ++sub)
                checkKey(sub.key(), lines, sub.value());
        }
    }
    for (const ConfigIssue &issue : file.issues()) {
        FUZZ_CHECK(issue.line >= 1 && issue.line <= lines, issue.toString());
        FUZZ_CHECK(!issue.message.isEmpty(), issue.toString());
    }

    const ConfigFile again = ConfigFile::parse(written(file), QStringLiteral("config"));
    FUZZ_CHECK(again.issues().isEmpty(),
               again.issues().first().toString() + u'\n' + describe(file));
    FUZZ_CHECK(again.sections().size() == file.sections().size(), describe(file));
    for (qsizetype i = 0; i < file.sections().size(); ++i) {
        const ConfigSection &a = file.sections().at(i);
        const ConfigSection &b = again.sections().at(i);
        FUZZ_CHECK(a.header == b.header, a.header + u'|' + b.header);
        FUZZ_CHECK(a.values.keys() == b.values.keys(), describe(file));
        for (auto it = a.values.begin(); it != a.values.end(); ++it) {
            const ConfigValue &v = b.values.value(it.key());
            FUZZ_CHECK(v.value == it.value().value, it.value().value + u'|' + v.value);
            FUZZ_CHECK(v.subValues.keys() == it.value().subValues.keys(), describe(file));
            for (auto sub = it.value().subValues.begin(); sub != it.value().subValues.end(); ++sub)
                FUZZ_CHECK(v.subValues.value(sub.key()).value == sub.value().value,
                           sub.value().value);
        }
    }
    return 0;
}
