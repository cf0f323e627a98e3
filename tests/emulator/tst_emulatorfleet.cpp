// The emulator's fleet options: --fault throttle=N/s (a per-region rate limit), --regions (more
// regions on one port, each with its own data) and --fleet-variety (what real fleets have,
// from the seed), over real TCP where they meet the wire.
#include "emulator/commandline.h"
#include "emulator/fleetvariety.h"
#include "emulator/generator.h"
#include "emulator/regionalservices.h"
#include "emulatorthread.h"
#include "signedhttp.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace syncdeck;
namespace emulator = syncdeck::emulator;

class TestEmulatorFleet : public QObject
{
    Q_OBJECT
private slots:
    void faultSpec_data();
    void faultSpec();
    void regionsOption_data();
    void regionsOption();
    void varietyIsSeeded();
    void rateLimitThrottlesOverTcp();
    void eachRegionHasItsOwnData();
    void deniedApplicationAnswersAccessDenied();
};

void TestEmulatorFleet::faultSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("probability");
    QTest::newRow("rate") << "throttle=10/s" << true << 10.0 << 0.0;
    QTest::newRow("fractional rate") << "throttle=2.5/s" << true << 2.5 << 0.0;
    QTest::newRow("rate and probability") << "throttle=0.1,throttle=5/s" << true << 5.0 << 0.1;
    QTest::newRow("probability") << "throttle=0.2" << true << 0.0 << 0.2;
    QTest::newRow("zero rate") << "throttle=0/s" << false << 0.0 << 0.0;
    QTest::newRow("not a number") << "throttle=ten/s" << false << 0.0 << 0.0;
    QTest::newRow("rate of another fault") << "error500=3/s" << false << 0.0 << 0.0;
}

void TestEmulatorFleet::faultSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(double, rate);
    QFETCH(double, probability);
    emulator::FaultOptions faults;
    QString error;
    QCOMPARE(emulator::parseFaultSpec(spec, &faults, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(faults.throttleRate, rate);
    QCOMPARE(faults.throttle, probability);
    QVERIFY(faults.any());
}

void TestEmulatorFleet::regionsOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QStringList>("more");
    QTest::addColumn<bool>("variety");
    QTest::newRow("two") << QStringList {QStringLiteral("--regions"),
                                         QStringLiteral("eu-west-1, us-west-2,eu-west-1")}
                         << "eu-west-1" << QStringList {QStringLiteral("us-west-2")} << false;
    QTest::newRow("variety") << QStringList {QStringLiteral("--fleet-variety")} << "us-east-1"
                             << QStringList {} << true;
    QTest::newRow("bad region") << QStringList {QStringLiteral("--regions"),
                                                QStringLiteral("us-east-1,<b>")}
                                << QString() << QStringList {} << false;
}

void TestEmulatorFleet::regionsOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, region);
    QFETCH(QStringList, more);
    QFETCH(bool, variety);
    QCommandLineParser parser;
    emulator::addCommandLineOptions(&parser);
    QVERIFY(parser.parse(QStringList {QStringLiteral("syncdeck-emulator")} + args));
    emulator::Options options;
    quint16 port = 0;
    QString error;
    const bool ok = emulator::optionsFromCommandLine(parser, &options, &port, &error);
    QCOMPARE(ok, !region.isEmpty());
    if (!ok) {
        QVERIFY(error.contains(QLatin1String("is not a region name")));
        return;
    }
    QCOMPARE(options.region, region);
    QCOMPARE(options.moreRegions, more);
    QCOMPARE(options.fleetVariety, variety);
}

void TestEmulatorFleet::varietyIsSeeded()
{
    emulator::Options o;
    o.applications = 5;
    o.dataSourcesPerIndex = 4;
    o.jobsPerDataSource = 20;
    const qint64 anchor = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const auto plant = [&](quint64 seed, emulator::Store *store) {
        o.seed = seed;
        emulator::Generator(o, anchor).generate(store);
        return emulator::addFleetVariety(store, o, anchor);
    };
    emulator::Store a, b, c;
    const emulator::FleetVariety va = plant(3, &a);
    const emulator::FleetVariety vb = plant(3, &b);
    const emulator::FleetVariety vc = plant(4, &c);
    QCOMPARE(va.failingDataSources, vb.failingDataSources);
    QCOMPARE(va.overdueDataSource, vb.overdueDataSource);
    QCOMPARE(va.failedStateDataSource, vb.failedStateDataSource);
    QVERIFY(va.failingDataSources != vc.failingDataSources);
    QCOMPARE(va.failingDataSources.size(), 1); // 15 readable candidates: one in twelve
    QCOMPARE(va.deniedApplications.size(), 1);
    QVERIFY(va.deniedApplications.contains(a.applications().back().id));
    // The demo's data source (the first) is never touched.
    const QString featured = a.applications().front().indices.front().dataSources.front().id;
    QVERIFY(!va.failingDataSources.contains(featured));
    QVERIFY(va.overdueDataSource != featured && va.failedStateDataSource != featured);
    for (const auto &app : a.applications()) {
        for (const auto &index : app.indices) {
            for (const auto &ds : index.dataSources) {
                if (va.failingDataSources.contains(ds.id)) {
                    QCOMPARE(int(ds.jobs.back().status), int(emulator::JobStatus::Failed));
                    QCOMPARE(int(ds.jobs.at(ds.jobs.size() - 2).status),
                             int(emulator::JobStatus::Failed));
                }
                if (ds.id == va.overdueDataSource)
                    QVERIFY(ds.jobs.back().startMs <= anchor - 5 * 3600 * 1000);
                if (ds.id == va.failedStateDataSource)
                    QCOMPARE(ds.status, QStringLiteral("FAILED"));
            }
        }
    }
}

// 60 requests in a row against a limit of 5/s: the bucket's 5, then 429 ThrottlingException;
// a second later the bucket has refilled.
void TestEmulatorFleet::rateLimitThrottlesOverTcp()
{
    emulator::Options o;
    QString error;
    QVERIFY(emulator::parseFaultSpec(QStringLiteral("throttle=5/s"), &o.faults, &error));
    test::EmulatorThread server(o);
    QVERIFY2(server.start(&error), qPrintable(error));
    test::SignedHttp http(server.url(), test::emulatorCredentials());
    int ok = 0, throttled = 0;
    for (int i = 0; i < 60; ++i) {
        const test::HttpResult r = http.get("/applications");
        if (r.status == 200)
            ++ok;
        else if (r.status == 429 && r.errorType() == "ThrottlingException")
            ++throttled;
    }
    QCOMPARE(ok + throttled, 60);
    QVERIFY2(throttled > 0, "no request was throttled");
    QVERIFY(ok >= 5);
    QTest::qWait(1100);
    QCOMPARE(http.get("/applications").status, 200);
}

void TestEmulatorFleet::eachRegionHasItsOwnData()
{
    emulator::Options o;
    o.moreRegions = {QStringLiteral("eu-west-1")};
    test::EmulatorThread server(o);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const auto appIds = [&](const QString &region) {
        test::SignedHttp http(server.url(), test::emulatorCredentials(), region);
        const test::HttpResult r = http.get("/applications");
        QStringList ids;
        for (const auto &v : r.json().value(QLatin1String("applications")).toArray())
            ids.append(v.toObject().value(QLatin1String("applicationId")).toString());
        return std::pair(r.status, ids);
    };
    const auto [usStatus, us] = appIds(QStringLiteral("us-east-1"));
    const auto [euStatus, eu] = appIds(QStringLiteral("eu-west-1"));
    QCOMPARE(usStatus, 200);
    QCOMPARE(euStatus, 200);
    QCOMPARE(us.size(), 2);
    QCOMPARE(eu.size(), 2);
    QVERIFY(us.first() != eu.first());
    const auto [otherStatus, other] = appIds(QStringLiteral("ap-south-1"));
    QCOMPARE(otherStatus, 403); // a region the emulator does not serve refuses the scope
    QVERIFY(other.isEmpty());
}

void TestEmulatorFleet::deniedApplicationAnswersAccessDenied()
{
    emulator::Options o;
    o.applications = 3;
    o.fleetVariety = true;
    test::EmulatorThread server(o);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    test::SignedHttp http(server.url(), test::emulatorCredentials());
    const QJsonArray apps
        = http.get("/applications").json().value(QLatin1String("applications")).toArray();
    QCOMPARE(apps.size(), 3); // listed: the role may list applications, not read this one
    int denied = 0;
    for (const auto &v : apps) {
        const QByteArray id
            = v.toObject().value(QLatin1String("applicationId")).toString().toLatin1();
        const test::HttpResult r = http.get("/applications/" + id + "/indices");
        if (r.status == 403) {
            QCOMPARE(r.errorType(), QByteArray("AccessDeniedException"));
            QVERIFY(r.json()
                        .value(QLatin1String("message"))
                        .toString()
                        .contains(QLatin1String("not authorized")));
            ++denied;
        } else {
            QCOMPARE(r.status, 200);
        }
    }
    QCOMPARE(denied, 1);
}

QTEST_GUILESS_MAIN(TestEmulatorFleet)
#include "tst_emulatorfleet.moc"
