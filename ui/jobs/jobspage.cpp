#include "jobspage.h"

#include "cachedhistory.h"
#include "exportjobsdialog.h"
#include "filterbar.h"
#include "jobstatusproxymodel.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace syncdeck::ui {

using qbusiness::SyncJob;
using qbusiness::SyncJobModel;
using qbusiness::SyncStatus;

namespace {
// Rows per ListDataSourceSyncJobs page: the first rows show quickly, more come as it scrolls.
constexpr int PageSize = 10;
// How many pages deep selectLatestFailedRun() looks.
constexpr int FailedRunSearchPages = 20;

// Sorts the table, and its quick filter finds a run by any text shown in a row or by its error
// message (a tooltip in the table, but what an operator searches for).
class JobsSortProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (QSortFilterProxyModel::filterAcceptsRow(row, parent))
            return true;
        const QString message
            = sourceModel()->index(row, 0, parent).data(SyncJobModel::ErrorMessageRole).toString();
        return !message.isEmpty() && message.contains(filterRegularExpression());
    }
};
} // namespace

JobsPage::JobsPage(FilterBar *filters, QWidget *parent)
    : QWidget(parent)
    , m_filters(filters)
{
    m_model = new SyncJobModel(this);
    m_model->setObjectName(QStringLiteral("jobModel"));
    m_loader = new qbusiness::SyncJobLoader(m_model, this);
    m_loader->setObjectName(QStringLiteral("jobLoader"));
    m_statusProxy = new JobStatusProxyModel(this);
    m_statusProxy->setSourceModel(m_model);
    m_statusProxy->setPalette(palette());
    m_sortProxy = new JobsSortProxy(this);
    m_sortProxy->setSourceModel(m_statusProxy);
    m_sortProxy->setSortRole(SyncJobModel::SortRole);
    m_sortProxy->setFilterKeyColumn(-1);
    m_sortProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    buildTable();
    m_emptyState = new QLabel(this);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::PlainText);
    // A tab stop (and F6 target) while shown: a screen reader says why there are no rows.
    // (The focus policy after the flags: setting them resets it.)
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByKeyboard);
    m_emptyState->setFocusPolicy(Qt::StrongFocus);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyState);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_model, &SyncJobModel::stateChanged, this, &JobsPage::updateEmptyState);
    connect(m_model, &SyncJobModel::stateChanged, this, &JobsPage::stateChanged);
    connect(m_model, &SyncJobModel::jobsAppended, this, &JobsPage::continueFailedRunSearch);
    connect(m_model, &SyncJobModel::jobsAppended, this, &JobsPage::updateEmptyState);
    connect(m_model, &SyncJobModel::jobFinished, this, &JobsPage::announceFailedRun);
    connect(m_model, &SyncJobModel::pageFailed, this, [this](const qbusiness::AwsError &error) {
        const bool stopped = error.code == QLatin1String("RepeatedNextToken")
            || error.code == QLatin1String("TooManyEmptyPages");
        emit failed(stopped ? tr("Stopped loading sync jobs") : tr("Could not load sync jobs"),
                    error, [this] { m_model->retry(); });
    });
    connect(m_model, &SyncJobModel::pageHadProblems, this, &JobsPage::reportProblems);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_unreadableJobs = 0; });
    // A reset clears the current row without a signal from the selection model.
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPage::announceCurrentRun);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPage::announceChangedRun);
    connect(m_loader, &qbusiness::SyncJobLoader::loadAllProgressed, this, &JobsPage::stateChanged);
    connect(m_loader, &qbusiness::SyncJobLoader::loadAllFinished, this, &JobsPage::stateChanged);
    connect(m_loader, &qbusiness::SyncJobLoader::pollFailed, this,
            [this](const qbusiness::AwsError &error) {
                emit failed(tr("Live refresh failed (it will try again)"), error,
                            [this] { m_loader->pollNow(); });
            });
    connect(filters, &FilterBar::filtersChanged, this, &JobsPage::list);
    connect(filters, &FilterBar::quickFilterChanged, this, &JobsPage::setQuickFilter);
    connect(filters, &FilterBar::loadAllRequested, this, &JobsPage::loadAll);
    connect(filters, &FilterBar::loadAllCancelled, m_loader,
            &qbusiness::SyncJobLoader::cancelLoadAll);
    connect(m_model, &SyncJobModel::jobsAppended, filters, &FilterBar::offerStatusesOf);
    connect(this, &JobsPage::stateChanged, filters,
            [this] { m_filters->setLoadAllState(m_model->hasMore(), m_loader->isLoadingAll()); });
    updateEmptyState();
}

JobsPage::~JobsPage()
{
    // Calls hold pointers into the client; end them while both exist.
    m_loader->setClient(nullptr);
}

void JobsPage::buildTable()
{
    // Before the view's selection model connects: these run first and last around a removal.
    connect(m_sortProxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this] { m_rowsLeaving = true; });
    connect(m_sortProxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_rowsLeaving = false;
        if (!m_view->selectionModel()->hasSelection())
            m_view->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    });
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Sync jobs"));
    m_view->setModel(m_sortProxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Qt's convention for item views: arrows move inside, Tab leaves (on, Tab walked every cell
    // of every loaded row and fetched more at the end: a keyboard trap).
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(-1, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setStretchLastSection(true);
    // Widths from the font, so they fit at any DPI and font size.
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // Room for the longest status ("Syncing (indexing)" and its icon), a running duration
    // ("1h 12m so far") and the connectors' long error codes.
    m_view->setColumnWidth(SyncJobModel::StatusColumn, digit * 21);
    m_view->setColumnWidth(SyncJobModel::StartColumn, digit * 19);
    m_view->setColumnWidth(SyncJobModel::EndColumn, digit * 19);
    for (int c = SyncJobModel::ScannedColumn; c <= SyncJobModel::FailedColumn; ++c)
        m_view->setColumnWidth(c, digit * 9);
    m_view->setColumnWidth(SyncJobModel::DurationColumn, digit * 14);
    m_view->setColumnWidth(SyncJobModel::ErrorCodeColumn, digit * 17);
    m_view->setColumnWidth(SyncJobModel::DataSourceErrorCodeColumn, digit * 24);
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::customContextMenuRequested, this, &JobsPage::showColumnMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPage::announceCurrentRun);
}

void JobsPage::setClient(qbusiness::Client *client)
{
    m_client = client;
    m_loader->setClient(client);
    m_ids = {};
    m_searchingFailedRun = false;
    clear();
}

void JobsPage::setCachedHistory(CachedHistory *history)
{
    if (m_history)
        m_history->disconnect(this);
    m_history = history;
    if (!history)
        return;
    // Changes the refresh found, applied in place: rows keep their selection. Only onto the
    // cache's rows: a listing from the service has not loaded the older jobs a first refresh
    // finds, and would get them on top.
    const auto apply = [this](const QList<SyncJob> &jobs) {
        if (m_fromCache)
            m_model->mergeJobs(jobs);
    };
    connect(history, &CachedHistory::jobsAdded, this, apply);
    connect(history, &CachedHistory::jobsUpdated, this, apply);
    connect(history, &CachedHistory::restLoaded, this,
            [this](const QList<SyncJob> &jobs, bool more) {
                if (m_fromCache)
                    m_model->appendCachedJobs(jobs, more);
            });
    // Without a refresh (a read-only cache) the listing goes on once the cached rows are in.
    connect(history, &CachedHistory::snapshotLoaded, this, [this] {
        if (!m_history->isRefreshing())
            cacheRefreshed({});
    });
    connect(history, &CachedHistory::keptLocallyChanged, m_model, &SyncJobModel::setKeptLocally);
    connect(history, &CachedHistory::refreshFinished, this, &JobsPage::cacheRefreshed);
    connect(history, &CachedHistory::stateChanged, this, &JobsPage::stateChanged);
}

qbusiness::ListSyncJobsRequest JobsPage::request() const
{
    return m_model->request();
}

void JobsPage::setPollIntervals(int baseMs, int maxMs)
{
    m_loader->setPollIntervals(baseMs, maxMs);
}

void JobsPage::showDataSource(const qbusiness::ResourceReference &ids)
{
    m_ids = ids;
    list();
}

void JobsPage::reload()
{
    const QString selected = currentExecutionId();
    list();
    // From the cache, the rows are there already.
    if (m_model->rowOfExecutionId(selected) >= 0)
        selectRun(selected);
    else
        selectRunWhenLoaded(selected);
}

void JobsPage::list()
{
    if (!m_client || m_ids.applicationId.isEmpty() || m_ids.indexId.isEmpty()
        || m_ids.dataSourceId.isEmpty()) {
        clear();
        return;
    }
    qbusiness::ListSyncJobsRequest request;
    request.applicationId = m_ids.applicationId;
    request.indexId = m_ids.indexId;
    request.dataSourceId = m_ids.dataSourceId;
    request.statusFilter = m_filters->statusFilter();
    m_filters->timeRange(&request.startTime, &request.endTime);
    if (request.startTime.isValid() && request.endTime.isValid()
        && request.endTime <= request.startTime) {
        emit listingRefused(tr("The time range is empty"),
                            tr("The end of the custom range is not after its start."),
                            tr("Move the end after the start."));
        return;
    }
    request.maxResults = PageSize;
    emit listingStarted();
    m_firstRowsShown = false;
    if (listFromCache(request))
        return;
    m_model->setRequest(request);
    // Views fetch on reset too; the model ignores the second call while the page is in flight.
    m_model->fetchMore({});
    updateEmptyState();
    emit stateChanged();
}

// Shows the cached history of the data source at once and starts the incremental refresh;
// false when the cache does not know it (the page then lists from the service as usual, and a
// refresh in the background fills the cache for the next time).
bool JobsPage::listFromCache(const qbusiness::ListSyncJobsRequest &request)
{
    m_fromCache = false;
    if (!m_history || !m_history->isOpen())
        return false;
    const CachedHistory::Snapshot snapshot = m_history->snapshot(request, rowsThatFill());
    if (!snapshot.known) {
        m_history->refresh(request);
        return false;
    }
    // While it refreshes, the cached rows are the answer: a page from the top now could list
    // new jobs below older ones. cacheRefreshed() resumes paging when they are not all of it.
    m_fromCache = true;
    m_cachedComplete = snapshot.complete;
    m_model->setRequest(request, snapshot.jobs, true);
    m_model->setKeptLocally(snapshot.keptLocally);
    // The rest after the repaint the reset asked for: the first rows are painted at once.
    m_history->deliverRest();
    m_history->refresh(request);
    if (!m_history->isRefreshing() && !m_history->isDelivering())
        cacheRefreshed({});
    updateEmptyState();
    emit stateChanged();
    return true;
}

// The rows that fill the table: what a cached history hands over before the rest. Before the
// table is laid out (the window opening on a data source), as many as the screen could show.
int JobsPage::rowsThatFill() const
{
    int height = m_view->viewport()->height();
    if (!m_view->isVisible() && screen())
        height = screen()->availableSize().height();
    return height / std::max(1, m_view->verticalHeader()->defaultSectionSize()) + 1;
}

void JobsPage::cacheRefreshed(const qbusiness::AwsError &error)
{
    if (!m_fromCache || m_cachedComplete || error.isError())
        return; // offline or failing: the cached rows stay what is shown
    // The refresh may have completed what the cache holds.
    m_cachedComplete = m_history->holdsCompletely(m_model->request());
    if (!m_cachedComplete)
        m_model->resumePaging();
}

void JobsPage::clear()
{
    m_model->clear();
    updateEmptyState();
    emit stateChanged();
}

QString JobsPage::currentExecutionId() const
{
    return m_announcedRun;
}

int JobsPage::modelRow(const QModelIndex &viewIndex) const
{
    if (!viewIndex.isValid())
        return -1;
    return m_statusProxy->mapToSource(m_sortProxy->mapToSource(viewIndex)).row();
}

QList<SyncJob> JobsPage::tableJobs() const
{
    QList<SyncJob> jobs;
    jobs.reserve(m_sortProxy->rowCount());
    for (int r = 0; r < m_sortProxy->rowCount(); ++r)
        jobs.append(m_model->job(modelRow(m_sortProxy->index(r, 0))));
    return jobs;
}

bool JobsPage::hasDataSource() const
{
    return m_model->isActive();
}

QString JobsPage::statusText() const
{
    if (!m_model->isActive())
        return m_client ? tr("Connected: choose a data source") : tr("Not connected");
    if (!m_model->isFirstPageLoaded() && m_model->isLoading())
        return tr("Loading sync jobs…");
    const qbusiness::AwsError &error = m_model->lastError();
    if (!m_model->isFirstPageLoaded() && error.isError())
        return tr("The sync jobs could not be loaded (see the message above)");
    const int rows = m_model->rowCount();
    QString text
        = rows == 1 ? tr("1 job loaded") : tr("%1 jobs loaded").arg(QLocale().toString(rows));
    if (error.code == QLatin1String("RepeatedNextToken"))
        text += tr(" · listing stopped: the service repeated a page token");
    else if (error.code == QLatin1String("TooManyEmptyPages"))
        text += tr(" · listing stopped: too many empty pages");
    else if (error.isError())
        text += tr(" · the next page failed");
    else if (m_loader->isLoadingAll())
        text += tr(" · loading all…");
    else if (m_history && m_history->isDelivering())
        text += tr(" · reading the rest from the cache…");
    else if (m_model->hasMore())
        text += tr(" · more available");
    else
        text += tr(" · all loaded");
    if (m_unreadableJobs > 0)
        text += tr(" · %n with an unreadable value", nullptr, m_unreadableJobs);
    // How fresh the rows are when they came from the history cache.
    if (const QString cached = m_history ? m_history->statusText() : QString(); !cached.isEmpty())
        text = cached + tr(" · ") + text;
    return text;
}

QString JobsPage::filterText() const
{
    if (m_sortProxy->filterRegularExpression().pattern().isEmpty())
        return {};
    return tr("Filtering %1 loaded rows: %2 shown")
        .arg(QLocale().toString(m_model->rowCount()), QLocale().toString(m_sortProxy->rowCount()));
}

bool JobsPage::isLoading() const
{
    return m_model->isLoading();
}

QByteArray JobsPage::headerState() const
{
    return m_view->horizontalHeader()->saveState();
}

void JobsPage::restoreHeaderState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}

void JobsPage::selectRun(const QString &executionId)
{
    const int row = m_model->rowOfExecutionId(executionId);
    if (row < 0)
        return;
    const QModelIndex index
        = m_sortProxy->mapFromSource(m_statusProxy->mapFromSource(m_model->index(row, 0)));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void JobsPage::selectRunWhenLoaded(const QString &executionId)
{
    delete m_reselect.data();
    if (executionId.isEmpty())
        return;
    auto *once = new QObject(this);
    m_reselect = once;
    connect(m_model, &SyncJobModel::jobsAppended, once, [this, once, executionId] {
        if (m_model->rowOfExecutionId(executionId) >= 0) {
            selectRun(executionId);
            once->deleteLater();
        } else if (!m_model->hasMore()) {
            once->deleteLater();
        }
    });
}

void JobsPage::selectLatestFailedRun()
{
    m_searchingFailedRun = true;
    m_pagesSearched = 0;
}

void JobsPage::continueFailedRunSearch()
{
    if (!m_searchingFailedRun)
        return;
    const int row = m_model->firstRowWithStatus(SyncStatus::Failed);
    if (row >= 0) {
        m_searchingFailedRun = false;
        selectRun(m_model->executionId(row));
        emit latestFailedRunSearched();
        return;
    }
    if (m_model->hasMore() && ++m_pagesSearched < FailedRunSearchPages) {
        QTimer::singleShot(0, m_model, [this] { m_model->fetchMore({}); });
        return;
    }
    m_searchingFailedRun = false;
    emit latestFailedRunSearched();
}

void JobsPage::reportProblems(const QStringList &problems)
{
    m_unreadableJobs += int(problems.size());
    // Kept, not dropped: the jobs are in the table with the bad value marked "unreadable".
    qbusiness::AwsError error = qbusiness::AwsError::make(
        qbusiness::AwsError::Kind::Client, QStringLiteral("UnreadableValue"),
        tr("%n job(s) of this page had a value SyncDeck cannot read: %1", nullptr,
           int(problems.size()))
                .arg(problems.mid(0, 3).join(QStringLiteral("; ")))
            + (problems.size() > 3 ? tr("; and %1 more").arg(problems.size() - 3) : QString()),
        tr("The jobs are shown with that value marked \"unreadable\"; their other values are "
           "correct. Report the execution IDs to the service owner."));
    emit failed(tr("Some values could not be read"), error, {});
}

void JobsPage::setQuickFilter(const QString &text)
{
    // Re-filtering walks every loaded row: only when the text changes, never per page.
    m_sortProxy->setFilterRegularExpression(QRegularExpression(
        QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption));
    emit stateChanged();
}

void JobsPage::loadAll()
{
    if (!m_model->isActive())
        return;
    m_loader->loadAll();
    emit stateChanged();
}

void JobsPage::pollNow()
{
    m_loader->pollNow();
}

void JobsPage::exportTable(qbusiness::JobExportFormat format)
{
    const QString caption = format == qbusiness::JobExportFormat::Csv ? tr("Export table as CSV")
                                                                      : tr("Export table as JSON");
    const QList<SyncJob> jobs = tableJobs();
    const QString path = exportJobsInteractively(window(), caption, jobs, format, m_dataSourceName);
    if (!path.isEmpty())
        emit tableExported(int(jobs.size()), path);
}

void JobsPage::focusTable()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
}

bool JobsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Paint && !m_firstRowsShown
        && m_sortProxy->rowCount() > 0) {
        m_firstRowsShown = true;
        // After this paint event has been handled: the rows are on screen.
        QTimer::singleShot(0, this, &JobsPage::firstRowsShown);
    }
    return QWidget::eventFilter(watched, event);
}

void JobsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_statusProxy)
        m_statusProxy->setPalette(palette());
}

void JobsPage::updateEmptyState()
{
    QString text;
    if (!m_client) {
        text = tr("Choose a profile to connect — or the Demo profile to try SyncDeck with "
                  "built-in data.");
    } else if (!m_model->isActive()) {
        text = tr("Choose an application, an index and a data source.");
    } else if (m_model->rowCount() == 0) {
        if (!m_model->isFirstPageLoaded())
            text = m_model->lastError().isError() ? tr("The sync jobs could not be loaded.")
                                                  : tr("Loading sync jobs…");
        else if (m_model->isFiltered())
            text = tr("No runs in this range or with this status. Widen the time range or "
                      "choose All statuses.");
        else
            text = tr("This data source has never synced.");
    }
    m_emptyState->setText(text);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_emptyState);
}

void JobsPage::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < SyncJobModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, header,
                [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

void JobsPage::announceCurrentRun()
{
    // While the quick filter removes rows, the current index moves to a neighbour nobody chose:
    // that run is not announced (nor the hidden one).
    const int row = m_rowsLeaving ? -1 : modelRow(m_view->selectionModel()->currentIndex());
    const SyncJob job = row < 0 ? SyncJob() : m_model->job(row);
    if (job.executionId == m_announcedRun && !job.executionId.isEmpty())
        return;
    m_announcedRun = job.executionId;
    emit currentRunChanged(job);
}

void JobsPage::announceChangedRun(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = modelRow(m_view->selectionModel()->currentIndex());
    if (row >= topLeft.row() && row <= bottomRight.row())
        emit currentRunUpdated(m_model->job(row));
}

void JobsPage::announceFailedRun(const SyncJob &job)
{
    if (job.statusKind() == SyncStatus::Failed)
        emit runFailed(job);
}

} // namespace syncdeck::ui
