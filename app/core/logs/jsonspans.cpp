#include "jsonspans.h"

#include "aws/hexdigits.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace syncdeck::logs::jsonspans {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void skipSpace(QByteArrayView s, qsizetype &i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
}

// At an opening quote: moves past the closing one; the content is [start, end). Quotes are
// found with memchr: these texts are mostly long strings (a page of events is megabytes).
bool readString(QByteArrayView s, qsizetype &i, qsizetype *start, qsizetype *end, bool *escaped)
{
    if (i >= s.size() || s[i] != '"')
        return false;
    const char *const data = s.data();
    const char *const first = data + i + 1;
    const char *const last = data + s.size();
    const char *from = first;
    for (;;) {
        const auto *quote = static_cast<const char *>(std::memchr(from, '"', size_t(last - from)));
        if (!quote)
            return false;
        const char *slash = quote;
        while (slash > first && slash[-1] == '\\')
            --slash;
        if ((quote - slash) % 2 == 0) { // not escaped: the end
            *start = first - data;
            *end = quote - data;
            *escaped = std::memchr(first, '\\', size_t(quote - first)) != nullptr;
            i = *end + 1;
            return true;
        }
        from = quote + 1;
    }
}

// Moves past one value of any type.
bool skipValue(QByteArrayView s, qsizetype &i)
{
    if (i >= s.size())
        return false;
    qsizetype a = 0;
    qsizetype b = 0;
    bool e = false;
    if (s[i] == '"')
        return readString(s, i, &a, &b, &e);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                if (!readString(s, i, &a, &b, &e))
                    return false;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']')
                --depth;
            ++i;
            if (depth == 0)
                return true;
        }
        return false;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isSpace(s[i]))
        ++i;
    return true;
}

// Which of `keys` a member name is (-1: none).
qsizetype keyIndex(QByteArrayView name, bool escaped, std::initializer_list<QLatin1StringView> keys)
{
    const QString decoded = escaped ? decode(name, true) : QString();
    qsizetype k = 0;
    for (const QLatin1StringView key : keys) {
        if (escaped ? decoded == key : QLatin1StringView(name) == key)
            return k;
        ++k;
    }
    return -1;
}

// Calls onMember(name, nameEscaped, i) for each member of the object `json`, with i at the
// member's value; onMember moves i past the value (false: malformed). True when the text is an
// object to its closing brace.
template<typename OnMember>
bool walkMembers(QByteArrayView json, OnMember onMember)
{
    qsizetype i = 0;
    skipSpace(json, i);
    if (i >= json.size() || json[i] != '{')
        return false;
    ++i;
    for (;;) {
        skipSpace(json, i);
        if (i >= json.size())
            return false;
        if (json[i] == '}')
            return true;
        qsizetype ks = 0;
        qsizetype ke = 0;
        bool kEscaped = false;
        if (!readString(json, i, &ks, &ke, &kEscaped))
            return false;
        skipSpace(json, i);
        if (i >= json.size() || json[i] != ':')
            return false;
        ++i;
        skipSpace(json, i);
        if (i >= json.size() || !onMember(json.sliced(ks, ke - ks), kEscaped, i))
            return false;
        skipSpace(json, i);
        if (i < json.size() && json[i] == ',') {
            ++i;
            continue;
        }
        return i < json.size() && json[i] == '}';
    }
}

} // namespace

Span find(QByteArrayView json, QLatin1StringView key)
{
    Span span;
    findEach(json, {key}, &span);
    return span;
}

void findEach(QByteArrayView json, std::initializer_list<QLatin1StringView> keys, Span *spans)
{
    std::fill_n(spans, keys.size(), Span());
    QVarLengthArray<Span, 8> found(qsizetype(keys.size()));
    const bool object = walkMembers(json, [&](QByteArrayView name, bool escaped, qsizetype &i) {
        const qsizetype k = json[i] == '"' ? keyIndex(name, escaped, keys) : -1;
        if (k < 0)
            return skipValue(json, i);
        qsizetype vs = 0;
        qsizetype ve = 0;
        bool valueEscaped = false;
        if (!readString(json, i, &vs, &ve, &valueEscaped))
            return false;
        // Keep scanning: with a duplicate member, the last one is the one to report.
        found[k] = {vs, ve - vs, valueEscaped};
        return true;
    });
    if (object) // else not an object after all: nothing is found
        std::copy(found.cbegin(), found.cend(), spans);
}

Span findValue(QByteArrayView json, QLatin1StringView key)
{
    Span found;
    const bool object = walkMembers(json, [&](QByteArrayView name, bool escaped, qsizetype &i) {
        const qsizetype start = i;
        if (!skipValue(json, i))
            return false;
        if (keyIndex(name, escaped, {key}) == 0)
            found = {start, i - start, false};
        return true;
    });
    return object ? found : Span();
}

bool elements(QByteArrayView array, QList<Span> *out)
{
    out->clear();
    qsizetype i = 0;
    skipSpace(array, i);
    if (i >= array.size() || array[i] != '[')
        return false;
    ++i;
    skipSpace(array, i);
    if (i < array.size() && array[i] == ']')
        return true;
    for (;;) {
        skipSpace(array, i);
        const qsizetype start = i;
        if (!skipValue(array, i) || i == start)
            return false;
        out->append({start, i - start, false});
        skipSpace(array, i);
        if (i < array.size() && array[i] == ',') {
            ++i;
            continue;
        }
        return i < array.size() && array[i] == ']';
    }
}

QString decode(QByteArrayView content, bool escaped)
{
    if (!escaped)
        return QString::fromUtf8(content);
    QString out;
    out.reserve(content.size());
    qsizetype runStart = 0;
    qsizetype i = 0;
    const auto flush = [&](qsizetype end) {
        if (end > runStart)
            out += QString::fromUtf8(content.sliced(runStart, end - runStart));
    };
    while (i < content.size()) {
        if (content[i] != '\\') {
            ++i;
            continue;
        }
        flush(i);
        if (i + 1 >= content.size())
            break;
        const char c = content[i + 1];
        i += 2;
        switch (c) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            int v = 0;
            for (int k = 0; k < 4 && i < content.size(); ++k, ++i) {
                const int h = aws::hexValue(content[i]);
                v = h < 0 ? v : v * 16 + h;
            }
            out += QChar(char16_t(v));
            break;
        }
        default: // " \ / and anything else: the character itself
            out += QLatin1Char(c);
            break;
        }
        runStart = i;
    }
    flush(content.size());
    return out;
}

} // namespace syncdeck::logs::jsonspans
