#include "mainwindow.h"

#include "cache/historycache.h"
#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "dashboarddocks.h"
#include "dashboardmenus.h"
#include "dashboardstart.h"
#include "datasourceopener.h"
#include "fleet/fleetnavigator.h"
#include "fleet/fleetpage.h"
#include "jobs/cachedhistory.h"
#include "jobs/filterbar.h"
#include "jobs/historycachecontroller.h"
#include "jobs/jobspage.h"
#include "jobs/jobsstatus.h"
#include "jobs/runchartspane.h"
#include "jobs/synccontrol.h"
#include "notifications/runnotifier.h"
#include "qbusiness/syncjobmodel.h"
#include "report/reportpanel.h"
#include "resources/resourcepicker.h"
#include "settings/settingsdialog.h"
#include "widgets/accessiblenames.h"
#include "widgets/errorbanner.h"
#include "widgets/focusring.h"
#include "widgets/notificationbanner.h"
#include "widgets/paneregistry.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
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
    auto *menus = new DashboardMenus(this, m_connectionBar, m_sync);
    m_panes = new PaneRegistry(this, menus->viewMenu());
    m_navigator = new FleetNavigator(this, menus->viewMenu());
    menus->viewMenu()->addSeparator(); // the panes' toggles follow (PaneRegistry::addPane)
    connect(menus, &DashboardMenus::settingsRequested, this, &MainWindow::openSettings);
    connect(menus, &DashboardMenus::refreshRequested, this, &MainWindow::refresh);
    addToolBar(m_connectionBar);
    m_panes->registerPane(m_connectionBar, tr("&Connection"));
    addToolBarBreak();
    m_picker = new ResourcePicker(this);
    addToolBar(m_picker);
    m_panes->registerPane(m_picker, tr("&Data source picker"));
    addToolBarBreak();
    m_filters = new FilterBar(menus->refreshAction(), this);
    addToolBar(m_filters);
    m_panes->registerPane(m_filters, tr("F&ilters"));
    connect(menus, &DashboardMenus::quickFilterRequested, m_filters, &FilterBar::focusQuickFilter);
    buildCentral();
    connect(menus, &DashboardMenus::exportRequested, m_jobs, &JobsPage::exportTable);
    connect(menus, &DashboardMenus::jobsTableRequested, m_jobs, &JobsPage::focusTable);
    m_panes->registerPane(m_pages, tr("&Sync history"));
    // The details panel runs the full height on the right; the charts sit under the table.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_docks = new DashboardDocks(this, m_panes, m_jobs, services);
    m_status = new JobsStatus(m_jobs, statusBar());
    m_notifier = new RunNotifier(m_runBanner, windowIcon(), this);
    wireConnection();
    wireJobs();
    wireFleet();

    m_connectionBar->fillProfiles(m_connection->hasDemoService());
    if (m_options.restoreSettings)
        restoreSettings();
    openCache();
    DashboardStart {m_connectionBar, m_connection, m_picker, m_filters, m_navigator}.open(
        m_options, m_remembered);
    updateStatusBar();
    nameBuiltInControls(this);
    new FocusRing(this);
}

MainWindow::~MainWindow()
{
    // Calls hold pointers into the client: their owners let go of them before it goes.
    m_connection->close();
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
    m_cache = new HistoryCacheController(m_jobs, m_cacheBanner, m_options.cacheDirectory,
                                         m_options.restoreSettings, this);
    connect(m_cache, &HistoryCacheController::stateShown, this, &MainWindow::updateStatusBar);
    connect(m_cache, &HistoryCacheController::cacheOpened, m_picker,
            &ResourcePicker::setHistoryCache);
    connect(m_cacheBanner, &NotificationBanner::actionTriggered, this, &MainWindow::refresh);
    m_pages->addWidget(m_jobs);
    m_fleet = new FleetPage(m_pages);
    m_fleet->setObjectName(QStringLiteral("fleetPage"));
    m_pages->addWidget(m_fleet);
    m_navigator->setPages(m_pages, m_fleet, m_jobs);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_runBanner);
    layout->addWidget(m_cacheBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::wireConnection()
{
    connect(m_connectionBar, &ConnectionBar::goToRequested, this,
            [this](const QString &reference) { opener().goTo(reference); });
    connect(m_connection, &ConnectionController::opened, this, &MainWindow::useConnection);
    connect(m_connection, &ConnectionController::closed, this, &MainWindow::forgetConnection);
    connect(m_connection, &ConnectionController::failed, this, &MainWindow::showConnectionFailure);
    connect(m_connection, &ConnectionController::failed, m_navigator,
            &FleetNavigator::dropKeptFleet);
    m_errorBanner->setCredentialsRefresh([this] { m_connection->invalidateCredentials(); });
    connect(m_picker, &ResourcePicker::selectionChanged, this, &MainWindow::showChosenDataSource);
    connect(m_picker, &ResourcePicker::namesListed, this, &MainWindow::showDataSourceName);
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
    connect(m_notifier, &RunNotifier::runRequested, m_jobs, &JobsPage::selectRun);
    connect(m_sync, &SyncControl::syncStarted, m_notifier, &RunNotifier::notifySyncStarted);
    connect(m_sync, &SyncControl::syncStarted, m_jobs, &JobsPage::pollNow);
    connect(m_sync, &SyncControl::stopAccepted, m_notifier, &RunNotifier::notifySyncStopping);
    connect(m_sync, &SyncControl::stopAccepted, m_jobs, &JobsPage::pollNow);
    connect(m_sync, &SyncControl::failed, m_notifier, &RunNotifier::withdrawSyncMessage);
    connect(m_sync, &SyncControl::failed, this, &MainWindow::showAwsError);
    connect(m_jobs->model(), &SyncJobModel::jobFinished, m_notifier,
            &RunNotifier::notifyRunFinished);
    if (RunChartsPane *charts = m_docks->charts()) {
        connect(m_jobs, &JobsPage::listingStarted, charts,
                [this, charts] { charts->setFilterScope(m_filters->description()); });
    }
    // Sync now and Stop sync follow the runs, when the listing shows all of them.
    connect(m_jobs, &JobsPage::stateChanged, m_sync,
            [this] { m_sync->followListing(*m_jobs->model()); });
}

void MainWindow::wireFleet()
{
    connect(m_fleet, &FleetPage::dataSourceActivated, this,
            [this](const qbusiness::ResourceReference &ids) { opener().openFleetRow(ids); });
    connect(m_fleet, &FleetPage::dataSourceEnteredFailing, m_notifier,
            [this](const fleet::FleetRow &row) {
                m_notifier->notifyDataSourceFailing(
                    row.dataSourceName.isEmpty() ? row.dataSourceId : row.dataSourceName,
                    row.health.reason);
            });
    // A data source picked by hand is what the user wants to see, fleet or not.
    connect(m_picker, &ResourcePicker::choiceMadeByUser, m_navigator, &FleetNavigator::leaveFleet);
}

void MainWindow::restoreSettings()
{
    m_remembered = WindowSettings::load();
    const WindowSettings &s = m_remembered;
    restoreGeometry(s.geometry);
    if (!restoreState(s.dockState))
        m_docks->sizeForFirstStart();
    m_jobs->restoreHeaderState(s.jobsHeader);
    if (!s.region.isEmpty())
        m_connectionBar->showRegion(s.region);
    m_connection->setEndpointOverride(s.endpointOverride);
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
    if (m_connectionBar->choice().kind == ConnectionChoice::Kind::Profile)
        s.rememberConnection(m_connectionBar->profileName(), m_picker->selection(),
                             m_picker->hasDataSource(), o.profile,
                             {{}, o.applicationId, o.indexId, o.dataSourceId});
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
    m_cache->history()->setClient(connection.client);
    m_jobs->setClient(connection.client);
    m_docks->report()->setLogsClient(connection.logsClient, connection.logsProblem,
                                     connection.logsNextStep);
    applyPollIntervals();
    // The fleet is the first view unless a data source was asked for (the command line, Go to,
    // the demo's latest failed run); it goes back to the history for a single data source.
    m_navigator->openConnection(connection.client, connection.demo);
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
    m_docks->report()->setLogsClient(nullptr);
    m_navigator->closeConnection();
    m_cache->history()->setClient(nullptr);
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

DataSourceOpener MainWindow::opener() const
{
    return {m_connectionBar, m_connection, m_picker, m_navigator, m_jobs, m_errorBanner};
}

void MainWindow::showChosenDataSource()
{
    const qbusiness::ResourceReference ids = m_picker->selection();
    m_docks->setDataSource(m_connectionBar->region(), ids);
    m_sync->setDataSource(m_connection->client(), ids, m_picker->dataSourceName());
    m_jobs->showDataSource(ids);
    showDataSourceName();
}

void MainWindow::showDataSourceName()
{
    const QString name = m_picker->hasDataSource() ? m_picker->dataSourceName() : QString();
    m_sync->setDataSourceName(name);
    // Exports name the data source: by its ID until (or unless) its name is listed.
    const QString exported = name.isEmpty() ? m_picker->selection().dataSourceId : name;
    m_jobs->setDataSourceName(exported);
    if (RunChartsPane *charts = m_docks->charts())
        charts->setDataSourceName(exported);
    setWindowTitle(name.isEmpty() ? tr("SyncDeck") : tr("%1 — SyncDeck").arg(name));
}

void MainWindow::refresh()
{
    if (!m_connection->client())
        m_connection->openChosen();
    else if (m_navigator->isFleetShown())
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
    dialog.showSettings(m_remembered, cache::HistoryCache::defaultDirectory());
    dialog.setCanClearDataSource(m_cache->history()->isOpen() && m_picker->hasDataSource());
    connect(&dialog, &SettingsDialog::clearCacheRequested, this, [this](bool all) {
        statusBar()->showMessage(m_cache->clear(all, m_jobs->request()), 5000);
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.applyTo(m_remembered)) {
        openCache(); // the new folder or limits; the data source opens again from it
        m_cache->history()->setClient(m_connection->client());
        if (m_picker->hasDataSource())
            m_jobs->reload();
    }
    const bool endpointChanged = dialog.endpointUrl() != m_connection->endpointOverride();
    m_connection->setEndpointOverride(dialog.endpointUrl());
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
        m_jobs->setPollIntervals(m_remembered.refreshSeconds * 1000, 120000);
    m_fleet->setAutoRefreshMinutes(m_remembered.fleetRefreshMinutes);
}

void MainWindow::openCache()
{
    m_cache->open(m_remembered.cacheDirectory, m_remembered.cacheMaxMegabytes,
                  m_remembered.cacheMaxAgeDays);
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
