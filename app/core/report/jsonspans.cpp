#include "jsonspans.h"

namespace syncdeck::report::jsonspans {

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

// At an opening quote: moves past the closing one; the content is [start, end).
bool readString(QByteArrayView s, qsizetype &i, qsizetype *start, qsizetype *end, bool *escaped)
{
    if (i >= s.size() || s[i] != '"')
        return false;
    ++i;
    *start = i;
    *escaped = false;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\\') {
            *escaped = true;
            i += 2;
            continue;
        }
        if (c == '"') {
            *end = i;
            ++i;
            return true;
        }
        ++i;
    }
    return false;
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

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Span find(QByteArrayView json, QLatin1StringView key)
{
    qsizetype i = 0;
    skipSpace(json, i);
    if (i >= json.size() || json[i] != '{')
        return {};
    ++i;
    Span found;
    for (;;) {
        skipSpace(json, i);
        if (i >= json.size() || json[i] == '}')
            return found;
        qsizetype ks = 0;
        qsizetype ke = 0;
        bool kEscaped = false;
        if (!readString(json, i, &ks, &ke, &kEscaped))
            return {};
        skipSpace(json, i);
        if (i >= json.size() || json[i] != ':')
            return {};
        ++i;
        skipSpace(json, i);
        const bool keyMatches = kEscaped ? decode(json.sliced(ks, ke - ks), true) == key
                                         : QLatin1StringView(json.sliced(ks, ke - ks)) == key;
        if (keyMatches && i < json.size() && json[i] == '"') {
            qsizetype vs = 0;
            qsizetype ve = 0;
            bool escaped = false;
            if (!readString(json, i, &vs, &ve, &escaped))
                return {};
            // Keep scanning: with a duplicate member, the last one is the one to report.
            found = {vs, ve - vs, escaped};
        } else if (!skipValue(json, i)) {
            return {};
        }
        skipSpace(json, i);
        if (i < json.size() && json[i] == ',') {
            ++i;
            continue;
        }
        return i < json.size() && json[i] == '}' ? found : Span();
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
                const int h = hexValue(content[i]);
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

} // namespace syncdeck::report::jsonspans
