#pragma once

#include "aws/credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

class QTcpSocket;

namespace syncdeck::test {

// A response as the test saw it: status, headers, body, or the transport error.
struct HttpResult
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString transportError; // empty when an HTTP answer arrived
    bool closed = false; // raw sockets: the server closed the connection after the answer

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    // x-amzn-ErrorType up to the first ':'.
    QByteArray errorType() const { return header("x-amzn-ErrorType").split(':').constFirst(); }
};

// What to sign and send. Path and query are the bytes on the wire (already percent-encoded).
struct SignedRequest
{
    QByteArray method = "GET";
    QByteArray path = "/applications";
    QByteArray query;
    QDateTime signingTime; // invalid: now
    QList<QPair<QByteArray, QByteArray>> extraHeaders; // signed too
    QByteArray body;
    bool sign = true;
};

// Signs requests with SyncDeck's SigV4 signer and sends them with QNetworkAccessManager.
class SignedHttp
{
public:
    SignedHttp(QUrl base, aws::Credentials credentials,
               QString region = QStringLiteral("us-east-1"));

    HttpResult send(const SignedRequest &request, int timeoutMs = 20000);
    HttpResult get(const QByteArray &path, const QByteArray &query = {})
    {
        SignedRequest r;
        r.path = path;
        r.query = query;
        return send(r);
    }

    // The same request as raw HTTP/1.1 bytes (for sockets the test drives itself).
    QByteArray wireBytes(const SignedRequest &request, bool connectionClose = false) const;

    void setCredentials(aws::Credentials credentials) { m_credentials = std::move(credentials); }
    // The SigV4 signing name ("qbusiness" unless told otherwise, e.g. "logs").
    void setService(QString service) { m_service = std::move(service); }

private:
    QList<QPair<QByteArray, QByteArray>> signedHeaders(const SignedRequest &request) const;

    QUrl m_base;
    aws::Credentials m_credentials;
    QString m_region;
    QString m_service = QStringLiteral("qbusiness");
    QNetworkAccessManager m_nam;
};

// The emulator's default credentials.
aws::Credentials emulatorCredentials();
// RFC 3986 encoding of a query value (what SDKs do with `+ / =`).
QByteArray encodeQueryValue(const QString &value);
// Reads one HTTP response off a connected socket (blocking, bounded by timeoutMs). *pending
// holds bytes read past that response (pipelined answers); pass the same buffer each time.
HttpResult readResponse(QTcpSocket *socket, QByteArray *pending, int timeoutMs = 20000);

} // namespace syncdeck::test
