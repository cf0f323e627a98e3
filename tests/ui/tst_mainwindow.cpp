// The dashboard driven like an operator would, over real TCP against the in-process emulator.
#include "charts/chartspanel.h"
#include "emulator/server.h"
#include "jobdetailspanel.h"
#include "mainwindow.h"
#include "notificationbanner.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using syncdeck::qbusiness::SyncJobModel;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;

namespace {

constexpr int Timeout = 20000; // generous for ASan on a busy machine; passes as soon as true

LaunchOptions demoOptions()
{
    LaunchOptions o;
    o.demo = true;
    o.restoreSettings = false;
    o.demoService.jobsPerDataSource = 60;
    return o;
}

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

void chooseDemoProfile(MainWindow &window)
{
    QComboBox *profile = window.profileCombo();
    const int demo = profile->findData(QStringLiteral("demo:"));
    QVERIFY(demo >= 0);
    profile->setFocus();
    profile->setCurrentIndex(demo);
    emit profile->activated(demo); // what choosing it with keyboard or mouse does
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

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void constructsAndShows();
    void demoOpensOnFailedRun();
    void pickResourcesFilterAndSelect();
    void serverTextIsPlainText();
    void emptyStates_data();
    void emptyStates();
    void goToField();
    void liveRefreshFinishesRunningJob();
    void chartsFollowTheTableBothWays();
};

void TestMainWindow::constructsAndShows()
{
    LaunchOptions o;
    o.restoreSettings = false;
    MainWindow window(o);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("SyncDeck"));
    QVERIFY(window.statusBar()->isVisible());
    QVERIFY(!window.windowIcon().isNull());
    QVERIFY(window.emptyStateLabel()->isVisible());
    QVERIFY(window.emptyStateLabel()->text().contains(QLatin1String("profile")));
    QCOMPARE(window.statusLabel()->text(), QStringLiteral("Not connected"));
    // Every picker is reachable by keyboard and has an accessible name.
    for (QWidget *w :
         {static_cast<QWidget *>(window.profileCombo()),
          static_cast<QWidget *>(window.regionCombo()),
          static_cast<QWidget *>(window.applicationCombo()),
          static_cast<QWidget *>(window.indexCombo()),
          static_cast<QWidget *>(window.dataSourceCombo()),
          static_cast<QWidget *>(window.statusCombo()), static_cast<QWidget *>(window.rangeCombo()),
          static_cast<QWidget *>(window.quickFilterEdit()),
          static_cast<QWidget *>(window.goToEdit()), static_cast<QWidget *>(window.jobsView())}) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(w->objectName()));
    }
    // The profile picker offers the demo and typed keys besides ~/.aws profiles.
    QVERIFY(window.profileCombo()->findData(QStringLiteral("demo:")) >= 0);
    QVERIFY(window.profileCombo()->findData(QStringLiteral("keys:")) >= 0);
}

void TestMainWindow::demoOpensOnFailedRun()
{
    MainWindow window(demoOptions());
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    QVERIFY(window.demoServer());
    QVERIFY(window.demoBanner()->isVisible());
    QCOMPARE(window.demoBanner()->title(), QStringLiteral("Demo data"));
    QVERIFY(window.detailsPanel()->hasJob());
    QCOMPARE(window.detailsPanel()->job().status, QStringLiteral("FAILED"));
    QVERIFY(!window.detailsPanel()->errorMessageLabel()->text().isEmpty());
    QVERIFY(!window.detailsPanel()->explanationLabel()->text().isEmpty());
    // The selected row is the most recent failed one.
    const SyncJobModel *model = window.jobModel();
    const int failedRow = model->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Failed);
    QCOMPARE(model->executionId(failedRow), window.detailsPanel()->job().executionId);
    QVERIFY(window.statusLabel()->text().contains(QLatin1String("loaded")));
    QVERIFY(window.jobsView()->isVisible());
}

void TestMainWindow::pickResourcesFilterAndSelect()
{
    LaunchOptions o;
    o.restoreSettings = false;
    o.demoService = demoOptions().demoService;
    MainWindow window(o);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    chooseDemoProfile(window);
    QTRY_VERIFY_WITH_TIMEOUT(window.applicationCombo()->count() == 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.indexCombo()->count() > 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.dataSourceCombo()->count() == 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.sortProxy()->rowCount() > 0, Timeout);

    // Pick the second data source, then back to the first: each is a new listing.
    window.dataSourceCombo()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(window.jobModel()->isFirstPageLoaded(), Timeout);
    QCOMPARE(window.jobModel()->request().dataSourceId,
             window.dataSourceCombo()->currentData(Qt::UserRole + 1).toString());
    window.dataSourceCombo()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(window.sortProxy()->rowCount() > 0, Timeout);

    // Filter FAILED: the filter goes to the service, so every row that comes back failed.
    QComboBox *status = window.statusCombo();
    const int failed = status->findData(QStringLiteral("FAILED"));
    QVERIFY(failed > 0);
    status->setCurrentIndex(failed);
    emit status->activated(failed);
    QCOMPARE(window.jobModel()->request().statusFilter, QStringLiteral("FAILED"));
    QTRY_VERIFY_WITH_TIMEOUT(allRowsHaveStatus(window.jobModel(), QStringLiteral("FAILED")),
                             Timeout);

    // Select the first row with the keyboard: the panel shows it.
    QTableView *view = window.jobsView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(window.detailsPanel()->hasJob(), Timeout);
    const QModelIndex current = view->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(window.detailsPanel()->job().executionId,
             current.siblingAtColumn(SyncJobModel::ExecutionIdColumn).data().toString());
    QCOMPARE(window.detailsPanel()->errorMessageLabel()->text(),
             window.detailsPanel()->job().errorMessage);

    // Quick filter over loaded rows says so.
    window.quickFilterEdit()->setText(window.detailsPanel()->job().executionId);
    QCOMPARE(window.sortProxy()->rowCount(), 1);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("filterStatus"))
                ->text()
                .contains(QLatin1String("Filtering")));
}

void TestMainWindow::serverTextIsPlainText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LaunchOptions o = demoOptions();
    o.demoService.statePath = writeFixture(dir);
    MainWindow window(o);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    QVERIFY(window.detailsPanel()->hasJob());
    QLabel *message = window.detailsPanel()->errorMessageLabel();
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QCOMPARE(message->text(), QStringLiteral("<b>html</b>"));
    QVERIFY(window.detailsPanel()->explanationLabel()->text().contains(QLatin1String("IAM role")));
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
    LaunchOptions o = demoOptions();
    o.demoService.statePath = writeFixture(dir);
    MainWindow window(o);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    window.dataSourceCombo()->setCurrentIndex(dataSourceRow);
    if (!status.isEmpty()) {
        const int i = window.statusCombo()->findData(status);
        window.statusCombo()->setCurrentIndex(i);
        emit window.statusCombo()->activated(i);
    }
    QTRY_VERIFY_WITH_TIMEOUT(window.jobModel()->isFirstPageLoaded(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.emptyStateLabel()->isVisible(), Timeout);
    QVERIFY2(window.emptyStateLabel()->text().contains(expected),
             qPrintable(window.emptyStateLabel()->text()));
}

void TestMainWindow::goToField()
{
    QTemporaryDir dir;
    LaunchOptions o = demoOptions();
    o.demoService.statePath = writeFixture(dir);
    MainWindow window(o);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    // A malformed reference: a clear error, nothing changes.
    window.goToEdit()->setText(QStringLiteral("arn:aws:qbusiness:us-east-1:1:application/x"));
    QTest::keyClick(window.goToEdit(), Qt::Key_Return);
    QVERIFY(window.errorBanner()->isVisible());
    QVERIFY(window.errorBanner()->text().contains(QLatin1String("data source ARN")));
    // Three IDs open that data source.
    window.goToEdit()->setText(fixtureId('a', 1) + QLatin1Char(' ') + fixtureId('i', 1)
                               + QLatin1Char(' ') + fixtureId('d', 2));
    QTest::keyClick(window.goToEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.jobModel()->request().dataSourceId, fixtureId('d', 2),
                              Timeout);
}

void TestMainWindow::liveRefreshFinishesRunningJob()
{
    LaunchOptions o = demoOptions();
    // The seeded running job is a quarter through its run when the service starts.
    o.demoService.syncDurationMs = 3000;
    o.pollIntervalMs = 150;
    MainWindow window(o);
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    SyncJobModel *model = window.jobModel();
    QVERIFY2(model->hasRunningJobs(), "the demo's first data source has a running sync");
    const int runningRow = model->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Syncing) >= 0
        ? model->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Syncing)
        : model->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::SyncingIndexing);
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
    QVERIFY(window.runBanner()->isVisible());
    QVERIFY(window.runBanner()->text().contains(id));
    // Nothing runs any more: polling stops.
    QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isPollScheduled() && !window.loader()->isPolling(),
                             Timeout);
}

void TestMainWindow::chartsFollowTheTableBothWays()
{
    MainWindow window(demoOptions());
    QSignalSpy ready(&window, &MainWindow::demoReady);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(window.errorBanner()->text()), Timeout);
    ChartsPanel *charts = window.chartsPanel();
    QVERIFY(charts);
    // Every loaded page reached the charts, without duplicates.
    QTRY_COMPARE_WITH_TIMEOUT(charts->model()->count(), window.jobModel()->rowCount(), Timeout);
    // The selected row (the latest failed run) is highlighted in the charts.
    const QString selected = window.detailsPanel()->job().executionId;
    QCOMPARE(charts->highlightedRun(), selected);
    // A run clicked in a chart becomes the table's current row.
    const int row = window.jobModel()->rowCount() - 1;
    const QString other = window.jobModel()->executionId(row);
    QVERIFY(other != selected);
    emit charts->runActivated(other);
    QCOMPARE(window.detailsPanel()->job().executionId, other);
    QCOMPARE(charts->highlightedRun(), other);

    // The table exports as shown, in the AWS CLI's JSON shape.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("table.json"));
    QString error;
    QVERIFY2(window.exportTable(path, syncdeck::qbusiness::JobExportFormat::Json, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray history = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("history"))
                                   .toArray();
    QCOMPARE(history.size(), window.sortProxy()->rowCount());
    QCOMPARE(history.first().toObject().value(QStringLiteral("executionId")).toString(),
             window.tableJobs().first().executionId);
    QVERIFY(!window.exportTable(dir.filePath(QStringLiteral("missing/t.csv")),
                                syncdeck::qbusiness::JobExportFormat::Csv, &error));
    QVERIFY(error.contains(QStringLiteral("missing")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
