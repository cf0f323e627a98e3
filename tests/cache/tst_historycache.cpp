// The history cache's file, schema, storage and management on real files: WAL and busy timeout,
// every field of a job kept exactly, error texts stored once, coverage and "kept locally" only
// when a listing proves it, damaged, foreign and newer files, connections per thread, busy
// writers, prune, clear and export.
#include "cache/historycache.h"
#include "fleet/fleetrow.h"
#include "qbusiness/client.h"
#include "qbusiness/jsoncodec.h"
#include "synchistory.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <atomic>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;

namespace {
const QString App = QStringLiteral("a1111111-1111-4111-8111-111111111111");
const QString Idx = QStringLiteral("i2222222-2222-4222-8222-222222222222");
const QString Ds = QStringLiteral("d3333333-3333-4333-8333-333333333333");

DataSourceKey keyOf(const QString &dataSource = Ds,
                    const QString &endpoint = QStringLiteral("aws/us-east-1"))
{
    return {endpoint, App, Idx, dataSource};
}

// A page of a listing from the top (no startTime/endTime, no status filter).
PagePlacement fromTop(const QList<SyncJob> &firstPage, bool lastPage = false,
                      const QSet<QString> *listed = nullptr)
{
    PagePlacement p;
    p.newestListedMs = firstPage.constFirst().startTime.toMSecsSinceEpoch();
    p.lastPage = lastPage;
    p.listedIds = listed;
    p.listedAt = QDateTime(QDate(2027, 1, 1), QTime(0, 0), QTimeZone::utc());
    return p;
}

// Merges `jobs` as the pages of one listing from the top; true when every merge succeeded.
bool mergeListing(HistoryCache &cache, const DataSourceKey &key, const QList<SyncJob> &jobs,
                  int pageSize, bool reachesEnd)
{
    QSet<QString> listed;
    for (qsizetype i = 0; i < jobs.size(); i += pageSize) {
        const QList<SyncJob> page = jobs.mid(i, pageSize);
        for (const SyncJob &j : page)
            listed.insert(j.executionId);
        const bool last = reachesEnd && i + pageSize >= jobs.size();
        const MergeResult r = cache.mergePage(key, page, fromTop(jobs, last, &listed));
        if (!r.ok) {
            qWarning() << r.error;
            return false;
        }
    }
    return true;
}

// A connection of the test's own, to look at (or tamper with) the file as another program would.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql) const { return QSqlQuery(db()).exec(sql); }

private:
    QString m_name;
    static inline int s_count = 0;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

class TestHistoryCache : public QObject
{
    Q_OBJECT
private slots:
    void createsPrivateWalFile();
    void defaultDirectoryIsShared();
    void endpointIdentity_data();
    void endpointIdentity();
    void keepsEveryField_data();
    void keepsEveryField();
    void storesEachErrorTextOnce();
    void readsNewestFirstWithFilters();
    void reportsAddedUpdatedUnchanged();
    void recordsCoverageOfListings();
    void keptLocallyOnlyWhenAListingReachedItsEnd();
    void keysByEndpoint();
    void movesDamagedOrForeignFilesAside_data();
    void movesDamagedOrForeignFilesAside();
    void opensNewerSchemaReadOnly();
    void connectionsArePerThread();
    void twoThreadsWriteTheSameFile();
    void busyWriterGivesAClearError();
    void clearsAllOrOneDataSource();
    void prunesByAge();
    void prunesBySize();
    void exportsJsonLines();
    void storesResourceNames();
    void migratesFromSchema1();
    void migratesFromSchema2();
    void storesFleetRows();
    void failedMigrationLeavesTheFileAsItWas();
};

void TestHistoryCache::createsPrivateWalFile()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("nested/cache"));
    {
        HistoryCache cache;
        QVERIFY2(cache.open({folder, 1234}), qPrintable(cache.errorString()));
        QCOMPARE(cache.openReport().outcome, OpenReport::Outcome::Created);
        QCOMPARE(cache.filePath(), folder + QStringLiteral("/history.sqlite"));
        QVERIFY(!cache.isReadOnly());
        QVERIFY(cache
                    .mergePage(keyOf(), test::generateSyncHistory(5),
                               fromTop(test::generateSyncHistory(5)))
                    .ok);
    }
    const QString path = folder + QStringLiteral("/history.sqlite");
    // Private to its owner: no group or other bits.
    QCOMPARE(QFile::permissions(path) & 0x00ff, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path).testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    {
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 HistoryCache::SchemaVersion);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toInt(),
                 HistoryCache::ApplicationId);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA auto_vacuum")).toInt(), 2); // incremental
    }
    HistoryCache again;
    QVERIFY(again.open({folder, 1234}));
    QCOMPARE(again.openReport().outcome, OpenReport::Outcome::Opened);
    QCOMPARE(again.openReport().message, QString());
    QCOMPARE(again.jobCount(keyOf()), 5);
}

void TestHistoryCache::defaultDirectoryIsShared()
{
    // The window and syncdeck-cli have different application names, and one cache.
    const QString before = HistoryCache::defaultDirectory();
    const QString name = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-cli"));
    const QString cli = HistoryCache::defaultDirectory();
    QCoreApplication::setApplicationName(name);
    QCOMPARE(cli, before);
    QCOMPARE(before,
             QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                 + QStringLiteral("/SyncDeck"));
}

void TestHistoryCache::endpointIdentity_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("identity");
    QTest::newRow("standard") << "https://qbusiness.us-east-1.api.aws"
                              << "us-east-1"
                              << "aws/us-east-1";
    QTest::newRow("FIPS shares the region's history") << "https://qbusiness-fips.us-east-1.api.aws"
                                                      << "us-east-1"
                                                      << "aws/us-east-1";
    QTest::newRow("China") << "https://qbusiness.cn-north-1.api.amazonwebservices.com.cn"
                           << "cn-north-1"
                           << "aws-cn/cn-north-1";
    QTest::newRow("custom, normalized") << "HTTP://User:Secret@LocalHost:80/q/?x=1#f"
                                        << "us-east-1"
                                        << "http://localhost/q";
    QTest::newRow("custom port kept") << "http://127.0.0.1:4566"
                                      << "us-east-1"
                                      << "http://127.0.0.1:4566";
    QTest::newRow("another region's endpoint is custom") << "https://qbusiness.us-west-2.api.aws"
                                                         << "us-east-1"
                                                         << "https://qbusiness.us-west-2.api.aws";
}

void TestHistoryCache::endpointIdentity()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, region);
    QFETCH(QString, identity);
    qbusiness::ClientConfig config;
    config.endpoint = QUrl(endpoint);
    config.region = region;
    QCOMPARE(cache::endpointIdentity(config), identity);
    // Credentials never take part: the user info of a URL is dropped.
    QVERIFY(!cache::endpointIdentity(config).contains(QLatin1String("Secret")));
}

void TestHistoryCache::keepsEveryField_data()
{
    QTest::addColumn<SyncJob>("job");
    const QDateTime t(QDate(2026, 5, 1), QTime(12, 0, 0, 123), QTimeZone::utc());
    SyncJob full;
    full.executionId = QStringLiteral("0c3b5f34-8b6e-4f0e-9d2a-1f2e3d4c5b6a");
    full.startTime = t;
    full.endTime = t.addSecs(600);
    full.status = QStringLiteral("FAILED");
    full.errorCode = QStringLiteral("InternalError");
    full.errorMessage = QStringLiteral("<b>bold</b> & \"quoted\" – ünïcödé ✓");
    full.dataSourceErrorCode = QStringLiteral("SOURCE_UNREACHABLE");
    full.metrics = {1, 2, 3, 4, 9007199254740993};
    QTest::newRow("every field") << full;
    SyncJob bare;
    bare.executionId = QStringLiteral("0c3b5f34-8b6e-4f0e-9d2a-000000000001");
    bare.status = QStringLiteral("SYNCING");
    QTest::newRow("no times, no metrics") << bare;
    SyncJob upper = full;
    upper.executionId = QStringLiteral("0C3B5F34-8B6E-4F0E-9D2A-1F2E3D4C5B6A");
    QTest::newRow("uppercase UUID kept as written") << upper;
    SyncJob odd = full;
    odd.executionId = QStringLiteral("run-42");
    odd.status = QStringLiteral("QUEUED_FOR_LATER");
    odd.metrics = {std::nullopt, 0, std::nullopt, 0, std::nullopt};
    QTest::newRow("other id, unknown status, some metrics") << odd;
    SyncJob longText = full;
    longText.errorMessage = QString(2048, QLatin1Char('x'));
    QTest::newRow("longest error message") << longText;
}

void TestHistoryCache::keepsEveryField()
{
    QFETCH(SyncJob, job);
    QTemporaryDir dir;
    {
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        PagePlacement p;
        p.recordsCoverage = false;
        const MergeResult r = cache.mergePage(keyOf(), {job}, p);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.added, QList<SyncJob> {job});
    }
    HistoryCache reopened;
    QVERIFY(reopened.open({dir.path()}));
    const QList<SyncJob> read = reopened.jobs(keyOf());
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.constFirst(), job);
    if (job.startTime.isValid())
        QCOMPARE(read.constFirst().startTime.timeSpec(), Qt::UTC); // as the JSON codec reads it
    QCOMPARE(reopened.job(keyOf(), job.executionId), std::optional<SyncJob>(job));
    QCOMPARE(reopened.job(keyOf(), QStringLiteral("missing")), std::optional<SyncJob>());
}

void TestHistoryCache::storesEachErrorTextOnce()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    QList<SyncJob> jobs = test::generateSyncHistory(3000, 7);
    for (int i = 0; i < jobs.size(); ++i) {
        jobs[i].errorCode = QStringLiteral("InternalError");
        jobs[i].errorMessage = QStringLiteral("message %1").arg(i % 3);
    }
    QVERIFY(mergeListing(cache, keyOf(), jobs, 10, true));
    // Two data sources with the same texts share them too.
    QVERIFY(mergeListing(cache, keyOf(QStringLiteral("d4444444-4444-4444-8444-444444444444")),
                         jobs.mid(0, 50), 10, true));
    const CacheInfo info = cache.info();
    QCOMPARE(info.jobCount, 3050);
    QCOMPARE(info.textCount, 3 + 2); // 3 messages, InternalError, SOURCE_UNREACHABLE
    QCOMPARE(cache.jobs(keyOf()), jobs);
}

void TestHistoryCache::readsNewestFirstWithFilters()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    QList<SyncJob> jobs = test::generateSyncHistory(300, 3);
    SyncJob timeless = jobs.last();
    timeless.executionId = QStringLiteral("ffffffff-0000-4000-8000-000000000000");
    timeless.startTime = {};
    jobs.append(timeless); // the service lists jobs without a start time last
    QVERIFY(mergeListing(cache, keyOf(), jobs, 10, true));
    QCOMPARE(cache.jobs(keyOf()), jobs);

    const auto expected
        = [&jobs](const QString &status, std::optional<qint64> from, std::optional<qint64> to) {
              QList<SyncJob> out;
              for (const SyncJob &j : jobs) {
                  const TimeRange r {from, to};
                  if ((status.isEmpty() || j.status == status)
                      && r.contains(j.startTime.isValid()
                                        ? std::optional<qint64>(j.startTime.toMSecsSinceEpoch())
                                        : std::nullopt))
                      out.append(j);
              }
              return out;
          };
    const qint64 mid = jobs.at(150).startTime.toMSecsSinceEpoch();
    const qint64 high = jobs.at(40).startTime.toMSecsSinceEpoch();
    JobQuery q;
    q.statusFilter = QStringLiteral("FAILED");
    QCOMPARE(cache.jobs(keyOf(), q), expected(q.statusFilter, {}, {}));
    QVERIFY(!expected(q.statusFilter, {}, {}).isEmpty());
    q = {};
    q.range = {mid, high};
    QCOMPARE(cache.jobs(keyOf(), q), expected({}, mid, high));
    QCOMPARE(cache.jobCount(keyOf(), q), 111);
    q.range = {std::nullopt, mid};
    QCOMPARE(cache.jobs(keyOf(), q), expected({}, {}, mid));
    QCOMPARE(cache.jobs(keyOf(), q).constLast(), timeless);
    q.range = {mid, std::nullopt};
    QCOMPARE(cache.jobs(keyOf(), q), expected({}, mid, {}));
    q = {};
    q.offset = 20;
    q.limit = 15;
    QCOMPARE(cache.jobs(keyOf(), q), jobs.mid(20, 15));
    q = {};
    q.statusFilter = QStringLiteral("NEVER_SEEN");
    QCOMPARE(cache.jobs(keyOf(), q), QList<SyncJob>());
    QCOMPARE(cache.jobs(keyOf(QStringLiteral("unknown"))), QList<SyncJob>());
    QCOMPARE(cache.errorString(), QString());
}

void TestHistoryCache::reportsAddedUpdatedUnchanged()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    QList<SyncJob> page = test::generateSyncHistory(10, 5);
    QCOMPARE(page.constFirst().status, QStringLiteral("SYNCING"));
    MergeResult r = cache.mergePage(keyOf(), page, fromTop(page));
    QCOMPARE(r.added, page);
    QVERIFY(r.updated.isEmpty());
    r = cache.mergePage(keyOf(), page, fromTop(page));
    QVERIFY(r.ok);
    QVERIFY(r.added.isEmpty());
    QVERIFY(r.updated.isEmpty());
    page[0].status = QStringLiteral("SUCCEEDED");
    page[0].endTime = page[0].startTime.addSecs(90);
    page[0].metrics.documentsScanned = 1234;
    r = cache.mergePage(keyOf(), page, fromTop(page));
    QVERIFY(r.added.isEmpty());
    QCOMPARE(r.updated, QList<SyncJob> {page[0]});
    QCOMPARE(cache.jobs(keyOf()), page);
    QCOMPARE(cache.runningJobs(keyOf()), QList<SyncJob>());
}

void TestHistoryCache::recordsCoverageOfListings()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> jobs = test::generateSyncHistory(40, 9);
    const auto ms = [&jobs](int i) { return jobs.at(i).startTime.toMSecsSinceEpoch(); };
    // Two pages of a listing from the top that did not reach its end: held down to just above
    // the oldest job of the second page (the third page may hold more jobs of that millisecond).
    QVERIFY(mergeListing(cache, keyOf(), jobs.mid(0, 20), 10, false));
    QCOMPARE(cache.sourceState(keyOf()).coverage, (QList<TimeRange> {{ms(19) + 1, ms(0)}}));
    QVERIFY(!cache.sourceState(keyOf()).isComplete());
    // A status-filtered page keeps its jobs and claims nothing.
    PagePlacement filtered = fromTop(jobs, true);
    filtered.statusFilter = QStringLiteral("SUCCEEDED");
    QVERIFY(cache.mergePage(keyOf(), jobs.mid(30, 5), filtered).ok);
    QCOMPARE(cache.sourceState(keyOf()).coverage, (QList<TimeRange> {{ms(19) + 1, ms(0)}}));
    // A listing bounded above (endTime) that reached its end holds everything up to its end.
    PagePlacement below;
    below.requested.toMs = ms(19);
    below.lastPage = true;
    QVERIFY(cache.mergePage(keyOf(), jobs.mid(19), below).ok);
    const SourceState state = cache.sourceState(keyOf());
    QCOMPARE(state.coverage, (QList<TimeRange> {{std::nullopt, ms(0)}}));
    QCOMPARE(state.jobCount, 40);
    QCOMPARE(state.newestStart, jobs.constFirst().startTime);
    QCOMPARE(state.oldestStart, jobs.constLast().startTime);
    // A page with a job the cache cannot key (no executionId) claims nothing either.
    QList<SyncJob> withoutId = test::generateSyncHistory(3, 11);
    withoutId[1].executionId.clear();
    const MergeResult r
        = cache.mergePage(keyOf(QStringLiteral("other")), withoutId, fromTop(withoutId, true));
    QVERIFY(r.ok);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.added.size(), 2);
    QVERIFY(cache.sourceState(keyOf(QStringLiteral("other"))).coverage.isEmpty());
    // "as of"
    const QDateTime at(QDate(2026, 12, 1), QTime(14, 2), QTimeZone::utc());
    QVERIFY(cache.setRefreshed(keyOf(), at));
    QCOMPARE(cache.sourceState(keyOf()).refreshedAt, at);
}

void TestHistoryCache::keptLocallyOnlyWhenAListingReachedItsEnd()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> all = test::generateSyncHistory(30, 4);
    QVERIFY(mergeListing(cache, keyOf(), all, 10, true));
    // The service dropped the 8 oldest. A listing that stops early proves nothing.
    const QList<SyncJob> kept = all.mid(0, 22);
    QVERIFY(mergeListing(cache, keyOf(), kept, 10, false));
    QVERIFY(cache.keptLocally(keyOf()).isEmpty());
    // One that reached its end does.
    QSet<QString> listed;
    for (const SyncJob &j : kept)
        listed.insert(j.executionId);
    MergeResult r = cache.mergePage(keyOf(), kept.mid(20), fromTop(kept, true, &listed));
    QVERIFY(r.ok);
    QStringList gone;
    for (const SyncJob &j : all.mid(22))
        gone << j.executionId;
    std::sort(r.keptLocally.begin(), r.keptLocally.end());
    std::sort(gone.begin(), gone.end());
    QCOMPARE(r.keptLocally, gone);
    QCOMPARE(cache.keptLocally(keyOf()), QSet<QString>(gone.cbegin(), gone.cend()));
    QCOMPARE(cache.jobs(keyOf()), all); // still there
    JobQuery returned;
    returned.includeKeptLocally = false;
    QCOMPARE(cache.jobs(keyOf(), returned), kept);
    QCOMPARE(cache.sourceState(keyOf()).keptLocallyCount, 8);
    // A listing bounded to another range says nothing about these.
    PagePlacement window;
    window.requested
        = {all.at(5).startTime.toMSecsSinceEpoch(), all.at(0).startTime.toMSecsSinceEpoch()};
    window.lastPage = true;
    const QSet<QString> none;
    window.listedIds = &none;
    QVERIFY(cache.mergePage(keyOf(), {}, window).ok);
    QCOMPARE(cache.sourceState(keyOf()).keptLocallyCount, 8 + 6);
    // A job listed again is returned by the service again: no longer "kept locally".
    r = cache.mergePage(keyOf(), {all.at(25), all.at(3)}, fromTop(all));
    QCOMPARE(r.updated, (QList<SyncJob> {all.at(25), all.at(3)}));
    QVERIFY(!cache.keptLocally(keyOf()).contains(all.at(25).executionId));
    QVERIFY(!cache.keptLocally(keyOf()).contains(all.at(3).executionId));
}

void TestHistoryCache::keysByEndpoint()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> a = test::generateSyncHistory(5, 1);
    const QList<SyncJob> b = test::generateSyncHistory(7, 2);
    const DataSourceKey east = keyOf(Ds, QStringLiteral("aws/us-east-1"));
    const DataSourceKey local = keyOf(Ds, QStringLiteral("http://127.0.0.1:4566"));
    QVERIFY(mergeListing(cache, east, a, 10, true));
    QVERIFY(mergeListing(cache, local, b, 10, true));
    QCOMPARE(cache.jobs(east), a);
    QCOMPARE(cache.jobs(local), b);
    QCOMPARE(cache.sources(), (QList<DataSourceKey> {east, local}));
}

void TestHistoryCache::movesDamagedOrForeignFilesAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text file") << "text"
                               << "damaged";
    QTest::newRow("truncated cache") << "truncated"
                                     << "damaged";
    QTest::newRow("overwritten pages") << "overwritten"
                                       << "damaged";
    QTest::newRow("another program's SQLite database") << "foreign"
                                                       << "not a SyncDeck cache";
}

void TestHistoryCache::movesDamagedOrForeignFilesAside()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(HistoryCache::fileName());
    {
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        QVERIFY(mergeListing(cache, keyOf(), test::generateSyncHistory(2000, 1), 10, true));
        QVERIFY(cache.prune({}, QDateTime::currentDateTimeUtc()).ok); // checkpoint into the file
    }
    QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 64 * 1024);
    if (kind == QLatin1String("text")) {
        bytes = "these are not the droids you are looking for\n";
    } else if (kind == QLatin1String("truncated")) {
        bytes.truncate(bytes.size() / 3 + 100);
    } else if (kind == QLatin1String("overwritten")) {
        for (qsizetype i = 8192; i < bytes.size() - 4096; i += 3)
            bytes[i] = char(0xa5 ^ (i & 0xff));
    } else {
        QFile::remove(path);
        RawDb raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE mail (id INTEGER PRIMARY KEY, body TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO mail (body) VALUES ('hello')")));
    }
    if (kind != QLatin1String("foreign")) {
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        QVERIFY(writeFile(path, bytes));
    }
    const QByteArray before = readAll(path);

    HistoryCache cache;
    QVERIFY2(cache.open({dir.path()}), qPrintable(cache.errorString()));
    const OpenReport &report = cache.openReport();
    QCOMPARE(report.outcome, OpenReport::Outcome::Rebuilt);
    QVERIFY2(report.message.contains(reason), qPrintable(report.message));
    QVERIFY(report.message.contains(QLatin1String("moved to")));
    QVERIFY(report.movedAsideTo.startsWith(path + QStringLiteral(".broken-")));
    QCOMPARE(readAll(report.movedAsideTo), before); // nothing lost: the old file as it was
    // A working, empty cache.
    QCOMPARE(cache.jobCount(keyOf()), 0);
    QVERIFY(mergeListing(cache, keyOf(), test::generateSyncHistory(20, 2), 10, true));
    QCOMPARE(cache.jobCount(keyOf()), 20);
    QVERIFY(cache.checkIntegrity());
}

void TestHistoryCache::opensNewerSchemaReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(HistoryCache::fileName());
    const QList<SyncJob> jobs = test::generateSyncHistory(30, 1);
    {
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        QVERIFY(mergeListing(cache, keyOf(), jobs, 10, true));
    }
    {
        // What a newer SyncDeck would have done: a higher version, an added table.
        RawDb raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE fleet_health (id INTEGER PRIMARY KEY)")));
        QVERIFY(raw.exec(
            QStringLiteral("PRAGMA user_version = %1").arg(HistoryCache::SchemaVersion + 1)));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = readAll(path);
    {
        HistoryCache cache;
        QVERIFY(cache.open({dir.path()}));
        QVERIFY(cache.isReadOnly());
        QCOMPARE(cache.openReport().outcome, OpenReport::Outcome::ReadOnly);
        QCOMPARE(cache.openReport().fileSchemaVersion, HistoryCache::SchemaVersion + 1);
        QVERIFY2(cache.openReport().message.contains(QLatin1String("newer SyncDeck")),
                 qPrintable(cache.openReport().message));
        QVERIFY(cache.openReport().message.contains(QLatin1String("read only")));
        QCOMPARE(cache.jobs(keyOf()), jobs);
        const MergeResult r = cache.mergePage(keyOf(), jobs.mid(0, 3), fromTop(jobs));
        QVERIFY(!r.ok);
        QCOMPARE(r.error, cache.openReport().message);
        QVERIFY(!cache.clearAll());
        QVERIFY(!cache.prune({1, 1}, QDateTime::currentDateTimeUtc()).ok);
    }
    QCOMPARE(readAll(path), before);
}

void TestHistoryCache::connectionsArePerThread()
{
    QTemporaryDir dir;
    const QList<SyncJob> jobs = test::generateSyncHistory(20, 1);
    HistoryCache first;
    HistoryCache second; // the same thread, the same file: two connections of their own
    QVERIFY(first.open({dir.path()}));
    QVERIFY(second.open({dir.path()}));
    QVERIFY(mergeListing(first, keyOf(), jobs, 10, true));
    QCOMPARE(second.jobs(keyOf()), jobs);
    first.close();
    QCOMPARE(second.jobs(keyOf()), jobs);
    QCOMPARE(first.jobs(keyOf()), QList<SyncJob>());
    QVERIFY(first.errorString().contains(QLatin1String("not open")));

    // From another thread: a clear error, no crash, no use of the connection.
    QString error;
    qint64 count = -1;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        count = second.jobCount(keyOf());
        error = second.errorString();
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QCOMPARE(count, 0);
    QVERIFY2(error.contains(QLatin1String("one HistoryCache per thread")), qPrintable(error));
    QCOMPARE(second.jobs(keyOf()), jobs);
}

void TestHistoryCache::twoThreadsWriteTheSameFile()
{
    QTemporaryDir dir;
    const QList<SyncJob> a = test::generateSyncHistory(600, 21);
    const QList<SyncJob> b = test::generateSyncHistory(600, 22);
    std::atomic<int> failures {0};
    const auto writer = [&](const DataSourceKey &key, const QList<SyncJob> &jobs) {
        HistoryCache cache;
        if (!cache.open({dir.path()}) || !mergeListing(cache, key, jobs, 10, true))
            ++failures;
        if (cache.jobs(key) != jobs)
            ++failures;
    };
    std::unique_ptr<QThread> t1(QThread::create(writer, keyOf(QStringLiteral("A")), a));
    std::unique_ptr<QThread> t2(QThread::create(writer, keyOf(QStringLiteral("B")), b));
    t1->start();
    t2->start();
    QVERIFY(t1->wait(120000));
    QVERIFY(t2->wait(120000));
    QCOMPARE(failures.load(), 0);
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    QCOMPARE(cache.jobs(keyOf(QStringLiteral("A"))), a);
    QCOMPARE(cache.jobs(keyOf(QStringLiteral("B"))), b);
    QVERIFY(cache.checkIntegrity());
}

void TestHistoryCache::busyWriterGivesAClearError()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path(), 200}));
    const QList<SyncJob> jobs = test::generateSyncHistory(10, 1);
    {
        // Another program holds the write lock for longer than the busy timeout.
        RawDb other(cache.filePath());
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const MergeResult r = cache.mergePage(keyOf(), jobs, fromTop(jobs));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("busy")), qPrintable(r.error));
        QVERIFY(r.error.contains(QLatin1String("try again")));
        // Readers are never blocked by a writer.
        QCOMPARE(cache.jobCount(keyOf()), 0);
        QCOMPARE(cache.errorString(), QString());
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    }
    QVERIFY(cache.mergePage(keyOf(), jobs, fromTop(jobs)).ok);
    QCOMPARE(cache.jobs(keyOf()), jobs);
}

void TestHistoryCache::clearsAllOrOneDataSource()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const DataSourceKey a = keyOf(QStringLiteral("A"));
    const DataSourceKey b = keyOf(QStringLiteral("B"));
    QVERIFY(mergeListing(cache, a, test::generateSyncHistory(3000, 1), 10, true));
    QList<SyncJob> other = test::generateSyncHistory(40, 2);
    other[5].errorMessage = QStringLiteral("only in B");
    QVERIFY(mergeListing(cache, b, other, 10, true));
    const qint64 full = cache.info().fileBytes;
    QVERIFY(cache.clearDataSource(a));
    QCOMPARE(cache.jobCount(a), 0);
    QVERIFY(!cache.sourceState(a).known);
    QCOMPARE(cache.jobs(b), other);
    QCOMPARE(cache.sources(), QList<DataSourceKey> {b});
    QVERIFY(cache.info().fileBytes < full / 2);
    QVERIFY(cache.clearAll());
    QCOMPARE(cache.info().jobCount, 0);
    QCOMPARE(cache.info().textCount, 0);
    QVERIFY(cache.sources().isEmpty());
    QVERIFY(cache.checkIntegrity());
    QVERIFY(mergeListing(cache, b, other, 10, true));
    QCOMPARE(cache.jobs(b), other);
}

void TestHistoryCache::prunesByAge()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> jobs = test::generateSyncHistory(24 * 20, 1); // hourly, 20 days
    QVERIFY(mergeListing(cache, keyOf(), jobs, 10, true));
    const QDateTime now = jobs.constFirst().startTime.addSecs(3600);
    const PruneResult r = cache.prune({0, 7}, now);
    QVERIFY2(r.ok, qPrintable(r.error));
    const qint64 cutoff = now.addDays(-7).toMSecsSinceEpoch();
    QList<SyncJob> younger;
    for (const SyncJob &j : jobs) {
        if (j.startTime.toMSecsSinceEpoch() >= cutoff)
            younger.append(j);
    }
    QCOMPARE(r.jobsRemoved, jobs.size() - younger.size());
    QCOMPARE(cache.jobs(keyOf()), younger);
    // What was complete is now held from the cutoff on, no longer from the beginning.
    const SourceState state = cache.sourceState(keyOf());
    QCOMPARE(state.coverage,
             (QList<TimeRange> {{cutoff, jobs.constFirst().startTime.toMSecsSinceEpoch()}}));
}

void TestHistoryCache::prunesBySize()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> jobs = test::generateSyncHistory(8000, 1);
    QVERIFY(mergeListing(cache, keyOf(), jobs, 10, true));
    const qint64 used = cache.info().usedBytes;
    const qint64 limit = used / 2;
    const PruneResult r = cache.prune({limit, 0}, QDateTime::currentDateTimeUtc());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.bytesAfter <= limit);
    QVERIFY(r.bytesAfter >= limit / 3); // the oldest went, not everything
    const QList<SyncJob> left = cache.jobs(keyOf());
    QCOMPARE(r.jobsRemoved, jobs.size() - left.size());
    QCOMPARE(left, jobs.mid(0, left.size())); // newest kept
    QVERIFY(QFileInfo(cache.filePath()).size() <= limit + 64 * 1024);
    QVERIFY(cache.checkIntegrity());
}

void TestHistoryCache::exportsJsonLines()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QList<SyncJob> a = test::generateSyncHistory(30, 1);
    const QList<SyncJob> b = test::generateSyncHistory(12, 2);
    QVERIFY(mergeListing(cache, keyOf(QStringLiteral("A")), a, 10, true));
    QVERIFY(mergeListing(cache, keyOf(QStringLiteral("B")), b, 10, true));
    QSet<QString> listed;
    for (const SyncJob &j : b.mid(0, 10))
        listed.insert(j.executionId);
    QVERIFY(
        cache.mergePage(keyOf(QStringLiteral("B")), b.mid(0, 10), fromTop(b, true, &listed)).ok);

    QBuffer all;
    all.open(QIODevice::WriteOnly);
    QCOMPARE(cache.exportJsonLines(&all), 42);
    const QList<QByteArray> lines = all.data().split('\n');
    QCOMPARE(lines.size(), 43);
    QVERIFY(lines.constLast().isEmpty());
    const QJsonObject first = QJsonDocument::fromJson(lines.constFirst()).object();
    QCOMPARE(first.value(QLatin1String("endpoint")).toString(), QStringLiteral("aws/us-east-1"));
    QCOMPARE(first.value(QLatin1String("dataSourceId")).toString(), QStringLiteral("A"));
    QCOMPARE(first.value(QLatin1String("job")).toObject(),
             qbusiness::jsoncodec::toJson(a.constFirst()));
    QCOMPARE(first.value(QLatin1String("keptLocally")).toBool(), false);
    const QJsonObject last = QJsonDocument::fromJson(lines.at(41)).object();
    QCOMPARE(last.value(QLatin1String("dataSourceId")).toString(), QStringLiteral("B"));
    QCOMPARE(last.value(QLatin1String("keptLocally")).toBool(), true);

    QBuffer one;
    one.open(QIODevice::WriteOnly);
    QCOMPARE(cache.exportJsonLines(&one, keyOf(QStringLiteral("B"))), 12);
}

void TestHistoryCache::storesResourceNames()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QDateTime t1(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc());
    const QDateTime t2 = t1.addSecs(3600);
    const QString east = QStringLiteral("aws/us-east-1");
    const QList<qbusiness::Application> apps {
        {QStringLiteral("b-app"), QStringLiteral("Support <b>bot</b>"), QStringLiteral("ACTIVE"),
         QStringLiteral("AWS_IAM_IDC"), t1, t2},
        {QStringLiteral("a-app"), QStringLiteral("HR"), QStringLiteral("CREATING"), {}, {}, {}},
    };
    QVERIFY2(cache.storeApplications(east, apps, t1), qPrintable(cache.errorString()));
    QDateTime listedAt;
    const QList<qbusiness::Application> read = cache.applications(east, &listedAt);
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).applicationId, QStringLiteral("b-app")); // the service's order
    QCOMPARE(read.at(0).displayName, apps.at(0).displayName);
    QCOMPARE(read.at(0).identityType, apps.at(0).identityType);
    QCOMPARE(read.at(0).createdAt, t1);
    QCOMPARE(read.at(1).status, QStringLiteral("CREATING"));
    QVERIFY(!read.at(1).createdAt.isValid());
    QCOMPARE(listedAt, t1);
    // A new complete listing replaces the old one.
    QVERIFY(cache.storeApplications(east, {apps.at(1)}, t2));
    QCOMPARE(cache.applications(east, &listedAt).size(), 1);
    QCOMPARE(listedAt, t2);
    QVERIFY(cache.applications(QStringLiteral("http://127.0.0.1:1")).isEmpty());

    const QList<qbusiness::Index> indices {
        {QStringLiteral("idx-1"), QStringLiteral("Main"), QStringLiteral("ACTIVE"), t1, t1}};
    QVERIFY(cache.storeIndices(east, QStringLiteral("a-app"), indices, t1));
    QCOMPARE(cache.indices(east, QStringLiteral("a-app")).constFirst().displayName,
             QStringLiteral("Main"));
    QVERIFY(cache.indices(east, QStringLiteral("b-app")).isEmpty());
    const QList<qbusiness::DataSource> sources {{QStringLiteral("ds-2"), QStringLiteral("Wiki"),
                                                 QStringLiteral("CONFLUENCE"),
                                                 QStringLiteral("ACTIVE"), t1, t2},
                                                {QStringLiteral("ds-1"),
                                                 QStringLiteral("Bucket"),
                                                 QStringLiteral("S3"),
                                                 QStringLiteral("FAILED"),
                                                 {},
                                                 {}}};
    QVERIFY(cache.storeDataSources(east, QStringLiteral("a-app"), QStringLiteral("idx-1"), sources,
                                   t2));
    const QList<qbusiness::DataSource> readSources
        = cache.dataSources(east, QStringLiteral("a-app"), QStringLiteral("idx-1"), &listedAt);
    QCOMPARE(readSources.size(), 2);
    QCOMPARE(readSources.at(0).type, QStringLiteral("CONFLUENCE"));
    QCOMPARE(readSources.at(1).dataSourceId, QStringLiteral("ds-1"));
    QCOMPARE(listedAt, t2);
    QVERIFY(cache.clearAll());
    QVERIFY(cache.applications(east).isEmpty());
    QVERIFY(cache.dataSources(east, QStringLiteral("a-app"), QStringLiteral("idx-1")).isEmpty());
}

// A cache written by the first schema (tests/cache/data/history-v1.sqlite, made by
// `cachewriter --fixture` at schema 1) opens with everything in it, migrated to this schema.
void TestHistoryCache::migratesFromSchema1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(HistoryCache::fileName());
    QVERIFY(QFile::copy(QStringLiteral(SYNCDECK_CACHE_TEST_DATA "/history-v1.sqlite"), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    HistoryCache cache;
    QVERIFY2(cache.open({dir.path()}), qPrintable(cache.errorString()));
    QCOMPARE(cache.openReport().outcome, OpenReport::Outcome::Opened);
    QCOMPARE(cache.openReport().fileSchemaVersion, 1);
    QCOMPARE(cache.info().schemaVersion, HistoryCache::SchemaVersion);

    const auto fixtureKey = [](const char *ds) {
        return DataSourceKey {QStringLiteral("http://127.0.0.1:4566"), App, Idx,
                              QString::fromLatin1(ds)};
    };
    const DataSourceKey a = fixtureKey("d3333333-3333-4333-8333-333333333333");
    const DataSourceKey b = fixtureKey("d4444444-4444-4444-8444-444444444444");
    QCOMPARE(cache.sources(), (QList<DataSourceKey> {a, b}));
    // What cachewriter --fixture wrote, field by field.
    QList<SyncJob> expected = test::generateSyncHistory(25, 1);
    expected[3].status = QStringLiteral("QUEUED_FOR_LATER");
    for (const int i : {6, 7}) {
        expected[i].status = QStringLiteral("FAILED");
        expected[i].errorCode = QStringLiteral("InternalError");
        expected[i].errorMessage = QStringLiteral("The connector could not reach the data source.");
        expected[i].dataSourceErrorCode = QStringLiteral("SOURCE_UNREACHABLE");
    }
    expected[4].startTime = {};
    expected[4].endTime = {};
    expected.move(4, expected.size() - 1);
    QCOMPARE(cache.jobs(a), expected);
    const SourceState stateA = cache.sourceState(a);
    QVERIFY(stateA.isComplete());
    QCOMPARE(stateA.refreshedAt, QDateTime(QDate(2026, 11, 28), QTime(9, 30), QTimeZone::utc()));
    const QList<SyncJob> other = test::generateSyncHistory(12, 2);
    QCOMPARE(cache.jobs(b), other);
    QCOMPARE(cache.keptLocally(b), QSet<QString> {other.constLast().executionId});
    QCOMPARE(cache.info().textCount, 4);

    // The new schema's tables work, and so does the old data.
    qbusiness::Application hr;
    hr.applicationId = App;
    hr.displayName = QStringLiteral("HR");
    QVERIFY(cache.storeApplications(a.endpoint, {hr}, QDateTime::currentDateTimeUtc()));
    QCOMPARE(cache.applications(a.endpoint).constFirst().displayName, QStringLiteral("HR"));
    QList<SyncJob> newer = test::generateSyncHistory(30, 1).mid(0, 5);
    QVERIFY(cache.mergePage(a, newer, fromTop(newer)).ok);
    QVERIFY(cache.checkIntegrity());
}

namespace {
// A fleet row with every kind of member set: a failing source with errors, runs and a schedule.
fleet::FleetRow sampleFleetRow(int n)
{
    const QDateTime t0(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc());
    fleet::FleetRow row;
    row.region = QStringLiteral("eu-west-1");
    row.applicationId = App;
    row.applicationName = QStringLiteral("HR <b>portal</b>"); // server text, kept verbatim
    row.indexId = Idx;
    row.indexName = QStringLiteral("Main");
    row.dataSourceId = Ds;
    row.dataSourceName = QStringLiteral("Policies %1").arg(n);
    row.dataSourceType = QStringLiteral("S3");
    fleet::DataSourceHealth &h = row.health;
    h.attention = n % 2 ? fleet::Attention::Failing : fleet::Attention::Healthy;
    h.reason = QStringLiteral("3 failed runs in a row");
    h.reasons = {h.reason, QStringLiteral("documents failed")};
    h.runsSeen = 10;
    h.finishedRunsSeen = 9;
    h.succeededRunsSeen = 6;
    h.successRate = 6.0 / 9.0;
    h.lastRunExecutionId = QStringLiteral("e-%1").arg(n);
    h.lastRunStatus = QStringLiteral("FAILED");
    h.lastRunStartTime = t0;
    h.lastRunEndTime = t0.addSecs(600);
    h.lastRunDocumentsFailed = 0; // zero is a value, not "absent"
    h.lastRunErrorCode = QStringLiteral("InternalError");
    h.lastRunErrorMessage = QStringLiteral("unreachable");
    h.lastSuccessTime = t0.addDays(-2);
    h.lastSuccessAgeSeconds = 172800;
    h.failingStreak = 3;
    h.failingSince = t0.addDays(-1);
    h.failingStreakCoversRunsSeen = true;
    h.dataSourceStatus = QStringLiteral("ACTIVE");
    h.schedule = QStringLiteral("cron(0 * * * ? *)");
    h.schedulePeriodSeconds = 3600;
    h.nextScheduledRun = t0.addSecs(3600);
    h.overdue = true;
    h.overdueSince = t0.addSecs(7200);
    row.recentRuns = {{t0.addDays(-1), qbusiness::SyncStatus::Failed, 12},
                      {t0, qbusiness::SyncStatus::Succeeded, std::nullopt}};
    fleet::FleetError e;
    e.operation = QStringLiteral("GetDataSource");
    e.error = qbusiness::AwsError::make(
        qbusiness::AwsError::Kind::Service, QStringLiteral("AccessDeniedException"),
        QStringLiteral("not allowed"), QStringLiteral("ask"), QStringLiteral("req-1"), 403);
    e.error.fields.insert(QStringLiteral("reason"), QStringLiteral("x"));
    row.errors = {e};
    return row;
}

void compareFleetRows(const QList<fleet::FleetRow> &actual, const QList<fleet::FleetRow> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const fleet::FleetRow &a = actual.at(i);
        const fleet::FleetRow &e = expected.at(i);
        QCOMPARE(fleet::toJson(a), fleet::toJson(e));
        // Members the CLI's shape leaves out.
        QCOMPARE(a.health.reasons, e.health.reasons);
        QCOMPARE(a.health.failingStreakCoversRunsSeen, e.health.failingStreakCoversRunsSeen);
        QCOMPARE(a.health.lastRunDocumentsFailed, e.health.lastRunDocumentsFailed);
        QCOMPARE(a.recentRuns.size(), e.recentRuns.size());
        for (qsizetype r = 0; r < a.recentRuns.size(); ++r) {
            QCOMPARE(a.recentRuns.at(r).startTime, e.recentRuns.at(r).startTime);
            QCOMPARE(a.recentRuns.at(r).status, e.recentRuns.at(r).status);
            QCOMPARE(a.recentRuns.at(r).documentsFailed, e.recentRuns.at(r).documentsFailed);
        }
        QCOMPARE(a.errors.size(), e.errors.size());
        for (qsizetype r = 0; r < a.errors.size(); ++r) {
            QCOMPARE(a.errors.at(r).operation, e.errors.at(r).operation);
            QCOMPARE(a.errors.at(r).error.kind, e.errors.at(r).error.kind);
            QCOMPARE(a.errors.at(r).error.fields, e.errors.at(r).error.fields);
            QCOMPARE(a.errors.at(r).error.nextStep, e.errors.at(r).error.nextStep);
            QCOMPARE(a.errors.at(r).error.httpStatus, e.errors.at(r).error.httpStatus);
        }
    }
}
} // namespace

// A cache of schema 2 (tests/cache/data/history-v2.sqlite, made from the schema-1 fixture by
// make-history-v2.sql) opens migrated to this schema with its jobs and resource names, and
// the fleet tables work.
void TestHistoryCache::migratesFromSchema2()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(HistoryCache::fileName());
    QVERIFY(QFile::copy(QStringLiteral(SYNCDECK_CACHE_TEST_DATA "/history-v2.sqlite"), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    HistoryCache cache;
    QVERIFY2(cache.open({dir.path()}), qPrintable(cache.errorString()));
    QCOMPARE(cache.openReport().outcome, OpenReport::Outcome::Opened);
    QCOMPARE(cache.openReport().fileSchemaVersion, 2);
    QCOMPARE(cache.info().schemaVersion, HistoryCache::SchemaVersion);

    const QString endpoint = QStringLiteral("http://127.0.0.1:4566");
    const DataSourceKey a {endpoint, App, Idx, Ds};
    QCOMPARE(cache.jobCount(a), 25);
    QVERIFY(cache.sourceState(a).isComplete());
    QDateTime listedAt;
    const QList<qbusiness::Application> apps = cache.applications(endpoint, &listedAt);
    QCOMPARE(apps.size(), 1);
    QCOMPARE(apps.constFirst().displayName, QStringLiteral("HR portal"));
    QCOMPARE(listedAt, QDateTime::fromMSecsSinceEpoch(1764322200000, QTimeZone::utc()));
    const QList<qbusiness::DataSource> sources = cache.dataSources(endpoint, App, Idx);
    QCOMPARE(sources.size(), 2);
    QCOMPARE(sources.at(1).displayName, QStringLiteral("Wiki"));
    QCOMPARE(sources.at(1).status, QStringLiteral("FAILED"));

    QDateTime scannedAt;
    QVERIFY(cache.fleetRows(endpoint, &scannedAt).isEmpty());
    QVERIFY(!scannedAt.isValid());
    const QDateTime at(QDate(2026, 12, 1), QTime(14, 2), QTimeZone::utc());
    QVERIFY2(cache.storeFleetRows(endpoint, {sampleFleetRow(1)}, at),
             qPrintable(cache.errorString()));
    compareFleetRows(cache.fleetRows(endpoint, &scannedAt), {sampleFleetRow(1)});
    QCOMPARE(scannedAt, at);
    QVERIFY(cache.checkIntegrity());
}

// Fleet rows per endpoint: stored and read back whole and in order, replaced by the next scan,
// kept apart per endpoint, visible to another connection, removed by clearAll().
void TestHistoryCache::storesFleetRows()
{
    QTemporaryDir dir;
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    const QString east = QStringLiteral("aws/us-east-1");
    const QString west = QStringLiteral("aws/eu-west-1");
    const QDateTime at(QDate(2026, 12, 1), QTime(14, 2), QTimeZone::utc());
    QList<fleet::FleetRow> rows;
    for (int i = 0; i < 50; ++i)
        rows.append(sampleFleetRow(i));
    fleet::FleetRow failedRegion;
    failedRegion.scope = fleet::FleetRow::Scope::Region;
    failedRegion.region = QStringLiteral("eu-west-1");
    rows.append(failedRegion); // a row with almost nothing set
    QVERIFY(cache.storeFleetRows(east, rows, at));
    QVERIFY(cache.storeFleetRows(west, {sampleFleetRow(7)}, at.addSecs(60)));
    compareFleetRows(cache.fleetRows(east), rows);
    {
        HistoryCache other;
        QVERIFY(other.open({dir.path()}));
        QDateTime scannedAt;
        compareFleetRows(other.fleetRows(west, &scannedAt), {sampleFleetRow(7)});
        QCOMPARE(scannedAt, at.addSecs(60));
    }
    // The next scan replaces the endpoint's rows.
    QVERIFY(cache.storeFleetRows(east, rows.mid(10, 3), at.addSecs(120)));
    compareFleetRows(cache.fleetRows(east), rows.mid(10, 3));
    QVERIFY(cache.storeFleetRows(east, {}, at.addSecs(180)));
    QDateTime scannedAt;
    QVERIFY(cache.fleetRows(east, &scannedAt).isEmpty());
    QCOMPARE(scannedAt, at.addSecs(180)); // an empty fleet is an answer too
    QVERIFY(cache.fleetRows(QStringLiteral("aws/ap-south-1")).isEmpty());
    QVERIFY(cache.clearAll());
    QVERIFY(cache.fleetRows(west).isEmpty());
}

void TestHistoryCache::failedMigrationLeavesTheFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(HistoryCache::fileName());
    QVERIFY(QFile::copy(QStringLiteral(SYNCDECK_CACHE_TEST_DATA "/history-v1.sqlite"), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    {
        // Something in the way of schema 2 (a table of its name that is not its own).
        RawDb raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE resource_listings (x)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = readAll(path);
    HistoryCache cache;
    QVERIFY(!cache.open({dir.path()}));
    QCOMPARE(cache.openReport().outcome, OpenReport::Outcome::Failed);
    QVERIFY2(cache.openReport().message.contains(QLatin1String("upgrading the cache to schema 2")),
             qPrintable(cache.openReport().message));
    QVERIFY(!cache.isOpen());
    QCOMPARE(readAll(path), before); // one transaction: nothing half-migrated, nothing lost
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM jobs")).toInt(), 37);
}

QTEST_GUILESS_MAIN(TestHistoryCache)
#include "tst_historycache.moc"
