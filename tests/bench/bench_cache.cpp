// The history cache's figures (issue "Local history cache"), printed, never asserted:
// - reopening a data source with 20,000 cached jobs: the first screenful of rows in the job
//   model, and the whole history in the job model and in the charts' RunHistory;
// - merge throughput (100,000 jobs in pages of 10 and of 100, merged together as a refresh merges
//   them, and one transaction per page as a lone mergePage() does) and bytes per job;
// - requests of an incremental refresh when nothing changed and when 3 new jobs arrived,
//   counted in syncdeck-emulator's own request log (--verbose).
#include "aws/credentialsprovider.h"
#include "cache/cacherefresh.h"
#include "cache/historycache.h"
#include "emulatorprocess.h"
#include "qbusiness/client.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "synchistory.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <utility>

#include <sys/resource.h>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;

namespace {
const DataSourceKey Key {QStringLiteral("aws/us-east-1"),
                         QStringLiteral("a1111111-1111-4111-8111-111111111111"),
                         QStringLiteral("i2222222-2222-4222-8222-222222222222"),
                         QStringLiteral("d3333333-3333-4333-8333-333333333333")};

// The shared realistic history, with one run in ten... failing as it does: one of 40 messages.
QList<SyncJob> history(int count)
{
    QList<SyncJob> jobs = test::generateSyncHistory(count, 5);
    for (int i = 0; i < jobs.size(); ++i) {
        if (i % 10 != 3)
            continue;
        SyncJob &j = jobs[i];
        j.status = QStringLiteral("FAILED");
        j.errorCode = QStringLiteral("InvalidRequest");
        j.errorMessage = QStringLiteral("The connector could not read s3://corp-docs/folder-%1/: "
                                        "Access Denied (Service: S3, Status Code: 403)")
                             .arg(i % 40);
        j.dataSourceErrorCode = QStringLiteral("S3_ACCESS_DENIED");
    }
    return jobs;
}

// CPU time of this process (user + system), seconds: on a shared machine the wall clock also
// counts other programs' turns.
double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Timing
{
    double wall = 0;
    double cpu = 0;
};

// Merges `jobs` as a listing from the top delivers them, `pagesPerCommit` pages in each
// transaction (a refresh merges RefreshOptions::pagesPerCommit pages together when they arrive
// faster than its commit interval; 1: a lone mergePage() per page).
Timing mergeAll(HistoryCache &cache, const QList<SyncJob> &jobs, int pageSize,
                int pagesPerCommit = RefreshOptions().pagesPerCommit)
{
    PagePlacement p;
    p.newestListedMs = jobs.constFirst().startTime.toMSecsSinceEpoch();
    QElapsedTimer t;
    t.start();
    const double cpu = cpuSeconds();
    QList<ListedPage> pending;
    for (qsizetype i = 0; i < jobs.size(); i += pageSize) {
        p.lastPage = i + pageSize >= jobs.size();
        pending.append({jobs.mid(i, pageSize), p});
        if (pending.size() < pagesPerCommit && !p.lastPage)
            continue;
        if (!cache.mergePages(Key, std::exchange(pending, {})).constFirst().ok)
            qFatal("merge failed: %s", qPrintable(cache.errorString()));
    }
    return {double(t.nsecsElapsed()) / 1e9, cpuSeconds() - cpu};
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

class BenchCache : public QObject
{
    Q_OBJECT
private slots:
    void mergeThroughputAndSize();
    void reopenTwentyThousand();
    void refreshRequests();
};

void BenchCache::mergeThroughputAndSize()
{
    const QList<SyncJob> jobs = history(100000);
    const int together = RefreshOptions().pagesPerCommit;
    for (const int pageSize : {10, 100}) {
        QTemporaryDir dir;
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        const Timing merged = mergeAll(cache, jobs, pageSize);
        QVERIFY(cache.prune({}, QDateTime::currentDateTimeUtc()).ok); // checkpoint: all in the file
        const CacheInfo info = cache.info();
        qInfo("merge 100,000 jobs in pages of %d (%d pages a transaction, as a refresh): %.2f s "
              "wall, %.2f s CPU (%.0f jobs/s; goal < 2 s wall)",
              pageSize, together, merged.wall, merged.cpu, 100000 / merged.wall);
        qInfo("  file %lld bytes = %.1f bytes/job (pages in use %.1f bytes/job), %lld distinct "
              "texts",
              info.fileBytes, double(info.fileBytes) / 100000, double(info.usedBytes) / 100000,
              info.textCount);
        // Merging the same pages again (a refresh that changes nothing): read, compare, skip.
        if (pageSize == 10) {
            const Timing again = mergeAll(cache, jobs, pageSize);
            qInfo("  the same 100,000 again, unchanged: %.2f s wall, %.2f s CPU", again.wall,
                  again.cpu);
        }
    }
    // A lone mergePage() per page (a cached listing's pages from the service).
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const Timing single = mergeAll(cache, jobs, 10, 1);
    qInfo("merge 100,000 jobs in pages of 10, one transaction each: %.2f s wall, %.2f s CPU",
          single.wall, single.cpu);
}

void BenchCache::reopenTwentyThousand()
{
    QTemporaryDir dir;
    const QList<SyncJob> jobs = history(20000);
    {
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        (void)mergeAll(cache, jobs, 10);
        QVERIFY(cache.prune({}, QDateTime::currentDateTimeUtc()).ok);
    }
    constexpr int Screenful = 100;
    constexpr int ModelPage = 200;
    QList<double> open, first, all, model, chart;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer t;
        t.start();
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        const double opened = ms(t);
        // First rows: the newest screenful answers the model's first page request.
        qbusiness::SyncJobModel rows;
        qbusiness::ListSyncJobsRequest request;
        request.applicationId = Key.applicationId;
        request.indexId = Key.indexId;
        request.dataSourceId = Key.dataSourceId;
        QList<SyncJob> cached;
        connect(&rows, &qbusiness::SyncJobModel::pageRequested, &rows,
                [&](quint64 generation, const qbusiness::ListSyncJobsRequest &) {
                    JobQuery q;
                    q.limit = Screenful;
                    qbusiness::SyncJobPage page;
                    page.history = cache.jobs(Key, q);
                    page.nextToken = QStringLiteral("more in the cache");
                    rows.appendPage(generation, page);
                });
        rows.setRequest(request);
        rows.fetchMore({});
        QCOMPARE(rows.rowCount(), Screenful);
        const double firstRows = ms(t);
        // The whole history: read, into a job model, into the charts' history.
        QElapsedTimer step;
        step.start();
        cached = cache.jobs(Key);
        QCOMPARE(cached.size(), 20000);
        const double read = ms(step);
        step.restart();
        // In pages of ModelPage: appendPage() checks each job against the rest of its page.
        qbusiness::SyncJobModel whole;
        whole.setRequest(request);
        qsizetype offset = 0;
        connect(&whole, &qbusiness::SyncJobModel::pageRequested, &whole,
                [&](quint64 generation, const qbusiness::ListSyncJobsRequest &) {
                    qbusiness::SyncJobPage page {cached.mid(offset, ModelPage), {}, {}};
                    offset += ModelPage;
                    if (offset < cached.size())
                        page.nextToken = QStringLiteral("more in the cache");
                    whole.appendPage(generation, page);
                });
        while (whole.canFetchMore({}))
            whole.fetchMore({});
        QCOMPARE(whole.rowCount(), 20000);
        const double modelMs = ms(step);
        step.restart();
        qbusiness::RunHistory runs;
        runs.appendJobs(cached);
        QCOMPARE(runs.count(), 20000);
        const double chartMs = ms(step);
        open << opened;
        first << firstRows;
        all << read;
        model << modelMs;
        chart << chartMs;
    }
    qInfo("reopen a data source with 20,000 cached jobs (median of 7):");
    qInfo("  open the cache (schema check, quick_check): %.1f ms", median(open));
    qInfo("  open + first %d rows in the job model: %.1f ms (goal < 100 ms to paint)", Screenful,
          median(first));
    qInfo("  read all 20,000 jobs: %.1f ms; into a job model (pages of %d): %.1f ms; into "
          "RunHistory (charts): %.1f ms",
          median(all), ModelPage, median(model), median(chart));
    qInfo("  open + whole history in the job model and RunHistory: %.1f ms (goal < 300 ms for "
          "charts)",
          median(open) + median(all) + median(model) + median(chart));
}

void BenchCache::refreshRequests()
{
    test::EmulatorProcess service;
    QVERIFY(service.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), 1, 2000,
                          {QStringLiteral("--sync-seconds"), QStringLiteral("2")}));
    aws::Credentials c;
    c.accessKeyId = QStringLiteral("AKIDSYNCDECKEMULATOR");
    c.secretAccessKey
        = aws::SecretString(QStringLiteral("SyncDeck/Emulator+Secret/Key0000000000000"));
    aws::StaticCredentialsProvider credentials(c);
    qbusiness::ClientConfig config;
    config.endpoint = service.url();
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, &credentials);
    const auto call = [](qbusiness::Call *job) {
        job->setAutoDelete(false);
        std::unique_ptr<qbusiness::Call> owned(job);
        QSignalSpy done(job, &qbusiness::Call::finished);
        job->start();
        done.wait(10000);
        return owned;
    };
    qbusiness::ListSyncJobsRequest ds;
    auto apps = call(client.listApplications());
    ds.applicationId = static_cast<qbusiness::ListApplicationsCall *>(apps.get())
                           ->applications.constFirst()
                           .applicationId;
    auto indices = call(client.listIndices(ds.applicationId));
    ds.indexId
        = static_cast<qbusiness::ListIndicesCall *>(indices.get())->indices.constFirst().indexId;
    auto sources = call(client.listDataSources(ds.applicationId, ds.indexId));
    ds.dataSourceId = static_cast<qbusiness::ListDataSourcesCall *>(sources.get())
                          ->dataSources.constFirst()
                          .dataSourceId;
    service.takeSyncJobRequests();

    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const DataSourceKey key = DataSourceKey::of(config, ds);
    const auto refresh = [&](const char *what) {
        const bool running = !cache.runningJobs(key).isEmpty();
        CacheRefresh r(&cache, &client, ds);
        QSignalSpy done(&r, &CacheRefresh::finished);
        QElapsedTimer t;
        t.start();
        r.start();
        done.wait(120000);
        const double elapsed = ms(t);
        qInfo("  %s%s: %d requests in the emulator's log (%d counted by the refresh), %d added, "
              "%d updated, %.1f ms",
              what, running ? " (a job held as running)" : "", service.takeSyncJobRequests(),
              r.requestCount(), r.addedCount(), r.updatedCount(), elapsed);
        QVERIFY2(!r.error().isError(), qPrintable(r.error().message));
    };
    qInfo("incremental refresh against syncdeck-emulator (2,000 jobs, pages of 10):");
    refresh("first refresh, empty cache");
    refresh("nothing changed");
    for (int n = 0; n < 3;) {
        auto sync
            = call(client.startDataSourceSyncJob(ds.applicationId, ds.indexId, ds.dataSourceId));
        if (sync->error().httpStatus == 409) {
            QTest::qWait(200);
            continue;
        }
        ++n;
    }
    QTest::qWait(2200);
    service.takeSyncJobRequests(); // not the refresh's
    refresh("3 new jobs arrived");
    refresh("nothing changed");
}

QTEST_GUILESS_MAIN(BenchCache)
#include "bench_cache.moc"
