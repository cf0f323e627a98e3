#include "emulatorprocess.h"

#include <QTest>

namespace syncdeck::test {

EmulatorProcess::~EmulatorProcess()
{
    stop();
}

bool EmulatorProcess::start(const QString &program, int dataSources, int jobsPerDataSource,
                            const QStringList &more)
{
    m_process.setProgram(program);
    m_process.setArguments(
        QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--verbose"),
                     QStringLiteral("--applications"), QStringLiteral("1"),
                     QStringLiteral("--indices"), QStringLiteral("1"),
                     QStringLiteral("--data-sources"), QString::number(dataSources),
                     QStringLiteral("--jobs"), QString::number(jobsPerDataSource)}
        + more);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray out;
    while (!out.contains('\n') && m_process.waitForReadyRead(10000))
        out += m_process.readAllStandardOutput();
    const qsizetype at = out.indexOf("listening on ");
    if (at < 0)
        return false;
    m_url = QUrl(QString::fromLatin1(out.mid(at + 13).trimmed()));
    return m_url.isValid();
}

void EmulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished();
}

int EmulatorProcess::takeSyncJobRequests()
{
    QTest::qWait(100); // the log line is written as the answer goes out: let the pipe deliver it
    m_log += m_process.readAllStandardError();
    const qsizetype end = m_log.lastIndexOf('\n') + 1;
    int n = 0;
    for (const QByteArray &line : m_log.left(end).split('\n'))
        n += line.contains("/syncjobs") ? 1 : 0;
    m_log = m_log.mid(end);
    return n;
}

} // namespace syncdeck::test
