#include "qbusiness/runhistory.h"
#include "qbusiness/runkpis.h"

#include <QTest>
#include <QTimeZone>

using namespace syncdeck::qbusiness;

namespace {
const QDateTime Epoch(QDate(2025, 3, 1), QTime(0, 0), QTimeZone::utc());

// "S:600" = SUCCEEDED lasting 600 s; "F" = FAILED with 10 failed documents; "R" = SYNCING;
// "X" = an unknown status; "Z" = SUCCEEDED with zero scanned; "I" = INCOMPLETE; "A" = ABORTED.
QList<SyncJob> runs(const QStringList &codes)
{
    QList<SyncJob> out;
    for (int n = 0; n < codes.size(); ++n) {
        const QStringList parts = codes[n].split(u':');
        const QString code = parts[0];
        SyncJob job;
        job.executionId = QStringLiteral("run-%1").arg(n, 32, 10, QLatin1Char('0'));
        job.startTime = Epoch.addSecs(qint64(n) * 3600);
        const qint64 duration = parts.size() > 1 ? parts[1].toLongLong() : 300;
        job.metrics.documentsScanned = 50;
        if (code == u"S" || code == u"Z") {
            job.status = QStringLiteral("SUCCEEDED");
            if (code == u"Z")
                job.metrics.documentsScanned = 0;
        } else if (code == u"F") {
            job.status = QStringLiteral("FAILED");
            job.metrics.documentsFailed = 10;
        } else if (code == u"I") {
            job.status = QStringLiteral("INCOMPLETE");
            job.metrics.documentsFailed = 1;
        } else if (code == u"A") {
            job.status = QStringLiteral("ABORTED");
        } else if (code == u"R") {
            job.status = QStringLiteral("SYNCING");
        } else {
            job.status = QStringLiteral("PAUSED_FOR_MAINTENANCE");
        }
        if (code != u"R")
            job.endTime = job.startTime.addSecs(duration);
        out.prepend(job); // newest first, like the service
    }
    return out;
}
} // namespace

class TestRunKpis : public QObject
{
    Q_OBJECT
private slots:
    void computes_data();
    void computes();
    void lastSuccessIsTheLatest();
    void percentile_data();
    void percentile();
    void formatsDurations_data();
    void formatsDurations();
};

void TestRunKpis::computes_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<int>("finished");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("unknown");
    QTest::addColumn<double>("successRate"); // -1: none
    QTest::addColumn<qint64>("mean"); // -1: none
    QTest::addColumn<qint64>("p95");
    QTest::addColumn<qint64>("documentsFailed");
    QTest::addColumn<int>("zeroScanned");
    QTest::addColumn<int>("currentStreak");
    QTest::addColumn<int>("longestStreak");

    QTest::newRow("no runs") << QStringList {} << 0 << 0 << 0 << 0 << -1.0 << qint64(-1)
                             << qint64(-1) << qint64(0) << 0 << 0 << 0;
    QTest::newRow("all running") << QStringList {QStringLiteral("R"), QStringLiteral("R")} << 0 << 0
                                 << 2 << 0 << -1.0 << qint64(-1) << qint64(-1) << qint64(0) << 0
                                 << 0 << 0;
    QTest::newRow("unknown statuses only")
        << QStringList {QStringLiteral("X"), QStringLiteral("X:50")} << 0 << 0 << 0 << 2 << -1.0
        << qint64(-1) << qint64(-1) << qint64(0) << 0 << 0 << 0;
    QTest::newRow("mixed") << QStringList {QStringLiteral("S:100"), QStringLiteral("F:200"),
                                           QStringLiteral("F:300"), QStringLiteral("S:400"),
                                           QStringLiteral("Z:500"), QStringLiteral("X:9999"),
                                           QStringLiteral("R")}
                           << 5 << 2 << 1 << 1 << 0.6 << qint64(300) << qint64(500) << qint64(20)
                           << 1 << 0 << 2;
    QTest::newRow("failing now, running run does not break the streak")
        << QStringList {QStringLiteral("F"), QStringLiteral("S"), QStringLiteral("F"),
                        QStringLiteral("F"), QStringLiteral("F"), QStringLiteral("R")}
        << 5 << 4 << 1 << 0 << 0.2 << qint64(300) << qint64(300) << qint64(40) << 0 << 3 << 3;
    QTest::newRow("incomplete and aborted count as finished, not succeeded")
        << QStringList {QStringLiteral("I:60"), QStringLiteral("A:120"), QStringLiteral("S:180")}
        << 3 << 0 << 0 << 0 << (1.0 / 3.0) << qint64(120) << qint64(180) << qint64(1) << 0 << 0
        << 0;
}

void TestRunKpis::computes()
{
    QFETCH(QStringList, codes);
    QFETCH(int, finished);
    QFETCH(int, failed);
    QFETCH(int, running);
    QFETCH(int, unknown);
    QFETCH(double, successRate);
    QFETCH(qint64, mean);
    QFETCH(qint64, p95);
    QFETCH(qint64, documentsFailed);
    QFETCH(int, zeroScanned);
    QFETCH(int, currentStreak);
    QFETCH(int, longestStreak);

    RunHistory model;
    model.appendJobs(runs(codes));
    const RunKpis k = computeRunKpis(model);
    QCOMPARE(k.runs, codes.size());
    QCOMPARE(k.finished, finished);
    QCOMPARE(k.failed, failed);
    QCOMPARE(k.running, running);
    QCOMPARE(k.unknownStatus, unknown);
    QCOMPARE(k.successRate.has_value(), successRate >= 0);
    if (k.successRate)
        QVERIFY(qFuzzyCompare(*k.successRate, successRate));
    QCOMPARE(k.meanDurationSeconds.value_or(-1), mean);
    QCOMPARE(k.p95DurationSeconds.value_or(-1), p95);
    QCOMPARE(k.documentsFailed, documentsFailed);
    QCOMPARE(k.succeededWithoutScanned, zeroScanned);
    QCOMPARE(k.currentFailureStreak, currentStreak);
    QCOMPARE(k.longestFailureStreak, longestStreak);
    QCOMPARE(k.lastSuccess.isValid(), k.succeeded > 0);
}

void TestRunKpis::lastSuccessIsTheLatest()
{
    RunHistory model;
    // Pages arrive newest first; the latest success is the second-newest run.
    const QList<SyncJob> jobs = runs({QStringLiteral("S:10"), QStringLiteral("S:20"),
                                      QStringLiteral("S:30"), QStringLiteral("F")});
    model.appendJobs(jobs.mid(2));
    model.appendJobs(jobs.mid(0, 2));
    const RunKpis k = computeRunKpis(model);
    QCOMPARE(k.lastSuccessExecutionId, jobs[1].executionId);
    QCOMPARE(k.lastSuccess, jobs[1].endTime);
}

void TestRunKpis::percentile_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<qint64>("expected"); // -1: none
    QList<qint64> oneToTwenty, oneToHundred;
    for (qint64 i = 20; i >= 1; --i)
        oneToTwenty.append(i);
    for (qint64 i = 1; i <= 100; ++i)
        oneToHundred.append(i);
    QTest::newRow("empty") << QList<qint64> {} << 95.0 << qint64(-1);
    QTest::newRow("single") << QList<qint64> {42} << 95.0 << qint64(42);
    QTest::newRow("1..20 unsorted, p95") << oneToTwenty << 95.0 << qint64(19);
    QTest::newRow("1..100, p95") << oneToHundred << 95.0 << qint64(95);
    QTest::newRow("1..100, p100") << oneToHundred << 100.0 << qint64(100);
    QTest::newRow("two values, p95") << QList<qint64> {5, 1} << 95.0 << qint64(5);
    QTest::newRow("p0 is invalid") << QList<qint64> {5, 1} << 0.0 << qint64(-1);
}

void TestRunKpis::percentile()
{
    QFETCH(QList<qint64>, values);
    QFETCH(double, p);
    QFETCH(qint64, expected);
    QCOMPARE(nearestRankPercentile(values, p).value_or(-1), expected);
}

void TestRunKpis::formatsDurations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative clock skew") << qint64(-5) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(59) << QStringLiteral("59 s");
    QTest::newRow("minutes") << qint64(125) << QStringLiteral("2 min");
    QTest::newRow("hours") << qint64(7200) << QStringLiteral("2 h");
    QTest::newRow("hours and minutes") << qint64(3 * 3600 + 5 * 60) << QStringLiteral("3 h 5 min");
    QTest::newRow("days and hours") << qint64(4 * 86400 + 2 * 3600) << QStringLiteral("4 d 2 h");
}

void TestRunKpis::formatsDurations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(formatDuration(seconds), expected);
}

QTEST_GUILESS_MAIN(TestRunKpis)
#include "tst_runkpis.moc"
