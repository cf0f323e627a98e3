// Throughput of the emulator, so client benchmarks can show it is not their bottleneck:
// signed ListDataSourceSyncJobs requests on N keep-alive connections (every request's SigV4
// signature is verified by the server), a 100,000-job history paged end to end, and the cost of
// generating it. Figures are printed, never asserted.
#include "emulator/options.h"
#include "emulatorthread.h"
#include "signedhttp.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace syncdeck;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// One keep-alive connection replaying pre-signed requests back to back (one in flight).
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(quint16 port, const QList<QByteArray> *requests, QObject *parent)
        : QObject(parent)
        , m_requests(requests)
    {
        connect(&m_socket, &QTcpSocket::connected, this, &Connection::sendNext);
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    qint64 completed = 0;
    qint64 failed = 0;
    bool stopping = false;

signals:
    void idle();

private:
    void sendNext()
    {
        if (stopping) {
            emit idle();
            return;
        }
        m_socket.write(m_requests->at(int(m_next++ % quint64(m_requests->size()))));
    }
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype cl = m_buffer.indexOf("Content-Length: ");
            const qint64 length = cl >= 0 && cl < end
                ? m_buffer.mid(cl + 16, m_buffer.indexOf('\r', cl) - cl - 16).toLongLong()
                : 0;
            if (m_buffer.size() < end + 4 + length)
                return;
            if (m_buffer.startsWith("HTTP/1.1 200"))
                ++completed;
            else
                ++failed;
            m_buffer.remove(0, end + 4 + length);
            sendNext();
        }
    }

    QTcpSocket m_socket;
    const QList<QByteArray> *m_requests;
    QByteArray m_buffer;
    quint64 m_next = 0;
};

} // namespace

class TestEmulatorBench : public QObject
{
    Q_OBJECT
private slots:
    void keepAliveThroughput_data();
    void keepAliveThroughput();
    void pageLargeHistory();
    void catalogueFootprint();
};

void TestEmulatorBench::keepAliveThroughput_data()
{
    QTest::addColumn<int>("connections");
    QTest::newRow("1 connection") << 1;
    QTest::newRow("8 connections") << 8;
    QTest::newRow("64 connections") << 64;
    QTest::newRow("256 connections") << 256;
}

void TestEmulatorBench::keepAliveThroughput()
{
    QFETCH(int, connections);
    emulator::Options options;
    options.seed = 7;
    options.jobsPerDataSource = 500;
    test::EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    test::SignedHttp http(emulator.url(), test::emulatorCredentials());
    const QJsonObject app = http.get("/applications")
                                .json()
                                .value(QStringLiteral("applications"))
                                .toArray()
                                .at(0)
                                .toObject();
    const QByteArray appId = app.value(QStringLiteral("applicationId")).toString().toLatin1();
    const QByteArray indexId = http.get("/applications/" + appId + "/indices")
                                   .json()
                                   .value(QStringLiteral("indices"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("indexId"))
                                   .toString()
                                   .toLatin1();
    const QByteArray dsId
        = http.get("/applications/" + appId + "/indices/" + indexId + "/datasources")
              .json()
              .value(QStringLiteral("dataSources"))
              .toArray()
              .at(1)
              .toObject()
              .value(QStringLiteral("dataSourceId"))
              .toString()
              .toLatin1();

    // Pre-signed (valid for five minutes): the client's own signing cost stays out of the figure.
    QList<QByteArray> requests;
    for (const QByteArray &query :
         {QByteArray("maxResults=10"), QByteArray("maxResults=10&syncStatus=FAILED"),
          QByteArray("maxResults=5&syncStatus=SUCCEEDED")}) {
        test::SignedRequest r;
        r.path = "/applications/" + appId + "/indices/" + indexId + "/datasources/" + dsId
            + "/syncjobs";
        r.query = query;
        requests << http.wireBytes(r);
    }
    std::vector<std::unique_ptr<Connection>> clients;
    for (int i = 0; i < connections; ++i)
        clients.push_back(std::make_unique<Connection>(emulator.port(), &requests, nullptr));
    QEventLoop loop;
    // Warm up, then measure a fixed window.
    QTimer::singleShot(500, &loop, &QEventLoop::quit);
    loop.exec();
    qint64 before = 0;
    for (auto &c : clients)
        before += c->completed;
    QElapsedTimer timer;
    timer.start();
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 elapsed = timer.elapsed();
    qint64 after = 0, failed = 0;
    for (auto &c : clients) {
        after += c->completed;
        failed += c->failed;
    }
    const double rps = double(after - before) * 1000.0 / double(elapsed);
    qInfo().noquote() << QStringLiteral("emulator keep-alive throughput, %1 connection(s): %2 "
                                        "requests/s (%3 requests in %4 ms, %5 non-200)")
                             .arg(connections)
                             .arg(rps, 0, 'f', 0)
                             .arg(after - before)
                             .arg(elapsed)
                             .arg(failed);
    QCOMPARE(failed, 0);
    QVERIFY(after > before);
    for (auto &c : clients)
        c->stopping = true;
}

void TestEmulatorBench::pageLargeHistory()
{
    emulator::Options options;
    options.seed = 3;
    options.applications = 1;
    options.dataSourcesPerIndex = 1;
    options.jobsPerDataSource = 100000;
    const qint64 rssBefore = residentKiB();
    QElapsedTimer timer;
    timer.start();
    test::EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    const qint64 startMs = timer.elapsed();
    const qint64 rssAfter = residentKiB();
    test::SignedHttp http(emulator.url(), test::emulatorCredentials());
    const QByteArray appId = http.get("/applications")
                                 .json()
                                 .value(QStringLiteral("applications"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("applicationId"))
                                 .toString()
                                 .toLatin1();
    const QByteArray indexId = http.get("/applications/" + appId + "/indices")
                                   .json()
                                   .value(QStringLiteral("indices"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("indexId"))
                                   .toString()
                                   .toLatin1();
    const QByteArray dsId
        = http.get("/applications/" + appId + "/indices/" + indexId + "/datasources")
              .json()
              .value(QStringLiteral("dataSources"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("dataSourceId"))
              .toString()
              .toLatin1();
    const QByteArray path
        = "/applications/" + appId + "/indices/" + indexId + "/datasources/" + dsId + "/syncjobs";

    // Every page over one raw keep-alive connection, signing each request.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, emulator.port());
    QVERIFY(socket.waitForConnected(10000));
    QByteArray pending;
    QString token;
    qint64 jobs = 0, pages = 0;
    timer.restart();
    do {
        test::SignedRequest r;
        r.path = path;
        r.query = "maxResults=10"
            + (token.isEmpty() ? QByteArray() : "&nextToken=" + test::encodeQueryValue(token));
        socket.write(http.wireBytes(r));
        const test::HttpResult result = test::readResponse(&socket, &pending);
        QCOMPARE(result.status, 200);
        jobs += result.json().value(QStringLiteral("history")).toArray().size();
        token = result.json().value(QStringLiteral("nextToken")).toString();
        ++pages;
    } while (!token.isEmpty());
    const qint64 walkMs = timer.elapsed();
    QCOMPARE(jobs, 100000);
    qInfo().noquote()
        << QStringLiteral(
               "100,000-job history: generated and listening in %1 ms, resident memory +%2 MiB; "
               "paged %3 jobs in %4 pages in %5 ms (%6 pages/s, signing included)")
               .arg(startMs)
               .arg(double(rssAfter - rssBefore) / 1024.0, 0, 'f', 1)
               .arg(jobs)
               .arg(pages)
               .arg(walkMs)
               .arg(double(pages) * 1000.0 / double(std::max<qint64>(1, walkMs)), 0, 'f', 0);
}

void TestEmulatorBench::catalogueFootprint()
{
    // Dozens of data sources with 500 jobs each: 4 applications x 2 indices x 6 data sources.
    emulator::Options options;
    options.seed = 9;
    options.applications = 4;
    options.indicesPerApplication = 2;
    options.dataSourcesPerIndex = 6;
    options.jobsPerDataSource = 500;
    const qint64 rssBefore = residentKiB();
    QElapsedTimer timer;
    timer.start();
    test::EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    const qint64 startMs = timer.elapsed();
    const qint64 rssAfter = residentKiB();
    test::SignedHttp http(emulator.url(), test::emulatorCredentials());
    QCOMPARE(
        http.get("/applications").json().value(QStringLiteral("applications")).toArray().size(), 4);
    qInfo().noquote() << QStringLiteral("48 data sources x 500 jobs (24,000 jobs): generated and "
                                        "listening in %1 ms, resident memory +%2 MiB")
                             .arg(startMs)
                             .arg(double(rssAfter - rssBefore) / 1024.0, 0, 'f', 1);
}

QTEST_GUILESS_MAIN(TestEmulatorBench)
#include "tst_emulatorbench.moc"
