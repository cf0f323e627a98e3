// SyncDeck's CloudWatch Logs client and report reader against an implementation no one here
// wrote: moto's CloudWatch Logs server (moto_server), filled by boto3. Skips with a message when
// python3, boto3, moto or moto_server are absent.
#include "aws/credentialsprovider.h"
#include "aws/requestpacer.h"
#include "logs/client.h"
#include "logs/paginator.h"
#include "report/reportreader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace syncdeck;
using namespace syncdeck::report;

namespace {
const QString App = QStringLiteral("a1111111-1111-4111-8111-111111111111");
const QString Ds = QStringLiteral("d3333333-3333-4333-8333-333333333333");
const QString Exec = QStringLiteral("e0000000-0000-4000-8000-000000000042");
constexpr int Events = 2500;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class TestLogsMoto : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void reportReaderGetsWhatBoto3Wrote();
    void everyStreamThroughThePaginators();
    void missingGroupAndStream();

private:
    logs::Client *client();
    RunReportTarget target() const;

    std::unique_ptr<QProcess> m_moto;
    QString m_endpoint;
    QJsonObject m_written; // stream -> [{timestamp, message}]
    qint64 m_startMs = 0;
    std::unique_ptr<aws::StaticCredentialsProvider> m_credentials;
    std::unique_ptr<logs::Client> m_client;
};

void TestLogsMoto::initTestCase()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString moto = QStandardPaths::findExecutable(QStringLiteral("moto_server"));
    if (python.isEmpty() || moto.isEmpty())
        QSKIP("python3 or moto_server is not installed (pip install 'moto[server]' boto3)");
    QProcess check;
    check.start(python, {QStringLiteral("-c"), QStringLiteral("import boto3, moto")});
    if (!check.waitForFinished(60000) || check.exitCode() != 0)
        QSKIP("python3 cannot import boto3 and moto (pip install 'moto[server]' boto3)");

    const quint16 port = freePort();
    m_moto = std::make_unique<QProcess>();
    m_moto->setProcessChannelMode(QProcess::MergedChannels);
    m_moto->start(moto,
                  {QStringLiteral("-H"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                   QString::number(port)});
    QVERIFY2(m_moto->waitForStarted(20000), qPrintable(m_moto->errorString()));
    bool up = false;
    for (int i = 0; i < 300 && !up; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        up = s.waitForConnected(200);
        if (!up)
            QTest::qWait(100);
    }
    QVERIFY2(up, "moto_server did not accept connections within 30 s");
    m_endpoint = QStringLiteral("http://127.0.0.1:%1").arg(port);

    // moto refuses events older than 14 days: the run is "an hour ago".
    m_startMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    QProcess writer;
    writer.start(python,
                 {QFINDTESTDATA("moto_logs_writer.py"), m_endpoint, App, Ds, Exec,
                  QString::number(m_startMs), QString::number(Events)});
    QVERIFY(writer.waitForFinished(300000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    m_written = QJsonDocument::fromJson(writer.readAllStandardOutput()).object();
    QCOMPARE(m_written.size(), 3);
}

void TestLogsMoto::cleanupTestCase()
{
    m_client.reset();
    if (m_moto && m_moto->state() != QProcess::NotRunning) {
        m_moto->terminate();
        if (!m_moto->waitForFinished(10000))
            m_moto->kill();
        m_moto->waitForFinished(5000);
    }
}

logs::Client *TestLogsMoto::client()
{
    if (!m_client) {
        aws::Credentials c;
        c.accessKeyId = QStringLiteral("AKIDMOTOTEST");
        c.secretAccessKey = aws::SecretString(QStringLiteral("moto-secret"));
        m_credentials = std::make_unique<aws::StaticCredentialsProvider>(c);
        aws::ClientConfig config;
        config.endpoint = QUrl(m_endpoint);
        config.region = QStringLiteral("us-east-1");
        m_client = std::make_unique<logs::Client>(config, m_credentials.get());
        // Paced as against AWS would take 5 s a page here; moto has no quota.
        auto pacer = std::make_shared<aws::RequestPacer>();
        pacer->setRate(QStringLiteral("FilterLogEvents"), {200, 200});
        m_client->setRequestPacer(pacer);
    }
    return m_client.get();
}

RunReportTarget TestLogsMoto::target() const
{
    RunReportTarget t;
    t.applicationId = App;
    t.dataSourceId = Ds;
    t.executionId = Exec;
    t.runStart = QDateTime::fromMSecsSinceEpoch(m_startMs, QTimeZone::utc());
    t.runEnd = t.runStart.addSecs(600);
    t.region = QStringLiteral("us-east-1");
    return t;
}

void TestLogsMoto::reportReaderGetsWhatBoto3Wrote()
{
    ReportReader reader(client(), target());
    reader.setPageSize(300); // moto pages with its own tokens
    QList<ReportEvent> got;
    connect(&reader, &ReportReader::eventsRead, this,
            [&got](const QList<ReportEvent> &events) { got += events; });
    QSignalSpy done(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(done.wait(120000));
    QVERIFY2(reader.outcome().status == ReportStatus::Complete,
             qPrintable(reader.outcome().explanation));
    const QJsonArray written = m_written.value(target().reportStreamName()).toArray();
    QCOMPARE(got.size(), written.size());
    QVERIFY(reader.pageCount() >= Events / 300);
    int failed = 0;
    for (qsizetype i = 0; i < written.size(); ++i) {
        const QJsonObject w = written.at(i).toObject();
        QCOMPARE(got.at(i).message, w.value(QLatin1String("message")).toString());
        QCOMPARE(got.at(i).timestamp, qint64(w.value(QLatin1String("timestamp")).toDouble()));
        QCOMPARE(got.at(i).logStreamName, target().reportStreamName());
        failed += got.at(i).status == DocumentStatus::Failed ? 1 : 0;
    }
    QCOMPARE(failed, Events / 5);
    QVERIFY(got.at(17).isUnreadable());
    const ReportEvent &first = got.first();
    QCOMPARE(first.documentTitle,
             QString::fromUtf8("Quarterly \"report\" n\xc2\xb0"
                               "0 \xe2\x80\x94 \xf0\x9f\x93\x84"));
    QCOMPARE(first.acl.size(), 1);
    QCOMPARE(first.errorMessage, QStringLiteral("File doc-0.pdf exceeds 50 MB"));
    QVERIFY(first.problems.isEmpty());
}

void TestLogsMoto::everyStreamThroughThePaginators()
{
    // GetLogEvents, forward, to the same-token end; and DescribeLogStreams.
    logs::GetLogEventsRequest g;
    g.logGroupName = target().logGroupName();
    g.logStreamName = target().reportStreamName();
    std::unique_ptr<logs::Paginator> p(logs::Paginator::getLogEvents(client(), g));
    p->setPageSize(700);
    qint64 n = 0;
    connect(p.get(), &aws::Paginator::pageLoaded, this,
            [&n](aws::ServiceCall *, int, int count) { n += count; });
    QSignalSpy done(p.get(), &aws::Paginator::finished);
    p->start();
    QVERIFY(done.wait(120000));
    QVERIFY2(!p->error().isError(), qPrintable(p->error().message));
    QCOMPARE(n, qint64(Events));

    logs::DescribeLogStreamsRequest d;
    d.logGroupName = target().logGroupName();
    std::unique_ptr<logs::Paginator> streams(logs::Paginator::describeLogStreams(client(), d));
    QStringList names;
    connect(streams.get(), &aws::Paginator::pageLoaded, this,
            [&names](aws::ServiceCall *job, int first, int count) {
                for (const logs::LogStream &s :
                     static_cast<logs::DescribeLogStreamsCall *>(job)->page.logStreams.mid(first,
                                                                                           count))
                    names << s.logStreamName;
            });
    QSignalSpy listed(streams.get(), &aws::Paginator::finished);
    streams->start();
    QVERIFY(listed.wait(60000));
    names.sort();
    QStringList expected = m_written.keys();
    expected.sort();
    QCOMPARE(names, expected);

    // The membership and the legacy streams through the reader.
    ReportReader members(client(), target());
    members.setSource(ReportSource::GroupMembership);
    QList<ReportEvent> got;
    connect(&members, &ReportReader::eventsRead, this,
            [&got](const QList<ReportEvent> &events) { got += events; });
    QSignalSpy membersDone(&members, &ReportReader::finished);
    members.start();
    QVERIFY(membersDone.wait(60000));
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().membership.isMemberFederated, std::optional<bool>(true));
}

void TestLogsMoto::missingGroupAndStream()
{
    RunReportTarget noGroup = target();
    noGroup.applicationId = QStringLiteral("b2222222-2222-4222-8222-222222222222");
    ReportReader a(client(), noGroup);
    QSignalSpy aDone(&a, &ReportReader::finished);
    a.start();
    QVERIFY(aDone.wait(60000));
    QCOMPARE(a.outcome().status, ReportStatus::NoLogGroup);

    // moto answers a stream that does not exist with an empty page; DescribeLogStreams tells.
    RunReportTarget noStream = target();
    noStream.executionId = QStringLiteral("e0000000-0000-4000-8000-000000000099");
    ReportReader b(client(), noStream);
    b.setFallbackToLegacyStreams(false);
    QSignalSpy bDone(&b, &ReportReader::finished);
    b.start();
    QVERIFY(bDone.wait(60000));
    QCOMPARE(b.outcome().status, ReportStatus::NoLogStream);

    // With the fallback, the run's data source has an error stream in the window.
    ReportReader c(client(), noStream);
    QList<ReportEvent> got;
    connect(&c, &ReportReader::eventsRead, this,
            [&got](const QList<ReportEvent> &events) { got += events; });
    QSignalSpy cDone(&c, &ReportReader::finished);
    c.start();
    QVERIFY(cDone.wait(60000));
    QCOMPARE(c.outcome().status, ReportStatus::Complete);
    QVERIFY(c.readLegacyStreams());
    QCOMPARE(got.size(), 1);
    // moto ignores logStreamNamePrefix and sends every stream's events; SyncDeck keeps to the
    // streams it asked for (AWS sends only those).
    QCOMPARE(c.foreignEventCount(), qint64(Events + 1));
    QCOMPARE(got.first().kind, EventKind::LegacyError);
}

QTEST_GUILESS_MAIN(TestLogsMoto)
#include "tst_logsmoto.moc"
