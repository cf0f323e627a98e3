// The jobs page on the history cache, over real TCP with the real emulator (or a handler server)
// and a cache in a temporary folder: a data source seen before opens on its cached rows before
// any reply, the rows that fill the table first and the rest on the next turns of the event loop
// (appended, no reset); the refresh then changes rows in place (no reset, the selection kept),
// jobs the service no longer returns are marked, and with the service gone the cached history
// stays with an offline state.
#include "aws/credentialsprovider.h"
#include "cache/historycache.h"
#include "emulator/options.h"
#include "emulatorprocess.h"
#include "emulatorthread.h"
#include "jobs/cachedhistory.h"
#include "jobs/filterbar.h"
#include "jobs/jobspage.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/syncjobmodel.h"
#include "rawhttpserver.h"
#include "synchistory.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using qbusiness::SyncJob;
using qbusiness::SyncJobModel;
using ui::CachedHistory;
using ui::FilterBar;
using ui::JobsPage;

namespace {
constexpr int Timeout = 30000;

template<typename CallT>
bool finish(CallT *call)
{
    call->setAutoDelete(false);
    QSignalSpy done(call, &qbusiness::Call::finished);
    call->start();
    return call->isFinished() || done.wait(Timeout);
}

// A jobs page as the window makes it, on its own client and cache.
struct Page
{
    Page(const QUrl &endpoint, const QString &cacheDir)
        : refreshAction(QStringLiteral("Refresh"))
        , filters(&refreshAction)
        , page(&filters)
    {
        aws::Credentials c;
        c.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
        c.secretAccessKey
            = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
        credentials = std::make_unique<aws::StaticCredentialsProvider>(c);
        qbusiness::ClientConfig config;
        config.endpoint = endpoint;
        config.region = QStringLiteral("us-east-1");
        config.maxAttempts = 1;
        config.connectTimeoutMs = 3000;
        client = std::make_unique<qbusiness::Client>(config, credentials.get());
        opened = history.open(cacheDir);
        history.setClient(client.get());
        page.setClient(client.get());
        page.setCachedHistory(&history);
    }
    ~Page() { page.setClient(nullptr); }
    SyncJobModel *model() const { return page.model(); }
    QTableView *table() const { return page.findChild<QTableView *>(QStringLiteral("jobsView")); }
    bool waitForRefresh()
    {
        if (!history.isRefreshing())
            return true;
        QSignalSpy done(&history, &CachedHistory::refreshFinished);
        return done.wait(Timeout);
    }
    // The rest of the cached history after its first page.
    bool waitForSnapshot()
    {
        if (!history.isDelivering())
            return true;
        QSignalSpy done(&history, &CachedHistory::snapshotLoaded);
        return done.wait(Timeout);
    }

    QAction refreshAction;
    FilterBar filters;
    JobsPage page;
    std::unique_ptr<aws::StaticCredentialsProvider> credentials;
    std::unique_ptr<qbusiness::Client> client;
    CachedHistory history;
    bool opened = false;
};

// A service whose data source has a long history that a cache in `dir` holds completely: it
// answers the newest page (nothing new), so a refresh sends one request and changes nothing.
struct LongHistory
{
    static constexpr int Jobs = 11000; // more than two parts of the rest

    LongHistory()
        : jobs(test::generateSyncHistory(Jobs, 5))
        , server([this](const test::RawHttpRequest &r) {
            if (!r.path.endsWith("/syncjobs"))
                return test::RawHttpReply::awsError(404, "ResourceNotFoundException", "none");
            QJsonArray page;
            for (int i = 0; i < 10; ++i)
                page.append(qbusiness::jsoncodec::toJson(jobs.at(i)));
            const QJsonObject body {{QStringLiteral("history"), page},
                                    {QStringLiteral("nextToken"), QStringLiteral("more")}};
            return test::RawHttpReply::json(200, QJsonDocument(body).toJson());
        })
    {
        ids = {{},
               QStringLiteral("a1111111-1111-4111-8111-111111111111"),
               QStringLiteral("i2222222-2222-4222-8222-222222222222"),
               QStringLiteral("d3333333-3333-4333-8333-333333333333")};
    }
    bool start()
    {
        if (!server.listen())
            return false;
        qbusiness::ClientConfig config;
        config.endpoint = url();
        config.region = QStringLiteral("us-east-1");
        qbusiness::ListSyncJobsRequest request;
        request.applicationId = ids.applicationId;
        request.indexId = ids.indexId;
        request.dataSourceId = ids.dataSourceId;
        key = cache::DataSourceKey::of(config, request);
        cache::HistoryCache cache;
        if (!cache.open({dir.path()}))
            return false;
        QSet<QString> listed;
        for (const SyncJob &j : std::as_const(jobs))
            listed.insert(j.executionId);
        cache::PagePlacement p;
        p.newestListedMs = jobs.constFirst().startTime.toMSecsSinceEpoch();
        p.lastPage = true;
        p.listedIds = &listed;
        p.listedAt = QDateTime::currentDateTimeUtc();
        return cache.mergePage(key, jobs, p).ok && cache.setRefreshed(key, p.listedAt);
    }
    QUrl url() const { return QUrl::fromEncoded(server.url()); }
    // What the whole history reads as from the cache: what the page showed at once before.
    QList<SyncJob> fullLoad() const
    {
        cache::HistoryCache cache;
        return cache.open({dir.path()}) ? cache.jobs(key) : QList<SyncJob>();
    }

    QList<SyncJob> jobs; // newest first
    test::RawHttpServer server;
    QTemporaryDir dir;
    qbusiness::ResourceReference ids;
    cache::DataSourceKey key;
};

// The model's row count at each paint of the table's viewport.
class PaintLog : public QObject
{
public:
    explicit PaintLog(QTableView *table)
        : m_table(table)
    {
        table->viewport()->installEventFilter(this);
    }
    QList<int> rowsAtPaint;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_table->model()->rowCount() > 0)
            rowsAtPaint.append(m_table->model()->rowCount());
        return false;
    }

private:
    QTableView *m_table;
};

} // namespace

class TestCachedHistory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reopensFromTheCacheBeforeAnyReply();
    void allTimeReopenReadsNoFurtherPages();
    void refreshUpdatesRowsInPlace();
    void keptLocallyIsMarked();
    void offlineKeepsTheCachedHistory();
    void firstPageThenTheRest();
    void sortAndFilterFollowTheRest();
    void damagedCacheIsMovedAside();

private:
    std::unique_ptr<test::EmulatorThread> m_service;
    QUrl m_url;
    qbusiness::ResourceReference m_ids;
    QTemporaryDir m_cacheDir;
};

void TestCachedHistory::initTestCase()
{
    emulator::Options options;
    options.jobsPerDataSource = 60;
    options.syncDurationMs = 1000;
    m_service = std::make_unique<test::EmulatorThread>(options);
    QVERIFY(m_service->start());
    m_url = m_service->url();
    Page p(m_url, m_cacheDir.path());
    std::unique_ptr<qbusiness::ListApplicationsCall> apps(p.client->listApplications());
    QVERIFY(finish(apps.get()));
    m_ids.applicationId = apps->applications.constFirst().applicationId;
    std::unique_ptr<qbusiness::ListIndicesCall> indices(p.client->listIndices(m_ids.applicationId));
    QVERIFY(finish(indices.get()));
    m_ids.indexId = indices->indices.constFirst().indexId;
    std::unique_ptr<qbusiness::ListDataSourcesCall> sources(
        p.client->listDataSources(m_ids.applicationId, m_ids.indexId));
    QVERIFY(finish(sources.get()));
    m_ids.dataSourceId = sources->dataSources.at(1).dataSourceId;
}

void TestCachedHistory::reopensFromTheCacheBeforeAnyReply()
{
    {
        // First open: the cache does not know the data source; the page lists from the service
        // and the refresh fills the cache beside it.
        Page first(m_url, m_cacheDir.path());
        QVERIFY(first.opened);
        first.page.showDataSource(m_ids);
        QCOMPARE(first.model()->rowCount(), 0);
        QVERIFY(first.waitForRefresh());
        QVERIFY(first.history.statusText().isEmpty()); // nothing shown came from the cache
    }
    Page again(m_url, m_cacheDir.path());
    QAbstractItemModelTester tester(again.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    again.page.showDataSource(m_ids);
    // No event has been processed: no reply can have arrived, the rows are the cache's (the
    // newest first; the rest on the next turns of the event loop, before any change a reply
    // brings).
    QVERIFY(again.model()->rowCount() > 0);
    QVERIFY(again.model()->isFirstPageLoaded());
    QVERIFY(again.waitForSnapshot());
    QCOMPARE(again.model()->rowCount(), 60);
    QVERIFY(!again.model()->hasMore()); // the cache holds all of it
    QVERIFY(again.history.isRefreshing());
    QVERIFY2(again.page.statusText().startsWith(QLatin1String("cached, as of ")),
             qPrintable(again.page.statusText()));
    QVERIFY2(again.page.statusText().contains(QStringLiteral("refreshing…")),
             qPrintable(again.page.statusText()));
    QSignalSpy resets(again.model(), &QAbstractItemModel::modelReset);
    QVERIFY(again.waitForRefresh());
    QCOMPARE(resets.count(), 0);
    QVERIFY(!again.history.isOffline());
    QVERIFY2(again.history.statusText().isEmpty(), qPrintable(again.history.statusText()));
    QCOMPARE(again.model()->rowCount(), 60);

    // A filter is answered from the cache too.
    Page filtered(m_url, m_cacheDir.path());
    filtered.filters.applyLaunchFilters(QStringLiteral("FAILED"), {}, {});
    filtered.page.showDataSource(m_ids);
    QVERIFY(filtered.waitForSnapshot());
    QStringList failed;
    for (int r = 0; r < again.model()->rowCount(); ++r) {
        if (again.model()->job(r).status == QLatin1String("FAILED"))
            failed.append(again.model()->executionId(r));
    }
    QCOMPARE(filtered.model()->rowCount(), failed.size());
    for (int r = 0; r < filtered.model()->rowCount(); ++r)
        QCOMPARE(filtered.model()->executionId(r), failed.at(r));
    QVERIFY(filtered.waitForRefresh());
}

// A cache that holds a data source's whole history (its first refresh listed down to the
// service's oldest job) answers an "All time" reopen with its rows plus the incremental refresh
// (one page: nothing new), whatever a view then asks for: counted in the emulator's request log.
void TestCachedHistory::allTimeReopenReadsNoFurtherPages()
{
    test::EmulatorProcess service;
    QVERIFY(service.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), 2, 45));
    QTemporaryDir cacheDir;
    qbusiness::ResourceReference ids;
    {
        Page first(service.url(), cacheDir.path());
        std::unique_ptr<qbusiness::ListApplicationsCall> apps(first.client->listApplications());
        QVERIFY(finish(apps.get()));
        ids.applicationId = apps->applications.constFirst().applicationId;
        std::unique_ptr<qbusiness::ListIndicesCall> indices(
            first.client->listIndices(ids.applicationId));
        QVERIFY(finish(indices.get()));
        ids.indexId = indices->indices.constFirst().indexId;
        std::unique_ptr<qbusiness::ListDataSourcesCall> sources(
            first.client->listDataSources(ids.applicationId, ids.indexId));
        QVERIFY(finish(sources.get()));
        ids.dataSourceId = sources->dataSources.at(1).dataSourceId; // no running job
        first.page.showDataSource(ids);
        QVERIFY(first.waitForRefresh()); // it read the history down to its end
    }
    (void)service.takeSyncJobRequests();

    Page again(service.url(), cacheDir.path());
    QCOMPARE(again.filters.range(), FilterBar::AllTime);
    again.page.showDataSource(ids);
    QVERIFY(again.waitForSnapshot());
    QVERIFY(again.waitForRefresh());
    // What a table scrolled to its end (or Load all) asks for: nothing more from the service.
    for (int i = 0; i < 20 && (again.model()->canFetchMore({}) || again.model()->isLoading());
         ++i) {
        again.model()->fetchMore({});
        QTest::qWait(50);
    }
    QCOMPARE(again.model()->rowCount(), 45);
    QVERIFY(!again.model()->hasMore());
    QCOMPARE(service.takeSyncJobRequests(), 1); // the refresh's newest page
}

void TestCachedHistory::refreshUpdatesRowsInPlace()
{
    Page p(m_url, m_cacheDir.path());
    p.page.showDataSource(m_ids);
    QVERIFY(p.waitForRefresh());
    const int before = p.model()->rowCount();
    QVERIFY(before >= 60);
    p.page.selectRun(p.model()->executionId(5));
    const QString selected = p.page.currentExecutionId();
    QCOMPARE(selected, p.model()->executionId(5));

    // A new run on the service, then a refresh: inserted on top, nothing reset, same selection.
    std::unique_ptr<qbusiness::StartSyncCall> sync(
        p.client->startDataSourceSyncJob(m_ids.applicationId, m_ids.indexId, m_ids.dataSourceId));
    QVERIFY(finish(sync.get()));
    QVERIFY2(!sync->error().isError(), qPrintable(sync->error().message));
    QSignalSpy resets(p.model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(p.model(), &QAbstractItemModel::rowsInserted);
    p.history.refresh(p.page.request());
    QVERIFY(p.waitForRefresh());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(p.model()->rowCount(), before + 1);
    QCOMPARE(p.model()->executionId(0), sync->executionId);
    QCOMPARE(p.page.currentExecutionId(), selected);

    // The run ends; the next refresh re-reads it in place.
    QTest::qWait(1500);
    QSignalSpy changed(p.model(), &QAbstractItemModel::dataChanged);
    p.history.refresh(p.page.request());
    QVERIFY(p.waitForRefresh());
    QTRY_VERIFY_WITH_TIMEOUT(qbusiness::isFinalStatus(p.model()->job(0).statusKind()), Timeout);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(p.page.currentExecutionId(), selected);
}

void TestCachedHistory::keptLocallyIsMarked()
{
    Page p(m_url, m_cacheDir.path());
    p.page.showDataSource(m_ids);
    QVERIFY(p.waitForRefresh());
    const QString id = p.model()->executionId(3);
    QSignalSpy changed(p.model(), &QAbstractItemModel::dataChanged);
    p.model()->setKeptLocally({id});
    QCOMPARE(changed.count(), 1);
    const QModelIndex status = p.model()->index(3, SyncJobModel::StatusColumn);
    QVERIFY(status.data(SyncJobModel::KeptLocallyRole).toBool());
    QVERIFY2(status.data().toString().endsWith(QLatin1String("(kept locally)")),
             qPrintable(status.data().toString()));
    QVERIFY(status.data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Kept locally; no longer returned by the service.")));
    QVERIFY(!p.model()->index(4, 0).data(SyncJobModel::KeptLocallyRole).toBool());
}

void TestCachedHistory::offlineKeepsTheCachedHistory()
{
    {
        Page p(m_url, m_cacheDir.path());
        p.page.showDataSource(m_ids);
        QVERIFY(p.waitForRefresh());
    }
    m_service.reset(); // connection refused from now on, at the same address
    Page p(m_url, m_cacheDir.path());
    p.page.showDataSource(m_ids);
    QVERIFY(p.waitForSnapshot());
    const int cached = p.model()->rowCount();
    QVERIFY(cached >= 60);
    QSignalSpy finished(&p.history, &CachedHistory::refreshFinished);
    QVERIFY(p.waitForRefresh());
    QVERIFY(p.history.isOffline());
    QCOMPARE(p.model()->rowCount(), cached);
    QVERIFY2(p.history.statusText().startsWith(QLatin1String("Offline: cached, as of ")),
             qPrintable(p.history.statusText()));
    QVERIFY2(p.history.statusText().contains(QLatin1String("min ago")),
             qPrintable(p.history.statusText()));
    QVERIFY2(p.page.statusText().startsWith(QLatin1String("Offline")),
             qPrintable(p.page.statusText()));
    // Details still work from the cached row.
    p.page.selectRun(p.model()->executionId(0));
    QCOMPARE(p.page.currentExecutionId(), p.model()->executionId(0));
}

// A long cached history: the first delivery holds the rows that fill the table, which is
// painted with them; the rest follows on later turns of the event loop, appended without a
// reset, the selection kept, and the model ends up exactly as a load of the whole history.
void TestCachedHistory::firstPageThenTheRest()
{
    LongHistory service;
    QVERIFY(service.start());
    Page p(service.url(), service.dir.path());
    p.page.resize(900, 500);
    p.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p.page));
    PaintLog paints(p.table());
    QAbstractItemModelTester tester(p.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(p.model(), &QAbstractItemModel::modelReset);
    p.page.showDataSource(service.ids);
    QCOMPARE(resets.count(), 1); // the new listing
    const int first = p.model()->rowCount();
    const int rowHeight = p.table()->verticalHeader()->defaultSectionSize();
    QVERIFY2(first * rowHeight >= p.table()->viewport()->height(),
             "the first page fills the table");
    QVERIFY2(first < 2 * p.table()->viewport()->height() / rowHeight + 2, "and no more");
    for (int r = 0; r < first; ++r)
        QCOMPARE(p.model()->executionId(r), service.jobs.at(r).executionId);
    QVERIFY(p.history.isDelivering());
    QVERIFY2(p.page.statusText().contains(QLatin1String("reading the rest from the cache")),
             qPrintable(p.page.statusText()));
    p.page.selectRun(service.jobs.at(2).executionId);

    QSignalSpy inserted(p.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy parts(&p.history, &CachedHistory::restLoaded);
    QSignalSpy appended(p.model(), &SyncJobModel::jobsAppended); // what the charts follow
    QVERIFY(p.waitForSnapshot());
    QVERIFY2(!paints.rowsAtPaint.isEmpty(), "the table was painted");
    QCOMPARE(paints.rowsAtPaint.constFirst(), first); // before the rest arrived
    QVERIFY(parts.count() > 1);
    QVERIFY(inserted.count() >= parts.count() - 1); // the last part may be empty
    QCOMPARE(inserted.constFirst().at(1).toInt(), first); // appended below the first page
    // The charts take in the rest once, when it is all in.
    QCOMPARE(appended.count(), 1);
    const QList<SyncJob> rest = appended.constFirst().constFirst().value<QList<SyncJob>>();
    QCOMPARE(rest.size(), LongHistory::Jobs - first);
    QCOMPARE(rest.constFirst().executionId, service.jobs.at(first).executionId);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(p.page.currentExecutionId(), service.jobs.at(2).executionId);
    QCOMPARE(p.table()->selectionModel()->currentIndex().row(), 2);
    QVERIFY2(p.page.statusText().contains(QLocale().toString(LongHistory::Jobs)
                                          + QLatin1String(" jobs loaded")),
             qPrintable(p.page.statusText()));
    QVERIFY2(!p.page.statusText().contains(QLatin1String("reading the rest")),
             qPrintable(p.page.statusText()));

    QVERIFY(p.waitForRefresh());
    QVERIFY(!p.history.isOffline());
    QCOMPARE(resets.count(), 1);
    const QList<SyncJob> full = service.fullLoad();
    QCOMPARE(full.size(), LongHistory::Jobs);
    QCOMPARE(p.model()->rowCount(), full.size());
    for (int r = 0; r < full.size(); ++r)
        QCOMPARE(p.model()->job(r), full.at(r));
}

// The table's sort and quick filter take in every part of the rest as it arrives.
void TestCachedHistory::sortAndFilterFollowTheRest()
{
    LongHistory service;
    QVERIFY(service.start());
    Page p(service.url(), service.dir.path());
    p.table()->sortByColumn(SyncJobModel::StartColumn, Qt::AscendingOrder);
    p.page.setQuickFilter(QStringLiteral("Failed"));
    p.page.showDataSource(service.ids);
    QVERIFY(p.history.isDelivering());
    QVERIFY(p.waitForSnapshot());
    QVERIFY(p.waitForRefresh());
    QList<SyncJob> expected;
    const QList<SyncJob> full = service.fullLoad();
    for (auto it = full.crbegin(); it != full.crend(); ++it) {
        if (it->status == QLatin1String("FAILED"))
            expected.append(*it); // oldest first
    }
    QVERIFY(expected.size() > 10);
    QCOMPARE(p.page.tableJobs(), expected);
}

void TestCachedHistory::damagedCacheIsMovedAside()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(cache::HistoryCache::fileName()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    CachedHistory history;
    QVERIFY(history.open(dir.path()));
    QVERIFY2(!history.message().isEmpty(), "the window says the old file was moved aside");
}

QTEST_MAIN(TestCachedHistory)
#include "tst_cachedhistory.moc"
