#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace syncdeck::test {

// One HTTP/1.1 request as it arrived, byte for byte.
struct RawHttpRequest
{
    QByteArray method;
    QByteArray target; // request target as sent: path?query, still percent-encoded
    QByteArray path;
    QByteArray query; // without '?'
    QList<QPair<QByteArray, QByteArray>> headers; // in arrival order, names as sent
    QByteArray body;
    QByteArray head; // request line and headers, raw
    int connection = 0; // which TCP connection (1-based, in accept order) carried it

    // First value of a header, looked up case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

// What the handler wants done with a request.
struct RawHttpReply
{
    enum class Action {
        Send, // write `bytes`, keep the connection for the next request
        SendAndClose, // write `bytes`, then close normally
        Reset, // write `bytes` (may be empty), then reset the connection (RST)
        Stall, // write `bytes` (may be empty), then say nothing more, keep the connection open
    };
    QByteArray bytes;
    Action action = Action::Send;

    // A complete response with Content-Length. `extraHeaders` are "Name: value" lines.
    static RawHttpReply response(int status, const QByteArray &body,
                                 const QByteArray &contentType = "application/json",
                                 const QList<QByteArray> &extraHeaders = {});
    static RawHttpReply json(int status, const QByteArray &body,
                             const QList<QByteArray> &extraHeaders = {});
    // An AWS rest-json error with x-amzn-ErrorType and x-amzn-RequestId.
    static RawHttpReply awsError(int status, const QByteArray &code, const QByteArray &message,
                                 const QByteArray &requestId = "req-test",
                                 const QByteArray &extraJsonMembers = {},
                                 const QList<QByteArray> &extraHeaders = {});
    static RawHttpReply raw(const QByteArray &bytes, Action action = Action::Send);
    static RawHttpReply reset();
    static RawHttpReply stall(const QByteArray &bytes = {});
};

// A loopback HTTP/1.1 server whose handler answers with arbitrary bytes: for malformed, slow,
// truncated, oversized or reset responses that a real service produces only on bad days. Every
// request is recorded for assertions on the exact bytes that arrived.
class RawHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<RawHttpReply(const RawHttpRequest &)>;

    explicit RawHttpServer(Handler handler, QObject *parent = nullptr);
    ~RawHttpServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QByteArray url() const; // "http://127.0.0.1:PORT"
    void setHandler(Handler handler);

    const QList<RawHttpRequest> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    void clearRequests() { m_requests.clear(); }

signals:
    void requestReceived();

private:
    void onNewConnection();
    void processBuffer(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<RawHttpRequest> m_requests;
    int m_connections = 0;
};

} // namespace syncdeck::test
