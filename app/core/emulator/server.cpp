#include "server.h"

#include "httpconnection.h"
#include "service.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace syncdeck::emulator {

Server::Server(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_service(std::make_unique<Service>(m_options))
    , m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &Server::acceptConnections);
}

Server::~Server()
{
    // Connections point at the service: delete them while it still exists.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        delete c;
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    if (!m_loaded) {
        QString error;
        if (!m_service->load(&error)) {
            m_error = error;
            return false;
        }
        m_loaded = true;
    }
    // Many clients connect at once (benchmarks, parallel tests): a deep accept queue.
    m_tcp->setListenBacklogSize(1024);
    m_tcp->setMaxPendingConnections(1024);
    if (!m_tcp->listen(address, port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_tcp->errorString());
        return false;
    }
    m_error.clear();
    return true;
}

QString Server::errorString() const
{
    return m_error;
}

quint16 Server::port() const
{
    return m_tcp->serverPort();
}

QUrl Server::url() const
{
    const QHostAddress address = m_tcp->serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : (address.isNull() || address == QHostAddress::Any ? QStringLiteral("127.0.0.1")
                                                            : address.toString());
    return QUrl(QStringLiteral("http://%1:%2").arg(host).arg(port()));
}

void Server::acceptConnections()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        auto *connection
            = new HttpConnection(socket, m_service.get(), m_options.maxHeaderBytes,
                                 m_options.maxBodyBytes, m_options.idleTimeoutMs, this);
        ++m_connections;
        connect(connection, &HttpConnection::closed, this, [this] {
            --m_connections;
            emit connectionCountChanged(m_connections);
        });
        emit connectionCountChanged(m_connections);
    }
}

} // namespace syncdeck::emulator
