// The Documents view on a 50,000-event report: time from selecting the run to the first failed
// documents on screen (painted), time until the whole report is read and grouped, the longest
// stall of the UI thread meanwhile (a 5 ms heartbeat records the largest gap between event-loop
// turns, and how much of it was the UI thread's own CPU time: on a busy machine the rest is
// time the thread waited for a core), and the peak resident set of the process. The CloudWatch
// Logs handler server runs on a thread of its own, so its work is not counted as the window's.
// Figures, not assertions.
#include "bench_reportproc.h"
#include "report/reportpanel.h"
#include "reportworld.h"
#include "uiheartbeat.h"

#include "aws/requestpacer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace syncdeck;
using test::FakeCloudWatchLogs;
using test::ReportWorld;

namespace {

// FakeCloudWatchLogs behind a RawHttpServer that lives on its own thread.
class ThreadedLogs
{
public:
    ThreadedLogs()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = std::make_unique<test::RawHttpServer>(fake.handler());
                if (m_server->listen())
                    m_url = m_server->url();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ThreadedLogs()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QByteArray url() const { return m_url; }

    FakeCloudWatchLogs fake; // set up before the first request

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<test::RawHttpServer> m_server;
    QByteArray m_url;
};

// Starts the peak resident set afresh (each data row is measured on its own).
void resetPeakResident()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// The process's peak resident set (VmHWM) since the last reset, in kB.
qint64 peakResidentKb()
{
    return test::procStatusKb(QStringLiteral("/proc/self/status"), "VmHWM");
}

} // namespace

class BenchReportPanel : public QObject
{
    Q_OBJECT
private slots:
    void firstFailuresAndStalls_data();
    void firstFailuresAndStalls();
};

void BenchReportPanel::firstFailuresAndStalls_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<bool>("paced");
    QTest::newRow("50000 events, unpaced") << 50000 << false;
    QTest::newRow("50000 events, paced at the Logs quota") << 50000 << true;
}

void BenchReportPanel::firstFailuresAndStalls()
{
    QFETCH(int, events);
    QFETCH(bool, paced);
    resetPeakResident();
    ThreadedLogs logs;
    QVERIFY(!logs.url().isEmpty());
    const report::RunReportTarget target = ReportWorld::target();
    const qint64 t0 = ReportWorld::runStart().toMSecsSinceEpoch() + 1000;
    logs.fake.addGeneratedStream(
        target.logGroupName(), target.reportStreamName(), events,
        [t0](qint64 i) { return ReportWorld::documentEvent(t0 + i * 50, int(i)); });

    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(FakeCloudWatchLogs::AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(FakeCloudWatchLogs::SecretAccessKey));
    aws::StaticCredentialsProvider credentials(c);
    aws::ClientConfig config;
    config.endpoint = QUrl::fromEncoded(logs.url());
    config.region = QString::fromLatin1(FakeCloudWatchLogs::Region);
    logs::Client client(config, &credentials);
    if (!paced)
        client.setRequestPacer(std::make_shared<aws::RequestPacer>());

    ui::ReportPanel panel;
    panel.setContext(target.region, target.applicationId, {}, target.dataSourceId);
    panel.setLogsClient(&client);
    panel.resize(1400, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("documentsTable"));

    qbusiness::SyncJob job;
    job.executionId = target.executionId;
    job.startTime = target.runStart;
    job.endTime = target.runEnd;
    job.status = QStringLiteral("INCOMPLETE");

    test::UiHeartbeat heartbeat;
    qint64 firstOnScreen = -1;
    QElapsedTimer clock;
    // A plain event loop: QTRY's qWait() sleeps between event batches, which would be measured.
    QEventLoop loop;
    connect(&panel, &ui::ReportPanel::firstRowsShown, this, [&] {
        // On screen: the next paint of the table after the rows arrived.
        table->viewport()->repaint();
        firstOnScreen = clock.elapsed();
    });
    connect(panel.model(), &report::DocumentReportModel::loadingChanged, &loop,
            [&loop](bool loading) {
                if (!loading)
                    loop.quit();
            });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    clock.start();
    heartbeat.start();
    panel.showJob(job);
    loop.exec();
    const qint64 whole = clock.elapsed();
    heartbeat.stop();
    QCOMPARE(panel.model()->outcome().status, report::ReportStatus::Complete);
    QCOMPARE(panel.model()->storedEvents(), qint64(events));
    QVERIFY(panel.model()->counts().failed > 0);
    qInfo("FIGURE Documents view, %d events%s: first failed documents on screen %lld ms after "
          "selecting the run (selection pause %d ms included); whole report read and grouped "
          "%lld ms; longest UI-thread stall %lld ms (5 ms heartbeat; %lld ms of it on the CPU; "
          "longest on-CPU stall %lld ms); %d failure groups; peak resident set %lld MB",
          events, paced ? " paced at the Logs quota" : " unpaced", firstOnScreen,
          ui::ReportPanel::DefaultSelectionDelayMs, whole, heartbeat.longestGapMs(),
          heartbeat.cpuOfLongestGapMs(), heartbeat.longestCpuGapMs(),
          int(panel.model()->failureGroups().groups().size()), peakResidentKb() / 1024);
}

QTEST_MAIN(BenchReportPanel)
#include "bench_reportpanel.moc"
