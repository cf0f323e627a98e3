// Headline counts and whether the report agrees with the run's metrics.
#include "report/reportcounts.h"

#include <QTest>

using namespace syncdeck;
using namespace syncdeck::report;

class TestReportCounts : public QObject
{
    Q_OBJECT
private slots:
    void counts();
    void metrics_data();
    void metrics();
};

void TestReportCounts::counts()
{
    ReportCounts c;
    c.add(EventKind::Document, DocumentStatus::Failed, false);
    c.add(EventKind::Document, DocumentStatus::Succeeded, true);
    c.add(EventKind::Document, DocumentStatus::Skipped, false);
    c.add(EventKind::Document, DocumentStatus::Unknown, false);
    c.add(EventKind::LegacyError, DocumentStatus::Failed, false);
    c.add(EventKind::GroupMembership, DocumentStatus::Unknown, true);
    c.add(EventKind::Unreadable, DocumentStatus::Unknown, true);
    QCOMPARE(c.events, 7);
    QCOMPARE(c.failed, 2);
    QCOMPARE(c.succeeded, 1);
    QCOMPARE(c.skipped, 1);
    QCOMPARE(c.unknownStatus, 1);
    QCOMPARE(c.legacyErrors, 1);
    QCOMPARE(c.memberships, 1);
    QCOMPARE(c.unreadable, 1);
    QCOMPARE(c.withProblems, 2); // the unreadable one counts as unreadable only
    QCOMPARE(c.documents(), 5);
}

void TestReportCounts::metrics_data()
{
    QTest::addColumn<qint64>("failed");
    QTest::addColumn<qint64>("documents");
    QTest::addColumn<qint64>("metricFailed"); // -1: absent
    QTest::addColumn<qint64>("metricScanned");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("agrees");
    QTest::addColumn<QString>("says");
    QTest::newRow("agree") << qint64(3) << qint64(10) << qint64(3) << qint64(10) << true << true
                           << "agrees with the run's metrics";
    QTest::newRow("fewer failures, complete")
        << qint64(2) << qint64(10) << qint64(3) << qint64(10) << true << false
        << "the report misses some documents";
    QTest::newRow("fewer, still being written")
        << qint64(2) << qint64(4) << qint64(3) << qint64(10) << false << false
        << "the report is not complete yet";
    QTest::newRow("more than the metric") << qint64(4) << qint64(10) << qint64(3) << qint64(10)
                                          << true << false << "appear more than once";
    QTest::newRow("no metrics") << qint64(4) << qint64(10) << qint64(-1) << qint64(-1) << true
                                << false << "no metrics to compare";
    QTest::newRow("only failed metric") << qint64(4) << qint64(10) << qint64(4) << qint64(-1)
                                        << true << true << "has no documentsScanned metric";
}

void TestReportCounts::metrics()
{
    QFETCH(qint64, failed);
    QFETCH(qint64, documents);
    QFETCH(qint64, metricFailed);
    QFETCH(qint64, metricScanned);
    QFETCH(bool, complete);
    QFETCH(QString, says);
    ReportCounts c;
    c.failed = failed;
    c.succeeded = documents - failed;
    c.events = documents;
    qbusiness::SyncJobMetrics m;
    if (metricFailed >= 0)
        m.documentsFailed = metricFailed;
    if (metricScanned >= 0)
        m.documentsScanned = metricScanned;
    const MetricsComparison r = compareWithMetrics(c, m, complete);
    QTEST(r.agrees, "agrees");
    QVERIFY2(r.summary.contains(says), qPrintable(r.summary));
    QCOMPARE(r.failed.reported, failed);
}

QTEST_GUILESS_MAIN(TestReportCounts)
#include "tst_reportcounts.moc"
