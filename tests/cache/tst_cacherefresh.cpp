// The incremental refresh over real TCP: against a per-test service whose history the test
// changes between refreshes (new jobs, running jobs that finish, jobs the service drops, errors,
// repeated tokens), counting every request it receives; and against the emulator.
#include "aws/credentialsprovider.h"
#include "cache/cacherefresh.h"
#include "cache/historycache.h"
#include "emulatorthread.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "rawhttpserver.h"
#include "synchistory.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUrlQuery>

#include <atomic>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;
using test::RawHttpReply;
using test::RawHttpRequest;
using test::RawHttpServer;

namespace {
const QString App = QStringLiteral("a1111111-1111-4111-8111-111111111111");
const QString Idx = QStringLiteral("i2222222-2222-4222-8222-222222222222");
const QString Ds = QStringLiteral("d3333333-3333-4333-8333-333333333333");
const QString SecretKey = QStringLiteral("sEcReT/Key+For=TheCacheTest0000000000000");
const QString SessionToken = QStringLiteral("SeSsIoNToKeN//ThatMustNeverBeStored==");

// ListDataSourceSyncJobs over a history the test edits. Cursors count from the oldest job, as the
// emulator's do, so new jobs on top never move a listing in progress.
class MutableService
{
public:
    QList<SyncJob> oldestFirst;
    int failRequest = 0; // answer this request (1-based, counted from now on) with a 500
    QList<QUrlQuery> requests;

    void setNewestFirst(const QList<SyncJob> &jobs)
    {
        oldestFirst = {jobs.crbegin(), jobs.crend()};
    }
    QList<SyncJob> newestFirst() const { return {oldestFirst.crbegin(), oldestFirst.crend()}; }
    SyncJob &newest(int i) { return oldestFirst[oldestFirst.size() - 1 - i]; }

    RawHttpReply handle(const RawHttpRequest &request)
    {
        const QUrlQuery q(QString::fromLatin1(request.query));
        requests.append(q);
        if (failRequest > 0 && --failRequest == 0)
            return RawHttpReply::awsError(500, "InternalServerException", "try later");
        const auto time = [&q](const char *name) {
            const QString v = q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
            return v.isEmpty() ? std::optional<qint64>()
                               : QDateTime::fromString(v, Qt::ISODateWithMs).toMSecsSinceEpoch();
        };
        const std::optional<qint64> from = time("startTime");
        const std::optional<qint64> to = time("endTime");
        const QString status = q.queryItemValue(QStringLiteral("syncStatus"), QUrl::FullyDecoded);
        const int pageSize = q.hasQueryItem(QStringLiteral("maxResults"))
            ? q.queryItemValue(QStringLiteral("maxResults")).toInt()
            : 10;
        qsizetype i = q.hasQueryItem(QStringLiteral("nextToken"))
            ? q.queryItemValue(QStringLiteral("nextToken"), QUrl::FullyDecoded).mid(4).toLongLong()
            : oldestFirst.size();
        QByteArray body = "{\"history\":[";
        int listed = 0;
        for (; i > 0; --i) {
            const SyncJob &j = oldestFirst.at(i - 1);
            const std::optional<qint64> start = j.startTime.isValid()
                ? std::optional<qint64>(j.startTime.toMSecsSinceEpoch())
                : std::nullopt;
            const bool inRange
                = (!from || (start && *start >= *from)) && (!to || !start || *start <= *to);
            if (!inRange || (!status.isEmpty() && j.status != status))
                continue;
            if (listed == pageSize)
                break;
            if (listed++ > 0)
                body += ',';
            body += QJsonDocument(qbusiness::jsoncodec::toJson(j)).toJson(QJsonDocument::Compact);
        }
        body += ']';
        if (i > 0)
            body += ",\"nextToken\":\"pos:" + QByteArray::number(i) + '"';
        body += '}';
        return RawHttpReply::json(200, body);
    }
};

struct Fixture
{
    QTemporaryDir dir;
    MutableService service;
    RawHttpServer server {[this](const RawHttpRequest &r) { return service.handle(r); }};
    aws::StaticCredentialsProvider credentials {[] {
        aws::Credentials c;
        c.accessKeyId = QStringLiteral("AKIDCACHETEST0000000");
        c.secretAccessKey = aws::SecretString(SecretKey);
        c.sessionToken = aws::SecretString(SessionToken);
        return c;
    }()};
    std::unique_ptr<qbusiness::Client> client;
    HistoryCache cache;
    QDateTime clock = QDateTime(QDate(2026, 12, 1), QTime(14, 2), QTimeZone::utc());

    bool start(int maxAttempts = 3)
    {
        if (!server.listen() || !cache.open({dir.path()}))
            return false;
        qbusiness::ClientConfig config;
        config.endpoint = QUrl::fromEncoded(server.url());
        config.region = QStringLiteral("us-east-1");
        config.maxAttempts = maxAttempts;
        client = std::make_unique<qbusiness::Client>(config, &credentials);
        client->setBackoff([](int) { return 0; });
        return true;
    }
    DataSourceKey key() const { return {cache::endpointIdentity(client->config()), App, Idx, Ds}; }
};

qbusiness::ListSyncJobsRequest dataSource()
{
    qbusiness::ListSyncJobsRequest r;
    r.applicationId = App;
    r.indexId = Idx;
    r.dataSourceId = Ds;
    return r;
}

// One refresh to its end, with what it reported.
struct Outcome
{
    qbusiness::AwsError error;
    int requests = 0; // as the service counted them
    int clientRequests = 0; // as the refresh counted them
    QList<SyncJob> added;
    QList<SyncJob> updated;
    QStringList keptLocally;
    bool overlap = false;
    bool current = false;
    bool budget = false;
    int rereads = 0;
    int finishedCount = 0;
};

Outcome refresh(Fixture &f, RefreshOptions options = {})
{
    Outcome out;
    const qsizetype before = f.service.requests.size();
    CacheRefresh r(&f.cache, f.client.get(), dataSource(), options);
    r.setClock([&f] { return f.clock; });
    QObject::connect(&r, &CacheRefresh::jobsAdded, &r,
                     [&out](const QList<SyncJob> &jobs) { out.added += jobs; });
    QObject::connect(&r, &CacheRefresh::jobsUpdated, &r,
                     [&out](const QList<SyncJob> &jobs) { out.updated += jobs; });
    QObject::connect(&r, &CacheRefresh::jobsKeptLocally, &r,
                     [&out](const QStringList &ids) { out.keptLocally += ids; });
    QSignalSpy finished(&r, &CacheRefresh::finished);
    r.start();
    if (!finished.wait(60000))
        qWarning("the refresh did not finish");
    QTest::qWait(0);
    out.finishedCount = int(finished.count());
    out.error = r.error();
    out.requests = int(f.service.requests.size() - before);
    out.clientRequests = r.requestCount();
    out.overlap = r.reachedOverlap();
    out.current = r.isCurrent();
    out.budget = r.stoppedByBudget();
    out.rereads = r.rereadCount();
    return out;
}

QStringList ids(const QList<SyncJob> &jobs)
{
    QStringList out;
    for (const SyncJob &j : jobs)
        out << j.executionId;
    return out;
}

// A new job on top of `jobs`, an hour after the newest.
SyncJob newJob(const QList<SyncJob> &newestFirst, int n, const QString &status)
{
    SyncJob j = newestFirst.constFirst();
    j.executionId = test::executionIdFor(99, n);
    j.startTime = newestFirst.constFirst().startTime.addSecs(3600);
    j.status = status;
    j.endTime = qbusiness::isFinalStatus(j.statusKind()) ? j.startTime.addSecs(600) : QDateTime();
    j.errorCode.clear();
    j.errorMessage.clear();
    j.dataSourceErrorCode.clear();
    return j;
}
} // namespace

class TestCacheRefresh : public QObject
{
    Q_OBJECT
private slots:
    void firstRefreshListsEverything();
    void nothingNewIsOneRequest_data();
    void nothingNewIsOneRequest();
    void threeNewJobsAreOneRequest();
    void manyNewJobsStopAtTheOverlap();
    void runningJobBelowTheOverlapIsReadAlone();
    void runningJobTheServiceDroppedIsKeptLocally();
    void droppedJobsAreKeptLocallyOnlyAfterAListingEnded();
    void probeWalksUpWhileEverythingIsGone();
    void interruptedRefreshIsReadAgainUntilItJoins();
    void anotherConnectionSeesWholeMergesOnly();
    void budgetStopsCleanly();
    void repeatedTokenIsBounded();
    void abortFinishesOnce();
    void storesNothingSecret();
    void readOnlyCacheIsNotRefreshed();
    void againstTheEmulator();
};

void TestCacheRefresh::firstRefreshListsEverything()
{
    Fixture f;
    QVERIFY(f.start());
    const QList<SyncJob> history = test::generateSyncHistory(45, 1);
    f.service.setNewestFirst(history);
    const Outcome o = refresh(f);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    QCOMPARE(o.finishedCount, 1);
    QCOMPARE(o.requests, 5);
    QCOMPARE(o.clientRequests, 5);
    QCOMPARE(o.added, history);
    QVERIFY(o.updated.isEmpty());
    QVERIFY(o.current);
    QCOMPARE(f.cache.jobs(f.key()), history);
    const SourceState state = f.cache.sourceState(f.key());
    QVERIFY(state.isComplete());
    QCOMPARE(state.refreshedAt, f.clock);
}

void TestCacheRefresh::nothingNewIsOneRequest_data()
{
    QTest::addColumn<bool>("newestRunning");
    QTest::newRow("newest job still running") << true;
    QTest::newRow("newest job finished") << false;
}

void TestCacheRefresh::nothingNewIsOneRequest()
{
    QFETCH(bool, newestRunning);
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(200, 2);
    if (!newestRunning) {
        history[0].status = QStringLiteral("SUCCEEDED");
        history[0].endTime = history[0].startTime.addSecs(300);
    }
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    // Nothing new; the running job moved on.
    if (newestRunning)
        f.service.newest(0).metrics.documentsScanned = 1500;
    Outcome o = refresh(f);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    QCOMPARE(o.requests, 1);
    QVERIFY(o.overlap);
    QVERIFY(o.added.isEmpty());
    QCOMPARE(o.updated, newestRunning ? QList<SyncJob> {f.service.newest(0)} : QList<SyncJob>());
    QCOMPARE(f.cache.jobs(f.key()), f.service.newestFirst());
    // Again: still one request.
    o = refresh(f);
    QCOMPARE(o.requests, 1);
    QVERIFY(o.updated.isEmpty());
}

void TestCacheRefresh::threeNewJobsAreOneRequest()
{
    Fixture f;
    QVERIFY(f.start());
    const QList<SyncJob> history = test::generateSyncHistory(200, 3);
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    // The running job finished; three more ran since, the newest still running.
    SyncJob &was = f.service.newest(0);
    was.status = QStringLiteral("SUCCEEDED");
    was.endTime = was.startTime.addSecs(400);
    QList<SyncJob> added;
    for (int n = 0; n < 3; ++n) {
        const SyncJob j = newJob(f.service.newestFirst(), n,
                                 n == 2 ? QStringLiteral("SYNCING") : QStringLiteral("FAILED"));
        f.service.oldestFirst.append(j);
        added.prepend(j);
    }
    const Outcome o = refresh(f);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    QCOMPARE(o.requests, 1);
    QCOMPARE(o.added, added); // newest first
    QCOMPARE(o.updated, QList<SyncJob> {f.service.newest(3)});
    QCOMPARE(f.cache.jobs(f.key()), f.service.newestFirst());
}

void TestCacheRefresh::manyNewJobsStopAtTheOverlap()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(100, 4);
    history[0].status = QStringLiteral("SUCCEEDED");
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    for (int n = 0; n < 25; ++n)
        f.service.oldestFirst.append(
            newJob(f.service.newestFirst(), n, QStringLiteral("SUCCEEDED")));
    const Outcome o = refresh(f);
    QVERIFY(!o.error.isError());
    // Pages of 10: 10 new, 10 new, 5 new and the overlap. No page asked for beyond it.
    QCOMPARE(o.requests, 3);
    QCOMPARE(o.added.size(), 25);
    QCOMPARE(f.cache.jobs(f.key()), f.service.newestFirst());
    QCOMPARE(f.cache.sourceState(f.key()).coverage.size(), 1);
}

void TestCacheRefresh::runningJobBelowTheOverlapIsReadAlone()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(120, 5);
    history[0].status = QStringLiteral("SUCCEEDED");
    // A job deep in the history was still stopping when the cache read it.
    history[47].status = QStringLiteral("STOPPING");
    history[47].endTime = {};
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    f.service.newest(47).status = QStringLiteral("ABORTED");
    f.service.newest(47).endTime = history[47].startTime.addSecs(30);
    const Outcome o = refresh(f);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    // The first page (overlap), then one listing narrowed to that job's start time.
    QCOMPARE(o.requests, 2);
    QCOMPARE(o.rereads, 1);
    const QUrlQuery narrowed = f.service.requests.constLast();
    const QString at
        = QString::fromLatin1(qbusiness::jsoncodec::queryTimestamp(history[47].startTime));
    QCOMPARE(narrowed.queryItemValue(QStringLiteral("startTime"), QUrl::FullyDecoded), at);
    QCOMPARE(narrowed.queryItemValue(QStringLiteral("endTime"), QUrl::FullyDecoded), at);
    QCOMPARE(o.updated, QList<SyncJob> {f.service.newest(47)});
    QCOMPARE(f.cache.jobs(f.key()), f.service.newestFirst());
    QCOMPARE(refresh(f).requests, 1); // final now: nothing to re-read
}

void TestCacheRefresh::runningJobTheServiceDroppedIsKeptLocally()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(60, 6);
    history[0].status = QStringLiteral("SUCCEEDED");
    history[55].status = QStringLiteral("SYNCING_INDEXING");
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    f.service.oldestFirst.remove(4); // newest(55): gone from the service
    const Outcome o = refresh(f);
    QVERIFY(!o.error.isError());
    QCOMPARE(o.requests, 2);
    // Its narrowed listing reached its end without it: the service no longer returns it.
    QCOMPARE(o.keptLocally, QStringList {history[55].executionId});
    QCOMPARE(refresh(f).requests, 1); // not re-read again
}

void TestCacheRefresh::droppedJobsAreKeptLocallyOnlyAfterAListingEnded()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(80, 7);
    history[0].status = QStringLiteral("SUCCEEDED");
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    f.service.oldestFirst.remove(0, 6); // retention: the 6 oldest are gone
    Outcome o = refresh(f);
    QCOMPARE(o.requests, 1);
    QVERIFY(o.keptLocally.isEmpty()); // the head of the listing proves nothing about its tail
    QVERIFY(f.cache.keptLocally(f.key()).isEmpty());

    // Complete, on a cache that holds everything: one listing of its 10 oldest jobs.
    RefreshOptions complete;
    complete.depth = RefreshOptions::Depth::Complete;
    o = refresh(f, complete);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    QCOMPARE(o.requests, 2);
    const QStringList gone = ids(history.mid(74));
    QCOMPARE(QSet<QString>(o.keptLocally.cbegin(), o.keptLocally.cend()),
             QSet<QString>(gone.cbegin(), gone.cend()));
    QCOMPARE(f.cache.jobs(f.key()), history); // kept
    JobQuery returned;
    returned.includeKeptLocally = false;
    QCOMPARE(f.cache.jobs(f.key(), returned), f.service.newestFirst());

    // One comes back (restored): a full listing says so.
    f.service.oldestFirst.prepend(history.constLast());
    RefreshOptions verify;
    verify.depth = RefreshOptions::Depth::Verify;
    o = refresh(f, verify);
    QVERIFY(!o.error.isError());
    QCOMPARE(o.requests, 8);
    QCOMPARE(o.updated, QList<SyncJob> {history.constLast()});
    QCOMPARE(f.cache.keptLocally(f.key()).size(), 5);
}

void TestCacheRefresh::probeWalksUpWhileEverythingIsGone()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(100, 8);
    history[0].status = QStringLiteral("SUCCEEDED");
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    f.service.oldestFirst.remove(0, 25);
    RefreshOptions complete;
    complete.depth = RefreshOptions::Depth::Complete;
    const Outcome o = refresh(f, complete);
    QVERIFY(!o.error.isError());
    // Head; the 10 oldest (all gone); the next 10 (all gone); the next 10 (5 gone, 5 listed).
    QCOMPARE(o.requests, 4);
    QCOMPARE(o.keptLocally.size(), 25);
    QCOMPARE(refresh(f, complete).requests, 2); // head, and one look at the oldest listed
}

void TestCacheRefresh::interruptedRefreshIsReadAgainUntilItJoins()
{
    Fixture f;
    QVERIFY(f.start(1));
    QList<SyncJob> history = test::generateSyncHistory(100, 9);
    history[0].status = QStringLiteral("SUCCEEDED");
    f.service.setNewestFirst(history);
    QVERIFY(!refresh(f).error.isError());
    for (int n = 0; n < 25; ++n)
        f.service.oldestFirst.append(
            newJob(f.service.newestFirst(), n, QStringLiteral("SUCCEEDED")));
    f.service.failRequest = 2;
    Outcome o = refresh(f);
    QCOMPARE(o.error.code, QStringLiteral("InternalServerException"));
    QCOMPARE(o.added.size(), 10); // the first page stays merged ...
    const QList<TimeRange> held = f.cache.sourceState(f.key()).coverage;
    QCOMPARE(held.size(), 1); // ... and claims nothing: no hole in what the cache holds
    QCOMPARE(held.constFirst().toMs, history.constFirst().startTime.toMSecsSinceEpoch());
    o = refresh(f);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
    // Read again from the top until it joins what the cache held: 10 held, 10 new, 5 new and
    // the overlap.
    QCOMPARE(o.requests, 3);
    QCOMPARE(o.added.size(), 15);
    QCOMPARE(f.cache.jobs(f.key()), f.service.newestFirst());
    const SourceState state = f.cache.sourceState(f.key());
    QCOMPARE(state.coverage.size(), 1);
    QVERIFY(state.isComplete());
}

// A refresh merges its pages a few at a time. Another connection reading the file meanwhile
// (what a crash at that moment would leave) only ever sees what whole merges committed: the jobs
// of the merges the refresh reported, never part of one, and a coverage that claims no job the
// cache does not hold.
void TestCacheRefresh::anotherConnectionSeesWholeMergesOnly()
{
    Fixture f;
    QVERIFY(f.start());
    constexpr int Jobs = 3000;
    const QList<SyncJob> history = test::generateSyncHistory(Jobs, 12);
    f.service.setNewestFirst(history);
    const DataSourceKey key = f.key();
    struct Seen
    {
        qint64 jobs = 0;
        QList<TimeRange> coverage;
    };
    QList<Seen> seen;
    QString readerError;
    std::atomic<bool> stop {false};
    std::unique_ptr<QThread> reader(QThread::create([&] {
        HistoryCache cache;
        if (!cache.open({f.dir.path()})) {
            readerError = cache.openReport().message;
            return;
        }
        while (!stop) {
            const SourceState s = cache.sourceState(key); // one read transaction
            if (!cache.errorString().isEmpty()) {
                readerError = cache.errorString();
                return;
            }
            if (s.known)
                seen.append({s.jobCount, s.coverage});
        }
    }));
    reader->start();
    RefreshOptions options;
    options.pagesPerCommit = 7;
    QList<qint64> committed {0};
    CacheRefresh r(&f.cache, f.client.get(), dataSource(), options);
    QObject::connect(&r, &CacheRefresh::jobsAdded, &r, [&committed](const QList<SyncJob> &jobs) {
        committed.append(committed.constLast() + jobs.size());
    });
    QSignalSpy finished(&r, &CacheRefresh::finished);
    r.start();
    QVERIFY(finished.wait(120000));
    stop = true;
    reader->wait();
    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QVERIFY2(!r.error().isError(), qPrintable(r.error().message));
    QCOMPARE(committed.constLast(), Jobs);
    QVERIFY(committed.size() > 30); // merged in many transactions, several pages each
    QVERIFY(committed.size() < Jobs / 10);
    QSet<qint64> between;
    for (const Seen &s : std::as_const(seen)) {
        QVERIFY2(committed.contains(s.jobs), qPrintable(QStringLiteral("%1 jobs").arg(s.jobs)));
        if (s.jobs > 0 && s.jobs < Jobs)
            between.insert(s.jobs);
        if (s.coverage.isEmpty())
            continue;
        QCOMPARE(s.coverage.size(), 1);
        const TimeRange held = s.coverage.constFirst();
        QCOMPARE(held.toMs, history.constFirst().startTime.toMSecsSinceEpoch());
        // The jobs held are the newest s.jobs of the history: the range claims none beyond them.
        const auto claimed = std::count_if(history.cbegin(), history.cend(), [&](const SyncJob &j) {
            return held.contains(j.startTime.toMSecsSinceEpoch());
        });
        QVERIFY2(claimed <= s.jobs,
                 qPrintable(QStringLiteral("%1 jobs held, %2 claimed").arg(s.jobs).arg(claimed)));
        if (!held.fromMs)
            QCOMPARE(s.jobs, Jobs); // the end: everything
    }
    QVERIFY2(between.size() >= 2, "the reader saw no refresh in progress");
}

void TestCacheRefresh::budgetStopsCleanly()
{
    Fixture f;
    QVERIFY(f.start());
    QList<SyncJob> history = test::generateSyncHistory(100, 10);
    history[0].status = QStringLiteral("SUCCEEDED");
    f.service.setNewestFirst(history);
    RefreshOptions first;
    first.maxRequests = 3;
    Outcome o = refresh(f, first);
    QVERIFY(!o.error.isError());
    QVERIFY(o.budget);
    QCOMPARE(o.requests, 3);
    QCOMPARE(f.cache.jobs(f.key()), history.mid(0, 30));
    QVERIFY(!f.cache.sourceState(f.key()).isComplete());
    // Incremental keeps to the top; Complete goes on from where the first one stopped.
    QCOMPARE(refresh(f).requests, 1);
    RefreshOptions complete;
    complete.depth = RefreshOptions::Depth::Complete;
    o = refresh(f, complete);
    QVERIFY(!o.error.isError());
    QCOMPARE(o.requests, 1 + 8); // head; jobs 29..99 (71 of them, the first again) in 8 pages
    QCOMPARE(o.added.size(), 70);
    QCOMPARE(f.cache.jobs(f.key()), history);
    QVERIFY(f.cache.sourceState(f.key()).isComplete());
}

void TestCacheRefresh::repeatedTokenIsBounded()
{
    Fixture f;
    QVERIFY(f.start());
    const QList<SyncJob> history = test::generateSyncHistory(40, 11);
    int calls = 0;
    f.server.setHandler([&](const RawHttpRequest &) {
        // Page 1 -> A, A -> B, B -> A: a loop.
        const QList<SyncJob> page = history.mid(10 * calls, 10);
        ++calls;
        QByteArray body = "{\"history\":[";
        for (int i = 0; i < page.size(); ++i) {
            body += (i ? "," : "")
                + QJsonDocument(qbusiness::jsoncodec::toJson(page.at(i)))
                      .toJson(QJsonDocument::Compact);
        }
        body += "],\"nextToken\":\"" + QByteArray(calls % 2 ? "A" : "B") + "\"}";
        return RawHttpReply::json(200, body);
    });
    const Outcome o = refresh(f);
    QCOMPARE(o.error.code, QStringLiteral("RepeatedNextToken"));
    QCOMPARE(calls, 3);
    QCOMPARE(f.cache.jobs(f.key()), history.mid(0, 30));
    QVERIFY(!f.cache.sourceState(f.key()).isComplete());
}

void TestCacheRefresh::abortFinishesOnce()
{
    Fixture f;
    QVERIFY(f.start());
    f.service.setNewestFirst(test::generateSyncHistory(500, 12));
    RefreshOptions pageByPage;
    pageByPage.pagesPerCommit = 1;
    CacheRefresh r(&f.cache, f.client.get(), dataSource(), pageByPage);
    QSignalSpy finished(&r, &CacheRefresh::finished);
    int pages = 0;
    connect(&r, &CacheRefresh::jobsAdded, &r, [&] {
        if (++pages == 3)
            r.abort();
    });
    r.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(r.error().kind, qbusiness::AwsError::Kind::Aborted);
    r.abort();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(f.cache.jobCount(f.key()), 30);
}

void TestCacheRefresh::storesNothingSecret()
{
    Fixture f;
    QVERIFY(f.start());
    f.service.setNewestFirst(test::generateSyncHistory(300, 13));
    QVERIFY(!refresh(f).error.isError());
    QByteArray bytes;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        QFile file(f.cache.filePath() + QLatin1String(suffix));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(bytes.size() > 10000);
    QVERIFY(bytes.contains(Ds.toLatin1())); // what is kept is there ...
    for (const QString &secret :
         {SecretKey, SessionToken, QStringLiteral("AKIDCACHETEST0000000")}) {
        QVERIFY(!bytes.contains(secret.toUtf8())); // ... credentials are not
        QVERIFY(!bytes.contains(secret.toUtf8().toBase64()));
    }
}

void TestCacheRefresh::readOnlyCacheIsNotRefreshed()
{
    Fixture f;
    QVERIFY(f.start());
    f.cache.close();
    CacheRefresh r(&f.cache, f.client.get(), dataSource());
    QSignalSpy finished(&r, &CacheRefresh::finished);
    r.start();
    QVERIFY(finished.wait());
    QCOMPARE(r.error().code, QStringLiteral("CacheError"));
    QCOMPARE(f.service.requests.size(), 0);
}

// The same against the emulator: its seeded running job, then three syncs started through the
// API and run to their end.
void TestCacheRefresh::againstTheEmulator()
{
    emulator::Options options;
    options.jobsPerDataSource = 300;
    options.syncDurationMs = 1000; // the emulator's shortest sync
    test::EmulatorThread service(options);
    QVERIFY(service.start());
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
    aws::StaticCredentialsProvider credentials(c);
    qbusiness::ClientConfig config;
    config.endpoint = service.url();
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, &credentials);
    // The first data source of the generated service.
    std::unique_ptr<qbusiness::ListApplicationsCall> apps(client.listApplications());
    apps->setAutoDelete(false);
    QSignalSpy appsDone(apps.get(), &qbusiness::Call::finished);
    apps->start();
    QVERIFY(appsDone.wait());
    qbusiness::ListSyncJobsRequest ds;
    ds.applicationId = apps->applications.constFirst().applicationId;
    std::unique_ptr<qbusiness::ListIndicesCall> indices(client.listIndices(ds.applicationId));
    indices->setAutoDelete(false);
    QSignalSpy indicesDone(indices.get(), &qbusiness::Call::finished);
    indices->start();
    QVERIFY(indicesDone.wait());
    ds.indexId = indices->indices.constFirst().indexId;
    std::unique_ptr<qbusiness::ListDataSourcesCall> sources(
        client.listDataSources(ds.applicationId, ds.indexId));
    sources->setAutoDelete(false);
    QSignalSpy sourcesDone(sources.get(), &qbusiness::Call::finished);
    sources->start();
    QVERIFY(sourcesDone.wait());
    ds.dataSourceId = sources->dataSources.constFirst().dataSourceId;

    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const auto run = [&] {
        CacheRefresh r(&cache, &client, ds);
        QSignalSpy finished(&r, &CacheRefresh::finished);
        r.start();
        finished.wait(60000);
        return std::make_pair(r.error(), r.requestCount());
    };
    auto [error, requests] = run();
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(requests, 30);
    std::tie(error, requests) = run();
    QCOMPARE(requests, 1); // nothing new, the newest still running (or just finished)
    // Three syncs, each started as soon as the one before has finished (409 until then).
    for (int n = 0, attempts = 0; n < 3 && attempts < 100; ++attempts) {
        std::unique_ptr<qbusiness::StartSyncCall> sync(
            client.startDataSourceSyncJob(ds.applicationId, ds.indexId, ds.dataSourceId));
        sync->setAutoDelete(false);
        QSignalSpy started(sync.get(), &qbusiness::Call::finished);
        sync->start();
        QVERIFY(started.wait());
        if (sync->error().httpStatus == 409) {
            QTest::qWait(100);
            continue;
        }
        QVERIFY2(!sync->error().isError(), qPrintable(sync->error().message));
        ++n;
    }
    std::tie(error, requests) = run();
    QVERIFY(!error.isError());
    QCOMPARE(requests, 1); // three new jobs
    QCOMPARE(cache.jobCount(DataSourceKey::of(config, ds)), 303);
}

QTEST_GUILESS_MAIN(TestCacheRefresh)
#include "tst_cacherefresh.moc"
