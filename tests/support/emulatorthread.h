#pragma once

#include "emulator/options.h"

#include <QThread>
#include <QUrl>

namespace syncdeck::emulator {
class Server;
}

namespace syncdeck::test {

// Runs an emulator Server on a thread of its own, so a test can block on sockets (raw HTTP,
// waitForReadyRead) while the service keeps answering.
class EmulatorThread
{
public:
    explicit EmulatorThread(emulator::Options options);
    ~EmulatorThread();
    EmulatorThread(const EmulatorThread &) = delete;
    EmulatorThread &operator=(const EmulatorThread &) = delete;

    // Loads the data and listens on 127.0.0.1, port 0. False with *error on failure.
    bool start(QString *error = nullptr);
    quint16 port() const { return m_port; }
    QUrl url() const { return m_url; }
    QByteArray hostHeader() const { return "127.0.0.1:" + QByteArray::number(m_port); }

private:
    emulator::Options m_options;
    QThread m_thread;
    emulator::Server *m_server = nullptr;
    quint16 m_port = 0;
    QUrl m_url;
};

} // namespace syncdeck::test
