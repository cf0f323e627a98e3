#include "reportworld.h"

#include "aws/requestpacer.h"

#include <QTimeZone>

namespace syncdeck::test {

QDateTime ReportWorld::runStart()
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
}

QDateTime ReportWorld::runEnd()
{
    return runStart().addSecs(3600);
}

ReportWorld::ReportWorld()
    : server(fake.handler())
{
    if (!server.listen())
        qFatal("cannot listen on 127.0.0.1");
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(FakeCloudWatchLogs::AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(FakeCloudWatchLogs::SecretAccessKey));
    credentials = std::make_unique<aws::StaticCredentialsProvider>(c);
    aws::ClientConfig config;
    config.endpoint = QUrl::fromEncoded(server.url());
    config.region = QString::fromLatin1(FakeCloudWatchLogs::Region);
    client = std::make_unique<logs::Client>(config, credentials.get());
    client->setRequestPacer(std::make_shared<aws::RequestPacer>());
    client->setBackoff([](int) { return 0; });
}

report::RunReportTarget ReportWorld::target(bool running)
{
    report::RunReportTarget t;
    t.applicationId = QString::fromLatin1(ApplicationId);
    t.dataSourceId = QString::fromLatin1(DataSourceId);
    t.executionId = QString::fromLatin1(ExecutionId);
    t.runStart = runStart();
    if (!running)
        t.runEnd = runEnd();
    t.running = running;
    t.region = QString::fromLatin1(FakeCloudWatchLogs::Region);
    return t;
}

QString ReportWorld::documentMessage(int i, const char *status, const QString &error)
{
    QString m = QStringLiteral("{\"DocumentId\":\"s3://bucket/doc-%1.pdf\",\"DocumentTitle\":"
                               "\"doc-%1.pdf\",\"SourceUri\":\"https://bucket.s3.amazonaws.com/"
                               "doc-%1.pdf\",\"CrawlAction\":\"ADD\",\"ConnectorDocumentStatus\":"
                               "{\"Status\":\"%2\"}")
                    .arg(i)
                    .arg(QLatin1String(status));
    if (!error.isEmpty())
        m += QStringLiteral(",\"ErrorMsg\":\"%1\"").arg(error);
    return m + u'}';
}

logs::LogEvent ReportWorld::documentEvent(qint64 ms, int i)
{
    const char *status = i % 5 == 0 ? "FAILED" : i % 7 == 0 ? "SKIPPED" : "SUCCESS";
    const QString error
        = i % 5 == 0 ? QStringLiteral("File doc-%1.pdf exceeds 50 MB").arg(i) : QString();
    return FakeCloudWatchLogs::event(ms, documentMessage(i, status, error), i);
}

QList<logs::LogEvent> ReportWorld::documentEvents(int n, qint64 from, int firstIndex)
{
    if (from == 0)
        from = runStart().toMSecsSinceEpoch() + 1000;
    QList<logs::LogEvent> list;
    list.reserve(n);
    for (int i = 0; i < n; ++i)
        list << documentEvent(from + i * 1000, firstIndex + i);
    return list;
}

void ReportWorld::addReport(const QList<logs::LogEvent> &events)
{
    fake.addStream(target().logGroupName(), target().reportStreamName(), events);
}

} // namespace syncdeck::test
