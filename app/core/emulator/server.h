#pragma once

#include "options.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QTcpServer;

// The local Amazon Q Business service: a signed, stateful HTTP/1.1 endpoint on 127.0.0.1 for
// `syncdeck-emulator`, `syncdeck --demo` and the tests. Runs on the caller's event loop and
// never blocks it; data and faults are deterministic from Options::seed.
namespace syncdeck::emulator {

class Service;

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(Options options, QObject *parent = nullptr);
    ~Server() override;

    // Loads the data (generated, or the --state fixture) and starts listening. Port 0 picks a
    // free port. False with errorString() set when the fixture is bad or the port is taken.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT
    const Options &options() const { return m_options; }
    int connectionCount() const { return m_connections; }

signals:
    void connectionCountChanged(int count);

private:
    void acceptConnections();

    Options m_options;
    std::unique_ptr<Service> m_service;
    QTcpServer *m_tcp;
    QString m_error;
    bool m_loaded = false;
    int m_connections = 0;
};

} // namespace syncdeck::emulator
