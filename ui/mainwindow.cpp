#include "mainwindow.h"

#include "cache/historycache.h"
#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "details/jobdetailspanel.h"
#include "fleet/fleetpage.h"
#include "jobs/cachedhistory.h"
#include "jobs/filterbar.h"
#include "jobs/jobspage.h"
#include "jobs/jobsstatus.h"
#include "jobs/runchartspane.h"
#include "jobs/synccontrol.h"
#include "notifications/runnotifier.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "report/reportpanel.h"
#include "resources/resourcepicker.h"
#include "settings/settingsdialog.h"
#include "settings/windowsettings.h"
#include "widgets/accessiblenames.h"
#include "widgets/compactdocks.h"
#include "widgets/errorbanner.h"
#include "widgets/focusring.h"
#include "widgets/messagebox.h"
#include "widgets/panecycler.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace syncdeck::ui {

using qbusiness::AwsError;
using qbusiness::SyncJob;
using qbusiness::SyncJobModel;

MainWindow::MainWindow(const LaunchOptions &options, const DashboardServices &services,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(tr("SyncDeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/syncdeck.svg")));
    // The table, one pane beside it and the tool bars still fit; smaller windows clip them.
    setMinimumSize(720, 500);
    // A roomy first size that still fits the screen; later starts restore the saved geometry.
    QSize initial(1440, 920);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        initial = initial.boundedTo(screen->availableSize() * 0.92);
    resize(initial);

    m_connectionBar = new ConnectionBar(this);
    m_connection = new ConnectionController(m_connectionBar, this);
    m_connection->setObjectName(QStringLiteral("connection"));
    m_connection->setDemoService(services.demo);
    m_sync = new SyncControl(this);
    buildMenus();
    auto *navigation = new QToolBar(tr("Navigation"), this);
    navigation->setObjectName(QStringLiteral("navigationBar"));
    navigation->addAction(m_backAction);
    navigation->addAction(m_fleetAction);
    addToolBar(navigation);
    addToolBar(m_connectionBar);
    registerPane(m_connectionBar, tr("&Connection"));
    addToolBarBreak();
    m_picker = new ResourcePicker(this);
    addToolBar(m_picker);
    registerPane(m_picker, tr("&Data source picker"));
    addToolBarBreak();
    m_filters = new FilterBar(m_refreshAction, this);
    addToolBar(m_filters);
    registerPane(m_filters, tr("F&ilters"));
    buildCentral();
    registerPane(m_pages, tr("&Sync history"));
    // The details panel runs the full height on the right; the charts sit under the table.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    buildDocks(services);
    m_status = new JobsStatus(m_jobs, statusBar());
    m_notifier = new RunNotifier(m_runBanner, windowIcon(), this);
    wireConnection();
    wireJobs();
    wireFleet();

    m_connectionBar->fillProfiles(m_connection->hasDemoService());
    if (m_options.restoreSettings)
        restoreSettings();
    openCache();
    applyLaunchOptions();
    updateStatusBar();
    nameBuiltInControls(this);
    new FocusRing(this);
}

MainWindow::~MainWindow()
{
    // Calls hold pointers into the client: their owners let go of them before it goes.
    m_connection->close();
}

void MainWindow::buildMenus()
{
    const auto add = [this](QMenu *menu, const QString &text, const char *name, auto slot,
                            const QKeySequence &shortcut = {}) {
        QAction *action = menu->addAction(text, this, slot);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        return action;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    add(file, tr("Connection &settings…"), "connectionSettingsAction", &MainWindow::openSettings,
        QKeySequence::Preferences);
    file->addSeparator();
    add(file, tr("Export table as &CSV…"), "exportCsvAction",
        [this] { m_jobs->exportTable(qbusiness::JobExportFormat::Csv); });
    add(file, tr("Export table as &JSON…"), "exportJsonAction",
        [this] { m_jobs->exportTable(qbusiness::JobExportFormat::Json); });
    file->addSeparator();
    add(file, tr("&Quit"), "quitAction", &QWidget::close, QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_refreshAction = add(m_viewMenu, tr("&Refresh"), "refreshAction", &MainWindow::refresh,
                          QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WindowShortcut);
    add(
        m_viewMenu, tr("&Go to data source…"), "goToAction",
        [this] { m_connectionBar->focusGoTo(); }, QKeySequence(Qt::CTRL | Qt::Key_L));
    add(
        m_viewMenu, tr("&Filter loaded rows"), "filterRowsAction",
        [this] { m_filters->focusQuickFilter(); }, QKeySequence::Find);
    add(
        m_viewMenu, tr("&Jobs table"), "jobsTableAction", [this] { m_jobs->focusTable(); },
        QKeySequence(Qt::CTRL | Qt::Key_J));
    // F6 / Shift+F6 and one shortcut per pane (registerPane) move the focus between panes.
    m_paneCycler = new PaneCycler(this);
    m_focusMenu = m_viewMenu->addMenu(tr("&Move focus to"));
    m_focusMenu->setObjectName(QStringLiteral("focusMenu"));
    m_focusMenu->addAction(m_paneCycler->nextPaneAction());
    m_focusMenu->addAction(m_paneCycler->previousPaneAction());
    m_focusMenu->addSeparator(); // the panes follow (registerPane)
    m_fleetAction = add(m_viewMenu, tr("F&leet overview"), "fleetAction", &MainWindow::showFleet,
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_fleetAction->setToolTip(tr("Every data source's sync health at a glance"));
    m_backAction = add(
        m_viewMenu, tr("&Back to the fleet"), "backAction", [this] { showFleet(); },
        QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_backAction->setEnabled(false);
    m_viewMenu->addSeparator(); // the panes' toggles follow (addPane)

    QMenu *source = menuBar()->addMenu(tr("&Data source"));
    source->setObjectName(QStringLiteral("dataSourceMenu"));
    source->addAction(m_sync->syncNowAction());
    source->addAction(m_sync->stopAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    add(help, tr("&About SyncDeck"), "aboutAction", [this] {
        MessageBox::information(
            this, tr("About SyncDeck"),
            tr("SyncDeck %1\n\nThe sync history of Amazon Q Business data sources: which run "
               "failed, when, why, and whether it is getting worse.\n\nIt reads profiles, "
               "regions and endpoints from ~/.aws as the AWS CLI does, and signs its own "
               "requests. The Demo profile runs a local service with made-up data.")
                .arg(QCoreApplication::applicationVersion()));
    });
    add(help, tr("About &Qt"), "aboutQtAction", [] { QApplication::aboutQt(); });
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    const auto named = [](auto *banner, const char *name) {
        banner->setObjectName(QLatin1String(name));
        return banner;
    };
    m_demoBanner = named(new NotificationBanner(central), "demoBanner");
    m_errorBanner = named(new ErrorBanner(central), "errorBanner");
    m_runBanner = named(new NotificationBanner(central), "runBanner");
    m_cacheBanner = named(new NotificationBanner(central), "cacheBanner");
    // The central pages: the sync history now; further views join this stack.
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_jobs = new JobsPage(m_filters, m_pages);
    m_jobs->setObjectName(QStringLiteral("jobsPage"));
    m_history = new CachedHistory(this);
    m_history->setObjectName(QStringLiteral("cachedHistory"));
    m_jobs->setCachedHistory(m_history);
    connect(m_history, &CachedHistory::stateChanged, this, &MainWindow::showCacheState);
    connect(m_cacheBanner, &NotificationBanner::actionTriggered, this, &MainWindow::refresh);
    m_pages->addWidget(m_jobs);
    m_fleet = new FleetPage(m_pages);
    m_fleet->setObjectName(QStringLiteral("fleetPage"));
    m_pages->addWidget(m_fleet);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_runBanner);
    layout->addWidget(m_cacheBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::buildDocks(const DashboardServices &services)
{
    m_details = new JobDetailsPanel(this);
    m_details->setObjectName(QStringLiteral("detailsPanel"));
    m_details->setMinimumWidth(320);
    m_detailsDock = addPane(m_details, tr("Run details"), QStringLiteral("detailsDock"),
                            Qt::RightDockWidgetArea);
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    if (services.makeChartsPane) {
        // The charts follow the table's pages and live refreshes through their own
        // time-ordered model; a click on a run selects its row, and the row selected
        // highlights its run.
        m_charts = services.makeChartsPane(this);
        m_charts->setObjectName(QStringLiteral("chartsPanel"));
        m_chartsDock = addPane(m_charts, tr("Charts and insights"), QStringLiteral("chartsDock"),
                               Qt::BottomDockWidgetArea);
    }
    // The selected run's document report: wide, so under the table (a tab beside the charts).
    m_report = new ReportPanel(this);
    m_report->setObjectName(QStringLiteral("reportPanel"));
    m_reportDock = addPane(m_report, tr("Documents"), QStringLiteral("reportDock"),
                           Qt::BottomDockWidgetArea);
    m_reportDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    if (!m_charts)
        return;
    tabifyDockWidget(m_chartsDock, m_reportDock);
    // Below this the charts would squeeze the table to a row or two: they join the details.
    // The charts are in front of the Documents tab (a tab not shown reads nothing from Logs),
    // the details in front when compact.
    new CompactDocks(this, m_detailsDock, {m_chartsDock, m_reportDock}, QSize(1000, 720));
    qbusiness::RunHistory *history = m_charts->model();
    connect(m_jobs->model(), &SyncJobModel::jobsAppended, history,
            &qbusiness::RunHistory::appendJobs);
    connect(m_jobs->model(), &SyncJobModel::jobsUpdated, history,
            &qbusiness::RunHistory::updateJobs);
    connect(m_jobs->model(), &SyncJobModel::modelReset, history, &qbusiness::RunHistory::clear);
    connect(m_charts, &RunChartsPane::runActivated, m_jobs, &JobsPage::selectRun);
    connect(m_jobs, &JobsPage::currentRunChanged, m_charts,
            [this](const SyncJob &job) { m_charts->highlightRun(job.executionId); });
}

QDockWidget *MainWindow::addPane(QWidget *pane, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    if (area == Qt::BottomDockWidgetArea) {
        // Under the table a pane scrolls when the window is short: it never squeezes the table
        // to a row or pushes itself out of the window.
        auto *scroll = new QScrollArea(dock);
        scroll->setObjectName(objectName + QStringLiteral("Scroll"));
        scroll->setAccessibleName(title);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(pane);
        dock->setWidget(scroll);
    } else {
        dock->setWidget(pane);
    }
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    registerPane(pane, title);
    return dock;
}

QAction *MainWindow::registerPane(QWidget *pane, const QString &title)
{
    // Ctrl+1 … Ctrl+9 in the order of the F6 cycle; later panes still join the cycle.
    const int number = int(m_paneCycler->panes().size()) + 1;
    QAction *action = m_paneCycler->addPane(
        pane, title,
        number <= 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)) : QKeySequence());
    m_focusMenu->addAction(action);
    nameBuiltInControls(pane);
    return action;
}

void MainWindow::wireConnection()
{
    connect(m_connectionBar, &ConnectionBar::goToRequested, this, &MainWindow::goTo);
    connect(m_connection, &ConnectionController::opened, this, &MainWindow::useConnection);
    connect(m_connection, &ConnectionController::closed, this, &MainWindow::forgetConnection);
    connect(m_connection, &ConnectionController::failed, this, &MainWindow::showConnectionFailure);
    m_errorBanner->setCredentialsRefresh([this] { m_connection->invalidateCredentials(); });
    connect(m_picker, &ResourcePicker::selectionChanged, this, &MainWindow::showChosenDataSource);
    connect(m_picker, &ResourcePicker::listingChanged, this, &MainWindow::updateStatusBar);
    connect(m_picker, &ResourcePicker::listingFailed, this, &MainWindow::showAwsError);
}

void MainWindow::wireJobs()
{
    connect(m_jobs, &JobsPage::listingStarted, m_errorBanner, &ErrorBanner::clearError);
    connect(m_jobs, &JobsPage::listingRefused, m_errorBanner,
            [this](const QString &title, const QString &message, const QString &nextStep) {
                m_errorBanner->showError(title, message, nextStep);
            });
    connect(m_jobs, &JobsPage::stateChanged, this, &MainWindow::updateStatusBar);
    connect(m_jobs, &JobsPage::currentRunChanged, m_details, &JobDetailsPanel::showJob);
    connect(m_jobs, &JobsPage::currentRunUpdated, m_details, &JobDetailsPanel::setJob);
    connect(m_jobs, &JobsPage::currentRunChanged, m_report, &ReportPanel::showJob);
    connect(m_jobs, &JobsPage::currentRunUpdated, m_report, &ReportPanel::setJob);
    connect(m_report, &ReportPanel::messageShown, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_jobs, &JobsPage::firstRowsShown, this, &MainWindow::firstRowsShown);
    connect(m_jobs, &JobsPage::latestFailedRunSearched, this, &MainWindow::demoReady);
    connect(m_jobs, &JobsPage::failed, this, &MainWindow::showAwsError);
    connect(m_jobs, &JobsPage::runFailed, this, [this](const SyncJob &job) {
        m_notifier->notifyRunFailed(job, m_picker->dataSourceName());
    });
    connect(m_jobs, &JobsPage::tableExported, this, [this](int rows, const QString &path) {
        statusBar()->showMessage(
            tr("Saved %1 (%n rows)", nullptr, rows).arg(QDir::toNativeSeparators(path)), 8000);
    });
    connect(m_details, &JobDetailsPanel::reported, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_notifier, &RunNotifier::runRequested, m_jobs, &JobsPage::selectRun);
    connect(m_sync, &SyncControl::syncStarted, m_notifier, &RunNotifier::notifySyncStarted);
    connect(m_sync, &SyncControl::syncStarted, m_jobs, &JobsPage::pollNow);
    connect(m_sync, &SyncControl::stopAccepted, m_notifier, &RunNotifier::notifySyncStopping);
    connect(m_sync, &SyncControl::stopAccepted, m_jobs, &JobsPage::pollNow);
    connect(m_sync, &SyncControl::failed, m_notifier, &RunNotifier::withdrawSyncMessage);
    connect(m_sync, &SyncControl::failed, this, &MainWindow::showAwsError);
    connect(m_jobs->model(), &SyncJobModel::jobFinished, m_notifier,
            &RunNotifier::notifyRunFinished);
    if (m_charts) {
        connect(m_jobs, &JobsPage::listingStarted, m_charts,
                [this] { m_charts->setFilterScope(m_filters->description()); });
    }
    connect(m_jobs, &JobsPage::stateChanged, m_sync, [this] {
        // Sync now and Stop sync follow the runs, when the listing shows all of them.
        const SyncJobModel *m = m_jobs->model();
        using State = SyncControl::RunState;
        m_sync->setRunState(!m->isActive() || !m->isFirstPageLoaded() || m->isFiltered()
                                ? State::Unknown
                                : (m->hasRunningJobs() ? State::Running : State::Idle));
    });
}

void MainWindow::wireFleet()
{
    connect(m_fleet, &FleetPage::dataSourceActivated, this, &MainWindow::showHistory);
    connect(m_fleet, &FleetPage::dataSourceEnteredFailing, m_notifier,
            [this](const fleet::FleetRow &row) {
                m_notifier->notifyDataSourceFailing(
                    row.dataSourceName.isEmpty() ? row.dataSourceId : row.dataSourceName,
                    row.health.reason);
            });
    connect(m_fleet, &FleetPage::scanFinished, this, &MainWindow::settleFirstView);
    // A data source picked by hand is what the user wants to see, fleet or not.
    connect(m_picker, &ResourcePicker::choiceMadeByUser, this, [this] {
        if (m_pages->currentWidget() == m_fleet) {
            m_pages->setCurrentWidget(m_jobs);
            m_backAction->setEnabled(true);
        }
    });
}

void MainWindow::settleFirstView(int dataSources)
{
    if (m_firstViewSettled)
        return;
    m_firstViewSettled = true;
    if (dataSources <= 1 && m_pages->currentWidget() == m_fleet && !m_backAction->isEnabled())
        m_pages->setCurrentWidget(m_jobs);
}

void MainWindow::showFleet()
{
    if (!m_fleet->hasScanned() && !m_fleet->isScanning())
        m_fleet->refresh();
    m_pages->setCurrentWidget(m_fleet);
    m_fleet->focusTable();
}

void MainWindow::showHistory(const qbusiness::ResourceReference &ids)
{
    m_picker->open(ids);
    m_pages->setCurrentWidget(m_jobs);
    m_backAction->setEnabled(true);
    m_jobs->focusTable();
}

void MainWindow::applyLaunchOptions()
{
    // The command line beats remembered state.
    if (!m_options.region.isEmpty())
        m_connectionBar->showRegion(m_options.region);
    m_filters->applyLaunchFilters(m_options.statusFilter, m_options.startTime, m_options.endTime);
    m_dataSourceAsked = !m_options.applicationId.isEmpty();
    if (m_dataSourceAsked)
        m_picker->open({{}, m_options.applicationId, m_options.indexId, m_options.dataSourceId});
    if (!m_options.endpointUrl.isEmpty())
        m_connection->setEndpointOverride(m_options.endpointUrl);
    if (m_options.demo)
        m_connectionBar->choose({ConnectionChoice::Kind::Demo, {}});
    else if (!m_options.profile.isEmpty())
        m_connectionBar->choose({ConnectionChoice::Kind::Profile, m_options.profile});
    // Connect once the window is up, so a slow credential source never delays the first paint.
    // The environment's keys, preselected by the bar, connect as the AWS CLI would use them.
    const bool fromEnvironment
        = m_connectionBar->choice().kind == ConnectionChoice::Kind::Environment;
    if (m_options.demo || !m_options.profile.isEmpty() || !m_options.applicationId.isEmpty()
        || fromEnvironment)
        QTimer::singleShot(0, m_connection, &ConnectionController::openChosen);
    else if (m_options.restoreSettings)
        reopenRemembered();
}

void MainWindow::reopenRemembered()
{
    QString profile = m_remembered.profile;
    if (profile.isEmpty() || !m_connectionBar->hasProfile(profile)) {
        profile = qEnvironmentVariable("AWS_PROFILE");
        if (profile.isEmpty())
            profile = QStringLiteral("default");
        if (!m_connectionBar->hasProfile(profile))
            return;
    }
    m_connectionBar->choose({ConnectionChoice::Kind::Profile, profile});
    if (profile == m_remembered.profile && !m_remembered.applicationId.isEmpty())
        m_picker->open(
            {{}, m_remembered.applicationId, m_remembered.indexId, m_remembered.dataSourceId});
    QTimer::singleShot(0, m_connection, &ConnectionController::openChosen);
}

void MainWindow::restoreSettings()
{
    m_remembered = WindowSettings::load();
    const WindowSettings &s = m_remembered;
    restoreGeometry(s.geometry);
    if (!restoreState(s.dockState)) {
        // First start: the table keeps most of the height, the charts get a strip below it and
        // the details panel the full height on the right.
        resizeDocks({m_detailsDock}, {380}, Qt::Horizontal);
        if (m_chartsDock)
            resizeDocks({m_chartsDock}, {height() * 2 / 5}, Qt::Vertical);
    }
    m_jobs->restoreHeaderState(s.jobsHeader);
    if (!s.region.isEmpty())
        m_connectionBar->showRegion(s.region);
    m_connection->setEndpointOverride(s.endpointOverride);
    m_refreshSeconds = s.refreshSeconds;
    m_fleetRefreshMinutes = s.fleetRefreshMinutes;
    m_cacheDirectory = s.cacheDirectory;
    m_cacheMaxMegabytes = s.cacheMaxMegabytes;
    m_cacheMaxAgeDays = s.cacheMaxAgeDays;
    if (s.range >= FilterBar::Last24h && s.range < FilterBar::Custom)
        m_filters->setRange(FilterBar::Range(s.range));
}

void MainWindow::saveSettings()
{
    // Command-line options apply to their launch only: what they set is not written back.
    WindowSettings &s = m_remembered;
    const LaunchOptions &o = m_options;
    s.geometry = saveGeometry();
    s.dockState = saveState();
    s.jobsHeader = m_jobs->headerState();
    s.region = WindowSettings::chosenInWindow(m_connectionBar->region(), o.region, s.region);
    s.endpointOverride = WindowSettings::chosenInWindow(m_connection->endpointOverride(),
                                                        o.endpointUrl, s.endpointOverride);
    const QString profile = m_connectionBar->profileName();
    if (m_connectionBar->choice().kind == ConnectionChoice::Kind::Profile
        && (o.profile.isEmpty() || profile != o.profile)) {
        // A connection is remembered whole: the IDs belong to the profile's account.
        const qbusiness::ResourceReference ids = m_picker->selection();
        if (m_picker->hasDataSource() || profile != s.profile) {
            s.applicationId = WindowSettings::chosenInWindow(ids.applicationId, o.applicationId,
                                                             s.applicationId);
            s.indexId = WindowSettings::chosenInWindow(ids.indexId, o.indexId, s.indexId);
            s.dataSourceId
                = WindowSettings::chosenInWindow(ids.dataSourceId, o.dataSourceId, s.dataSourceId);
        }
        s.profile = profile;
    }
    s.refreshSeconds = m_refreshSeconds;
    s.fleetRefreshMinutes = m_fleetRefreshMinutes;
    s.cacheDirectory = m_cacheDirectory;
    s.cacheMaxMegabytes = m_cacheMaxMegabytes;
    s.cacheMaxAgeDays = m_cacheMaxAgeDays;
    s.range = m_filters->range() == FilterBar::Custom ? -1 : int(m_filters->range());
    s.save();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.restoreSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::useConnection(const Connection &connection)
{
    m_history->setClient(connection.client);
    m_jobs->setClient(connection.client);
    m_report->setLogsClient(connection.logsClient, connection.logsProblem, connection.logsNextStep);
    applyPollIntervals();
    // The fleet is the first view unless a data source was asked for (the command line, Go to,
    // the demo's latest failed run); settleFirstView() goes back for a single data source.
    // The fleet scans (listing every application) once it is shown, not behind a history that
    // was opened from its IDs: a role allowed only that history gets no errors from elsewhere.
    m_firstViewSettled = false;
    const bool fleetFirst = !m_dataSourceAsked && !connection.demo;
    if (fleetFirst)
        m_pages->setCurrentWidget(m_fleet);
    m_fleet->setClient(connection.client, fleetFirst);
    if (connection.demo) {
        m_demoBanner->showMessage(NotificationBanner::Kind::Information, tr("Demo data"),
                                  tr("You are looking at the built-in demo service on this "
                                     "computer, not at AWS. Choose a profile to see your own "
                                     "data sources."),
                                  {}, false);
        m_jobs->selectLatestFailedRun();
    }
    m_picker->setClient(connection.client);
    updateStatusBar();
}

void MainWindow::forgetConnection()
{
    m_demoBanner->hide();
    m_errorBanner->clearError();
    m_picker->setClient(nullptr);
    m_jobs->setClient(nullptr);
    m_report->setLogsClient(nullptr);
    m_fleet->setClient(nullptr);
    m_backAction->setEnabled(false);
    m_history->setClient(nullptr);
    m_sync->setDataSource(nullptr, {}, {});
    setWindowTitle(tr("SyncDeck"));
    updateStatusBar();
}

void MainWindow::showConnectionFailure(const ConnectionFailure &failure)
{
    ErrorBanner::Retry retry;
    if (failure.retryable)
        retry = [this] { m_connection->openChosen(); };
    m_errorBanner->showError(failure.title, failure.message, failure.nextStep, std::move(retry));
    updateStatusBar();
}

void MainWindow::goTo(const QString &reference)
{
    qbusiness::ResourceReference ids;
    QString error;
    if (!qbusiness::parseResourceReference(reference, &ids, &error)) {
        m_errorBanner->showError(tr("Cannot go there"), error, {});
        return;
    }
    m_dataSourceAsked = true;
    m_pages->setCurrentWidget(m_jobs);
    if (!m_connection->openForRegion(ids.region))
        m_errorBanner->showError(
            tr("Not connected"),
            tr("Choose a profile first; SyncDeck will then open this data source."), {});
    // The picker selects the IDs once it has listed them (after connecting, if it connects).
    m_picker->open(ids);
}

void MainWindow::showChosenDataSource()
{
    const qbusiness::ResourceReference ids = m_picker->selection();
    m_details->setContext(m_connectionBar->region(), ids.applicationId, ids.indexId,
                          ids.dataSourceId);
    m_report->setContext(m_connectionBar->region(), ids.applicationId, ids.indexId,
                         ids.dataSourceId);
    m_sync->setDataSource(m_connection->client(), ids, m_picker->dataSourceName());
    m_jobs->showDataSource(ids);
    const QString name = m_picker->hasDataSource() ? m_picker->dataSourceName() : QString();
    setWindowTitle(name.isEmpty() ? tr("SyncDeck") : tr("%1 — SyncDeck").arg(name));
}

void MainWindow::refresh()
{
    if (!m_connection->client())
        m_connection->openChosen();
    else if (m_pages->currentWidget() == m_fleet)
        m_fleet->refresh();
    else if (!m_picker->hasDataSource())
        m_picker->reload();
    else
        m_jobs->reload();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    dialog.setEndpointUrl(m_connection->endpointOverride());
    dialog.setRefreshSeconds(m_refreshSeconds);
    dialog.setFleetRefreshMinutes(m_fleetRefreshMinutes);
    dialog.setCacheDirectory(m_cacheDirectory, cache::HistoryCache::defaultDirectory());
    dialog.setCacheLimits(m_cacheMaxMegabytes, m_cacheMaxAgeDays);
    dialog.setCanClearDataSource(m_history->isOpen() && m_picker->hasDataSource());
    connect(&dialog, &SettingsDialog::clearCacheRequested, this, &MainWindow::clearCache);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.cacheDirectory() != m_cacheDirectory
        || dialog.cacheMaxMegabytes() != m_cacheMaxMegabytes
        || dialog.cacheMaxAgeDays() != m_cacheMaxAgeDays) {
        m_cacheDirectory = dialog.cacheDirectory();
        m_cacheMaxMegabytes = dialog.cacheMaxMegabytes();
        m_cacheMaxAgeDays = dialog.cacheMaxAgeDays();
        openCache(); // the new folder or limits; the data source opens again from it
        m_history->setClient(m_connection->client());
        if (m_picker->hasDataSource())
            m_jobs->reload();
    }
    const bool endpointChanged = dialog.endpointUrl() != m_connection->endpointOverride();
    m_connection->setEndpointOverride(dialog.endpointUrl());
    m_refreshSeconds = dialog.refreshSeconds();
    m_fleetRefreshMinutes = dialog.fleetRefreshMinutes();
    applyPollIntervals();
    if (m_options.restoreSettings)
        saveSettings();
    if (endpointChanged && m_connection->client() && !m_connection->isDemo())
        m_connection->openChosen();
}

void MainWindow::applyPollIntervals()
{
    if (m_options.pollIntervalMs > 0)
        m_jobs->setPollIntervals(m_options.pollIntervalMs, m_options.pollIntervalMs * 4);
    else
        m_jobs->setPollIntervals(m_refreshSeconds * 1000, 120000);
    m_fleet->setAutoRefreshMinutes(m_fleetRefreshMinutes);
}

// --cache-dir, else the setting, else the default folder; tests and benchmarks (no remembered
// settings) never touch the user's cache.
void MainWindow::openCache()
{
    QString directory = m_options.cacheDirectory;
    if (directory.isEmpty() && !m_options.restoreSettings)
        return;
    if (directory.isEmpty())
        directory = m_cacheDirectory;
    const bool opened = m_history->open(
        directory, {qint64(m_cacheMaxMegabytes) * 1024 * 1024, m_cacheMaxAgeDays});
    m_picker->setHistoryCache(m_history->cache());
    if (!m_history->message().isEmpty() || !opened)
        m_cacheBanner->showMessage(
            opened ? NotificationBanner::Kind::Information : NotificationBanner::Kind::Warning,
            tr("History cache"),
            m_history->message()
                + (opened ? QString()
                          : tr(" SyncDeck works without it: every data source is listed from the "
                               "service.")));
}

void MainWindow::showCacheState()
{
    const bool offline = m_history->isOffline();
    if (offline) {
        m_cacheBanner->showMessage(
            NotificationBanner::Kind::Warning, tr("Offline: showing the cached history"),
            tr("SyncDeck cannot reach the service. The runs, charts and details are from the "
               "history cache, %1.")
                .arg(m_history->asOfText()),
            tr("Try again"));
    } else if (m_offlineShown) {
        m_cacheBanner->hide();
    }
    m_offlineShown = offline;
    updateStatusBar();
}

void MainWindow::clearCache(bool all)
{
    const bool cleared
        = all ? m_history->clearAll() : m_history->clearDataSource(m_jobs->request());
    statusBar()->showMessage(
        cleared ? (all ? tr("Cleared the history cache")
                       : tr("Cleared the cached history of this data source"))
                : tr("Could not clear the history cache: %1").arg(m_history->errorString()),
        5000);
}

void MainWindow::updateStatusBar()
{
    m_status->showState(m_picker->isListing(),
                        m_errorBanner->isHidden() ? QString() : m_errorBanner->title());
}

void MainWindow::showAwsError(const QString &what, const AwsError &error,
                              const std::function<void()> &retry)
{
    m_errorBanner->showAwsError(what, error, m_connectionBar->profileName(), retry);
    updateStatusBar();
}

} // namespace syncdeck::ui
