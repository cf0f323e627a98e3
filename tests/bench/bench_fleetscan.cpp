// Fleet scan benchmark (label bench): 200 data sources across 10 applications on
// syncdeck-emulator in its own process. Per bound on calls in flight: time to the first row,
// wall time of the whole scan, and the requests it took (goal: discovery pages plus exactly one
// ListDataSourceSyncJobs and one GetDataSource per data source, no retries without faults).
// Figures are printed, never asserted on time; the request count is checked, it is not noise.
#include "aws/credentialsprovider.h"
#include "fleet/fleetscan.h"
#include "qbusiness/client.h"
#include "signedhttp.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace syncdeck;

namespace {

constexpr int Applications = 10;
constexpr int DataSourcesPerApplication = 20;
constexpr int Runs = 5;

struct Figures
{
    qint64 firstRowMs = 0;
    qint64 wallMs = 0;
    int rows = 0;
    int rowsWithErrors = 0;
    fleet::FleetScanStats stats;
};

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

class BenchFleetScan : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void scan_data();
    void scan();

private:
    Figures scanOnce(int maxInFlight);

    QProcess m_emulator;
    QUrl m_url;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
};

void BenchFleetScan::initTestCase()
{
    m_emulator.setProgram(QStringLiteral(SYNCDECK_EMULATOR_PATH));
    m_emulator.setArguments(
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--applications"),
         QString::number(Applications), QStringLiteral("--indices"), QStringLiteral("1"),
         QStringLiteral("--data-sources"), QString::number(DataSourcesPerApplication)});
    m_emulator.start();
    QVERIFY(m_emulator.waitForStarted(10000));
    QElapsedTimer t;
    t.start();
    while (!m_emulator.canReadLine() && t.elapsed() < 120000)
        m_emulator.waitForReadyRead(1000);
    const QByteArray line = m_emulator.readLine().trimmed(); // "listening on http://..."
    QVERIFY2(line.startsWith("listening on"), line.constData());
    m_url = QUrl(QString::fromLatin1(line.mid(line.indexOf("http://"))));
    m_credentials = std::make_unique<aws::StaticCredentialsProvider>(test::emulatorCredentials());
    scanOnce(4); // warm-up: connections, TLS-free sockets, the emulator's caches
}

void BenchFleetScan::cleanupTestCase()
{
    m_emulator.terminate();
    if (!m_emulator.waitForFinished(5000))
        m_emulator.kill();
    m_emulator.waitForFinished();
}

Figures BenchFleetScan::scanOnce(int maxInFlight)
{
    qbusiness::ClientConfig config;
    config.endpoint = m_url;
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, m_credentials.get()); // a fresh client: cold connections
    fleet::FleetScanOptions options;
    options.maxInFlight = maxInFlight;
    fleet::FleetScan scan(&client, options);
    Figures f;
    QElapsedTimer timer;
    QObject context;
    QObject::connect(&scan, &fleet::FleetScan::rowReady, &context, [&](const fleet::FleetRow &r) {
        if (f.rows++ == 0)
            f.firstRowMs = timer.elapsed();
        f.rowsWithErrors += r.hasErrors() ? 1 : 0;
    });
    timer.start();
    scan.start();
    while (!scan.isFinished() && timer.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    f.wallMs = timer.elapsed();
    f.stats = scan.stats();
    return f;
}

void BenchFleetScan::scan_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("4 in flight (default)") << 4;
    QTest::newRow("1 in flight") << 1;
    QTest::newRow("2 in flight") << 2;
    QTest::newRow("8 in flight") << 8;
}

void BenchFleetScan::scan()
{
    QFETCH(int, maxInFlight);
    QList<qint64> first;
    QList<qint64> wall;
    Figures last;
    for (int i = 0; i < Runs; ++i) {
        last = scanOnce(maxInFlight);
        QCOMPARE(last.rows, Applications * DataSourcesPerApplication);
        QCOMPARE(last.rowsWithErrors, 0);
        first << last.firstRowMs;
        wall << last.wallMs;
    }
    const int dataSources = Applications * DataSourcesPerApplication;
    // ListApplications 1 page, ListIndices 1 per application, ListDataSources 2 pages of 10.
    const int discovery = 1 + Applications + Applications * 2;
    const auto &calls = last.stats.calls;
    QCOMPARE(calls.value(QStringLiteral("GetDataSource")), dataSources);
    QCOMPARE(calls.value(QStringLiteral("ListDataSourceSyncJobs")), dataSources);
    QCOMPARE(last.stats.requests, discovery + 2 * dataSources); // no retries without faults
    QVERIFY(last.stats.peakInFlight <= maxInFlight);
    qInfo("%d data sources, %d applications, at most %d calls in flight (peak %d), median of %d:"
          " first row %lld ms (min %lld, max %lld), whole scan %lld ms (min %lld, max %lld), "
          "%d requests = %d discovery pages + %d ListDataSourceSyncJobs + %d GetDataSource, "
          "%.0f data sources/s",
          dataSources, Applications, maxInFlight, last.stats.peakInFlight, Runs, median(first),
          *std::min_element(first.begin(), first.end()),
          *std::max_element(first.begin(), first.end()), median(wall),
          *std::min_element(wall.begin(), wall.end()), *std::max_element(wall.begin(), wall.end()),
          last.stats.requests, discovery, calls.value(QStringLiteral("ListDataSourceSyncJobs")),
          calls.value(QStringLiteral("GetDataSource")),
          1000.0 * dataSources / double(std::max<qint64>(1, median(wall))));
}

QTEST_GUILESS_MAIN(BenchFleetScan)
#include "bench_fleetscan.moc"
