#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Verifies AWS Signature Version 4 on a request as received: the canonical request is rebuilt
// from the bytes on the wire with SyncDeck's signer and the signature recomputed.
namespace syncdeck::emulator {

struct AuthResult
{
    bool ok = false;
    int httpStatus = 403;
    QString code; // UnrecognizedClientException, InvalidSignatureException, ...
    QString message;
    QString accessKeyId; // for the request log (never the secret)
};

class Authenticator
{
public:
    Authenticator(QString accessKeyId, QString secretAccessKey, QString sessionToken,
                  QString region);

    // `now` is the service's (possibly skewed) clock; `service` the signing name of the API the
    // request is for ("qbusiness", "logs"), which its credential scope must name.
    AuthResult verify(const HttpRequest &request, const QDateTime &now,
                      const QString &service) const;

private:
    // What the request says about its signature.
    struct SignedParts
    {
        QByteArray credential; // "AKID/20240501/us-east-1/qbusiness/aws4_request"
        QByteArray signedHeaders;
        QByteArray signature;
        QByteArray amzDate;
        QList<QByteArray> scope; // the credential's five parts
        QDateTime signedAt;
    };
    // The stages, in AWS's order; each returns the refusal, or nothing to go on.
    static std::optional<AuthResult> readAuthorization(const HttpRequest &request,
                                                       SignedParts *parts);
    std::optional<AuthResult> checkCaller(const HttpRequest &request, SignedParts *parts) const;
    std::optional<AuthResult> checkScope(const QDateTime &now, const QString &service,
                                         SignedParts *parts) const;
    std::optional<AuthResult> checkSignature(const HttpRequest &request, const QString &service,
                                             const SignedParts &parts) const;

    QString m_accessKeyId;
    QString m_secretAccessKey;
    QString m_sessionToken;
    QString m_region;
};

} // namespace syncdeck::emulator
