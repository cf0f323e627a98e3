// `--state FILE`: an exact JSON fixture served as written, and every kind of bad fixture refused
// with an error naming the file, the JSON path and what was expected.
#include "emulator/server.h"
#include "emulatorthread.h"
#include "signedhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using syncdeck::test::HttpResult;

namespace {

constexpr char App[] = "a0000000-0000-4000-8000-000000000001";
constexpr char Index[] = "i0000000-0000-4000-8000-000000000001";
constexpr char Source[] = "d0000000-0000-4000-8000-000000000001";
constexpr char Running[] = "e0000000-0000-4000-8000-000000000003";

QJsonObject validFixture()
{
    return QJsonDocument::fromJson(R"({
      "applications": [{
        "applicationId": "a0000000-0000-4000-8000-000000000001",
        "displayName": "fixture-app",
        "identityType": "AWS_IAM_IDP_OIDC",
        "createdAt": 1714500000.5,
        "updatedAt": "2024-05-01T00:00:00Z",
        "indices": [{
          "indexId": "i0000000-0000-4000-8000-000000000001",
          "displayName": "fixture-index",
          "dataSources": [{
            "dataSourceId": "d0000000-0000-4000-8000-000000000001",
            "displayName": "fixture-s3",
            "type": "S3",
            "syncSchedule": "",
            "history": [
              {"executionId": "e0000000-0000-4000-8000-000000000001", "startTime": 1714550400.25,
               "endTime": 1714551000, "status": "FAILED",
               "error": {"errorMessage": "Bucket \u0022gone\u0022 \\ \n\tsee caf\u00e9 \ud83d\ude00 \u0001", "errorCode": "ResourceNotFound"},
               "dataSourceErrorCode": "NoSuchBucket"},
              {"executionId": "e0000000-0000-4000-8000-000000000002", "startTime": "2024-05-01T06:00:00Z",
               "endTime": "2024-05-01T06:10:00.5Z", "status": "SUCCEEDED",
               "metrics": {"documentsAdded": "12", "documentsScanned": "9000"}},
              {"executionId": "e0000000-0000-4000-8000-000000000003", "startTime": 1714600000,
               "status": "SYNCING", "metrics": {"documentsScanned": "5"}}
            ]
          }]
        }]
      }]
    })")
        .object();
}

QString write(const QTemporaryDir &dir, const QByteArray &bytes)
{
    static int n = 0;
    const QString path = dir.filePath(QStringLiteral("state-%1.json").arg(++n));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return file.commit() ? path : QString();
}

QByteArray dsPath()
{
    return QByteArray("/applications/") + App + "/indices/" + Index + "/datasources/" + Source;
}

} // namespace

class TestEmulatorFixture : public QObject
{
    Q_OBJECT
private slots:
    void servedExactly();
    void runningJobCanBeStopped();
    void invalid_data();
    void invalid();

private:
    QTemporaryDir m_dir;
};

void TestEmulatorFixture::servedExactly()
{
    emulator::Options options;
    options.statePath = write(m_dir, QJsonDocument(validFixture()).toJson());
    test::EmulatorThread emulator(options);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    test::SignedHttp http(emulator.url(), test::emulatorCredentials());

    const QJsonObject app = http.get("/applications")
                                .json()
                                .value(QStringLiteral("applications"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(app.value(QStringLiteral("applicationId")).toString(), QLatin1String(App));
    QCOMPARE(app.value(QStringLiteral("identityType")).toString(),
             QStringLiteral("AWS_IAM_IDP_OIDC"));
    QCOMPARE(app.value(QStringLiteral("createdAt")).toDouble(), 1714500000.5);
    QCOMPARE(app.value(QStringLiteral("updatedAt")).toDouble(), 1714521600.0);
    QCOMPARE(app.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE")); // default

    const HttpResult jobs = http.get(dsPath() + "/syncjobs");
    QCOMPARE(jobs.status, 200);
    const QJsonArray history = jobs.json().value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 3);
    // The body is compact JSON with members in key order: byte for byte what QJsonDocument
    // writes for the same document (escapes, UTF-8 and numbers included).
    QCOMPARE(jobs.body, QJsonDocument::fromJson(jobs.body).toJson(QJsonDocument::Compact));
    // Newest first whatever the file's order; members exactly as written, absent ones absent.
    QCOMPARE(
        history.at(0).toObject(),
        QJsonDocument::fromJson(
            R"({"executionId": "e0000000-0000-4000-8000-000000000003", "startTime": 1714600000, "status": "SYNCING", "metrics": {"documentsScanned": "5"}})")
            .object());
    QCOMPARE(
        history.at(1).toObject(),
        QJsonDocument::fromJson(
            R"({"executionId": "e0000000-0000-4000-8000-000000000001", "startTime": 1714550400.25, "endTime": 1714551000, "status": "FAILED", "error": {"errorMessage": "Bucket \u0022gone\u0022 \\ \n\tsee caf\u00e9 \ud83d\ude00 \u0001", "errorCode": "ResourceNotFound"}, "dataSourceErrorCode": "NoSuchBucket"})")
            .object());
    QCOMPARE(
        history.at(2).toObject(),
        QJsonDocument::fromJson(
            R"({"executionId": "e0000000-0000-4000-8000-000000000002", "startTime": 1714543200, "endTime": 1714543800.5, "status": "SUCCEEDED", "metrics": {"documentsAdded": "12", "documentsScanned": "9000"}})")
            .object());

    const QJsonObject ds = http.get(dsPath()).json();
    QCOMPARE(ds.value(QStringLiteral("type")).toString(), QStringLiteral("S3"));
    QCOMPARE(ds.value(QStringLiteral("syncSchedule")).toString(), QString());
    QVERIFY(!ds.contains(QStringLiteral("roleArn")));
}

void TestEmulatorFixture::runningJobCanBeStopped()
{
    emulator::Options options;
    options.statePath = write(m_dir, QJsonDocument(validFixture()).toJson());
    options.stopDurationMs = 100;
    test::EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    test::SignedHttp http(emulator.url(), test::emulatorCredentials());
    test::SignedRequest start;
    start.method = "POST";
    start.path = dsPath() + "/startsync";
    QCOMPARE(http.send(start).status, 409); // the fixture's SYNCING job runs
    test::SignedRequest stop = start;
    stop.path = dsPath() + "/stopsync";
    QCOMPARE(http.send(stop).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(http.get(dsPath() + "/syncjobs", "maxResults=1")
                                  .json()
                                  .value(QStringLiteral("history"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("status"))
                                  .toString(),
                              QStringLiteral("ABORTED"), 20000);
    const HttpResult started = http.send(start);
    QCOMPARE(started.status, 200);
    QVERIFY(started.json().value(QStringLiteral("executionId")).toString()
            != QLatin1String(Running));
}

void TestEmulatorFixture::invalid_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QJsonObject valid = validFixture();
    auto with
        = [&](const std::function<void(QJsonObject & job, QJsonObject & ds, QJsonObject & app)>
                  &edit) {
              QJsonObject root = valid;
              QJsonArray apps = root.value(QStringLiteral("applications")).toArray();
              QJsonObject app = apps.at(0).toObject();
              QJsonArray indices = app.value(QStringLiteral("indices")).toArray();
              QJsonObject index = indices.at(0).toObject();
              QJsonArray sources = index.value(QStringLiteral("dataSources")).toArray();
              QJsonObject ds = sources.at(0).toObject();
              QJsonArray history = ds.value(QStringLiteral("history")).toArray();
              QJsonObject job = history.at(0).toObject();
              edit(job, ds, app);
              history[0] = job;
              if (ds.value(QStringLiteral("history")).isArray()) // unless the row replaced it
                  ds.insert(QStringLiteral("history"), history);
              sources[0] = ds;
              index.insert(QStringLiteral("dataSources"), sources);
              indices[0] = index;
              app.insert(QStringLiteral("indices"), indices);
              apps[0] = app;
              root.insert(QStringLiteral("applications"), apps);
              return QJsonDocument(root).toJson();
          };
    const QString job0 = QStringLiteral("$.applications[0].indices[0].dataSources[0].history[0]");
    QTest::newRow("not json") << QByteArray("{\"applications\": [") << "is not valid JSON";
    QTest::newRow("not an object") << QByteArray("[]") << "$: expected a JSON object";
    QTest::newRow("no applications") << QByteArray("{}") << "$.applications: missing";
    QTest::newRow("bad application id") << with([](QJsonObject &, QJsonObject &, QJsonObject &app) {
        app.insert(QStringLiteral("applicationId"), QStringLiteral("app-1"));
    }) << "$.applications[0].applicationId: 'app-1' is not a valid id";
    QTest::newRow("bad display name") << with([](QJsonObject &, QJsonObject &ds, QJsonObject &) {
        ds.insert(QStringLiteral("displayName"), QStringLiteral("has spaces"));
    }) << "$.applications[0].indices[0].dataSources[0].displayName: 'has spaces' does not match";
    QTest::newRow("bad data source status")
        << with([](QJsonObject &, QJsonObject &ds, QJsonObject &) {
               ds.insert(QStringLiteral("status"), QStringLiteral("READY"));
           })
        << "dataSources[0].status: 'READY' is not one of PENDING_CREATION";
    QTest::newRow("duplicate id") << with([](QJsonObject &, QJsonObject &ds, QJsonObject &) {
        ds.insert(QStringLiteral("dataSourceId"), QLatin1String(App));
    }) << "is used twice";
    QTest::newRow("bad status") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("status"), QStringLiteral("DONE"));
    }) << job0 + QStringLiteral(".status: 'DONE' is not one of FAILED, SUCCEEDED");
    QTest::newRow("numeric metric") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("metrics"), QJsonObject {{QStringLiteral("documentsAdded"), 3}});
    }) << job0 + QStringLiteral(".metrics.documentsAdded: expected a string of digits");
    QTest::newRow("negative metric") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("metrics"),
                   QJsonObject {{QStringLiteral("documentsFailed"), QStringLiteral("-1")}});
    }) << "metrics.documentsFailed: expected a string of digits";
    QTest::newRow("bad error code") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("error"),
                   QJsonObject {{QStringLiteral("errorCode"), QStringLiteral("Oops")}});
    }) << job0 + QStringLiteral(".error.errorCode: 'Oops' is not one of InternalError");
    QTest::newRow("end before start") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("endTime"), 1000);
    }) << job0 + QStringLiteral(".endTime: is earlier than startTime");
    QTest::newRow("no start time") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.remove(QStringLiteral("startTime"));
    }) << job0 + QStringLiteral(".startTime: missing");
    QTest::newRow("time without zone") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("startTime"), QStringLiteral("2024-05-01T06:00:00"));
    }) << "is not an ISO 8601 time with a zone";
    QTest::newRow("time as bool") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("startTime"), true);
    }) << "expected epoch seconds or an ISO 8601 time";
    QTest::newRow("duplicate execution")
        << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
               job.insert(QStringLiteral("executionId"), QLatin1String(Running));
           })
        << "appears twice in this data source";
    QTest::newRow("two running") << with([](QJsonObject &job, QJsonObject &, QJsonObject &) {
        job.insert(QStringLiteral("status"), QStringLiteral("SYNCING_INDEXING"));
    }) << "2 jobs are still running";
    QTest::newRow("history not array") << with([](QJsonObject &, QJsonObject &ds, QJsonObject &) {
        ds.insert(QStringLiteral("history"), QStringLiteral("none"));
    }) << "dataSources[0].history: expected an array";
}

void TestEmulatorFixture::invalid()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    emulator::Options options;
    options.statePath = write(m_dir, content);
    QVERIFY(!options.statePath.isEmpty());
    emulator::Server server(options);
    QVERIFY(!server.listen());
    QVERIFY2(server.errorString().contains(message), qPrintable(server.errorString()));
    QVERIFY2(server.errorString().contains(options.statePath), qPrintable(server.errorString()));
}

QTEST_GUILESS_MAIN(TestEmulatorFixture)
#include "tst_emulatorfixture.moc"
