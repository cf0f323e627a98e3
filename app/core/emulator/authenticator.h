#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QString>

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
    QString m_accessKeyId;
    QString m_secretAccessKey;
    QString m_sessionToken;
    QString m_region;
};

} // namespace syncdeck::emulator
