// The fleet scan over real TCP: against the emulator (generated fleets and a fixture with every
// health state), and against a scripted fleet service for what the emulator cannot do yet:
// answers held back to count calls in flight, AccessDenied on one application, a deleted index,
// an application that disappears mid-scan, regions that fail, throttling storms, a repeating
// token, cancellation at any moment, a client that goes away, and 10,000 data sources.
#include "aws/credentialsprovider.h"
#include "emulatorthread.h"
#include "fleet/fleetscan.h"
#include "fleetservice.h"
#include "qbusiness/client.h"
#include "signedhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace syncdeck;
using fleet::Attention;
using fleet::FleetRow;
using fleet::FleetScan;
using fleet::FleetScanOptions;
using qbusiness::Client;
using test::FleetService;

namespace {

constexpr int Timeout = 240000;

// Clients of one test, on the emulator's keys (the fleet service does not check them).
struct Clients
{
    aws::StaticCredentialsProvider credentials {test::emulatorCredentials()};
    std::vector<std::unique_ptr<Client>> owned;

    static qbusiness::ClientConfig config(const QUrl &endpoint, const QString &region,
                                          int maxAttempts)
    {
        qbusiness::ClientConfig c;
        c.endpoint = endpoint;
        c.region = region;
        c.maxAttempts = maxAttempts;
        return c;
    }
    Client *make(const QUrl &endpoint, const QString &region = QStringLiteral("us-east-1"),
                 int maxAttempts = 3, QObject *parent = nullptr)
    {
        return make(config(endpoint, region, maxAttempts), parent);
    }
    Client *make(const qbusiness::ClientConfig &config, QObject *parent = nullptr)
    {
        auto *client = new Client(config, &credentials, parent);
        client->setBackoff([](int) { return 0; }); // fault runs do not sleep
        if (!parent)
            owned.emplace_back(client);
        return client;
    }
};

struct Outcome
{
    QList<FleetRow> rows;
    QList<fleet::FleetScanProgress> progress;
    int finishedSignals = 0;
    int signalsAfterFinished = 0;
    fleet::FleetScanStats stats;
    fleet::FleetScanProgress last;

    QList<FleetRow> of(FleetRow::Scope scope) const
    {
        QList<FleetRow> list;
        for (const FleetRow &r : rows) {
            if (r.scope == scope)
                list.append(r);
        }
        return list;
    }
    QList<FleetRow> dataSources() const { return of(FleetRow::Scope::DataSource); }
    QSet<QString> dataSourceIds() const
    {
        QSet<QString> ids;
        for (const FleetRow &r : dataSources())
            ids.insert(r.dataSourceId);
        return ids;
    }
    const FleetRow *byName(const QString &name) const
    {
        for (const FleetRow &r : rows) {
            if (r.dataSourceName == name)
                return &r;
        }
        return nullptr;
    }
};

// Runs the scan to its end, collecting everything it says.
Outcome run(FleetScan &scan, const std::function<void(FleetScan &, const FleetRow &)> &onRow = {})
{
    Outcome o;
    QObject context;
    QObject::connect(&scan, &FleetScan::rowReady, &context, [&](const FleetRow &row) {
        o.signalsAfterFinished += o.finishedSignals;
        o.rows.append(row);
        if (onRow)
            onRow(scan, row);
    });
    QObject::connect(&scan, &FleetScan::progressChanged, &context,
                     [&](const fleet::FleetScanProgress &p) {
                         o.signalsAfterFinished += o.finishedSignals;
                         o.progress.append(p);
                     });
    QObject::connect(&scan, &FleetScan::finished, &context, [&] { ++o.finishedSignals; });
    scan.start();
    QElapsedTimer waited;
    waited.start();
    while (!scan.isFinished() && waited.elapsed() < Timeout)
        QTest::qWait(5);
    QCoreApplication::processEvents(); // anything queued behind finished() shows up now
    o.stats = scan.stats();
    o.last = scan.progress();
    return o;
}

bool hasError(const FleetRow &row, const QString &operation, const QString &code)
{
    for (const fleet::FleetError &e : row.errors) {
        if (e.operation == operation && e.error.code == code)
            return true;
    }
    return false;
}

QJsonObject fixtureRun(const QString &id, const char *status, const char *start,
                       const char *end = nullptr, const QJsonObject &metrics = {})
{
    QJsonObject j;
    j.insert(QStringLiteral("executionId"), id);
    j.insert(QStringLiteral("status"), QLatin1String(status));
    j.insert(QStringLiteral("startTime"), QLatin1String(start));
    if (end)
        j.insert(QStringLiteral("endTime"), QLatin1String(end));
    if (!metrics.isEmpty())
        j.insert(QStringLiteral("metrics"), metrics);
    return j;
}

QString fixtureId(char prefix, int n)
{
    return QStringLiteral("%1%2-0000-4000-8000-000000000000")
        .arg(QLatin1Char(prefix))
        .arg(n, 7, 10, QChar(u'0'));
}

} // namespace

class TestFleetScan : public QObject
{
    Q_OBJECT
private slots:
    void emulatorFleet();
    void emulatorFixtureStates();
    void boundedInFlight_data();
    void boundedInFlight();
    void accessDeniedOnOneApplication();
    void leastPrivilegeWithoutGetDataSource();
    void deletedIndex();
    void applicationDisappearsMidScan();
    void regionsFailOnTheirOwn();
    void throttlingStormBacksOff_data();
    void throttlingStormBacksOff();
    void endlessThrottlingIsBounded();
    void repeatedTokenStops_data();
    void repeatedTokenStops();
    void cancelFromARow();
    void cancelBeforeStartAndAfterFinish();
    void destroyedMidScan();
    void clientDeletedMidScan();
    void pacing();
    void namesAreKeptVerbatim();
    void tenThousandDataSources();
};

void TestFleetScan::emulatorFleet()
{
    emulator::Options options;
    options.applications = 3;
    options.indicesPerApplication = 2;
    options.dataSourcesPerIndex = 4;
    options.jobsPerDataSource = 30;
    test::EmulatorThread emulator(options);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    Clients clients;
    FleetScan scan(clients.make(emulator.url()));
    const Outcome o = run(scan);

    QCOMPARE(o.finishedSignals, 1);
    QCOMPARE(o.signalsAfterFinished, 0);
    QVERIFY(!scan.wasCancelled());
    QCOMPARE(o.rows.size(), 24);
    QCOMPARE(o.dataSourceIds().size(), 24);
    int running = 0;
    for (const FleetRow &r : o.rows) {
        QVERIFY2(!r.hasErrors(), qPrintable(r.health.reason));
        QCOMPARE(r.region, QStringLiteral("us-east-1"));
        QVERIFY(!r.applicationName.isEmpty() && !r.indexName.isEmpty());
        QVERIFY(!r.dataSourceName.isEmpty() && !r.dataSourceType.isEmpty());
        QCOMPARE(r.health.dataSourceStatus, QStringLiteral("ACTIVE"));
        QVERIFY2(r.health.scheduleError.isEmpty(), qPrintable(r.health.scheduleError));
        QVERIFY(r.health.schedulePeriodSeconds.has_value());
        QCOMPARE(r.health.runsSeen, 10); // the newest page of 30
        QCOMPARE(r.recentRuns.size(), 10);
        for (int i = 1; i < r.recentRuns.size(); ++i)
            QVERIFY(r.recentRuns.at(i - 1).startTime <= r.recentRuns.at(i).startTime);
        QVERIFY(r.health.attention != Attention::Unknown);
        if (r.health.running) {
            ++running;
            // The emulator's featured data source: a failing streak with a run in progress.
            QCOMPARE(r.health.attention, Attention::Failing);
            QVERIFY(r.health.failingStreak >= 1);
        }
    }
    QCOMPARE(running, 1);

    // Discovery pages plus exactly one listing and one GetDataSource per data source.
    QCOMPARE(o.stats.calls.value(QStringLiteral("ListApplications")), 1);
    QCOMPARE(o.stats.calls.value(QStringLiteral("ListIndices")), 3);
    QCOMPARE(o.stats.calls.value(QStringLiteral("ListDataSources")), 6);
    QCOMPARE(o.stats.calls.value(QStringLiteral("GetDataSource")), 24);
    QCOMPARE(o.stats.calls.value(QStringLiteral("ListDataSourceSyncJobs")), 24);
    QCOMPARE(o.stats.requests, 58);
    QCOMPARE(o.stats.throttledCalls, 0);
    QVERIFY(o.stats.peakInFlight <= 4);
    QVERIFY(o.stats.firstRowMs >= 0 && o.stats.firstRowMs <= o.stats.elapsedMs);

    QCOMPARE(o.last.regions, 1);
    QCOMPARE(o.last.regionsListed, 1);
    QCOMPARE(o.last.applications, 3);
    QCOMPARE(o.last.indices, 6);
    QCOMPARE(o.last.dataSources, 24);
    QCOMPARE(o.last.dataSourcesDone, 24);
    QCOMPARE(o.last.errorRows, 0);
    QVERIFY(o.last.discoveryComplete);
    QCOMPARE(o.last.inFlight, 0);
    int done = 0;
    for (const fleet::FleetScanProgress &p : o.progress) {
        QVERIFY(p.dataSourcesDone >= done);
        QVERIFY(p.inFlight <= 4);
        QVERIFY(p.dataSourcesDone <= p.dataSources);
        done = p.dataSourcesDone;
    }
}

// Every attention level over real TCP, from a fixture with fixed times and a fixed "now".
void TestFleetScan::emulatorFixtureStates()
{
    struct Source
    {
        const char *name;
        const char *schedule;
        const char *status;
        QJsonArray history;
    };
    QList<Source> sources;
    int runCount = 0;
    const auto id = [&runCount] { return fixtureId('e', ++runCount); };
    QJsonArray failing;
    for (int h = 11; h >= 6; --h)
        failing.append(fixtureRun(
            id(), "FAILED",
            qPrintable(QStringLiteral("2024-05-07T%1:02:00Z").arg(h, 2, 10, QChar(u'0'))),
            qPrintable(QStringLiteral("2024-05-07T%1:05:00Z").arg(h, 2, 10, QChar(u'0')))));
    failing.append(fixtureRun(id(), "SUCCEEDED", "2024-05-07T05:00:00Z", "2024-05-07T05:10:00Z"));
    sources.append({"failing", "cron(0 * * * ? *)", "ACTIVE", failing});
    sources.append(
        {"broken",
         "",
         "FAILED",
         {fixtureRun(id(), "SUCCEEDED", "2024-05-07T11:00:00Z", "2024-05-07T11:05:00Z")}});
    sources.append(
        {"late",
         "cron(0 * * * ? *)",
         "ACTIVE",
         {fixtureRun(id(), "SUCCEEDED", "2024-05-07T08:00:00Z", "2024-05-07T08:05:00Z")}});
    sources.append({"partial",
                    "",
                    "ACTIVE",
                    {fixtureRun(id(), "INCOMPLETE", "2024-05-07T11:00:00Z", "2024-05-07T11:30:00Z",
                                {{QStringLiteral("documentsFailed"), QStringLiteral("981")},
                                 {QStringLiteral("documentsScanned"), QStringLiteral("5000")}})}});
    sources.append(
        {"busy",
         "rate(1 hour)",
         "ACTIVE",
         {fixtureRun(id(), "SYNCING", "2024-05-07T11:58:00Z", nullptr,
                     {{QStringLiteral("documentsScanned"), QStringLiteral("1234")}}),
          fixtureRun(id(), "SUCCEEDED", "2024-05-07T11:00:00Z", "2024-05-07T11:10:00Z")}});
    sources.append(
        {"fine",
         "cron(0 11 * * ? *)",
         "ACTIVE",
         {fixtureRun(id(), "SUCCEEDED", "2024-05-07T11:00:00Z", "2024-05-07T11:10:00Z")}});
    sources.append({"fresh", "", "ACTIVE", {}});
    sources.append(
        {"changing",
         "",
         "UPDATING",
         {fixtureRun(id(), "SUCCEEDED", "2024-05-07T11:00:00Z", "2024-05-07T11:10:00Z")}});

    QJsonArray dataSources;
    int n = 0;
    for (const Source &s : std::as_const(sources)) {
        QJsonObject o;
        o.insert(QStringLiteral("dataSourceId"), fixtureId('d', ++n));
        o.insert(QStringLiteral("displayName"), QLatin1String(s.name));
        o.insert(QStringLiteral("type"), QStringLiteral("S3"));
        o.insert(QStringLiteral("status"), QLatin1String(s.status));
        o.insert(QStringLiteral("syncSchedule"), QLatin1String(s.schedule));
        o.insert(QStringLiteral("createdAt"), QStringLiteral("2024-01-01T00:00:00Z"));
        o.insert(QStringLiteral("history"), s.history);
        dataSources.append(o);
    }
    QJsonObject index {{QStringLiteral("indexId"), fixtureId('i', 1)},
                       {QStringLiteral("displayName"), QStringLiteral("support-index")},
                       {QStringLiteral("dataSources"), dataSources}};
    QJsonObject app {{QStringLiteral("applicationId"), fixtureId('a', 1)},
                     {QStringLiteral("displayName"), QStringLiteral("support")},
                     {QStringLiteral("indices"), QJsonArray {index}}};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("fleet.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject {{QStringLiteral("applications"), QJsonArray {app}}}).toJson());
    file.close();

    emulator::Options options;
    options.statePath = file.fileName();
    test::EmulatorThread emulator(options);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    Clients clients;
    FleetScan scan(clients.make(emulator.url()));
    scan.setClock([] { return QDateTime(QDate(2024, 5, 7), QTime(12, 0), Qt::UTC); });
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), sources.size());

    const QList<std::tuple<const char *, Attention, const char *>> expected = {
        {"failing", Attention::Failing, "failing 6 runs in a row since Tue 06:02"},
        {"broken", Attention::Failing, "data source status FAILED"},
        {"late", Attention::Overdue,
         "overdue: no run since Tue 08:00 (cron(0 * * * ? *), due every 1 h)"},
        {"partial", Attention::Warning, "last run INCOMPLETE: 981 documents failed"},
        {"busy", Attention::Running, "running since Tue 11:58: 1,234 documents scanned"},
        {"fine", Attention::Healthy, "last run SUCCEEDED Tue 11:10 (50 min ago)"},
        {"fresh", Attention::Unknown, "no sync runs yet"},
        {"changing", Attention::Warning, "data source status UPDATING"},
    };
    for (const auto &[name, attention, reason] : expected) {
        const FleetRow *row = o.byName(QLatin1String(name));
        QVERIFY2(row, name);
        QCOMPARE(row->health.reason, QString::fromUtf8(reason));
        QCOMPARE(fleet::attentionName(row->health.attention), fleet::attentionName(attention));
        QCOMPARE(row->applicationName, QStringLiteral("support"));
        QCOMPARE(row->indexName, QStringLiteral("support-index"));
    }
    QCOMPARE(o.byName(QStringLiteral("failing"))->health.failingStreak, 6);
    QCOMPARE(o.byName(QStringLiteral("partial"))->health.lastRunDocumentsFailed,
             std::optional<qint64>(981));
    QCOMPARE(o.byName(QStringLiteral("busy"))->health.runningDocumentsScanned,
             std::optional<qint64>(1234));
    QVERIFY(o.byName(QStringLiteral("late"))->health.overdue);
}

void TestFleetScan::boundedInFlight_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("4") << 4;
}

// Answers are held back, so calls overlap; the service counts how many wait at once.
void TestFleetScan::boundedInFlight()
{
    QFETCH(int, maxInFlight);
    FleetService service({2, 2, 10, 15});
    QVERIFY(service.listen());
    Clients clients;
    FleetScanOptions options;
    options.maxInFlight = maxInFlight;
    FleetScan scan(clients.make(service.url()), options);
    const Outcome o = run(scan);
    QCOMPARE(o.dataSources().size(), 40);
    QCOMPARE(o.dataSourceIds().size(), 40);
    QCOMPARE(int(service.requests().size()), 1 + 2 + 4 + 80);
    QCOMPARE(o.stats.requests, 87);
    QCOMPARE(o.stats.peakInFlight, maxInFlight);
    qInfo("at most %d calls in flight: the service saw at most %d requests waiting", maxInFlight,
          service.maxOutstanding());
    QVERIFY(service.maxOutstanding() <= maxInFlight);
    QVERIFY(service.maxOutstanding() >= std::min(maxInFlight, 2));
}

void TestFleetScan::accessDeniedOnOneApplication()
{
    FleetService service({3, 1, 3, 0});
    const QString denied = FleetService::applicationId(1);
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.applicationId == denied)
            reply = FleetService::error(
                403, "AccessDeniedException",
                QStringLiteral("User: arn:aws:sts::123456789012:assumed-role/ops/me is not "
                               "authorized to perform: qbusiness:ListIndices"));
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.dataSources().size(), 6);
    for (const FleetRow &r : o.dataSources()) {
        QVERIFY(!r.hasErrors());
        QVERIFY(r.applicationId != denied);
    }
    const QList<FleetRow> apps = o.of(FleetRow::Scope::Application);
    QCOMPARE(apps.size(), 1);
    const FleetRow &app = apps.constFirst();
    QCOMPARE(app.applicationId, denied);
    QCOMPARE(app.applicationName, QStringLiteral("app-1"));
    QCOMPARE(app.region, QStringLiteral("us-east-1"));
    QVERIFY(app.dataSourceId.isEmpty());
    QVERIFY(hasError(app, QStringLiteral("ListIndices"), QStringLiteral("AccessDeniedException")));
    QCOMPARE(app.errors.constFirst().error.httpStatus, 403);
    QCOMPARE(app.health.attention, Attention::Unknown);
    QVERIFY2(app.health.reason.startsWith(
                 QLatin1String("ListIndices failed: AccessDeniedException: User: arn:aws:sts")),
             qPrintable(app.health.reason));
    QCOMPARE(service.count(QStringLiteral("ListIndices")), 3); // AccessDenied is not retried
    QCOMPARE(o.last.errorRows, 1);
    QCOMPARE(o.last.rowsWithErrors, 1);
}

// A role allowed to list sync jobs but not to call GetDataSource still gets every row, with
// the health its runs give.
void TestFleetScan::leastPrivilegeWithoutGetDataSource()
{
    FleetService service({1, 1, 6, 0});
    service.setIntercept([](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.operation == QLatin1String("GetDataSource"))
            reply = FleetService::error(403, "AccessDeniedException",
                                        QStringLiteral("not authorized: qbusiness:GetDataSource"));
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), 6);
    for (const FleetRow &r : o.rows) {
        QCOMPARE(r.scope, FleetRow::Scope::DataSource);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(
            hasError(r, QStringLiteral("GetDataSource"), QStringLiteral("AccessDeniedException")));
        QCOMPARE(r.health.runsSeen, 3);
        QVERIFY(r.health.attention == Attention::Healthy
                || r.health.attention == Attention::Failing);
        QVERIFY(r.health.reasons.contains(
            QStringLiteral("data source details unknown: GetDataSource failed: "
                           "AccessDeniedException: not authorized: qbusiness:GetDataSource")));
    }
    QCOMPARE(o.last.rowsWithErrors, 6);
}

void TestFleetScan::deletedIndex()
{
    FleetService service({2, 2, 3, 0});
    const QString gone = FleetService::indexId(0, 1);
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.indexId == gone)
            reply = FleetService::error(404, "ResourceNotFoundException",
                                        QStringLiteral("Index %1 was not found").arg(gone));
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.dataSources().size(), 9);
    const QList<FleetRow> indices = o.of(FleetRow::Scope::Index);
    QCOMPARE(indices.size(), 1);
    QCOMPARE(indices.constFirst().indexId, gone);
    QCOMPARE(indices.constFirst().indexName, QStringLiteral("index-0-1"));
    QCOMPARE(indices.constFirst().applicationId, FleetService::applicationId(0));
    QVERIFY(hasError(indices.constFirst(), QStringLiteral("ListDataSources"),
                     QStringLiteral("ResourceNotFoundException")));
}

// The application goes away once its first data source page is out: what was found shows the
// error, what was not listed yet shows up as index rows, and nothing else is touched.
void TestFleetScan::applicationDisappearsMidScan()
{
    FleetService service({3, 2, 15, 0});
    const QString app = FleetService::applicationId(1);
    bool deleted = false;
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.applicationId != app)
            return;
        if (deleted) {
            reply = FleetService::error(404, "ResourceNotFoundException",
                                        QStringLiteral("Application %1 was not found").arg(app));
            reply.body.insert(QStringLiteral("resourceType"), QStringLiteral("Application"));
        } else if (r.operation == QLatin1String("ListDataSources")) {
            deleted = true; // this page still arrives
        }
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.finishedSignals, 1);
    int healthy = 0;
    int orphans = 0;
    for (const FleetRow &r : o.dataSources()) {
        if (r.applicationId != app) {
            QVERIFY(!r.hasErrors());
            ++healthy;
            continue;
        }
        ++orphans;
        QCOMPARE(r.errors.size(), 2);
        QVERIFY(hasError(r, QStringLiteral("GetDataSource"),
                         QStringLiteral("ResourceNotFoundException")));
        QVERIFY(hasError(r, QStringLiteral("ListDataSourceSyncJobs"),
                         QStringLiteral("ResourceNotFoundException")));
        QCOMPARE(r.health.attention, Attention::Unknown);
    }
    QCOMPARE(healthy, 60);
    QCOMPARE(orphans, 10);
    const QList<FleetRow> indices = o.of(FleetRow::Scope::Index);
    QCOMPARE(indices.size(), 2); // page 2 of one index, page 1 of the other
    for (const FleetRow &r : indices)
        QVERIFY(hasError(r, QStringLiteral("ListDataSources"),
                         QStringLiteral("ResourceNotFoundException")));
    int appRequests = 0;
    for (const FleetService::Request &r : service.requests())
        appRequests += r.applicationId == app ? 1 : 0;
    QCOMPARE(appRequests, 1 + 3 + 20); // nothing retried
}

void TestFleetScan::regionsFailOnTheirOwn()
{
    FleetService service({1, 1, 2, 0});
    QVERIFY(service.listen());
    // The emulator serves us-east-1 only: signing for eu-west-1 is refused, as a region that
    // is not enabled for the account refuses the profile's credentials.
    test::EmulatorThread emulator({});
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    Clients clients;
    QStringList asked;
    FleetScanOptions options;
    options.regions
        = {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("ap-south-9"),
           QStringLiteral("xx-dns-1"), QStringLiteral("us-east-1")};
    FleetScan scan(
        [&](const QString &region, QObject *owner, QString *why) -> Client * {
            asked << region;
            if (region == QLatin1String("us-east-1"))
                return clients.make(service.url(), region, 3, owner);
            if (region == QLatin1String("eu-west-1"))
                return clients.make(emulator.url(), region, 3, owner);
            if (region == QLatin1String("xx-dns-1"))
                return clients.make(QUrl(QStringLiteral("http://qbusiness.xx-dns-1.invalid")),
                                    region, 1, owner);
            *why = QStringLiteral("no endpoint is configured for %1").arg(region);
            return nullptr;
        },
        options);
    const Outcome o = run(scan);
    QCOMPARE(asked,
             QStringList({QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
                          QStringLiteral("ap-south-9"), QStringLiteral("xx-dns-1")}));
    QCOMPARE(o.dataSources().size(), 2);
    for (const FleetRow &r : o.dataSources())
        QCOMPARE(r.region, QStringLiteral("us-east-1"));
    const QList<FleetRow> regions = o.of(FleetRow::Scope::Region);
    QCOMPARE(regions.size(), 3);
    QHash<QString, FleetRow> byRegion;
    for (const FleetRow &r : regions)
        byRegion.insert(r.region, r);
    QVERIFY(hasError(byRegion.value(QStringLiteral("eu-west-1")),
                     QStringLiteral("ListApplications"),
                     QStringLiteral("InvalidSignatureException")));
    QVERIFY(hasError(byRegion.value(QStringLiteral("ap-south-9")), QStringLiteral("Connect"),
                     QStringLiteral("NoClient")));
    QVERIFY(byRegion.value(QStringLiteral("ap-south-9"))
                .health.reason.contains(QLatin1String("no endpoint is configured for ap-south-9")));
    QVERIFY(hasError(byRegion.value(QStringLiteral("xx-dns-1")), QStringLiteral("ListApplications"),
                     QStringLiteral("ConnectionError")));
    QCOMPARE(o.last.regions, 4);
    QCOMPARE(o.last.regionsListed, 4);
    QVERIFY(o.last.discoveryComplete);
}

void TestFleetScan::throttlingStormBacksOff_data()
{
    QTest::addColumn<QString>("retryMode");
    QTest::addColumn<int>("storm"); // throttled answers in a row
    QTest::newRow("standard") << QStringLiteral("standard") << 12;
    // The client's adaptive rate limiter slows to its floor (0.5 requests/s) after a storm at
    // the start, so a short storm keeps this row quick.
    QTest::newRow("adaptive") << QStringLiteral("adaptive") << 6;
}

// Throttled answers in a row: the client's retries take some, the scan backs off for the rest;
// every row comes out whole and every 429 costs exactly one request, no more.
void TestFleetScan::throttlingStormBacksOff()
{
    QFETCH(QString, retryMode);
    QFETCH(int, storm);
    FleetService service({2, 1, 10, 5});
    int throttled = 0;
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        const bool perDataSource = r.operation == QLatin1String("GetDataSource")
            || r.operation == QLatin1String("ListDataSourceSyncJobs");
        if (perDataSource && throttled < storm) {
            ++throttled;
            reply
                = FleetService::error(429, "ThrottlingException", QStringLiteral("Rate exceeded"));
        }
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScanOptions options;
    options.throttleCooldownMs = 20;
    Client *client = clients.make(service.url(), QStringLiteral("us-east-1"), 2);
    qbusiness::ClientConfig config = client->config();
    config.retryMode = retryMode;
    client = clients.make(config);
    FleetScan scan(client, options);
    const Outcome o = run(scan);
    QCOMPARE(throttled, storm);
    QCOMPARE(o.dataSources().size(), 20);
    for (const FleetRow &r : o.rows)
        QVERIFY2(!r.hasErrors(), qPrintable(r.health.reason));
    QCOMPARE(int(service.requests().size()), 1 + 2 + 2 + 40 + storm);
    QCOMPARE(o.stats.requests, 45 + storm);
    QVERIFY(o.stats.throttledCalls >= 1);
    QCOMPARE(o.stats.scanRetries, o.stats.throttledCalls);
    QVERIFY(o.stats.concurrencyCuts >= 1);
    QVERIFY(o.stats.lowestConcurrency < 4);
    bool cutSeen = false;
    for (const fleet::FleetScanProgress &p : o.progress)
        cutSeen = cutSeen || p.concurrency < 4;
    QVERIFY(cutSeen);
}

void TestFleetScan::endlessThrottlingIsBounded()
{
    FleetService service({1, 1, 3, 0});
    const QString stuck = FleetService::dataSourceId(0, 0, 0);
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.dataSourceId == stuck && r.operation == QLatin1String("ListDataSourceSyncJobs"))
            reply
                = FleetService::error(429, "ThrottlingException", QStringLiteral("Rate exceeded"));
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScanOptions options;
    options.throttleRetries = 2;
    options.throttleCooldownMs = 10;
    FleetScan scan(clients.make(service.url(), QStringLiteral("us-east-1"), 2), options);
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), 3);
    int stuckRequests = 0;
    for (const FleetService::Request &r : service.requests())
        stuckRequests
            += r.dataSourceId == stuck && r.operation == QLatin1String("ListDataSourceSyncJobs");
    QCOMPARE(stuckRequests, (2 + 1) * 2); // scan tries x client attempts, then the row says so
    QCOMPARE(o.stats.throttledCalls, 3);
    QCOMPARE(o.stats.scanRetries, 2);
    for (const FleetRow &r : o.rows) {
        if (r.dataSourceId != stuck) {
            QVERIFY(!r.hasErrors());
            continue;
        }
        QVERIFY(hasError(r, QStringLiteral("ListDataSourceSyncJobs"),
                         QStringLiteral("ThrottlingException")));
        QCOMPARE(r.health.attention, Attention::Unknown);
        QCOMPARE(r.health.reason,
                 QStringLiteral("sync runs unknown: ListDataSourceSyncJobs failed: "
                                "ThrottlingException: Rate exceeded"));
    }
}

void TestFleetScan::repeatedTokenStops_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("scope");
    QTest::newRow("data sources") << QStringLiteral("ListDataSources")
                                  << int(FleetRow::Scope::Index);
    QTest::newRow("applications") << QStringLiteral("ListApplications")
                                  << int(FleetRow::Scope::Region);
}

// The service hands out the same token again: the listing stops (the paginator's rule), the
// items it gave are scanned once each, and the listing's row says what happened.
void TestFleetScan::repeatedTokenStops()
{
    QFETCH(QString, operation);
    QFETCH(int, scope);
    FleetService service({2, 2, 5, 0});
    const QString index = FleetService::indexId(0, 0);
    QJsonObject firstPage;
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.operation != operation
            || (operation == QLatin1String("ListDataSources") && r.indexId != index))
            return;
        if (!r.query.contains(QStringLiteral("nextToken")))
            firstPage = reply.body;
        reply = {};
        reply.body = firstPage;
        reply.body.insert(QStringLiteral("nextToken"), QStringLiteral("loop+/="));
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.dataSources().size(), 20);
    QCOMPARE(o.dataSourceIds().size(), 20);
    QCOMPARE(service.count(operation), operation == QLatin1String("ListDataSources") ? 2 + 3 : 2);
    const QList<FleetRow> errors = o.of(FleetRow::Scope(scope));
    QCOMPARE(errors.size(), 1);
    QVERIFY(hasError(errors.constFirst(), operation, QStringLiteral("RepeatedNextToken")));
    QCOMPARE(o.rows.size(), 21);
}

void TestFleetScan::cancelFromARow()
{
    FleetService service({2, 2, 10, 20});
    QVERIFY(service.listen());
    Clients clients;
    Client *client = clients.make(service.url());
    FleetScan scan(client);
    QSignalSpy finished(&scan, &FleetScan::finished);
    const Outcome o = run(scan, [&finished](FleetScan &s, const FleetRow &) {
        QVERIFY(s.isRunning());
        s.cancel();
        // When cancel() returns, the scan is over.
        QCOMPARE(finished.count(), 1);
        QVERIFY(s.isFinished());
        QCOMPARE(s.progress().inFlight, 0);
    });
    QCOMPARE(o.finishedSignals, 1);
    QCOMPARE(o.signalsAfterFinished, 0);
    QCOMPARE(o.rows.size(), 1);
    QVERIFY(scan.wasCancelled());
    QVERIFY(!scan.progress().discoveryComplete);
    // No call of the scan is left: the client's jobs are gone and the service holds no request
    // (a request still waiting for its answer was abandoned when its call was aborted).
    QTRY_VERIFY(client->findChildren<qbusiness::Call *>().isEmpty());
    QTRY_COMPARE(service.outstanding(), 0);
    QCOMPARE(finished.count(), 1);
}

void TestFleetScan::cancelBeforeStartAndAfterFinish()
{
    FleetService service({1, 1, 2, 0});
    QVERIFY(service.listen());
    Clients clients;
    {
        FleetScan scan(clients.make(service.url()));
        QSignalSpy finished(&scan, &FleetScan::finished);
        scan.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(scan.wasCancelled());
        scan.start(); // too late: nothing happens
        QVERIFY(!scan.isRunning());
        scan.cancel();
        QCOMPARE(finished.count(), 1);
    }
    {
        FleetScan scan(clients.make(service.url()));
        QSignalSpy finished(&scan, &FleetScan::finished);
        scan.start();
        scan.cancel(); // before the queued start ran
        QCOMPARE(finished.count(), 1);
        QCoreApplication::processEvents();
        QVERIFY(!scan.isRunning());
    }
    QCOMPARE(int(service.requests().size()), 0);
    {
        FleetScan scan(clients.make(service.url()));
        const Outcome o = run(scan);
        QCOMPARE(o.rows.size(), 2);
        QSignalSpy finished(&scan, &FleetScan::finished);
        scan.cancel();
        QCOMPARE(finished.count(), 0);
        QVERIFY(!scan.wasCancelled());
    }
}

void TestFleetScan::destroyedMidScan()
{
    FleetService service({2, 2, 10, 20});
    QVERIFY(service.listen());
    Clients clients;
    Client *client = clients.make(service.url());
    auto *scan = new FleetScan(client);
    QSignalSpy rows(scan, &FleetScan::rowReady);
    scan->start();
    QVERIFY(rows.wait(Timeout));
    QVERIFY(scan->progress().inFlight > 0);
    delete scan;
    QTRY_VERIFY(client->findChildren<qbusiness::Call *>().isEmpty());
    QTRY_COMPARE(service.outstanding(), 0);
}

// The window closes the profile's client while a scan runs: calls in flight die with it; the
// scan still ends, and every data source it found has its row.
void TestFleetScan::clientDeletedMidScan()
{
    FleetService service({2, 2, 10, 20});
    QVERIFY(service.listen());
    Clients clients;
    auto client = std::make_unique<Client>(
        Clients::config(service.url(), QStringLiteral("us-east-1"), 3), &clients.credentials);
    FleetScan scan(client.get());
    bool closed = false;
    const Outcome o = run(scan, [&](FleetScan &, const FleetRow &) {
        if (!closed) {
            closed = true;
            QTimer::singleShot(0, &scan, [&client] { client.reset(); });
        }
    });
    QCOMPARE(o.finishedSignals, 1);
    QVERIFY(!client);
    QCOMPARE(o.last.dataSourcesDone, o.last.dataSources);
    int noClient = 0;
    for (const FleetRow &r : o.rows) {
        for (const fleet::FleetError &e : r.errors)
            noClient += e.error.code == QLatin1String("NoClient") ? 1 : 0;
    }
    QVERIFY(noClient >= 1);
    QVERIFY(o.rows.size() < 40 + 4); // the rest was never listed
}

// At least minCallIntervalMs between the starts of two calls (with slack for the network: a
// later request can only arrive later than its start, and an earlier one no earlier).
void TestFleetScan::pacing()
{
    FleetService service({1, 1, 3, 0});
    QVERIFY(service.listen());
    Clients clients;
    FleetScanOptions options;
    options.minCallIntervalMs = 60;
    FleetScan scan(clients.make(service.url()), options);
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), 3);
    const QList<FleetService::Request> &requests = service.requests();
    QCOMPARE(requests.size(), 9);
    for (int i = 1; i < requests.size(); ++i) {
        const qint64 gap = requests.at(i).receivedMs - requests.at(i - 1).receivedMs;
        QVERIFY2(gap >= 30,
                 qPrintable(
                     QStringLiteral("request %1 came %2 ms after the one before").arg(i).arg(gap)));
    }
}

// Server text goes through the scan unchanged (the views show it as plain text).
void TestFleetScan::namesAreKeptVerbatim()
{
    FleetService service({1, 1, 1, 0});
    const QString appName = QStringLiteral("<b>support</b> & <i>co</i>");
    const QString dsName = QStringLiteral("מקור נתונים \u202e(HR)");
    const QString message = QStringLiteral("<a href=\"x\">role</a> cannot be assumed");
    service.setIntercept([&](const FleetService::Request &r, FleetService::Reply &reply) {
        if (r.operation == QLatin1String("ListApplications")) {
            QJsonArray apps = reply.body.value(QStringLiteral("applications")).toArray();
            QJsonObject first = apps.at(0).toObject();
            first.insert(QStringLiteral("displayName"), appName);
            apps.replace(0, first);
            reply.body.insert(QStringLiteral("applications"), apps);
        } else if (r.operation == QLatin1String("ListDataSources")) {
            QJsonArray list = reply.body.value(QStringLiteral("dataSources")).toArray();
            QJsonObject first = list.at(0).toObject();
            first.insert(QStringLiteral("displayName"), dsName);
            list.replace(0, first);
            reply.body.insert(QStringLiteral("dataSources"), list);
        } else if (r.operation == QLatin1String("GetDataSource")) {
            reply.body.insert(QStringLiteral("status"), QStringLiteral("FAILED"));
            reply.body.insert(
                QStringLiteral("error"),
                QJsonObject {{QStringLiteral("errorMessage"), message},
                             {QStringLiteral("errorCode"), QStringLiteral("InvalidRequest")}});
        }
    });
    QVERIFY(service.listen());
    Clients clients;
    FleetScan scan(clients.make(service.url()));
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), 1);
    const FleetRow &r = o.rows.constFirst();
    QCOMPARE(r.applicationName, appName);
    QCOMPARE(r.dataSourceName, dsName);
    QCOMPARE(r.health.dataSourceErrorMessage, message);
    QCOMPARE(r.health.reason, QStringLiteral("data source status FAILED: ") + message);
    const QJsonObject json = fleet::toJson(r);
    QCOMPARE(json.value(QStringLiteral("applicationName")).toString(), appName);
    QCOMPARE(json.value(QStringLiteral("dataSourceName")).toString(), dsName);
}

// 10,000 data sources: every one exactly once, and the scan never holds more than a bounded
// number of them (discovery waits while enough wait for their calls).
void TestFleetScan::tenThousandDataSources()
{
    FleetService service({20, 5, 100, 0});
    QVERIFY(service.listen());
    Clients clients;
    FleetScanOptions options;
    options.maxQueuedDataSources = 200;
    FleetScan scan(clients.make(service.url()), options);
    QElapsedTimer timer;
    timer.start();
    const Outcome o = run(scan);
    QCOMPARE(o.rows.size(), 10000);
    QCOMPARE(o.dataSourceIds().size(), 10000);
    QCOMPARE(o.stats.requests, 1 + 20 + 100 * 10 + 20000);
    QCOMPARE(o.last.dataSourcesDone, 10000);
    // At most the bound, plus what listings already running deliver: one index (100 here) each.
    QVERIFY2(o.stats.peakQueuedDataSources <= 200 + 4 * 100,
             qPrintable(QString::number(o.stats.peakQueuedDataSources)));
    QFile status(QStringLiteral("/proc/self/status"));
    QByteArray peak;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM"))
                peak = line.simplified();
        }
    }
    qInfo("10,000 data sources: %lld ms, %d requests, at most %d data sources held, %s",
          qint64(timer.elapsed()), o.stats.requests, o.stats.peakQueuedDataSources,
          peak.constData());
}

QTEST_GUILESS_MAIN(TestFleetScan)
#include "tst_fleetscan.moc"
