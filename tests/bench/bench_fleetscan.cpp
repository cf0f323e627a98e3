// Fleet scan benchmark (label bench): 200 data sources across 10 applications on
// syncdeck-emulator in its own process. Per bound on calls in flight: time to the first row,
// wall time of the whole scan, and the requests it took (goal: discovery pages plus exactly one
// ListDataSourceSyncJobs and one GetDataSource per data source, no retries without faults).
// Figures are printed, never asserted on time; the request count is checked, it is not noise.
// Also: the same fleet behind the emulator's rate limit of 10 requests/s (wall time against the
// limit's minimum, requests per second after the first throttle), and `syncdeck-cli
// fleet-status` side by side with a boto3 script making the same calls one after the other
// (skipped when python3 with boto3 is absent).
#include "aws/credentialsprovider.h"
#include "fleet/fleetscan.h"
#include "qbusiness/client.h"
#include "signedhttp.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace syncdeck;

namespace {

constexpr int Applications = 10;
constexpr int DataSourcesPerApplication = 20;
constexpr int Runs = 5;
constexpr int RateLimit = 10; // requests per second

// Starts syncdeck-emulator with the benchmark's fleet and `extra` arguments; its URL, or empty.
QUrl startEmulator(QProcess &emulator, const QStringList &extra)
{
    emulator.setProgram(QStringLiteral(SYNCDECK_EMULATOR_PATH));
    emulator.setArguments(QStringList {QStringLiteral("--port"), QStringLiteral("0"),
                                       QStringLiteral("--applications"),
                                       QString::number(Applications), QStringLiteral("--indices"),
                                       QStringLiteral("1"), QStringLiteral("--data-sources"),
                                       QString::number(DataSourcesPerApplication)}
                          + extra);
    emulator.start();
    if (!emulator.waitForStarted(10000))
        return {};
    QElapsedTimer t;
    t.start();
    while (!emulator.canReadLine() && t.elapsed() < 120000)
        emulator.waitForReadyRead(1000);
    const QByteArray line = emulator.readLine().trimmed(); // "listening on http://..."
    if (!line.startsWith("listening on"))
        return {};
    return QUrl(QString::fromLatin1(line.mid(line.indexOf("http://"))));
}

void stopEmulator(QProcess &emulator)
{
    emulator.terminate();
    if (!emulator.waitForFinished(5000))
        emulator.kill();
    emulator.waitForFinished();
}

struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.waitForFinished(600000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError(), t.elapsed()};
}

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
    void rateLimited();
    void fleetStatusVersusBoto3();

private:
    Figures scanOnce(int maxInFlight, const QUrl &url = {}, QList<qint64> *attemptTimes = nullptr);

    QProcess m_emulator;
    QUrl m_url;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
};

void BenchFleetScan::initTestCase()
{
    m_url = startEmulator(m_emulator, {});
    QVERIFY(m_url.isValid());
    m_credentials = std::make_unique<aws::StaticCredentialsProvider>(test::emulatorCredentials());
    scanOnce(4); // warm-up: connections, TLS-free sockets, the emulator's caches
}

void BenchFleetScan::cleanupTestCase()
{
    stopEmulator(m_emulator);
}

Figures BenchFleetScan::scanOnce(int maxInFlight, const QUrl &url, QList<qint64> *attemptTimes)
{
    qbusiness::ClientConfig config;
    config.endpoint = url.isEmpty() ? m_url : url;
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
    if (attemptTimes) {
        QObject::connect(&client, &qbusiness::Client::attemptLogged, &context,
                         [&](const QString &line) {
                             // An attempt's answer (waits are logged too, without an arrow).
                             if (line.contains(QLatin1String(" -> ")))
                                 attemptTimes->append(timer.elapsed());
                         });
    }
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

// The emulator admits 10 requests/s (a bucket of one second's worth): the scan's minimum is
// (requests - 10) / 10 s. Goal: within 15% of it, no data source failed, and after the first
// throttle no second in which more requests went out than the limit plus the throttled ones
// the client retried (no storm).
void BenchFleetScan::rateLimited()
{
    QProcess limited;
    const QUrl url = startEmulator(
        limited, {QStringLiteral("--fault"), QStringLiteral("throttle=%1/s").arg(RateLimit)});
    QVERIFY(url.isValid());
    QThread::msleep(1100); // a full bucket
    QList<qint64> attempts;
    const Figures f = scanOnce(4, url, &attempts);
    stopEmulator(limited);
    const int dataSources = Applications * DataSourcesPerApplication;
    QCOMPARE(f.rows, dataSources);
    QCOMPARE(f.rowsWithErrors, 0);
    const int calls = 1 + Applications + Applications * 2 + 2 * dataSources;
    const double minimumS = double(calls - RateLimit) / RateLimit;
    int busiest = 0;
    for (qsizetype i = 0, j = 0; i < attempts.size(); ++i) {
        while (attempts.at(i) - attempts.at(j) >= 1000)
            ++j;
        busiest = std::max(busiest, int(i - j + 1));
    }
    qInfo("rate limit %d requests/s: %d data sources in %.1f s, the limit's minimum %.1f s "
          "(%+.1f%%), %d rows with errors, %d requests for %d calls (%d throttled answers "
          "retried), %d calls throttled beyond the client's retries, %d scan retries, "
          "concurrency cut %d times (lowest %d), busiest second %d requests",
          RateLimit, f.rows, f.wallMs / 1000.0, minimumS,
          100.0 * (f.wallMs / 1000.0 - minimumS) / minimumS, f.rowsWithErrors, f.stats.requests,
          calls, f.stats.requests - calls, f.stats.throttledCalls, f.stats.scanRetries,
          f.stats.concurrencyCuts, f.stats.lowestConcurrency, busiest);
}

// `syncdeck-cli fleet-status` and the boto3 script an operator would write, on the same fleet,
// as processes (start-up included), median of three.
void BenchFleetScan::fleetStatusVersusBoto3()
{
    QTemporaryDir home;
    const QProcessEnvironment env
        = test::isolatedAwsEnvironment(home.path(), test::emulatorKeyVariables());
    QList<qint64> cli;
    int rows = 0;
    for (int i = 0; i < 3; ++i) {
        const ProcessRun r
            = runProcess(QStringLiteral(SYNCDECK_CLI_PATH),
                         {QStringLiteral("fleet-status"), QStringLiteral("--endpoint-url"),
                          m_url.toString(), QStringLiteral("--output"), QStringLiteral("jsonl")},
                         env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        rows = int(r.out.count('\n'));
        cli << r.ms;
    }
    QCOMPARE(rows, Applications * DataSourcesPerApplication);
    qInfo("syncdeck-cli fleet-status: %d data sources in %lld ms (median of 3, process "
          "included; 4 calls in flight)",
          rows, median(cli));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()
        || runProcess(python, {QStringLiteral("-c"), QStringLiteral("import boto3")}, env).exitCode
            != 0) {
        qInfo("boto3: skipped (python3 with boto3 not found)");
        return;
    }
    QList<qint64> boto;
    QList<qint64> botoInner;
    for (int i = 0; i < 3; ++i) {
        const ProcessRun r
            = runProcess(python,
                         {QStringLiteral(SYNCDECK_SOURCE_DIR "/tests/bench/boto3_fleet_status.py"),
                          m_url.toString(), QStringLiteral("us-east-1")},
                         env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> parts = r.out.trimmed().split(' ');
        QCOMPARE(parts.value(0).toInt(), Applications * DataSourcesPerApplication);
        boto << r.ms;
        botoInner << qint64(parts.value(2).toDouble() * 1000);
    }
    qInfo("boto3, the same calls one after the other: %lld ms process, %lld ms of calls "
          "(median of 3); syncdeck-cli fleet-status is %.1fx faster",
          median(boto), median(botoInner),
          double(median(boto)) / double(std::max<qint64>(1, median(cli))));
}

QTEST_GUILESS_MAIN(BenchFleetScan)
#include "bench_fleetscan.moc"
