// SyncJobLoader feeding a SyncJobModel over real TCP from the emulator, and from handler servers
// that page wrongly.
#include "aws/credentialsprovider.h"
#include "emulator/server.h"
#include "fakeqbusiness.h"
#include "qbusiness/client.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "rawhttpserver.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace syncdeck;
using qbusiness::SyncJobLoader;
using qbusiness::SyncJobModel;

namespace {

constexpr int Timeout = 20000;

struct Fixture
{
    std::unique_ptr<emulator::Server> server;
    std::unique_ptr<aws::StaticCredentialsProvider> credentials;
    std::unique_ptr<qbusiness::Client> client;
    qbusiness::ListSyncJobsRequest request;
};

// One application, index and data source (the featured one, with a running sync).
bool start(Fixture *f, int jobs, int syncDurationMs, const emulator::FaultOptions &faults = {})
{
    emulator::Options o;
    o.faults = faults;
    o.applications = 1;
    o.indicesPerApplication = 1;
    o.dataSourcesPerIndex = 1;
    o.jobsPerDataSource = jobs;
    o.syncDurationMs = syncDurationMs;
    f->server = std::make_unique<emulator::Server>(o);
    if (!f->server->listen())
        return false;
    aws::Credentials keys;
    keys.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
    keys.secretAccessKey = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
    f->credentials = std::make_unique<aws::StaticCredentialsProvider>(keys);
    qbusiness::ClientConfig config;
    config.endpoint = f->server->url();
    config.region = QString::fromLatin1(emulator::DefaultRegion);
    f->client = std::make_unique<qbusiness::Client>(config, f->credentials.get());
    auto *apps = f->client->listApplications();
    apps->setAutoDelete(false);
    QSignalSpy appsDone(apps, &qbusiness::Call::finished);
    apps->start();
    if (!appsDone.wait(Timeout) || apps->applications.isEmpty())
        return false;
    f->request.applicationId = apps->applications.constFirst().applicationId;
    delete apps;
    auto *indices = f->client->listIndices(f->request.applicationId);
    indices->setAutoDelete(false);
    QSignalSpy indicesDone(indices, &qbusiness::Call::finished);
    indices->start();
    if (!indicesDone.wait(Timeout) || indices->indices.isEmpty())
        return false;
    f->request.indexId = indices->indices.constFirst().indexId;
    delete indices;
    auto *sources = f->client->listDataSources(f->request.applicationId, f->request.indexId);
    sources->setAutoDelete(false);
    QSignalSpy sourcesDone(sources, &qbusiness::Call::finished);
    sources->start();
    if (!sourcesDone.wait(Timeout) || sources->dataSources.isEmpty())
        return false;
    f->request.dataSourceId = sources->dataSources.constFirst().dataSourceId;
    delete sources;
    return true;
}

// A page of `jobs` succeeded jobs named prefix-0.., with `token` as its nextToken.
QByteArray pageBody(const QString &prefix, int jobs, const QString &token)
{
    QJsonArray history;
    for (int i = 0; i < jobs; ++i) {
        history.append(QJsonObject {
            {QStringLiteral("executionId"), QStringLiteral("%1-%2").arg(prefix).arg(i)},
            {QStringLiteral("status"), QStringLiteral("SUCCEEDED")},
            {QStringLiteral("startTime"), 1714550400.0 + i}});
    }
    QJsonObject o {{QStringLiteral("history"), history}};
    if (!token.isEmpty())
        o.insert(QStringLiteral("nextToken"), token);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct HandlerFixture
{
    std::unique_ptr<aws::StaticCredentialsProvider> credentials;
    std::unique_ptr<qbusiness::Client> client;
    qbusiness::ListSyncJobsRequest request;

    explicit HandlerFixture(const syncdeck::test::RawHttpServer &server)
    {
        credentials = std::make_unique<aws::StaticCredentialsProvider>(
            syncdeck::test::fakeQBusinessCredentials());
        qbusiness::ClientConfig config;
        config.endpoint = QUrl::fromEncoded(server.url());
        config.region = QString::fromLatin1(syncdeck::test::FakeQBusiness::Region);
        client = std::make_unique<qbusiness::Client>(config, credentials.get());
        request.applicationId = QStringLiteral("a1b2c3d4-0000-0000-0000-000000000001");
        request.indexId = QStringLiteral("a1b2c3d4-0000-0000-0000-000000000002");
        request.dataSourceId = QStringLiteral("a1b2c3d4-0000-0000-0000-000000000003");
    }
};

} // namespace

class TestSyncJobLoader : public QObject
{
    Q_OBJECT
private slots:
    void loadAllPagesEverything_data();
    void loadAllPagesEverything();
    void cancelKeepsWhatArrivedThenResumes();
    void batchesGrowWithTheHistory();
    void batchesStopGrowingAtTheCap();
    void notConnectedThenRetry();
    void pollsUntilTheRunEnds();
    void repeatedTokenStopsLoadAll();
    void repeatedTokenStopsScrolling();
    void emptyPagesAreBounded();
};

void TestSyncJobLoader::loadAllPagesEverything_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<QString>("statusFilter");
    QTest::newRow("45 jobs") << 45 << QString();
    QTest::newRow("one page") << 7 << QString();
    QTest::newRow("failed only") << 45 << QStringLiteral("FAILED");
}

void TestSyncJobLoader::loadAllPagesEverything()
{
    QFETCH(int, jobs);
    QFETCH(QString, statusFilter);
    Fixture f;
    QVERIFY(start(&f, jobs, 600000));
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    f.request.statusFilter = statusFilter;
    model.setRequest(f.request);
    loader.loadAll();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.constFirst().at(0).toBool(), false); // not cancelled
    QVERIFY(!model.hasMore());
    QCOMPARE(resets.size(), 1); // setRequest only: pages are appended
    if (statusFilter.isEmpty()) {
        QCOMPARE(model.rowCount(), jobs);
    } else {
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.job(r).status, statusFilter);
    }
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.executionId(r));
    QCOMPARE(ids.size(), model.rowCount());
}

void TestSyncJobLoader::cancelKeepsWhatArrivedThenResumes()
{
    constexpr int Jobs
        = 3000; // 300 pages: far more than arrive before the cancel, even on a busy machine
    Fixture f;
    QVERIFY(start(&f, Jobs, 600000));
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    model.setRequest(f.request);
    loader.loadAll();
    // Pages go ahead of the model while loading all: the first delivery may hold several.
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, Timeout);
    loader.cancelLoadAll();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), Timeout);
    const int kept = model.rowCount();
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), kept); // nothing more arrives after a cancel
    QVERIFY2(model.hasMore(), qPrintable(model.lastError().message));
    QVERIFY(kept < Jobs);

    loader.loadAll();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.constLast().at(0).toBool(), false);
    QCOMPARE(model.rowCount(), Jobs);
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.executionId(r));
    QCOMPARE(ids.size(), Jobs);
}

// Load all delivers in batches that grow with the rows held (each delivery refreshes what is
// computed over every row): after the first, a batch brings at least an eighth of the rows
// already there, unless a second went by since the last one, or it is the last page. Timing only
// relaxes the rule, so a slow machine cannot fail it.
void TestSyncJobLoader::batchesGrowWithTheHistory()
{
    constexpr int Jobs = 3000;
    Fixture f;
    QVERIFY(start(&f, Jobs, 600000));
    SyncJobModel model;
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    struct Delivery
    {
        int before, added;
        qint64 sincePrevious;
    };
    QList<Delivery> deliveries;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = 0;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                deliveries.append({first, last - first + 1, clock.elapsed() - previous});
                previous = clock.elapsed();
            });
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    model.setRequest(f.request);
    loader.loadAll();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(model.rowCount(), Jobs);
    QVERIFY(deliveries.size() >= 2);
    // Every page delivered on its own would be 300 deliveries; growing batches need about 50.
    QVERIFY2(deliveries.size() < 100, qPrintable(QString::number(deliveries.size())));
    for (qsizetype i = 1; i + 1 < deliveries.size(); ++i) {
        const Delivery &d = deliveries.at(i);
        QVERIFY2(qint64(d.added) * 8 >= d.before || d.sincePrevious >= 990,
                 qPrintable(QStringLiteral("delivery %1: %2 rows onto %3 after %4 ms")
                                .arg(i)
                                .arg(d.added)
                                .arg(d.before)
                                .arg(d.sincePrevious)));
    }
}

// Past 8 x the cap, a batch is handed over once the cap's rows arrived instead of an eighth of
// the history: a long history arrives in many short turns, not in ever longer ones. Each answer
// takes 5 ms (the emulator's stall fault), so a frame brings a few pages, as from a real
// service: batches that grow by an eighth could not be more than about 35 here (160 to 5,000
// rows), batches of the cap are well over 60.
void TestSyncJobLoader::batchesStopGrowingAtTheCap()
{
    constexpr int Jobs = 5000;
    constexpr int Cap = 20;
    emulator::FaultOptions slow;
    slow.stall = 1;
    slow.stallMs = 5;
    Fixture f;
    QVERIFY(start(&f, Jobs, 600000, slow));
    SyncJobModel model;
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    loader.setMaxBatchRows(Cap);
    int pastCap = 0;
    QList<int> added;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &, int first, int last) {
                if (first >= 8 * Cap) {
                    ++pastCap;
                    added.append(last - first + 1);
                }
            });
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    model.setRequest(f.request);
    loader.loadAll();
    QVERIFY(finished.wait(Timeout * 3));
    QCOMPARE(model.rowCount(), Jobs);
    std::sort(added.begin(), added.end());
    QVERIFY2(pastCap > 60,
             qPrintable(QStringLiteral("%1 deliveries past %2 rows, median %3 rows")
                            .arg(pastCap)
                            .arg(8 * Cap)
                            .arg(added.isEmpty() ? 0 : added.at(added.size() / 2))));
}

void TestSyncJobLoader::notConnectedThenRetry()
{
    Fixture f;
    QVERIFY(start(&f, 12, 600000));
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncJobLoader loader(&model);
    QSignalSpy failed(&model, &SyncJobModel::pageFailed);
    model.setRequest(f.request);
    model.fetchMore({});
    QVERIFY(failed.wait(Timeout));
    QVERIFY(model.lastError().message.contains(QLatin1String("Not connected")));
    QCOMPARE(model.rowCount(), 0);

    loader.setClient(f.client.get());
    QSignalSpy appended(&model, &SyncJobModel::jobsAppended);
    model.retry();
    QVERIFY(appended.wait(Timeout));
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.lastError().isError());
}

void TestSyncJobLoader::pollsUntilTheRunEnds()
{
    Fixture f;
    // The featured data source's running sync is a quarter through a 2 s run.
    QVERIFY(start(&f, 20, 2000));
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    loader.setPollIntervals(100, 400);
    QSignalSpy appended(&model, &SyncJobModel::jobsAppended);
    QSignalSpy ended(&model, &SyncJobModel::jobFinished);
    model.setRequest(f.request);
    model.fetchMore({});
    QVERIFY(appended.wait(Timeout));
    QVERIFY(model.hasRunningJobs());
    QVERIFY(loader.isPollScheduled() || loader.isPolling());
    const int rows = model.rowCount();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), Timeout);
    QCOMPARE(ended.constFirst().at(0).value<qbusiness::SyncJob>().status, QStringLiteral("FAILED"));
    QVERIFY(!model.hasRunningJobs());
    // The tester fetches further pages as a view would; the merge itself adds no row.
    QVERIFY(model.rowCount() >= rows);
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.executionId(r));
    QCOMPARE(ids.size(), model.rowCount());
    QCOMPARE(resets.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isPollScheduled() && !loader.isPolling(), Timeout);
}

// A server that answers every page with the same nextToken (issue: ~36,000 requests in 110 s).
void TestSyncJobLoader::repeatedTokenStopsLoadAll()
{
    using syncdeck::test::RawHttpReply;
    int served = 0;
    syncdeck::test::RawHttpServer server([&served](const syncdeck::test::RawHttpRequest &) {
        return RawHttpReply::json(
            200, pageBody(QStringLiteral("run%1").arg(served++), 3, QStringLiteral("same-token")));
    });
    QVERIFY(server.listen());
    HandlerFixture f(server);
    SyncJobModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    QSignalSpy failed(&model, &SyncJobModel::pageFailed);
    model.setRequest(f.request);
    loader.loadAll();
    QVERIFY(finished.wait(Timeout));
    // The first page, then the page at "same-token" that names itself again: two requests.
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(model.lastError().code, QStringLiteral("RepeatedNextToken"));
    QVERIFY(!loader.isLoadingAll());
    QCOMPARE(model.rowCount(), 6); // both pages' jobs are kept
    QVERIFY(!model.canFetchMore({}));
    // Nothing more goes out on its own.
    QTest::qWait(300);
    QCOMPARE(server.requests().size(), 2);
    // A retry is one request, judged by the same rule.
    model.retry();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, Timeout);
    QCOMPARE(server.requests().size(), 3);
}

// The table's own fetchMore (scrolling, the first load) obeys the same rule.
void TestSyncJobLoader::repeatedTokenStopsScrolling()
{
    using syncdeck::test::RawHttpReply;
    syncdeck::test::RawHttpServer server([](const syncdeck::test::RawHttpRequest &) {
        return RawHttpReply::json(200, pageBody(QStringLiteral("run"), 3, QStringLiteral("t1")));
    });
    QVERIFY(server.listen());
    HandlerFixture f(server);
    SyncJobModel model;
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    QSignalSpy failed(&model, &SyncJobModel::pageFailed);
    model.setRequest(f.request);
    for (int i = 0; i < 50 && failed.isEmpty(); ++i) {
        model.fetchMore({});
        QTest::qWait(20);
    }
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    QCOMPARE(model.lastError().code, QStringLiteral("RepeatedNextToken"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(model.rowCount(), 3);
}

// Empty pages, each with a new token, stop after MaxEmptyPages.
void TestSyncJobLoader::emptyPagesAreBounded()
{
    using syncdeck::test::RawHttpReply;
    int served = 0;
    syncdeck::test::RawHttpServer server([&served](const syncdeck::test::RawHttpRequest &) {
        ++served;
        return RawHttpReply::json(
            200, pageBody({}, served == 1 ? 2 : 0, QStringLiteral("token-%1").arg(served)));
    });
    QVERIFY(server.listen());
    HandlerFixture f(server);
    SyncJobModel model;
    SyncJobLoader loader(&model);
    loader.setClient(f.client.get());
    QSignalSpy finished(&loader, &SyncJobLoader::loadAllFinished);
    model.setRequest(f.request);
    loader.loadAll();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(model.lastError().code, QStringLiteral("TooManyEmptyPages"));
    QCOMPARE(server.requests().size(), 1 + SyncJobLoader::MaxEmptyPages);
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestSyncJobLoader)
#include "tst_syncjobloader.moc"
