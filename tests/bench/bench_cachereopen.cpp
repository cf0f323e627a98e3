// Benchmark (label bench, not run by `make test`): reopening a data source whose 20,000 jobs the
// history cache holds, as the window does it: the jobs page with the charts fed from its model.
// Prints the time from showDataSource() to the first rows painted and to the charts holding
// every run and painted. Targets (issue 18): first rows < 100 ms, charts ready < 300 ms. The
// refresh goes to a handler server that answers the newest page and nothing is new.
#include "aws/credentialsprovider.h"
#include "cache/historycache.h"
#include "charts/chartspanel.h"
#include "jobs/cachedhistory.h"
#include "jobs/filterbar.h"
#include "jobs/jobspage.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "rawhttpserver.h"
#include "synchistory.h"

#include <QAction>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace syncdeck;
using qbusiness::SyncJob;

namespace {
constexpr int Jobs = 20000;
const QString App = QStringLiteral("a1111111-1111-4111-8111-111111111111");
const QString Idx = QStringLiteral("i2222222-2222-4222-8222-222222222222");
const QString Ds = QStringLiteral("d3333333-3333-4333-8333-333333333333");
} // namespace

class BenchCacheReopen : public QObject
{
    Q_OBJECT
private slots:
    void reopen20000();
};

void BenchCacheReopen::reopen20000()
{
    const QList<SyncJob> history = test::generateSyncHistory(Jobs, 7); // newest first
    // The service: the newest page, always the same (nothing new).
    QByteArray page = "{\"history\":[";
    for (int i = 0; i < 10; ++i) {
        if (i)
            page += ',';
        page += QJsonDocument(qbusiness::jsoncodec::toJson(history.at(i)))
                    .toJson(QJsonDocument::Compact);
    }
    page += "],\"nextToken\":\"more\"}";
    test::RawHttpServer server(
        [&page](const test::RawHttpRequest &) { return test::RawHttpReply::json(200, page); });
    QVERIFY(server.listen());
    aws::Credentials c;
    c.accessKeyId = QStringLiteral("AKIDBENCHREOPEN00000");
    c.secretAccessKey = aws::SecretString(QStringLiteral("benchSecret"));
    aws::StaticCredentialsProvider credentials(c);
    qbusiness::ClientConfig config;
    config.endpoint = QUrl::fromEncoded(server.url());
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, &credentials);

    QTemporaryDir dir;
    {
        // The whole history, merged as a complete listing from the top.
        cache::HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        qbusiness::ListSyncJobsRequest request;
        request.applicationId = App;
        request.indexId = Idx;
        request.dataSourceId = Ds;
        const cache::DataSourceKey key = cache::DataSourceKey::of(config, request);
        QSet<QString> listed;
        for (const SyncJob &j : history)
            listed.insert(j.executionId);
        constexpr int Chunk = 1000;
        for (int i = 0; i < Jobs; i += Chunk) {
            cache::PagePlacement p;
            p.newestListedMs = history.constFirst().startTime.toMSecsSinceEpoch();
            p.lastPage = i + Chunk >= Jobs;
            p.listedIds = p.lastPage ? &listed : nullptr;
            p.listedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(cache.mergePage(key, history.mid(i, Chunk), p).ok);
        }
        QVERIFY(cache.setRefreshed(key, QDateTime::currentDateTimeUtc()));
        QVERIFY(cache.sourceState(key).isComplete());
    }

    QAction refresh(QStringLiteral("Refresh"));
    ui::FilterBar filters(&refresh);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *jobs = new ui::JobsPage(&filters, &window);
    auto *charts = new ui::ChartsPanel(&window);
    layout->addWidget(jobs, 1);
    layout->addWidget(charts, 1);
    window.resize(1400, 1000);
    // As MainWindow wires them.
    qbusiness::RunHistory *runs = charts->model();
    QObject::connect(jobs->model(), &qbusiness::SyncJobModel::jobsAppended, runs,
                     &qbusiness::RunHistory::appendJobs);
    QObject::connect(jobs->model(), &qbusiness::SyncJobModel::modelReset, runs,
                     &qbusiness::RunHistory::clear);
    ui::CachedHistory cached;
    QVERIFY(cached.open(dir.path()));
    cached.setClient(&client);
    jobs->setClient(&client);
    jobs->setCachedHistory(&cached);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy painted(jobs, &ui::JobsPage::firstRowsShown);
    QElapsedTimer timer;
    timer.start();
    jobs->showDataSource({{}, App, Idx, Ds});
    const double shown = timer.nsecsElapsed() / 1e6; // rows in the model, charts fed
    QVERIFY(painted.wait(10000));
    const double firstRows = timer.nsecsElapsed() / 1e6;
    QCOMPARE(runs->count(), Jobs);
    charts->grab(); // the charts painted with every run
    const double chartsReady = timer.nsecsElapsed() / 1e6;
    QSignalSpy refreshed(&cached, &ui::CachedHistory::refreshFinished);
    QVERIFY(!cached.isRefreshing() || refreshed.wait(10000));
    const double refreshDone = timer.nsecsElapsed() / 1e6;
    std::printf("reopen %d cached jobs: model and charts fed %.1f ms, first rows painted %.1f ms, "
                "charts ready %.1f ms, refresh (1 request) done %.1f ms\n",
                Jobs, shown, firstRows, chartsReady, refreshDone);
    std::fflush(stdout);
    QCOMPARE(jobs->model()->rowCount(), Jobs);
    jobs->setClient(nullptr);
}

QTEST_MAIN(BenchCacheReopen)
#include "bench_cachereopen.moc"
