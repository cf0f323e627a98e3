// syncdeck-cli get-sync-job-report and list-documents as a user runs them: a real process
// against the real emulator over TCP (CloudWatch Logs and Q Business on one endpoint), or a
// handler server for AccessDenied; real exit codes, stdout and stderr.
#include "emulator/server.h"
#include "rawhttpserver.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace emulator = syncdeck::emulator;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;

using Run = syncdeck::test::ProcessRun;
using syncdeck::test::explain;
using syncdeck::test::jsonLines;

namespace {

struct Job
{
    QString executionId;
    QString status;
    qint64 failed = -1;
    qint64 scanned = -1;
    bool finished = false;
};

} // namespace

class TestReportCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reportAgreesWithTheRun();
    void statusFilter();
    void groupByError();
    void maxItemsResumesExactly();
    void everyFormat_data();
    void everyFormat();
    void noLogGroupExplainsDelivery();
    void noLogStreamExplains();
    void accessDeniedNamesTheAction();
    void usageErrors_data();
    void usageErrors();
    void listDocuments();

private:
    Run cli(const QStringList &args, const QByteArray &endpoint = {});
    QStringList reportArgs(const QString &app, const QString &executionId) const;
    QString firstId(const QStringList &args, const char *key);

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<emulator::Server> m_server;
    QString m_app, m_otherApp, m_index, m_dataSource;
    Job m_job; // a finished run with failed documents
};

Run TestReportCommands::cli(const QStringList &args, const QByteArray &endpoint)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(SYNCDECK_CLI_PATH),
            args
                + QStringList {QStringLiteral("--endpoint-url"),
                               endpoint.isEmpty() ? m_server->url().toString()
                                                  : QString::fromLatin1(endpoint)});
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString TestReportCommands::firstId(const QStringList &args, const char *key)
{
    const Run r = cli(args + QStringList {QStringLiteral("--output"), QStringLiteral("jsonl")});
    return jsonLines(r.out).value(0).value(QLatin1String(key)).toString();
}

QStringList TestReportCommands::reportArgs(const QString &app, const QString &executionId) const
{
    return {QStringLiteral("get-sync-job-report"),
            QStringLiteral("--application-id"),
            app,
            QStringLiteral("--index-id"),
            m_index,
            QStringLiteral("--data-source-id"),
            m_dataSource,
            QStringLiteral("--execution-id"),
            executionId};
}

void TestReportCommands::initTestCase()
{
    m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                   syncdeck::test::emulatorKeyVariables());
    emulator::Options options;
    options.seed = 7;
    options.applications = 2;
    options.dataSourcesPerIndex = 2;
    options.jobsPerDataSource = 40;
    options.syncDurationMs = 3600 * 1000;
    m_server = std::make_unique<emulator::Server>(options);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));

    const Run apps = cli(
        {QStringLiteral("list-applications"), QStringLiteral("--output"), QStringLiteral("jsonl")});
    QVERIFY2(apps.exitCode == 0, explain(apps));
    m_app = jsonLines(apps.out).value(0).value(QLatin1String("applicationId")).toString();
    m_otherApp = jsonLines(apps.out).value(1).value(QLatin1String("applicationId")).toString();
    m_index = firstId({QStringLiteral("list-indices"), QStringLiteral("--application-id"), m_app},
                      "indexId");
    m_dataSource = firstId({QStringLiteral("list-data-sources"), QStringLiteral("--application-id"),
                            m_app, QStringLiteral("--index-id"), m_index},
                           "dataSourceId");
    const Run jobs
        = cli({QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--application-id"),
               m_app, QStringLiteral("--index-id"), m_index, QStringLiteral("--data-source-id"),
               m_dataSource, QStringLiteral("--output"), QStringLiteral("jsonl")});
    QVERIFY2(jobs.exitCode == 0, explain(jobs));
    for (const QJsonObject &o : jsonLines(jobs.out)) {
        const QJsonObject m = o.value(QLatin1String("metrics")).toObject();
        const qint64 failed = m.value(QLatin1String("documentsFailed")).toString().toLongLong();
        if (failed > 0 && o.contains(QLatin1String("endTime"))) {
            m_job = {o.value(QLatin1String("executionId")).toString(),
                     o.value(QLatin1String("status")).toString(), failed,
                     m.value(QLatin1String("documentsScanned")).toString().toLongLong(), true};
            break;
        }
    }
    QVERIFY2(!m_job.executionId.isEmpty(), "a finished run with failed documents");
}

void TestReportCommands::reportAgreesWithTheRun()
{
    const Run r = cli(reportArgs(m_app, m_job.executionId)
                      + QStringList {QStringLiteral("--output"), QStringLiteral("jsonl")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QList<QJsonObject> events = jsonLines(r.out);
    QCOMPARE(qint64(events.size()), std::max(m_job.scanned, m_job.failed));
    qint64 failed = 0;
    for (const QJsonObject &e : events) {
        if (e.value(QLatin1String("status")).toString() == QLatin1String("FAILED")) {
            ++failed;
            QVERIFY(!e.value(QLatin1String("errorMessage")).toString().isEmpty());
            QVERIFY(!e.value(QLatin1String("reason")).toString().isEmpty());
        }
        // The raw event is kept beside SyncDeck's reading of it.
        QVERIFY(QJsonDocument::fromJson(e.value(QLatin1String("message")).toString().toUtf8())
                    .isObject());
    }
    QCOMPARE(failed, m_job.failed);
    QVERIFY2(r.err.contains("agrees with the run's metrics"), explain(r));
}

void TestReportCommands::statusFilter()
{
    const Run r = cli(reportArgs(m_app, m_job.executionId)
                      + QStringList {QStringLiteral("--document-status"), QStringLiteral("failed"),
                                     QStringLiteral("--output"), QStringLiteral("jsonl")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QList<QJsonObject> events = jsonLines(r.out);
    QCOMPARE(qint64(events.size()), m_job.failed);
    for (const QJsonObject &e : events)
        QCOMPARE(e.value(QLatin1String("status")).toString(), QStringLiteral("FAILED"));
}

void TestReportCommands::groupByError()
{
    const Run r = cli(reportArgs(m_app, m_job.executionId)
                      + QStringList {QStringLiteral("--group-by-error"), QStringLiteral("--output"),
                                     QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QJsonArray groups
        = QJsonDocument::fromJson(r.out).object().value(QLatin1String("failureGroups")).toArray();
    QVERIFY(!groups.isEmpty());
    qint64 failed = 0;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : groups) {
        const QJsonObject g = v.toObject();
        const qint64 count = qint64(g.value(QLatin1String("count")).toDouble());
        QVERIFY(count <= previous); // the largest first
        previous = count;
        if (g.value(QLatin1String("status")).toString() == QLatin1String("FAILED"))
            failed += count;
        QVERIFY(!g.value(QLatin1String("exampleDocuments")).toArray().isEmpty());
    }
    QCOMPARE(failed, m_job.failed);
}

void TestReportCommands::maxItemsResumesExactly()
{
    const QStringList base = reportArgs(m_app, m_job.executionId);
    Run r = cli(base
                + QStringList {QStringLiteral("--max-items"), QStringLiteral("700"),
                               QStringLiteral("--page-size"), QStringLiteral("300"),
                               QStringLiteral("--output"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, explain(r));
    QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QStringList ids;
    for (const QJsonValue &v : doc.value(QLatin1String("reportEvents")).toArray())
        ids.append(v.toObject().value(QLatin1String("eventId")).toString());
    QCOMPARE(ids.size(), 700);
    const QString token = doc.value(QLatin1String("NextToken")).toString();
    QVERIFY2(!token.isEmpty(), explain(r));
    r = cli(base
            + QStringList {QStringLiteral("--starting-token"), token, QStringLiteral("--output"),
                           QStringLiteral("jsonl")});
    QVERIFY2(r.exitCode == 0, explain(r));
    for (const QJsonObject &e : jsonLines(r.out))
        ids.append(e.value(QLatin1String("eventId")).toString());
    QCOMPARE(qint64(ids.size()), std::max(m_job.scanned, m_job.failed));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
}

void TestReportCommands::everyFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("csv") << "csv" << QByteArray("time,status,documentId,documentTitle,sourceUri");
    QTest::newRow("table") << "table" << QByteArray("documentTitle");
    QTest::newRow("json") << "json" << QByteArray("\"reportEvents\"");
}

void TestReportCommands::everyFormat()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    const Run r = cli(reportArgs(m_app, m_job.executionId)
                      + QStringList {QStringLiteral("--document-status"), QStringLiteral("FAILED"),
                                     QStringLiteral("--output"), format});
    QVERIFY2(r.exitCode == 0, explain(r));
    QVERIFY2(r.out.contains(expected), explain(r));
    if (format == QLatin1String("csv")) {
        // A header and one row per failed document (no cell spans lines in this report).
        QCOMPARE(qint64(r.out.count('\n')), m_job.failed + 1);
    }
}

void TestReportCommands::noLogGroupExplainsDelivery()
{
    const QString execution = QStringLiteral("00000000-0000-4000-8000-000000000001");
    const Run r = cli(reportArgs(m_otherApp, execution));
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains("SYNC_JOB_LOGS") || r.err.contains("log delivery"), explain(r));
    QVERIFY2(r.err.contains("What to do:"), explain(r));
    QVERIFY2(r.err.contains("ResourceNotFoundException"), explain(r));
    QVERIFY(r.out.isEmpty());
}

void TestReportCommands::noLogStreamExplains()
{
    const Run r = cli(reportArgs(m_app, QStringLiteral("00000000-0000-4000-8000-000000000002")));
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains("has no stream"), explain(r));
    QVERIFY2(r.err.contains("What to do:"), explain(r));
}

void TestReportCommands::accessDeniedNamesTheAction()
{
    RawHttpServer denied([](const RawHttpRequest &request) {
        if (request.header("x-amz-target").isEmpty())
            return RawHttpReply::awsError(
                403, "AccessDeniedException",
                "not authorized to perform: qbusiness:ListDataSourceSyncJobs");
        return RawHttpReply::json(
            400,
            "{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
            "arn:aws:sts::123456789012:assumed-role/Reader/cli is not authorized to perform: "
            "logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:"
            "/aws/qbusiness/x:log-stream:\"}");
    });
    QVERIFY(denied.listen());
    const Run r = cli(reportArgs(m_app, m_job.executionId), denied.url());
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains("logs:FilterLogEvents"), explain(r));
    QVERIFY2(r.err.contains("/aws/qbusiness/*"), explain(r));
    QVERIFY2(r.err.contains("could not look up the run"), explain(r));
}

void TestReportCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("bad status") << QStringList {QStringLiteral("--document-status"),
                                                QStringLiteral("INDEXED")}
                                << QByteArray("is not one of FAILED, SKIPPED, SUCCESS") << 252;
    QTest::newRow("grouped and max-items")
        << QStringList {QStringLiteral("--group-by-error"), QStringLiteral("--max-items"),
                        QStringLiteral("5")}
        << QByteArray("does not take --max-items") << 252;
    // A token that is not SyncDeck's is passed on as the service's own, which refuses it.
    QTest::newRow("foreign token")
        << QStringList {QStringLiteral("--starting-token"), QStringLiteral("garbage")}
        << QByteArray("InvalidParameterException") << 254;
}

void TestReportCommands::usageErrors()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, message);
    QFETCH(int, exitCode);
    const Run r = cli(reportArgs(m_app, m_job.executionId) + extra);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), explain(r));
}

void TestReportCommands::listDocuments()
{
    const QStringList base {QStringLiteral("list-documents"),
                            QStringLiteral("--application-id"),
                            m_app,
                            QStringLiteral("--index-id"),
                            m_index,
                            QStringLiteral("--data-source-ids"),
                            m_dataSource};
    Run r = cli(base + QStringList {QStringLiteral("--output"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QJsonArray all = QJsonDocument::fromJson(r.out)
                               .object()
                               .value(QLatin1String("documentDetailList"))
                               .toArray();
    QVERIFY(!all.isEmpty());
    const QJsonObject first = all.at(0).toObject();
    QVERIFY(first.contains(QLatin1String("documentId")) && first.contains(QLatin1String("status")));

    r = cli(base
            + QStringList {QStringLiteral("--max-items"), QStringLiteral("150"),
                           QStringLiteral("--output"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QJsonObject part = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(part.value(QLatin1String("documentDetailList")).toArray().size(),
             std::min<qsizetype>(150, all.size()));
    if (all.size() > 150) {
        const QString token = part.value(QLatin1String("NextToken")).toString();
        QVERIFY(!token.isEmpty());
        r = cli(base
                + QStringList {QStringLiteral("--starting-token"), token,
                               QStringLiteral("--output"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0, explain(r));
        QCOMPARE(qsizetype(jsonLines(r.out).size()) + 150, all.size());
    }

    r = cli(base + QStringList {QStringLiteral("--data-source-ids"), m_dataSource});
    QCOMPARE(r.exitCode, 252);
    QVERIFY2(r.err.contains("at most one"), explain(r));
}

QTEST_GUILESS_MAIN(TestReportCommands)
#include "tst_reportcommands.moc"
