#include "httpparser.h"

namespace syncdeck::emulator {

namespace {

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII for the request target (no spaces, no controls).
bool isTargetChar(char c)
{
    return c > 0x20 && c < 0x7F;
}

bool fail(int status, const QString &message, int *errorStatus, QString *errorMessage)
{
    *errorStatus = status;
    *errorMessage = message;
    return false;
}

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

bool HttpParser::expectsContinue(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    for (const QByteArray &line : buffer.first(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).compare("expect", Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().compare("100-continue", Qt::CaseInsensitive)
                == 0;
    }
    return false;
}

HttpParser::HttpParser(int maxHeaderBytes, qint64 maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{ }

// Long on purpose: one pass over the message in RFC 9112's order (request line, headers, framing,
// body), every refusal next to the rule it enforces; split into stages, each would need most of
// the position and error state as parameters.
HttpParser::Result HttpParser::parse(QByteArray *buffer, HttpRequest *out, int *errorStatus,
                                     QString *errorMessage) const
{
    // RFC 9112 2.2: ignore empty lines before a request line (some clients send a stray CRLF
    // after a body).
    qsizetype start = 0;
    while (start + 1 < buffer->size() && buffer->at(start) == '\r' && buffer->at(start + 1) == '\n')
        start += 2;
    if (start > 0)
        buffer->remove(0, start);

    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer->size() > m_maxHeaderBytes) {
            fail(400,
                 QStringLiteral("The request line and headers exceed %1 bytes.")
                     .arg(m_maxHeaderBytes),
                 errorStatus, errorMessage);
            return Result::Error;
        }
        return Result::NeedMore;
    }
    if (headerEnd + 4 > m_maxHeaderBytes) {
        fail(400,
             QStringLiteral("The request line and headers exceed %1 bytes.").arg(m_maxHeaderBytes),
             errorStatus, errorMessage);
        return Result::Error;
    }

    const QByteArrayView head(buffer->constData(), headerEnd);
    HttpRequest request;
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = requestLine.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1) {
        fail(400, QStringLiteral("Malformed request line."), errorStatus, errorMessage);
        return Result::Error;
    }
    request.method = requestLine.first(sp1).toByteArray();
    request.target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(request.method)) {
        fail(400, QStringLiteral("Malformed method in the request line."), errorStatus,
             errorMessage);
        return Result::Error;
    }
    for (char c : std::as_const(request.target)) {
        if (!isTargetChar(c)) {
            fail(400, QStringLiteral("Malformed request target."), errorStatus, errorMessage);
            return Result::Error;
        }
    }
    if (!request.target.startsWith('/')) {
        fail(400, QStringLiteral("The request target must be an absolute path (origin-form)."),
             errorStatus, errorMessage);
        return Result::Error;
    }
    if (version == "HTTP/1.1") {
        request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        request.minorVersion = 0;
    } else if (version.startsWith("HTTP/")) {
        fail(505, QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported."), errorStatus,
             errorMessage);
        return Result::Error;
    } else {
        fail(400, QStringLiteral("Malformed HTTP version in the request line."), errorStatus,
             errorMessage);
        return Result::Error;
    }
    const qsizetype q = request.target.indexOf('?');
    request.path = q < 0 ? request.target : request.target.first(q);
    request.query = q < 0 ? QByteArray() : request.target.sliced(q + 1);

    qint64 contentLength = -1;
    qsizetype pos = lineEnd < 0 ? head.size() : lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0)
            next = head.size();
        const QByteArrayView line = head.sliced(pos, next - pos);
        pos = next + 2;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(400, QStringLiteral("Obsolete header line folding is not allowed."), errorStatus,
                 errorMessage);
            return Result::Error;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, QStringLiteral("Malformed header field."), errorStatus, errorMessage);
            return Result::Error;
        }
        aws::sigv4::Header header {line.first(colon).toByteArray(),
                                   line.sliced(colon + 1).trimmed().toByteArray()};
        for (char c : std::as_const(header.value)) {
            if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7F) {
                fail(400, QStringLiteral("Control characters in a header value."), errorStatus,
                     errorMessage);
                return Result::Error;
            }
        }
        if (header.name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = !header.value.isEmpty() && header.value.size() <= 18;
            for (char c : std::as_const(header.value))
                ok = ok && c >= '0' && c <= '9';
            const qint64 value = ok ? header.value.toLongLong(&ok) : -1;
            if (!ok || (contentLength >= 0 && value != contentLength)) {
                fail(400, QStringLiteral("Invalid Content-Length."), errorStatus, errorMessage);
                return Result::Error;
            }
            contentLength = value;
        } else if (header.name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            fail(501,
                 QStringLiteral("Transfer-Encoding is not supported; send the body with a "
                                "Content-Length."),
                 errorStatus, errorMessage);
            return Result::Error;
        }
        request.headers.append(std::move(header));
    }
    if (request.minorVersion == 1 && !request.hasHeader("host")) {
        fail(400, QStringLiteral("HTTP/1.1 requests need a Host header."), errorStatus,
             errorMessage);
        return Result::Error;
    }
    if (contentLength > m_maxBodyBytes) {
        fail(413, QStringLiteral("The request body exceeds %1 bytes.").arg(m_maxBodyBytes),
             errorStatus, errorMessage);
        return Result::Error;
    }
    const qint64 bodyLength = std::max<qint64>(0, contentLength);
    if (buffer->size() < headerEnd + 4 + bodyLength)
        return Result::NeedMore;
    request.body = buffer->mid(headerEnd + 4, bodyLength);
    buffer->remove(0, headerEnd + 4 + bodyLength);
    *out = std::move(request);
    return Result::Complete;
}

} // namespace syncdeck::emulator
