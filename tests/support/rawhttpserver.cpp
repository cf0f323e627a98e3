#include "rawhttpserver.h"

#include <QTcpSocket>

#include <sys/socket.h>

#include <algorithm>

namespace syncdeck::test {

QByteArray RawHttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RawHttpRequest::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.begin(), headers.end(), [name](const auto &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

RawHttpReply RawHttpReply::response(int status, const QByteArray &body,
                                    const QByteArray &contentType,
                                    const QList<QByteArray> &extraHeaders)
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    if (!contentType.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &h : extraHeaders)
        r += h + "\r\n";
    r += "\r\n" + body;
    return {r, Action::Send};
}

RawHttpReply RawHttpReply::json(int status, const QByteArray &body,
                                const QList<QByteArray> &extraHeaders)
{
    return response(status, body, "application/json", extraHeaders);
}

RawHttpReply RawHttpReply::awsError(int status, const QByteArray &code, const QByteArray &message,
                                    const QByteArray &requestId, const QByteArray &extraJsonMembers,
                                    const QList<QByteArray> &extraHeaders)
{
    QByteArray body = R"({"message":")" + message + '"';
    if (!extraJsonMembers.isEmpty())
        body += ',' + extraJsonMembers;
    body += '}';
    QList<QByteArray> headers {"x-amzn-ErrorType: " + code, "x-amzn-RequestId: " + requestId};
    headers += extraHeaders;
    return json(status, body, headers);
}

RawHttpReply RawHttpReply::raw(const QByteArray &bytes, Action action)
{
    return {bytes, action};
}

RawHttpReply RawHttpReply::reset()
{
    return {{}, Action::Reset};
}

RawHttpReply RawHttpReply::stall(const QByteArray &bytes)
{
    return {bytes, Action::Stall};
}

RawHttpServer::RawHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawHttpServer::onNewConnection);
}

RawHttpServer::~RawHttpServer() = default;

bool RawHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

quint16 RawHttpServer::port() const
{
    return m_server.serverPort();
}

QByteArray RawHttpServer::url() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

void RawHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void RawHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        socket->setProperty("connection", ++m_connections);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { processBuffer(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void RawHttpServer::processBuffer(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    if (socket->property("stalled").toBool()) {
        socket->setProperty("buffer", QByteArray());
        return;
    }
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        RawHttpRequest request;
        request.head = buffer.left(headEnd + 4);
        request.connection = socket->property("connection").toInt();
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        const qsizetype q = request.target.indexOf('?');
        request.path = q < 0 ? request.target : request.target.left(q);
        request.query = q < 0 ? QByteArray() : request.target.mid(q + 1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            break;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        m_requests.append(request);
        emit requestReceived();

        const RawHttpReply reply = m_handler(request);
        if (!reply.bytes.isEmpty())
            socket->write(reply.bytes);
        switch (reply.action) {
        case RawHttpReply::Action::Send:
            continue;
        case RawHttpReply::Action::SendAndClose:
            socket->flush();
            socket->disconnectFromHost();
            return;
        case RawHttpReply::Action::Reset: {
            socket->flush();
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            const struct linger l = {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
            socket->abort();
            socket->deleteLater();
            return;
        }
        case RawHttpReply::Action::Stall:
            socket->flush();
            socket->setProperty("stalled", true);
            socket->setProperty("buffer", QByteArray());
            return;
        }
    }
    socket->setProperty("buffer", buffer);
}

} // namespace syncdeck::test
