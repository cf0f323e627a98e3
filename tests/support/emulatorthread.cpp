#include "emulatorthread.h"

#include "emulator/server.h"

#include <QMetaObject>

#include <openssl/crypto.h>

namespace syncdeck::test {

EmulatorThread::EmulatorThread(emulator::Options options)
    : m_options(std::move(options))
{ }

EmulatorThread::~EmulatorThread()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_server,
            [this] {
                delete m_server;
                // OpenSSL keeps per-thread state (error queue, caches); free it before the thread
                // ends rather than leaving it to thread-exit handlers LeakSanitizer may not wait
                // for.
                OPENSSL_thread_stop();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

bool EmulatorThread::start(QString *error)
{
    m_thread.start();
    bool ok = false;
    QString message;
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context,
        [&] {
            m_server = new emulator::Server(m_options);
            ok = m_server->listen();
            message = m_server->errorString();
            m_port = m_server->port();
            m_url = m_server->url();
        },
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = message;
    return ok;
}

} // namespace syncdeck::test
