#include "jobs/jobstatusproxymodel.h"
#include "qbusiness/syncjobmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QPalette>
#include <QTest>

using syncdeck::qbusiness::SyncJob;
using syncdeck::qbusiness::SyncJobModel;
using syncdeck::qbusiness::SyncJobPage;
using syncdeck::ui::JobStatusProxyModel;

class TestJobStatusProxyModel : public QObject
{
    Q_OBJECT
private slots:
    void decoratesStatus_data();
    void decoratesStatus();
    void followsPalette();
    void flagsSucceededWithoutScanned_data();
    void flagsSucceededWithoutScanned();
};

void TestJobStatusProxyModel::decoratesStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("failed") << QStringLiteral("FAILED") << QStringLiteral("Failed");
    QTest::newRow("succeeded") << QStringLiteral("SUCCEEDED") << QStringLiteral("Succeeded");
    QTest::newRow("indexing") << QStringLiteral("SYNCING_INDEXING")
                              << QStringLiteral("Syncing (indexing)");
    QTest::newRow("unknown kept") << QStringLiteral("PAUSED") << QStringLiteral("PAUSED");
}

void TestJobStatusProxyModel::decoratesStatus()
{
    QFETCH(QString, status);
    QFETCH(QString, text);
    SyncJobModel model;
    JobStatusProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    syncdeck::qbusiness::ListSyncJobsRequest request;
    request.dataSourceId = QStringLiteral("d");
    model.setRequest(request);
    model.fetchMore({});
    SyncJob job;
    job.executionId = QStringLiteral("00000000-0000-4000-8000-000000000001");
    job.status = status;
    job.metrics.documentsFailed = 2;
    model.appendPage(model.generation(), SyncJobPage {{job}, {}, {}});
    const QModelIndex idx = proxy.index(0, SyncJobModel::StatusColumn);
    QCOMPARE(idx.data().toString(), text);
    QVERIFY(!idx.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(idx.data(Qt::ForegroundRole).value<QColor>().isValid());
    // Read as the value alone, under the Status header (not "Status: Failed" twice named).
    QCOMPARE(idx.data(Qt::AccessibleTextRole).toString(), text);
    QVERIFY(proxy.index(0, SyncJobModel::FailedColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!proxy.index(0, SyncJobModel::StartColumn).data(Qt::DecorationRole).isValid());
    // Blank cells are read as such, so a row read aloud keeps values under their columns.
    QCOMPARE(proxy.index(0, SyncJobModel::StartColumn).data(Qt::DisplayRole).toString(), QString());
    QCOMPARE(proxy.index(0, SyncJobModel::StartColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("not reported"));
    QCOMPARE(proxy.index(0, SyncJobModel::FailedColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("2"));
}

void TestJobStatusProxyModel::flagsSucceededWithoutScanned_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("scanned");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("succeeded, 0 scanned") << QStringLiteral("SUCCEEDED") << qint64(0) << true;
    QTest::newRow("succeeded, 10 scanned") << QStringLiteral("SUCCEEDED") << qint64(10) << false;
    QTest::newRow("failed, 0 scanned") << QStringLiteral("FAILED") << qint64(0) << false;
}

void TestJobStatusProxyModel::flagsSucceededWithoutScanned()
{
    QFETCH(QString, status);
    QFETCH(qint64, scanned);
    QFETCH(bool, flagged);
    SyncJobModel model;
    JobStatusProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    syncdeck::qbusiness::ListSyncJobsRequest request;
    request.dataSourceId = QStringLiteral("d");
    model.setRequest(request);
    model.fetchMore({});
    SyncJob job;
    job.executionId = QStringLiteral("00000000-0000-4000-8000-000000000002");
    job.status = status;
    job.metrics.documentsScanned = scanned;
    model.appendPage(model.generation(), SyncJobPage {{job}, {}, {}});
    const QModelIndex idx = proxy.index(0, SyncJobModel::ScannedColumn);
    QCOMPARE(idx.data(Qt::ToolTipRole).toString().contains(QStringLiteral("scanned no documents")),
             flagged);
    QCOMPARE(idx.data(Qt::ForegroundRole).isValid(), flagged);
}

void TestJobStatusProxyModel::followsPalette()
{
    SyncJobModel model;
    JobStatusProxyModel proxy;
    proxy.setSourceModel(&model);
    syncdeck::qbusiness::ListSyncJobsRequest request;
    request.dataSourceId = QStringLiteral("d");
    model.setRequest(request);
    model.fetchMore({});
    SyncJob job;
    job.executionId = QStringLiteral("x");
    job.status = QStringLiteral("FAILED");
    model.appendPage(model.generation(), SyncJobPage {{job}, {}, {}});
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    const QModelIndex idx = proxy.index(0, SyncJobModel::StatusColumn);
    proxy.setPalette(light);
    const QColor onLight = idx.data(Qt::ForegroundRole).value<QColor>();
    proxy.setPalette(dark);
    const QColor onDark = idx.data(Qt::ForegroundRole).value<QColor>();
    // Readable on both: darker than mid-grey on white, lighter on the dark base.
    QVERIFY(onLight.lightness() < 128);
    QVERIFY(onDark.lightness() > 128);
}

QTEST_MAIN(TestJobStatusProxyModel)
#include "tst_jobstatusproxymodel.moc"
