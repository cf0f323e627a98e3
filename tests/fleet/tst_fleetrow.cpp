// A fleet row as JSON (and its columns for CSV and tables): stable names, null for unknown,
// ISO 8601 UTC times, server text verbatim.
#include "fleet/fleetrow.h"

#include <QJsonArray>
#include <QTest>

using namespace syncdeck;
using fleet::FleetRow;

namespace {
QDateTime at(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

FleetRow failingRow()
{
    qbusiness::SyncJob failed;
    failed.executionId = QStringLiteral("e0000000-0000-4000-8000-000000000002");
    failed.status = QStringLiteral("FAILED");
    failed.startTime = at("2024-05-07T11:02:00");
    failed.endTime = at("2024-05-07T11:04:30");
    failed.errorCode = QStringLiteral("InvalidRequest");
    failed.errorMessage = QStringLiteral("<b>Bucket</b> gone");
    failed.metrics.documentsFailed = 3;
    qbusiness::SyncJob ok;
    ok.executionId = QStringLiteral("e0000000-0000-4000-8000-000000000001");
    ok.status = QStringLiteral("SUCCEEDED");
    ok.startTime = at("2024-05-07T10:02:00");
    ok.endTime = at("2024-05-07T10:10:00");
    qbusiness::DataSourceDetails d;
    d.status = QStringLiteral("ACTIVE");
    d.syncSchedule = QStringLiteral("cron(0 * * * ? *)");
    fleet::HealthInput in;
    in.details = d;
    in.runs = QList<qbusiness::SyncJob> {failed, ok};

    FleetRow row;
    row.region = QStringLiteral("eu-west-1");
    row.applicationId = QStringLiteral("a0000000-0000-4000-8000-000000000001");
    row.applicationName = QStringLiteral("support");
    row.indexId = QStringLiteral("i0000000-0000-4000-8000-000000000001");
    row.indexName = QStringLiteral("support-index");
    row.dataSourceId = QStringLiteral("d0000000-0000-4000-8000-000000000001");
    row.dataSourceName = QStringLiteral("policies \u202eRTL");
    row.dataSourceType = QStringLiteral("S3");
    row.health = fleet::computeHealth(in, at("2024-05-07T12:00:00"));
    row.recentRuns = {{ok.startTime, ok.statusKind(), std::nullopt},
                      {failed.startTime, failed.statusKind(), 3}};
    return row;
}
} // namespace

class TestFleetRow : public QObject
{
    Q_OBJECT
private slots:
    void columnsAreStable();
    void dataSourceRow();
    void errorRow();
    void scopeNames();
};

void TestFleetRow::columnsAreStable()
{
    const QStringList columns = fleet::fleetRowColumns();
    // The first columns are the ones a table shows; scripts rely on every name.
    QCOMPARE(columns.mid(0, 11),
             QStringList({QStringLiteral("region"), QStringLiteral("scope"),
                          QStringLiteral("applicationId"), QStringLiteral("applicationName"),
                          QStringLiteral("indexId"), QStringLiteral("indexName"),
                          QStringLiteral("dataSourceId"), QStringLiteral("dataSourceName"),
                          QStringLiteral("dataSourceType"), QStringLiteral("attention"),
                          QStringLiteral("reason")}));
    for (const char *name :
         {"lastRunStatus", "lastRunStartTime", "lastRunDocumentsFailed", "lastSuccessTime",
          "lastSuccessAgeSeconds", "failingStreak", "failingSince", "successRate", "runsSeen",
          "running", "runningDocumentsScanned", "dataSourceStatus", "schedule",
          "schedulePeriodSeconds", "nextScheduledRun", "overdue", "overdueSince", "errorCode"})
        QVERIFY2(columns.contains(QLatin1String(name)), name);
    QStringList unique = columns;
    QCOMPARE(unique.removeDuplicates(), 0);
    const QJsonObject json = fleet::toJson(FleetRow());
    for (const QString &c : columns) {
        QVERIFY2(json.contains(c), qPrintable(c));
        QVERIFY2(!json.value(c).isArray() && !json.value(c).isObject(), qPrintable(c));
    }
    QCOMPARE(json.size(), columns.size() + 3); // + reasons, errors, recentRuns
}

void TestFleetRow::dataSourceRow()
{
    const QJsonObject j = fleet::toJson(failingRow());
    QCOMPARE(j.value(QStringLiteral("scope")).toString(), QStringLiteral("dataSource"));
    QCOMPARE(j.value(QStringLiteral("region")).toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(j.value(QStringLiteral("dataSourceName")).toString(),
             QStringLiteral("policies \u202eRTL"));
    QCOMPARE(j.value(QStringLiteral("attention")).toString(), QStringLiteral("failing"));
    QCOMPARE(j.value(QStringLiteral("reason")).toString(),
             QStringLiteral("last run FAILED Tue 11:02: <b>Bucket</b> gone"));
    QCOMPARE(j.value(QStringLiteral("lastRunStatus")).toString(), QStringLiteral("FAILED"));
    QCOMPARE(j.value(QStringLiteral("lastRunStartTime")).toString(),
             QStringLiteral("2024-05-07T11:02:00Z"));
    QCOMPARE(j.value(QStringLiteral("lastRunEndTime")).toString(),
             QStringLiteral("2024-05-07T11:04:30Z"));
    QCOMPARE(j.value(QStringLiteral("lastRunDocumentsFailed")).toInteger(), 3);
    QCOMPARE(j.value(QStringLiteral("lastRunErrorMessage")).toString(),
             QStringLiteral("<b>Bucket</b> gone"));
    QCOMPARE(j.value(QStringLiteral("lastSuccessTime")).toString(),
             QStringLiteral("2024-05-07T10:10:00Z"));
    QCOMPARE(j.value(QStringLiteral("lastSuccessAgeSeconds")).toInteger(), 6600);
    QCOMPARE(j.value(QStringLiteral("failingStreak")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("failingSince")).toString(),
             QStringLiteral("2024-05-07T11:02:00Z"));
    QCOMPARE(j.value(QStringLiteral("successRate")).toDouble(), 0.5);
    QCOMPARE(j.value(QStringLiteral("runsSeen")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("running")).toBool(), false);
    QVERIFY(j.value(QStringLiteral("runningSince")).isNull());
    QVERIFY(j.value(QStringLiteral("runningDocumentsScanned")).isNull());
    QCOMPARE(j.value(QStringLiteral("schedule")).toString(), QStringLiteral("cron(0 * * * ? *)"));
    QCOMPARE(j.value(QStringLiteral("schedulePeriodSeconds")).toInteger(), 3600);
    QCOMPARE(j.value(QStringLiteral("nextScheduledRun")).toString(),
             QStringLiteral("2024-05-07T13:00:00Z"));
    QCOMPARE(j.value(QStringLiteral("overdue")).toBool(), false);
    QVERIFY(j.value(QStringLiteral("overdueSince")).isNull());
    QVERIFY(j.value(QStringLiteral("scheduleError")).isNull());
    QVERIFY(j.value(QStringLiteral("errorCode")).isNull());
    QCOMPARE(j.value(QStringLiteral("reasons")).toArray().first().toString(),
             j.value(QStringLiteral("reason")).toString());
    QCOMPARE(j.value(QStringLiteral("errors")).toArray().size(), 0);
    const QJsonArray runs = j.value(QStringLiteral("recentRuns")).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("SUCCEEDED"));
    QVERIFY(runs.at(0).toObject().value(QStringLiteral("documentsFailed")).isNull());
    QCOMPARE(runs.at(1).toObject().value(QStringLiteral("startTime")).toString(),
             QStringLiteral("2024-05-07T11:02:00Z"));
    QCOMPARE(runs.at(1).toObject().value(QStringLiteral("documentsFailed")).toInteger(), 3);
}

void TestFleetRow::errorRow()
{
    FleetRow row;
    row.scope = FleetRow::Scope::Application;
    row.region = QStringLiteral("us-east-1");
    row.applicationId = QStringLiteral("a0000000-0000-4000-8000-000000000001");
    qbusiness::AwsError e = qbusiness::AwsError::make(
        qbusiness::AwsError::Kind::Service, QStringLiteral("AccessDeniedException"),
        QStringLiteral("not authorized"), {}, QStringLiteral("req-1"), 403);
    row.errors = {{QStringLiteral("ListIndices"), e}};
    row.health.reason = QStringLiteral("ListIndices failed: AccessDeniedException: not authorized");
    row.health.reasons = {row.health.reason};
    const QJsonObject j = fleet::toJson(row);
    QCOMPARE(j.value(QStringLiteral("scope")).toString(), QStringLiteral("application"));
    QCOMPARE(j.value(QStringLiteral("attention")).toString(), QStringLiteral("unknown"));
    QVERIFY(j.value(QStringLiteral("dataSourceId")).isNull());
    QCOMPARE(j.value(QStringLiteral("errorOperation")).toString(), QStringLiteral("ListIndices"));
    QCOMPARE(j.value(QStringLiteral("errorCode")).toString(),
             QStringLiteral("AccessDeniedException"));
    QCOMPARE(j.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("not authorized"));
    const QJsonObject first = j.value(QStringLiteral("errors")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("requestId")).toString(), QStringLiteral("req-1"));
    QCOMPARE(first.value(QStringLiteral("httpStatus")).toInt(), 403);
    QCOMPARE(j.value(QStringLiteral("failingStreak")).toInt(), 0);
}

void TestFleetRow::scopeNames()
{
    QCOMPARE(fleet::scopeName(FleetRow::Scope::DataSource), QStringLiteral("dataSource"));
    QCOMPARE(fleet::scopeName(FleetRow::Scope::Index), QStringLiteral("index"));
    QCOMPARE(fleet::scopeName(FleetRow::Scope::Application), QStringLiteral("application"));
    QCOMPARE(fleet::scopeName(FleetRow::Scope::Region), QStringLiteral("region"));
}

QTEST_GUILESS_MAIN(TestFleetRow)
#include "tst_fleetrow.moc"
