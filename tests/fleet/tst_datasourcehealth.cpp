// The health of one data source from GetDataSource, the newest page of runs and "now": the
// attention level, the reason in words and every figure behind it.
#include "fleet/datasourcehealth.h"

#include <QTest>

using namespace syncdeck;
using fleet::Attention;
using fleet::computeHealth;
using fleet::DataSourceHealth;
using fleet::HealthInput;
using qbusiness::DataSourceDetails;
using qbusiness::SyncJob;

Q_DECLARE_METATYPE(HealthInput)

namespace {

QDateTime at(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

// Tuesday noon, UTC.
const char *const Now = "2024-05-07T12:00:00";

struct Run
{
    const char *status;
    const char *start;
    const char *end = "";
    qint64 failed = -1;
    qint64 scanned = -1;
    const char *message = "";
};

QList<SyncJob> runs(std::initializer_list<Run> list)
{
    QList<SyncJob> jobs;
    int n = 0;
    for (const Run &r : list) {
        SyncJob j;
        j.executionId = QStringLiteral("e%1").arg(++n, 35, 10, QChar(u'0'));
        j.status = QString::fromLatin1(r.status);
        j.startTime = at(r.start);
        if (*r.end)
            j.endTime = at(r.end);
        if (r.failed >= 0)
            j.metrics.documentsFailed = r.failed;
        if (r.scanned >= 0)
            j.metrics.documentsScanned = r.scanned;
        j.errorMessage = QString::fromLatin1(r.message);
        if (*r.message)
            j.errorCode = QStringLiteral("InvalidRequest");
        jobs.append(j);
    }
    return jobs;
}

// `count` hourly runs of one status, the newest starting at `newest`, two minutes past the hour.
QList<SyncJob> hourly(const char *status, int count, const QDateTime &newest)
{
    QList<SyncJob> jobs;
    for (int i = 0; i < count; ++i) {
        SyncJob j;
        j.executionId = QStringLiteral("h%1").arg(i, 35, 10, QChar(u'0'));
        j.status = QString::fromLatin1(status);
        j.startTime = newest.addSecs(-3600 * i);
        j.endTime = j.startTime.addSecs(300);
        jobs.append(j);
    }
    return jobs;
}

DataSourceDetails details(const char *schedule = "cron(0 * * * ? *)", const char *status = "ACTIVE",
                          const char *created = "2024-01-01T00:00:00")
{
    DataSourceDetails d;
    d.dataSourceId = QStringLiteral("d0000000-0000-4000-8000-000000000001");
    d.displayName = QStringLiteral("policies");
    d.status = QString::fromLatin1(status);
    d.syncSchedule = QString::fromLatin1(schedule);
    d.createdAt = at(created);
    return d;
}

HealthInput input(std::optional<DataSourceDetails> d, std::optional<QList<SyncJob>> r)
{
    HealthInput in;
    in.details = std::move(d);
    in.runs = std::move(r);
    return in;
}

} // namespace

class TestDataSourceHealth : public QObject
{
    Q_OBJECT
private slots:
    void attentionAndReason_data();
    void attentionAndReason();
    void figures();
    void failingStreakSince();
    void streakRules_data();
    void streakRules();
    void overdue_data();
    void overdue();
    void runningProgress();
    void missingParts();
    void badSchedule();
    void reasonsMostUrgentFirst();
    void attentionNames();
    void momentsInTheCallersZone();
};

void TestDataSourceHealth::attentionAndReason_data()
{
    QTest::addColumn<HealthInput>("in");
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("attention");
    QTest::addColumn<QString>("reason");
    const auto row = [](const char *name, HealthInput in, Attention a, const char *reason,
                        const char *now = Now) {
        QTest::newRow(name) << in << QString::fromLatin1(now) << int(a)
                            << QString::fromUtf8(reason);
    };
    row("healthy",
        input(details(),
              runs({{"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:10:00", 0},
                    {"SUCCEEDED", "2024-05-07T10:00:00", "2024-05-07T10:08:00", 0}})),
        Attention::Healthy, "last run SUCCEEDED Tue 11:10 (50 min ago)");
    row("one failure",
        input(details(),
              runs({{"FAILED", "2024-05-07T11:02:00", "2024-05-07T11:03:00", -1, -1, "Bucket gone"},
                    {"SUCCEEDED", "2024-05-07T10:02:00", "2024-05-07T10:09:00"}})),
        Attention::Failing, "last run FAILED Tue 11:02: Bucket gone");
    row("failing streak",
        input(details(),
              hourly("FAILED", 6, at("2024-05-07T11:02:00"))
                  + runs({{"SUCCEEDED", "2024-05-07T05:00:00", "2024-05-07T05:10:00"}})),
        Attention::Failing, "failing 6 runs in a row since Tue 06:02");
    row("every run seen failed", input(details(), hourly("FAILED", 10, at("2024-05-07T11:02:00"))),
        Attention::Failing, "failing all 10 runs seen, since Tue 02:02 or earlier");
    row("incomplete",
        input(details(),
              runs({{"INCOMPLETE", "2024-05-07T11:00:00", "2024-05-07T11:30:00", 981},
                    {"SUCCEEDED", "2024-05-07T10:00:00", "2024-05-07T10:20:00"}})),
        Attention::Warning, "last run INCOMPLETE: 981 documents failed");
    row("incomplete, grouped digits",
        input(details(),
              runs({{"INCOMPLETE", "2024-05-07T11:00:00", "2024-05-07T11:30:00", 1234}})),
        Attention::Warning, "last run INCOMPLETE: 1,234 documents failed");
    row("incomplete, one document",
        input(details(), runs({{"INCOMPLETE", "2024-05-07T11:00:00", "2024-05-07T11:30:00", 1}})),
        Attention::Warning, "last run INCOMPLETE: 1 document failed");
    row("aborted",
        input(details(), runs({{"ABORTED", "2024-05-07T11:00:00", "2024-05-07T11:01:00"}})),
        Attention::Warning, "last run ABORTED Tue 11:00");
    row("succeeded with failed documents",
        input(details(), runs({{"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:30:00", 12}})),
        Attention::Warning, "last run SUCCEEDED but 12 documents failed");
    row("data source FAILED beats healthy runs",
        input(
            [] {
                DataSourceDetails d = details("", "FAILED");
                d.errorCode = QStringLiteral("InvalidRequest");
                d.errorMessage = QStringLiteral("The role <b>QBusinessRole</b> cannot be assumed");
                return d;
            }(),
            runs({{"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:30:00"}})),
        Attention::Failing,
        "data source status FAILED: The role <b>QBusinessRole</b> cannot be assumed");
    row("data source FAILED without a message", input(details("", "FAILED"), runs({})),
        Attention::Failing, "data source status FAILED");
    row("data source UPDATING",
        input(details("", "UPDATING"),
              runs({{"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:30:00"}})),
        Attention::Warning, "data source status UPDATING");
    row("overdue",
        input(details(), runs({{"SUCCEEDED", "2024-05-07T09:00:00", "2024-05-07T09:05:00"}})),
        Attention::Overdue, "overdue: no run since Tue 09:00 (cron(0 * * * ? *), due every 1 h)");
    row("overdue daily rate",
        input(details("rate(1 day)"),
              runs({{"SUCCEEDED", "2024-05-05T06:00:00", "2024-05-05T06:05:00"}})),
        Attention::Overdue, "overdue: no run since Sun 06:00 (every 1 d)");
    row("never ran, scheduled",
        input(details("cron(0 * * * ? *)", "ACTIVE", "2024-05-01T00:00:00"), runs({})),
        Attention::Overdue,
        "overdue: no run since the data source was created 2024-05-01 00:00 (cron(0 * * * ? *), "
        "due every 1 h)");
    row("never ran, created just now",
        input(details("cron(0 * * * ? *)", "ACTIVE", "2024-05-07T11:30:00"), runs({})),
        Attention::Unknown, "no sync runs yet");
    row("never ran, on demand", input(details(""), runs({})), Attention::Unknown,
        "no sync runs yet");
    row("running",
        input(details(),
              runs({{"SYNCING", "2024-05-07T11:58:00", "", -1, 1234},
                    {"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:10:00"}})),
        Attention::Running, "running since Tue 11:58: 1,234 documents scanned");
    row("indexing",
        input(details(),
              runs({{"SYNCING_INDEXING", "2024-05-07T11:58:00"},
                    {"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:10:00"}})),
        Attention::Running, "indexing since Tue 11:58");
    row("stopping", input(details(""), runs({{"STOPPING", "2024-05-07T11:58:00", "", -1, 0}})),
        Attention::Running, "stopping since Tue 11:58: 0 documents scanned");
    row("running after failures",
        input(details(),
              runs({{"SYNCING", "2024-05-07T11:58:00"},
                    {"FAILED", "2024-05-07T10:58:00", "2024-05-07T11:00:00"},
                    {"FAILED", "2024-05-07T09:58:00", "2024-05-07T10:00:00"},
                    {"SUCCEEDED", "2024-05-07T08:58:00", "2024-05-07T09:00:00"}})),
        Attention::Failing, "failing 2 runs in a row since Tue 09:58");
    row("a status this build does not know",
        input(details(""), runs({{"PAUSED_FOR_REVIEW", "2024-05-07T11:58:00"}})),
        Attention::Unknown, "no run with a status SyncDeck knows among the 1 seen");
    row("weekdays over a weekend are not overdue",
        input(details("cron(0 9 ? * MON-FRI *)"),
              runs({{"SUCCEEDED", "2024-05-03T09:00:00", "2024-05-03T09:10:00"}})),
        Attention::Healthy, "last run SUCCEEDED Fri 09:10 (3 d ago)", "2024-05-06T10:00:00");
    row("weekdays, a whole day missed",
        input(details("cron(0 9 ? * MON-FRI *)"),
              runs({{"SUCCEEDED", "2024-05-03T09:00:00", "2024-05-03T09:10:00"}})),
        Attention::Overdue,
        "overdue: no run since Fri 09:00 (cron(0 9 ? * MON-FRI *), due every 1 d)",
        "2024-05-07T09:30:00");
}

void TestDataSourceHealth::attentionAndReason()
{
    QFETCH(HealthInput, in);
    QFETCH(QString, now);
    QFETCH(int, attention);
    QFETCH(QString, reason);
    const DataSourceHealth h = computeHealth(in, at(now.toLatin1().constData()));
    QCOMPARE(h.reason, reason);
    QCOMPARE(fleet::attentionName(h.attention), fleet::attentionName(Attention(attention)));
    QVERIFY(!h.reasons.isEmpty());
    QCOMPARE(h.reasons.constFirst(), h.reason);
    QStringList unique = h.reasons;
    QCOMPARE(unique.removeDuplicates(), 0);
}

void TestDataSourceHealth::figures()
{
    const DataSourceHealth h
        = computeHealth(input(details(),
                              runs({{"SYNCING", "2024-05-07T11:58:00", "", -1, 77},
                                    {"INCOMPLETE", "2024-05-07T11:00:00", "2024-05-07T11:30:00", 5,
                                     100, "5 documents failed"},
                                    {"SUCCEEDED", "2024-05-07T10:00:00", "2024-05-07T10:20:00", 0},
                                    {"FAILED", "2024-05-07T09:00:00", "2024-05-07T09:01:00"},
                                    {"ABORTED", "2024-05-07T08:00:00", "2024-05-07T08:01:00"},
                                    {"SUCCEEDED", "2024-05-07T07:00:00", "2024-05-07T07:20:00"}})),
                        at(Now));
    QCOMPARE(h.runsSeen, 6);
    QCOMPARE(h.finishedRunsSeen, 5);
    QCOMPARE(h.succeededRunsSeen, 2);
    QVERIFY(h.successRate);
    QCOMPARE(*h.successRate, 0.4);
    QCOMPARE(h.lastRunStatus, QStringLiteral("INCOMPLETE"));
    QCOMPARE(h.lastRunStartTime, at("2024-05-07T11:00:00"));
    QCOMPARE(h.lastRunEndTime, at("2024-05-07T11:30:00"));
    QCOMPARE(h.lastRunDocumentsFailed, std::optional<qint64>(5));
    QCOMPARE(h.lastRunErrorMessage, QStringLiteral("5 documents failed"));
    QCOMPARE(h.lastSuccessTime, at("2024-05-07T10:20:00"));
    QCOMPARE(h.lastSuccessAgeSeconds, std::optional<qint64>(100 * 60));
    QCOMPARE(h.failingStreak, 0);
    QVERIFY(!h.failingSince.isValid());
    QVERIFY(h.running);
    QCOMPARE(h.runningStatus, QStringLiteral("SYNCING"));
    QCOMPARE(h.runningSince, at("2024-05-07T11:58:00"));
    QCOMPARE(h.runningDocumentsScanned, std::optional<qint64>(77));
    QCOMPARE(h.dataSourceStatus, QStringLiteral("ACTIVE"));
    QCOMPARE(h.schedule, QStringLiteral("cron(0 * * * ? *)"));
    QCOMPARE(h.schedulePeriodSeconds, std::optional<qint64>(3600));
    QCOMPARE(h.nextScheduledRun, at("2024-05-07T13:00:00"));
    QVERIFY(!h.overdue); // running
    QCOMPARE(h.attention, Attention::Warning);
    QCOMPARE(h.reasons,
             QStringList({QStringLiteral("last run INCOMPLETE: 5 documents failed"),
                          QStringLiteral("no success for 1 h 40 min"),
                          QStringLiteral("running since Tue 11:58: 77 documents scanned")}));
}

void TestDataSourceHealth::failingStreakSince()
{
    const DataSourceHealth h = computeHealth(
        input(details(),
              hourly("FAILED", 6, at("2024-05-07T11:02:00"))
                  + runs({{"SUCCEEDED", "2024-05-07T05:00:00", "2024-05-07T05:10:00"}})),
        at(Now));
    QCOMPARE(h.failingStreak, 6);
    QCOMPARE(h.failingSince, at("2024-05-07T06:02:00"));
    QVERIFY(!h.failingStreakCoversRunsSeen);
    QCOMPARE(h.reasons.value(1), QStringLiteral("no success for 6 h 50 min"));
    const DataSourceHealth all
        = computeHealth(input(details(), hourly("FAILED", 10, at("2024-05-07T11:02:00"))), at(Now));
    QCOMPARE(all.failingStreak, 10);
    QVERIFY(all.failingStreakCoversRunsSeen);
    QVERIFY(!all.lastSuccessTime.isValid());
    QVERIFY(!all.lastSuccessAgeSeconds);
    QCOMPARE(all.successRate, std::optional<double>(0.0));
    QCOMPARE(all.reasons.value(1), QStringLiteral("no success in the 10 runs seen"));
}

void TestDataSourceHealth::streakRules_data()
{
    QTest::addColumn<QList<SyncJob>>("list");
    QTest::addColumn<int>("streak");
    QTest::newRow("running does not break a streak")
        << runs({{"SYNCING", "2024-05-07T11:00:00"},
                 {"FAILED", "2024-05-07T10:00:00", "2024-05-07T10:01:00"},
                 {"FAILED", "2024-05-07T09:00:00", "2024-05-07T09:01:00"}})
        << 2;
    QTest::newRow("incomplete breaks it")
        << runs({{"FAILED", "2024-05-07T11:00:00", "2024-05-07T11:01:00"},
                 {"INCOMPLETE", "2024-05-07T10:00:00", "2024-05-07T10:01:00"},
                 {"FAILED", "2024-05-07T09:00:00", "2024-05-07T09:01:00"}})
        << 1;
    QTest::newRow("an unknown status breaks it")
        << runs({{"FAILED", "2024-05-07T11:00:00", "2024-05-07T11:01:00"},
                 {"SOMETHING_NEW", "2024-05-07T10:00:00"},
                 {"FAILED", "2024-05-07T09:00:00", "2024-05-07T09:01:00"}})
        << 1;
    QTest::newRow("page order does not matter")
        << runs({{"FAILED", "2024-05-07T09:00:00", "2024-05-07T09:01:00"},
                 {"SUCCEEDED", "2024-05-07T08:00:00", "2024-05-07T08:01:00"},
                 {"FAILED", "2024-05-07T11:00:00", "2024-05-07T11:01:00"},
                 {"FAILED", "2024-05-07T10:00:00", "2024-05-07T10:01:00"}})
        << 3;
    QTest::newRow("the newest succeeded")
        << runs({{"SUCCEEDED", "2024-05-07T11:00:00"}, {"FAILED", "2024-05-07T10:00:00"}}) << 0;
}

void TestDataSourceHealth::streakRules()
{
    QFETCH(QList<SyncJob>, list);
    QFETCH(int, streak);
    const DataSourceHealth h = computeHealth(input(details(""), list), at(Now));
    QCOMPARE(h.failingStreak, streak);
    QCOMPARE(h.attention == Attention::Failing, streak > 0);
}

void TestDataSourceHealth::overdue_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("lastStart");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("since"); // empty: not overdue
    QTest::newRow("one run missed") << "cron(0 * * * ? *)"
                                    << "2024-05-07T10:00:00"
                                    << "2024-05-07T11:30:00" << QString();
    QTest::newRow("second due just now") << "cron(0 * * * ? *)"
                                         << "2024-05-07T10:00:00"
                                         << "2024-05-07T12:00:00" << QString();
    QTest::newRow("second due, within the grace") << "cron(0 * * * ? *)"
                                                  << "2024-05-07T10:01:00"
                                                  << "2024-05-07T12:10:00" << QString();
    QTest::newRow("second due, grace over") << "cron(0 * * * ? *)"
                                            << "2024-05-07T10:01:00"
                                            << "2024-05-07T12:10:01"
                                            << "2024-05-07T12:00:00";
    QTest::newRow("quarter hours, grace is half a period") << "cron(0/15 * * * ? *)"
                                                           << "2024-05-07T11:00:20"
                                                           << "2024-05-07T11:37:31"
                                                           << "2024-05-07T11:30:00";
    QTest::newRow("quarter hours, within half a period") << "cron(0/15 * * * ? *)"
                                                         << "2024-05-07T11:00:20"
                                                         << "2024-05-07T11:37:29" << QString();
    QTest::newRow("rate counts from the run") << "rate(6 hours)"
                                              << "2024-05-07T01:17:00"
                                              << "2024-05-07T13:27:01"
                                              << "2024-05-07T13:17:00";
    QTest::newRow("rate not yet") << "rate(6 hours)"
                                  << "2024-05-07T01:17:00"
                                  << "2024-05-07T13:26:59" << QString();
    QTest::newRow("schedule ended") << "cron(0 0 1 1 ? 2020)"
                                    << "2020-01-01T00:00:00"
                                    << "2024-05-07T12:00:00" << QString();
    QTest::newRow("on demand is never overdue") << ""
                                                << "2023-01-01T00:00:00"
                                                << "2024-05-07T12:00:00" << QString();
}

void TestDataSourceHealth::overdue()
{
    QFETCH(QString, schedule);
    QFETCH(QString, lastStart);
    QFETCH(QString, now);
    QFETCH(QString, since);
    const DataSourceHealth h
        = computeHealth(input(details(schedule.toLatin1().constData()),
                              runs({{"SUCCEEDED", lastStart.toLatin1().constData()}})),
                        at(now.toLatin1().constData()));
    QCOMPARE(h.overdue, !since.isEmpty());
    QCOMPARE(h.attention == Attention::Overdue, !since.isEmpty());
    if (!since.isEmpty())
        QCOMPARE(h.overdueSince, at(since.toLatin1().constData()));
    else
        QVERIFY(!h.overdueSince.isValid());
}

void TestDataSourceHealth::runningProgress()
{
    const DataSourceHealth h = computeHealth(
        input(details(), runs({{"SYNCING", "2024-05-07T11:00:00", "", -1, 250000}})), at(Now));
    QVERIFY(h.running);
    QCOMPARE(h.runningDocumentsScanned, std::optional<qint64>(250000));
    QCOMPARE(h.reason, QStringLiteral("running since Tue 11:00: 250,000 documents scanned"));
    // A run in progress is a run: the schedule is not overdue while it lasts.
    const DataSourceHealth long_
        = computeHealth(input(details(), runs({{"SYNCING", "2024-05-06T11:00:00"}})), at(Now));
    QVERIFY(!long_.overdue);
    QCOMPARE(long_.attention, Attention::Running);
}

// A role that may not call GetDataSource still gets a health from the runs, and the other
// way round; what is missing says why.
void TestDataSourceHealth::missingParts()
{
    HealthInput noDetails
        = input(std::nullopt, runs({{"SUCCEEDED", "2024-05-07T11:00:00", "2024-05-07T11:05:00"}}));
    noDetails.detailsError = QStringLiteral("GetDataSource failed: AccessDeniedException: no");
    DataSourceHealth h = computeHealth(noDetails, at(Now));
    QCOMPARE(h.attention, Attention::Healthy);
    QVERIFY(h.reasons.contains(QStringLiteral(
        "data source details unknown: GetDataSource failed: AccessDeniedException: no")));
    QVERIFY(h.dataSourceStatus.isEmpty());
    QVERIFY(h.schedule.isEmpty());
    QVERIFY(!h.overdue);

    HealthInput noRuns = input(details(), std::nullopt);
    noRuns.runsError = QStringLiteral("ListDataSourceSyncJobs failed: ThrottlingException: slow");
    h = computeHealth(noRuns, at(Now));
    QCOMPARE(h.attention, Attention::Unknown);
    QCOMPARE(
        h.reason,
        QStringLiteral("sync runs unknown: ListDataSourceSyncJobs failed: ThrottlingException: "
                       "slow"));
    QVERIFY(!h.overdue); // without runs nothing says when the last one started
    QCOMPARE(h.runsSeen, 0);

    HealthInput failedSource = input(details("", "FAILED"), std::nullopt);
    h = computeHealth(failedSource, at(Now));
    QCOMPARE(h.attention, Attention::Failing);

    h = computeHealth(input(std::nullopt, std::nullopt), at(Now));
    QCOMPARE(h.attention, Attention::Unknown);
    QCOMPARE(h.reasons.size(), 2);
}

void TestDataSourceHealth::badSchedule()
{
    const DataSourceHealth h
        = computeHealth(input(details("cron(0 * * * *)"),
                              runs({{"SUCCEEDED", "2024-05-01T11:00:00", "2024-05-01T11:05:00"}})),
                        at(Now));
    QVERIFY(h.scheduleError.contains(QLatin1String("6 fields")));
    QCOMPARE(h.attention, Attention::Healthy); // a schedule SyncDeck cannot read hides nothing
    QCOMPARE(h.reasons.constLast(),
             QStringLiteral("schedule not understood, so not checked: ") + h.scheduleError);
    QVERIFY(!h.overdue);
    QVERIFY(!h.schedulePeriodSeconds);
}

void TestDataSourceHealth::reasonsMostUrgentFirst()
{
    const DataSourceHealth h = computeHealth(
        input(details("cron(0 * * * ? *)", "UPDATING"),
              runs({{"FAILED", "2024-05-07T06:00:00", "2024-05-07T06:01:00", -1, -1, "denied"},
                    {"SUCCEEDED", "2024-05-07T05:00:00", "2024-05-07T05:30:00"}})),
        at(Now));
    QCOMPARE(h.attention, Attention::Failing);
    QCOMPARE(h.reasons,
             QStringList({QStringLiteral("last run FAILED Tue 06:00: denied"),
                          QStringLiteral("no success for 6 h 30 min"),
                          QStringLiteral("overdue: no run since Tue 06:00 (cron(0 * * * ? *), "
                                         "due every 1 h)"),
                          QStringLiteral("data source status UPDATING")}));
    QVERIFY(h.overdue);
    QCOMPARE(h.overdueSince, at("2024-05-07T08:00:00"));
}

void TestDataSourceHealth::attentionNames()
{
    QStringList names;
    for (int i = 0; i < fleet::AttentionCount; ++i) {
        names << fleet::attentionName(Attention(i));
        QCOMPARE(fleet::attentionFromName(names.constLast()), std::optional(Attention(i)));
    }
    QCOMPARE(names,
             QStringList({QStringLiteral("failing"), QStringLiteral("overdue"),
                          QStringLiteral("warning"), QStringLiteral("running"),
                          QStringLiteral("healthy"), QStringLiteral("unknown")}));
    QCOMPARE(fleet::attentionFromName(u"FAILING"), std::optional(Attention::Failing));
    QVERIFY(!fleet::attentionFromName(u"broken"));
    // The order is the urgency: sorting by it puts failing rows first.
    QVERIFY(Attention::Failing < Attention::Overdue && Attention::Overdue < Attention::Warning
            && Attention::Warning < Attention::Running && Attention::Running < Attention::Healthy
            && Attention::Healthy < Attention::Unknown);
}

void TestDataSourceHealth::momentsInTheCallersZone()
{
    const QDateTime t = at("2024-05-07T11:02:00");
    QCOMPARE(fleet::describeMoment(t, at(Now)), QStringLiteral("Tue 11:02"));
    QCOMPARE(fleet::describeMoment(t, at(Now).toOffsetFromUtc(2 * 3600)),
             QStringLiteral("Tue 13:02"));
    QCOMPARE(fleet::describeMoment(t, at("2024-05-20T12:00:00")),
             QStringLiteral("2024-05-07 11:02"));
    QCOMPARE(fleet::describeMoment({}, at(Now)), QStringLiteral("an unknown time"));
}

QTEST_GUILESS_MAIN(TestDataSourceHealth)
#include "tst_datasourcehealth.moc"
