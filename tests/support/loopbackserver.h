#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace syncdeck::test {

// A tiny HTTP/1.1 server on 127.0.0.1 for one test (Qt's HttpTestServer pattern): every request
// is parsed (request line, headers, Content-Length body), recorded, and answered by the handler.
// The connection is closed after each answer, so there is no keep-alive state to reason about.
class LoopbackServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QMap<QByteArray, QByteArray> headers; // names lowercased
        QByteArray body;

        QByteArray path() const
        {
            const qsizetype q = target.indexOf('?');
            return q < 0 ? target : target.left(q);
        }
        QByteArray query() const
        {
            const qsizetype q = target.indexOf('?');
            return q < 0 ? QByteArray() : target.mid(q + 1);
        }
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool hang = false; // never answer (for timeout tests); the socket is closed at teardown
    };
    using Handler = std::function<Response(const Request &)>;

    explicit LoopbackServer(Handler handler, QObject *parent = nullptr);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const; // http://127.0.0.1:PORT
    const QList<Request> &requests() const { return m_requests; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    void acceptConnections();
    void readFrom(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer m_server;
    QList<Request> m_requests;
};

} // namespace syncdeck::test
