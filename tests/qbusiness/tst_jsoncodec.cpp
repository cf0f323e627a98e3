// The rest-json codec: timestamps, metrics, tolerant reading, error documents.
#include "aws/jsonwriter.h"
#include "qbusiness/jsoncodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace syncdeck::qbusiness;

class TestJsonCodec : public QObject
{
    Q_OBJECT
private slots:
    void timestamp_data();
    void timestamp();
    void metric_data();
    void metric();
    void syncJobPage();
    void malformedPage_data();
    void malformedPage();
    void unreadableValueKeepsTheJob_data();
    void unreadableValueKeepsTheJob();
    void queryTimestamp_data();
    void queryTimestamp();
    void roundTripToJson();
    void writeJsonMatchesToJson();
    void otherBodies();
};

void TestJsonCodec::timestamp_data()
{
    QTest::addColumn<QByteArray>("json"); // the value, as JSON text
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("error");
    const QDateTime base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("epoch integer") << QByteArray("1714564800") << base << false;
    QTest::newRow("epoch fractional") << QByteArray("1714564800.25") << base.addMSecs(250) << false;
    QTest::newRow("iso Z") << QByteArray("\"2024-05-01T12:00:00Z\"") << base << false;
    QTest::newRow("iso ms") << QByteArray("\"2024-05-01T12:00:00.5Z\"") << base.addMSecs(500)
                            << false;
    QTest::newRow("iso offset") << QByteArray("\"2024-05-01T14:00:00+02:00\"") << base << false;
    QTest::newRow("null is absent") << QByteArray("null") << QDateTime() << false;
    QTest::newRow("iso without zone")
        << QByteArray("\"2024-05-01T12:00:00\"") << QDateTime() << true;
    QTest::newRow("garbage string") << QByteArray("\"yesterday\"") << QDateTime() << true;
    QTest::newRow("boolean") << QByteArray("true") << QDateTime() << true;
    QTest::newRow("object") << QByteArray("{}") << QDateTime() << true;
    QTest::newRow("huge number") << QByteArray("1e300") << QDateTime() << true;
    // Before year 1 an ISO 8601 time needs more than four year digits: written back it would not
    // read again (found by fuzz_jsoncodec: -153402300799 became "-2893-11-16T09:46:41Z").
    QTest::newRow("before year 1") << QByteArray("-153402300799") << QDateTime() << true;
    QTest::newRow("year 1") << QByteArray("-62135596800")
                            << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC) << false;
    QTest::newRow("year 9999") << QByteArray("253402300799")
                               << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC)
                               << false;
}

void TestJsonCodec::timestamp()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    QFETCH(bool, error);
    const QJsonValue v = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    QString e;
    const QDateTime t = jsoncodec::readTimestamp(v, &e);
    QCOMPARE(!e.isEmpty(), error);
    QCOMPARE(t, expected);
    if (t.isValid())
        QCOMPARE(t.timeSpec(), Qt::UTC);
}

void TestJsonCodec::metric_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("expected"); // -1: absent
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("digits") << QByteArray("\"1234\"") << qint64(1234) << QString();
    QTest::newRow("zero") << QByteArray("\"0\"") << qint64(0) << QString();
    QTest::newRow("int64 max") << QByteArray("\"9223372036854775807\"")
                               << qint64(9223372036854775807LL) << QString();
    QTest::newRow("int64 max + 1") << QByteArray("\"9223372036854775808\"") << qint64(-1)
                                   << QStringLiteral("overflows a 64-bit integer");
    QTest::newRow("twenty digits")
        << QByteArray("\"99999999999999999999\"") << qint64(-1) << QStringLiteral("overflows");
    QTest::newRow("null") << QByteArray("null") << qint64(-1) << QString();
    QTest::newRow("number tolerated") << QByteArray("42") << qint64(42) << QString();
    QTest::newRow("negative") << QByteArray("\"-5\"") << qint64(-1)
                              << QStringLiteral("decimal digits");
    QTest::newRow("letters") << QByteArray("\"12a\"") << qint64(-1)
                             << QStringLiteral("decimal digits");
    QTest::newRow("empty") << QByteArray("\"\"") << qint64(-1) << QStringLiteral("empty");
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1) << QStringLiteral("number");
}

void TestJsonCodec::metric()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, expected);
    QFETCH(QString, errorContains);
    const QJsonValue v = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    QString e;
    const std::optional<qint64> m = jsoncodec::readMetric(v, &e);
    if (errorContains.isEmpty())
        QVERIFY2(e.isEmpty(), qPrintable(e));
    else
        QVERIFY2(e.contains(errorContains), qPrintable(e));
    QCOMPARE(m.value_or(-1), expected);
}

void TestJsonCodec::syncJobPage()
{
    const QByteArray body = R"({
        "history": [
          {"executionId": "e1", "startTime": 1714564800, "endTime": "2024-05-01T12:30:00Z",
           "status": "FAILED", "error": {"errorCode": "InternalError", "errorMessage": "boom"},
           "dataSourceErrorCode": "X1", "metrics": {"documentsAdded": "10",
           "documentsFailed": "2", "documentsScanned": null}, "someFutureMember": [1,2,3]},
          {"executionId": "e2", "status": "SOME_NEW_STATUS", "endTime": null},
          null
        ],
        "nextToken": "abc+/=", "unknownTopLevel": {"x": 1}
    })";
    SyncJobPage page;
    QString error;
    QVERIFY2(jsoncodec::readSyncJobPage(body, &page, &error), qPrintable(error));
    QCOMPARE(page.history.size(), 2);
    QCOMPARE(page.nextToken, QStringLiteral("abc+/="));
    const SyncJob &a = page.history.at(0);
    QCOMPARE(a.executionId, QStringLiteral("e1"));
    QCOMPARE(a.startTime, QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    QCOMPARE(a.endTime, QDateTime(QDate(2024, 5, 1), QTime(12, 30), Qt::UTC));
    QCOMPARE(a.statusKind(), SyncStatus::Failed);
    QCOMPARE(a.errorCode, QStringLiteral("InternalError"));
    QCOMPARE(a.errorMessage, QStringLiteral("boom"));
    QCOMPARE(a.dataSourceErrorCode, QStringLiteral("X1"));
    QCOMPARE(a.metrics.documentsAdded, std::optional<qint64>(10));
    QCOMPARE(a.metrics.documentsFailed, std::optional<qint64>(2));
    QVERIFY(!a.metrics.documentsScanned);
    QVERIFY(!a.metrics.documentsModified);
    const SyncJob &b = page.history.at(1);
    QCOMPARE(b.status, QStringLiteral("SOME_NEW_STATUS")); // kept verbatim
    QCOMPARE(b.statusKind(), SyncStatus::Unknown);
    QVERIFY(!b.endTime.isValid());
}

void TestJsonCodec::malformedPage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("not json") << QByteArray("<html>oops</html>")
                              << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << QByteArray(R"({"history":[{"executionId":"e1")")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("array root") << QByteArray("[]") << QStringLiteral("not an object");
    QTest::newRow("history not array")
        << QByteArray(R"({"history":{}})") << QStringLiteral("member history is an object");
    QTest::newRow("item not object")
        << QByteArray(R"({"history":[1]})") << QStringLiteral("history[0] is a number");
    QTest::newRow("token not string")
        << QByteArray(R"({"history":[],"nextToken":7})") << QStringLiteral("nextToken is a number");
}

void TestJsonCodec::malformedPage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorContains);
    SyncJobPage page;
    page.nextToken = QStringLiteral("untouched");
    QString error;
    QVERIFY(!jsoncodec::readSyncJobPage(body, &page, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QCOMPARE(page.nextToken, QStringLiteral("untouched"));
    QVERIFY(page.history.isEmpty());
}

void TestJsonCodec::unreadableValueKeepsTheJob_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("id not string") << QByteArray(R"({"history":[{"executionId":5}]})")
                                   << QStringLiteral("history[0].executionId is a number");
    QTest::newRow("metric overflow")
        << QByteArray(
               R"({"history":[{"executionId":"e0"},{"executionId":"e1","status":"FAILED",)"
               R"("metrics":{"documentsAdded":"99999999999999999999","documentsFailed":"3"}}]})")
        << QStringLiteral("history[1].metrics.documentsAdded is 99999999999999999999, which "
                          "overflows");
    QTest::newRow("bad time") << QByteArray(R"({"history":[{"startTime":"soon"}]})")
                              << QStringLiteral("history[0].startTime is \"soon\"");
}

// One bad value costs that value: the job and the page's other jobs are kept, the problem names
// job and member (the client fails the page unless the caller asked to keep such jobs).
void TestJsonCodec::unreadableValueKeepsTheJob()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    SyncJobPage page;
    QString error;
    QVERIFY2(jsoncodec::readSyncJobPage(body, &page, &error), qPrintable(error));
    QCOMPARE(page.problems.size(), 1);
    QVERIFY2(page.problems.constFirst().startsWith(problem),
             qPrintable(page.problems.constFirst()));
    const SyncJob &bad = page.history.constLast();
    QVERIFY(!bad.problem.isEmpty());
    QVERIFY(page.problems.constFirst().contains(bad.problemMember()));
    if (bad.executionId == QLatin1String("e1")) {
        QCOMPARE(page.history.size(), 2);
        QVERIFY(page.history.constFirst().problem.isEmpty());
        QCOMPARE(bad.status, QStringLiteral("FAILED"));
        QCOMPARE(bad.metrics.documentsFailed, std::optional<qint64>(3));
        QVERIFY(!bad.metrics.documentsAdded);
        QCOMPARE(bad.problemMember(), QStringLiteral("metrics.documentsAdded"));
        QVERIFY(page.problems.constFirst().endsWith(QLatin1String("(execution e1)")));
    }
}

void TestJsonCodec::queryTimestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    const QDateTime base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("whole seconds") << base << QByteArray("2024-05-01T12:00:00Z");
    QTest::newRow("fraction") << base.addMSecs(120) << QByteArray("2024-05-01T12:00:00.120Z");
    QTest::newRow("offset converted")
        << base.toOffsetFromUtc(3600) << QByteArray("2024-05-01T12:00:00Z");
    QTest::newRow("single digits everywhere")
        << QDateTime(QDate(7, 1, 2), QTime(3, 4, 5, 6), Qt::UTC)
        << QByteArray("0007-01-02T03:04:05.006Z");
    QTest::newRow("leap day, last millisecond")
        << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC)
        << QByteArray("2028-02-29T23:59:59.999Z");
    QTest::newRow("offset crosses the year")
        << QDateTime(QDate(2027, 1, 1), QTime(0, 30), Qt::OffsetFromUTC, 3600)
        << QByteArray("2026-12-31T23:30:00Z");
    QTest::newRow("year past 9999 (locale formatter)")
        << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC)
        << QByteArray("10000-01-01T00:00:00Z");
}

void TestJsonCodec::queryTimestamp()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(jsoncodec::queryTimestamp(time), expected);
}

void TestJsonCodec::writeJsonMatchesToJson()
{
    // Every combination of present and absent members, with text that needs escaping.
    QRandomGenerator rng(7);
    const QStringList texts {QString(),
                             QStringLiteral("SUCCEEDED"),
                             QStringLiteral("quote \" backslash \\ newline \n tab \t"),
                             QString::fromUtf16(u"caf\u00e9 \U0001F600 \u2028"),
                             QString(QChar(char16_t(0xd800))) + QStringLiteral("lone"),
                             QStringLiteral("=cmd|' /C calc'!A0")};
    for (int round = 0; round < 3000; ++round) {
        SyncJob job;
        job.executionId = texts.at(rng.bounded(texts.size()));
        job.status = texts.at(rng.bounded(texts.size()));
        job.errorCode = rng.bounded(2) ? texts.at(rng.bounded(texts.size())) : QString();
        job.errorMessage = rng.bounded(2) ? texts.at(rng.bounded(texts.size())) : QString();
        job.dataSourceErrorCode = rng.bounded(2) ? texts.at(rng.bounded(texts.size())) : QString();
        if (rng.bounded(4))
            job.startTime = QDateTime::fromMSecsSinceEpoch(
                qint64(rng.bounded(4000000000.0) * 1000) - 1000000000000LL, Qt::UTC);
        if (rng.bounded(3))
            job.endTime = QDateTime::fromMSecsSinceEpoch(qint64(rng.bounded(2000000000.0)) * 1000,
                                                         QTimeZone(3600 * int(rng.bounded(5))));
        std::optional<qint64> *metrics[]
            = {&job.metrics.documentsAdded, &job.metrics.documentsModified,
               &job.metrics.documentsDeleted, &job.metrics.documentsFailed,
               &job.metrics.documentsScanned};
        for (std::optional<qint64> *m : metrics) {
            if (rng.bounded(3))
                *m = qint64(rng.generate64()) >> rng.bounded(64);
        }
        QByteArray written;
        syncdeck::aws::JsonWriter w(written);
        jsoncodec::writeJson(w, job);
        const QByteArray expected
            = QJsonDocument(jsoncodec::toJson(job)).toJson(QJsonDocument::Compact);
        if (written != expected)
            QFAIL(qPrintable(QStringLiteral("round %1:\n ours %2\n toJson %3")
                                 .arg(round)
                                 .arg(QString::fromUtf8(written), QString::fromUtf8(expected))));
    }
}

void TestJsonCodec::roundTripToJson()
{
    SyncJob job;
    job.executionId = QStringLiteral("e1");
    job.startTime = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    job.status = QStringLiteral("SUCCEEDED");
    job.metrics.documentsAdded = 9223372036854775807LL;
    const QJsonObject o = jsoncodec::toJson(job);
    QCOMPARE(o.value(QLatin1String("startTime")).toString(),
             QStringLiteral("2024-05-01T12:00:00Z"));
    QCOMPARE(o.value(QLatin1String("metrics")).toObject().value(QLatin1String("documentsAdded")),
             QJsonValue(QStringLiteral("9223372036854775807")));
    QVERIFY(!o.contains(QLatin1String("endTime")));
    QVERIFY(!o.contains(QLatin1String("error")));
    SyncJobPage page;
    QString error;
    const QByteArray body
        = "{\"history\":[" + QJsonDocument(o).toJson(QJsonDocument::Compact) + "]}";
    QVERIFY2(jsoncodec::readSyncJobPage(body, &page, &error), qPrintable(error));
    QCOMPARE(page.history.value(0), job);
}

void TestJsonCodec::otherBodies()
{
    QString error;
    QString token;
    QList<Application> apps;
    QVERIFY(jsoncodec::readApplications(
        R"({"applications":[{"applicationId":"a1","displayName":"A","status":"ACTIVE",
            "identityType":"AWS_IAM_IDC","createdAt":1714564800,"x":1}],"nextToken":"t"})",
        &apps, &token, &error));
    QCOMPARE(apps.size(), 1);
    QCOMPARE(apps.at(0).identityType, QStringLiteral("AWS_IAM_IDC"));
    QCOMPARE(token, QStringLiteral("t"));
    QList<Index> indices;
    QVERIFY(jsoncodec::readIndices(R"({"indices":[{"indexId":"i1","status":"ACTIVE"}]})", &indices,
                                   &token, &error));
    QCOMPARE(indices.value(0).indexId, QStringLiteral("i1"));
    QVERIFY(token.isEmpty());
    QList<DataSource> sources;
    QVERIFY(jsoncodec::readDataSources(R"({"dataSources":[{"dataSourceId":"d1","type":"S3"}]})",
                                       &sources, &token, &error));
    QCOMPARE(sources.value(0).type, QStringLiteral("S3"));
    DataSourceDetails details;
    QVERIFY(jsoncodec::readDataSourceDetails(
        R"x({"dataSourceId":"d1","syncSchedule":"cron(0 * * * ? *)","error":{"errorMessage":"m"},
            "configuration":{"anything":true}})x",
        &details, &error));
    QCOMPARE(details.syncSchedule, QStringLiteral("cron(0 * * * ? *)"));
    QCOMPARE(details.errorMessage, QStringLiteral("m"));
    QString executionId;
    QVERIFY(jsoncodec::readStartSyncJob(R"({"executionId":"x"})", &executionId, &error));
    QCOMPARE(executionId, QStringLiteral("x"));
    QVERIFY(!jsoncodec::readStartSyncJob("", &executionId, &error));
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
