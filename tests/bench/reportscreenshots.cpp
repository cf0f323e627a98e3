// Renders the Documents pane of the real window on the demo service (the in-process emulator, as
// `syncdeck --demo` starts it) and saves screenshots (not a test), to look at it and to refresh
// resources/screenshots/:
//   reportscreenshots OUTPUT_DIR
// writes report-groups.png (the demo's latest failed run: its report grouped by reason),
// report-group-open.png (the largest reason opened, a document and its raw event) and
// report-no-delivery.png (a run of an application without log delivery), each of the whole
// 1600x1000 window as a new user first sees it, the Documents pane raised.
#include "dashboard.h"
#include "dashboardservices.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "report/reportpanel.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <cstdio>

using namespace syncdeck;

namespace {

constexpr int Timeout = 30000;

bool save(QWidget *window, const QDir &out, const QString &name)
{
    QTest::qWait(300); // the last repaints
    const QString path = out.filePath(name + QStringLiteral(".png"));
    if (!window->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool fail(const char *what)
{
    std::fprintf(stderr, "reportscreenshots: %s\n", what);
    return false;
}

bool reportRead(const ui::ReportPanel *panel)
{
    return QTest::qWaitFor(
        [panel] {
            return panel->hasJob() && panel->model()->outcome().isFinal()
                && !panel->model()->isLoading();
        },
        Timeout);
}

// The demo's latest failed run, grouped; then its largest reason opened.
bool failedRun(ui::MainWindow *window, ui::ReportPanel *panel, const QDir &out)
{
    if (!reportRead(panel) || panel->model()->rowCount() == 0)
        return fail("the failed run's report was not read");
    if (!save(window, out, QStringLiteral("report-groups")))
        return false;
    auto *groups = panel->findChild<QTreeWidget *>(QStringLiteral("failureGroups"));
    auto *table = panel->findChild<QTableView *>(QStringLiteral("documentsTable"));
    groups->setCurrentItem(groups->topLevelItem(1));
    table->setFocus();
    table->selectRow(2);
    panel->findChild<QToolButton *>(QStringLiteral("showRawEvent"))->click();
    return save(window, out, QStringLiteral("report-group-open"));
}

// The next application (odd positions have no log delivery), its latest run.
bool withoutDelivery(ui::MainWindow *window, ui::ReportPanel *panel, const QDir &out)
{
    auto *applications = window->findChild<QComboBox *>(QStringLiteral("application"));
    auto *runs = window->findChild<QTableView *>(QStringLiteral("jobsView"));
    if (!applications || applications->count() < 2)
        return fail("the demo has no second application");
    applications->setCurrentIndex(1);
    if (!QTest::qWaitFor([runs] { return runs->model()->rowCount() > 1; }, Timeout))
        return fail("the second application's runs did not load");
    runs->setFocus();
    runs->selectRow(1); // the newest finished run
    if (!reportRead(panel) || panel->model()->outcome().status != report::ReportStatus::NoLogGroup)
        return fail("the second application's run did not read as \"no log group\"");
    return save(window, out, QStringLiteral("report-no-delivery"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: reportscreenshots OUTPUT_DIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    // A first start: nothing remembered from this machine, no cache of its own.
    QTemporaryDir home;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       home.filePath(QStringLiteral("settings")));
    emulator::Options service; // the demo's, as app/gui/main.cpp starts it
    service.applications = 3;
    service.fleetVariety = true;
    test::EmulatorDemoService demo(service);
    ui::LaunchOptions launch;
    launch.demo = true;
    launch.cacheDirectory = home.filePath(QStringLiteral("cache"));
    ui::MainWindow window(launch, test::dashboardServices(&demo));
    QSignalSpy ready(&window, &ui::MainWindow::demoReady);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !ready.wait(Timeout)) {
        fail("the demo did not open");
        return 1;
    }
    window.resize(1600, 1000);
    auto *documents = window.findChild<QDockWidget *>(QStringLiteral("reportDock"));
    documents->raise();
    // Taller than at first start (a drag of the splitter above it): more documents in view.
    window.resizeDocks({documents}, {540}, Qt::Vertical);
    auto *panel = window.findChild<ui::ReportPanel *>(QStringLiteral("reportPanel"));
    return failedRun(&window, panel, out) && withoutDelivery(&window, panel, out) ? 0 : 1;
}
