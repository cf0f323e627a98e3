#pragma once

#include "aws/credentialsprovider.h"
#include "fakecloudwatchlogs.h"
#include "logs/client.h"
#include "rawhttpserver.h"
#include "report/runreporttarget.h"

#include <QDateTime>

#include <memory>

namespace syncdeck::test {

// One run's report on a CloudWatch Logs handler server on 127.0.0.1, and a Logs client for it
// (paced freely, retries without sleeping): what report tests and benchmarks start from.
struct ReportWorld
{
    static constexpr char ApplicationId[] = "a1111111-1111-4111-8111-111111111111";
    static constexpr char DataSourceId[] = "d3333333-3333-4333-8333-333333333333";
    static constexpr char ExecutionId[] = "e0000000-0000-4000-8000-000000000042";
    static QDateTime runStart(); // 2024-05-01 12:00 UTC
    static QDateTime runEnd(); // an hour later

    ReportWorld();

    static report::RunReportTarget target(bool running = false);
    // A report event: document i with status FAILED (every fifth, "File doc-i.pdf exceeds 50 MB"),
    // SKIPPED (every seventh otherwise) or SUCCESS, at ms.
    static logs::LogEvent documentEvent(qint64 ms, int i);
    static QString documentMessage(int i, const char *status, const QString &error = {});
    // n events a second apart from a second after the run's start.
    static QList<logs::LogEvent> documentEvents(int n, qint64 from = 0, int firstIndex = 0);
    void addReport(const QList<logs::LogEvent> &events);

    FakeCloudWatchLogs fake;
    RawHttpServer server;
    std::unique_ptr<aws::StaticCredentialsProvider> credentials;
    std::unique_ptr<logs::Client> client;
};

} // namespace syncdeck::test
