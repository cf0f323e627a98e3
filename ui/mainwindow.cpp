#include "mainwindow.h"

#include "charts/chartspanel.h"
#include "qbusiness/runhistory.h"

#include "aws/awsconfig.h"
#include "aws/credentialsprovider.h"
#include "aws/profilecatalogue.h"
#include "aws/session.h"
#include "emulator/server.h"
#include "enterkeysdialog.h"
#include "jobdetailspanel.h"
#include "jobstatusproxymodel.h"
#include "mfadialog.h"
#include "notificationbanner.h"
#include "qbusiness/client.h"
#include "qbusiness/consolelinks.h"
#include "qbusiness/errorexplanation.h"
#include "qbusiness/resourcelistmodel.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdeck::ui {

using qbusiness::AwsError;
using qbusiness::Call;
using qbusiness::ResourceListModel;
using qbusiness::SyncJob;
using qbusiness::SyncJobModel;
using qbusiness::SyncStatus;

namespace {

// Profile combo item data: which kind of connection an entry makes.
constexpr char DemoProfile[] = "demo:";
constexpr char KeysProfile[] = "keys:";
constexpr char NamedProfile[] = "profile:";

// Regions where Amazon Q Business is offered; the combo stays editable for new ones.
const QStringList QBusinessRegions = {
    QStringLiteral("us-east-1"),      QStringLiteral("us-west-2"),
    QStringLiteral("eu-west-1"),      QStringLiteral("ap-southeast-2"),
    QStringLiteral("ca-central-1"),   QStringLiteral("ap-south-1"),
    QStringLiteral("eu-central-1"),   QStringLiteral("eu-west-2"),
    QStringLiteral("ap-northeast-1"), QStringLiteral("ap-southeast-1"),
};

enum Range { Last24h, Last7d, Last30d, Last90d, AllTime, Custom };

// ListApplications and friends page; a bound keeps a misbehaving endpoint from looping forever.
constexpr int MaxListPages = 50;
// The demo looks this many pages deep for a failed run to open on.
constexpr int DemoSearchPages = 20;

} // namespace

MainWindow::MainWindow(const LaunchOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(tr("SyncDeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/syncdeck.svg")));
    setMinimumSize(640, 400);
    // A roomy first size that still fits the screen; later starts restore the saved geometry.
    QSize initial(1440, 920);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        initial = initial.boundedTo(screen->availableSize() * 0.92);
    resize(initial);

    m_applications = new ResourceListModel(this);
    m_indices = new ResourceListModel(this);
    m_dataSources = new ResourceListModel(this);
    m_jobModel = new SyncJobModel(this);
    m_loader = new qbusiness::SyncJobLoader(m_jobModel, this);
    m_statusProxy = new JobStatusProxyModel(this);
    m_statusProxy->setSourceModel(m_jobModel);
    m_statusProxy->setPalette(palette());
    m_sortProxy = new QSortFilterProxyModel(this);
    m_sortProxy->setSourceModel(m_statusProxy);
    m_sortProxy->setSortRole(SyncJobModel::SortRole);
    m_sortProxy->setFilterKeyColumn(-1);
    m_sortProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    buildActions();
    buildConnectionBar();
    buildFilterBar();
    buildCentral();
    // The details panel runs the full height on the right; the charts sit under the table.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    buildDetailsDock();
    buildChartsDock();

    m_statusText = new QLabel(this);
    m_statusText->setObjectName(QStringLiteral("jobsStatus"));
    m_filterText = new QLabel(this);
    m_filterText->setObjectName(QStringLiteral("filterStatus"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_filterText);
    statusBar()->addPermanentWidget(m_busy);

    connect(m_jobModel, &SyncJobModel::stateChanged, this, &MainWindow::updateStatusBar);
    connect(m_jobModel, &SyncJobModel::stateChanged, this, &MainWindow::updateEmptyState);
    connect(m_jobModel, &SyncJobModel::jobsAppended, this, &MainWindow::jobsAppended);
    connect(m_jobModel, &SyncJobModel::jobFinished, this, &MainWindow::jobFinished);
    connect(m_jobModel, &SyncJobModel::pageFailed, this, [this](const AwsError &error) {
        showAwsError(tr("Could not load sync jobs"), error, [this] { m_jobModel->retry(); });
    });
    connect(m_jobModel, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Live refresh changed the run on display: show its new state.
                if (!m_details->hasJob())
                    return;
                const int row = m_jobModel->rowOfExecutionId(m_details->job().executionId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    m_details->setJob(m_jobModel->job(row));
            });
    connect(m_loader, &qbusiness::SyncJobLoader::loadAllProgressed, this,
            &MainWindow::updateStatusBar);
    connect(m_loader, &qbusiness::SyncJobLoader::loadAllFinished, this, [this] {
        m_cancelLoadAll->hide();
        m_loadAll->setEnabled(m_jobModel->hasMore());
        updateStatusBar();
    });
    connect(m_loader, &qbusiness::SyncJobLoader::pollFailed, this, [this](const AwsError &error) {
        showAwsError(tr("Live refresh failed (it will try again)"), error,
                     [this] { m_loader->pollNow(); });
    });

    fillProfiles();
    if (m_options.restoreSettings)
        restoreSettings();

    // Command line beats remembered state.
    if (!m_options.region.isEmpty())
        m_region->setCurrentText(m_options.region);
    if (!m_options.statusFilter.isEmpty()) {
        int i = m_status->findData(m_options.statusFilter);
        if (i < 0) {
            // A status newer than this build: keep it, verbatim.
            m_status->addItem(m_options.statusFilter, m_options.statusFilter);
            i = m_status->count() - 1;
        }
        m_status->setCurrentIndex(i);
    }
    if (m_options.startTime.isValid() || m_options.endTime.isValid()) {
        m_range->setCurrentIndex(Custom);
        m_customStart->setDateTime(m_options.startTime.isValid()
                                       ? m_options.startTime.toLocalTime()
                                       : QDateTime::currentDateTime().addDays(-30));
        m_customEnd->setDateTime(m_options.endTime.isValid() ? m_options.endTime.toLocalTime()
                                                             : QDateTime::currentDateTime());
        rangeChanged();
    }
    if (!m_options.applicationId.isEmpty()) {
        m_pendingApplication = m_options.applicationId;
        m_pendingIndex = m_options.indexId;
        m_pendingDataSource = m_options.dataSourceId;
    }
    if (!m_options.endpointUrl.isEmpty())
        m_endpointOverride = m_options.endpointUrl;

    int profileRow = -1;
    if (m_options.demo)
        profileRow = m_profile->findData(QString::fromLatin1(DemoProfile));
    else if (!m_options.profile.isEmpty()) {
        profileRow
            = m_profile->findData(QString(QString::fromLatin1(NamedProfile) + m_options.profile));
        if (profileRow < 0) {
            m_profile->addItem(m_options.profile,
                               QString(QString::fromLatin1(NamedProfile) + m_options.profile));
            profileRow = m_profile->count() - 1;
        }
    }
    updateStatusBar();
    updateEmptyState();
    if (profileRow >= 0) {
        const QSignalBlocker blocker(m_profile);
        m_profile->setCurrentIndex(profileRow);
    }
    // Connect once the window is up, so a slow credential source never delays the first paint.
    if (m_options.demo || !m_options.profile.isEmpty() || !m_options.applicationId.isEmpty())
        QTimer::singleShot(0, this, &MainWindow::connectSelectedProfile);
}

MainWindow::~MainWindow()
{
    // Jobs hold pointers into the client; end them before the server and client go.
    m_loader->setClient(nullptr);
    delete m_connection.data();
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings
        = file->addAction(tr("Connection &settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    file->addAction(tr("Export table as &CSV…"), this,
                    [this] { chooseAndExportTable(qbusiness::JobExportFormat::Csv); });
    file->addAction(tr("Export table as &JSON…"), this,
                    [this] { chooseAndExportTable(qbusiness::JobExportFormat::Json); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WindowShortcut);
    QAction *goTo = view->addAction(tr("&Go to data source…"), this, [this] {
        m_goTo->setFocus(Qt::ShortcutFocusReason);
        m_goTo->selectAll();
    });
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *find = view->addAction(tr("&Filter loaded rows"), this, [this] {
        m_quickFilter->setFocus(Qt::ShortcutFocusReason);
        m_quickFilter->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *table = view->addAction(tr("&Jobs table"), this,
                                     [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    table->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));

    QMenu *source = menuBar()->addMenu(tr("&Data source"));
    m_syncNowAction = source->addAction(tr("&Sync now…"), this, &MainWindow::syncNow);
    m_stopAction = source->addAction(tr("S&top sync…"), this, &MainWindow::stopSync);
    m_syncNowAction->setEnabled(false);
    m_stopAction->setEnabled(false);
}

void MainWindow::buildConnectionBar()
{
    QToolBar *bar = addToolBar(tr("Connection"));
    bar->setObjectName(QStringLiteral("connectionBar"));
    bar->setMovable(false);

    auto *profileLabel = new QLabel(tr("&Profile:"), bar);
    m_profile = new QComboBox(bar);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setAccessibleName(tr("Profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    profileLabel->setBuddy(m_profile);
    auto *regionLabel = new QLabel(tr("&Region:"), bar);
    m_region = new QComboBox(bar);
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setEditable(true);
    m_region->addItems(QBusinessRegions);
    m_region->setAccessibleName(tr("Region"));
    m_region->setInsertPolicy(QComboBox::NoInsert);
    regionLabel->setBuddy(m_region);
    auto *goToLabel = new QLabel(tr("&Go to:"), bar);
    m_goTo = new QLineEdit(bar);
    m_goTo->setObjectName(QStringLiteral("goTo"));
    m_goTo->setPlaceholderText(tr("data source ARN, console URL, or app/index/data source IDs"));
    m_goTo->setAccessibleName(tr("Go to data source"));
    m_goTo->setClearButtonEnabled(true);
    m_goTo->setMinimumWidth(260);
    goToLabel->setBuddy(m_goTo);

    bar->addWidget(profileLabel);
    bar->addWidget(m_profile);
    bar->addSeparator();
    bar->addWidget(regionLabel);
    bar->addWidget(m_region);
    bar->addSeparator();
    bar->addWidget(goToLabel);
    bar->addWidget(m_goTo);

    connect(m_profile, &QComboBox::activated, this, &MainWindow::connectSelectedProfile);
    connect(m_region->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_client && !m_demoActive && m_client->config().region != currentRegion())
            connectSelectedProfile();
    });
    connect(m_region, &QComboBox::activated, this, [this] {
        if (m_client && !m_demoActive && m_client->config().region != currentRegion())
            connectSelectedProfile();
    });
    connect(m_goTo, &QLineEdit::returnPressed, this, &MainWindow::goTo);

    addToolBarBreak();
    QToolBar *resources = addToolBar(tr("Resources"));
    resources->setObjectName(QStringLiteral("resourceBar"));
    resources->setMovable(false);
    const auto addPicker
        = [this, resources](const QString &label, const QString &name, ResourceListModel *model) {
              auto *l = new QLabel(label, resources);
              auto *combo = new QComboBox(resources);
              combo->setObjectName(name);
              combo->setModel(model);
              combo->setMinimumWidth(200);
              combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
              QString accessible = label;
              accessible.remove(QLatin1Char('&')).remove(QLatin1Char(':'));
              combo->setAccessibleName(accessible);
              l->setBuddy(combo);
              resources->addWidget(l);
              resources->addWidget(combo);
              return combo;
          };
    m_application = addPicker(tr("&Application:"), QStringLiteral("application"), m_applications);
    m_index = addPicker(tr("&Index:"), QStringLiteral("index"), m_indices);
    m_dataSource = addPicker(tr("&Data source:"), QStringLiteral("dataSource"), m_dataSources);
    connect(m_application, &QComboBox::currentIndexChanged, this, &MainWindow::applicationChosen);
    connect(m_index, &QComboBox::currentIndexChanged, this, &MainWindow::indexChosen);
    connect(m_dataSource, &QComboBox::currentIndexChanged, this, &MainWindow::dataSourceChosen);
}

void MainWindow::buildFilterBar()
{
    addToolBarBreak();
    QToolBar *bar = addToolBar(tr("Filters"));
    bar->setObjectName(QStringLiteral("filterBar"));
    bar->setMovable(false);

    auto *statusLabel = new QLabel(tr("&Status:"), bar);
    m_status = new QComboBox(bar);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), QString());
    for (SyncStatus s : qbusiness::knownSyncStatuses()) {
        const QString wire = qbusiness::syncStatusToWire(s);
        m_status->addItem(SyncJobModel::statusText(wire), wire);
    }
    statusLabel->setBuddy(m_status);

    auto *rangeLabel = new QLabel(tr("R&ange:"), bar);
    m_range = new QComboBox(bar);
    m_range->setObjectName(QStringLiteral("range"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last 24 hours"));
    m_range->addItem(tr("Last 7 days"));
    m_range->addItem(tr("Last 30 days"));
    m_range->addItem(tr("Last 90 days"));
    m_range->addItem(tr("All time"));
    m_range->addItem(tr("Custom…"));
    m_range->setCurrentIndex(AllTime);
    rangeLabel->setBuddy(m_range);
    m_customStart = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), bar);
    m_customStart->setCalendarPopup(true);
    m_customStart->setAccessibleName(tr("Custom range start"));
    m_customStart->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_customEnd = new QDateTimeEdit(QDateTime::currentDateTime(), bar);
    m_customEnd->setCalendarPopup(true);
    m_customEnd->setAccessibleName(tr("Custom range end"));
    m_customEnd->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));

    auto *refresh = new QToolButton(bar);
    refresh->setDefaultAction(m_refreshAction);
    refresh->setToolButtonStyle(Qt::ToolButtonTextOnly);
    refresh->setToolTip(tr("Reload from the service (F5)"));

    m_quickFilter = new QLineEdit(bar);
    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setPlaceholderText(tr("Filter loaded rows (Ctrl+F)"));
    m_quickFilter->setAccessibleName(tr("Filter loaded rows"));
    m_quickFilter->setClearButtonEnabled(true);
    m_quickFilter->setMaximumWidth(240);

    m_loadAll = new QPushButton(tr("Load a&ll"), bar);
    m_loadAll->setObjectName(QStringLiteral("loadAll"));
    m_loadAll->setToolTip(tr("Load every page of this listing"));
    m_loadAll->setEnabled(false);
    m_cancelLoadAll = new QPushButton(tr("&Cancel"), bar);
    m_cancelLoadAll->setObjectName(QStringLiteral("cancelLoadAll"));
    m_cancelLoadAll->hide();

    bar->addWidget(statusLabel);
    bar->addWidget(m_status);
    bar->addSeparator();
    bar->addWidget(rangeLabel);
    bar->addWidget(m_range);
    bar->addWidget(m_customStart);
    bar->addWidget(m_customEnd);
    bar->addWidget(refresh);
    bar->addSeparator();
    bar->addWidget(m_quickFilter);
    bar->addWidget(m_loadAll);
    QAction *cancelAction = bar->addWidget(m_cancelLoadAll);
    Q_UNUSED(cancelAction)

    rangeChanged();
    // Filters go to the server: every change is a new listing.
    connect(m_status, &QComboBox::activated, this, &MainWindow::applyRequest);
    connect(m_range, &QComboBox::activated, this, [this] {
        rangeChanged();
        applyRequest();
    });
    connect(m_customStart, &QDateTimeEdit::editingFinished, this, &MainWindow::applyRequest);
    connect(m_customEnd, &QDateTimeEdit::editingFinished, this, &MainWindow::applyRequest);
    connect(m_quickFilter, &QLineEdit::textChanged, this, &MainWindow::quickFilterChanged);
    connect(m_loadAll, &QPushButton::clicked, this, &MainWindow::loadAll);
    connect(m_cancelLoadAll, &QPushButton::clicked, m_loader,
            &qbusiness::SyncJobLoader::cancelLoadAll);
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);

    m_demoBanner = new NotificationBanner(central);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_errorBanner = new NotificationBanner(central);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_runBanner = new NotificationBanner(central);
    m_runBanner->setObjectName(QStringLiteral("runBanner"));
    connect(m_errorBanner, &NotificationBanner::actionTriggered, this, [this] {
        m_errorBanner->hide();
        if (auto retry = std::exchange(m_retry, {}))
            retry();
    });

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Sync jobs"));
    m_view->setModel(m_sortProxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Widths from the font, so they fit at any DPI and font size.
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(SyncJobModel::StatusColumn, digit * 14);
    m_view->setColumnWidth(SyncJobModel::StartColumn, digit * 19);
    m_view->setColumnWidth(SyncJobModel::EndColumn, digit * 19);
    for (int c = SyncJobModel::DurationColumn; c <= SyncJobModel::FailedColumn; ++c)
        m_view->setColumnWidth(c, digit * 9);
    m_view->setColumnWidth(SyncJobModel::ErrorCodeColumn, digit * 15);
    m_view->setColumnWidth(SyncJobModel::DataSourceErrorCodeColumn, digit * 15);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &MainWindow::showColumnMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::currentRowChanged);

    m_emptyState = new QLabel(central);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::PlainText);

    m_stack = new QStackedWidget(central);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyState);

    layout->addWidget(m_demoBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_runBanner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::buildDetailsDock()
{
    m_detailsDock = new QDockWidget(tr("Run details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_details = new JobDetailsPanel(m_detailsDock);
    m_details->setObjectName(QStringLiteral("detailsPanel"));
    m_details->setMinimumWidth(320);
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    QMenu *viewMenu = nullptr;
    for (QAction *a : menuBar()->actions()) {
        if (a->menu() && a->text() == tr("&View"))
            viewMenu = a->menu();
    }
    if (viewMenu) {
        QAction *toggle = m_detailsDock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
        viewMenu->addSeparator();
        viewMenu->addAction(toggle);
    }
}

void MainWindow::buildChartsDock()
{
    // The charts follow the table's pages and live refreshes through their own time-ordered
    // model; a click on a run selects its row, and the row selected highlights its run.
    m_chartsDock = new QDockWidget(tr("Charts and insights"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_charts = new ChartsPanel(m_chartsDock);
    m_charts->setObjectName(QStringLiteral("chartsPanel"));
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    qbusiness::RunHistory *charts = m_charts->model();
    connect(m_jobModel, &SyncJobModel::jobsAppended, charts, &qbusiness::RunHistory::appendJobs);
    connect(m_jobModel, &SyncJobModel::jobsUpdated, charts, &qbusiness::RunHistory::updateJobs);
    connect(m_jobModel, &SyncJobModel::modelReset, charts, &qbusiness::RunHistory::clear);
    connect(m_charts, &ChartsPanel::runActivated, this, &MainWindow::selectRowOfExecutionId);
    for (QAction *a : menuBar()->actions()) {
        if (a->menu() && a->text() == tr("&View"))
            a->menu()->addAction(m_chartsDock->toggleViewAction());
    }
}

QList<SyncJob> MainWindow::tableJobs() const
{
    QList<SyncJob> jobs;
    jobs.reserve(m_sortProxy->rowCount());
    for (int r = 0; r < m_sortProxy->rowCount(); ++r) {
        const QModelIndex source
            = m_statusProxy->mapToSource(m_sortProxy->mapToSource(m_sortProxy->index(r, 0)));
        jobs.append(m_jobModel->job(source.row()));
    }
    return jobs;
}

bool MainWindow::exportTable(const QString &path, qbusiness::JobExportFormat format,
                             QString *error) const
{
    return qbusiness::exportJobs(path, tableJobs(), format, error);
}

void MainWindow::chooseAndExportTable(qbusiness::JobExportFormat format)
{
    const bool csv = format == qbusiness::JobExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export table as CSV") : tr("Export table as JSON"),
        csv ? QStringLiteral("sync-jobs.csv") : QStringLiteral("sync-jobs.json"),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTable(path, format, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %n runs to %1", nullptr, m_sortProxy->rowCount())
                                     .arg(QDir::toNativeSeparators(path)),
                                 5000);
}

void MainWindow::fillProfiles()
{
    m_profile->clear();
    m_profile->addItem(QIcon(QStringLiteral(":/icons/demo.svg")), tr("Demo (built-in service)"),
                       QString::fromLatin1(DemoProfile));
    m_profile->addItem(tr("Enter keys…"), QString::fromLatin1(KeysProfile));
    m_profile->insertSeparator(m_profile->count());
    // Every profile of ~/.aws with how it gets credentials, as the AWS CLI would read them.
    const aws::AwsConfig config = aws::AwsConfig::load(QProcessEnvironment::systemEnvironment());
    for (const aws::ProfileEntry &p : aws::profileCatalogue(config)) {
        QString label = QStringLiteral("%1 (%2)").arg(p.name, aws::credentialKindName(p.kind));
        if (!p.problems.isEmpty())
            label += tr(" — has errors");
        const int row = m_profile->count();
        m_profile->addItem(label, QString(QString::fromLatin1(NamedProfile) + p.name));
        m_profile->setItemData(row,
                               p.problems.isEmpty() ? tr("Defined at %1").arg(p.definedAt)
                                                    : p.problems.join(QLatin1Char('\n')),
                               Qt::ToolTipRole);
    }
    m_profile->setCurrentIndex(-1);
    m_profile->setPlaceholderText(tr("Choose a profile"));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: the table keeps most of the height, the charts get a strip below it and
        // the details panel the full height on the right.
        resizeDocks({m_detailsDock}, {380}, Qt::Horizontal);
        resizeDocks({m_chartsDock}, {height() * 2 / 5}, Qt::Vertical);
    }
    m_view->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("jobs/header")).toByteArray());
    const QString region = settings.value(QStringLiteral("connection/region")).toString();
    if (!region.isEmpty())
        m_region->setCurrentText(region);
    m_endpointOverride = settings.value(QStringLiteral("connection/endpoint")).toString();
    m_refreshSeconds
        = qBound(5, settings.value(QStringLiteral("connection/refreshSeconds"), 10).toInt(), 600);
    const int range = settings.value(QStringLiteral("filters/range"), int(AllTime)).toInt();
    if (range >= Last24h && range < Custom)
        m_range->setCurrentIndex(range);
    rangeChanged();
}

void MainWindow::saveSettings() const
{
    // Names, IDs and layout only: never a key, token or anything from the credentials.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("jobs/header"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("connection/region"), currentRegion());
    settings.setValue(QStringLiteral("connection/endpoint"), m_endpointOverride);
    settings.setValue(QStringLiteral("connection/refreshSeconds"), m_refreshSeconds);
    if (m_range->currentIndex() != Custom)
        settings.setValue(QStringLiteral("filters/range"), m_range->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.restoreSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_statusProxy)
        m_statusProxy->setPalette(palette());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint && !m_firstRowsShown
        && m_sortProxy->rowCount() > 0) {
        m_firstRowsShown = true;
        // After this paint event has been handled: the rows are on screen.
        QTimer::singleShot(0, this, &MainWindow::firstRowsShown);
    }
    return QMainWindow::eventFilter(watched, event);
}

QString MainWindow::currentRegion() const
{
    return m_region->currentText().trimmed();
}

QString MainWindow::currentProfileName() const
{
    const QString data = m_profile->currentData().toString();
    if (data.startsWith(QLatin1String(NamedProfile)))
        return data.mid(int(qstrlen(NamedProfile)));
    return {};
}

QString MainWindow::currentId(QComboBox *combo) const
{
    return combo->currentData(ResourceListModel::IdRole).toString();
}

void MainWindow::disconnectClient()
{
    m_loader->setClient(nullptr);
    ++m_connectionGeneration;
    delete m_connection.data();
    m_client = nullptr;
    m_demoActive = false;
    m_demoBanner->hide();
    m_errorBanner->hide();
    m_retry = {};
    m_jobModel->clear();
    m_details->clearJob();
    {
        const QSignalBlocker a(m_application), b(m_index), c(m_dataSource);
        m_applications->clear();
        m_indices->clear();
        m_dataSources->clear();
    }
    m_syncNowAction->setEnabled(false);
    m_stopAction->setEnabled(false);
    updateStatusBar();
    updateEmptyState();
}

bool MainWindow::startDemoService(QString *error)
{
    if (m_demoServer)
        return true;
    auto server = std::make_unique<emulator::Server>(m_options.demoService);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        *error = server->errorString();
        return false;
    }
    m_demoServer = std::move(server);
    return true;
}

void MainWindow::connectSelectedProfile()
{
    const QString choice = m_profile->currentData().toString();
    if (choice.isEmpty())
        return;
    disconnectClient();
    m_connection = new QObject(this);
    const quint64 generation = m_connectionGeneration;

    qbusiness::ClientConfig config;
    aws::CredentialsProvider *credentials = nullptr;
    if (choice == QLatin1String(DemoProfile)) {
        QString error;
        if (!startDemoService(&error)) {
            showMessageError(tr("The demo service could not start"), error,
                             m_options.demoService.statePath.isEmpty()
                                 ? tr("Check that 127.0.0.1 accepts connections, then try again.")
                                 : tr("Fix the demo state file, then start SyncDeck again."));
            return;
        }
        aws::Credentials keys;
        keys.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
        keys.secretAccessKey
            = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
        keys.source = QStringLiteral("demo");
        credentials = new aws::StaticCredentialsProvider(keys, m_connection);
        config.endpoint = m_demoServer->url();
        config.region = QString::fromLatin1(emulator::DefaultRegion);
        m_demoActive = true;
        {
            const QSignalBlocker blocker(m_region);
            m_region->setCurrentText(config.region);
        }
        m_demoBanner->showMessage(NotificationBanner::Kind::Information, tr("Demo data"),
                                  tr("You are looking at the built-in demo service on this "
                                     "computer, not at AWS. Choose a profile to see your own "
                                     "data sources."),
                                  {}, false);
    } else if (choice == QLatin1String(KeysProfile)) {
        EnterKeysDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted) {
            m_profile->setCurrentIndex(-1);
            return;
        }
        credentials = new aws::StaticCredentialsProvider(dialog.credentials(), m_connection);
        config.region = currentRegion();
        if (config.region.isEmpty()) {
            showMessageError(tr("No region"), tr("Keys alone do not say which region to use."),
                             tr("Choose a region in the connection bar."));
            return;
        }
        config.endpoint = m_endpointOverride.isEmpty()
            ? QUrl(QStringLiteral("https://qbusiness.%1.api.aws").arg(config.region))
            : QUrl(m_endpointOverride);
    } else {
        aws::SessionOptions options;
        options.profile = currentProfileName();
        options.region = currentRegion();
        options.endpointUrl = m_endpointOverride;
        options.mfaPrompt = [window = QPointer<MainWindow>(this)](const aws::MfaRequest &request,
                                                                  aws::MfaAnswer answer) {
            if (window)
                askForMfaCode(window, request, std::move(answer));
            else
                answer(std::nullopt);
        };
        aws::Session session;
        aws::SessionError error;
        if (!aws::resolveSession(options, QProcessEnvironment::systemEnvironment(), m_connection,
                                 &session, &error)) {
            showMessageError(tr("Profile %1 cannot be used").arg(options.profile), error.message,
                             error.nextStep);
            m_retry = [this] { connectSelectedProfile(); };
            return;
        }
        credentials = session.credentials;
        config.endpoint = session.endpoint;
        config.region = session.region;
        config.maxAttempts = session.maxAttempts;
        config.retryMode = session.retryMode;
        config.caBundlePath = session.caBundle;
        config.proxies = session.proxies;
        const QSignalBlocker blocker(m_region);
        m_region->setCurrentText(session.region);
    }
    m_credentials = credentials;
    m_client = new qbusiness::Client(config, credentials, m_connection);
    m_loader->setClient(m_client);
    if (m_options.pollIntervalMs > 0)
        m_loader->setPollIntervals(m_options.pollIntervalMs, m_options.pollIntervalMs * 4);
    else
        m_loader->setPollIntervals(m_refreshSeconds * 1000, 120000);
    Q_UNUSED(generation)
    listLevel(ListLevel::Applications);
}

void MainWindow::listLevel(ListLevel level, const QString &nextToken)
{
    if (!m_client)
        return;
    const quint64 generation = m_connectionGeneration;
    const QString app = currentId(m_application);
    const QString index = currentId(m_index);
    Call *job = nullptr;
    switch (level) {
    case ListLevel::Applications:
        if (nextToken.isEmpty())
            m_applicationsSoFar.clear();
        job = m_client->listApplications(nextToken);
        break;
    case ListLevel::Indices:
        if (nextToken.isEmpty())
            m_indicesSoFar.clear();
        job = m_client->listIndices(app, nextToken);
        break;
    case ListLevel::DataSources:
        if (nextToken.isEmpty())
            m_dataSourcesSoFar.clear();
        job = m_client->listDataSources(app, index, nextToken);
        break;
    }
    m_busy->show();
    connect(job, &Call::finished, this, [this, level, generation, app, index](Call *j) {
        m_busy->setVisible(m_jobModel->isLoading());
        // An answer for an earlier connection or an earlier parent selection: drop it.
        if (generation != m_connectionGeneration || j->error().kind == AwsError::Kind::Aborted)
            return;
        if (level != ListLevel::Applications && app != currentId(m_application))
            return;
        if (level == ListLevel::DataSources && index != currentId(m_index))
            return;
        if (j->error().isError()) {
            const QString what = level == ListLevel::Applications
                ? tr("Could not list applications")
                : level == ListLevel::Indices ? tr("Could not list indices")
                                              : tr("Could not list data sources");
            showAwsError(what, j->error(), [this, level] { listLevel(level); });
            return;
        }
        QString next;
        switch (level) {
        case ListLevel::Applications: {
            auto *l = static_cast<qbusiness::ListApplicationsCall *>(j);
            m_applicationsSoFar.append(l->applications);
            next = l->nextToken;
            if (!next.isEmpty() && m_applicationsSoFar.size() < MaxListPages * 100)
                return listLevel(level, next);
            const QSignalBlocker blocker(m_application);
            m_applications->setApplications(m_applicationsSoFar);
            selectPending(m_application, m_applications, &m_pendingApplication);
            break;
        }
        case ListLevel::Indices: {
            auto *l = static_cast<qbusiness::ListIndicesCall *>(j);
            m_indicesSoFar.append(l->indices);
            next = l->nextToken;
            if (!next.isEmpty() && m_indicesSoFar.size() < MaxListPages * 100)
                return listLevel(level, next);
            const QSignalBlocker blocker(m_index);
            m_indices->setIndices(m_indicesSoFar);
            selectPending(m_index, m_indices, &m_pendingIndex);
            break;
        }
        case ListLevel::DataSources: {
            auto *l = static_cast<qbusiness::ListDataSourcesCall *>(j);
            m_dataSourcesSoFar.append(l->dataSources);
            next = l->nextToken;
            if (!next.isEmpty() && m_dataSourcesSoFar.size() < MaxListPages * 10)
                return listLevel(level, next);
            const QSignalBlocker blocker(m_dataSource);
            m_dataSources->setDataSources(m_dataSourcesSoFar);
            selectPending(m_dataSource, m_dataSources, &m_pendingDataSource);
            break;
        }
        }
        // The blockers are gone: act on the selection once.
        switch (level) {
        case ListLevel::Applications:
            applicationChosen();
            break;
        case ListLevel::Indices:
            indexChosen();
            break;
        case ListLevel::DataSources:
            dataSourceChosen();
            break;
        }
    });
    job->start();
}

void MainWindow::selectPending(QComboBox *combo, ResourceListModel *model, QString *pending)
{
    int row = -1;
    if (!pending->isEmpty()) {
        row = model->rowOfId(*pending);
        if (row < 0) {
            // Asked for by ID (command line, Go to) but not listed, e.g. without List
            // permission: keep it selectable by its ID.
            QList<ResourceListModel::Entry> entries = model->entries();
            entries.append({*pending, *pending, {}, {}});
            model->setEntries(entries);
            row = model->rowOfId(*pending);
        }
        pending->clear();
    } else if (model->rowCount() > 0) {
        row = 0;
    }
    combo->setCurrentIndex(row);
}

void MainWindow::applicationChosen()
{
    m_jobModel->clear();
    m_details->clearJob();
    {
        const QSignalBlocker a(m_index), b(m_dataSource);
        m_indices->clear();
        m_dataSources->clear();
    }
    updateEmptyState();
    if (!currentId(m_application).isEmpty())
        listLevel(ListLevel::Indices);
}

void MainWindow::indexChosen()
{
    m_jobModel->clear();
    m_details->clearJob();
    {
        const QSignalBlocker b(m_dataSource);
        m_dataSources->clear();
    }
    updateEmptyState();
    if (!currentId(m_index).isEmpty())
        listLevel(ListLevel::DataSources);
}

void MainWindow::dataSourceChosen()
{
    m_details->setContext(currentRegion(), currentId(m_application), currentId(m_index),
                          currentId(m_dataSource));
    const bool chosen = !currentId(m_dataSource).isEmpty();
    m_syncNowAction->setEnabled(chosen);
    m_stopAction->setEnabled(chosen);
    applyRequest();
}

void MainWindow::currentTimes(QDateTime *start, QDateTime *end) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *start = {};
    *end = {};
    switch (m_range->currentIndex()) {
    case Last24h:
        *start = now.addDays(-1);
        break;
    case Last7d:
        *start = now.addDays(-7);
        break;
    case Last30d:
        *start = now.addDays(-30);
        break;
    case Last90d:
        *start = now.addDays(-90);
        break;
    case Custom:
        *start = m_customStart->dateTime().toUTC();
        *end = m_customEnd->dateTime().toUTC();
        break;
    default:
        break;
    }
}

void MainWindow::rangeChanged()
{
    const bool custom = m_range->currentIndex() == Custom;
    m_customStart->setEnabled(custom);
    m_customEnd->setEnabled(custom);
}

void MainWindow::applyRequest()
{
    const QString dataSource = currentId(m_dataSource);
    if (!m_client || dataSource.isEmpty()) {
        m_jobModel->clear();
        updateEmptyState();
        return;
    }
    qbusiness::ListSyncJobsRequest request;
    request.applicationId = currentId(m_application);
    request.indexId = currentId(m_index);
    request.dataSourceId = dataSource;
    request.statusFilter = m_status->currentData().toString();
    currentTimes(&request.startTime, &request.endTime);
    if (request.startTime.isValid() && request.endTime.isValid()
        && request.endTime <= request.startTime) {
        showMessageError(tr("The time range is empty"),
                         tr("The end of the custom range is not after its start."),
                         tr("Move the end after the start."));
        return;
    }
    request.maxResults = 10;
    m_errorBanner->hide();
    m_details->clearJob();
    m_firstRowsShown = false;
    m_jobModel->setRequest(request);
    // Views fetch on reset too; the model ignores the second call while the page is in flight.
    m_jobModel->fetchMore({});
    m_loadAll->setEnabled(true);
    updateEmptyState();
}

void MainWindow::refresh()
{
    if (!m_client) {
        connectSelectedProfile();
        return;
    }
    if (currentId(m_dataSource).isEmpty()) {
        listLevel(ListLevel::Applications);
        return;
    }
    const QString selected = m_details->hasJob() ? m_details->job().executionId : QString();
    applyRequest();
    if (!selected.isEmpty()) {
        // Put the selection back once its page is back.
        auto *once = new QObject(this);
        connect(m_jobModel, &SyncJobModel::jobsAppended, once, [this, once, selected] {
            if (m_jobModel->rowOfExecutionId(selected) >= 0) {
                selectRowOfExecutionId(selected);
                once->deleteLater();
            } else if (!m_jobModel->hasMore()) {
                once->deleteLater();
            }
        });
    }
}

void MainWindow::loadAll()
{
    if (!m_jobModel->isActive())
        return;
    m_cancelLoadAll->show();
    m_loadAll->setEnabled(false);
    m_loader->loadAll();
    updateStatusBar();
}

void MainWindow::goTo()
{
    qbusiness::ResourceReference ref;
    QString error;
    if (!qbusiness::parseResourceReference(m_goTo->text(), &ref, &error)) {
        showMessageError(tr("Cannot go there"), error, {});
        return;
    }
    m_pendingApplication = ref.applicationId;
    m_pendingIndex = ref.indexId;
    m_pendingDataSource = ref.dataSourceId;
    const bool regionChanges = !ref.region.isEmpty() && ref.region != currentRegion();
    if (regionChanges)
        m_region->setCurrentText(ref.region);
    if (!m_client || (regionChanges && !m_demoActive)) {
        if (m_profile->currentIndex() < 0) {
            showMessageError(tr("Not connected"),
                             tr("Choose a profile first; SyncDeck will then open this data "
                                "source."),
                             {});
            return;
        }
        connectSelectedProfile();
        return;
    }
    const QSignalBlocker blocker(m_application);
    selectPending(m_application, m_applications, &m_pendingApplication);
    applicationChosen();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    dialog.setEndpointUrl(m_endpointOverride);
    dialog.setRefreshSeconds(m_refreshSeconds);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool endpointChanged = dialog.endpointUrl() != m_endpointOverride;
    m_endpointOverride = dialog.endpointUrl();
    m_refreshSeconds = dialog.refreshSeconds();
    m_loader->setPollIntervals(m_refreshSeconds * 1000, 120000);
    if (m_options.restoreSettings)
        saveSettings();
    if (endpointChanged && m_client && !m_demoActive)
        connectSelectedProfile();
}

void MainWindow::updateStatusBar()
{
    const int rows = m_jobModel->rowCount();
    QString text;
    if (!m_jobModel->isActive()) {
        text = m_client ? tr("Connected: choose a data source") : tr("Not connected");
    } else if (!m_jobModel->isFirstPageLoaded() && m_jobModel->isLoading()) {
        text = tr("Loading sync jobs…");
    } else {
        text = rows == 1 ? tr("1 job loaded") : tr("%1 jobs loaded").arg(QLocale().toString(rows));
        if (m_loader->isLoadingAll())
            text += tr(" · loading all…");
        else if (m_jobModel->hasMore())
            text += tr(" · more available");
        else
            text += tr(" · all loaded");
        if (m_jobModel->lastError().isError())
            text += tr(" · last page failed");
    }
    m_statusText->setText(text);
    m_busy->setVisible(m_jobModel->isLoading());
    m_loadAll->setEnabled(m_jobModel->hasMore() && !m_loader->isLoadingAll());
    updateFilterText();
}

void MainWindow::updateEmptyState()
{
    QString text;
    if (!m_client) {
        text = tr("Choose a profile to connect — or the Demo profile to try SyncDeck with "
                  "built-in data.");
    } else if (!m_jobModel->isActive()) {
        text = tr("Choose an application, an index and a data source.");
    } else if (m_jobModel->rowCount() == 0) {
        if (!m_jobModel->isFirstPageLoaded())
            text = m_jobModel->lastError().isError() ? tr("The sync jobs could not be loaded.")
                                                     : tr("Loading sync jobs…");
        else if (m_jobModel->isFiltered())
            text = tr("No runs in this range or with this status. Widen the time range or "
                      "choose All statuses.");
        else
            text = tr("This data source has never synced.");
    }
    m_emptyState->setText(text);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_emptyState);
}

void MainWindow::quickFilterChanged(const QString &text)
{
    // Re-filtering walks every loaded row: only when the text changes, never per page.
    m_sortProxy->setFilterRegularExpression(QRegularExpression(
        QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption));
    updateFilterText();
}

void MainWindow::updateFilterText()
{
    if (m_quickFilter->text().isEmpty()) {
        m_filterText->clear();
        m_filterText->hide();
        return;
    }
    m_filterText->setText(tr("Filtering %1 loaded rows: %2 shown")
                              .arg(QLocale().toString(m_jobModel->rowCount()),
                                   QLocale().toString(m_sortProxy->rowCount())));
    m_filterText->show();
}

void MainWindow::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < SyncJobModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(m_jobModel->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, header,
                [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

void MainWindow::currentRowChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clearJob();
        m_charts->highlightRun({});
        return;
    }
    const QModelIndex source = m_statusProxy->mapToSource(m_sortProxy->mapToSource(current));
    const SyncJob job = m_jobModel->job(source.row());
    m_details->setJob(job);
    m_charts->highlightRun(job.executionId);
}

void MainWindow::selectRowOfExecutionId(const QString &executionId)
{
    const int row = m_jobModel->rowOfExecutionId(executionId);
    if (row < 0)
        return;
    const QModelIndex index
        = m_sortProxy->mapFromSource(m_statusProxy->mapFromSource(m_jobModel->index(row, 0)));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::jobsAppended(const QList<SyncJob> &jobs)
{
    // Statuses newer than this build join the filter, verbatim.
    for (const SyncJob &job : jobs) {
        if (job.statusKind() == SyncStatus::Unknown && !job.status.isEmpty()
            && m_status->findData(job.status) < 0)
            m_status->addItem(job.status, job.status);
    }
    if (m_demoActive && !m_demoOpened)
        openOnFailedRun();
    updateEmptyState();
}

void MainWindow::openOnFailedRun()
{
    const int row = m_jobModel->firstRowWithStatus(SyncStatus::Failed);
    if (row >= 0) {
        m_demoOpened = true;
        selectRowOfExecutionId(m_jobModel->executionId(row));
        emit demoReady();
        return;
    }
    if (m_jobModel->hasMore() && ++m_demoPagesSearched < DemoSearchPages) {
        QTimer::singleShot(0, m_jobModel, [this] { m_jobModel->fetchMore({}); });
        return;
    }
    m_demoOpened = true;
    emit demoReady();
}

void MainWindow::jobFinished(const SyncJob &job)
{
    if (job.statusKind() == SyncStatus::Failed)
        notifyRunFailed(job);
}

void MainWindow::notifyRunFailed(const SyncJob &job)
{
    const QString title = tr("A sync run failed");
    const QString text = tr("Run %1 of %2 ended FAILED%3.")
                             .arg(job.executionId, m_dataSource->currentText(),
                                  job.errorCode.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (") + job.errorCode + QLatin1Char(')'));
    m_runBanner->showMessage(NotificationBanner::Kind::Warning, title, text, tr("&Show run"));
    disconnect(m_runBanner, &NotificationBanner::actionTriggered, this, nullptr);
    const QString id = job.executionId;
    connect(m_runBanner, &NotificationBanner::actionTriggered, this, [this, id] {
        m_runBanner->hide();
        selectRowOfExecutionId(id);
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->setToolTip(tr("SyncDeck"));
            m_tray->show();
        }
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
    }
}

void MainWindow::showAwsError(const QString &what, const AwsError &error,
                              std::function<void()> retry)
{
    const qbusiness::ErrorExplanation e = qbusiness::explainAwsError(error, currentProfileName());
    QStringList lines;
    QString headline = e.summary;
    if (!error.code.isEmpty())
        headline = error.code
            + (error.httpStatus ? QStringLiteral(" (HTTP %1)").arg(error.httpStatus) : QString())
            + QStringLiteral(": ") + e.summary;
    lines << headline;
    if (!error.message.isEmpty())
        lines << error.message;
    if (!e.nextStep.isEmpty())
        lines << tr("Next step: %1").arg(e.nextStep);
    if (!error.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(error.requestId);
    if (retry && error.kind == AwsError::Kind::Credentials) {
        // Retry after `aws sso login` or a key fix: read the credentials afresh.
        retry = [this, retry] {
            if (m_credentials)
                m_credentials->invalidate();
            retry();
        };
    }
    m_retry = std::move(retry);
    m_errorBanner->showMessage(NotificationBanner::Kind::Error, what, lines.join(QLatin1Char('\n')),
                               m_retry ? tr("&Retry") : QString());
    updateStatusBar();
    updateEmptyState();
}

void MainWindow::showMessageError(const QString &title, const QString &message,
                                  const QString &nextStep)
{
    QString text = message;
    if (!nextStep.isEmpty())
        text += QLatin1Char('\n') + tr("Next step: %1").arg(nextStep);
    m_errorBanner->showMessage(NotificationBanner::Kind::Error, title, text,
                               m_retry ? tr("&Retry") : QString());
}

bool MainWindow::confirmDataSourceAction(const QString &title, const QString &question)
{
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::syncNow()
{
    if (!m_client || currentId(m_dataSource).isEmpty())
        return;
    if (!confirmDataSourceAction(tr("Start a sync"),
                                 tr("Start a sync of %1 now? It reads the whole repository and "
                                    "may take a while.")
                                     .arg(m_dataSource->currentText())))
        return;
    auto *job = m_client->startDataSourceSyncJob(currentId(m_application), currentId(m_index),
                                                 currentId(m_dataSource));
    connect(job, &Call::finished, this, [this](Call *j) {
        if (j->error().isError()) {
            showAwsError(tr("The sync could not start"), j->error(), {});
            return;
        }
        m_runBanner->showMessage(NotificationBanner::Kind::Information, tr("Sync started"),
                                 tr("Execution %1 started.")
                                     .arg(static_cast<qbusiness::StartSyncCall *>(j)->executionId));
        m_loader->pollNow();
    });
    job->start();
}

void MainWindow::stopSync()
{
    if (!m_client || currentId(m_dataSource).isEmpty())
        return;
    if (!confirmDataSourceAction(tr("Stop the sync"),
                                 tr("Stop the running sync of %1? Documents synced so far stay "
                                    "in the index.")
                                     .arg(m_dataSource->currentText())))
        return;
    auto *job = m_client->stopDataSourceSyncJob(currentId(m_application), currentId(m_index),
                                                currentId(m_dataSource));
    connect(job, &Call::finished, this, [this](Call *j) {
        if (j->error().isError()) {
            showAwsError(tr("The sync could not be stopped"), j->error(), {});
            return;
        }
        m_runBanner->showMessage(NotificationBanner::Kind::Information, tr("Stopping the sync"),
                                 tr("The run is stopping; its status updates here."));
        m_loader->pollNow();
    });
    job->start();
}

} // namespace syncdeck::ui
