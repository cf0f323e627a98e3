#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>

// Where the string members of a JSON object's top level sit in its UTF-8 text, so that a report
// can keep each message once and show its title, id and URI straight from it (the report
// model's memory goal) instead of holding decoded copies.
namespace syncdeck::report::jsonspans {

struct Span
{
    qsizetype offset = -1; // of the first byte after the opening quote; -1: not found
    qsizetype length = 0; // bytes up to the closing quote
    bool escaped = false; // holds backslash escapes: decode() must unescape
    bool found() const { return offset >= 0; }
};

// The string value of top-level member `key` of the object `json` (valid JSON text). Not found
// when the member is absent, not a string, or the text is not an object.
Span find(QByteArrayView json, QLatin1StringView key);
// The text of a span's bytes (JSON string content, escapes resolved).
QString decode(QByteArrayView content, bool escaped);

} // namespace syncdeck::report::jsonspans
