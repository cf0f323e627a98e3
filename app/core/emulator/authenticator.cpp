#include "authenticator.h"

#include "aws/awstime.h"
#include "aws/crypto.h"

namespace syncdeck::emulator {

namespace {

// AWS allows 5 minutes between the request's signing time and its own clock.
constexpr qint64 AllowedSkewSeconds = 5 * 60;

AuthResult failure(const char *code, QString message)
{
    AuthResult r;
    r.code = QString::fromLatin1(code);
    r.message = std::move(message);
    return r;
}

} // namespace

Authenticator::Authenticator(QString accessKeyId, QString secretAccessKey, QString sessionToken,
                             QString region)
    : m_accessKeyId(std::move(accessKeyId))
    , m_secretAccessKey(std::move(secretAccessKey))
    , m_sessionToken(std::move(sessionToken))
    , m_region(std::move(region))
{ }

AuthResult Authenticator::verify(const HttpRequest &request, const QDateTime &now,
                                 const QString &service) const
{
    using namespace aws;
    const QByteArray authorization = request.header("authorization");
    if (authorization.isNull()) {
        // What AWS front ends answer for unsigned requests.
        return failure("MissingAuthenticationTokenException",
                       QStringLiteral("Missing Authentication Token"));
    }
    const QByteArray prefix = QByteArray(sigv4::Algorithm) + ' ';
    if (!authorization.startsWith(prefix)) {
        return failure(
            "IncompleteSignatureException",
            QStringLiteral("Authorization header requires the %1 algorithm, got '%2'.")
                .arg(QLatin1String(sigv4::Algorithm),
                     QString::fromLatin1(authorization.left(authorization.indexOf(' ')))));
    }
    QByteArray credential, signedHeaders, signature;
    for (const QByteArray &part : authorization.mid(prefix.size()).split(',')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = item.first(eq);
        if (key == "Credential")
            credential = item.sliced(eq + 1);
        else if (key == "SignedHeaders")
            signedHeaders = item.sliced(eq + 1);
        else if (key == "Signature")
            signature = item.sliced(eq + 1);
    }
    QStringList missing;
    if (credential.isEmpty())
        missing << QStringLiteral("Authorization header requires 'Credential' parameter.");
    if (signedHeaders.isEmpty())
        missing << QStringLiteral("Authorization header requires 'SignedHeaders' parameter.");
    if (signature.isEmpty())
        missing << QStringLiteral("Authorization header requires 'Signature' parameter.");
    const QByteArray amzDateValue = request.header("x-amz-date");
    if (amzDateValue.isNull())
        missing << QStringLiteral(
            "Authorization header requires existence of either a 'X-Amz-Date' "
            "or a 'Date' header.");
    if (!missing.isEmpty()) {
        return failure("IncompleteSignatureException",
                       missing.join(QLatin1Char(' ')) + QStringLiteral(" Authorization=")
                           + QString::fromLatin1(authorization.left(authorization.indexOf(' '))));
    }

    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5) {
        return failure("IncompleteSignatureException",
                       QStringLiteral("Credential must have exactly 5 slash-delimited elements, "
                                      "e.g. keyid/date/region/service/term, got '%1'")
                           .arg(QString::fromLatin1(credential)));
    }
    AuthResult result;
    result.accessKeyId = QString::fromLatin1(scope[0]);
    if (result.accessKeyId != m_accessKeyId) {
        AuthResult r
            = failure("UnrecognizedClientException",
                      QStringLiteral("The security token included in the request is invalid."));
        r.accessKeyId = result.accessKeyId;
        return r;
    }
    const QByteArray token = request.header("x-amz-security-token");
    if (!m_sessionToken.isEmpty() && token != m_sessionToken.toUtf8()) {
        AuthResult r
            = failure("UnrecognizedClientException",
                      QStringLiteral("The security token included in the request is invalid."));
        r.accessKeyId = result.accessKeyId;
        return r;
    }

    const std::optional<qint64> signedAtMs = awstime::parseAmzDate(amzDateValue);
    if (!signedAtMs) {
        return failure("IncompleteSignatureException",
                       QStringLiteral("Date must be in ISO-8601 'basic format'. Got '%1'. See "
                                      "http://en.wikipedia.org/wiki/ISO_8601")
                           .arg(QString::fromLatin1(amzDateValue)));
    }
    const QDateTime signedAt = awstime::toDateTime(*signedAtMs);
    const qint64 skew = signedAt.secsTo(now);
    if (skew > AllowedSkewSeconds) {
        const QDateTime earliest = now.addSecs(-AllowedSkewSeconds);
        return failure("InvalidSignatureException",
                       QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - 5 min.)")
                           .arg(QString::fromLatin1(amzDateValue),
                                QString::fromLatin1(awstime::amzDate(earliest)),
                                QString::fromLatin1(awstime::amzDate(now))));
    }
    if (skew < -AllowedSkewSeconds) {
        const QDateTime latest = now.addSecs(AllowedSkewSeconds);
        return failure("InvalidSignatureException",
                       QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + "
                                      "5 min.)")
                           .arg(QString::fromLatin1(amzDateValue),
                                QString::fromLatin1(awstime::amzDate(latest)),
                                QString::fromLatin1(awstime::amzDate(now))));
    }
    if (scope[1] != awstime::dateStamp(signedAt)) {
        return failure(
            "InvalidSignatureException",
            QStringLiteral("Date in Credential scope does not match YYYYMMDD from "
                           "ISO-8601 version of date from HTTP: '%1' != '%2', from '%3'.")
                .arg(QString::fromLatin1(scope[1]),
                     QString::fromLatin1(awstime::dateStamp(signedAt)),
                     QString::fromLatin1(amzDateValue)));
    }
    if (scope[2] != m_region.toLatin1()) {
        return failure("InvalidSignatureException",
                       QStringLiteral("Credential should be scoped to a valid region. "));
    }
    if (scope[3] != service.toLatin1()) {
        return failure(
            "InvalidSignatureException",
            QStringLiteral("Credential should be scoped to correct service: '%1'. ").arg(service));
    }
    if (scope[4] != "aws4_request") {
        return failure("InvalidSignatureException",
                       QStringLiteral("Credential should be scoped with a valid terminator: "
                                      "'aws4_request', not '%1'. ")
                           .arg(QString::fromLatin1(scope[4])));
    }

    // Rebuild the request from the signed headers only, exactly as received.
    const QList<QByteArray> names = signedHeaders.split(';');
    if (!names.contains("host")) {
        return failure("InvalidSignatureException",
                       QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                                      "Authorization."));
    }
    sigv4::Request rebuilt;
    rebuilt.method = request.method;
    rebuilt.path = request.path;
    rebuilt.query = request.query;
    rebuilt.body = request.body;
    for (const auto &h : request.headers) {
        if (names.contains(h.name.toLower()))
            rebuilt.headers.append(h);
    }
    const sigv4::Settings settings;
    const QByteArray canonical
        = sigv4::canonicalRequest(rebuilt, settings, aws::crypto::sha256Hex(request.body));
    const QByteArray scopeText = sigv4::credentialScope(signedAt, m_region, service);
    const QByteArray toSign = sigv4::stringToSign(signedAt, scopeText, canonical);
    const QByteArray key = sigv4::signingKey(SecretString(m_secretAccessKey),
                                             awstime::dateStamp(signedAt), m_region, service);
    const QByteArray expected = sigv4::signature(key, toSign);
    if (expected != signature) {
        // AWS shows both stages so a client author can diff them against their own.
        return failure(
            "InvalidSignatureException",
            QStringLiteral("The request signature we calculated does not match the "
                           "signature you provided. Check your AWS Secret Access Key "
                           "and signing method. Consult the service documentation for "
                           "details.\n\nThe Canonical String for this request should "
                           "have been\n'%1'\n\nThe String-to-Sign should have been\n'%2'\n")
                .arg(QString::fromUtf8(canonical), QString::fromUtf8(toSign)));
    }
    result.ok = true;
    result.httpStatus = 200;
    return result;
}

} // namespace syncdeck::emulator
