// Renders the Documents view and saves screenshots (not a test), to look at it and to refresh
// docs/screenshots/:
//   reportscreenshots OUTPUT_DIR
// writes report-groups.png (a failed run's report grouped by reason), report-group-open.png (one
// group opened, a document and its raw event) and report-no-delivery.png (the "logs not
// delivered" state), from a CloudWatch Logs handler server on 127.0.0.1 with a realistic report.
#include "report/reportpanel.h"
#include "reportworld.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <cstdio>

using namespace syncdeck;
using test::FakeCloudWatchLogs;
using test::ReportWorld;

namespace {

// 1,200 documents of a SharePoint-like source: 9% failed for one of six reasons, 4% skipped.
logs::LogEvent reportEvent(qint64 t0, int i)
{
    static const char *const Reasons[] = {
        "File %1.pdf exceeds the 50 MB size limit",
        "Access denied reading /sites/finance/Shared Documents/%1.docx (403)",
        "Unsupported file type: %1.dwg",
        "The document %1.xlsx has no extractable text",
        "Timeout after 30000 ms fetching %1.pptx",
        "ACL for %1 references unknown principal group-7",
    };
    static const char *const Weights = "000011122233445"; // reason by i % 15: a few dominate
    const int kind = i % 100;
    const char *status = kind < 9 ? "FAILED" : kind < 13 ? "SKIPPED" : "SUCCESS";
    const QString name = QStringLiteral("Budget review %1").arg(2000 + i);
    QString message = QStringLiteral("{\"DocumentId\":\"doc-%1\",\"DocumentTitle\":\"%2\","
                                     "\"SourceUri\":\"https://contoso.sharepoint.com/sites/"
                                     "finance/Shared%20Documents/doc-%1.pdf\",\"CrawlAction\":"
                                     "\"ADD\",\"ConnectorDocumentStatus\":{\"Status\":\"%3\"},"
                                     "\"CrawlStatus\":{\"Status\":\"SUCCESS\"},\"SyncStatus\":"
                                     "{\"Status\":\"%3\"},\"IndexStatus\":{\"Status\":\"%4\"}")
                          .arg(i)
                          .arg(name, QLatin1String(status),
                               QLatin1String(kind < 13 ? "NOT_STARTED" : "SUCCESS"));
    if (kind < 9) {
        const int reason = Weights[i % 15] - '0';
        message
            += QStringLiteral(",\"ErrorMsg\":\"%1\"")
                   .arg(QString::fromLatin1(Reasons[reason]).arg(QStringLiteral("doc-%1").arg(i)));
    } else if (kind < 13) {
        message += QStringLiteral(",\"ErrorMsg\":\"Document unchanged since the last sync\"");
    }
    message += u'}';
    return FakeCloudWatchLogs::event(t0 + qint64(i) * 2500, message, i);
}

bool save(QWidget *widget, const QDir &out, const QString &name)
{
    QTest::qWait(150);
    const QString path = out.filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool finished(const ui::ReportPanel &panel)
{
    return QTest::qWaitFor(
        [&panel] { return panel.model()->outcome().isFinal() && !panel.model()->isLoading(); },
        20000);
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
    ReportWorld world;
    const report::RunReportTarget target = ReportWorld::target();
    QList<logs::LogEvent> events;
    for (int i = 0; i < 1200; ++i)
        events << reportEvent(ReportWorld::runStart().toMSecsSinceEpoch() + 1000, i);
    world.addReport(events);

    qbusiness::SyncJob job;
    job.executionId = target.executionId;
    job.startTime = target.runStart;
    job.endTime = target.runEnd;
    job.status = QStringLiteral("INCOMPLETE");
    job.metrics.documentsScanned = 1200;
    job.metrics.documentsFailed = 108;

    ui::ReportPanel panel;
    panel.setWindowTitle(QStringLiteral("Documents"));
    panel.setSelectionDelay(0);
    panel.setContext(target.region, target.applicationId, {}, target.dataSourceId);
    panel.setLogsClient(world.client.get());
    panel.resize(1400, 620);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return 1;
    panel.showJob(job);
    if (!finished(panel) || !save(&panel, out, QStringLiteral("report-groups")))
        return 1;

    auto *groups = panel.findChild<QTreeWidget *>(QStringLiteral("failureGroups"));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("documentsTable"));
    groups->setCurrentItem(groups->topLevelItem(1));
    table->selectRow(2);
    panel.findChild<QToolButton *>(QStringLiteral("showRawEvent"))->click();
    if (!save(&panel, out, QStringLiteral("report-group-open")))
        return 1;

    // An application without log delivery: no log group.
    qbusiness::SyncJob other = job;
    other.executionId = QStringLiteral("e0000000-0000-4000-8000-0000000000aa");
    ReportWorld empty;
    panel.setLogsClient(empty.client.get());
    panel.setContext(target.region, QStringLiteral("a2222222-2222-4222-8222-222222222222"), {},
                     target.dataSourceId);
    panel.showJob(other);
    if (!finished(panel) || !save(&panel, out, QStringLiteral("report-no-delivery")))
        return 1;
    return 0;
}
