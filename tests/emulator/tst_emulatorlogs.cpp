// The emulator's CloudWatch Logs (FilterLogEvents, GetLogEvents, DescribeLogStreams) and Q
// Business ListDocuments, over real TCP: the run reports agree with the runs' metrics, are the
// same for the same seed, grow while a run is going, and every refusal is shaped as the service
// shapes it. SyncDeck's own Logs client and report reader read them as they read AWS.

#include "aws/credentialsprovider.h"
#include "aws/requestpacer.h"
#include "emulatorthread.h"
#include "logs/client.h"
#include "report/failuregroups.h"
#include "report/reportcounts.h"
#include "report/reportreader.h"
#include "signedhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace syncdeck;
using syncdeck::test::EmulatorThread;
using syncdeck::test::HttpResult;
using syncdeck::test::SignedHttp;
using syncdeck::test::SignedRequest;

namespace {

emulator::Options options()
{
    emulator::Options o;
    o.seed = 7;
    o.applications = 2;
    o.dataSourcesPerIndex = 2;
    o.jobsPerDataSource = 40;
    // The running job goes on for the whole test (its report grows, the listing stays put).
    o.syncDurationMs = 3600 * 1000;
    // Two servers started apart hold the same history only with the same anchor.
    static const QDateTime anchor
        = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 60 * 60, Qt::UTC);
    o.anchorTime = anchor;
    return o;
}

struct Run
{
    QString app, index, dataSource, executionId, status;
    QDateTime start, end;
    qint64 failed = -1, scanned = -1;
};

QJsonObject post(SignedHttp &http, const char *operation, const QJsonObject &body,
                 HttpResult *raw = nullptr)
{
    SignedRequest r;
    r.method = "POST";
    r.path = "/";
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.extraHeaders = {{"Content-Type", "application/x-amz-json-1.1"},
                      {"X-Amz-Target", QByteArray("Logs_20140328.") + operation}};
    const HttpResult result = http.send(r);
    if (raw)
        *raw = result;
    return result.json();
}

} // namespace

class TestEmulatorLogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reportAgreesWithMetrics();
    void statusFilterCountsFailures();
    void sameSeedSameEvents();
    void getLogEventsPagesToTheEnd();
    void describeLogStreams();
    void missingGroupAndStream();
    void refusals_data();
    void refusals();
    void throttleFaultIsTyped();
    void runningReportGrows();
    void listDocuments();
    void latestProblemRunsOfTheFirstDataSourceHaveReports_data();
    void latestProblemRunsOfTheFirstDataSourceHaveReports();

private:
    QList<Run> runsOf(int application) { return runsOf(*m_qbusiness, application); }
    static QList<Run> runsOf(SignedHttp &qbusiness, int application);
    report::ReportCounts read(const Run &run, report::ReportOutcome *outcome,
                              const QList<report::DocumentStatus> &statuses = {})
    {
        return read(client(), run, outcome, statuses);
    }
    report::ReportCounts read(logs::Client *client, const Run &run, report::ReportOutcome *outcome,
                              const QList<report::DocumentStatus> &statuses = {},
                              report::FailureGroups *groups = nullptr);
    logs::Client *client();

    std::unique_ptr<EmulatorThread> m_emulator;
    std::unique_ptr<SignedHttp> m_qbusiness;
    std::unique_ptr<SignedHttp> m_logs;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
    std::unique_ptr<logs::Client> m_client;
    QList<Run> m_runs;
    Run m_failed; // a finished run with failed documents
};

void TestEmulatorLogs::initTestCase()
{
    m_emulator = std::make_unique<EmulatorThread>(options());
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_qbusiness = std::make_unique<SignedHttp>(m_emulator->url(), test::emulatorCredentials());
    m_logs = std::make_unique<SignedHttp>(m_emulator->url(), test::emulatorCredentials());
    m_logs->setService(QStringLiteral("logs"));
    m_runs = runsOf(0);
    QVERIFY(!m_runs.isEmpty());
    for (const Run &r : std::as_const(m_runs)) {
        if (r.failed > 0 && r.end.isValid()
            && r.start.msecsTo(QDateTime::currentDateTimeUtc()) < qint64(20) * 24 * 3600 * 1000) {
            m_failed = r;
            break;
        }
    }
    QVERIFY2(!m_failed.executionId.isEmpty(), "the seeded history has a run with failures");
}

QList<Run> TestEmulatorLogs::runsOf(SignedHttp &qbusiness, int application)
{
    QList<Run> runs;
    const QJsonArray apps
        = qbusiness.get("/applications").json().value(QLatin1String("applications")).toArray();
    const QString app
        = apps.at(application).toObject().value(QLatin1String("applicationId")).toString();
    const QString index = qbusiness.get("/applications/" + app.toLatin1() + "/indices")
                              .json()
                              .value(QLatin1String("indices"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("indexId"))
                              .toString();
    const QByteArray base
        = "/applications/" + app.toLatin1() + "/indices/" + index.toLatin1() + "/datasources";
    const QJsonArray sources
        = qbusiness.get(base).json().value(QLatin1String("dataSources")).toArray();
    for (const QJsonValue &s : sources) {
        const QString ds = s.toObject().value(QLatin1String("dataSourceId")).toString();
        QByteArray query = "maxResults=10";
        for (int page = 0; page < 10; ++page) {
            const QJsonObject body
                = qbusiness.get(base + '/' + ds.toLatin1() + "/syncjobs", query).json();
            for (const QJsonValue &j : body.value(QLatin1String("history")).toArray()) {
                const QJsonObject o = j.toObject();
                Run r;
                r.app = app;
                r.index = index;
                r.dataSource = ds;
                r.executionId = o.value(QLatin1String("executionId")).toString();
                r.status = o.value(QLatin1String("status")).toString();
                r.start = QDateTime::fromMSecsSinceEpoch(
                    qint64(o.value(QLatin1String("startTime")).toDouble() * 1000), Qt::UTC);
                if (o.contains(QLatin1String("endTime")))
                    r.end = QDateTime::fromMSecsSinceEpoch(
                        qint64(o.value(QLatin1String("endTime")).toDouble() * 1000), Qt::UTC);
                const QJsonObject m = o.value(QLatin1String("metrics")).toObject();
                if (m.contains(QLatin1String("documentsFailed"))) {
                    r.failed = m.value(QLatin1String("documentsFailed")).toString().toLongLong();
                    r.scanned = m.value(QLatin1String("documentsScanned")).toString().toLongLong();
                }
                runs.append(r);
            }
            const QString token = body.value(QLatin1String("nextToken")).toString();
            if (token.isEmpty())
                break;
            query = "maxResults=10&nextToken=" + test::encodeQueryValue(token);
        }
    }
    return runs;
}

logs::Client *TestEmulatorLogs::client()
{
    if (!m_client) {
        aws::ClientConfig config;
        config.endpoint = m_emulator->url();
        config.region = QStringLiteral("us-east-1");
        m_credentials
            = std::make_unique<aws::StaticCredentialsProvider>(test::emulatorCredentials());
        m_client = std::make_unique<logs::Client>(config, m_credentials.get());
        m_client->setRequestPacer(std::make_shared<aws::RequestPacer>());
    }
    return m_client.get();
}

report::ReportCounts TestEmulatorLogs::read(logs::Client *client, const Run &run,
                                            report::ReportOutcome *outcome,
                                            const QList<report::DocumentStatus> &statuses,
                                            report::FailureGroups *groups)
{
    report::RunReportTarget target;
    target.applicationId = run.app;
    target.indexId = run.index;
    target.dataSourceId = run.dataSource;
    target.executionId = run.executionId;
    target.runStart = run.start;
    target.runEnd = run.end;
    target.region = QStringLiteral("us-east-1");
    report::ReportReader reader(client, target);
    reader.setStatusFilter(statuses);
    report::ReportCounts counts;
    connect(&reader, &report::ReportReader::eventsRead, this,
            [&counts, groups](const QList<report::ReportEvent> &events) {
                for (const report::ReportEvent &e : events) {
                    counts.add(e);
                    if (groups)
                        groups->add(e);
                }
            });
    QSignalSpy done(&reader, &report::ReportReader::finished);
    reader.start();
    if (!done.wait(60000))
        qWarning("the report read did not finish");
    *outcome = reader.outcome();
    return counts;
}

void TestEmulatorLogs::reportAgreesWithMetrics()
{
    report::ReportOutcome outcome;
    const report::ReportCounts counts = read(m_failed, &outcome);
    QCOMPARE(outcome.status, report::ReportStatus::Complete);
    QCOMPARE(counts.unreadable, 0);
    QCOMPARE(counts.withProblems, 0);
    QCOMPARE(counts.failed, m_failed.failed);
    QCOMPARE(counts.documents(), std::max(m_failed.scanned, m_failed.failed));
    QVERIFY(counts.skipped < counts.documents());
    qbusiness::SyncJobMetrics metrics;
    metrics.documentsFailed = m_failed.failed;
    metrics.documentsScanned = std::max(m_failed.scanned, m_failed.failed);
    const report::MetricsComparison c = report::compareWithMetrics(counts, metrics, true);
    QVERIFY2(c.agrees, qPrintable(c.summary));
}

void TestEmulatorLogs::statusFilterCountsFailures()
{
    report::ReportOutcome outcome;
    const report::ReportCounts counts = read(m_failed, &outcome, {report::DocumentStatus::Failed});
    QCOMPARE(outcome.status, report::ReportStatus::Complete);
    QCOMPARE(counts.failed, m_failed.failed);
    QCOMPARE(counts.documents(), m_failed.failed);
}

void TestEmulatorLogs::sameSeedSameEvents()
{
    EmulatorThread twin(options());
    QVERIFY(twin.start());
    SignedHttp other(twin.url(), test::emulatorCredentials());
    other.setService(QStringLiteral("logs"));
    QJsonObject request;
    request.insert(QStringLiteral("logGroupName"),
                   QString(QStringLiteral("/aws/qbusiness/") + m_failed.app));
    request.insert(QStringLiteral("logStreamNames"),
                   QJsonArray {QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2")
                                   .arg(m_failed.dataSource, m_failed.executionId)});
    request.insert(QStringLiteral("limit"), 200);
    const QJsonObject a = post(*m_logs, "FilterLogEvents", request);
    const QJsonObject b = post(other, "FilterLogEvents", request);
    QCOMPARE(a.value(QLatin1String("events")).toArray().size(),
             std::min<qint64>(200, m_failed.scanned));
    QCOMPARE(a.value(QLatin1String("events")), b.value(QLatin1String("events")));
    // Every message is the JSON object the service writes, with its report members.
    const QJsonObject first = a.value(QLatin1String("events")).toArray().at(0).toObject();
    const QJsonObject message
        = QJsonDocument::fromJson(first.value(QLatin1String("message")).toString().toUtf8())
              .object();
    for (const char *member :
         {"DocumentId", "DocumentTitle", "SourceUri", "CrawlAction", "ConnectorDocumentStatus",
          "CrawlStatus", "SyncStatus", "IndexStatus", "Acl", "Metadata", "HashedDocumentId"})
        QVERIFY2(message.contains(QLatin1String(member)), member);
    QVERIFY(message.value(QLatin1String("Acl")).isString());
    QVERIFY(
        QJsonDocument::fromJson(message.value(QLatin1String("Acl")).toString().toUtf8()).isArray());
    QCOMPARE(first.value(QLatin1String("eventId")).toString().size(), 56);
}

void TestEmulatorLogs::getLogEventsPagesToTheEnd()
{
    QJsonObject request;
    request.insert(QStringLiteral("logGroupName"),
                   QString(QStringLiteral("/aws/qbusiness/") + m_failed.app));
    request.insert(QStringLiteral("logStreamName"),
                   QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2")
                       .arg(m_failed.dataSource, m_failed.executionId));
    request.insert(QStringLiteral("startFromHead"), true);
    request.insert(QStringLiteral("limit"), 997);
    qint64 events = 0;
    qint64 failed = 0;
    qint64 last = 0;
    QString token;
    for (int page = 0; page < 1000; ++page) {
        if (!token.isEmpty())
            request.insert(QStringLiteral("nextToken"), token);
        const QJsonObject answer = post(*m_logs, "GetLogEvents", request);
        QVERIFY(answer.contains(QLatin1String("nextBackwardToken")));
        for (const QJsonValue &e : answer.value(QLatin1String("events")).toArray()) {
            const QJsonObject o = e.toObject();
            QVERIFY(!o.contains(QLatin1String("logStreamName")));
            QVERIFY(qint64(o.value(QLatin1String("timestamp")).toDouble()) >= last);
            last = qint64(o.value(QLatin1String("timestamp")).toDouble());
            failed += o.value(QLatin1String("message"))
                          .toString()
                          .contains(
                              QLatin1String("\"ConnectorDocumentStatus\":{\"Status\":\"FAILED\"}"));
            ++events;
        }
        const QString next = answer.value(QLatin1String("nextForwardToken")).toString();
        QVERIFY(next.startsWith(QLatin1String("f/")));
        if (next == token)
            break; // the same token back: the end
        token = next;
    }
    QCOMPARE(events, std::max(m_failed.scanned, m_failed.failed));
    QCOMPARE(failed, m_failed.failed);
    QVERIFY(last >= m_failed.start.toMSecsSinceEpoch() && last <= m_failed.end.toMSecsSinceEpoch());
}

void TestEmulatorLogs::describeLogStreams()
{
    QJsonObject request;
    request.insert(QStringLiteral("logGroupName"),
                   QString(QStringLiteral("/aws/qbusiness/") + m_failed.app));
    request.insert(QStringLiteral("logStreamNamePrefix"),
                   QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2")
                       .arg(m_failed.dataSource, m_failed.executionId));
    const QJsonArray streams
        = post(*m_logs, "DescribeLogStreams", request).value(QLatin1String("logStreams")).toArray();
    QCOMPARE(streams.size(), 1);
    const QJsonObject s = streams.at(0).toObject();
    QVERIFY(s.value(QLatin1String("arn"))
                .toString()
                .endsWith(QLatin1String(":log-stream:")
                          + request.value(QLatin1String("logStreamNamePrefix")).toString()));
    QVERIFY(s.value(QLatin1String("lastEventTimestamp")).toDouble()
            >= s.value(QLatin1String("firstEventTimestamp")).toDouble());

    // Paging the whole group by fives: sorted names, none twice.
    request.remove(QStringLiteral("logStreamNamePrefix"));
    request.insert(QStringLiteral("limit"), 5);
    QStringList names;
    for (int page = 0; page < 200; ++page) {
        const QJsonObject answer = post(*m_logs, "DescribeLogStreams", request);
        for (const QJsonValue &v : answer.value(QLatin1String("logStreams")).toArray())
            names.append(v.toObject().value(QLatin1String("logStreamName")).toString());
        if (!answer.contains(QLatin1String("nextToken")))
            break;
        request.insert(QStringLiteral("nextToken"), answer.value(QLatin1String("nextToken")));
    }
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
    QVERIFY(names.contains(
        QStringLiteral("GROUP_MEMBERSHIP/%1/%2").arg(m_failed.dataSource, m_failed.executionId)));
}

void TestEmulatorLogs::missingGroupAndStream()
{
    // The second application has no log delivery: its group does not exist.
    const QList<Run> others = runsOf(1);
    QVERIFY(!others.isEmpty());
    report::ReportOutcome outcome;
    read(others.first(), &outcome);
    QCOMPARE(outcome.status, report::ReportStatus::NoLogGroup);

    // A run the group has no stream for: never delivered, or deleted by the retention.
    Run missing = m_failed;
    missing.executionId = QStringLiteral("00000000-0000-4000-8000-000000000000");
    read(missing, &outcome);
    QCOMPARE(outcome.status, report::ReportStatus::NoLogStream);
    for (const Run &r : std::as_const(m_runs)) {
        if (r.start.daysTo(QDateTime::currentDateTimeUtc()) > 31
            && r.dataSource == m_failed.dataSource) {
            read(r, &outcome);
            QCOMPARE(outcome.status, report::ReportStatus::NoLogStream);
            break;
        }
    }
    QCOMPARE(outcome.status, report::ReportStatus::NoLogStream);
}

void TestEmulatorLogs::refusals_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QString group = QStringLiteral("/aws/qbusiness/");
    QJsonObject both;
    both.insert(QStringLiteral("logStreamNames"), QJsonArray {QStringLiteral("a")});
    both.insert(QStringLiteral("logStreamNamePrefix"), QStringLiteral("a"));
    QTest::newRow("names and prefix")
        << QByteArray("FilterLogEvents") << both << "InvalidParameterException"
        << "mutually exclusive";
    QJsonObject limit;
    limit.insert(QStringLiteral("limit"), 10001);
    QTest::newRow("limit 10001") << QByteArray("FilterLogEvents") << limit
                                 << "InvalidParameterException"
                                 << "less than or equal to 10000";
    QJsonObject window;
    window.insert(QStringLiteral("startTime"), 2000);
    window.insert(QStringLiteral("endTime"), 1000);
    QTest::newRow("end before start")
        << QByteArray("FilterLogEvents") << window << "InvalidParameterException"
        << "before";
    QJsonObject pattern;
    pattern.insert(QStringLiteral("filterPattern"), QStringLiteral("{ $.a = "));
    QTest::newRow("bad pattern") << QByteArray("FilterLogEvents") << pattern
                                 << "InvalidParameterException"
                                 << "filter pattern";
    QJsonObject token;
    token.insert(QStringLiteral("nextToken"), QStringLiteral("forged"));
    QTest::newRow("forged token") << QByteArray("FilterLogEvents") << token
                                  << "InvalidParameterException"
                                  << "nextToken";
    QJsonObject stream;
    stream.insert(QStringLiteral("logStreamName"), QStringLiteral("SYNC_RUN_HISTORY_REPORT/x/y"));
    QTest::newRow("no such stream")
        << QByteArray("GetLogEvents") << stream << "ResourceNotFoundException"
        << "log stream does not exist";
    QJsonObject order;
    order.insert(QStringLiteral("orderBy"), QStringLiteral("LastEventTime"));
    order.insert(QStringLiteral("logStreamNamePrefix"), QStringLiteral("SYNC"));
    QTest::newRow("order and prefix")
        << QByteArray("DescribeLogStreams") << order << "InvalidParameterException"
        << "LastEventTime";
    QTest::newRow("unknown operation")
        << QByteArray("PutLogEvents") << QJsonObject() << "UnknownOperationException"
        << "PutLogEvents";
}

void TestEmulatorLogs::refusals()
{
    QFETCH(QByteArray, operation);
    QFETCH(QJsonObject, body);
    QFETCH(QString, type);
    QFETCH(QString, message);
    if (!body.contains(QLatin1String("logGroupName")))
        body.insert(QStringLiteral("logGroupName"),
                    QString(QStringLiteral("/aws/qbusiness/") + m_failed.app));
    HttpResult raw;
    const QJsonObject answer = post(*m_logs, operation.constData(), body, &raw);
    QCOMPARE(raw.status, 400);
    QCOMPARE(answer.value(QLatin1String("__type")).toString(), type);
    QCOMPARE(QString::fromLatin1(raw.errorType()), type);
    QVERIFY2(
        answer.value(QLatin1String("message")).toString().contains(message, Qt::CaseInsensitive),
        qPrintable(answer.value(QLatin1String("message")).toString()));
}

void TestEmulatorLogs::throttleFaultIsTyped()
{
    emulator::Options o = options();
    o.faults.throttle = 1.0;
    EmulatorThread throttled(o);
    QVERIFY(throttled.start());
    SignedHttp http(throttled.url(), test::emulatorCredentials());
    http.setService(QStringLiteral("logs"));
    QJsonObject request;
    request.insert(QStringLiteral("logGroupName"), QStringLiteral("/aws/qbusiness/x"));
    HttpResult raw;
    const QJsonObject answer = post(http, "FilterLogEvents", request, &raw);
    QCOMPARE(raw.status, 400);
    QCOMPARE(answer.value(QLatin1String("__type")).toString(),
             QStringLiteral("ThrottlingException"));

    // A request signed for the wrong service is refused by its credential scope.
    SignedHttp wrong(m_emulator->url(), test::emulatorCredentials());
    post(wrong, "FilterLogEvents", request, &raw);
    QCOMPARE(raw.status, 403);
    QVERIFY(raw.json().contains(QLatin1String("__type")));
}

void TestEmulatorLogs::runningReportGrows()
{
    Run running;
    for (const Run &r : std::as_const(m_runs)) {
        if (r.status == QLatin1String("SYNCING") || r.status == QLatin1String("SYNCING_INDEXING"))
            running = r;
    }
    if (running.executionId.isEmpty())
        QSKIP("the running job has already ended");
    QJsonObject request;
    request.insert(QStringLiteral("logGroupName"),
                   QString(QStringLiteral("/aws/qbusiness/") + running.app));
    request.insert(QStringLiteral("logStreamNamePrefix"),
                   QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2")
                       .arg(running.dataSource, running.executionId));
    // The stream's newest event moves on while the run goes.
    const auto count = [&] {
        return post(*m_logs, "DescribeLogStreams", request)
            .value(QLatin1String("logStreams"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("lastEventTimestamp"))
            .toDouble();
    };
    const double before = count();
    QVERIFY(before > 0);
    QTRY_VERIFY_WITH_TIMEOUT(count() > before, 10000);
}

void TestEmulatorLogs::listDocuments()
{
    const QByteArray path = "/applications/" + m_failed.app.toLatin1() + "/index/"
        + m_failed.index.toLatin1() + "/documents";
    const HttpResult two
        = m_qbusiness->get(path,
                           "dataSourceIds=" + m_failed.dataSource.toLatin1()
                               + "&dataSourceIds=" + m_failed.dataSource.toLatin1());
    QCOMPARE(two.status, 400);
    QCOMPARE(two.errorType(), QByteArray("ValidationException"));
    const HttpResult big = m_qbusiness->get(path, "maxResults=101");
    QCOMPARE(big.status, 400);

    // The newest finished run with a report decides the documents' states.
    Run last;
    for (const Run &r : std::as_const(m_runs)) {
        if (r.dataSource == m_failed.dataSource && r.end.isValid()
            && std::max(r.scanned, r.failed) > 0 && last.executionId.isEmpty())
            last = r;
    }
    QVERIFY(!last.executionId.isEmpty());
    qint64 documents = 0;
    qint64 failed = 0;
    QSet<QString> ids;
    QByteArray query = "maxResults=100&dataSourceIds=" + m_failed.dataSource.toLatin1();
    for (int page = 0; page < 2000; ++page) {
        const HttpResult r = m_qbusiness->get(path, query);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        for (const QJsonValue &v : body.value(QLatin1String("documentDetailList")).toArray()) {
            const QJsonObject d = v.toObject();
            ++documents;
            ids.insert(d.value(QLatin1String("documentId")).toString());
            const QString status = d.value(QLatin1String("status")).toString();
            if (status == QLatin1String("FAILED")
                || status == QLatin1String("DOCUMENT_FAILED_TO_INDEX")) {
                ++failed;
                QVERIFY(!d.value(QLatin1String("error"))
                             .toObject()
                             .value(QLatin1String("errorMessage"))
                             .toString()
                             .isEmpty());
            }
        }
        const QString token = body.value(QLatin1String("nextToken")).toString();
        if (token.isEmpty())
            break;
        query = "maxResults=100&dataSourceIds=" + m_failed.dataSource.toLatin1()
            + "&nextToken=" + test::encodeQueryValue(token);
    }
    QCOMPARE(documents, std::max(last.scanned, last.failed));
    QCOMPARE(failed, last.failed);
    QCOMPARE(qint64(ids.size()), documents);
}

void TestEmulatorLogs::latestProblemRunsOfTheFirstDataSourceHaveReports_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 1 (the demo's)") << quint64(1);
    QTest::newRow("seed 7") << quint64(7);
    QTest::newRow("seed 2024") << quint64(2024);
}

// The window opens the demo on the first data source's latest failed run: that run, and its
// latest INCOMPLETE one, have a report with failed and skipped documents for several reasons
// (the latest FAILED runs stopped partway through, after writing one).
void TestEmulatorLogs::latestProblemRunsOfTheFirstDataSourceHaveReports()
{
    QFETCH(quint64, seed);
    emulator::Options o;
    o.seed = seed;
    o.applications = 3;
    o.fleetVariety = true;
    o.syncDurationMs = 3600 * 1000;
    EmulatorThread demo(o);
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    SignedHttp qbusiness(demo.url(), test::emulatorCredentials());
    QList<Run> runs = runsOf(qbusiness, 0);
    QVERIFY(!runs.isEmpty());
    const QString first = runs.first().dataSource;
    aws::ClientConfig config;
    config.endpoint = demo.url();
    config.region = QStringLiteral("us-east-1");
    aws::StaticCredentialsProvider credentials(test::emulatorCredentials());
    logs::Client logs(config, &credentials);
    logs.setRequestPacer(std::make_shared<aws::RequestPacer>());
    for (const char *status : {"FAILED", "INCOMPLETE"}) {
        const auto latest = std::find_if(runs.cbegin(), runs.cend(), [&](const Run &r) {
            return r.dataSource == first && r.status == QLatin1String(status);
        });
        QVERIFY2(latest != runs.cend(), status);
        report::ReportOutcome outcome;
        report::FailureGroups groups;
        const report::ReportCounts counts = read(&logs, *latest, &outcome, {}, &groups);
        QVERIFY2(outcome.status == report::ReportStatus::Complete, qPrintable(outcome.title));
        QCOMPARE(counts.failed, latest->failed);
        QVERIFY2(counts.skipped > 0, status);
        int failedReasons = 0;
        for (const report::FailureGroup &g : groups.groups())
            failedReasons += g.status == report::DocumentStatus::Failed ? 1 : 0;
        QVERIFY2(failedReasons >= 4, qPrintable(QString::number(failedReasons)));
    }
}

QTEST_GUILESS_MAIN(TestEmulatorLogs)
#include "tst_emulatorlogs.moc"
