#pragma once

#include "sigv4.h"

#include <QString>

// What sign() refuses, checked before any work: malformed requests (fix the request) and
// credentials or scope parts that cannot go into a header (fix the configuration). Messages say
// which and where, and never quote a secret or a session token.
namespace syncdeck::aws::sigv4::detail {

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
// The calling thread's bytes of these credentials.
const CredentialBytes &credentialBytes(const Credentials &credentials);

// Empty when the request can be signed; sets *hasToken when it already carries
// x-amz-security-token and *contentSha256 to its x-amz-content-sha256 value.
QString checkRequest(const Request &request, bool *hasToken, QByteArrayView *contentSha256);
// Empty when the parameters can sign.
QString checkParams(const SigningParams &params, const CredentialBytes &bytes);

} // namespace syncdeck::aws::sigv4::detail
