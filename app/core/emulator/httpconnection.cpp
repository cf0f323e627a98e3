#include "httpconnection.h"

#include "service.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace syncdeck::emulator {

HttpConnection::HttpConnection(QTcpSocket *socket, Service *service, int maxHeaderBytes,
                               qint64 maxBodyBytes, int idleTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_service(service)
    , m_parser(maxHeaderBytes, maxBodyBytes)
    , m_bufferLimit(maxHeaderBytes + maxBodyBytes + 4)
{
    m_socket->setParent(this);
    // Stop pulling from the kernel once a request's worth is buffered: a client that floods a
    // stalled connection is held back by TCP flow control, not by our memory.
    m_socket->setReadBufferSize(m_bufferLimit);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::onIdle);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processBuffer);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    m_idleTimer.start();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_closing) {
        if (m_buffer.size() < m_bufferLimit && m_socket->bytesAvailable() > 0)
            m_buffer.append(m_socket->read(m_bufferLimit - m_buffer.size()));
        if (m_buffer.isEmpty())
            return;
        m_idleTimer.start();
        HttpRequest request;
        int status = 0;
        QString message;
        switch (m_parser.parse(&m_buffer, &request, &status, &message)) {
        case HttpParser::Result::NeedMore:
            if (m_socket->bytesAvailable() > 0 && m_buffer.size() < m_bufferLimit)
                continue;
            // The headers are in and acceptable, the body is not: tell a waiting client to go on.
            if (!m_continueSent && HttpParser::expectsContinue(m_buffer)) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continueSent = true;
            }
            return;
        case HttpParser::Result::Error:
            // The byte stream cannot be resynchronised after a malformed request.
            write(m_service->malformed(status, message), false, false);
            m_buffer.clear();
            return;
        case HttpParser::Result::Complete:
            m_continueSent = false;
            send(m_service->handle(request), request.keepAlive());
            break;
        }
    }
}

void HttpConnection::send(const Reply &reply, bool keepAlive)
{
    switch (reply.network) {
    case Reply::Network::Answer:
        write(reply.response, keepAlive, false);
        return;
    case Reply::Network::Truncate:
        write(reply.response, false, true);
        return;
    case Reply::Network::Reset:
        resetConnection();
        return;
    case Reply::Network::Stall:
        m_busy = true;
        m_idleTimer.stop();
        QTimer::singleShot(reply.stallMs, this, [this, response = reply.response, keepAlive] {
            m_busy = false;
            write(response, keepAlive, false);
            processBuffer();
        });
        return;
    }
}

void HttpConnection::write(const HttpResponse &response, bool keepAlive, bool truncate)
{
    if (m_closing)
        return;
    QByteArray out;
    out.reserve(256 + response.body.size());
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(response.status))
        .append(' ')
        .append(reasonPhrase(response.status))
        .append("\r\n");
    for (const auto &h : response.headers)
        out.append(h.name).append(": ").append(h.value).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(response.body.size())).append("\r\n");
    out.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    out.append("\r\n");
    // A truncated answer promises the whole body and delivers half of it, then hangs up.
    out.append(truncate ? response.body.first(response.body.size() / 2) : response.body);
    m_socket->write(out);
    m_idleTimer.start();
    if (!keepAlive)
        closeWhenWritten();
}

void HttpConnection::closeWhenWritten()
{
    m_closing = true;
    m_idleTimer.stop();
    m_socket->disconnectFromHost(); // flushes what is written, then closes
}

void HttpConnection::resetConnection()
{
    m_closing = true;
    m_idleTimer.stop();
#ifdef Q_OS_UNIX
    // Linger 0: close() sends RST instead of FIN, as a crashed or overloaded peer would.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger lingerOption
        {
            1, 0
        };
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    }
#endif
    m_socket->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit closed();
    deleteLater();
}

void HttpConnection::onIdle()
{
    if (m_busy)
        return;
    closeWhenWritten();
}

} // namespace syncdeck::emulator
