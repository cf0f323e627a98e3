// `syncdeck-cli fleet-status` as a monitoring agent runs it: a real process against the real
// emulator over TCP (two regions, the fleet variety), real output formats and exit codes.
#include "emulator/server.h"
#include "fleet/fleetrow.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace emulator = syncdeck::emulator;

using Run = syncdeck::test::ProcessRun;
using syncdeck::test::explain;
using syncdeck::test::jsonLines;

namespace { } // namespace

class TestFleetStatus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonlRowsOfBothRegions();
    void csvIsSortedAttentionFirst();
    void failOnExitCodes_data();
    void failOnExitCodes();
    void allRegionsOfThePartition();
    void badInput_data();
    void badInput();

private:
    Run run(const QStringList &args);

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<emulator::Server> m_server;
    std::unique_ptr<emulator::Server> m_empty;
};

void TestFleetStatus::initTestCase()
{
    m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                   syncdeck::test::emulatorKeyVariables());
    emulator::Options options;
    options.seed = 17;
    options.applications = 4;
    options.dataSourcesPerIndex = 3;
    options.jobsPerDataSource = 30;
    options.fleetVariety = true;
    options.moreRegions = {QStringLiteral("eu-west-1")};
    m_server = std::make_unique<emulator::Server>(options);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    emulator::Options none;
    none.applications = 0;
    m_empty = std::make_unique<emulator::Server>(none);
    QVERIFY2(m_empty->listen(), qPrintable(m_empty->errorString()));
}

Run TestFleetStatus::run(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(SYNCDECK_CLI_PATH), QStringList {QStringLiteral("fleet-status")} + args);
    loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

void TestFleetStatus::jsonlRowsOfBothRegions()
{
    const Run r = run({QStringLiteral("--endpoint-url"), m_server->url().toString(),
                       QStringLiteral("--regions"), QStringLiteral("us-east-1,eu-west-1"),
                       QStringLiteral("--output"), QStringLiteral("jsonl")});
    QVERIFY2(r.exitCode == 0, explain(r)); // no --fail-on: a finished scan is a success
    const QList<QJsonObject> rows = jsonLines(r.out);
    // Per region: nine data sources and the application that answered AccessDenied.
    QCOMPARE(rows.size(), 20);
    QMap<QString, int> perRegion, perAttention;
    int denied = 0;
    for (const QJsonObject &o : rows) {
        ++perRegion[o.value(QLatin1String("region")).toString()];
        ++perAttention[o.value(QLatin1String("attention")).toString()];
        if (o.value(QLatin1String("scope")).toString() == QLatin1String("application")) {
            QCOMPARE(o.value(QLatin1String("errorCode")).toString(),
                     QStringLiteral("AccessDeniedException"));
            ++denied;
        }
        for (const QString &c : syncdeck::fleet::fleetRowColumns())
            QVERIFY2(o.contains(c), qPrintable(c));
    }
    QCOMPARE(perRegion.value(QStringLiteral("us-east-1")), 10);
    QCOMPARE(perRegion.value(QStringLiteral("eu-west-1")), 10);
    QCOMPARE(denied, 2);
    QVERIFY(perAttention.value(QStringLiteral("failing")) >= 4);
    QCOMPARE(perAttention.value(QStringLiteral("overdue")), 2);
    QVERIFY2(r.err.contains("fleet-status: 18 data sources in 2 regions"), r.err);
}

void TestFleetStatus::csvIsSortedAttentionFirst()
{
    const Run r = run({QStringLiteral("--endpoint-url"), m_server->url().toString(),
                       QStringLiteral("--output"), QStringLiteral("csv")});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 11);
    QCOMPARE(QString::fromUtf8(lines.constFirst()).trimmed(),
             syncdeck::fleet::fleetRowColumns().join(u','));
    const int attention
        = int(syncdeck::fleet::fleetRowColumns().indexOf(QStringLiteral("attention")));
    QStringList order;
    for (qsizetype i = 1; i < lines.size(); ++i)
        order.append(QString::fromUtf8(lines.at(i).split(',').value(attention)));
    QCOMPARE(order.constFirst(), QStringLiteral("failing"));
    const QStringList levels
        = {QStringLiteral("failing"), QStringLiteral("overdue"), QStringLiteral("warning"),
           QStringLiteral("running"), QStringLiteral("healthy"), QStringLiteral("unknown")};
    for (qsizetype i = 1; i < order.size(); ++i)
        QVERIFY2(levels.indexOf(order.at(i - 1)) <= levels.indexOf(order.at(i)),
                 qPrintable(order.join(u' ')));
}

void TestFleetStatus::failOnExitCodes_data()
{
    QTest::addColumn<bool>("emptyFleet");
    QTest::addColumn<QString>("failOn");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("failing") << false << "failing" << 2;
    QTest::newRow("overdue") << false << "overdue" << 2;
    QTest::newRow("any") << false << "any" << 2;
    QTest::newRow("empty fleet, any") << true << "any" << 0;
    QTest::newRow("empty fleet, failing") << true << "failing" << 0;
}

void TestFleetStatus::failOnExitCodes()
{
    QFETCH(bool, emptyFleet);
    QFETCH(QString, failOn);
    QFETCH(int, exitCode);
    const Run r = run(
        {QStringLiteral("--endpoint-url"), (emptyFleet ? m_empty : m_server)->url().toString(),
         QStringLiteral("--fail-on"), failOn, QStringLiteral("--output"), QStringLiteral("table")});
    QVERIFY2(r.exitCode == exitCode, explain(r));
    if (!emptyFleet)
        QVERIFY2(r.out.startsWith("attention"), r.out.left(200)); // the table's header
}

// "all": every region of the partition, from the partition data. The emulator serves two;
// every other region refuses the credential scope, as a region that is not enabled does: one
// error row each, and the scan still ends with every data source of the two.
void TestFleetStatus::allRegionsOfThePartition()
{
    const Run r
        = run({QStringLiteral("--endpoint-url"), m_server->url().toString(),
               QStringLiteral("--regions"), QStringLiteral("all"), QStringLiteral("--output"),
               QStringLiteral("jsonl"), QStringLiteral("--max-in-flight"), QStringLiteral("8")});
    QVERIFY2(r.exitCode == 0, explain(r));
    int regionRows = 0, dataSources = 0;
    QSet<QString> regions;
    for (const QJsonObject &o : jsonLines(r.out)) {
        const QString scope = o.value(QLatin1String("scope")).toString();
        regions.insert(o.value(QLatin1String("region")).toString());
        if (scope == QLatin1String("region")) {
            QVERIFY(!o.value(QLatin1String("errorCode")).toString().isEmpty());
            ++regionRows;
        } else if (scope == QLatin1String("dataSource")) {
            ++dataSources;
        }
    }
    QCOMPARE(dataSources, 18);
    QVERIFY(regions.contains(QStringLiteral("ap-southeast-2")));
    QVERIFY(!regions.contains(QStringLiteral("aws-global")));
    QCOMPARE(regionRows, regions.size() - 2);
    QVERIFY(regionRows >= 20);
}

void TestFleetStatus::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("fail-on") << QStringList {QStringLiteral("--fail-on"), QStringLiteral("red")}
                             << QByteArray("\"red\" is not one of failing, overdue, any");
    QTest::newRow("other partition")
        << QStringList {QStringLiteral("--regions"), QStringLiteral("cn-north-1")}
        << QByteArray("one scan signs for one partition");
    QTest::newRow("empty region") << QStringList {QStringLiteral("--regions"),
                                                  QStringLiteral("us-east-1,,eu-west-1")}
                                  << QByteArray("empty region name");
    QTest::newRow("max-in-flight")
        << QStringList {QStringLiteral("--max-in-flight"), QStringLiteral("0")}
        << QByteArray("from 1 to 16");
}

void TestFleetStatus::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r
        = run(QStringList {QStringLiteral("--endpoint-url"), m_server->url().toString()} + args);
    QVERIFY2(r.exitCode == 252, explain(r));
    QVERIFY2(r.err.contains(message), r.err);
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestFleetStatus)
#include "tst_fleetstatus.moc"
