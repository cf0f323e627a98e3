#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

namespace syncdeck::aws {

// Writes compact JSON text straight into a QByteArray, without building a QJsonObject first.
// For the same values it produces exactly the bytes of QJsonDocument::toJson(Compact): the same
// string escaping (control characters, quote and backslash escaped, other text as UTF-8, lone
// surrogates as \uXXXX), integers in decimal, finite doubles in their shortest form, NaN and
// infinities as null. Members come out in the order they are written; write them sorted by key
// (as QJsonObject keeps them) where output must match QJsonDocument's.
//
// Used where JSON is produced per item in bulk: the CLI's jsonl listing and the emulator's
// ListDataSourceSyncJobs responses.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    { }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The name of the next object member; ASCII without characters that need escaping.
    void key(QLatin1StringView name);
    void value(QStringView text);
    void value(QLatin1StringView text); // Latin-1, as QString::fromLatin1 would read it
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(double number);
    void value(bool flag);
    void value(const char *) = delete; // say QLatin1StringView or QStringView
    void null();

    // A quoted, escaped JSON string, with no separator logic.
    static void appendString(QByteArray &out, QStringView text);

private:
    void separate();

    QByteArray &m_out;
    // One bit per nesting level (up to 64): set once the container at that level has a member.
    quint64 m_hasMember = 0;
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace syncdeck::aws
