// A run's document report as the official AWS SDKs see it on the emulator: SyncDeck's report
// reader reads the largest report of a `syncdeck-emulator --seed 11` process over TCP, then the
// JavaScript SDK v3 (@aws-sdk/client-cloudwatch-logs, client-qbusiness) and boto3 (`logs`,
// `qbusiness`) page the same report and the same ListDocuments listing and must get exactly the
// same events and documents (count and SHA-256 over every one, in order), and typed errors for a
// missing log group and a throttled call. Each SDK walk skips with a message when its runtime or
// package is absent.
#include "aws/credentialsprovider.h"
#include "aws/requestpacer.h"
#include "logs/client.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"
#include "report/reportreader.h"
#include "signedhttp.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace syncdeck;

namespace {

struct Emulator
{
    std::unique_ptr<QProcess> process;
    QString url;
};

Emulator startEmulator(const QStringList &arguments, QString *error)
{
    Emulator e;
    e.process = std::make_unique<QProcess>();
    e.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    e.process->start(QStringLiteral(SYNCDECK_EMULATOR_PATH),
                     QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    if (!e.process->waitForStarted(10000)) {
        *error = QStringLiteral("syncdeck-emulator did not start: ") + e.process->errorString();
        return {};
    }
    QByteArray line;
    while (!line.contains('\n') && e.process->waitForReadyRead(30000))
        line += e.process->readAllStandardOutput();
    const QByteArray first = line.split('\n').constFirst().trimmed();
    if (!first.startsWith("listening on http://127.0.0.1:")) {
        *error = QStringLiteral("unexpected first line: ") + QString::fromUtf8(first);
        return {};
    }
    e.url = QString::fromLatin1(first.mid(int(sizeof("listening on ")) - 1));
    return e;
}

void stop(Emulator &e)
{
    if (e.process && e.process->state() != QProcess::NotRunning) {
        e.process->terminate();
        if (!e.process->waitForFinished(10000))
            e.process->kill();
        e.process->waitForFinished(5000);
    }
}

} // namespace

class TestReportConformance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sdk_data();
    void sdk();

private:
    bool findLargestRun();
    bool readWithSyncDeck();
    bool listWithSyncDeck();

    Emulator m_seeded;
    Emulator m_throttling;
    aws::ClientConfig m_config;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
    report::RunReportTarget m_target;
    QString m_missingApplication;
    qint64 m_scanned = 0;
    qint64 m_events = 0;
    QByteArray m_digest;
    qint64 m_documents = 0;
    QByteArray m_documentsDigest;
};

void TestReportConformance::initTestCase()
{
    QString error;
    m_seeded = startEmulator({QStringLiteral("--seed"), QStringLiteral("11"),
                              QStringLiteral("--data-sources"), QStringLiteral("6"),
                              QStringLiteral("--jobs"), QStringLiteral("40"),
                              QStringLiteral("--sync-seconds"), QStringLiteral("3600")},
                             &error);
    QVERIFY2(m_seeded.process, qPrintable(error));
    m_throttling = startEmulator({QStringLiteral("--seed"), QStringLiteral("11"),
                                  QStringLiteral("--jobs"), QStringLiteral("5"),
                                  QStringLiteral("--fault"), QStringLiteral("throttle=1")},
                                 &error);
    QVERIFY2(m_throttling.process, qPrintable(error));
    m_config.endpoint = QUrl(m_seeded.url);
    m_config.region = QStringLiteral("us-east-1");
    m_credentials = std::make_unique<aws::StaticCredentialsProvider>(test::emulatorCredentials());
    QVERIFY(findLargestRun());
    QVERIFY2(m_scanned >= 50000,
             qPrintable(QStringLiteral("the largest report has %1 events").arg(m_scanned)));
    QVERIFY(readWithSyncDeck());
    QVERIFY(listWithSyncDeck());
}

void TestReportConformance::cleanupTestCase()
{
    stop(m_seeded);
    stop(m_throttling);
}

// The finished run of the first application (the one with log delivery) with the most
// documents, within the log retention.
bool TestReportConformance::findLargestRun()
{
    test::SignedHttp http(QUrl(m_seeded.url), test::emulatorCredentials());
    const QJsonArray apps
        = http.get("/applications").json().value(QLatin1String("applications")).toArray();
    if (apps.size() < 2)
        return false;
    const QString app = apps.at(0).toObject().value(QLatin1String("applicationId")).toString();
    m_missingApplication = apps.at(1).toObject().value(QLatin1String("applicationId")).toString();
    const QString index = http.get("/applications/" + app.toLatin1() + "/indices")
                              .json()
                              .value(QLatin1String("indices"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("indexId"))
                              .toString();
    const QByteArray base
        = "/applications/" + app.toLatin1() + "/indices/" + index.toLatin1() + "/datasources";
    QString token;
    QStringList sources;
    do {
        const QJsonObject page
            = http.get(base,
                       token.isEmpty() ? QByteArray()
                                       : "nextToken=" + test::encodeQueryValue(token))
                  .json();
        for (const QJsonValue &s : page.value(QLatin1String("dataSources")).toArray())
            sources.append(s.toObject().value(QLatin1String("dataSourceId")).toString());
        token = page.value(QLatin1String("nextToken")).toString();
    } while (!token.isEmpty());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &ds : std::as_const(sources)) {
        QByteArray query = "maxResults=10";
        for (int page = 0; page < 10; ++page) {
            const QJsonObject body
                = http.get(base + '/' + ds.toLatin1() + "/syncjobs", query).json();
            for (const QJsonValue &j : body.value(QLatin1String("history")).toArray()) {
                const QJsonObject o = j.toObject();
                const qint64 start = qint64(o.value(QLatin1String("startTime")).toDouble() * 1000);
                const QJsonObject m = o.value(QLatin1String("metrics")).toObject();
                const qint64 scanned
                    = m.value(QLatin1String("documentsScanned")).toString().toLongLong();
                if (!o.contains(QLatin1String("endTime")) || now - start > qint64(25) * 86400000
                    || scanned <= m_scanned)
                    continue;
                m_scanned = scanned;
                m_target.applicationId = app;
                m_target.indexId = index;
                m_target.dataSourceId = ds;
                m_target.executionId = o.value(QLatin1String("executionId")).toString();
                m_target.runStart = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
                m_target.runEnd = QDateTime::fromMSecsSinceEpoch(
                    qint64(o.value(QLatin1String("endTime")).toDouble() * 1000), Qt::UTC);
            }
            token = body.value(QLatin1String("nextToken")).toString();
            if (token.isEmpty())
                break;
            query = "maxResults=10&nextToken=" + test::encodeQueryValue(token);
        }
    }
    return !m_target.executionId.isEmpty();
}

bool TestReportConformance::readWithSyncDeck()
{
    logs::Client client(m_config, m_credentials.get());
    client.setRequestPacer(std::make_shared<aws::RequestPacer>());
    report::ReportReader reader(&client, m_target);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    connect(&reader, &report::ReportReader::eventsRead, this,
            [&](const QList<report::ReportEvent> &events) {
                for (const report::ReportEvent &e : events) {
                    hash.addData(QByteArray(e.eventId.toUtf8() + '\n' + e.message.toUtf8() + '\n'));
                    ++m_events;
                }
            });
    QSignalSpy done(&reader, &report::ReportReader::finished);
    QElapsedTimer timer;
    timer.start();
    reader.start();
    if (!done.wait(240000))
        return false;
    qInfo("SyncDeck's report reader: %lld events in %d pages (%.2f s)", m_events,
          reader.pageCount(), double(timer.elapsed()) / 1000.0);
    m_digest = hash.result().toHex();
    return reader.outcome().status == report::ReportStatus::Complete && m_events == m_scanned;
}

bool TestReportConformance::listWithSyncDeck()
{
    qbusiness::Client client(m_config, m_credentials.get());
    qbusiness::ListDocumentsRequest request;
    request.applicationId = m_target.applicationId;
    request.indexId = m_target.indexId;
    request.dataSourceId = m_target.dataSourceId;
    std::unique_ptr<qbusiness::Paginator> paginator(
        qbusiness::Paginator::listDocuments(&client, request));
    paginator->setPageSize(100);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    connect(paginator.get(), &qbusiness::Paginator::pageLoaded, this,
            [&](aws::ServiceCall *call, int first, int count) {
                const auto *c = static_cast<qbusiness::ListDocumentsCall *>(call);
                for (int i = first; i < first + count; ++i) {
                    const qbusiness::DocumentDetails &d = c->page.documents.at(i);
                    hash.addData(
                        QByteArray(d.documentId.toUtf8() + '\n' + d.status.toUtf8() + '\n'));
                    ++m_documents;
                }
            });
    QSignalSpy done(paginator.get(), &qbusiness::Paginator::finished);
    paginator->start();
    if (!done.wait(240000) || paginator->error().isError())
        return false;
    m_documentsDigest = hash.result().toHex();
    return m_documents > 0;
}

void TestReportConformance::sdk_data()
{
    QTest::addColumn<QString>("interpreter");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("requirement");
    const QString source = QStringLiteral(SYNCDECK_SOURCE_DIR);
    QTest::newRow("javascript-sdk-v3")
        << QStringLiteral("node") << source + QStringLiteral("/tests/conformance/report-walk.mjs")
        << QStringLiteral(SYNCDECK_NODE_MODULES "/@aws-sdk/client-cloudwatch-logs/package.json");
    QTest::newRow("boto3") << QStringLiteral("python3")
                           << source + QStringLiteral("/tests/conformance/boto3_report_walk.py")
                           << QString();
}

void TestReportConformance::sdk()
{
    QFETCH(QString, interpreter);
    QFETCH(QString, script);
    QFETCH(QString, requirement);
    const QString program = QStandardPaths::findExecutable(interpreter);
    if (program.isEmpty())
        QSKIP(qPrintable(interpreter + QStringLiteral(" is not installed: this walk is skipped")));
    if (!requirement.isEmpty() && !QFileInfo::exists(requirement))
        QSKIP(qPrintable(QStringLiteral("%1 is missing: run `npm ci` (or `make deps`) in the "
                                        "tests/ folder to install the AWS SDK for JavaScript")
                             .arg(requirement)));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("AWS_"))
            || name.toLower().endsWith(QLatin1String("_proxy")))
            env.remove(name);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<std::pair<const char *, QString>> values = {
        {"AWS_CONFIG_FILE", QStringLiteral("/dev/null")},
        {"AWS_SHARED_CREDENTIALS_FILE", QStringLiteral("/dev/null")},
        {"NODE_NO_WARNINGS", QStringLiteral("1")},
        {"SYNCDECK_ENDPOINT", m_seeded.url},
        {"SYNCDECK_THROTTLE_ENDPOINT", m_throttling.url},
        {"SYNCDECK_LOG_GROUP", m_target.logGroupName()},
        {"SYNCDECK_LOG_STREAM", m_target.reportStreamName()},
        {"SYNCDECK_START_TIME", QString::number(m_target.windowStartMs(now))},
        {"SYNCDECK_END_TIME", QString::number(m_target.windowEndMs().value_or(0))},
        {"SYNCDECK_EXPECT_EVENTS", QString::number(m_events)},
        {"SYNCDECK_EXPECT_DIGEST", QString::fromLatin1(m_digest)},
        {"SYNCDECK_MISSING_GROUP", QStringLiteral("/aws/qbusiness/") + m_missingApplication},
        {"SYNCDECK_APPLICATION_ID", m_target.applicationId},
        {"SYNCDECK_INDEX_ID", m_target.indexId},
        {"SYNCDECK_DATA_SOURCE_ID", m_target.dataSourceId},
        {"SYNCDECK_EXPECT_DOCUMENTS", QString::number(m_documents)},
        {"SYNCDECK_EXPECT_DOCUMENTS_DIGEST", QString::fromLatin1(m_documentsDigest)},
    };
    for (const auto &[name, value] : values)
        env.insert(QString::fromLatin1(name), value);
    QProcess walk;
    walk.setProcessEnvironment(env);
    walk.setWorkingDirectory(QStringLiteral(SYNCDECK_SOURCE_DIR));
    walk.setProcessChannelMode(QProcess::MergedChannels);
    walk.start(program, {script});
    QVERIFY2(walk.waitForStarted(10000), qPrintable(walk.errorString()));
    const bool finished = walk.waitForFinished(400000);
    const QByteArray output = walk.readAll();
    qInfo().noquote() << QString::fromUtf8(output).trimmed();
    QVERIFY2(finished, "the SDK walk did not finish within 400 s");
    if (walk.exitCode() == 77)
        QSKIP(qPrintable(QStringLiteral("skipped: ") + QString::fromUtf8(output).trimmed()));
    QCOMPARE(walk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(walk.exitCode(), 0);
    QVERIFY(output.contains("all checks passed"));
}

QTEST_GUILESS_MAIN(TestReportConformance)
#include "tst_reportconformance.moc"
