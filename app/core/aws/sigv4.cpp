#include "sigv4.h"

#include "crypto.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace syncdeck::aws::sigv4 {
namespace {

constexpr bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

constexpr char HexUpper[] = "0123456789ABCDEF";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

QByteArray lowercase(QByteArrayView in)
{
    QByteArray out(in.data(), in.size());
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return out;
}

// Trim and collapse runs of white space (including folded header lines) to one space.
QByteArray trimAll(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    bool pendingSpace = false;
    for (char c : in) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
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

// Percent-decoding that leaves malformed escapes as they are (AWS does the same).
QByteArray percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size()) {
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.append(in[i]);
    }
    return out;
}

// Encoding of the path for single-encoding (S3-style) signing: existing escapes stay.
QByteArray encodePathKeepingEscapes(QByteArrayView path)
{
    QByteArray out;
    out.reserve(path.size());
    for (char c : path) {
        if (isUnreserved(c) || c == '/' || c == '%') {
            out.append(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out.append('%').append(HexUpper[b >> 4]).append(HexUpper[b & 0xF]);
        }
    }
    return out;
}

// RFC 3986 section 5.2.4 over '/'-separated segments, also dropping empty segments.
QByteArray normalizePath(QByteArrayView path)
{
    QList<QByteArrayView> segments;
    bool trailingSlash = path.endsWith('/');
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        const bool last = end == path.size();
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            trailingSlash = trailingSlash || last;
        } else if (segment == ".") {
            trailingSlash = trailingSlash || last;
        } else if (!segment.isEmpty()) {
            segments.append(segment);
        }
        start = end + 1;
    }
    QByteArray out("/");
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out.append('/');
        out.append(segments[i]);
    }
    if (trailingSlash && !segments.isEmpty())
        out.append('/');
    return out;
}

QByteArray hex(QByteArrayView raw)
{
    return QByteArray(raw.data(), raw.size()).toHex();
}

struct KeyCacheEntry
{
    QString secret;
    QByteArray date;
    QString region;
    QString service;
    QByteArray key;
};

} // namespace

QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray dateStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 2);
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out.append('%').append(HexUpper[b >> 4]).append(HexUpper[b & 0xF]);
        }
    }
    return out;
}

bool isUnsignedHeader(QByteArrayView n)
{
    static constexpr std::array<std::string_view, 10> Never = {
        "authorization", "user-agent", "x-amzn-trace-id", "transfer-encoding",
        "connection",    "expect",     "keep-alive",      "te",
        "trailer",       "upgrade",
    };
    const std::string_view name(n.data(), size_t(n.size()));
    if (name.starts_with("proxy-"))
        return true;
    return std::find(Never.begin(), Never.end(), name) != Never.end();
}

QByteArray canonicalUri(QByteArrayView path, const Settings &settings)
{
    QByteArray p = path.isEmpty() ? QByteArray("/") : QByteArray(path.data(), path.size());
    if (settings.normalizePath)
        p = normalizePath(p);
    return settings.doubleEncodePath ? uriEncode(p, true) : encodePathKeepingEscapes(p);
}

QByteArray canonicalQuery(QByteArrayView query)
{
    if (query.isEmpty())
        return {};
    QList<std::pair<QByteArray, QByteArray>> pairs;
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView item = query.sliced(start, end - start);
        if (!item.isEmpty()) {
            const qsizetype eq = item.indexOf('=');
            const QByteArrayView key = eq < 0 ? item : item.first(eq);
            const QByteArrayView value = eq < 0 ? QByteArrayView() : item.sliced(eq + 1);
            pairs.append({uriEncode(percentDecode(key)), uriEncode(percentDecode(value))});
        }
        start = end + 1;
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[key, value] : pairs) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key).append('=').append(value);
    }
    return out;
}

QByteArray canonicalHeaders(const QList<Header> &headers, QByteArray *signedHeaders)
{
    // Stable sort by name keeps the sending order of repeated headers, which AWS joins with ','.
    QList<Header> lowered;
    lowered.reserve(headers.size());
    for (const Header &h : headers) {
        QByteArray name = lowercase(trimAll(h.name));
        if (!isUnsignedHeader(name))
            lowered.append({std::move(name), trimAll(h.value)});
    }
    std::stable_sort(lowered.begin(), lowered.end(),
                     [](const Header &a, const Header &b) { return a.name < b.name; });
    QByteArray out;
    QByteArray names;
    for (qsizetype i = 0; i < lowered.size(); ++i) {
        if (i > 0 && lowered[i].name == lowered[i - 1].name) {
            out.chop(1); // the '\n' of the previous line
            out.append(',').append(lowered[i].value).append('\n');
            continue;
        }
        if (!names.isEmpty())
            names.append(';');
        names.append(lowered[i].name);
        out.append(lowered[i].name).append(':').append(lowered[i].value).append('\n');
    }
    if (signedHeaders)
        *signedHeaders = names;
    return out;
}

QByteArray canonicalRequest(const Request &request, const Settings &settings,
                            QByteArrayView payloadHash)
{
    QByteArray signedHeaders;
    const QByteArray headers = canonicalHeaders(request.headers, &signedHeaders);
    QByteArray out;
    out.reserve(256 + request.query.size() * 2 + headers.size());
    out.append(request.method)
        .append('\n')
        .append(canonicalUri(request.path, settings))
        .append('\n')
        .append(canonicalQuery(request.query))
        .append('\n')
        .append(headers)
        .append('\n')
        .append(signedHeaders)
        .append('\n')
        .append(payloadHash);
    return out;
}

QByteArray credentialScope(const QDateTime &time, const QString &region, const QString &service)
{
    return dateStamp(time) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray stringToSign(const QDateTime &time, QByteArrayView scope, QByteArrayView canonical)
{
    QByteArray out(Algorithm);
    out.append('\n').append(amzDate(time)).append('\n').append(scope).append('\n');
    out.append(crypto::sha256Hex(canonical));
    return out;
}

QByteArray signingKey(const SecretString &secret, QByteArrayView date, const QString &region,
                      const QString &service)
{
    // A handful of entries covers every (credentials, region, service) a process signs for; the
    // key changes daily, so stale entries simply stop matching.
    thread_local std::array<KeyCacheEntry, 4> cache;
    thread_local size_t next = 0;
    for (const KeyCacheEntry &e : cache) {
        if (!e.key.isEmpty() && e.date == date && e.region == region && e.service == service
            && e.secret == secret.reveal())
            return e.key;
    }
    const QByteArray kDate
        = crypto::hmacSha256(QByteArray("AWS4" + secret.reveal().toUtf8()), date);
    const QByteArray kRegion = crypto::hmacSha256(kDate, region.toUtf8());
    const QByteArray kService = crypto::hmacSha256(kRegion, service.toUtf8());
    const QByteArray key = crypto::hmacSha256(kService, "aws4_request");
    cache[next] = {secret.reveal(), QByteArray(date.data(), date.size()), region, service, key};
    next = (next + 1) % cache.size();
    return key;
}

QByteArray signature(QByteArrayView key, QByteArrayView stringToSign)
{
    return hex(crypto::hmacSha256(key, stringToSign));
}

SigningResult sign(const Request &request, const SigningParams &params)
{
    SigningResult result;
    bool hasHost = false;
    bool hasToken = false;
    for (const Header &h : request.headers) {
        const QByteArray name = lowercase(trimAll(h.name));
        if (name == "authorization" || name == "x-amz-date") {
            result.error = QStringLiteral("the request already carries a %1 header; remove it "
                                          "before signing (SyncDeck adds it itself)")
                               .arg(QString::fromLatin1(h.name));
            return result;
        }
        hasHost = hasHost || name == "host";
        hasToken = hasToken || name == "x-amz-security-token";
    }
    if (!hasHost) {
        result.error = QStringLiteral("the request has no Host header; SigV4 always signs Host");
        return result;
    }
    if (!params.credentials.isValid()) {
        result.error = QStringLiteral("no credentials: an access key id and a secret access key "
                                      "are needed to sign");
        return result;
    }
    if (params.region.isEmpty() || params.service.isEmpty()) {
        result.error = QStringLiteral("a region and a service name are needed to sign");
        return result;
    }
    if (!params.time.isValid()) {
        result.error = QStringLiteral("no signing time given");
        return result;
    }

    const Settings &s = params.settings;
    const QByteArray payloadHash
        = request.body.isEmpty() ? QByteArray(EmptyPayloadHash) : crypto::sha256Hex(request.body);

    // Placement follows the AWS reference suite: token, date, content hash, then Authorization.
    Header tokenHeader;
    const bool addToken = params.credentials.hasSessionToken() && !hasToken;
    if (addToken)
        tokenHeader = {"X-Amz-Security-Token", params.credentials.sessionToken.reveal().toUtf8()};
    const Header dateHeader {"X-Amz-Date", amzDate(params.time)};

    Request toSign = request;
    if (addToken && s.signSessionToken)
        toSign.headers.append(tokenHeader);
    toSign.headers.append(dateHeader);
    if (s.addContentSha256Header)
        toSign.headers.append({"x-amz-content-sha256", payloadHash});

    QByteArray signedHeaders;
    canonicalHeaders(toSign.headers, &signedHeaders);
    result.canonicalRequest = canonicalRequest(toSign, s, payloadHash);
    const QByteArray scope = credentialScope(params.time, params.region, params.service);
    result.stringToSign = stringToSign(params.time, scope, result.canonicalRequest);
    const QByteArray key = signingKey(params.credentials.secretAccessKey, dateStamp(params.time),
                                      params.region, params.service);
    result.signature = signature(key, result.stringToSign);
    result.authorization = QByteArray(Algorithm)
        + " Credential=" + params.credentials.accessKeyId.toUtf8() + '/' + scope
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + result.signature;

    if (addToken)
        result.headersToAdd.append(tokenHeader);
    result.headersToAdd.append(dateHeader);
    if (s.addContentSha256Header)
        result.headersToAdd.append({"x-amz-content-sha256", payloadHash});
    result.headersToAdd.append({"Authorization", result.authorization});
    return result;
}

} // namespace syncdeck::aws::sigv4
