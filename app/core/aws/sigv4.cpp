#include "sigv4.h"

#include "crypto.h"
#include "sigv4canonical.h"
#include "sigv4checks.h"
#include "sigv4keycache.h"

// The stages of a signature, in the files beside this one: sigv4canonical (task 1, the canonical
// request), sigv4keycache (task 3, derived keys), sigv4checks (what sign() refuses) and
// sigv4bytes (the bounded writer they all write into). The per-request path (sign()) writes
// every stage straight into a buffer sized by an upper bound, with no intermediate strings: a
// signature costs a handful of allocations (the strings it returns) and two SHA-256 passes, which
// keeps it within a small factor of the bare hashing.
namespace syncdeck::aws::sigv4 {

using namespace detail;

namespace {

constexpr qsizetype AlgorithmLength = sizeof Algorithm - 1;

// The payload hash to sign: a preset x-amz-content-sha256 (e.g. UNSIGNED-PAYLOAD) when the
// settings sign that header, else the hash of the body.
QByteArray payloadHash(const Request &request, const Settings &s, QByteArrayView preset)
{
    if (s.addContentSha256Header && !preset.isEmpty())
        return preset.toByteArray();
    if (request.body.isEmpty())
        return QByteArray::fromRawData(EmptyPayloadHash, sizeof EmptyPayloadHash - 1);
    return crypto::sha256Hex(request.body);
}

// Task 2: "AWS4-HMAC-SHA256\n<date>\n<scope>\n<hex sha256 of the canonical request>".
QByteArray writeStringToSign(QByteArrayView longDate, QByteArrayView scope,
                             const QByteArray &canonicalRequest)
{
    QByteArray out(AlgorithmLength + 3 + longDate.size() + scope.size() + 2 * crypto::Sha256Size,
                   Qt::Uninitialized);
    BoundedWriter w(out.data());
    w.put(QByteArrayView(Algorithm, AlgorithmLength));
    w.put('\n');
    w.put(longDate);
    w.put('\n');
    w.put(scope);
    w.put('\n');
    crypto::toHex(crypto::sha256Digest(canonicalRequest), out.data() + w.size());
    return out;
}

// Task 4's header: "AWS4-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<names>,
// Signature=<hex>".
QByteArray writeAuthorization(QByteArrayView keyId, QByteArrayView scope,
                              QByteArrayView signedHeaders, QByteArrayView signature)
{
    static constexpr QByteArrayView CredentialPart = " Credential=";
    static constexpr QByteArrayView SignedHeadersPart = ", SignedHeaders=";
    static constexpr QByteArrayView SignaturePart = ", Signature=";
    QByteArray out(AlgorithmLength + CredentialPart.size() + keyId.size() + 1 + scope.size()
                       + SignedHeadersPart.size() + signedHeaders.size() + SignaturePart.size()
                       + signature.size(),
                   Qt::Uninitialized);
    BoundedWriter w(out.data());
    w.put(QByteArrayView(Algorithm, AlgorithmLength));
    w.put(CredentialPart);
    w.put(keyId);
    w.put('/');
    w.put(scope);
    w.put(SignedHeadersPart);
    w.put(signedHeaders);
    w.put(SignaturePart);
    w.put(signature);
    return out;
}

} // namespace

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
    const awstime::AmzDateText date = *awstime::formatAmzDate(params.time.toMSecsSinceEpoch());
    const QByteArrayView longDate(date.data(), qsizetype(date.size()));
    KeyCacheEntry &key = keyCacheEntry(params.credentials.secretAccessKey, longDate.first(8),
                                       params.region, params.service);

    // Task 1: the canonical request, with the headers this signer adds.
    const QByteArray hash = payloadHash(request, s, presetContentSha256);
    const bool addContentSha256 = s.addContentSha256Header && presetContentSha256.isEmpty();
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
        extra[extraCount++] = {ContentName, hash, 0};
    SignedHeaders signedHeaderNames;
    result.canonicalRequest
        = buildCanonicalRequest(request, extra, extraCount, s, hash, signedHeaderNames);

    // Tasks 2 to 4: the string to sign, its HMAC under the (cached) signing key, the header.
    result.stringToSign = writeStringToSign(longDate, key.scope, result.canonicalRequest);
    result.signature = QByteArray(2 * crypto::Sha256Size, Qt::Uninitialized);
    crypto::toHex(key.mac->mac(result.stringToSign), result.signature.data());
    result.authorization = writeAuthorization(
        credentials.keyIdBytes, key.scope,
        QByteArrayView(signedHeaderNames.data(), signedHeaderNames.size()), result.signature);

    // Placement follows the AWS reference suite: token, date, content hash, then Authorization.
    result.headersToAdd.reserve(4);
    if (addToken)
        result.headersToAdd.append({TokenName, token});
    result.headersToAdd.append({DateName, dateValue});
    if (addContentSha256)
        result.headersToAdd.append({ContentName, hash});
    result.headersToAdd.append({AuthorizationName, result.authorization});
    return result;
}

} // namespace syncdeck::aws::sigv4
