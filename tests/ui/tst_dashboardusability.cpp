// What a new user trips over, driven as an operator drives the window: widgets found by name,
// keys pressed, over real TCP against the in-process emulator as its demo service, with the real
// charts, as app/gui composes them.
#include "charts/chartspanel.h"
#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "dashboard.h"
#include "details/jobdetailspanel.h"
#include "emulator/server.h"
#include "mainwindow.h"
#include "qbusiness/client.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "resources/resourcepicker.h"
#include "settings/windowsettings.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "widgets/exportname.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"
#include "widgets/notificationbanner.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using syncdeck::qbusiness::SyncJobLoader;
using syncdeck::qbusiness::SyncJobModel;
using syncdeck::test::demoLaunch;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;
using syncdeck::ui::NotificationBanner;
using syncdeck::ui::WindowSettings;

namespace {

constexpr int Timeout = 30000; // generous for ASan on a busy machine; passes as soon as true

syncdeck::emulator::Options demoWithJobs(int jobs)
{
    syncdeck::emulator::Options o;
    o.applications = 1;
    o.indicesPerApplication = 1;
    o.dataSourcesPerIndex = 2;
    o.jobsPerDataSource = jobs;
    return o;
}

// The shared dashboard, on one application's two data sources of 60 runs by default.
struct Dashboard : syncdeck::test::Dashboard
{
    explicit Dashboard(const LaunchOptions &options = demoLaunch(),
                       const syncdeck::emulator::Options &service = demoWithJobs(60))
        : syncdeck::test::Dashboard(options, service, Timeout)
    { }
};

// This test's own ~/.aws: profiles with the emulator's keys, and an environment that names no
// profile, region or endpoint of its own.
struct AwsHome
{
    explicit AwsHome(const QString &config)
    {
        const QString configPath = dir.filePath(QStringLiteral("config"));
        const QString credentialsPath = dir.filePath(QStringLiteral("credentials"));
        const QString keys = QStringLiteral("aws_access_key_id = %1\naws_secret_access_key = %2\n")
                                 .arg(QLatin1String(syncdeck::emulator::DefaultAccessKeyId),
                                      QLatin1String(syncdeck::emulator::DefaultSecretAccessKey));
        ok = syncdeck::test::writeFile(configPath, config.toUtf8())
            && syncdeck::test::writeFile(
                 credentialsPath, QStringLiteral("[default]\n%1[emu]\n%1").arg(keys).toUtf8());
        env.useAwsFiles(configPath, credentialsPath);
    }

    QTemporaryDir dir;
    syncdeck::test::ScopedEnvironment env;
    bool ok = false;
};

LaunchOptions rememberingLaunch()
{
    LaunchOptions o;
    o.restoreSettings = true;
    return o;
}

} // namespace

class TestDashboardUsability : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loadAllStopsOnCancelAndEsc();
    void loadAllKeepsTheNextPageInFlight();
    void commandLineAppliesToItsLaunchOnly();
    void relaunchReopensTheLastConnection();
    void refusedConnectionStatusAgreesWithBanner();
    void filterChangeClearsChartHighlight();
    void quickFilterFindsErrorMessages();
    void mnemonicsAreUnique();
    void missingProfileAdviceFitsTheWindow();
    void copiesAndOpensSayWhatHappened();
    void kpisSayWhichRunsTheyDescribe();
    void titleAndHelpMenu();
    void exportsNameTheDataSource();
    void layoutFitsAtEverySize_data();
    void layoutFitsAtEverySize();

private:
    QTemporaryDir m_settingsDir;
};

void TestDashboardUsability::initTestCase()
{
    // Remembered settings go to a directory of this test, never to the user's.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestDashboardUsability::init()
{
    QSettings().clear();
}

void TestDashboardUsability::loadAllStopsOnCancelAndEsc()
{
    constexpr int Jobs = 20000;
    Dashboard d(demoLaunch(), demoWithJobs(Jobs));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *loadAll = d.find<QPushButton>("loadAll");
    auto *cancel = d.find<QPushButton>("cancelLoadAll");
    auto *cancelAction = d.find<QAction>("cancelLoadAllAction");
    QVERIFY(loadAll && cancel && cancelAction);
    QVERIFY(!cancelAction->isVisible());

    for (const bool byKey : {true, false}) {
        QTRY_VERIFY_WITH_TIMEOUT(loadAll->isEnabled(), Timeout);
        const int before = d.jobs()->rowCount();
        loadAll->click();
        // Shown through its action (a narrow window moves it into the tool bar's overflow).
        QTRY_VERIFY_WITH_TIMEOUT(cancelAction->isVisible(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->rowCount() > before, Timeout);
        QSignalSpy finished(d.loader(), &SyncJobLoader::loadAllFinished);
        if (byKey) {
            d.table()->setFocus();
            QTest::keyClick(d.table(), Qt::Key_Escape);
        } else {
            cancel->click();
        }
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true); // cancelled
        QVERIFY(!d.loader()->isLoadingAll());
        QTRY_VERIFY_WITH_TIMEOUT(!cancelAction->isVisible(), Timeout);
        // At most the page the model was waiting for still arrives; nothing loads after it.
        QTRY_VERIFY_WITH_TIMEOUT(!d.jobs()->isLoading(), Timeout);
        const int stopped = d.jobs()->rowCount();
        QTest::qWait(300);
        QCOMPARE(d.jobs()->rowCount(), stopped);
        QVERIFY(stopped < Jobs);
        QVERIFY(d.jobs()->hasMore());
    }
}

void TestDashboardUsability::loadAllKeepsTheNextPageInFlight()
{
    constexpr int Jobs = 3000;
    Dashboard d(demoLaunch(), demoWithJobs(Jobs));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // Whenever rows reach the model during "Load all", the request for the page after them is
    // already on its way (the CLI paginator's habit), instead of waiting for the table.
    int deliveries = 0;
    int withNextInFlight = 0;
    QObject context;
    connect(d.jobs(), &SyncJobModel::jobsAppended, &context, [&] {
        if (!d.loader()->isLoadingAll() || !d.jobs()->hasMore())
            return;
        ++deliveries;
        withNextInFlight += d.callsInFlight() > 0 ? 1 : 0;
    });
    QSignalSpy finished(d.loader(), &SyncJobLoader::loadAllFinished);
    d.find<QPushButton>("loadAll")->click();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(d.jobs()->rowCount(), Jobs);
    QSet<QString> ids;
    for (int r = 0; r < d.jobs()->rowCount(); ++r)
        ids.insert(d.jobs()->executionId(r));
    QCOMPARE(ids.size(), Jobs);
    QVERIFY(deliveries > 0);
    QCOMPARE(withNextInFlight, deliveries);
    // The charts saw every run once.
    auto *charts = d.find<ChartsPanel>("chartsPanel");
    QVERIFY(charts);
    QTRY_COMPARE_WITH_TIMEOUT(charts->model()->count(), Jobs, Timeout);
}

void TestDashboardUsability::commandLineAppliesToItsLaunchOnly()
{
    syncdeck::emulator::Server service(demoWithJobs(20));
    QVERIFY(service.listen());
    AwsHome home(QStringLiteral("[profile emu]\nregion = us-east-1\n"));
    QVERIFY(home.ok);

    {
        // syncdeck --profile emu --endpoint-url URL --region us-east-1
        LaunchOptions o = rememberingLaunch();
        o.profile = QStringLiteral("emu");
        o.endpointUrl = service.url().toString();
        o.region = QStringLiteral("us-east-1");
        Dashboard d(o);
        QVERIFY(d.showExposed());
        QTRY_VERIFY_WITH_TIMEOUT(d.find<QComboBox>("application")->count() > 0, Timeout);
        d.window.close();
    }
    const WindowSettings saved = WindowSettings::load();
    QCOMPARE(saved.endpointOverride, QString());
    QCOMPARE(saved.region, QString());
    QCOMPARE(saved.profile, QString());

    // A later plain launch goes where the profile says, not to the one-time endpoint.
    LaunchOptions o = rememberingLaunch();
    o.profile = QStringLiteral("emu");
    Dashboard d(o);
    QCOMPARE(d.find<syncdeck::ui::ConnectionController>("connection")->endpointOverride(),
             QString());
}

void TestDashboardUsability::relaunchReopensTheLastConnection()
{
    syncdeck::emulator::Server service(demoWithJobs(20));
    QVERIFY(service.listen());
    const QString url = service.url().toString();
    AwsHome home(QStringLiteral("[default]\nregion = us-east-1\nendpoint_url = %1\n"
                                "[profile emu]\nregion = us-east-1\nendpoint_url = %1\n")
                     .arg(url));
    QVERIFY(home.ok);

    syncdeck::qbusiness::ResourceReference chosen;
    {
        // Nothing remembered: [default], as the AWS CLI would.
        Dashboard d(rememberingLaunch());
        QVERIFY(d.showExposed());
        auto *bar = d.find<syncdeck::ui::ConnectionBar>("connectionBar");
        QVERIFY(bar);
        QCOMPARE(bar->profileName(), QStringLiteral("default"));
        QTRY_VERIFY_WITH_TIMEOUT(d.find<QComboBox>("application")->count() > 0, Timeout);

        // The operator picks the emu profile and the second data source.
        QVERIFY(syncdeck::test::chooseProfile(&d.window, QStringLiteral("profile:emu")));
        QComboBox *dataSource = d.find<QComboBox>("dataSource");
        QTRY_VERIFY_WITH_TIMEOUT(dataSource->count() == 2, Timeout);
        dataSource->setCurrentIndex(1);
        emit dataSource->activated(1);
        auto *picker = d.window.findChild<syncdeck::ui::ResourcePicker *>();
        QTRY_VERIFY_WITH_TIMEOUT(picker->hasDataSource(), Timeout);
        chosen = picker->selection();
        QVERIFY(!chosen.dataSourceId.isEmpty());
        d.window.close();
    }
    const WindowSettings saved = WindowSettings::load();
    QCOMPARE(saved.profile, QStringLiteral("emu"));
    QCOMPARE(saved.dataSourceId, chosen.dataSourceId);

    // The next start reopens that connection and that data source; no key was remembered.
    Dashboard d(rememberingLaunch());
    QVERIFY(d.showExposed());
    QCOMPARE(d.find<syncdeck::ui::ConnectionBar>("connectionBar")->profileName(),
             QStringLiteral("emu"));
    auto *picker = d.window.findChild<syncdeck::ui::ResourcePicker *>();
    QTRY_VERIFY_WITH_TIMEOUT(picker->hasDataSource(), Timeout);
    QCOMPARE(picker->selection().dataSourceId, chosen.dataSourceId);
    QCOMPARE(picker->selection().indexId, chosen.indexId);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded(), Timeout);
    QSettings settings;
    for (const QString &key : settings.allKeys()) {
        const QString value = settings.value(key).toString();
        QVERIFY2(!value.contains(QLatin1String(syncdeck::emulator::DefaultSecretAccessKey)),
                 qPrintable(key));
    }
}

void TestDashboardUsability::refusedConnectionStatusAgreesWithBanner()
{
    // A port that refuses connections.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    AwsHome home(QStringLiteral("[profile emu]\nregion = us-east-1\nendpoint_url = "
                                "http://127.0.0.1:%1\nmax_attempts = 1\n")
                     .arg(port));
    QVERIFY(home.ok);
    Dashboard d(syncdeck::test::freshLaunch());
    QVERIFY(d.showExposed());
    QVERIFY(syncdeck::test::chooseProfile(&d.window, QStringLiteral("profile:emu")));
    NotificationBanner *error = d.banner("errorBanner");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Timeout);
    auto *status = d.find<QLabel>("jobsStatus");
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(error->title()), qPrintable(status->text()),
                              Timeout);
    QVERIFY2(!status->text().contains(QLatin1String("Connected")), qPrintable(status->text()));
}

void TestDashboardUsability::filterChangeClearsChartHighlight()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *charts = d.find<ChartsPanel>("chartsPanel");
    const QString failed = d.jobs()->executionId(
        d.jobs()->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Failed));
    QCOMPARE(charts->highlightedRun(), failed);

    // The quick filter hides the selected row: the table selects nothing, the charts follow.
    const QString other = d.jobs()->executionId(
        d.jobs()->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Succeeded));
    QVERIFY(!other.isEmpty());
    d.find<QLineEdit>("quickFilter")->setText(other);
    QCOMPARE(d.table()->model()->rowCount(), 1);
    // The charts never mark the hidden run, and agree with the details panel.
    QVERIFY(charts->highlightedRun() != failed);
    auto *details = d.find<syncdeck::ui::JobDetailsPanel>("detailsPanel");
    QCOMPARE(details->hasJob() ? details->job().executionId : QString(), charts->highlightedRun());

    // The same after a status filter lists again.
    d.find<QLineEdit>("quickFilter")->clear();
    QMetaObject::invokeMethod(d.find<QWidget>("jobsPage"), "selectRun", Q_ARG(QString, failed));
    QCOMPARE(charts->highlightedRun(), failed);
    auto *status = d.find<QComboBox>("statusFilter");
    const int succeeded = status->findData(QStringLiteral("SUCCEEDED"));
    status->setCurrentIndex(succeeded);
    emit status->activated(succeeded);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded() && !d.jobs()->isLoading(), Timeout);
    QVERIFY(!d.table()->selectionModel()->hasSelection());
    QCOMPARE(charts->highlightedRun(), QString());
}

void TestDashboardUsability::quickFilterFindsErrorMessages()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    const int failedRow = d.jobs()->firstRowWithStatus(syncdeck::qbusiness::SyncStatus::Failed);
    const QString message = d.jobs()->job(failedRow).errorMessage;
    QVERIFY(!message.isEmpty());
    d.find<QLineEdit>("quickFilter")->setText(message);
    QAbstractItemModel *shown = d.table()->model();
    QVERIFY(shown->rowCount() >= 1);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, 0).data(SyncJobModel::ErrorMessageRole).toString(), message);
}

void TestDashboardUsability::mnemonicsAreUnique()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    // Alt+letter: the menu bar's titles and every visible label and button of the window.
    QStringList texts;
    for (const QAction *menu : d.window.menuBar()->actions())
        texts << menu->text();
    for (const QLabel *label : d.window.findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(&d.window))
            texts << label->text();
    }
    for (const QAbstractButton *button : d.window.findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(&d.window))
            texts << button->text();
    }
    QHash<QChar, QString> owner;
    for (const QString &text : std::as_const(texts)) {
        const int amp = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        if (amp < 0)
            continue;
        const QChar key = text.at(amp + 1).toLower();
        QVERIFY2(!owner.contains(key),
                 qPrintable(QStringLiteral("Alt+%1: %2 and %3").arg(key, owner.value(key), text)));
        owner.insert(key, text);
    }
}

void TestDashboardUsability::missingProfileAdviceFitsTheWindow()
{
    AwsHome home(QStringLiteral("[profile emu]\nregion = us-east-1\n"));
    QVERIFY(home.ok);
    LaunchOptions o;
    o.restoreSettings = false;
    o.profile = QStringLiteral("nosuch");
    Dashboard d(o);
    QVERIFY(d.showExposed());
    NotificationBanner *error = d.banner("errorBanner");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Timeout);
    QVERIFY2(!error->text().contains(QLatin1String("syncdeck-cli")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("Profile list")), qPrintable(error->text()));
}

void TestDashboardUsability::kpisSayWhichRunsTheyDescribe()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *scope = d.find<QLabel>("kpiScope");
    QVERIFY(scope);
    QVERIFY(!scope->isVisible());
    auto *status = d.find<QComboBox>("statusFilter");
    const int failed = status->findData(QStringLiteral("FAILED"));
    status->setCurrentIndex(failed);
    emit status->activated(failed);
    QTRY_VERIFY_WITH_TIMEOUT(d.jobs()->isFirstPageLoaded() && !d.jobs()->isLoading(), Timeout);
    QVERIFY(scope->isVisible());
    QVERIFY2(scope->text().contains(QLatin1String("status Failed")), qPrintable(scope->text()));
    QVERIFY2(scope->text().contains(QLatin1String("not the data source's whole history")),
             qPrintable(scope->text()));
    status->setCurrentIndex(0);
    emit status->activated(0);
    QTRY_VERIFY_WITH_TIMEOUT(!scope->isVisible(), Timeout);
}

void TestDashboardUsability::titleAndHelpMenu()
{
    Dashboard d;
    QCOMPARE(d.window.windowTitle(), QStringLiteral("SyncDeck"));
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *picker = d.window.findChild<syncdeck::ui::ResourcePicker *>();
    QVERIFY(!picker->dataSourceName().isEmpty());
    QCOMPARE(d.window.windowTitle(), picker->dataSourceName() + QStringLiteral(" — SyncDeck"));
    QStringList menus;
    for (const QAction *menu : d.window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus.constLast(), QStringLiteral("&Help"));
    syncdeck::ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("aboutAction")));
    syncdeck::ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestDashboardUsability::exportsNameTheDataSource()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    const QString name = d.window.findChild<syncdeck::ui::ResourcePicker *>()->dataSourceName();
    QVERIFY(!name.isEmpty());
    QTemporaryDir dir;
    // The user only picks the folder: the proposed names say which data source and when.
    const auto exported = [&dir](const QString &pattern) {
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        for (const QString &file : files) {
            if (re.match(file).hasMatch())
                return dir.filePath(file);
        }
        qWarning().noquote() << pattern << "matches none of" << files;
        return QString();
    };
    const QString part = QRegularExpression::escape(syncdeck::ui::fileNamePart(name));
    const QString date = QStringLiteral("\\d{8}-\\d{4}");
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("exportCsvAction")));
    QVERIFY(!exported(QStringLiteral("syncdeck-%1-jobs-%2\\.csv").arg(part, date)).isEmpty());
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    QVERIFY(syncdeck::test::triggerAction(&d.window, QStringLiteral("exportJsonAction")));
    QVERIFY(!exported(QStringLiteral("syncdeck-%1-jobs-%2\\.json").arg(part, date)).isEmpty());
    // A chart: named so too, and its title line names the data source.
    auto *exportButton = d.find<QToolButton>("exportButton");
    QVERIFY(exportButton && exportButton->menu());
    QAction *png = nullptr;
    for (QAction *a : exportButton->menu()->actions())
        png = a->text() == QStringLiteral("Chart as PNG…") ? a : png;
    QVERIFY(png);
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    png->trigger();
    const QString image
        = exported(QStringLiteral("syncdeck-%1-documents-%2\\.png").arg(part, date));
    QVERIFY(!image.isEmpty());
    const QString title = QImageReader(image).text(QStringLiteral("Title"));
    QVERIFY2(
        title.startsWith(QStringLiteral("Documents per run · ") + name + QStringLiteral(" · ")),
        qPrintable(title));
}

void TestDashboardUsability::layoutFitsAtEverySize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("large") << QSize(1600, 1000);
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1024x720") << QSize(1024, 720);
    QTest::newRow("800x600") << QSize(800, 600);
    QTest::newRow("minimum") << QSize(720, 500);
    QTest::newRow("below the minimum") << QSize(640, 400);
}

void TestDashboardUsability::layoutFitsAtEverySize()
{
    QFETCH(QSize, size);
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    d.window.resize(size);
    QTRY_COMPARE_WITH_TIMEOUT(d.window.size(), size.expandedTo(d.window.minimumSize()), Timeout);
    QCoreApplication::processEvents();
    QVERIFY(d.window.minimumSize().width() >= 720 && d.window.minimumSize().height() >= 500);

    // Nothing is drawn over anything else: the central widget, every pane shown, the status bar.
    QStringList problems;
    QList<std::pair<QString, QRect>> parts {
        {QStringLiteral("central"), d.window.centralWidget()->geometry()},
        {QStringLiteral("status bar"), d.window.statusBar()->geometry()}};
    for (QDockWidget *dock : d.window.findChildren<QDockWidget *>()) {
        // A dock behind another's tab stays "visible", moved out of the window: not shown.
        if (dock->isVisible() && dock->geometry().intersects(d.window.rect()))
            parts.append({dock->objectName(), dock->geometry()});
    }
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!d.window.rect().contains(parts[i].second))
            problems << parts[i].first + QLatin1String(" outside the window");
        for (qsizetype j = i + 1; j < parts.size(); ++j) {
            if (parts[i].second.intersects(parts[j].second))
                problems << parts[i].first + QLatin1String(" overlaps ") + parts[j].first;
        }
    }
    // The table keeps room for several rows.
    const int rowHeight = d.table()->verticalHeader()->defaultSectionSize();
    if (d.table()->viewport()->height() < 5 * rowHeight)
        problems << QStringLiteral("the table shows %1 rows")
                        .arg(d.table()->viewport()->height() / rowHeight);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

// Stands in for the desktop's browser: QDesktopServices calls it for https URLs.
class Browser : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

void TestDashboardUsability::copiesAndOpensSayWhatHappened()
{
    Dashboard d;
    QVERIFY2(d.showReady(), qPrintable(d.errorText()));
    auto *details = d.find<syncdeck::ui::JobDetailsPanel>("detailsPanel");
    QVERIFY(details->hasJob());
    QStatusBar *status = d.window.statusBar();

    d.find<QAbstractButton>("copyIdButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), details->job().executionId);
    QVERIFY2(status->currentMessage().startsWith(QLatin1String("Copied execution ID")),
             qPrintable(status->currentMessage()));
    d.find<QAbstractButton>("copyJsonButton")->click();
    QVERIFY2(status->currentMessage().startsWith(QLatin1String("Copied run")),
             qPrintable(status->currentMessage()));

    // No browser (the offscreen platform has none): the address is copied, and the status says so.
    QGuiApplication::clipboard()->clear();
    d.find<QAbstractButton>("openConsoleButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), details->consoleUrl().toString());
    QVERIFY2(status->currentMessage().contains(QLatin1String("No web browser opened")),
             qPrintable(status->currentMessage()));
    d.find<QAbstractButton>("openLogButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), details->logStreamUrl().toString());

    // A browser: it gets the address, and the status says where it went.
    Browser browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    d.find<QAbstractButton>("openLogButton")->click();
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QCOMPARE(browser.opened, QList<QUrl> {details->logStreamUrl()});
    QVERIFY2(status->currentMessage().startsWith(QLatin1String("Opened")),
             qPrintable(status->currentMessage()));
}

QTEST_MAIN(TestDashboardUsability)
#include "tst_dashboardusability.moc"
