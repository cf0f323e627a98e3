#include "sigv4canonical.h"

#include <algorithm>

// Task 1 of SigV4, "Create a canonical request": each part written straight into a buffer sized
// by an upper bound, with no intermediate strings.
namespace syncdeck::aws::sigv4 {
namespace detail {

// --- canonical URI ---------------------------------------------------------------------------

qsizetype canonicalUriBound(QByteArrayView path)
{
    return 3 * path.size() + 3; // every byte escaped, plus a leading and a trailing '/'
}

namespace {

void putPathBytes(BoundedWriter &w, QByteArrayView bytes, bool doubleEncode)
{
    for (char c : bytes) {
        // Double encoding escapes the '%' of existing escapes too; single encoding keeps them.
        if (isUnreserved(c) || c == '/' || (!doubleEncode && c == '%'))
            w.put(c);
        else
            w.putEscaped(c);
    }
}

} // namespace

void writeCanonicalUri(BoundedWriter &w, QByteArrayView path, const Settings &settings)
{
    if (path.isEmpty())
        path = "/";
    if (!settings.normalizePath) {
        putPathBytes(w, path, settings.doubleEncodePath);
        return;
    }
    // RFC 3986 section 5.2.4's dot-segment removal, also dropping empty segments, as both AWS
    // SDK signers do it (smithy's getCanonicalPath, botocore's remove_dot_segments): the result
    // keeps a trailing '/' only when the path itself ends in one, so "/a/b/." and "/a/b/.."
    // sign as "/a/b" and "/a", where RFC 3986 would keep "/a/b/" and "/a/".
    QVarLengthArray<QByteArrayView, 32> segments;
    const bool trailingSlash = path.endsWith('/');
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
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

namespace {

// Decodes the escapes that are well-formed (AWS leaves malformed ones as they are) and encodes
// the result again with SigV4's rules, in one pass. Returns the bytes written.
qsizetype reencode(QByteArrayView in, char *out)
{
    BoundedWriter w(out);
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

} // namespace

void writeCanonicalQuery(BoundedWriter &w, QByteArrayView query)
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

namespace {

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

} // namespace

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

void writeCanonicalHeaders(BoundedWriter &w, BoundedWriter &names, const HeaderRefs &headers)
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

QByteArray buildCanonicalRequest(const Request &request, const HeaderRef *extra,
                                 qsizetype extraCount, const Settings &settings,
                                 QByteArrayView payloadHash, SignedHeaders &names)
{
    HeaderRefs headers;
    collectHeaders(request.headers, extra, extraCount, headers);
    const qsizetype headerBytes = headersBound(headers);
    names.resize(namesBound(headers) + 1);
    BoundedWriter namesWriter(names.data());

    QByteArray out(request.method.size() + canonicalUriBound(request.path)
                       + canonicalQueryBound(request.query) + 2 * headerBytes + payloadHash.size()
                       + 8,
                   Qt::Uninitialized);
    BoundedWriter w(out.data());
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

} // namespace detail

using namespace detail;

QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    QByteArray out(3 * bytes.size(), Qt::Uninitialized);
    BoundedWriter w(out.data());
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/'))
            w.put(c);
        else
            w.putEscaped(c);
    }
    out.truncate(w.size());
    return out;
}

bool isUnsignedHeader(QByteArrayView lowercaseName)
{
    static constexpr std::array<std::string_view, 10> Never = {
        "authorization", "user-agent", "x-amzn-trace-id", "transfer-encoding",
        "connection",    "expect",     "keep-alive",      "te",
        "trailer",       "upgrade",
    };
    const std::string_view name = sv(lowercaseName);
    if (name.starts_with("proxy-"))
        return true;
    return std::find(Never.begin(), Never.end(), name) != Never.end();
}

QByteArray canonicalUri(QByteArrayView path, const Settings &settings)
{
    QByteArray out(canonicalUriBound(path), Qt::Uninitialized);
    BoundedWriter w(out.data());
    writeCanonicalUri(w, path, settings);
    out.truncate(w.size());
    return out;
}

QByteArray canonicalQuery(QByteArrayView query)
{
    QByteArray out(canonicalQueryBound(query), Qt::Uninitialized);
    BoundedWriter w(out.data());
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
    BoundedWriter w(out.data());
    BoundedWriter namesWriter(names.data());
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

} // namespace syncdeck::aws::sigv4
