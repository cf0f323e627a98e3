// The longest stall of the UI thread while "Load all" brings 10,000 jobs from the in-process
// emulator over TCP into the window: a 5 ms QTimer heartbeat records the largest gap between
// beats. Figures, not assertions.
#include "charts/chartspanel.h"
#include "mainwindow.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "uitestsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;

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
}

void BenchUiStall::loadAll()
{
    QFETCH(int, jobs);
    LaunchOptions o;
    o.demo = true;
    o.restoreSettings = false;
    syncdeck::emulator::Options service;
    service.applications = 1;
    service.indicesPerApplication = 1;
    service.dataSourcesPerIndex = 1;
    service.jobsPerDataSource = jobs;
    syncdeck::test::EmulatorDemoService demo(service);
    syncdeck::ui::DashboardServices services;
    services.demo = &demo;
    services.makeChartsPane = [](QWidget *parent) { return new syncdeck::ui::ChartsPanel(parent); };
    MainWindow window(o, services);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 30000);

    QElapsedTimer beat;
    qint64 maxGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    connect(&heartbeat, &QTimer::timeout, this, [&] { maxGap = std::max(maxGap, beat.restart()); });
    QElapsedTimer total;
    total.start();
    beat.start();
    heartbeat.start();
    // A plain event loop: QTRY's qWait() sleeps between event batches, which would be measured.
    QEventLoop loop;
    auto *loader
        = window.findChild<syncdeck::qbusiness::SyncJobLoader *>(QStringLiteral("jobLoader"));
    auto *model = window.findChild<syncdeck::qbusiness::SyncJobModel *>(QStringLiteral("jobModel"));
    QVERIFY(loader && model);
    connect(loader, &syncdeck::qbusiness::SyncJobLoader::loadAllFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    window.findChild<QPushButton *>(QStringLiteral("loadAll"))->click();
    loop.exec();
    heartbeat.stop();
    QVERIFY(!model->hasMore());
    QCOMPARE(model->rowCount(), jobs);
    qInfo("FIGURE UI stall while loading %d jobs (%d pages of 10 over TCP): longest heartbeat gap "
          "%lld ms (5 ms timer), load took %lld ms",
          jobs, jobs / 10, maxGap, total.elapsed());
}

QTEST_MAIN(BenchUiStall)
#include "bench_uistall.moc"
