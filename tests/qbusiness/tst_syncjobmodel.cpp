#include "qbusiness/syncjobmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using syncdeck::qbusiness::AwsError;
using syncdeck::qbusiness::ListSyncJobsRequest;
using syncdeck::qbusiness::SyncJob;
using syncdeck::qbusiness::SyncJobModel;
using syncdeck::qbusiness::SyncJobPage;
using syncdeck::qbusiness::SyncStatus;

namespace {

QString uuidFor(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

SyncJob makeJob(int n, const QString &status = QStringLiteral("SUCCEEDED"))
{
    SyncJob job;
    job.executionId = uuidFor(n);
    job.startTime
        = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc()).addSecs(qint64(-600) * n);
    if (syncdeck::qbusiness::isFinalStatus(syncdeck::qbusiness::syncStatusFromWire(status)))
        job.endTime = job.startTime.addSecs(125);
    job.status = status;
    job.metrics.documentsScanned = 100 + n;
    job.metrics.documentsAdded = n;
    if (status == QLatin1String("FAILED")) {
        job.errorCode = QStringLiteral("InternalError");
        job.errorMessage = QStringLiteral("Run %1 failed").arg(n);
    }
    return job;
}

SyncJobPage makePage(int first, int count, const QString &nextToken)
{
    SyncJobPage page;
    for (int i = 0; i < count; ++i)
        page.history.append(makeJob(first + i));
    page.nextToken = nextToken;
    return page;
}

ListSyncJobsRequest someRequest()
{
    ListSyncJobsRequest r;
    r.applicationId = QStringLiteral("a").repeated(36);
    r.indexId = QStringLiteral("i").repeated(36);
    r.dataSourceId = QStringLiteral("d").repeated(36);
    return r;
}

} // namespace

class TestSyncJobModel : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void pagesAppendWithoutReset_data();
    void pagesAppendWithoutReset();
    void pageInFlightIsNotRequestedTwice();
    void stalePageIsDropped();
    void errorThenRetry();
    void setRequestResets();
    void mergeUpdatesInPlace();
    void mergeInsertsNewRunsAtTop();
    void repeatedRowOnNextPageIsSkipped();
    void cachedPartsAppendBelow();
    void displayAndSortRoles_data();
    void displayAndSortRoles();
    void runningRowShowsElapsedTime();
    void emptyAndFilteredStates();
};

void TestSyncJobModel::roundTrip_data()
{
    QTest::addColumn<SyncJob>("job");
    QTest::newRow("succeeded") << makeJob(1);
    QTest::newRow("failed with error") << makeJob(2, QStringLiteral("FAILED"));
    QTest::newRow("running, no end") << makeJob(3, QStringLiteral("SYNCING"));
    SyncJob unknown = makeJob(4, QStringLiteral("PAUSED_FOR_MAINTENANCE"));
    QTest::newRow("unknown status kept") << unknown;
    SyncJob oddId = makeJob(5);
    oddId.executionId = QStringLiteral("not-a-uuid/with spaces");
    QTest::newRow("non-uuid execution id") << oddId;
    SyncJob upper = makeJob(6);
    upper.executionId = upper.executionId.toUpper().replace(QLatin1Char('0'), QLatin1Char('A'));
    QTest::newRow("uppercase uuid kept verbatim") << upper;
    SyncJob bare;
    bare.executionId = uuidFor(7);
    QTest::newRow("everything absent") << bare;
    SyncJob html = makeJob(8, QStringLiteral("FAILED"));
    html.errorMessage = QStringLiteral("<b>html</b> & more");
    html.dataSourceErrorCode = QStringLiteral("S3AccessDenied");
    html.metrics.documentsFailed = 0;
    QTest::newRow("html text and zero metric") << html;
}

void TestSyncJobModel::roundTrip()
{
    QFETCH(SyncJob, job);
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy requested(&model, &SyncJobModel::pageRequested);
    model.setRequest(someRequest());
    model.fetchMore({});
    QVERIFY(!requested.isEmpty());
    model.appendPage(model.generation(), SyncJobPage {{job}, {}, {}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.job(0), job);
    QCOMPARE(model.executionId(0), job.executionId);
    QCOMPARE(model.rowOfExecutionId(job.executionId), 0);
    QCOMPARE(
        model.index(0, SyncJobModel::StatusColumn).data(SyncJobModel::StatusWireRole).toString(),
        job.status);
}

void TestSyncJobModel::pagesAppendWithoutReset_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("pages");
    QTest::newRow("one page") << 10 << 1;
    QTest::newRow("three pages") << 10 << 3;
    QTest::newRow("short pages") << 1 << 5;
}

void TestSyncJobModel::pagesAppendWithoutReset()
{
    QFETCH(int, pageSize);
    QFETCH(int, pages);
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The tester itself calls fetchMore() on every signal, like a view: count all requests.
    QSignalSpy requested(&model, &SyncJobModel::pageRequested);
    model.setRequest(someRequest());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy appended(&model, &SyncJobModel::jobsAppended);

    for (int p = 0; p < pages; ++p) {
        QVERIFY(model.canFetchMore({}) || model.isLoading());
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QCOMPARE(requested.size(), p + 1);
        const auto request = requested.last().at(1).value<ListSyncJobsRequest>();
        QCOMPARE(request.nextToken, p == 0 ? QString() : QStringLiteral("t%1").arg(p));
        QCOMPARE(request.dataSourceId, someRequest().dataSourceId);
        const QString next = p + 1 < pages ? QStringLiteral("t%1").arg(p + 1) : QString();
        model.appendPage(requested.last().at(0).toULongLong(),
                         makePage(p * pageSize, pageSize, next));
        QVERIFY(!model.isLoading());
    }
    QCOMPARE(model.rowCount(), pageSize * pages);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), pages);
    QCOMPARE(appended.size(), pages);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.executionId(r), uuidFor(r));
}

void TestSyncJobModel::pageInFlightIsNotRequestedTwice()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy requested(&model, &SyncJobModel::pageRequested);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(requested.size(), 1);
    QVERIFY(!model.canFetchMore({}));
    model.appendPage(model.generation(), makePage(0, 10, QStringLiteral("next")));
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(requested.size(), 2);
}

void TestSyncJobModel::stalePageIsDropped()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy requested(&model, &SyncJobModel::pageRequested);
    model.setRequest(someRequest());
    model.fetchMore({});
    const quint64 old = model.generation();

    ListSyncJobsRequest filtered = someRequest();
    filtered.statusFilter = QStringLiteral("FAILED");
    model.setRequest(filtered);
    QVERIFY(model.generation() != old);
    model.appendPage(old, makePage(0, 10, QStringLiteral("x")));
    model.failPage(
        old, AwsError {AwsError::Kind::Network, {}, QStringLiteral("late"), {}, 0, {}, true, {}});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lastError().isError());

    model.fetchMore({});
    QCOMPARE(requested.last().at(0).toULongLong(), model.generation());
    QCOMPARE(requested.last().at(1).value<ListSyncJobsRequest>().statusFilter,
             QStringLiteral("FAILED"));
    model.appendPage(model.generation(), makePage(100, 2, {}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.executionId(0), uuidFor(100));
}

void TestSyncJobModel::errorThenRetry()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy requested(&model, &SyncJobModel::pageRequested);
    QSignalSpy failed(&model, &SyncJobModel::pageFailed);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.appendPage(model.generation(), makePage(0, 10, QStringLiteral("t1")));
    model.fetchMore({});
    QCOMPARE(requested.size(), 2);

    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = QStringLiteral("ThrottlingException");
    error.httpStatus = 429;
    model.failPage(model.generation(), error);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(model.lastError().code, QStringLiteral("ThrottlingException"));
    QCOMPARE(model.rowCount(), 10);
    // A failed page is not retried behind the user's back (views call fetchMore constantly).
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(requested.size(), 2);

    model.retry();
    QCOMPARE(requested.size(), 3);
    QCOMPARE(requested.last().at(1).value<ListSyncJobsRequest>().nextToken, QStringLiteral("t1"));
    QVERIFY(!model.lastError().isError());
    model.appendPage(model.generation(), makePage(10, 5, {}));
    QCOMPARE(model.rowCount(), 15);
    QVERIFY(!model.hasMore());
}

void TestSyncJobModel::setRequestResets()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.appendPage(model.generation(), makePage(0, 10, {}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setRequest(someRequest());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.hasMore());
    QVERIFY(model.canFetchMore({}) || model.isLoading());
    model.clear();
    QVERIFY(!model.isActive());
    QVERIFY(!model.canFetchMore({}));
}

void TestSyncJobModel::mergeUpdatesInPlace()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    SyncJobPage page = makePage(1, 5, {});
    page.history.prepend(makeJob(0, QStringLiteral("SYNCING")));
    model.appendPage(model.generation(), page);
    QVERIFY(model.hasRunningJobs());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy updated(&model, &SyncJobModel::jobsUpdated);
    QSignalSpy finished(&model, &SyncJobModel::jobFinished);

    // Unchanged jobs cause nothing.
    model.mergeJobs(page.history);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(updated.size(), 0);

    SyncJob done = makeJob(0, QStringLiteral("FAILED"));
    model.mergeJobs({done, makeJob(1)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.job(0), done);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.first().at(0).value<QList<SyncJob>>().size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<SyncJob>().status, QStringLiteral("FAILED"));
    QVERIFY(!model.hasRunningJobs());
}

void TestSyncJobModel::mergeInsertsNewRunsAtTop()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.appendPage(model.generation(), makePage(1, 3, {}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    SyncJob fresh = makeJob(0, QStringLiteral("SYNCING"));
    model.mergeJobs({fresh, fresh, makeJob(1)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.job(0), fresh);
    QCOMPARE(model.rowOfExecutionId(fresh.executionId), 0);
}

void TestSyncJobModel::repeatedRowOnNextPageIsSkipped()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.appendPage(model.generation(), makePage(1, 10, QStringLiteral("t")));
    // A run started meanwhile: live refresh inserts it, and the service's next page repeats the
    // last row of the previous one (its offset moved by one).
    model.mergeJobs({makeJob(0, QStringLiteral("SYNCING"))});
    model.fetchMore({});
    SyncJobPage second = makePage(10, 5, {});
    second.history.append(makeJob(0, QStringLiteral("SYNCING")));
    model.appendPage(model.generation(), second);
    QCOMPARE(model.rowCount(), 1 + 10 + 4);
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.executionId(r));
    QCOMPARE(ids.size(), model.rowCount());
}

// A cached history in parts: the first one in the reset, the others appended below without a
// reset, jobs shown already skipped (a refresh may have put them on top meanwhile), and
// jobsAppended() once for all the parts after the last one.
void TestSyncJobModel::cachedPartsAppendBelow()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest(), makePage(1, 5, {}).history, true);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy appended(&model, &SyncJobModel::jobsAppended);
    model.mergeJobs({makeJob(0, QStringLiteral("SYNCING"))}); // newer: on top
    SyncJobPage second = makePage(5, 5, {}); // repeats job 5
    second.history.prepend(makeJob(0, QStringLiteral("SYNCING")));
    model.appendCachedJobs(second.history, true);
    QCOMPARE(model.rowCount(), 1 + 5 + 4);
    QCOMPARE(inserted.constLast().at(1).toInt(), 6);
    QCOMPARE(appended.size(), 0);
    model.appendCachedJobs(makePage(10, 3, {}).history, false);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 3); // the merge and the two parts
    QCOMPARE(appended.size(), 1);
    const QList<SyncJob> announced = appended.constFirst().constFirst().value<QList<SyncJob>>();
    QCOMPARE(announced.size(), 7);
    QCOMPARE(announced.constFirst(), makeJob(6));
    QCOMPARE(announced.constLast(), makeJob(12));
    for (int r = 1; r < model.rowCount(); ++r)
        QCOMPARE(model.job(r), makeJob(r));
    QVERIFY(!model.hasMore()); // the cache held all of it: nothing asked of the service

    // No listing any more: a late part of the old one is dropped.
    model.clear();
    model.appendCachedJobs(makePage(13, 2, {}).history, false);
    QCOMPARE(model.rowCount(), 0);
}

void TestSyncJobModel::displayAndSortRoles_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("sort");
    const SyncJob job = makeJob(2, QStringLiteral("FAILED"));
    QTest::newRow("status") << int(SyncJobModel::StatusColumn) << QStringLiteral("Failed")
                            << QVariant(QStringLiteral("Failed"));
    QTest::newRow("duration") << int(SyncJobModel::DurationColumn) << QStringLiteral("2m 05s")
                              << QVariant(qint64(125000));
    QTest::newRow("scanned") << int(SyncJobModel::ScannedColumn) << QStringLiteral("102")
                             << QVariant(qint64(102));
    QTest::newRow("absent metric")
        << int(SyncJobModel::DeletedColumn) << QString() << QVariant(qint64(-1));
    QTest::newRow("error code") << int(SyncJobModel::ErrorCodeColumn)
                                << QStringLiteral("InternalError")
                                << QVariant(QStringLiteral("InternalError"));
    QTest::newRow("start") << int(SyncJobModel::StartColumn)
                           << job.startTime.toLocalTime().toString(
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                           << QVariant(job.startTime.toMSecsSinceEpoch());
}

void TestSyncJobModel::displayAndSortRoles()
{
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, sort);
    QLocale::setDefault(QLocale::c());
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    model.appendPage(model.generation(),
                     SyncJobPage {{makeJob(2, QStringLiteral("FAILED"))}, {}, {}});
    const QModelIndex idx = model.index(0, column);
    QCOMPARE(idx.data().toString(), display);
    QCOMPARE(idx.data(SyncJobModel::SortRole), sort);
    QCOMPARE(model.index(0, SyncJobModel::StartColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2024-05-01 11:40:00 UTC"));
}

void TestSyncJobModel::runningRowShowsElapsedTime()
{
    QLocale::setDefault(QLocale::c());
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequest(someRequest());
    model.fetchMore({});
    SyncJob running = makeJob(0, QStringLiteral("SYNCING"));
    running.startTime = QDateTime::currentDateTimeUtc().addSecs(-300);
    SyncJobPage page;
    page.history = {running};
    model.appendPage(model.generation(), page);
    const QString text = model.index(0, SyncJobModel::DurationColumn).data().toString();
    QVERIFY2(text.endsWith(QLatin1String(" so far")), qPrintable(text));
    QVERIFY2(text.startsWith(QLatin1String("5m")), qPrintable(text));
}

void TestSyncJobModel::emptyAndFilteredStates()
{
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.isActive());
    model.setRequest(someRequest());
    QVERIFY(!model.isFiltered());
    QVERIFY(!model.isFirstPageLoaded());
    model.fetchMore({});
    model.appendPage(model.generation(), SyncJobPage {});
    QVERIFY(model.isFirstPageLoaded());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasMore());
    ListSyncJobsRequest r = someRequest();
    r.startTime = QDateTime::currentDateTimeUtc().addDays(-1);
    model.setRequest(r);
    QVERIFY(model.isFiltered());
    QCOMPARE(model.firstRowWithStatus(SyncStatus::Failed), -1);
}

QTEST_GUILESS_MAIN(TestSyncJobModel)
#include "tst_syncjobmodel.moc"
