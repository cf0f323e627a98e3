#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace syncdeck::test {

// syncdeck-emulator as its own process on 127.0.0.1 (port 0), logging every request it answers
// on its standard error (--verbose): tests and benchmarks count the requests the service really
// received in that log.
class EmulatorProcess
{
public:
    EmulatorProcess() = default;
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    // Starts `program` (the syncdeck-emulator executable) with generated data: one application
    // with one index of `dataSources` data sources, `jobsPerDataSource` jobs each, and `more`
    // options. Waits for "listening on URL"; false when it did not start.
    bool start(const QString &program, int dataSources, int jobsPerDataSource,
               const QStringList &more = {});
    void stop();
    QUrl url() const { return m_url; }
    // ListDataSourceSyncJobs requests the emulator logged since the last call (or start()).
    int takeSyncJobRequests();

private:
    QProcess m_process;
    QUrl m_url;
    QByteArray m_log; // the part of a log line not read whole yet
};

} // namespace syncdeck::test
