#pragma once

#include "awstime.h"
#include "credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// AWS Signature Version 4, as pure staged functions over an HTTP request as it is sent:
//   canonicalRequest() -> stringToSign() -> signingKey() -> signature() -> sign().
// Nothing here reads the clock or logs: the signing time is a parameter and the secret key only
// flows into the HMAC chain. Spec: "Create a signed AWS API request" (AWS IAM user guide).
namespace syncdeck::aws::sigv4 {

struct Header
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const Header &, const Header &) = default;
};

// An HTTP request exactly as it goes on the wire: `path` and `query` are the percent-encoded
// bytes of the request target (query without '?'), `headers` in sending order (Host included).
struct Request
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QList<Header> headers;
    QByteArray body;
};

struct Settings
{
    // Remove "." and ".." and empty path segments before signing. On for every AWS service
    // SyncDeck calls; off only for S3-style signing.
    bool normalizePath = true;
    // URI-encode the already-encoded path again ('%' becomes "%25"). On for everything but S3.
    bool doubleEncodePath = true;
    // Add and sign x-amz-content-sha256 with the payload hash (S3 and the suite's sign_body).
    bool addContentSha256Header = false;
    // When false, x-amz-security-token is added after signing and not signed (suite's
    // omit_session_token; some services need it so).
    bool signSessionToken = true;
};

struct SigningParams
{
    Credentials credentials;
    QString region;
    QString service;
    QDateTime time; // UTC signing time; callers pass a clock-skew-corrected now()
    Settings settings;
};

// What sign() produces: the headers to add to the request (in the order AWS's reference
// places them) plus every intermediate stage, for diagnostics such as `sign-request`.
struct SigningResult
{
    // What a failure was about: the request itself (fix the request) or the signing
    // parameters (credentials, region, service, time: fix the configuration).
    enum class Failure { None, Request, Parameters };

    QString error; // empty on success
    Failure failure = Failure::None;
    QList<Header> headersToAdd;
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature; // lowercase hex
    QByteArray authorization;

    bool ok() const { return error.isEmpty(); }
};

inline constexpr char Algorithm[] = "AWS4-HMAC-SHA256";
inline constexpr char EmptyPayloadHash[]
    = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// "20150830T123600Z" and "20150830" of a UTC time (formatted by awstime).
using awstime::amzDate;
using awstime::dateStamp;

// RFC 3986 percent-encoding of everything but A-Z a-z 0-9 - . _ ~ (and '/' when keepSlash).
QByteArray uriEncode(QByteArrayView bytes, bool keepSlash = false);

// Task 1 pieces.
QByteArray canonicalUri(QByteArrayView path, const Settings &settings);
QByteArray canonicalQuery(QByteArrayView query);
// Lowercased, trimmed, whitespace-collapsed, duplicate names joined with ',', sorted, without
// the headers SigV4 never signs. Returns "name:value\n" lines; *signedHeaders gets "a;b;c".
QByteArray canonicalHeaders(const QList<Header> &headers, QByteArray *signedHeaders);
// The whole canonical request of a request that already carries every header to be signed.
QByteArray canonicalRequest(const Request &request, const Settings &settings,
                            QByteArrayView payloadHash);

// Task 2.
QByteArray credentialScope(const QDateTime &time, const QString &region, const QString &service);
QByteArray stringToSign(const QDateTime &time, QByteArrayView scope,
                        QByteArrayView canonicalRequest);

// Task 3: HMAC chain "AWS4"+secret -> date -> region -> service -> "aws4_request". Cached per
// (secret, date, region, service) for the calling thread.
QByteArray signingKey(const SecretString &secret, QByteArrayView date, const QString &region,
                      const QString &service);
QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign);

// Everything: refuses requests that already carry Authorization or X-Amz-Date, or lack Host,
// and malformed methods, header names and values, credentials or scope parts.
SigningResult sign(const Request &request, const SigningParams &params);

// True for headers SigV4 must not sign (user-agent, authorization, hop-by-hop, ...).
bool isUnsignedHeader(QByteArrayView lowercaseName);

} // namespace syncdeck::aws::sigv4
