// The Documents view over real TCP: a CloudWatch Logs handler server on 127.0.0.1 (ReportWorld)
// and the real Logs client, reader and model, driven through the widgets as a user does.
#include "report/reportpanel.h"

#include "dashboard.h"
#include "dashboardservices.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "uitestsupport.h"

#include "report/reportcounts.h"
#include "report/reportoutcome.h"
#include "reportworld.h"
#include "widgets/filedialog.h"
#include "widgets/notificationbanner.h"
#include "widgets/plaintext.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace syncdeck;
using report::DocumentReportModel;
using report::ReportStatus;
using test::ReportWorld;
using ui::ReportPanel;

namespace {

qbusiness::SyncJob job(const QString &executionId = QString::fromLatin1(ReportWorld::ExecutionId),
                       bool running = false)
{
    qbusiness::SyncJob j;
    j.executionId = executionId;
    j.startTime = ReportWorld::runStart();
    if (!running)
        j.endTime = ReportWorld::runEnd();
    j.status = running ? QStringLiteral("SYNCING") : QStringLiteral("INCOMPLETE");
    return j;
}

// 100 documents: 20 failed (one reason), 12 skipped (no message), 68 succeeded.
constexpr int Documents = 100;
constexpr int Failed = 20;
constexpr int Skipped = 12;
constexpr int Succeeded = Documents - Failed - Skipped;

struct Panel
{
    explicit Panel(ReportWorld *world)
    {
        panel.setSelectionDelay(0);
        panel.setContext(QString::fromLatin1(test::FakeCloudWatchLogs::Region),
                         QString::fromLatin1(ReportWorld::ApplicationId), QString(),
                         QString::fromLatin1(ReportWorld::DataSourceId));
        panel.setLogsClient(world->client.get());
        panel.resize(1200, 700);
        panel.show();
        if (!QTest::qWaitForWindowExposed(&panel))
            qWarning("the panel was not exposed");
    }
    template<typename T>
    T *find(const char *name) const
    {
        return panel.findChild<T *>(QLatin1String(name));
    }
    QTableView *table() const { return find<QTableView>("documentsTable"); }
    QTreeWidget *groups() const { return find<QTreeWidget>("failureGroups"); }
    ui::NotificationBanner *banner() const { return find<ui::NotificationBanner>("reportOutcome"); }
    QString label(const char *name) const { return find<QLabel>(name)->text(); }
    QString line(const char *name) const { return find<QLineEdit>(name)->text(); }
    bool finished() const
    {
        return panel.model()->outcome().isFinal() && !panel.model()->isLoading();
    }

    ReportPanel panel;
};

} // namespace

class TestReportPanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void selectingARunLoadsGroups();
    void searchAndStatusFilter();
    void exportWritesTheFile_data();
    void exportWritesTheFile();
    void exportFailureLeavesNoFile();
    void outcomesExplainThemselves_data();
    void outcomesExplainThemselves();
    void withoutLogsClient();
    void markupShowsAsLiteralText();
    void rawEventOnDemand();
    void openSourceUri_data();
    void openSourceUri();
    void copyInsightsQuery();
    void changingSelectionCancels();
    void growsWhileTheRunSyncs();
    void loadsOnlyWhenShown();
    void controlsAreNamedAndReachable();
    void detailsFitTheWindow_data();
    void detailsFitTheWindow();
};

void TestReportPanel::init()
{
    QGuiApplication::clipboard()->clear();
}

void TestReportPanel::selectingARunLoadsGroups()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(Documents));
    Panel p(&world);
    QAbstractItemModelTester tester(p.panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    qbusiness::SyncJob run = job();
    run.metrics.documentsFailed = Failed;
    run.metrics.documentsScanned = Documents;
    QSignalSpy firstRows(&p.panel, &ReportPanel::firstRowsShown);
    p.panel.showJob(run);
    QVERIFY(firstRows.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    QCOMPARE(p.panel.model()->outcome().status, ReportStatus::Complete);
    QVERIFY2(
        p.label("reportCounts").startsWith(QStringLiteral("20 failed · 12 skipped · 68 succeeded")),
        qPrintable(p.label("reportCounts")));
    const report::MetricsComparison agrees
        = report::compareWithMetrics(p.panel.model()->counts(), run.metrics, true);
    QVERIFY(agrees.agrees);
    QCOMPARE(p.label("metricsAgreement"), agrees.summary);
    QVERIFY(p.label("reportState").contains(QLatin1String("100 events")));
    QVERIFY(p.banner()->isHidden()); // a complete report needs no explanation

    // "All reasons", then the groups by size: the failures (one normalized reason), the skips.
    QTreeWidget *groups = p.groups();
    QCOMPARE(groups->topLevelItemCount(), 3);
    QCOMPARE(groups->topLevelItem(0)->text(0), QStringLiteral("All reasons"));
    QCOMPARE(groups->topLevelItem(0)->text(2), QString::number(Failed + Skipped));
    QCOMPARE(groups->topLevelItem(1)->text(0), QStringLiteral("File <file> exceeds <n> MB"));
    QCOMPARE(groups->topLevelItem(1)->text(1), QStringLiteral("Failed"));
    QCOMPARE(groups->topLevelItem(1)->text(2), QString::number(Failed));
    QCOMPARE(groups->topLevelItem(2)->text(2), QString::number(Skipped));
    QCOMPARE(p.table()->model()->rowCount(), Failed + Skipped); // failed and skipped by default

    // Opening a group lists its documents, with title, URI, stages and error.
    groups->setCurrentItem(groups->topLevelItem(1));
    QCOMPARE(p.table()->model()->rowCount(), Failed);
    p.table()->setFocus();
    p.table()->selectRow(1);
    QCOMPARE(p.label("documentTitle"), QStringLiteral("doc-5.pdf"));
    QCOMPARE(p.line("documentSourceUri"),
             QStringLiteral("https://bucket.s3.amazonaws.com/doc-5.pdf"));
    QCOMPARE(p.line("documentId"), QStringLiteral("s3://bucket/doc-5.pdf"));
    QCOMPARE(p.label("documentError"), QStringLiteral("File doc-5.pdf exceeds 50 MB"));
    QCOMPARE(p.label("documentStatus"), QStringLiteral("Failed"));
    // Back to every reason.
    groups->setCurrentItem(groups->topLevelItem(0));
    QCOMPARE(p.table()->model()->rowCount(), Failed + Skipped);
}

void TestReportPanel::searchAndStatusFilter()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(Documents));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    auto *search = p.find<QLineEdit>("reportSearch");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("DOC-15.pdf"));
    QTRY_COMPARE_WITH_TIMEOUT(p.table()->model()->rowCount(), 1, 5000); // case-insensitive
    QCOMPARE(p.table()->model()->index(0, DocumentReportModel::TitleColumn).data().toString(),
             QStringLiteral("doc-15.pdf"));
    QVERIFY(p.label("reportState").contains(QLatin1String("1 match")));
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(p.table()->model()->rowCount(), Failed + Skipped, 5000);

    auto *status = p.find<QComboBox>("reportStatusFilter");
    const QList<QPair<QString, int>> choices {{QStringLiteral("Succeeded"), Succeeded},
                                              {QStringLiteral("Skipped"), Skipped},
                                              {QStringLiteral("Failed"), Failed},
                                              {QStringLiteral("All events"), Documents}};
    for (const auto &[text, rows] : choices) {
        status->setCurrentIndex(status->findText(text));
        QCOMPARE(p.table()->model()->rowCount(), rows);
    }
    // A search within a status.
    status->setCurrentIndex(status->findText(QStringLiteral("Succeeded")));
    QTest::keyClicks(search, QStringLiteral("doc-1"));
    QTest::keyClick(search, Qt::Key_Return);
    // doc-1 and doc-10..19 match; of those, 10 and 15 failed and 14 was skipped.
    QCOMPARE(p.table()->model()->rowCount(), 8);
}

void TestReportPanel::exportWritesTheFile_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("CSV") << "exportReportCsv"
                         << "report.csv";
    QTest::newRow("JSON Lines") << "exportReportJsonLines"
                                << "report.jsonl";
}

void TestReportPanel::exportWritesTheFile()
{
    QFETCH(QString, action);
    QFETCH(QString, fileName);
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(Documents));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    p.find<QComboBox>("reportStatusFilter")->setCurrentIndex(1); // failed only
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    ui::fileDialog()->setNextFileName(path);
    QSignalSpy exported(&p.panel, &ReportPanel::exported);
    auto *button = p.find<QPushButton>("exportReport");
    QVERIFY(button->isEnabled());
    QAction *item = button->menu()->findChild<QAction *>(action);
    QVERIFY(item);
    item->trigger();
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().at(0).toLongLong(), qint64(Failed));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    const bool csv = fileName.endsWith(QLatin1String(".csv"));
    QCOMPARE(lines.size(), Failed + (csv ? 1 : 0));
    QVERIFY(lines.last().contains("exceeds 50 MB"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {fileName}); // no temp file left
}

void TestReportPanel::exportFailureLeavesNoFile()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(10));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/folder/report.csv"));
    ui::fileDialog()->setNextFileName(path);
    QSignalSpy exported(&p.panel, &ReportPanel::exported);
    p.panel.exportView(report::ReportExportFormat::Csv);
    QCOMPARE(exported.count(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(p.banner()->isVisible());
    QCOMPARE(p.banner()->title(), QStringLiteral("Export failed"));
    QVERIFY2(p.banner()->text().contains(QLatin1String("report.csv")),
             qPrintable(p.banner()->text()));
}

void TestReportPanel::outcomesExplainThemselves_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("actionCopies");
    QTest::newRow("no log group") << "noGroup" << int(ReportStatus::NoLogGroup) << "SYNC_JOB_LOGS"
                                  << "put-delivery-source";
    QTest::newRow("access denied")
        << "denied" << int(ReportStatus::AccessDenied) << "logs:FilterLogEvents"
        << "logs:FilterLogEvents";
    QTest::newRow("throttled") << "throttled" << int(ReportStatus::Throttled)
                               << "Try again in a minute"
                               << "";
    QTest::newRow("too old: retention") << "tooOld" << int(ReportStatus::NoLogStream) << "retention"
                                        << "";
    QTest::newRow("empty window") << "empty" << int(ReportStatus::Empty) << ""
                                  << "";
    QTest::newRow("an HTML page") << "html" << int(ReportStatus::Failed) << ""
                                  << "";
}

void TestReportPanel::outcomesExplainThemselves()
{
    QFETCH(QString, situation);
    QFETCH(int, status);
    QFETCH(QString, says);
    QFETCH(QString, actionCopies);
    ReportWorld world;
    const QString group = ReportWorld::target().logGroupName();
    if (situation == u"denied") {
        world.addReport(ReportWorld::documentEvents(3));
        world.fake.options().accessDenied = true;
    } else if (situation == u"throttled") {
        world.addReport(ReportWorld::documentEvents(3));
        world.fake.options().throttleFirst = 1000000;
    } else if (situation == u"tooOld") {
        world.fake.addGroup(group); // the run of 2024 is long past the retention
    } else if (situation == u"empty") {
        world.addReport(
            ReportWorld::documentEvents(3, ReportWorld::runEnd().addDays(1).toMSecsSinceEpoch()));
    } else if (situation == u"html") {
        world.addReport(ReportWorld::documentEvents(3));
        world.fake.options().htmlOkPage = true;
    }
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 20000);
    const report::ReportOutcome outcome = p.panel.model()->outcome();
    QCOMPARE(int(outcome.status), status);
    // The view shows the outcome's own words: title, explanation and next step.
    ui::NotificationBanner *banner = p.banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->title(), outcome.title);
    QVERIFY(banner->text().contains(outcome.explanation));
    QVERIFY(!outcome.nextStep.isEmpty());
    QVERIFY(banner->text().contains(outcome.nextStep));
    QVERIFY2(banner->text().contains(says), qPrintable(banner->text()));
    QCOMPARE(banner->kind() == ui::NotificationBanner::Kind::Error, outcome.isFailure());
    // The banner's title is not said again under it: with nothing read, the state line is gone.
    QCOMPARE(outcome.eventsRead, 0);
    QVERIFY2(!p.find<QLabel>("reportState")->isVisible(), qPrintable(p.label("reportState")));
    QVERIFY(!p.label("reportState").contains(outcome.title));
    // Its action copies what to paste (commands, a policy) or tries again.
    QPushButton *action = banner->actionButton();
    if (!actionCopies.isEmpty()) {
        QVERIFY(action->isVisible());
        QTest::mouseClick(action, Qt::LeftButton);
        QVERIFY(QGuiApplication::clipboard()->text().contains(actionCopies));
    } else if (outcome.isFailure()) {
        QCOMPARE(action->text(), QStringLiteral("Retry"));
        const int requests = world.fake.requests();
        QTest::mouseClick(action, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(world.fake.requests() > requests, 10000);
    }
}

void TestReportPanel::withoutLogsClient()
{
    ReportWorld world;
    Panel p(&world);
    p.panel.setLogsClient(nullptr, QStringLiteral("No Logs endpoint for region xx-none-1."),
                          QStringLiteral("Set AWS_ENDPOINT_URL_CLOUDWATCH_LOGS."));
    p.panel.showJob(job());
    QVERIFY(p.banner()->isVisible());
    QCOMPARE(p.banner()->title(), QStringLiteral("Reports cannot be read"));
    QVERIFY(p.banner()->text().contains(QLatin1String("xx-none-1")));
    QVERIFY(p.banner()->text().contains(QLatin1String("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")));
    QTest::qWait(50);
    QCOMPARE(world.fake.requests(), 0);
    p.panel.clearJob();
    QVERIFY(p.find<QLabel>("reportPlaceholder")->isVisible());
}

void TestReportPanel::markupShowsAsLiteralText()
{
    ReportWorld world;
    const QString title = QStringLiteral("<b>bold</b><img src=x onerror=alert(1)>");
    const QString error = QStringLiteral("<a href='https://evil.example/'>click</a> <i>now</i>");
    const QString message = QStringLiteral("{\"DocumentId\":\"d1\",\"DocumentTitle\":\"%1\","
                                           "\"SourceUri\":\"https://x.example/<script>\","
                                           "\"ConnectorDocumentStatus\":{\"Status\":\"FAILED\"},"
                                           "\"ErrorMsg\":\"%2\"}")
                                .arg(title, error);
    world.addReport({test::FakeCloudWatchLogs::event(
        ReportWorld::runStart().toMSecsSinceEpoch() + 1000, message, 1)});
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    QCOMPARE(p.table()->model()->rowCount(), 1);
    p.table()->selectRow(0);
    for (const char *name : {"documentTitle", "documentError"})
        QCOMPARE(p.find<QLabel>(name)->textFormat(), Qt::PlainText);
    QCOMPARE(p.line("documentSourceUri"), QStringLiteral("https://x.example/<script>"));
    QCOMPARE(p.label("documentTitle"), title);
    QCOMPARE(p.label("documentError"), error);
    // Tooltips are rich text that shows the characters: the markup is escaped.
    const QModelIndex errorCell = p.table()->model()->index(0, DocumentReportModel::ErrorColumn);
    const QString tip = errorCell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("&lt;a href=")), qPrintable(tip));
    QVERIFY(!tip.contains(QLatin1String("<a href")));
    const QModelIndex titleCell = p.table()->model()->index(0, DocumentReportModel::TitleColumn);
    QVERIFY(titleCell.data(Qt::ToolTipRole).toString().contains(QLatin1String("&lt;b&gt;")));
    QCOMPARE(titleCell.data().toString(), title);
    // The group's reason: plain item text, escaped tooltip with the message verbatim.
    const report::FailureGroup &reason = p.panel.model()->failureGroups().groups().at(0);
    QCOMPARE(reason.exampleMessage, error);
    QTreeWidgetItem *group = p.groups()->topLevelItem(1);
    QCOMPARE(group->text(0), reason.reason);
    const QString groupTip = group->toolTip(0);
    QCOMPARE(groupTip,
             ui::plainToolTip(reason.reason + QStringLiteral("\n\nFor example: ") + error));
    QVERIFY2(groupTip.contains(QLatin1String("&lt;a href=")), qPrintable(groupTip));
    QVERIFY(!groupTip.contains(QLatin1String("<i>")));
}

void TestReportPanel::rawEventOnDemand()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(10));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    auto *raw = p.find<QPlainTextEdit>("rawEvent");
    auto *toggle = p.find<QToolButton>("showRawEvent");
    QVERIFY(!raw->isVisible());
    QVERIFY(!toggle->isEnabled()); // no document chosen yet
    p.table()->selectRow(0);
    QVERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(raw->isVisible());
    const QString text = raw->toPlainText();
    QVERIFY2(text.contains(QLatin1String("\"DocumentId\": \"s3://bucket/doc-0.pdf\"")),
             qPrintable(text)); // pretty-printed JSON
    QVERIFY(text.contains(ReportWorld::target().reportStreamName()));
    // The next document's raw event follows the selection.
    p.table()->selectRow(1);
    QVERIFY(raw->toPlainText().contains(QLatin1String("doc-5.pdf")));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!raw->isVisible());
}

void TestReportPanel::openSourceUri_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("browserOpens");
    QTest::addColumn<bool>("opened");
    QTest::addColumn<QString>("says");
    QTest::newRow("browser") << "https://x.example/a%20b" << true << true << "Opened";
    QTest::newRow("no browser") << "https://x.example/doc" << false << false << "No browser";
    QTest::newRow("not a web address")
        << "file:///etc/passwd" << true << false << "not a web address";
}

void TestReportPanel::openSourceUri()
{
    QFETCH(QString, uri);
    QFETCH(bool, browserOpens);
    QFETCH(bool, opened);
    QFETCH(QString, says);
    ReportWorld world;
    const QString message = QStringLiteral("{\"DocumentId\":\"d1\",\"SourceUri\":\"%1\","
                                           "\"ConnectorDocumentStatus\":{\"Status\":\"FAILED\"}}")
                                .arg(uri);
    world.addReport({test::FakeCloudWatchLogs::event(
        ReportWorld::runStart().toMSecsSinceEpoch() + 1000, message, 1)});
    Panel p(&world);
    QList<QUrl> urls;
    p.panel.setUrlOpener([&urls, browserOpens](const QUrl &url) {
        urls << url;
        return browserOpens;
    });
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    p.table()->selectRow(0);
    QSignalSpy messages(&p.panel, &ReportPanel::messageShown);
    QTest::mouseClick(p.find<QPushButton>("openSourceUri"), Qt::LeftButton);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.first().first().toString().contains(says),
             qPrintable(messages.first().first().toString()));
    QCOMPARE(!urls.isEmpty() && browserOpens, opened);
    if (opened)
        QCOMPARE(urls.first().toString(QUrl::FullyEncoded), uri);
    else
        QCOMPARE(QGuiApplication::clipboard()->text(), uri); // copied instead
}

void TestReportPanel::copyInsightsQuery()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(Documents));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    p.groups()->setCurrentItem(p.groups()->topLevelItem(1)); // the size failures
    QTest::mouseClick(p.find<QPushButton>("copyInsightsQuery"), Qt::LeftButton);
    const QString query = QGuiApplication::clipboard()->text();
    QVERIFY2(query.contains(ReportWorld::target().logGroupName()), qPrintable(query));
    QVERIFY(query.contains(ReportWorld::target().reportStreamName()));
    QVERIFY(query.contains(QLatin1String("FAILED")));
    QVERIFY(query.contains(QLatin1String("exceeds")));
}

void TestReportPanel::changingSelectionCancels()
{
    ReportWorld world;
    // Run A: a long report (pages of 1 MB); run B: three documents.
    const report::RunReportTarget a = ReportWorld::target();
    world.fake.addGeneratedStream(a.logGroupName(), a.reportStreamName(), 60000, [](qint64 i) {
        return ReportWorld::documentEvent(ReportWorld::runStart().toMSecsSinceEpoch() + 1000 + i,
                                          int(i));
    });
    const QString other = QStringLiteral("e0000000-0000-4000-8000-0000000000bb");
    report::RunReportTarget b = a;
    b.executionId = other;
    world.fake.addStream(b.logGroupName(), b.reportStreamName(), ReportWorld::documentEvents(3));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.panel.model()->storedEvents() > 0, 10000);
    QPointer<report::ReportReader> first = p.panel.reader();
    QVERIFY(first);
    QVERIFY(!first->isFinished());
    p.panel.showJob(job(other));
    QVERIFY(first.isNull() || first->outcome().status == ReportStatus::Cancelled);
    QCOMPARE(p.panel.model()->storedEvents(), qint64(0)); // A's rows are gone at once
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    QCOMPARE(p.panel.model()->outcome().status, ReportStatus::Complete);
    QCOMPARE(p.panel.model()->storedEvents(), qint64(3));
    QTRY_VERIFY(first.isNull()); // the cancelled reader is gone
    // A's read stopped: far fewer pages than its 60,000 events need.
    int pagesOfA = 0;
    for (const QJsonObject &body : world.fake.bodies())
        pagesOfA
            += body.value(QLatin1String("logStreamNames")).toArray().contains(a.reportStreamName());
    QVERIFY2(pagesOfA < 5, qPrintable(QString::number(pagesOfA)));
    QTest::qWait(100);
    QCOMPARE(p.panel.model()->storedEvents(), qint64(3)); // nothing of A arrives late
}

void TestReportPanel::growsWhileTheRunSyncs()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(5));
    Panel p(&world);
    p.panel.setPollInterval(30);
    p.panel.showJob(job(QString::fromLatin1(ReportWorld::ExecutionId), true));
    QTRY_COMPARE_WITH_TIMEOUT(p.panel.model()->outcome().status, ReportStatus::Following, 10000);
    QCOMPARE(p.panel.model()->storedEvents(), qint64(5));
    QVERIFY(p.label("reportState").contains(QLatin1String("still syncing")));
    QVERIFY(p.banner()->isHidden());
    const report::RunReportTarget t = ReportWorld::target();
    world.fake.appendEvents(t.logGroupName(), t.reportStreamName(),
                            ReportWorld::documentEvents(10, 0, 5).mid(5)); // documents 10..14
    QTRY_COMPARE_WITH_TIMEOUT(p.panel.model()->storedEvents(), qint64(10), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(p.label("reportCounts").startsWith(QLatin1String("2 failed")),
                             5000); // documents 0 and 10
    // Failed and skipped: documents 0 and 10, and 14. Groups refresh coalesced.
    QTRY_COMPARE(p.groups()->topLevelItem(0)->text(2), QStringLiteral("3"));
    // The run ends: the reader hears of it and closes its window.
    qbusiness::SyncJob ended = job();
    p.panel.setJob(ended);
    QVERIFY(p.panel.reader());
    QCOMPARE(p.panel.reader()->windowEndMs().value_or(0),
             ReportWorld::runEnd().toMSecsSinceEpoch() + report::RunReportTarget::WindowMarginMs);
}

void TestReportPanel::loadsOnlyWhenShown()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(10));
    Panel p(&world);
    p.panel.hide();
    p.panel.showJob(job());
    QTest::qWait(100);
    QCOMPARE(world.fake.requests(), 0); // a hidden tab costs no Logs quota
    QVERIFY(!p.panel.reader());
    p.panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    QCOMPARE(p.panel.model()->storedEvents(), qint64(10));
}

void TestReportPanel::controlsAreNamedAndReachable()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(10));
    Panel p(&world);
    p.panel.showJob(job());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), 10000);
    for (const char *name :
         {"reportSearch", "reportStatusFilter", "reloadReport", "exportReport", "copyInsightsQuery",
          "failureGroups", "documentsTable", "openSourceUri", "copySourceUri", "showRawEvent"}) {
        auto *widget = p.find<QWidget>(name);
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
        QVERIFY2(widget->focusPolicy() & Qt::TabFocus, name);
    }
    // The "All reasons" row has blank cells: they read as what they stand for, not as nothing.
    auto *groups = p.find<QTreeWidget>("failureGroups");
    QTreeWidgetItem *all = groups->topLevelItem(0);
    for (int column = 0; column < groups->columnCount(); ++column) {
        const QString read = all->text(column).isEmpty()
            ? all->data(column, Qt::AccessibleTextRole).toString()
            : all->text(column);
        QVERIFY2(!read.isEmpty(), qPrintable(QString::number(column)));
    }
    // Tab walks from the search box through the filter to the buttons.
    auto *search = p.find<QLineEdit>("reportSearch");
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), p.find<QWidget>("reportStatusFilter"));
}

void TestReportPanel::detailsFitTheWindow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1280x800") << QSize(1280, 800);
}

// In the real window on the demo (its latest failed run, long GitHub URIs), the Documents pane
// raised: a document's actions are whole inside the details pane, with nothing to scroll to.
void TestReportPanel::detailsFitTheWindow()
{
    QFETCH(QSize, size);
    // A first start (the docks sized as for a new user), remembering nothing of this machine.
    QTemporaryDir home;
    QVERIFY(home.isValid());
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
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(ready.wait(20000));
    window.resize(size);
    QTRY_COMPARE_WITH_TIMEOUT(window.size(), size, 5000);
    window.findChild<QDockWidget *>(QStringLiteral("reportDock"))->raise();
    auto *panel = window.findChild<ReportPanel *>(QStringLiteral("reportPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 20000);
    panel->findChild<QTableView *>(QStringLiteral("documentsTable"))->selectRow(0);
    auto *scroll = panel->findChild<QScrollArea *>(QStringLiteral("documentDetailsScroll"));
    QWidget *pane = scroll->viewport();
    const auto inWindow
        = [&window](QWidget *w) { return QRect(w->mapTo(&window, QPoint()), w->size()); };
    QTRY_VERIFY2_WITH_TIMEOUT(pane->isVisible() && window.rect().contains(inWindow(pane)),
                              qPrintable(QStringLiteral("the pane at %1,%2 %3x%4")
                                             .arg(inWindow(pane).x())
                                             .arg(inWindow(pane).y())
                                             .arg(pane->width())
                                             .arg(pane->height())),
                              5000);
    for (const char *name : {"openSourceUri", "copySourceUri"}) {
        auto *button = panel->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button->isVisible() && button->isEnabled(), name);
        const QRect inPane(button->mapTo(pane, QPoint()), button->size());
        QVERIFY2(pane->rect().contains(inPane),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in a pane of %6x%7")
                                .arg(QLatin1String(name))
                                .arg(inPane.x())
                                .arg(inPane.y())
                                .arg(inPane.width())
                                .arg(inPane.height())
                                .arg(pane->width())
                                .arg(pane->height())));
    }
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
}

QTEST_MAIN(TestReportPanel)
#include "tst_reportpanel.moc"
