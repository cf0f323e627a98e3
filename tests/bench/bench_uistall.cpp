// "Load all" in the window against syncdeck-emulator in its own process, as an operator runs it
// against a service: the time until every job is in the table and the charts, and the longest
// stall of the UI thread meanwhile (a 5 ms QTimer heartbeat records the largest gap between
// beats). Figures, not assertions.
#include "charts/chartspanel.h"
#include "charts/kpistrip.h"
#include "charts/refreshqueue.h"
#include "connection/demoservice.h"
#include "mainwindow.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "uiheartbeat.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;

namespace {

constexpr char AccessKeyId[] = "AKIDEXAMPLE";
constexpr char SecretAccessKey[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

// Where the stalls come from: the longest outermost event deliveries of the UI thread, with
// their receiver and event type, printed after the figures.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    struct Delivery
    {
        qint64 ns = 0;
        QByteArray what;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_recording || m_depth > 0)
            return QApplication::notify(receiver, event);
        // What the description needs, taken before the event (its receiver may delete itself)
        // and cheaply: the text is built only for a delivery that makes the list.
        const QMetaObject *type = receiver->metaObject();
        const QString name = receiver->objectName();
        const QObject *parent = receiver->parent();
        const QMetaObject *parentType = parent ? parent->metaObject() : nullptr;
        const QString parentName = parent ? parent->objectName() : QString();
        const int eventType = event->type();
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ns = timer.nsecsElapsed();
        --m_depth;
        if (m_longest.size() < 8 || ns > m_longest.back().ns) {
            QByteArray what = QByteArray(type->className()) + ' ' + name.toLatin1() + " event "
                + QByteArray::number(eventType);
            if (parentType)
                what += QByteArray(" of ") + parentType->className() + ' ' + parentName.toLatin1();
            m_longest.push_back({ns, what});
            std::sort(m_longest.begin(), m_longest.end(),
                      [](const Delivery &a, const Delivery &b) { return a.ns > b.ns; });
            if (m_longest.size() > 8)
                m_longest.pop_back();
        }
        return result;
    }

    void record(bool on)
    {
        m_recording = on;
        if (on)
            m_longest.clear();
    }
    const std::vector<Delivery> &longest() const { return m_longest; }

private:
    bool m_recording = false;
    int m_depth = 0;
    std::vector<Delivery> m_longest;
};

// The window's Demo profile, aimed at an emulator process: as a real endpoint would be.
class EmulatorProcess final : public syncdeck::ui::DemoService
{
public:
    explicit EmulatorProcess(int jobs)
    {
        m_process.setProgram(QStringLiteral(SYNCDECK_EMULATOR_PATH));
        m_process.setArguments(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--applications"),
             QStringLiteral("1"), QStringLiteral("--indices"), QStringLiteral("1"),
             QStringLiteral("--data-sources"), QStringLiteral("1"), QStringLiteral("--jobs"),
             QString::number(jobs), QStringLiteral("--access-key-id"), QLatin1String(AccessKeyId),
             QStringLiteral("--secret-access-key"), QLatin1String(SecretAccessKey)});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        QElapsedTimer t;
        t.start();
        while (!m_process.canReadLine() && t.elapsed() < 120000)
            m_process.waitForReadyRead(1000);
        const QByteArray line = m_process.readLine().trimmed(); // "listening on http://..."
        if (line.startsWith("listening on"))
            m_url = QUrl(QString::fromLatin1(line.mid(line.indexOf("http://"))));
    }
    ~EmulatorProcess() override
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }
    bool isListening() const { return m_url.isValid(); }

    bool start(Endpoint *endpoint, Failure *failure) override
    {
        if (!isListening()) {
            failure->message = QStringLiteral("syncdeck-emulator did not start");
            return false;
        }
        endpoint->url = m_url;
        endpoint->region = QStringLiteral("us-east-1");
        endpoint->credentials.accessKeyId = QLatin1String(AccessKeyId);
        endpoint->credentials.secretAccessKey
            = syncdeck::aws::SecretString(QLatin1String(SecretAccessKey));
        endpoint->credentials.source = QStringLiteral("bench");
        return true;
    }

private:
    QProcess m_process;
    QUrl m_url;
};

} // namespace

class BenchUiStall : public QObject
{
    Q_OBJECT
private slots:
    void loadAll_data();
    void loadAll();
};

void BenchUiStall::loadAll_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("10000 jobs") << 10000;
    QTest::newRow("100000 jobs") << 100000;
}

void BenchUiStall::loadAll()
{
    QFETCH(int, jobs);
    LaunchOptions o;
    o.demo = true;
    o.restoreSettings = false;
    EmulatorProcess emulator(jobs);
    QVERIFY(emulator.isListening());
    syncdeck::ui::DashboardServices services;
    services.demo = &emulator;
    services.makeChartsPane = [](QWidget *parent) { return new syncdeck::ui::ChartsPanel(parent); };
    MainWindow window(o, services);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);

    auto *loader
        = window.findChild<syncdeck::qbusiness::SyncJobLoader *>(QStringLiteral("jobLoader"));
    auto *model = window.findChild<syncdeck::qbusiness::SyncJobModel *>(QStringLiteral("jobModel"));
    auto *charts = window.findChild<syncdeck::ui::ChartsPanel *>(QStringLiteral("chartsPanel"));
    QVERIFY(loader && model && charts);
    int deliveries = 0;
    connect(model, &syncdeck::qbusiness::SyncJobModel::jobsAppended, this, [&] { ++deliveries; });

    syncdeck::test::UiHeartbeat heartbeat;
    QElapsedTimer total;
    total.start();
    heartbeat.start();
    auto *app = static_cast<TimedApplication *>(QCoreApplication::instance());
    app->record(true);
    // A plain event loop: QTRY's qWait() sleeps between event batches, which would be measured.
    QEventLoop loop;
    connect(loader, &syncdeck::qbusiness::SyncJobLoader::loadAllFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    window.findChild<QPushButton *>(QStringLiteral("loadAll"))->click();
    loop.exec();
    const qint64 loaded = total.elapsed();
    // Charted: the KPIs and the shown chart took in every run (their turns after the last
    // delivery) and the pending paint is done.
    while (charts->refreshQueue()->pendingCount() > 0 && total.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::processEvents();
    const qint64 charted = total.elapsed();
    heartbeat.stop();
    app->record(false);
    QVERIFY(!model->hasMore());
    QCOMPARE(model->rowCount(), jobs);
    QCOMPARE(charts->model()->count(), jobs);
    QCOMPARE(charts->kpiStrip()->kpis().runs, jobs);
    qInfo("FIGURE Load all of %d jobs (%d pages of 10, syncdeck-emulator in its own process): "
          "loaded in %lld ms, charted in %lld ms, %d model deliveries, longest UI stall %lld ms "
          "(%lld ms of it on the UI thread's CPU; longest CPU between two 5 ms beats %lld ms)",
          jobs, jobs / 10, loaded, charted, deliveries, heartbeat.longestGapMs(),
          heartbeat.cpuOfLongestGapMs(), heartbeat.longestCpuGapMs());
    for (const TimedApplication::Delivery &d : app->longest())
        qInfo("  longest event deliveries: %6.1f ms  %s", double(d.ns) / 1e6, d.what.constData());
}

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    BenchUiStall bench;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&bench, argc, argv);
}
#include "bench_uistall.moc"
