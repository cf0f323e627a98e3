// Renders the charts panel with a generated history and saves screenshots (not a test):
//   chartscreenshots OUTPUT_DIR [RUNS] [dark]
// Used to look at the charts and to refresh docs/screenshots/.
#include "chartspanel.h"
#include "metricschartview.h"
#include "qbusiness/chartdatamodel.h"
#include "synchistory.h"

#include <QApplication>
#include <QDir>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>

#include <cstdio>

using syncdeck::ui::ChartsPanel;
using syncdeck::ui::charts::MetricsChartView;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: chartscreenshots OUTPUT_DIR [RUNS] [dark]\n");
        return 2;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
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
