#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <initializer_list>

// Where the members of a JSON object's top level (and the elements of an array) sit in its UTF-8
// text, found without building a document: a report keeps each message once and shows its
// title, id and URI straight from it (the report model's memory goal), and a large
// FilterLogEvents page is split into its events, each read when it is needed.
namespace syncdeck::logs::jsonspans {

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
// The same for several members in one pass over the text: spans[k] is keys[k]'s.
void findEach(QByteArrayView json, std::initializer_list<QLatin1StringView> keys, Span *spans);
// The JSON text of top-level member `key`'s value, of any type (not found: absent, or `json` is
// not an object).
Span findValue(QByteArrayView json, QLatin1StringView key);
// The JSON text of each element of the array `array`; false when it is not an array. Elements
// are delimited, not checked: each is valid JSON only if the whole text is.
bool elements(QByteArrayView array, QList<Span> *out);
// The text of a span's bytes (JSON string content, escapes resolved).
QString decode(QByteArrayView content, bool escaped);

} // namespace syncdeck::logs::jsonspans
