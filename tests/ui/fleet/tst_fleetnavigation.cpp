// The fleet view in the window, on the demo service as app/gui composes it: one click away
// (View > Fleet overview), Enter opens a data source's history in the jobs view, Back (Alt+Left)
// returns with the fleet as it was (rows, sort, filter, current row).
// SYNCDECK_FLEET_SCREENSHOT=FILE.png also saves the window on the fleet view (the README's
// picture: `xvfb-run -a tst_fleetnavigation` renders it in the platform's own style).
#include "fleet/fleetmodel.h"
#include "fleet/fleetpage.h"
#include "fleet/fleetproxymodel.h"
#include "mainwindow.h"
#include "qbusiness/syncjobmodel.h"
#include "uitestsupport.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace syncdeck;

namespace {
constexpr int Timeout = 60000;
}

class TestFleetNavigation : public QObject
{
    Q_OBJECT
private slots:
    void openAndComeBack();
};

void TestFleetNavigation::openAndComeBack()
{
    emulator::Options service;
    service.applications = 3;
    service.jobsPerDataSource = 40;
    service.fleetVariety = true;
    test::EmulatorDemoService demo(service);
    ui::LaunchOptions options;
    options.demo = true;
    options.restoreSettings = false;
    ui::DashboardServices services;
    services.demo = &demo;
    ui::MainWindow window(options, services);
    window.resize(1440, 820);
    QSignalSpy ready(&window, &ui::MainWindow::demoReady);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(ready.wait(Timeout));

    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    auto *fleet = window.findChild<ui::FleetPage *>(QStringLiteral("fleetPage"));
    QVERIFY(pages && fleet);
    // The demo opens on its failed run: the fleet is one click away.
    QVERIFY(pages->currentWidget() != fleet);
    QVERIFY(test::triggerAction(&window, QStringLiteral("fleetAction")));
    QCOMPARE(pages->currentWidget(), fleet);
    QTRY_VERIFY_WITH_TIMEOUT(fleet->hasScanned(), Timeout);
    QCOMPARE(fleet->model()->rowCount(), 7); // two applications of three, one AccessDenied row
    const QString screenshot = qEnvironmentVariable("SYNCDECK_FLEET_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        QTest::qWait(200); // the last rows' paint
        QVERIFY(window.grab().save(screenshot));
    }

    // Narrow the view and pick the second row, then open it.
    fleet->findChild<QLineEdit *>(QStringLiteral("fleetFilter"))->setText(QStringLiteral("-"));
    const int visible = fleet->proxy()->rowCount();
    QTableView *table = fleet->table();
    table->setFocus();
    table->setCurrentIndex(fleet->proxy()->index(1, 1));
    const fleet::FleetRow chosen
        = fleet->model()->rowAt(fleet->proxy()->mapToSource(table->currentIndex()).row());
    QVERIFY(chosen.scope == fleet::FleetRow::Scope::DataSource);
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(pages->currentWidget() != fleet);
    auto *jobs = window.findChild<qbusiness::SyncJobModel *>(QStringLiteral("jobModel"));
    QTRY_COMPARE_WITH_TIMEOUT(jobs->request().dataSourceId, chosen.dataSourceId, Timeout);

    // Back: the fleet as it was left. Shortcuts go to the active window (xvfb has no window
    // manager to make it so).
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(pages->currentWidget(), fleet);
    QCOMPARE(fleet->proxy()->rowCount(), visible);
    QCOMPARE(fleet->proxy()->textFilter(), QStringLiteral("-"));
    QCOMPARE(fleet->model()
                 ->rowAt(fleet->proxy()->mapToSource(table->currentIndex()).row())
                 .dataSourceId,
             chosen.dataSourceId);
}

QTEST_MAIN(TestFleetNavigation)
#include "tst_fleetnavigation.moc"
