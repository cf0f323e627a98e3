// Renders the charts panel and saves screenshots (not a test). Used to look at the charts and to
// refresh resources/screenshots/:
//   chartscreenshots OUTPUT_DIR [RUNS] [dark]   the panel alone, fed a generated history
//   chartscreenshots OUTPUT_DIR demo            the main window on the built-in demo service
//                                               (what `syncdeck --demo` shows), every page loaded
//   chartscreenshots OUTPUT_DIR dashboard       the main window as `syncdeck --demo` first opens,
//                                               on its failed run (dashboard.png); run it on a
//                                               screen of at least 1566x1000 for 1440x920
#include "charts/chartspanel.h"
#include "charts/metricschartview.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "synchistory.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using syncdeck::ui::ChartsPanel;
using syncdeck::ui::charts::MetricsChartView;

namespace {

bool save(QWidget *widget, const QDir &out, const QString &name)
{
    QTest::qWait(100); // queued re-bucketing after a resize or tab switch, then a paint
    const QString path = out.filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path))
        return true;
    std::fprintf(stderr, "could not save %s\n", qPrintable(path));
    return false;
}

// The demo as the composition root gives it to the window: the in-process service and the
// charts.
syncdeck::ui::DashboardServices demoServices(syncdeck::test::EmulatorDemoService *demo)
{
    syncdeck::ui::DashboardServices services;
    services.demo = demo;
    services.makeChartsPane = [](QWidget *parent) { return new ChartsPanel(parent); };
    return services;
}

bool waitForDemo(syncdeck::ui::MainWindow *window)
{
    QSignalSpy ready(window, &syncdeck::ui::MainWindow::demoReady);
    window->show();
    if (QTest::qWaitForWindowExposed(window) && ready.wait(30000))
        return true;
    std::fprintf(stderr, "the demo did not open\n");
    return false;
}

// The demo as an operator meets it: the window opens on the featured data source and its failed
// run, then "Load all" pages through the whole history; the charts panel is saved per tab.
int demoScreenshots(const QDir &out)
{
    QTemporaryDir settings; // never read or write this user's settings
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    syncdeck::ui::LaunchOptions options;
    options.demo = true;
    options.restoreSettings = false;
    syncdeck::test::EmulatorDemoService demo;
    syncdeck::ui::MainWindow window(options, demoServices(&demo));
    window.resize(1500, 1000);
    if (!waitForDemo(&window))
        return 1;
    window.findChild<QPushButton *>(QStringLiteral("loadAll"))->click();
    auto *jobs = window.findChild<syncdeck::qbusiness::SyncJobModel *>(QStringLiteral("jobModel"));
    if (!QTest::qWaitFor([jobs] { return !jobs->hasMore() && !jobs->isLoading(); }, 60000)) {
        std::fprintf(stderr, "the demo history did not finish loading\n");
        return 1;
    }
    // Give the charts the lower half of the window for the picture.
    if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("chartsDock")))
        window.resizeDocks({dock}, {window.height() / 2}, Qt::Vertical);
    auto *panel = window.findChild<ChartsPanel *>(QStringLiteral("chartsPanel"));
    std::printf("%d runs loaded\n", panel->model()->count());
    panel->tabs()->setCurrentIndex(0);
    bool ok = save(panel, out, QStringLiteral("demo-charts-documents"));
    panel->tabs()->setCurrentIndex(1);
    ok = save(panel, out, QStringLiteral("demo-charts-status")) && ok;
    ok = save(&window, out, QStringLiteral("demo-dashboard-status")) && ok;
    return ok ? 0 : 1;
}

// What `syncdeck --demo` shows on a first start (no remembered layout): the featured data
// source with its latest failed run selected and explained, charts below.
int dashboardScreenshot(const QDir &out)
{
    QTemporaryDir settings; // a first start: nothing remembered
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    syncdeck::ui::LaunchOptions options;
    options.demo = true;
    syncdeck::test::EmulatorDemoService demo;
    syncdeck::ui::MainWindow window(options, demoServices(&demo));
    if (!waitForDemo(&window))
        return 1;
    std::printf("window %dx%d\n", window.width(), window.height());
    return save(&window, out, QStringLiteral("dashboard")) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr,
                     "usage: chartscreenshots OUTPUT_DIR [RUNS] [dark]\n"
                     "       chartscreenshots OUTPUT_DIR demo|dashboard\n");
        return 2;
    }
    if (args.size() > 2 && args[2] == QLatin1String("dashboard"))
        return dashboardScreenshot(QDir(args[1])); // in the platform's own style, as users see it
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (args.size() > 2 && args[2] == QLatin1String("demo"))
        return demoScreenshots(QDir(args[1]));
    const bool dark = args.contains(QStringLiteral("dark"));
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
        p.setColor(QPalette::AlternateBase, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
        QApplication::setPalette(p);
    }
    const int runs = args.size() > 2 ? args[2].toInt() : 3000;
    const QDir out(args[1]);
    ChartsPanel panel;
    panel.resize(1200, 620);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return 1;
    const QList<syncdeck::qbusiness::SyncJob> history
        = syncdeck::test::generateSyncHistory(runs, 1);
    const QDateTime now = history.first().startTime.addSecs(1800);
    panel.setClock([now] { return now; });
    for (qsizetype i = 0; i < history.size(); i += 10)
        panel.model()->appendJobs(history.mid(i, 10));
    // Select a run of the latest failure streak, as the table selection would.
    for (const auto &job : history) {
        if (job.status == u"FAILED") {
            panel.highlightRun(job.executionId);
            break;
        }
    }
    const QString suffix = dark ? QStringLiteral("-dark") : QString();
    auto save = [&](const QString &name) {
        QTest::qWait(50);
        const QString path = out.filePath(name + suffix + QStringLiteral(".png"));
        if (!panel.grab().save(path))
            std::fprintf(stderr, "could not save %s\n", qPrintable(path));
    };
    save(QStringLiteral("charts-metrics"));
    panel.metricsChart()->setMode(MetricsChartView::Mode::StackedBars);
    save(QStringLiteral("charts-bars"));
    panel.tabs()->setCurrentIndex(1);
    save(QStringLiteral("charts-timeline"));
    return 0;
}
