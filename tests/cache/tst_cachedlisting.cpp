// Filtered listings served from the cache must be exactly what a fresh listing returns: checked
// against the emulator over real TCP, for several filters and for an empty, a partly filled and
// a complete cache, with a job still running deep in the history.
#include "aws/credentialsprovider.h"
#include "cache/cachedlisting.h"
#include "cache/historycache.h"
#include "emulatorthread.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/paginator.h"
#include "synchistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;

namespace {
const QString App = QStringLiteral("a1111111-1111-4111-8111-111111111111");
const QString Idx = QStringLiteral("i2222222-2222-4222-8222-222222222222");
const QString Ds = QStringLiteral("d3333333-3333-4333-8333-333333333333");
constexpr int Jobs = 120;
constexpr int RunningAt = 40; // newest first

// The history the emulator serves: hourly runs, a failure streak, every final status, and one
// job still running (as a fixture's running job stays) far below the newest page.
QList<SyncJob> fixtureHistory()
{
    QList<SyncJob> jobs = test::generateSyncHistory(Jobs, 31);
    jobs[0].status = QStringLiteral("SUCCEEDED");
    jobs[0].endTime = jobs[0].startTime.addSecs(500);
    for (int i = 10; i < 15; ++i) {
        jobs[i].status = QStringLiteral("FAILED");
        jobs[i].errorCode = QStringLiteral("InternalError");
        jobs[i].errorMessage = QStringLiteral("Access denied to <bucket> & more");
    }
    jobs[60].status = QStringLiteral("INCOMPLETE");
    jobs[70].status = QStringLiteral("ABORTED");
    jobs[RunningAt].status = QStringLiteral("SYNCING");
    jobs[RunningAt].endTime = {};
    return jobs;
}

QString writeFixture(const QTemporaryDir &dir)
{
    QJsonArray history;
    for (const SyncJob &j : fixtureHistory())
        history.append(qbusiness::jsoncodec::toJson(j));
    const QJsonObject ds {{QStringLiteral("dataSourceId"), Ds},
                          {QStringLiteral("displayName"), QStringLiteral("Bucket")},
                          {QStringLiteral("type"), QStringLiteral("S3")},
                          {QStringLiteral("history"), history}};
    const QJsonObject index {{QStringLiteral("indexId"), Idx},
                             {QStringLiteral("displayName"), QStringLiteral("Main")},
                             {QStringLiteral("dataSources"), QJsonArray {ds}}};
    const QJsonObject app {{QStringLiteral("applicationId"), App},
                           {QStringLiteral("displayName"), QStringLiteral("HR")},
                           {QStringLiteral("indices"), QJsonArray {index}}};
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(
        QJsonDocument(QJsonObject {{QStringLiteral("applications"), QJsonArray {app}}}).toJson());
    return path;
}

qbusiness::ListSyncJobsRequest dataSource()
{
    qbusiness::ListSyncJobsRequest r;
    r.applicationId = App;
    r.indexId = Idx;
    r.dataSourceId = Ds;
    return r;
}

// What a fresh listing returns, page by page through the paginator.
QList<SyncJob> freshListing(qbusiness::Client *client,
                            const qbusiness::ListSyncJobsRequest &request)
{
    QList<SyncJob> out;
    std::unique_ptr<qbusiness::Paginator> p(
        qbusiness::Paginator::listDataSourceSyncJobs(client, request));
    p->setPageSize(10);
    QObject::connect(p.get(), &qbusiness::Paginator::pageLoaded, p.get(),
                     [&out](qbusiness::Call *job, int first, int count) {
                         out += static_cast<qbusiness::ListSyncJobsCall *>(job)->page.history.mid(
                             first, count);
                     });
    QSignalSpy finished(p.get(), &qbusiness::Paginator::finished);
    p->start();
    if (!finished.wait(60000) || p->error().isError())
        qWarning() << "fresh listing failed:" << p->error().message;
    return out;
}

struct Answer
{
    QList<SyncJob> jobs;
    qbusiness::AwsError error;
    int requests = 0;
    qint64 cached = 0;
    qint64 fetched = 0;
};

Answer cachedListing(HistoryCache *cache, qbusiness::Client *client,
                     const qbusiness::ListSyncJobsRequest &request, RefreshOptions options = {})
{
    Answer a;
    CachedListing listing(cache, client, request);
    listing.setRefreshOptions(options);
    QObject::connect(&listing, &CachedListing::jobsListed, &listing,
                     [&a](const QList<SyncJob> &jobs) { a.jobs += jobs; });
    QSignalSpy finished(&listing, &CachedListing::finished);
    listing.start();
    finished.wait(60000);
    QTest::qWait(0);
    a.error = listing.error();
    a.requests = listing.requestCount();
    a.cached = listing.cachedCount();
    a.fetched = listing.fetchedCount();
    return a;
}

QDateTime startOf(int i)
{
    static const QList<SyncJob> jobs = fixtureHistory();
    return jobs.at(i).startTime;
}
} // namespace

class TestCachedListing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameAsAFreshListing_data();
    void sameAsAFreshListing();
    void changedServiceStillAnsweredExactly();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::EmulatorThread> m_service;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
    std::unique_ptr<qbusiness::Client> m_client;
};

void TestCachedListing::initTestCase()
{
    emulator::Options options;
    options.statePath = writeFixture(m_dir);
    QVERIFY(!options.statePath.isEmpty());
    m_service = std::make_unique<test::EmulatorThread>(options);
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
    m_credentials = std::make_unique<aws::StaticCredentialsProvider>(c);
    qbusiness::ClientConfig config;
    config.endpoint = m_service->url();
    config.region = QStringLiteral("us-east-1");
    m_client = std::make_unique<qbusiness::Client>(config, m_credentials.get());
    QCOMPARE(freshListing(m_client.get(), dataSource()).size(), Jobs);
}

void TestCachedListing::sameAsAFreshListing_data()
{
    QTest::addColumn<QString>("cacheState");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QDateTime>("startTime");
    QTest::addColumn<QDateTime>("endTime");
    QTest::addColumn<bool>("fromCacheOnly"); // expected for a complete cache
    struct Filter
    {
        const char *name;
        const char *status;
        QDateTime start;
        QDateTime end;
    };
    const QList<Filter> filters {
        {"everything", "", {}, {}},
        {"FAILED", "FAILED", {}, {}},
        {"SUCCEEDED", "SUCCEEDED", {}, {}},
        {"SYNCING (the running job)", "SYNCING", {}, {}},
        {"recent window", "", startOf(25), startOf(5)},
        {"window across the partial cache's edge", "", startOf(50), startOf(20)},
        {"old window", "", startOf(110), startOf(80)},
        {"between two starts", "", startOf(12).addSecs(60), startOf(8).addSecs(-60)},
        {"up to an end time", "", {}, startOf(90)},
        {"from a start time", "", startOf(33), {}},
        {"into the future", "", startOf(3), startOf(0).addDays(30)},
        {"FAILED in a window", "FAILED", startOf(14), startOf(11)},
        {"ABORTED, old", "ABORTED", {}, startOf(65)},
    };
    for (const char *state : {"empty", "partial", "complete"}) {
        for (const Filter &f : filters) {
            QTest::addRow("%s cache, %s", state, f.name)
                << QString::fromLatin1(state) << QString::fromLatin1(f.status) << f.start << f.end
                << true;
        }
    }
}

void TestCachedListing::sameAsAFreshListing()
{
    QFETCH(QString, cacheState);
    QFETCH(QString, status);
    QFETCH(QDateTime, startTime);
    QFETCH(QDateTime, endTime);
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    if (cacheState != QLatin1String("empty")) {
        RefreshOptions options;
        if (cacheState == QLatin1String("partial"))
            options.maxRequests = 3; // the 30 newest jobs
        else
            options.depth = RefreshOptions::Depth::Complete;
        CacheRefresh r(&cache, m_client.get(), dataSource(), options);
        QSignalSpy done(&r, &CacheRefresh::finished);
        r.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(!r.error().isError(), qPrintable(r.error().message));
    }
    qbusiness::ListSyncJobsRequest request = dataSource();
    request.statusFilter = status;
    request.startTime = startTime;
    request.endTime = endTime;

    const Answer cached = cachedListing(&cache, m_client.get(), request);
    QVERIFY2(!cached.error.isError(), qPrintable(cached.error.message));
    const QList<SyncJob> fresh = freshListing(m_client.get(), request);
    QCOMPARE(cached.jobs, fresh);
    QCOMPARE(cached.cached + cached.fetched, fresh.size());
    if (cacheState == QLatin1String("complete")) {
        // Held completely: the refresh (its first page, and the running job read again) and
        // nothing else.
        QCOMPARE(cached.fetched, 0);
        QCOMPARE(cached.requests, 2);
    }
    // Asked again, the cache now holds at least as much: still the same answer.
    const Answer again = cachedListing(&cache, m_client.get(), request);
    QCOMPARE(again.jobs, fresh);
    QVERIFY(again.fetched <= cached.fetched);
    // Whatever stretches the listings left in the cache, a refresh with nothing new stays one
    // request (and one more for the running job, when the cache holds it).
    CacheRefresh r(&cache, m_client.get(), dataSource());
    QSignalSpy done(&r, &CacheRefresh::finished);
    r.start();
    QVERIFY(done.wait(60000));
    QCOMPARE(r.requestCount(), 1 + r.rereadCount());
    QVERIFY(r.rereadCount() <= 1);
}

// After the service moved on (the running job stopped, a new sync ran to its end), the cache
// that held the old state still answers exactly.
void TestCachedListing::changedServiceStillAnsweredExactly()
{
    QTemporaryDir dir;
    emulator::Options options;
    options.statePath = writeFixture(dir);
    options.stopDurationMs = 100;
    options.syncDurationMs = 1000;
    test::EmulatorThread service(options);
    QVERIFY(service.start());
    qbusiness::ClientConfig config;
    config.endpoint = service.url();
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, m_credentials.get());
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    RefreshOptions complete;
    complete.depth = RefreshOptions::Depth::Complete;
    QVERIFY(!cachedListing(&cache, &client, dataSource(), complete).error.isError());

    const auto call = [](qbusiness::Call *c) {
        c->setAutoDelete(false);
        std::unique_ptr<qbusiness::Call> owned(c);
        QSignalSpy done(c, &qbusiness::Call::finished);
        c->start();
        done.wait(10000);
        return owned->error();
    };
    QVERIFY(!call(client.stopDataSourceSyncJob(App, Idx, Ds)).isError());
    QTest::qWait(200); // STOPPING, then ABORTED
    QVERIFY(!call(client.startDataSourceSyncJob(App, Idx, Ds)).isError());
    QTest::qWait(1200); // the new sync runs to its end

    for (const char *status : {"", "ABORTED", "SYNCING", "SUCCEEDED"}) {
        qbusiness::ListSyncJobsRequest request = dataSource();
        request.statusFilter = QString::fromLatin1(status);
        const Answer cached = cachedListing(&cache, &client, request);
        QVERIFY2(!cached.error.isError(), qPrintable(cached.error.message));
        QCOMPARE(cached.jobs, freshListing(&client, request));
        QCOMPARE(cached.fetched, 0);
    }
    QCOMPARE(cache.jobCount(DataSourceKey::of(config, dataSource())), Jobs + 1);
}

QTEST_GUILESS_MAIN(TestCachedListing)
#include "tst_cachedlisting.moc"
