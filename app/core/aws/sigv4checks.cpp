#include "sigv4checks.h"

#include "awstime.h"
#include "sigv4bytes.h"

#include <string_view>

namespace syncdeck::aws::sigv4::detail {
namespace {

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

} // namespace

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
    if (!awstime::formatAmzDate(params.time.toMSecsSinceEpoch()))
        return QStringLiteral("the signing time %1 is outside the years 0000 to 9999")
            .arg(params.time.toString(Qt::ISODate));
    return {};
}

} // namespace syncdeck::aws::sigv4::detail
