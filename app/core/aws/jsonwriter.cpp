#include "jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace syncdeck::aws {

namespace {
constexpr char Hex[] = "0123456789abcdef";

void appendEscapedAscii(QByteArray &out, char16_t u)
{
    out += '\\';
    switch (u) {
    case u'"':
        out += '"';
        return;
    case u'\\':
        out += '\\';
        return;
    case u'\b':
        out += 'b';
        return;
    case u'\f':
        out += 'f';
        return;
    case u'\n':
        out += 'n';
        return;
    case u'\r':
        out += 'r';
        return;
    case u'\t':
        out += 't';
        return;
    default:
        out += "u00";
        out += Hex[(u >> 4) & 0xf];
        out += Hex[u & 0xf];
    }
}

void appendUnicodeEscape(QByteArray &out, char16_t u)
{
    out += "\\u";
    out += Hex[(u >> 12) & 0xf];
    out += Hex[(u >> 8) & 0xf];
    out += Hex[(u >> 4) & 0xf];
    out += Hex[u & 0xf];
}

bool needsEscape(char16_t u)
{
    return u < 0x20 || u == u'"' || u == u'\\';
}
} // namespace

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p != end) {
        // Runs of plain ASCII are copied in one go.
        const char16_t *run = p;
        while (p != end && *p < 0x80 && !needsEscape(*p))
            ++p;
        if (p != run) {
            const qsizetype at = out.size();
            out.resize(at + (p - run));
            char *dst = out.data() + at;
            for (const char16_t *q = run; q != p; ++q)
                *dst++ = char(*q);
        }
        if (p == end)
            break;
        const char16_t u = *p++;
        if (u < 0x80) {
            appendEscapedAscii(out, u);
        } else if (u < 0x800) {
            out += char(0xc0 | (u >> 6));
            out += char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u)) {
            if (p != end && QChar::isLowSurrogate(*p)) {
                const char32_t c = QChar::surrogateToUcs4(u, *p++);
                out += char(0xf0 | (c >> 18));
                out += char(0x80 | ((c >> 12) & 0x3f));
                out += char(0x80 | ((c >> 6) & 0x3f));
                out += char(0x80 | (c & 0x3f));
            } else {
                appendUnicodeEscape(out, u); // a lone high surrogate
            }
        } else if (QChar::isLowSurrogate(u)) {
            appendUnicodeEscape(out, u); // a lone low surrogate
        } else {
            out += char(0xe0 | (u >> 12));
            out += char(0x80 | ((u >> 6) & 0x3f));
            out += char(0x80 | (u & 0x3f));
        }
    }
    out += '"';
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth == 0)
        return;
    const quint64 bit = quint64(1) << ((m_depth - 1) & 63);
    if (m_hasMember & bit)
        m_out += ',';
    else
        m_hasMember |= bit;
}

void JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    ++m_depth;
    m_hasMember &= ~(quint64(1) << ((m_depth - 1) & 63));
}

void JsonWriter::endObject()
{
    m_out += '}';
    --m_depth;
}

void JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    ++m_depth;
    m_hasMember &= ~(quint64(1) << ((m_depth - 1) & 63));
}

void JsonWriter::endArray()
{
    m_out += ']';
    --m_depth;
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out += '"';
    m_out += QByteArrayView(name.data(), name.size());
    m_out += "\":";
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    separate();
    appendString(m_out, text);
}

void JsonWriter::value(QLatin1StringView text)
{
    separate();
    bool plain = true;
    for (const char c : text) {
        if (uchar(c) >= 0x80 || needsEscape(uchar(c))) {
            plain = false;
            break;
        }
    }
    if (!plain) {
        appendString(m_out, QString(text));
        return;
    }
    m_out += '"';
    m_out += QByteArrayView(text.data(), text.size());
    m_out += '"';
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
}

void JsonWriter::value(double number)
{
    separate();
    if (std::isfinite(number))
        m_out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    else
        m_out += "null";
}

void JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

} // namespace syncdeck::aws
