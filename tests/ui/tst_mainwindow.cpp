// The dashboard driven as an operator drives it: widgets found by name, menus and dialogs
// clicked through, over real TCP against the in-process emulator as its demo service and with
// the real charts, as app/gui composes them.
#include "charts/chartspanel.h"
#include "dashboard.h"
#include "details/jobdetailspanel.h"
#include "emulator/server.h"
#include "jobs/cachedhistory.h"
#include "mainwindow.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "report/reportpanel.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"
#include "widgets/notificationbanner.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using syncdeck::qbusiness::SyncJobModel;
using syncdeck::qbusiness::SyncStatus;
using syncdeck::test::demoLaunch;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::JobDetailsPanel;
using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;
using syncdeck::ui::NotificationBanner;

namespace {

constexpr int Timeout = 20000; // generous for ASan on a busy machine; passes as soon as true

syncdeck::emulator::Options smallDemo()
{
    syncdeck::emulator::Options o;
    o.jobsPerDataSource = 60;
    return o;
}

// The shared dashboard, on this test's small demo by default.
struct Dashboard : syncdeck::test::Dashboard
{
    explicit Dashboard(const LaunchOptions &options = demoLaunch(),
                       const syncdeck::emulator::Options &service = smallDemo())
        : syncdeck::test::Dashboard(options, service, Timeout)
    { }
};

QString fixtureId(char c, int n)
{
    return QStringLiteral("%1%2-0000-4000-8000-000000000000")
        .arg(QLatin1Char(c))
        .arg(n, 7, 10, QLatin1Char('0'));
}

// One application, one index, two data sources: one with a failed run whose message is HTML,
// one that never synced.
QString writeFixture(const QTemporaryDir &dir)
{
    QJsonObject failed {
        {QStringLiteral("executionId"), fixtureId('e', 1)},
        {QStringLiteral("startTime"), 1714564800},
        {QStringLiteral("endTime"), 1714565100},
        {QStringLiteral("status"), QStringLiteral("FAILED")},
        {QStringLiteral("error"),
         QJsonObject {{QStringLiteral("errorCode"), QStringLiteral("InvalidRequest")},
                      {QStringLiteral("errorMessage"), QStringLiteral("<b>html</b>")}}},
        {QStringLiteral("metrics"),
         QJsonObject {{QStringLiteral("documentsScanned"), QStringLiteral("12")}}}};
    QJsonObject succeeded {{QStringLiteral("executionId"), fixtureId('e', 2)},
                           {QStringLiteral("startTime"), 1714478400},
                           {QStringLiteral("endTime"), 1714478700},
                           {QStringLiteral("status"), QStringLiteral("SUCCEEDED")}};
    QJsonObject withRuns {{QStringLiteral("dataSourceId"), fixtureId('d', 1)},
                          {QStringLiteral("displayName"), QStringLiteral("Wiki")},
                          {QStringLiteral("type"), QStringLiteral("S3")},
                          {QStringLiteral("history"), QJsonArray {failed, succeeded}}};
    QJsonObject never {{QStringLiteral("dataSourceId"), fixtureId('d', 2)},
                       {QStringLiteral("displayName"), QStringLiteral("New-share")},
                       {QStringLiteral("type"), QStringLiteral("SHAREPOINT")},
                       {QStringLiteral("history"), QJsonArray {}}};
    QJsonObject index {{QStringLiteral("indexId"), fixtureId('i', 1)},
                       {QStringLiteral("displayName"), QStringLiteral("Main-index")},
                       {QStringLiteral("dataSources"), QJsonArray {withRuns, never}}};
    QJsonObject app {{QStringLiteral("applicationId"), fixtureId('a', 1)},
                     {QStringLiteral("displayName"), QStringLiteral("Fixture-app")},
                     {QStringLiteral("indices"), QJsonArray {index}}};
    const QString path = dir.filePath(QStringLiteral("fixture.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(
        QJsonDocument(QJsonObject {{QStringLiteral("applications"), QJsonArray {app}}}).toJson());
    return path;
}

// The small demo serving the fixture (written into `dir`).
syncdeck::emulator::Options fixtureService(const QTemporaryDir &dir)
{
    syncdeck::emulator::Options o = smallDemo();
    o.statePath = writeFixture(dir);
    return o;
}

// Profile `ops` of the test's own ~/.aws: its config, pointing at `endpoint`.
bool writeOpsConfig(const QString &path, const QUrl &endpoint)
{
    return syncdeck::test::writeFile(
        path,
        QStringLiteral("[profile ops]\nregion = us-east-1\nendpoint_url = %1\n")
            .arg(endpoint.toString())
            .toUtf8());
}

// Profile `ops`'s credentials: the emulator's keys.
bool writeOpsCredentials(const QString &path)
{
    return syncdeck::test::writeFile(
        path,
        QStringLiteral("[ops]\naws_access_key_id = %1\naws_secret_access_key = %2\n")
            .arg(QLatin1String(syncdeck::emulator::DefaultAccessKeyId),
                 QLatin1String(syncdeck::emulator::DefaultSecretAccessKey))
            .toUtf8());
}

bool allRowsHaveStatus(const QAbstractItemModel *model, const QString &wire)
{
    if (model->rowCount() == 0)
        return false;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(SyncJobModel::StatusWireRole).toString() != wire)
            return false;
    }
    return true;
}

void chooseStatus(QComboBox *status, const QString &wire)
{
    const int i = status->findData(wire);
    status->setCurrentIndex(i);
    emit status->activated(i);
}

QJsonArray readHistory(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("history"))
        .toArray();
}

// A translator that renames the View menu, as a translation does.
class RenamingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QLatin1String(sourceText) == QLatin1String("&View") ? QStringLiteral("&Ansicht")
                                                                   : QString();
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void constructsAndShows();
    void demoOpensOnFailedRun();
    void documentsFollowTheSelectedRun();
    void pickResourcesFilterAndSelect();
    void serverTextIsPlainText();
    void emptyStates_data();
    void emptyStates();
    void goToField();
    void liveRefreshFinishesRunningJob();
    void chartsFollowTheTableBothWays();
    void exportTableAsShown();
    void exportFailureIsExplained();
    void syncNowAndStopAreConfirmed();
    void syncNowAsksInPlainText();
    void viewMenuListsEveryPane();
    void unusableProfileOffersRetry();
    void reopensFromTheCacheThenOffline();
};

void TestMainWindow::constructsAndShows()
{
    Dashboard d(syncdeck::test::freshLaunch());
    QVERIFY(d.showExposed());
    QCOMPARE(d.window.windowTitle(), QStringLiteral("SyncDeck"));
    QVERIFY(d.window.statusBar()->isVisible());
    QVERIFY(!d.window.windowIcon().isNull());
    QLabel *empty = d.find<QLabel>("emptyState");
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QLatin1String("profile")));
    QCOMPARE(d.find<QLabel>("jobsStatus")->text(), QStringLiteral("Not connected"));
    // Every picker is reachable by keyboard and has an accessible name.
    for (const char *name : {"profile", "region", "application", "index", "dataSource",
                             "statusFilter", "range", "quickFilter", "goTo", "jobsView"}) {
        auto *w = d.find<QWidget>(name);
        QVERIFY2(w, name);
        QVERIFY2(!w->accessibleName().isEmpty(), name);
        QVERIFY2(w->focusPolicy() & Qt::TabFocus, name);
    }
    // The profile picker offers the demo and typed keys besides ~/.aws profiles.
    QVERIFY(d.combo("profile")->findData(QStringLiteral("demo:")) >= 0);
    QVERIFY(d.combo("profile")->findData(QStringLiteral("keys:")) >= 0);
}

void TestMainWindow::demoOpensOnFailedRun()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    QVERIFY(d.demo.server());
    NotificationBanner *demoBanner = d.banner("demoBanner");
    QVERIFY(demoBanner->isVisible());
    QCOMPARE(demoBanner->title(), QStringLiteral("Demo data"));
    JobDetailsPanel *details = d.details();
    QVERIFY(details->hasJob());
    QCOMPARE(details->job().status, QStringLiteral("FAILED"));
    QVERIFY(!details->errorMessageLabel()->text().isEmpty());
    QVERIFY(!details->explanationLabel()->text().isEmpty());
    // The selected row is the most recent failed one.
    const SyncJobModel *model = d.jobs();
    const int failedRow = model->firstRowWithStatus(SyncStatus::Failed);
    QCOMPARE(model->executionId(failedRow), details->job().executionId);
    QVERIFY(d.find<QLabel>("jobsStatus")->text().contains(QLatin1String("loaded")));
    QVERIFY(d.table()->isVisible());
}

void TestMainWindow::pickResourcesFilterAndSelect()
{
    Dashboard d(syncdeck::test::freshLaunch());
    QVERIFY(d.showExposed());
    QVERIFY(syncdeck::test::chooseProfile(&d.window, QStringLiteral("demo:")));
    QComboBox *dataSource = d.combo("dataSource");
    QTRY_VERIFY_WITH_TIMEOUT(d.combo("application")->count() == 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(d.combo("index")->count() > 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(dataSource->count() == 3, Timeout);
    QAbstractItemModel *rows = d.table()->model();
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() > 0, Timeout);

    // Pick the second data source, then back to the first: each is a new listing.
    dataSource->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded(), Timeout);
    QCOMPARE(d.jobs()->request().dataSourceId,
             dataSource->currentData(Qt::UserRole + 1).toString());
    dataSource->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(rows->rowCount() > 0, Timeout);

    // Filter FAILED: the filter goes to the service, so every row that comes back failed.
    QComboBox *status = d.combo("statusFilter");
    QVERIFY(status->findData(QStringLiteral("FAILED")) > 0);
    chooseStatus(status, QStringLiteral("FAILED"));
    QCOMPARE(d.jobs()->request().statusFilter, QStringLiteral("FAILED"));
    QTRY_VERIFY_WITH_TIMEOUT(allRowsHaveStatus(d.jobs(), QStringLiteral("FAILED")), Timeout);

    // Select the first row with the keyboard: the panel shows it.
    QTableView *view = d.table();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(d.details()->hasJob(), Timeout);
    const QModelIndex current = view->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(d.details()->job().executionId,
             current.siblingAtColumn(SyncJobModel::ExecutionIdColumn).data().toString());
    QCOMPARE(d.details()->errorMessageLabel()->text(), d.details()->job().errorMessage);

    // Quick filter over loaded rows says so.
    d.find<QLineEdit>("quickFilter")->setText(d.details()->job().executionId);
    QCOMPARE(rows->rowCount(), 1);
    QVERIFY(d.find<QLabel>("filterStatus")->text().contains(QLatin1String("Filtering")));
}

void TestMainWindow::serverTextIsPlainText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Dashboard d(demoLaunch(), fixtureService(dir));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    QVERIFY(d.details()->hasJob());
    QLabel *message = d.details()->errorMessageLabel();
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QCOMPARE(message->text(), QStringLiteral("<b>html</b>"));
    QVERIFY(d.details()->explanationLabel()->text().contains(QLatin1String("IAM role")));
}

void TestMainWindow::emptyStates_data()
{
    QTest::addColumn<int>("dataSourceRow");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("never synced") << 1 << QString() << QStringLiteral("never synced");
    QTest::newRow("nothing matches")
        << 0 << QStringLiteral("ABORTED") << QStringLiteral("No runs in this range");
}

void TestMainWindow::emptyStates()
{
    QFETCH(int, dataSourceRow);
    QFETCH(QString, status);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    Dashboard d(demoLaunch(), fixtureService(dir));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    d.combo("dataSource")->setCurrentIndex(dataSourceRow);
    if (!status.isEmpty())
        chooseStatus(d.combo("statusFilter"), status);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded(), Timeout);
    QLabel *empty = d.find<QLabel>("emptyState");
    QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), Timeout);
    QVERIFY2(empty->text().contains(expected), qPrintable(empty->text()));
}

void TestMainWindow::goToField()
{
    QTemporaryDir dir;
    Dashboard d(demoLaunch(), fixtureService(dir));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // A malformed reference: a clear error, nothing changes.
    QLineEdit *goTo = d.find<QLineEdit>("goTo");
    goTo->setText(QStringLiteral("arn:aws:qbusiness:us-east-1:1:application/x"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QVERIFY(d.banner("errorBanner")->isVisible());
    QVERIFY(d.errorText().contains(QLatin1String("data source ARN")));
    // Three IDs open that data source.
    goTo->setText(fixtureId('a', 1) + QLatin1Char(' ') + fixtureId('i', 1) + QLatin1Char(' ')
                  + fixtureId('d', 2));
    QTest::keyClick(goTo, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(d.jobs()->request().dataSourceId, fixtureId('d', 2), Timeout);
}

void TestMainWindow::liveRefreshFinishesRunningJob()
{
    LaunchOptions o = demoLaunch();
    o.pollIntervalMs = 150;
    syncdeck::emulator::Options service = smallDemo();
    // The seeded running job is a quarter through its run when the service starts.
    service.syncDurationMs = 3000;
    Dashboard d(o, service);
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    SyncJobModel *model = d.jobs();
    QVERIFY2(model->hasRunningJobs(), "the demo's first data source has a running sync");
    const int runningRow = model->firstRowWithStatus(SyncStatus::Syncing) >= 0
        ? model->firstRowWithStatus(SyncStatus::Syncing)
        : model->firstRowWithStatus(SyncStatus::SyncingIndexing);
    QVERIFY(runningRow >= 0);
    const QString id = model->executionId(runningRow);
    const int rows = model->rowCount();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy updated(model, &SyncJobModel::jobsUpdated);

    QTRY_VERIFY_WITH_TIMEOUT(!model->hasRunningJobs(), Timeout);
    const int row = model->rowOfExecutionId(id);
    QCOMPARE(model->job(row).status, QStringLiteral("FAILED"));
    // Merged in place: the view may have fetched more pages meanwhile, but no row is doubled.
    QVERIFY(model->rowCount() >= rows);
    QSet<QString> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.insert(model->executionId(r));
    QCOMPARE(ids.size(), model->rowCount());
    QCOMPARE(resets.size(), 0);
    QVERIFY(!updated.isEmpty());
    NotificationBanner *runBanner = d.banner("runBanner");
    QVERIFY(runBanner->isVisible());
    QVERIFY(runBanner->text().contains(id));
    // Nothing runs any more: polling stops.
    auto *loader = d.find<syncdeck::qbusiness::SyncJobLoader>("jobLoader");
    QTRY_VERIFY_WITH_TIMEOUT(!loader->isPollScheduled() && !loader->isPolling(), Timeout);
    // "Show run" selects the run that failed.
    d.table()->clearSelection();
    d.table()->selectionModel()->clearCurrentIndex();
    QVERIFY(!d.details()->hasJob());
    runBanner->actionButton()->click();
    QCOMPARE(d.details()->job().executionId, id);
}

void TestMainWindow::chartsFollowTheTableBothWays()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *charts = d.find<ChartsPanel>("chartsPanel");
    QVERIFY(charts);
    // Every loaded page reached the charts, without duplicates.
    QTRY_COMPARE_WITH_TIMEOUT(charts->model()->count(), d.jobs()->rowCount(), Timeout);
    // The selected row (the latest failed run) is highlighted in the charts.
    const QString selected = d.details()->job().executionId;
    QCOMPARE(charts->highlightedRun(), selected);
    // A run clicked in a chart becomes the table's current row.
    const QString other = d.jobs()->executionId(d.jobs()->rowCount() - 1);
    QVERIFY(other != selected);
    emit charts->runActivated(other);
    QCOMPARE(d.details()->job().executionId, other);
    QCOMPARE(charts->highlightedRun(), other);
}

void TestMainWindow::exportTableAsShown()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // Sorted by start time, oldest first, and narrowed by the quick filter.
    QTableView *view = d.table();
    view->sortByColumn(SyncJobModel::StartColumn, Qt::AscendingOrder);
    d.find<QLineEdit>("quickFilter")->setText(QStringLiteral("Failed"));
    QVERIFY(view->model()->rowCount() > 1);
    QVERIFY(view->model()->rowCount() < d.jobs()->rowCount());

    // File > Export table as JSON, in the AWS CLI's shape, with the table's order and filter.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("table.json"));
    syncdeck::ui::fileDialog()->setNextFileName(path);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("exportJsonAction")));
    const QJsonArray history = readHistory(path);
    QCOMPARE(history.size(), view->model()->rowCount());
    for (int r = 0; r < history.size(); ++r) {
        const QString id
            = view->model()->index(r, SyncJobModel::ExecutionIdColumn).data().toString();
        QCOMPARE(history.at(r).toObject().value(QStringLiteral("executionId")).toString(), id);
    }
    QVERIFY(d.window.statusBar()->currentMessage().startsWith(QLatin1String("Saved ")));

    // As CSV: every row shown, and none of the rows the quick filter hides.
    const QString csv = dir.filePath(QStringLiteral("table.csv"));
    syncdeck::ui::fileDialog()->setNextFileName(csv);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("exportCsvAction")));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    int exported = 0;
    for (int r = 0; r < d.jobs()->rowCount(); ++r)
        exported += text.contains(d.jobs()->executionId(r)) ? 1 : 0;
    QCOMPARE(exported, view->model()->rowCount());
}

void TestMainWindow::exportFailureIsExplained()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/t.csv"));
    syncdeck::ui::fileDialog()->setNextFileName(path);
    // The warning is a real message box: read it and click OK, as a user would.
    QString title, text;
    Qt::TextFormat format = Qt::AutoText;
    syncdeck::test::handleNextDialog<QMessageBox>([&](QMessageBox *box) {
        title = box->windowTitle();
        text = box->text();
        format = box->textFormat();
        box->button(QMessageBox::Ok)->click();
    });
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("exportCsvAction")));
    QCOMPARE(title, QStringLiteral("Export failed"));
    QVERIFY2(text.contains(QStringLiteral("missing")), qPrintable(text));
    QCOMPARE(format, Qt::PlainText);
    QVERIFY(!QFile::exists(path));
}

void TestMainWindow::syncNowAndStopAreConfirmed()
{
    syncdeck::emulator::Options service = smallDemo();
    service.syncDurationMs = 600000; // the sync started here runs until it is stopped
    service.stopDurationMs = 300;
    LaunchOptions o = demoLaunch();
    o.pollIntervalMs = 100;
    Dashboard d(o, service);
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // The second data source has no sync running.
    d.combo("dataSource")->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded() && !d.jobs()->isLoading(), Timeout);
    QVERIFY(!d.jobs()->hasRunningJobs());
    NotificationBanner *runBanner = d.banner("runBanner");
    auto *syncNow = d.window.findChild<QAction *>(QStringLiteral("syncNowAction"));
    auto *stop = d.window.findChild<QAction *>(QStringLiteral("stopSyncAction"));
    QVERIFY(syncNow->isEnabled());
    QVERIFY(!stop->isEnabled()); // nothing to stop

    // Cancel: no call at all (decided before anything is sent).
    syncdeck::ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("syncNowAction")));
    QVERIFY(d.window.findChildren<syncdeck::qbusiness::StartSyncCall *>().isEmpty());

    // Yes: the sync starts, the banner names its execution, live refresh shows it running.
    syncdeck::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("syncNowAction")));
    QTRY_COMPARE_WITH_TIMEOUT(runBanner->title(), QStringLiteral("Sync started"), Timeout);
    QVERIFY(runBanner->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->hasRunningJobs(), Timeout);
    QVERIFY(!syncNow->isEnabled()); // one runs already
    QVERIFY(stop->isEnabled());
    const int row = d.jobs()->firstRowWithStatus(SyncStatus::Syncing);
    QVERIFY(row >= 0);
    const QString started = d.jobs()->executionId(row);
    QVERIFY2(runBanner->text().contains(started), qPrintable(runBanner->text()));

    // Stop sync, confirmed: the run stops and ends ABORTED.
    syncdeck::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("stopSyncAction")));
    QTRY_COMPARE_WITH_TIMEOUT(runBanner->title(), QStringLiteral("Stopping the sync"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(d.jobs()->job(d.jobs()->rowOfExecutionId(started)).status,
                              QStringLiteral("ABORTED"), Timeout);

    // With nothing running, Stop sync cannot work and is disabled; Sync now can again. The
    // finished action's banner goes instead of staying above the table.
    QTRY_VERIFY_WITH_TIMEOUT(!stop->isEnabled(), Timeout);
    QVERIFY(syncNow->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!runBanner->isVisible(), Timeout);
    QVERIFY(!d.banner("errorBanner")->isVisible());
}

void TestMainWindow::syncNowAsksInPlainText()
{
    QTemporaryDir dir;
    Dashboard d(demoLaunch(), fixtureService(dir));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // The real question box: it names the data source, as plain text, and Cancel sends nothing.
    QString text;
    Qt::TextFormat format = Qt::AutoText;
    syncdeck::test::handleNextDialog<QMessageBox>([&](QMessageBox *box) {
        text = box->text();
        format = box->textFormat();
        box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("syncNowAction")));
    QVERIFY2(text.contains(QLatin1String("Wiki")), qPrintable(text));
    QCOMPARE(format, Qt::PlainText);
    QVERIFY(d.window.findChildren<syncdeck::qbusiness::StartSyncCall *>().isEmpty());
}

void TestMainWindow::documentsFollowTheSelectedRun()
{
    Dashboard d;
    QVERIFY(d.showReady());
    auto *report = d.find<syncdeck::ui::ReportPanel>("reportPanel");
    QVERIFY(report);
    QVERIFY(d.details()->hasJob());
    // It follows the selected run and reads its report from the connection's Logs client; however
    // the service answers, the read ends with an explained outcome, and the jobs table stays
    // usable. (That a hidden Documents tab reads nothing is tested on the panel itself.)
    QCOMPARE(report->target().executionId, d.details()->job().executionId);
    d.find<QDockWidget>("reportDock")->raise();
    QTRY_VERIFY_WITH_TIMEOUT(report->model()->outcome().isFinal(), Timeout);
    QVERIFY(!report->model()->outcome().title.isEmpty());
    QVERIFY(d.table()->isEnabled());
}

void TestMainWindow::viewMenuListsEveryPane()
{
    // Found by what it is, not by its title: a translation renames it.
    RenamingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    Dashboard d;
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(d.showExposed());
    auto *view = d.find<QMenu>("viewMenu");
    QVERIFY(view);
    QCOMPARE(view->title(), QStringLiteral("&Ansicht"));
    // The Documents view: a tab beside the charts (behind them, so it reads nothing until shown).
    auto *documents = d.find<QDockWidget>("reportDock");
    QVERIFY(documents);
    QVERIFY(view->actions().contains(documents->toggleViewAction()));
    QVERIFY(d.window.tabifiedDockWidgets(documents).contains(d.find<QDockWidget>("chartsDock")));
    for (const char *name : {"detailsDock", "chartsDock"}) {
        auto *dock = d.find<QDockWidget>(name);
        QVERIFY2(dock, name);
        QVERIFY2(view->actions().contains(dock->toggleViewAction()), name);
        QVERIFY(dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(!dock->isVisible());
    }
    QCOMPARE(d.find<QDockWidget>("detailsDock")->toggleViewAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_D));
}

void TestMainWindow::unusableProfileOffersRetry()
{
    // A profile of this test's own ~/.aws that points at the emulator but has no keys yet.
    QTemporaryDir home;
    syncdeck::emulator::Server service(smallDemo());
    QVERIFY(service.listen());
    const QString config = home.filePath(QStringLiteral("config"));
    const QString credentials = home.filePath(QStringLiteral("credentials"));
    QVERIFY(writeOpsConfig(config, service.url()));
    syncdeck::test::ScopedEnvironment env;
    env.useAwsFiles(config, credentials);

    Dashboard d(syncdeck::test::freshLaunch());
    QVERIFY(d.showExposed());
    QVERIFY(syncdeck::test::chooseProfile(&d.window, QStringLiteral("profile:ops")));
    NotificationBanner *error = d.banner("errorBanner");
    QVERIFY(error->isVisible());
    QCOMPARE(error->title(), QStringLiteral("Profile ops cannot be used"));
    QVERIFY2(error->text().contains(QLatin1String("Unable to locate credentials")),
             qPrintable(error->text()));
    QVERIFY(error->actionButton()->isVisible());
    QCOMPARE(error->actionButton()->text(), QStringLiteral("&Retry"));

    // Fix the file, then Retry: the profile now connects and lists the applications.
    QVERIFY(writeOpsCredentials(credentials));
    error->actionButton()->click();
    QVERIFY(!error->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(d.combo("application")->count(), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded(), Timeout);
}

// A profile pointing at the emulator (the fixture) and a cache in a temporary folder: the first
// window fills the cache; the next one shows the cached runs and names before any reply ("cached,
// as of"); with the service gone, the cached history stays with the offline banner. With
// SYNCDECK_SCREENSHOT_DIR set, both states are saved as PNG files there.
void TestMainWindow::reopensFromTheCacheThenOffline()
{
    QTemporaryDir home;
    QTemporaryDir cacheDir;
    QTemporaryDir fixture;
    auto service = std::make_unique<syncdeck::emulator::Server>(fixtureService(fixture));
    QVERIFY(service->listen());
    const QString config = home.filePath(QStringLiteral("config"));
    const QString credentials = home.filePath(QStringLiteral("credentials"));
    QVERIFY(writeOpsConfig(config, service->url()));
    QVERIFY(writeOpsCredentials(credentials));
    syncdeck::test::ScopedEnvironment env;
    env.useAwsFiles(config, credentials);
    LaunchOptions o;
    o.restoreSettings = false;
    o.profile = QStringLiteral("ops");
    o.applicationId = fixtureId('a', 1);
    o.indexId = fixtureId('i', 1);
    o.dataSourceId = fixtureId('d', 1);
    o.cacheDirectory = cacheDir.path();
    const QString shots = qEnvironmentVariable("SYNCDECK_SCREENSHOT_DIR");
    {
        Dashboard d(o);
        QVERIFY(d.showExposed());
        QTRY_COMPARE_WITH_TIMEOUT(d.jobs()->rowCount(), 2, Timeout);
        auto *history = d.find<syncdeck::ui::CachedHistory>("cachedHistory");
        QVERIFY(history->isOpen());
        QTRY_VERIFY_WITH_TIMEOUT(!history->isRefreshing(), Timeout);
        QVERIFY(!d.banner("cacheBanner")->isVisible());
    }
    {
        // The service answers again, but the window shows the cache first.
        Dashboard d(o);
        QSignalSpy firstRows(&d.window, &MainWindow::firstRowsShown);
        QVERIFY(d.showExposed());
        QTRY_COMPARE_WITH_TIMEOUT(d.jobs()->rowCount(), 2, Timeout);
        QCOMPARE(d.combo("dataSource")->currentText(), QStringLiteral("Wiki (S3)"));
        QVERIFY2(d.find<QLabel>("jobsStatus")->text().startsWith(QLatin1String("cached, as of")),
                 qPrintable(d.find<QLabel>("jobsStatus")->text()));
        if (!shots.isEmpty()) {
            QVERIFY(firstRows.count() > 0 || firstRows.wait(Timeout));
            d.window.grab().save(shots + QStringLiteral("/cache-reopened.png"));
        }
        auto *history = d.find<syncdeck::ui::CachedHistory>("cachedHistory");
        QTRY_VERIFY_WITH_TIMEOUT(!history->isRefreshing(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            !d.find<QLabel>("jobsStatus")->text().contains(QLatin1String("cached")), Timeout);
    }
    service.reset(); // nothing listens on the endpoint's port any more
    Dashboard d(o);
    QVERIFY(d.showExposed());
    QTRY_COMPARE_WITH_TIMEOUT(d.jobs()->rowCount(), 2, Timeout);
    NotificationBanner *banner = d.banner("cacheBanner");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QCOMPARE(banner->title(), QStringLiteral("Offline: showing the cached history"));
    QVERIFY2(banner->text().contains(QLatin1String("min ago")), qPrintable(banner->text()));
    QVERIFY2(d.find<QLabel>("jobsStatus")->text().startsWith(QLatin1String("Offline")),
             qPrintable(d.find<QLabel>("jobsStatus")->text()));
    // Names and details from the cache.
    QCOMPARE(d.combo("dataSource")->currentText(), QStringLiteral("Wiki (S3)"));
    d.table()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(d.details()->hasJob(), Timeout);
    if (!shots.isEmpty())
        d.window.grab().save(shots + QStringLiteral("/cache-offline.png"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
