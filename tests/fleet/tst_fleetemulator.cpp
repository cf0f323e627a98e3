// The fleet scan against the real emulator over TCP, with the fleet variety the emulator gives
// (--fleet-variety), two regions on one port (--regions) and its per-region rate limit
// (--fault throttle=N/s): what an operator's fleet looks like, end to end.
#include "aws/credentialsprovider.h"
#include "emulatorthread.h"
#include "fleet/fleetscan.h"
#include "qbusiness/client.h"
#include "signedhttp.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace syncdeck;
using fleet::Attention;
using fleet::FleetRow;
using fleet::FleetScan;

namespace {

constexpr int Timeout = 240000;

emulator::Options fleetOptions()
{
    emulator::Options o;
    o.seed = 17;
    o.applications = 4;
    o.indicesPerApplication = 1;
    o.dataSourcesPerIndex = 3;
    o.jobsPerDataSource = 30;
    o.fleetVariety = true;
    return o;
}

struct Scan
{
    QList<FleetRow> rows;
    fleet::FleetScanStats stats;
    fleet::FleetScanProgress progress;
};

Scan scanAll(FleetScan &scan)
{
    Scan s;
    QObject::connect(&scan, &FleetScan::rowReady, &scan,
                     [&s](const FleetRow &row) { s.rows.append(row); });
    QEventLoop loop;
    QObject::connect(&scan, &FleetScan::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(Timeout, &loop, &QEventLoop::quit);
    scan.start();
    loop.exec();
    s.stats = scan.stats();
    s.progress = scan.progress();
    return s;
}

int countOf(const QList<FleetRow> &rows, Attention a, const QString &region = {})
{
    return int(std::count_if(rows.begin(), rows.end(), [&](const FleetRow &r) {
        return r.scope == FleetRow::Scope::DataSource && r.health.attention == a
            && (region.isEmpty() || r.region == region);
    }));
}

} // namespace

class TestFleetEmulator : public QObject
{
    Q_OBJECT
private slots:
    void varietyShowsInHealth();
    void twoRegionsOnePort();
    void rateLimitIsMetWithoutFailures();
};

// Every kind the emulator plants is seen as the health it stands for, and the AccessDenied
// application is one row that says so, while the rest of the fleet is scanned.
void TestFleetEmulator::varietyShowsInHealth()
{
    test::EmulatorThread emulator(fleetOptions());
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    aws::StaticCredentialsProvider credentials {test::emulatorCredentials()};
    qbusiness::ClientConfig config;
    config.endpoint = emulator.url();
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, &credentials);
    FleetScan scan(&client);
    const Scan s = scanAll(scan);
    QVERIFY(scan.isFinished());

    int dataSources = 0, deniedRows = 0;
    bool failedState = false, streak = false;
    for (const FleetRow &r : s.rows) {
        if (r.scope == FleetRow::Scope::Application) {
            QCOMPARE(r.errors.size(), 1);
            QCOMPARE(r.errors.constFirst().error.code, QStringLiteral("AccessDeniedException"));
            QCOMPARE(r.errors.constFirst().error.httpStatus, 403);
            ++deniedRows;
            continue;
        }
        QCOMPARE(int(r.scope), int(FleetRow::Scope::DataSource));
        QVERIFY2(!r.hasErrors(), qPrintable(r.errors.value(0).error.message));
        ++dataSources;
        failedState = failedState || r.health.dataSourceStatus == QLatin1String("FAILED");
        streak = streak || r.health.failingStreak >= 2;
    }
    QCOMPARE(deniedRows, 1); // the last of four applications
    QCOMPARE(dataSources, 9); // three applications of three data sources each
    QVERIFY(failedState);
    QVERIFY(streak);
    QVERIFY(countOf(s.rows, Attention::Failing) >= 2);
    QCOMPARE(countOf(s.rows, Attention::Overdue), 1);
    // Without faults: discovery, then exactly one listing and one GetDataSource each.
    QCOMPARE(s.stats.calls.value(QStringLiteral("GetDataSource")), 9);
    QCOMPARE(s.stats.calls.value(QStringLiteral("ListDataSourceSyncJobs")), 9);
    QCOMPARE(s.stats.throttledCalls, 0);

    // The same seed plants the same variety.
    test::EmulatorThread again(fleetOptions());
    QVERIFY2(again.start(&error), qPrintable(error));
    config.endpoint = again.url();
    qbusiness::Client client2(config, &credentials);
    FleetScan scan2(&client2);
    const Scan s2 = scanAll(scan2);
    for (const Attention a : {Attention::Failing, Attention::Overdue, Attention::Healthy})
        QCOMPARE(countOf(s2.rows, a), countOf(s.rows, a));
}

// One port, two regions: each client signs for its region and sees that region's own
// resources; a region the emulator does not serve refuses the signature (a region that is not
// enabled), which is one region row while the others are scanned.
void TestFleetEmulator::twoRegionsOnePort()
{
    emulator::Options options = fleetOptions();
    options.moreRegions = {QStringLiteral("eu-west-1")};
    test::EmulatorThread emulator(options);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    aws::StaticCredentialsProvider credentials {test::emulatorCredentials()};
    fleet::FleetScanOptions scanOptions;
    scanOptions.regions
        = {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("ap-south-1")};
    FleetScan scan(
        [&](const QString &region, QObject *owner, QString *) {
            qbusiness::ClientConfig config;
            config.endpoint = emulator.url();
            config.region = region;
            return new qbusiness::Client(config, &credentials, owner);
        },
        scanOptions);
    const Scan s = scanAll(scan);
    QSet<QString> usApps, euApps;
    int regionRows = 0;
    for (const FleetRow &r : s.rows) {
        if (r.scope == FleetRow::Scope::Region) {
            QCOMPARE(r.region, QStringLiteral("ap-south-1"));
            QVERIFY(r.hasErrors());
            ++regionRows;
        } else if (r.scope == FleetRow::Scope::DataSource) {
            (r.region == QLatin1String("us-east-1") ? usApps : euApps).insert(r.applicationId);
            QVERIFY(r.region == QLatin1String("us-east-1")
                    || r.region == QLatin1String("eu-west-1"));
        }
    }
    QCOMPARE(regionRows, 1);
    QCOMPARE(usApps.size(), 3);
    QCOMPARE(euApps.size(), 3);
    QVERIFY(!usApps.intersects(euApps)); // each region has its own resources
    QVERIFY(countOf(s.rows, Attention::Failing, QStringLiteral("eu-west-1")) >= 1);
}

// Under a rate limit of 10 requests/s the scan meets throttling, backs off and still gives
// every data source its health: no failed rows.
void TestFleetEmulator::rateLimitIsMetWithoutFailures()
{
    emulator::Options options = fleetOptions();
    options.fleetVariety = false;
    options.applications = 3;
    QString error;
    QVERIFY(emulator::parseFaultSpec(QStringLiteral("throttle=10/s"), &options.faults, &error));
    test::EmulatorThread emulator(options);
    QVERIFY2(emulator.start(&error), qPrintable(error));
    aws::StaticCredentialsProvider credentials {test::emulatorCredentials()};
    qbusiness::ClientConfig config;
    config.endpoint = emulator.url();
    config.region = QStringLiteral("us-east-1");
    config.retryMode = QStringLiteral("adaptive");
    qbusiness::Client client(config, &credentials);
    fleet::FleetScanOptions scanOptions;
    scanOptions.maxInFlight = 8; // more than the limit allows: the scan must slow down
    FleetScan scan(&client, scanOptions);
    const Scan s = scanAll(scan);
    QCOMPARE(s.progress.dataSources, 9);
    for (const FleetRow &r : s.rows)
        QVERIFY2(!r.hasErrors(), qPrintable(r.errors.value(0).error.message));
    QCOMPARE(s.rows.size(), 9);
    // 1 + 3 + 3 discovery calls and 18 per-data-source calls; retries are what throttling cost.
    QVERIFY(s.stats.requests >= 25);
    qInfo("%d requests for 25 calls, %d calls still throttled after the client's retries",
          s.stats.requests, s.stats.throttledCalls);
}

QTEST_GUILESS_MAIN(TestFleetEmulator)
#include "tst_fleetemulator.moc"
