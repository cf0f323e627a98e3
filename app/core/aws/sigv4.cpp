#include "sigv4.h"

#include "crypto.h"
#include "hmacsha256.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

// The per-request path (sign()) writes every stage straight into a buffer sized by an upper
// bound, with no intermediate strings: a signature costs a handful of allocations (the strings it
// returns) and two SHA-256 passes, which keeps it within a small factor of the bare hashing.
namespace syncdeck::aws::sigv4 {
namespace {

// One table lookup per byte on the hot path instead of chains of comparisons.
enum CharClass : unsigned char {
    Unreserved = 1, // RFC 3986: A-Z a-z 0-9 - . _ ~
    Space = 2, // what SigV4 trims and collapses in header values
    TokenChar = 4, // RFC 9110 tchar: methods and header names
};

constexpr std::array<unsigned char, 256> makeCharClasses()
{
    std::array<unsigned char, 256> t {};
    for (int c = 0; c < 256; ++c) {
        const bool alnum
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || c == '-' || c == '.' || c == '_' || c == '~')
            t[size_t(c)] |= Unreserved;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
            t[size_t(c)] |= Space;
        if (alnum || std::string_view("!#$%&'*+-.^_`|~").find(char(c)) != std::string_view::npos)
            t[size_t(c)] |= TokenChar;
    }
    return t;
}

constexpr std::array<unsigned char, 256> CharClasses = makeCharClasses();

constexpr bool is(char c, CharClass cls)
{
    return (CharClasses[static_cast<unsigned char>(c)] & cls) != 0;
}

constexpr bool isUnreserved(char c)
{
    return is(c, Unreserved);
}

constexpr bool isSpace(char c)
{
    return is(c, Space);
}

constexpr char HexUpper[] = "0123456789ABCDEF";

constexpr char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isToken(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](char c) { return is(c, TokenChar); });
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

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isSpace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isSpace(v.back()))
        v.chop(1);
    return v;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView lowercase)
{
    if (a.size() != lowercase.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (toLower(a[i]) != lowercase[i])
            return false;
    }
    return true;
}

// Byte order of the lowercased names (memcmp order: bytes compare unsigned).
int compareIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(toLower(a[i]));
        const auto y = static_cast<unsigned char>(toLower(b[i]));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

std::string_view sv(QByteArrayView v)
{
    return {v.data(), size_t(v.size())};
}

// Writes into memory reserved beforehand: every caller sizes the buffer by an upper bound.
class Writer
{
public:
    explicit Writer(char *begin)
        : m_begin(begin)
        , m_p(begin)
    { }
    void put(char c) { *m_p++ = c; }
    void put(QByteArrayView v)
    {
        if (!v.isEmpty())
            std::memcpy(m_p, v.data(), size_t(v.size()));
        m_p += v.size();
    }
    void putEscaped(char c)
    {
        const auto b = static_cast<unsigned char>(c);
        *m_p++ = '%';
        *m_p++ = HexUpper[b >> 4];
        *m_p++ = HexUpper[b & 0xF];
    }
    void putLowercase(QByteArrayView v)
    {
        for (char c : v)
            *m_p++ = toLower(c);
    }
    // Header value: trimmed, runs of white space (folded lines too) collapsed to one space.
    // Copies runs of non-space bytes at once: session tokens and next tokens are long.
    void putCollapsed(QByteArrayView v)
    {
        const char *p = v.data();
        const char *end = p + v.size();
        while (p < end && isSpace(*p))
            ++p;
        while (end > p && isSpace(end[-1]))
            --end;
        while (p < end) {
            const char *run = p;
            while (p < end && !isSpace(*p))
                ++p;
            put(QByteArrayView(run, p - run));
            if (p < end) {
                *m_p++ = ' ';
                while (isSpace(*p))
                    ++p; // stops before `end`: the value was trimmed
            }
        }
    }
    void unput() { --m_p; }
    qsizetype size() const { return m_p - m_begin; }

private:
    char *m_begin;
    char *m_p;
};

// --- canonical URI ---------------------------------------------------------------------------

qsizetype canonicalUriBound(QByteArrayView path)
{
    return 3 * path.size() + 3; // every byte escaped, plus a leading and a trailing '/'
}

void putPathBytes(Writer &w, QByteArrayView bytes, bool doubleEncode)
{
    for (char c : bytes) {
        // Double encoding escapes the '%' of existing escapes too; single encoding keeps them.
        if (isUnreserved(c) || c == '/' || (!doubleEncode && c == '%'))
            w.put(c);
        else
            w.putEscaped(c);
    }
}

void writeCanonicalUri(Writer &w, QByteArrayView path, const Settings &settings)
{
    if (path.isEmpty())
        path = "/";
    if (!settings.normalizePath) {
        putPathBytes(w, path, settings.doubleEncodePath);
        return;
    }
    // RFC 3986 section 5.2.4 over '/'-separated segments, also dropping empty segments.
    QVarLengthArray<QByteArrayView, 32> segments;
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
    w.put('/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            w.put('/');
        putPathBytes(w, segments[i], settings.doubleEncodePath);
    }
    if (trailingSlash && !segments.isEmpty())
        w.put('/');
}

// --- canonical query -------------------------------------------------------------------------

qsizetype canonicalQueryBound(QByteArrayView query)
{
    return 4 * query.size() + 1; // every byte escaped, plus an '=' per item at most
}

// Decodes the escapes that are well-formed (AWS leaves malformed ones as they are) and encodes
// the result again with SigV4's rules, in one pass. Returns the bytes written.
qsizetype reencode(QByteArrayView in, char *out)
{
    Writer w(out);
    for (qsizetype i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (isUnreserved(c)) {
            w.put(c);
            continue;
        }
        if (c == '%' && i + 2 < in.size()) {
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = char(hi * 16 + lo);
                i += 2;
            }
        }
        if (isUnreserved(c))
            w.put(c);
        else
            w.putEscaped(c);
    }
    return w.size();
}

void writeCanonicalQuery(Writer &w, QByteArrayView query)
{
    if (query.isEmpty())
        return;
    struct Pair
    {
        std::string_view key;
        std::string_view value;
    };
    QVarLengthArray<char, 2048> encoded(3 * query.size());
    QVarLengthArray<Pair, 16> pairs;
    char *next = encoded.data();
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
            const qsizetype keyLength = reencode(key, next);
            const std::string_view k(next, size_t(keyLength));
            next += keyLength;
            const qsizetype valueLength = reencode(value, next);
            pairs.append({k, std::string_view(next, size_t(valueLength))});
            next += valueLength;
        }
        start = end + 1;
    }
    // Sorted by encoded key, then encoded value (char_traits<char> compares bytes unsigned).
    std::sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) {
        const int byKey = a.key.compare(b.key);
        return byKey != 0 ? byKey < 0 : a.value < b.value;
    });
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (i > 0)
            w.put('&');
        w.put(QByteArrayView(pairs[i].key.data(), qsizetype(pairs[i].key.size())));
        w.put('=');
        w.put(QByteArrayView(pairs[i].value.data(), qsizetype(pairs[i].value.size())));
    }
}

// --- canonical headers -----------------------------------------------------------------------

struct HeaderRef
{
    QByteArrayView name; // trimmed, any case
    QByteArrayView value; // as given
    qsizetype order;
    bool clean = false; // the signer's own value: nothing to trim or collapse
};

bool isUnsignedName(QByteArrayView anyCase)
{
    static constexpr qsizetype Longest = 17; // "transfer-encoding"
    if (anyCase.size() >= 6 && equalsIgnoringCase(anyCase.first(6), "proxy-"))
        return true;
    if (anyCase.size() > Longest)
        return false;
    char lower[Longest];
    for (qsizetype i = 0; i < anyCase.size(); ++i)
        lower[i] = toLower(anyCase[i]);
    return isUnsignedHeader(QByteArrayView(lower, anyCase.size()));
}

using HeaderRefs = QVarLengthArray<HeaderRef, 24>;

void collectHeaders(const QList<Header> &headers, const HeaderRef *extra, qsizetype extraCount,
                    HeaderRefs &out)
{
    out.reserve(headers.size() + extraCount);
    qsizetype order = 0;
    for (const Header &h : headers) {
        const QByteArrayView name = trimmed(h.name);
        if (!isUnsignedName(name))
            out.append({name, h.value, order});
        ++order;
    }
    for (qsizetype i = 0; i < extraCount; ++i)
        out.append({extra[i].name, extra[i].value, order++, true});
    // By lowercase name; ties keep the sending order, which AWS joins with ','.
    std::sort(out.begin(), out.end(), [](const HeaderRef &a, const HeaderRef &b) {
        const int byName = compareIgnoringCase(a.name, b.name);
        return byName != 0 ? byName < 0 : a.order < b.order;
    });
}

// Upper bounds of the canonical header lines and of the signed header list.
qsizetype headersBound(const HeaderRefs &headers)
{
    qsizetype n = 0;
    for (const HeaderRef &h : headers)
        n += h.name.size() + h.value.size() + 3;
    return n;
}

qsizetype namesBound(const HeaderRefs &headers)
{
    qsizetype n = 0;
    for (const HeaderRef &h : headers)
        n += h.name.size() + 1;
    return n;
}

// Writes "name:value\n" lines to `w` and "a;b;c" to `names`.
void writeCanonicalHeaders(Writer &w, Writer &names, const HeaderRefs &headers)
{
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const HeaderRef &h = headers[i];
        if (i > 0 && compareIgnoringCase(h.name, headers[i - 1].name) == 0) {
            w.unput(); // the '\n' of the previous line
            w.put(',');
        } else {
            if (i > 0)
                names.put(';');
            names.putLowercase(h.name);
            w.putLowercase(h.name);
            w.put(':');
        }
        if (h.clean)
            w.put(h.value);
        else
            w.putCollapsed(h.value);
        w.put('\n');
    }
}

// --- whole canonical request -----------------------------------------------------------------

using SignedHeaders = QVarLengthArray<char, 512>;

// The canonical request; `names` gets the signed header list ("a;b;c").
QByteArray buildCanonicalRequest(const Request &request, const HeaderRef *extra,
                                 qsizetype extraCount, const Settings &settings,
                                 QByteArrayView payloadHash, SignedHeaders &names)
{
    HeaderRefs headers;
    collectHeaders(request.headers, extra, extraCount, headers);
    const qsizetype headerBytes = headersBound(headers);
    names.resize(namesBound(headers) + 1);
    Writer namesWriter(names.data());

    QByteArray out(request.method.size() + canonicalUriBound(request.path)
                       + canonicalQueryBound(request.query) + 2 * headerBytes + payloadHash.size()
                       + 8,
                   Qt::Uninitialized);
    Writer w(out.data());
    w.put(request.method);
    w.put('\n');
    writeCanonicalUri(w, request.path, settings);
    w.put('\n');
    writeCanonicalQuery(w, request.query);
    w.put('\n');
    writeCanonicalHeaders(w, namesWriter, headers);
    w.put('\n');
    const QByteArrayView namesView(names.data(), namesWriter.size());
    w.put(namesView);
    w.put('\n');
    w.put(payloadHash);
    out.truncate(w.size());
    names.resize(namesWriter.size());
    return out;
}

// --- time ------------------------------------------------------------------------------------

using AmzDate = std::array<char, 16>; // "20150830T123600Z"; the first 8 are the date stamp

void put2(char *p, int v)
{
    p[0] = char('0' + v / 10);
    p[1] = char('0' + v % 10);
}

// Formats from the epoch milliseconds with civil-from-days arithmetic (H. Hinnant's algorithm):
// QDateTime::toString() costs more than the rest of a signature together.
std::optional<AmzDate> formatAmzDate(const QDateTime &time)
{
    if (!time.isValid())
        return std::nullopt;
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    // Requests signed in a burst share their second.
    thread_local qint64 lastSecs = std::numeric_limits<qint64>::min();
    thread_local AmzDate last;
    if (secs == lastSecs)
        return last;
    const qint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const qint64 secOfDay = secs - days * 86400;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return std::nullopt;
    AmzDate d;
    put2(d.data(), int(year / 100));
    put2(d.data() + 2, int(year % 100));
    put2(d.data() + 4, month);
    put2(d.data() + 6, day);
    d[8] = 'T';
    put2(d.data() + 9, int(secOfDay / 3600));
    put2(d.data() + 11, int(secOfDay / 60 % 60));
    put2(d.data() + 13, int(secOfDay % 60));
    d[15] = 'Z';
    lastSecs = secs;
    last = d;
    return d;
}

// --- signing keys ----------------------------------------------------------------------------

// One derived key with what depends only on it: the credential scope and OpenSSL's prepared
// HMAC state. The cache compares the secret itself (it holds the caller's implicitly shared
// string, no extra copy of the bytes) and never exposes it.
struct KeyCacheEntry
{
    QString secret;
    QByteArray date;
    QString region;
    QString service;
    QByteArray key;
    QByteArray scope;
    std::optional<crypto::HmacSha256> mac;
};

// A handful of entries covers every (credentials, region, service) a thread signs for; keys
// change daily, so stale entries simply stop matching and are overwritten round-robin.
KeyCacheEntry &keyCacheEntry(const SecretString &secret, QByteArrayView date, const QString &region,
                             const QString &service)
{
    thread_local std::array<KeyCacheEntry, 4> cache;
    thread_local size_t next = 0;
    for (KeyCacheEntry &e : cache) {
        if (e.mac && e.date == date && e.region == region && e.service == service
            && e.secret == secret.reveal())
            return e;
    }
    const QByteArray regionBytes = region.toUtf8();
    const QByteArray serviceBytes = service.toUtf8();
    const crypto::Digest kDate
        = crypto::hmacSha256Digest(QByteArray("AWS4" + secret.reveal().toUtf8()), date);
    const auto view = [](const crypto::Digest &d) {
        return QByteArrayView(reinterpret_cast<const char *>(d.data()), crypto::Sha256Size);
    };
    const crypto::Digest kRegion = crypto::hmacSha256Digest(view(kDate), regionBytes);
    const crypto::Digest kService = crypto::hmacSha256Digest(view(kRegion), serviceBytes);
    const crypto::Digest kSigning = crypto::hmacSha256Digest(view(kService), "aws4_request");

    KeyCacheEntry &e = cache[next];
    next = (next + 1) % cache.size();
    e.secret = secret.reveal();
    e.date = date.toByteArray();
    e.region = region;
    e.service = service;
    e.key = view(kSigning).toByteArray();
    e.scope = e.date + '/' + regionBytes + '/' + serviceBytes + "/aws4_request";
    e.mac.emplace(e.key);
    return e;
}

// Index of the first character that may not go into an HTTP header value of a credential or a
// scope part (anything but printable ASCII, or one of `also`), or -1.
qsizetype firstUnfit(QStringView v, std::string_view also = {})
{
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char16_t c = v[i].unicode();
        if (c <= u' ' || c > u'~' || also.find(char(c)) != std::string_view::npos)
            return i;
    }
    return -1;
}

// Header values may hold obs-text (bytes >= 0x80) and the white space of folded lines, nothing
// else below 0x20.
bool isValidHeaderValue(QByteArrayView v)
{
    return std::none_of(v.begin(), v.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
    });
}

QString quoted(QByteArrayView v)
{
    // For messages: the bytes as UTF-8 with control characters made visible, capped.
    QString out;
    for (const QChar ch : QString::fromUtf8(v.first(std::min<qsizetype>(v.size(), 60)))) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7F)
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    if (v.size() > 60)
        out += QStringLiteral("...");
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString checkRequest(const Request &request, bool *hasToken, QByteArrayView *contentSha256)
{
    if (!isToken(request.method))
        return QStringLiteral("the request method %1 is not a valid HTTP method name")
            .arg(quoted(request.method));
    if (!request.path.isEmpty() && !request.path.startsWith('/'))
        return QStringLiteral("the request path %1 must start with '/' (give the path and "
                              "query, not a full URL)")
            .arg(quoted(request.path));
    bool hasHost = false;
    for (const Header &h : request.headers) {
        const QByteArrayView name = trimmed(h.name);
        if (!isToken(name))
            return QStringLiteral("the header name %1 is not a valid HTTP header name")
                .arg(quoted(h.name));
        if (equalsIgnoringCase(name, "authorization") || equalsIgnoringCase(name, "x-amz-date"))
            return QStringLiteral("the request already carries a %1 header; remove it before "
                                  "signing (SyncDeck adds it itself)")
                .arg(QString::fromLatin1(name));
        if (!isValidHeaderValue(h.value))
            return QStringLiteral("the value of header %1 contains a control character")
                .arg(QString::fromLatin1(name));
        hasHost = hasHost || equalsIgnoringCase(name, "host");
        *hasToken = *hasToken || equalsIgnoringCase(name, "x-amz-security-token");
        if (equalsIgnoringCase(name, "x-amz-content-sha256"))
            *contentSha256 = trimmed(h.value);
    }
    if (!hasHost)
        return QStringLiteral("the request has no Host header; SigV4 always signs Host");
    return {};
}

// The header bytes of the access key id and session token, converted and checked once per
// credentials rather than per request (a session token runs to a kilobyte).
struct CredentialBytes
{
    QString keyId;
    QString token;
    QByteArray keyIdBytes;
    QByteArray tokenBytes;
    qsizetype keyIdUnfitAt = -1;
    qsizetype tokenUnfitAt = -1;
};

const CredentialBytes &credentialBytes(const Credentials &c)
{
    thread_local CredentialBytes cache;
    if (cache.keyId != c.accessKeyId || cache.keyId.isNull()) {
        cache.keyId = c.accessKeyId;
        cache.keyIdUnfitAt = firstUnfit(c.accessKeyId, "/,");
        cache.keyIdBytes = c.accessKeyId.toLatin1(); // exact once the check passed
    }
    if (cache.token != c.sessionToken.reveal()) {
        cache.token = c.sessionToken.reveal();
        cache.tokenUnfitAt = firstUnfit(cache.token);
        cache.tokenBytes = cache.token.toLatin1();
    }
    return cache;
}

QString checkParams(const SigningParams &params, const CredentialBytes &bytes)
{
    const Credentials &c = params.credentials;
    if (!c.isValid())
        return QStringLiteral("no credentials: an access key id and a secret access key are "
                              "needed to sign");
    if (const qsizetype at = bytes.keyIdUnfitAt; at >= 0)
        return QStringLiteral("the access key id has a character at position %1 that cannot go "
                              "into an Authorization header; check AWS_ACCESS_KEY_ID or the "
                              "profile")
            .arg(at + 1);
    // Never quote the token itself: only where it is broken.
    if (const qsizetype at = bytes.tokenUnfitAt; at >= 0)
        return QStringLiteral("the session token has a character at position %1 that is not "
                              "allowed in an HTTP header (white space, a line break or non-ASCII);"
                              " check AWS_SESSION_TOKEN or the profile")
            .arg(at + 1);
    if (params.region.isEmpty() || params.service.isEmpty())
        return QStringLiteral("a region and a service name are needed to sign");
    if (firstUnfit(params.region, "/") >= 0)
        return QStringLiteral("the region '%1' is not a valid region name").arg(params.region);
    if (firstUnfit(params.service, "/") >= 0)
        return QStringLiteral("the service name '%1' is not a valid signing name")
            .arg(params.service);
    if (!params.time.isValid())
        return QStringLiteral("no signing time given");
    if (!formatAmzDate(params.time))
        return QStringLiteral("the signing time %1 is outside the years 0000 to 9999")
            .arg(params.time.toString(Qt::ISODate));
    return {};
}

} // namespace

QByteArray amzDate(const QDateTime &time)
{
    const std::optional<AmzDate> d = formatAmzDate(time);
    return d ? QByteArray(d->data(), qsizetype(d->size())) : QByteArray();
}

QByteArray dateStamp(const QDateTime &time)
{
    const QByteArray date = amzDate(time);
    return date.isEmpty() ? date : date.first(8);
}

QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    QByteArray out(3 * bytes.size(), Qt::Uninitialized);
    Writer w(out.data());
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/'))
            w.put(c);
        else
            w.putEscaped(c);
    }
    out.truncate(w.size());
    return out;
}

bool isUnsignedHeader(QByteArrayView n)
{
    static constexpr std::array<std::string_view, 10> Never = {
        "authorization", "user-agent", "x-amzn-trace-id", "transfer-encoding",
        "connection",    "expect",     "keep-alive",      "te",
        "trailer",       "upgrade",
    };
    const std::string_view name = sv(n);
    if (name.starts_with("proxy-"))
        return true;
    return std::find(Never.begin(), Never.end(), name) != Never.end();
}

QByteArray canonicalUri(QByteArrayView path, const Settings &settings)
{
    QByteArray out(canonicalUriBound(path), Qt::Uninitialized);
    Writer w(out.data());
    writeCanonicalUri(w, path, settings);
    out.truncate(w.size());
    return out;
}

QByteArray canonicalQuery(QByteArrayView query)
{
    QByteArray out(canonicalQueryBound(query), Qt::Uninitialized);
    Writer w(out.data());
    writeCanonicalQuery(w, query);
    out.truncate(w.size());
    return out;
}

QByteArray canonicalHeaders(const QList<Header> &headers, QByteArray *signedHeaders)
{
    HeaderRefs refs;
    collectHeaders(headers, nullptr, 0, refs);
    QByteArray out(headersBound(refs), Qt::Uninitialized);
    QByteArray names(namesBound(refs) + 1, Qt::Uninitialized);
    Writer w(out.data());
    Writer namesWriter(names.data());
    writeCanonicalHeaders(w, namesWriter, refs);
    out.truncate(w.size());
    names.truncate(namesWriter.size());
    if (signedHeaders)
        *signedHeaders = names;
    return out;
}

QByteArray canonicalRequest(const Request &request, const Settings &settings,
                            QByteArrayView payloadHash)
{
    SignedHeaders names;
    return buildCanonicalRequest(request, nullptr, 0, settings, payloadHash, names);
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
    return keyCacheEntry(secret, date, region, service).key;
}

QByteArray signature(QByteArrayView key, QByteArrayView stringToSign)
{
    QByteArray out(2 * crypto::Sha256Size, Qt::Uninitialized);
    crypto::toHex(crypto::hmacSha256Digest(key, stringToSign), out.data());
    return out;
}

SigningResult sign(const Request &request, const SigningParams &params)
{
    SigningResult result;
    bool hasToken = false;
    QByteArrayView presetContentSha256;
    result.error = checkRequest(request, &hasToken, &presetContentSha256);
    if (!result.error.isEmpty()) {
        result.failure = SigningResult::Failure::Request;
        return result;
    }
    const CredentialBytes &credentials = credentialBytes(params.credentials);
    result.error = checkParams(params, credentials);
    if (!result.error.isEmpty()) {
        result.failure = SigningResult::Failure::Parameters;
        return result;
    }

    const Settings &s = params.settings;
    const AmzDate date = *formatAmzDate(params.time);
    const QByteArrayView longDate(date.data(), qsizetype(date.size()));
    KeyCacheEntry &key = keyCacheEntry(params.credentials.secretAccessKey, longDate.first(8),
                                       params.region, params.service);

    // Task 1: the canonical request, with the headers this signer adds.
    QByteArray payloadHash;
    const bool addContentSha256 = s.addContentSha256Header && presetContentSha256.isEmpty();
    if (s.addContentSha256Header && !presetContentSha256.isEmpty())
        payloadHash = presetContentSha256.toByteArray(); // e.g. UNSIGNED-PAYLOAD
    else if (request.body.isEmpty())
        payloadHash = QByteArray::fromRawData(EmptyPayloadHash, sizeof EmptyPayloadHash - 1);
    else
        payloadHash = crypto::sha256Hex(request.body);

    const bool addToken = params.credentials.hasSessionToken() && !hasToken;
    const QByteArray token = addToken ? credentials.tokenBytes : QByteArray();
    const QByteArray dateValue(longDate.data(), longDate.size());
    static const QByteArray TokenName = QByteArrayLiteral("X-Amz-Security-Token");
    static const QByteArray DateName = QByteArrayLiteral("X-Amz-Date");
    static const QByteArray ContentName = QByteArrayLiteral("x-amz-content-sha256");
    static const QByteArray AuthorizationName = QByteArrayLiteral("Authorization");
    HeaderRef extra[3];
    qsizetype extraCount = 0;
    if (addToken && s.signSessionToken)
        extra[extraCount++] = {TokenName, token, 0};
    extra[extraCount++] = {DateName, dateValue, 0};
    if (addContentSha256)
        extra[extraCount++] = {ContentName, payloadHash, 0};
    SignedHeaders signedHeaderNames;
    result.canonicalRequest
        = buildCanonicalRequest(request, extra, extraCount, s, payloadHash, signedHeaderNames);
    const QByteArrayView signedHeaders(signedHeaderNames.data(), signedHeaderNames.size());

    // Task 2: "AWS4-HMAC-SHA256\n<date>\n<scope>\n<hex sha256 of the canonical request>".
    static constexpr qsizetype AlgorithmLength = sizeof Algorithm - 1;
    result.stringToSign = QByteArray(AlgorithmLength + 3 + longDate.size() + key.scope.size()
                                         + 2 * crypto::Sha256Size,
                                     Qt::Uninitialized);
    Writer sts(result.stringToSign.data());
    sts.put(QByteArrayView(Algorithm, AlgorithmLength));
    sts.put('\n');
    sts.put(longDate);
    sts.put('\n');
    sts.put(key.scope);
    sts.put('\n');
    crypto::toHex(crypto::sha256Digest(result.canonicalRequest),
                  result.stringToSign.data() + sts.size());

    // Tasks 3 and 4: HMAC under the (cached) signing key.
    result.signature = QByteArray(2 * crypto::Sha256Size, Qt::Uninitialized);
    crypto::toHex(key.mac->mac(result.stringToSign), result.signature.data());

    const QByteArray &keyId = credentials.keyIdBytes;
    static constexpr QByteArrayView CredentialPart = " Credential=";
    static constexpr QByteArrayView SignedHeadersPart = ", SignedHeaders=";
    static constexpr QByteArrayView SignaturePart = ", Signature=";
    result.authorization
        = QByteArray(AlgorithmLength + CredentialPart.size() + keyId.size() + 1 + key.scope.size()
                         + SignedHeadersPart.size() + signedHeaders.size() + SignaturePart.size()
                         + result.signature.size(),
                     Qt::Uninitialized);
    Writer auth(result.authorization.data());
    auth.put(QByteArrayView(Algorithm, AlgorithmLength));
    auth.put(CredentialPart);
    auth.put(keyId);
    auth.put('/');
    auth.put(key.scope);
    auth.put(SignedHeadersPart);
    auth.put(signedHeaders);
    auth.put(SignaturePart);
    auth.put(result.signature);

    // Placement follows the AWS reference suite: token, date, content hash, then Authorization.
    result.headersToAdd.reserve(4);
    if (addToken)
        result.headersToAdd.append({TokenName, token});
    result.headersToAdd.append({DateName, dateValue});
    if (addContentSha256)
        result.headersToAdd.append({ContentName, payloadHash});
    result.headersToAdd.append({AuthorizationName, result.authorization});
    return result;
}

} // namespace syncdeck::aws::sigv4
