// The jobs page on the history cache, over real TCP with the real emulator and a cache in a
// temporary folder: a data source seen before opens on its cached rows before any reply, the
// refresh then changes rows in place (no reset, the selection kept), jobs the service no longer
// returns are marked, and with the service gone the cached history stays with an offline state.
#include "aws/credentialsprovider.h"
#include "cache/historycache.h"
#include "emulator/options.h"
#include "emulatorthread.h"
#include "jobs/cachedhistory.h"
#include "jobs/filterbar.h"
#include "jobs/jobspage.h"
#include "qbusiness/client.h"
#include "qbusiness/syncjobmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
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

    QAction refreshAction;
    FilterBar filters;
    JobsPage page;
    std::unique_ptr<aws::StaticCredentialsProvider> credentials;
    std::unique_ptr<qbusiness::Client> client;
    CachedHistory history;
    bool opened = false;
};

} // namespace

class TestCachedHistory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reopensFromTheCacheBeforeAnyReply();
    void refreshUpdatesRowsInPlace();
    void keptLocallyIsMarked();
    void offlineKeepsTheCachedHistory();
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
    // No event has been processed: no reply can have arrived, the rows are the cache's.
    QCOMPARE(again.model()->rowCount(), 60);
    QVERIFY(again.model()->isFirstPageLoaded());
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
