// The fleet view in the window, on the demo service as app/gui composes it: one click away
// (View > Fleet overview), Enter opens a data source's history in the jobs view, Back (Alt+Left)
// returns with the fleet as it was (rows, sort, filter, current row).
// With "All regions" a profile's fleet covers every region of its partition, and opening a data
// source of another region reopens the connection there, the fleet kept.
// SYNCDECK_FLEET_SCREENSHOT=FILE.png also saves the window on the fleet view (the README's
// picture: `xvfb-run -a tst_fleetnavigation` renders it in the platform's own style).
#include "connection/connectionbar.h"
#include "emulator/server.h"
#include "fleet/fleetmodel.h"
#include "fleet/fleetpage.h"
#include "fleet/fleetproxymodel.h"
#include "mainwindow.h"
#include "qbusiness/syncjobmodel.h"
#include "uitestsupport.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
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
    void opensADataSourceOfAnotherRegion();
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

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) > 0;
}

// The row of the first data source of `region` in the fleet's view; -1 when there is none.
int firstDataSourceRow(ui::FleetPage *fleet, const QString &region)
{
    for (int r = 0; r < fleet->proxy()->rowCount(); ++r) {
        const fleet::FleetRow &row
            = fleet->model()->rowAt(fleet->proxy()->mapToSource(fleet->proxy()->index(r, 0)).row());
        if (row.region == region && row.scope == fleet::FleetRow::Scope::DataSource)
            return r;
    }
    return -1;
}

} // namespace

// A profile whose endpoint serves us-east-1 and us-west-2 (an override serves every region, as
// a proxy would): "All regions" scans both; Enter on a us-west-2 row reconnects in us-west-2 and
// opens the history there; Back shows the fleet with both regions' rows, without a new scan.
void TestFleetNavigation::opensADataSourceOfAnotherRegion()
{
    emulator::Options o;
    o.applications = 2;
    o.jobsPerDataSource = 20;
    o.moreRegions = {QStringLiteral("us-west-2")};
    emulator::Server service(o);
    QVERIFY(service.listen());
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral("config"));
    const QString credentials = home.filePath(QStringLiteral("credentials"));
    QVERIFY(writeFile(config,
                      QStringLiteral("[profile ops]\nregion = us-east-1\nendpoint_url = %1\n")
                          .arg(service.url().toString())));
    QVERIFY(writeFile(credentials,
                      QStringLiteral("[ops]\naws_access_key_id = %1\naws_secret_access_key = %2\n")
                          .arg(QLatin1String(emulator::DefaultAccessKeyId),
                               QLatin1String(emulator::DefaultSecretAccessKey))));
    test::ScopedEnvironment env;
    env.set("AWS_CONFIG_FILE", config.toLocal8Bit());
    env.set("AWS_SHARED_CREDENTIALS_FILE", credentials.toLocal8Bit());
    for (const char *name :
         {"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
          "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_QBUSINESS"})
        env.unset(name);

    ui::LaunchOptions options;
    options.restoreSettings = false;
    options.profile = QStringLiteral("ops");
    ui::MainWindow window(options, {});
    window.resize(1440, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    auto *fleet = window.findChild<ui::FleetPage *>(QStringLiteral("fleetPage"));
    QVERIFY(pages && fleet);
    // More than one data source: the fleet is the first view, this region only.
    QTRY_VERIFY_WITH_TIMEOUT(fleet->hasScanned(), Timeout);
    QCOMPARE(pages->currentWidget(), fleet);
    QCOMPARE(firstDataSourceRow(fleet, QStringLiteral("us-west-2")), -1);
    QVERIFY(firstDataSourceRow(fleet, QStringLiteral("us-east-1")) >= 0);

    QSignalSpy finished(fleet, &ui::FleetPage::scanFinished);
    fleet->setAllRegions(true);
    QVERIFY(finished.wait(Timeout));
    const int west = firstDataSourceRow(fleet, QStringLiteral("us-west-2"));
    QVERIFY2(west >= 0, "no data source row of us-west-2");
    QVERIFY(firstDataSourceRow(fleet, QStringLiteral("us-east-1")) >= 0);
    const int rowsScanned = fleet->model()->rowCount();

    QTableView *table = fleet->table();
    table->setFocus();
    table->setCurrentIndex(fleet->proxy()->index(west, 1));
    const fleet::FleetRow chosen
        = fleet->model()->rowAt(fleet->proxy()->mapToSource(table->currentIndex()).row());
    QTest::keyClick(table, Qt::Key_Return);
    auto *bar = window.findChild<ui::ConnectionBar *>();
    QVERIFY(bar);
    QTRY_COMPARE_WITH_TIMEOUT(bar->region(), QStringLiteral("us-west-2"), Timeout);
    auto *jobs = window.findChild<qbusiness::SyncJobModel *>(QStringLiteral("jobModel"));
    QTRY_COMPARE_WITH_TIMEOUT(jobs->request().dataSourceId, chosen.dataSourceId, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount() > 0, Timeout); // signed for us-west-2: it answers

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(pages->currentWidget(), fleet);
    QVERIFY(!fleet->isScanning());
    QCOMPARE(fleet->model()->rowCount(), rowsScanned);
    QVERIFY(fleet->scansAllRegions());
    QVERIFY(firstDataSourceRow(fleet, QStringLiteral("us-west-2")) >= 0);
}

QTEST_MAIN(TestFleetNavigation)
#include "tst_fleetnavigation.moc"
