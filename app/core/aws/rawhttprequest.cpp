#include "rawhttprequest.h"

#include <algorithm>
#include <string_view>

namespace syncdeck::aws {
namespace {

bool isTokenChar(char c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), isTokenChar);
}

bool isHttpVersion(QByteArrayView v)
{
    return v.size() == 8 && v.startsWith("HTTP/") && v[5] >= '0' && v[5] <= '9' && v[6] == '.'
        && v[7] >= '0' && v[7] <= '9';
}

// A line for an error message: as UTF-8, control characters made visible, long lines cut.
QString shown(QByteArrayView line)
{
    constexpr qsizetype Max = 80;
    QString out;
    for (const QChar ch : QString::fromUtf8(line.first(std::min(line.size(), Max)))) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7F)
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    if (line.size() > Max)
        out += QStringLiteral("... (%1 bytes)").arg(line.size());
    return out;
}

// Index of the first byte a header value may not hold (controls but tab), or -1.
qsizetype firstControl(QByteArrayView v)
{
    for (qsizetype i = 0; i < v.size(); ++i) {
        const auto b = static_cast<unsigned char>(v[i]);
        if ((b < 0x20 && b != '\t') || b == 0x7F)
            return i;
    }
    return -1;
}

} // namespace

// Long on purpose: one pass, line by line (request line, headers with continuations, blank line,
// body), so that every error names its line; the line counter and `fail` are shared state.
RawHttpRequest RawHttpRequest::parse(QByteArrayView text)
{
    RawHttpRequest r;
    const auto fail = [&r](int line, QByteArrayView content, const QString &why) {
        r.m_errorLine = line;
        r.m_error = line > 0
            ? QStringLiteral("line %1 ('%2'): %3").arg(line).arg(shown(content), why)
            : why;
        return r;
    };
    if (text.isEmpty())
        return fail(0, {},
                    QStringLiteral("the request is empty; expected a request line such as "
                                   "'GET /path?query HTTP/1.1', header lines, a blank line and "
                                   "the body"));

    const qsizetype firstLf = text.indexOf('\n');
    const bool crlf = firstLf > 0 && text[firstLf - 1] == '\r';
    r.m_lineEnding = crlf ? QByteArray("\r\n") : QByteArray("\n");

    // Split the head (up to the first empty line) into lines; the rest is the body, verbatim.
    qsizetype pos = 0;
    int lineNumber = 0;
    bool sawBlank = false;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        const bool lastLine = end < 0;
        if (lastLine)
            end = text.size();
        QByteArrayView line = text.sliced(pos, end - pos);
        ++lineNumber;
        pos = lastLine ? text.size() : end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        else if (crlf && !lastLine)
            return fail(lineNumber, line,
                        QStringLiteral("ends with LF while the first line ends with CRLF; use "
                                       "one line ending throughout the head"));
        if (line.isEmpty()) {
            if (lineNumber == 1)
                return fail(lineNumber, line,
                            QStringLiteral("is empty; the first line must be the request line, "
                                           "such as 'GET /path?query HTTP/1.1'"));
            sawBlank = true;
            break;
        }
        if (line.contains('\0'))
            return fail(lineNumber, line, QStringLiteral("contains a NUL byte"));

        if (lineNumber == 1) {
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = line.lastIndexOf(' ');
            if (sp1 <= 0 || sp2 <= sp1)
                return fail(lineNumber, line,
                            QStringLiteral("is not a request line; expected 'METHOD "
                                           "/path?query HTTP/1.1'"));
            const QByteArrayView method = line.first(sp1);
            const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
            const QByteArrayView version = line.sliced(sp2 + 1);
            if (!isToken(method))
                return fail(lineNumber, line,
                            QStringLiteral("'%1' is not an HTTP method").arg(shown(method)));
            if (!isHttpVersion(version))
                return fail(lineNumber, line,
                            QStringLiteral("must end with the HTTP version, such as HTTP/1.1"));
            if (target.startsWith("http://") || target.startsWith("https://"))
                return fail(lineNumber, line,
                            QStringLiteral("give the path and query only ('/path?query') and "
                                           "the host in a 'Host:' header line"));
            if (!target.startsWith('/'))
                return fail(lineNumber, line,
                            QStringLiteral("the request target must start with '/'"));
            if (target.contains('#'))
                return fail(lineNumber, line,
                            QStringLiteral("a '#fragment' is never sent to the server; remove "
                                           "it"));
            const qsizetype q = target.indexOf('?');
            r.m_request.method = method.toByteArray();
            r.m_request.path = (q < 0 ? target : target.first(q)).toByteArray();
            r.m_request.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();
            r.m_headLines.append(line.toByteArray());
            r.m_headLineNames.append(QByteArray());
            continue;
        }

        if (line.front() == ' ' || line.front() == '\t') {
            // obs-fold: the line continues the previous header's value.
            if (r.m_request.headers.isEmpty())
                return fail(lineNumber, line,
                            QStringLiteral("starts with white space, which continues a header, "
                                           "but no header line comes before it"));
            if (const qsizetype at = firstControl(line); at >= 0)
                return fail(lineNumber, line,
                            QStringLiteral("has a control character at column %1").arg(at + 1));
            r.m_request.headers.last().value.append('\n').append(line);
            r.m_headLines.append(line.toByteArray());
            r.m_headLineNames.append(r.m_headLineNames.last());
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return fail(lineNumber, line,
                        QStringLiteral("is not a header line; expected 'Name: value' (a blank "
                                       "line ends the headers, and continuation lines start "
                                       "with a space)"));
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return fail(lineNumber, line,
                        QStringLiteral("'%1' is not a valid header name (letters, digits and "
                                       "!#$%&'*+-.^_`|~ only, no spaces before the colon)")
                            .arg(shown(name)));
        const QByteArrayView value = line.sliced(colon + 1);
        if (const qsizetype at = firstControl(value); at >= 0)
            return fail(lineNumber, line,
                        QStringLiteral("has a control character at column %1").arg(colon + 2 + at));
        r.m_request.headers.append({name.toByteArray(), value.toByteArray()});
        r.m_headLines.append(line.toByteArray());
        r.m_headLineNames.append(name.toByteArray().toLower());
    }
    if (sawBlank)
        r.m_request.body = text.sliced(pos).toByteArray();
    return r;
}

int RawHttpRequest::lineOf(QByteArrayView name) const
{
    const QByteArray lower = name.toByteArray().toLower();
    for (qsizetype i = 1; i < m_headLines.size(); ++i) {
        const QByteArray &line = m_headLines[i];
        if (m_headLineNames[i] == lower && line.front() != ' ' && line.front() != '\t')
            return int(i + 1);
    }
    return 0;
}

QByteArray RawHttpRequest::withHeaders(const QList<sigv4::Header> &added,
                                       const QList<QByteArray> &redact,
                                       QByteArrayView redaction) const
{
    const auto redacted = [&redact](QByteArrayView name) {
        return std::any_of(redact.begin(), redact.end(), [name](const QByteArray &r) {
            return name.toByteArray().toLower() == r.toLower();
        });
    };
    QByteArray out;
    for (qsizetype i = 0; i < m_headLines.size(); ++i) {
        const QByteArray &line = m_headLines[i];
        if (i > 0 && redacted(m_headLineNames[i])) {
            // Keep the name as written; a continuation line of a redacted value disappears.
            const qsizetype colon = line.indexOf(':');
            if (colon < 0 || line.front() == ' ' || line.front() == '\t')
                continue;
            out.append(line.first(colon + 1)).append(redaction).append(m_lineEnding);
            continue;
        }
        out.append(line).append(m_lineEnding);
    }
    for (const sigv4::Header &h : added) {
        out.append(h.name).append(':');
        out.append(redacted(h.name) ? redaction : QByteArrayView(h.value));
        out.append(m_lineEnding);
    }
    out.append(m_lineEnding).append(m_request.body);
    return out;
}

} // namespace syncdeck::aws
