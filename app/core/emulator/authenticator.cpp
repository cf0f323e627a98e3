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
    SignedParts parts;
    std::optional<AuthResult> refused = readAuthorization(request, &parts);
    if (!refused)
        refused = checkCaller(request, &parts);
    if (!refused)
        refused = checkScope(now, service, &parts);
    if (!refused)
        refused = checkSignature(request, service, parts);
    if (refused)
        return *refused;
    AuthResult result;
    result.ok = true;
    result.httpStatus = 200;
    result.accessKeyId = QString::fromLatin1(parts.scope[0]);
    return result;
}

std::optional<AuthResult> Authenticator::readAuthorization(const HttpRequest &request,
                                                           SignedParts *parts)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isNull()) {
        // What AWS front ends answer for unsigned requests.
        return failure("MissingAuthenticationTokenException",
                       QStringLiteral("Missing Authentication Token"));
    }
    const QByteArray prefix = QByteArray(aws::sigv4::Algorithm) + ' ';
    if (!authorization.startsWith(prefix)) {
        return failure(
            "IncompleteSignatureException",
            QStringLiteral("Authorization header requires the %1 algorithm, got '%2'.")
                .arg(QLatin1String(aws::sigv4::Algorithm),
                     QString::fromLatin1(authorization.left(authorization.indexOf(' ')))));
    }
    for (const QByteArray &part : authorization.mid(prefix.size()).split(',')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = item.first(eq);
        if (key == "Credential")
            parts->credential = item.sliced(eq + 1);
        else if (key == "SignedHeaders")
            parts->signedHeaders = item.sliced(eq + 1);
        else if (key == "Signature")
            parts->signature = item.sliced(eq + 1);
    }
    QStringList missing;
    if (parts->credential.isEmpty())
        missing << QStringLiteral("Authorization header requires 'Credential' parameter.");
    if (parts->signedHeaders.isEmpty())
        missing << QStringLiteral("Authorization header requires 'SignedHeaders' parameter.");
    if (parts->signature.isEmpty())
        missing << QStringLiteral("Authorization header requires 'Signature' parameter.");
    parts->amzDate = request.header("x-amz-date");
    if (parts->amzDate.isNull())
        missing << QStringLiteral(
            "Authorization header requires existence of either a 'X-Amz-Date' "
            "or a 'Date' header.");
    if (!missing.isEmpty()) {
        return failure("IncompleteSignatureException",
                       missing.join(QLatin1Char(' ')) + QStringLiteral(" Authorization=")
                           + QString::fromLatin1(authorization.left(authorization.indexOf(' '))));
    }

    return std::nullopt;
}

std::optional<AuthResult> Authenticator::checkCaller(const HttpRequest &request,
                                                     SignedParts *parts) const
{
    parts->scope = parts->credential.split('/');
    if (parts->scope.size() != 5) {
        return failure("IncompleteSignatureException",
                       QStringLiteral("Credential must have exactly 5 slash-delimited elements, "
                                      "e.g. keyid/date/region/service/term, got '%1'")
                           .arg(QString::fromLatin1(parts->credential)));
    }
    const QString accessKeyId = QString::fromLatin1(parts->scope[0]);
    if (accessKeyId != m_accessKeyId) {
        AuthResult r
            = failure("UnrecognizedClientException",
                      QStringLiteral("The security token included in the request is invalid."));
        r.accessKeyId = accessKeyId;
        return r;
    }
    const QByteArray token = request.header("x-amz-security-token");
    if (!m_sessionToken.isEmpty() && token != m_sessionToken.toUtf8()) {
        AuthResult r
            = failure("UnrecognizedClientException",
                      QStringLiteral("The security token included in the request is invalid."));
        r.accessKeyId = accessKeyId;
        return r;
    }

    return std::nullopt;
}

std::optional<AuthResult> Authenticator::checkScope(const QDateTime &now, const QString &service,
                                                    SignedParts *parts) const
{
    const std::optional<qint64> signedAtMs = aws::awstime::parseAmzDate(parts->amzDate);
    if (!signedAtMs) {
        return failure("IncompleteSignatureException",
                       QStringLiteral("Date must be in ISO-8601 'basic format'. Got '%1'. See "
                                      "http://en.wikipedia.org/wiki/ISO_8601")
                           .arg(QString::fromLatin1(parts->amzDate)));
    }
    parts->signedAt = aws::awstime::toDateTime(*signedAtMs);
    const QDateTime &signedAt = parts->signedAt;
    const qint64 skew = signedAt.secsTo(now);
    if (skew > AllowedSkewSeconds) {
        const QDateTime earliest = now.addSecs(-AllowedSkewSeconds);
        return failure("InvalidSignatureException",
                       QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - 5 min.)")
                           .arg(QString::fromLatin1(parts->amzDate),
                                QString::fromLatin1(aws::awstime::amzDate(earliest)),
                                QString::fromLatin1(aws::awstime::amzDate(now))));
    }
    if (skew < -AllowedSkewSeconds) {
        const QDateTime latest = now.addSecs(AllowedSkewSeconds);
        return failure("InvalidSignatureException",
                       QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + "
                                      "5 min.)")
                           .arg(QString::fromLatin1(parts->amzDate),
                                QString::fromLatin1(aws::awstime::amzDate(latest)),
                                QString::fromLatin1(aws::awstime::amzDate(now))));
    }
    if (parts->scope[1] != aws::awstime::dateStamp(signedAt)) {
        return failure(
            "InvalidSignatureException",
            QStringLiteral("Date in Credential scope does not match YYYYMMDD from "
                           "ISO-8601 version of date from HTTP: '%1' != '%2', from '%3'.")
                .arg(QString::fromLatin1(parts->scope[1]),
                     QString::fromLatin1(aws::awstime::dateStamp(signedAt)),
                     QString::fromLatin1(parts->amzDate)));
    }
    if (parts->scope[2] != m_region.toLatin1()) {
        return failure("InvalidSignatureException",
                       QStringLiteral("Credential should be scoped to a valid region. "));
    }
    if (parts->scope[3] != service.toLatin1()) {
        return failure(
            "InvalidSignatureException",
            QStringLiteral("Credential should be scoped to correct service: '%1'. ").arg(service));
    }
    if (parts->scope[4] != "aws4_request") {
        return failure("InvalidSignatureException",
                       QStringLiteral("Credential should be scoped with a valid terminator: "
                                      "'aws4_request', not '%1'. ")
                           .arg(QString::fromLatin1(parts->scope[4])));
    }

    return std::nullopt;
}

std::optional<AuthResult> Authenticator::checkSignature(const HttpRequest &request,
                                                        const QString &service,
                                                        const SignedParts &parts) const
{
    // Rebuild the request from the signed headers only, exactly as received.
    const QList<QByteArray> names = parts.signedHeaders.split(';');
    if (!names.contains("host")) {
        return failure("InvalidSignatureException",
                       QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                                      "Authorization."));
    }
    aws::sigv4::Request rebuilt;
    rebuilt.method = request.method;
    rebuilt.path = request.path;
    rebuilt.query = request.query;
    rebuilt.body = request.body;
    for (const auto &h : request.headers) {
        if (names.contains(h.name.toLower()))
            rebuilt.headers.append(h);
    }
    const aws::sigv4::Settings settings;
    const QByteArray canonical
        = aws::sigv4::canonicalRequest(rebuilt, settings, aws::crypto::sha256Hex(request.body));
    const QByteArray scopeText = aws::sigv4::credentialScope(parts.signedAt, m_region, service);
    const QByteArray toSign = aws::sigv4::stringToSign(parts.signedAt, scopeText, canonical);
    const QByteArray key
        = aws::sigv4::signingKey(aws::SecretString(m_secretAccessKey),
                                 aws::awstime::dateStamp(parts.signedAt), m_region, service);
    const QByteArray expected = aws::sigv4::signature(key, toSign);
    if (expected != parts.signature) {
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
    return std::nullopt;
}

} // namespace syncdeck::emulator
