#include "syncjobmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <utility>

namespace syncdeck::qbusiness {
namespace {

// The column showing a job member, for SyncJob::problem; -1 when none does.
int columnOfMember(const QString &member)
{
    static const QHash<QString, int> columns {
        {QStringLiteral("executionId"), SyncJobModel::ExecutionIdColumn},
        {QStringLiteral("startTime"), SyncJobModel::StartColumn},
        {QStringLiteral("endTime"), SyncJobModel::EndColumn},
        {QStringLiteral("status"), SyncJobModel::StatusColumn},
        {QStringLiteral("dataSourceErrorCode"), SyncJobModel::DataSourceErrorCodeColumn},
        {QStringLiteral("error"), SyncJobModel::ErrorCodeColumn},
        {QStringLiteral("error.errorCode"), SyncJobModel::ErrorCodeColumn},
        {QStringLiteral("error.errorMessage"), SyncJobModel::ErrorCodeColumn},
        {QStringLiteral("metrics.documentsScanned"), SyncJobModel::ScannedColumn},
        {QStringLiteral("metrics.documentsAdded"), SyncJobModel::AddedColumn},
        {QStringLiteral("metrics.documentsModified"), SyncJobModel::ModifiedColumn},
        {QStringLiteral("metrics.documentsDeleted"), SyncJobModel::DeletedColumn},
        {QStringLiteral("metrics.documentsFailed"), SyncJobModel::FailedColumn},
    };
    return columns.value(member, -1);
}

// The metric each column shows, or -1.
int metricOfColumn(int column)
{
    switch (column) {
    case SyncJobModel::ScannedColumn:
        return PackedSyncJobs::Scanned;
    case SyncJobModel::AddedColumn:
        return PackedSyncJobs::Added;
    case SyncJobModel::ModifiedColumn:
        return PackedSyncJobs::Modified;
    case SyncJobModel::DeletedColumn:
        return PackedSyncJobs::Deleted;
    case SyncJobModel::FailedColumn:
        return PackedSyncJobs::Failed;
    default:
        return -1;
    }
}

bool isRunning(SyncStatus status)
{
    return status == SyncStatus::Syncing || status == SyncStatus::SyncingIndexing
        || status == SyncStatus::Stopping;
}

QString localTimeText(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString utcTimeText(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// How far back a page may repeat rows of the previous one (the service's offset shifts when a
// run starts while we page): incoming rows are checked against this many trailing rows.
constexpr int DuplicateWindow = 20;

} // namespace

SyncJobModel::SyncJobModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SyncJobModel::~SyncJobModel() = default;

void SyncJobModel::setRequest(const ListSyncJobsRequest &request)
{
    setRequest(request, {}, false);
}

void SyncJobModel::setRequest(const ListSyncJobsRequest &request, const QList<SyncJob> &cached,
                              bool complete)
{
    beginResetModel();
    m_request = request;
    m_request.nextToken.clear();
    m_active = true;
    ++m_generation;
    m_firstPageLoaded = complete;
    m_nextToken.clear();
    m_error = {};
    m_jobs.clear();
    m_mergedIds.clear();
    m_keptLocally.clear();
    m_unannounced.clear();
    const QList<SyncJob> shown = unshown(cached);
    for (const SyncJob &job : shown)
        m_jobs.append(job);
    // Before endResetModel(): views (and the model tester) call fetchMore() from modelReset.
    setInFlight(false);
    endResetModel();
    if (!shown.isEmpty())
        emit jobsAppended(shown);
    emit stateChanged();
}

// The cached jobs not shown yet (each once), now remembered as shown: a later page from the
// service may list them again.
QList<SyncJob> SyncJobModel::unshown(const QList<SyncJob> &cached)
{
    QList<SyncJob> fresh;
    fresh.reserve(cached.size());
    for (const SyncJob &job : cached) {
        if (job.executionId.isEmpty() || m_mergedIds.contains(job.executionId))
            continue;
        m_mergedIds.insert(job.executionId);
        fresh.append(job);
    }
    return fresh;
}

void SyncJobModel::appendCachedJobs(const QList<SyncJob> &cached, bool more)
{
    if (!m_active)
        return;
    const QList<SyncJob> fresh = unshown(cached);
    if (!fresh.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const SyncJob &job : fresh)
            m_jobs.append(job);
        endInsertRows();
        m_unannounced += fresh;
    }
    if (!more && !m_unannounced.isEmpty())
        emit jobsAppended(std::exchange(m_unannounced, {}));
    if (!fresh.isEmpty() || !more)
        emit stateChanged();
}

void SyncJobModel::resumePaging()
{
    if (!m_active || !m_firstPageLoaded || !m_nextToken.isEmpty() || m_inFlight)
        return;
    m_firstPageLoaded = false;
    emit stateChanged();
}

void SyncJobModel::setKeptLocally(const QSet<QString> &executionIds)
{
    if (executionIds == m_keptLocally)
        return;
    m_keptLocally = executionIds;
    if (!m_jobs.size())
        return;
    // One signal for the column: the view repaints what it shows.
    emit dataChanged(index(0, StatusColumn), index(int(m_jobs.size()) - 1, StatusColumn));
}

void SyncJobModel::clear()
{
    setRequest({});
    m_active = false;
    emit stateChanged();
}

bool SyncJobModel::isFiltered() const
{
    return !m_request.statusFilter.isEmpty() || m_request.startTime.isValid()
        || m_request.endTime.isValid();
}

bool SyncJobModel::hasRunningJobs() const
{
    return std::any_of(m_jobs.rows().begin(), m_jobs.rows().end(),
                       [](const Row &r) { return isRunning(r.statusKind()); });
}

SyncJob SyncJobModel::job(int row) const
{
    if (row < 0 || row >= int(m_jobs.size()))
        return {};
    return m_jobs.job(size_t(row));
}

QString SyncJobModel::executionId(int row) const
{
    if (row < 0 || row >= int(m_jobs.size()))
        return {};
    return m_jobs.executionId(m_jobs.row(size_t(row)));
}

int SyncJobModel::rowOfExecutionId(const QString &executionId) const
{
    return m_jobs.find(executionId);
}

int SyncJobModel::firstRowWithStatus(SyncStatus status) const
{
    int best = -1;
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        const Row &r = m_jobs.row(i);
        if (r.statusKind() != status)
            continue;
        if (best < 0
            || (r.has(PackedSyncJobs::HasStart) && r.start > m_jobs.row(size_t(best)).start))
            best = int(i);
    }
    return best;
}

void SyncJobModel::appendPage(quint64 generation, const SyncJobPage &page, const AwsError &stop)
{
    if (generation != m_generation || !m_active || !m_inFlight)
        return; // an answer to a listing that no longer exists
    m_firstPageLoaded = true;
    // After a stop the token stays: retry() asks for it again, and the rule judges it again.
    m_nextToken = page.nextToken;
    m_error = stop;

    // Linear in the page: set lookups, and the trailing window is a constant (a page of 100,000
    // jobs from a cache or a big maxResults must not cost page × page comparisons).
    QList<SyncJob> fresh;
    fresh.reserve(page.history.size());
    // A loader may hand over many pages at once: ids seen in this answer go in a set.
    QSet<QString> freshIds;
    freshIds.reserve(page.history.size());
    const size_t windowStart
        = m_jobs.size() > DuplicateWindow ? m_jobs.size() - DuplicateWindow : 0;
    for (const SyncJob &job : page.history) {
        const bool seen = m_mergedIds.contains(job.executionId)
            || freshIds.contains(job.executionId)
            || m_jobs.holdsAnyOf(windowStart, m_jobs.size(), job.executionId);
        if (!seen) {
            fresh.append(job);
            freshIds.insert(job.executionId);
        }
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const SyncJob &job : std::as_const(fresh))
            m_jobs.append(job);
        endInsertRows();
    }
    setInFlight(false);
    if (!fresh.isEmpty())
        emit jobsAppended(fresh);
    if (!page.problems.isEmpty())
        emit pageHadProblems(page.problems);
    if (m_error.isError())
        emit pageFailed(m_error);
    emit stateChanged();
}

void SyncJobModel::failPage(quint64 generation, const AwsError &error)
{
    if (generation != m_generation || !m_active || !m_inFlight)
        return;
    m_error = error;
    if (!m_error.isError())
        m_error.kind = AwsError::Kind::Client; // a failure is never "no error"
    setInFlight(false);
    emit pageFailed(m_error);
    emit stateChanged();
}

void SyncJobModel::retry()
{
    if (!m_active || m_inFlight || !m_error.isError())
        return;
    m_error = {};
    requestPage();
}

void SyncJobModel::mergeJobs(const QList<SyncJob> &jobs)
{
    if (!m_active)
        return;
    QList<SyncJob> changed;
    QList<SyncJob> added;
    for (const SyncJob &job : jobs) {
        const int row = rowOfExecutionId(job.executionId);
        if (row < 0) {
            if (std::none_of(added.cbegin(), added.cend(),
                             [&job](const SyncJob &a) { return a.executionId == job.executionId; }))
                added.append(job);
            continue;
        }
        const SyncStatus before = m_jobs.row(size_t(row)).statusKind();
        if (!m_jobs.replace(size_t(row), job))
            continue;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        changed.append(job);
        if (!isFinalStatus(before) && isFinalStatus(job.statusKind()))
            emit jobFinished(job);
    }
    if (!added.isEmpty()) {
        // Newest first, like the service.
        std::stable_sort(added.begin(), added.end(), [](const SyncJob &a, const SyncJob &b) {
            return a.startTime > b.startTime;
        });
        beginInsertRows({}, 0, int(added.size()) - 1);
        m_jobs.prepend(added);
        for (const SyncJob &job : std::as_const(added))
            m_mergedIds.insert(job.executionId);
        endInsertRows();
        changed.append(added);
    }
    if (!changed.isEmpty()) {
        emit jobsUpdated(changed);
        emit stateChanged();
    }
}

int SyncJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int SyncJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_jobs.row(size_t(index.row()));
    const bool unreadable = row.problem && problemColumn(row) == index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (unreadable)
            return tr("unreadable");
        if (index.column() == StatusColumn && !m_keptLocally.isEmpty()
            && m_keptLocally.contains(m_jobs.executionId(row)))
            return tr("%1 (kept locally)").arg(displayData(row, StatusColumn).toString());
        return displayData(row, index.column());
    case ProblemRole:
        return m_jobs.text(row.problem);
    case Qt::ToolTipRole:
        if (unreadable)
            return tr("The service sent a value SyncDeck cannot read (%1); the job's other "
                      "values are shown.")
                .arg(m_jobs.text(row.problem));
        switch (index.column()) {
        case StartColumn:
            return row.has(PackedSyncJobs::HasStart) ? utcTimeText(row.start) : QVariant();
        case EndColumn:
            return row.has(PackedSyncJobs::HasEnd) ? utcTimeText(row.end) : QVariant();
        case StatusColumn:
            if (m_keptLocally.contains(m_jobs.executionId(row)))
                return QString(m_jobs.statusWire(row) + u'\n'
                               + tr("Kept locally; no longer returned by the service."));
            return m_jobs.statusWire(row);
        case ErrorCodeColumn:
            return row.errorMessage ? m_jobs.text(row.errorMessage) : QVariant();
        default: {
            const int metric = metricOfColumn(index.column());
            if (metric >= 0 && !row.hasMetric(metric))
                return tr("Not reported by the service");
            return {};
        }
        }
    case Qt::TextAlignmentRole:
        if (metricOfColumn(index.column()) >= 0 || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        return sortData(row, index.column());
    case StatusRole:
        return int(row.status);
    case StatusWireRole:
        return m_jobs.statusWire(row);
    case ExecutionIdRole:
        return m_jobs.executionId(row);
    case ErrorMessageRole:
        return m_jobs.text(row.errorMessage);
    case KeptLocallyRole:
        return !m_keptLocally.isEmpty() && m_keptLocally.contains(m_jobs.executionId(row));
    default:
        return {};
    }
}

QVariant SyncJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StatusColumn:
            return tr("Status");
        case StartColumn:
            return tr("Start");
        case EndColumn:
            return tr("End");
        case DurationColumn:
            return tr("Duration");
        case ScannedColumn:
            return tr("Scanned");
        case AddedColumn:
            return tr("Added");
        case ModifiedColumn:
            return tr("Modified");
        case DeletedColumn:
            return tr("Deleted");
        case FailedColumn:
            return tr("Failed");
        case ErrorCodeColumn:
            return tr("Error code");
        case DataSourceErrorCodeColumn:
            return tr("Data source error");
        case ExecutionIdColumn:
            return tr("Execution ID");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StartColumn:
        case EndColumn:
            return tr("Local time; the tooltip of a cell shows UTC");
        case ScannedColumn:
        case AddedColumn:
        case ModifiedColumn:
        case DeletedColumn:
        case FailedColumn:
            return tr("Documents, as reported in the job's metrics");
        default:
            return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool SyncJobModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_inFlight && !m_error.isError() && hasMore();
}

void SyncJobModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // in flight, failed (retry() resumes) or at the end
    requestPage();
}

QString SyncJobModel::statusText(const QString &wire)
{
    switch (syncStatusFromWire(wire)) {
    case SyncStatus::Failed:
        return tr("Failed");
    case SyncStatus::Succeeded:
        return tr("Succeeded");
    case SyncStatus::Syncing:
        return tr("Syncing");
    case SyncStatus::Incomplete:
        return tr("Incomplete");
    case SyncStatus::Stopping:
        return tr("Stopping");
    case SyncStatus::Aborted:
        return tr("Aborted");
    case SyncStatus::SyncingIndexing:
        return tr("Syncing (indexing)");
    case SyncStatus::Unknown:
        break;
    }
    return wire.isEmpty() ? tr("(no status)") : wire;
}

QString SyncJobModel::durationText(qint64 msecs)
{
    if (msecs < 0)
        return {};
    qint64 s = msecs / 1000;
    const qint64 days = s / 86400;
    s %= 86400;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    if (days > 0)
        return tr("%1d %2h %3m").arg(days).arg(h).arg(m, 2, 10, QLatin1Char('0'));
    if (h > 0)
        return tr("%1h %2m %3s")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1m %2s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(s);
}

int SyncJobModel::problemColumn(const Row &row) const
{
    return columnOfMember(m_jobs.text(row.problem).section(u' ', 0, 0));
}

QVariant SyncJobModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case StatusColumn:
        return statusText(m_jobs.statusWire(row));
    case StartColumn:
        return row.has(PackedSyncJobs::HasStart) ? localTimeText(row.start) : QString();
    case EndColumn:
        if (row.has(PackedSyncJobs::HasEnd))
            return localTimeText(row.end);
        return isRunning(row.statusKind()) ? tr("running") : QString();
    case DurationColumn:
        if (row.has(PackedSyncJobs::HasStart | PackedSyncJobs::HasEnd))
            return durationText(row.end - row.start);
        // A running run has no duration yet: how long it has been running is what is asked.
        if (row.has(PackedSyncJobs::HasStart) && isRunning(row.statusKind()))
            return tr("%1 so far")
                .arg(durationText(
                    std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - row.start)));
        return {};
    case ErrorCodeColumn:
        return m_jobs.code(row.errorCode);
    case DataSourceErrorCodeColumn:
        return m_jobs.code(row.dataSourceErrorCode);
    case ExecutionIdColumn:
        return m_jobs.executionId(row);
    default: {
        const int metric = metricOfColumn(column);
        if (metric < 0 || !row.hasMetric(metric))
            return QString();
        return QLocale().toString(row.metrics[metric]);
    }
    }
}

QVariant SyncJobModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case StatusColumn:
        return displayData(row, column);
    case StartColumn:
        return row.has(PackedSyncJobs::HasStart) ? row.start : std::numeric_limits<qint64>::min();
    case EndColumn:
        // Running jobs (no end yet) sort after every finished one.
        return row.has(PackedSyncJobs::HasEnd) ? row.end : std::numeric_limits<qint64>::max();
    case DurationColumn:
        return row.has(PackedSyncJobs::HasStart | PackedSyncJobs::HasEnd) ? row.end - row.start
                                                                          : qint64(-1);
    case ErrorCodeColumn:
    case DataSourceErrorCodeColumn:
    case ExecutionIdColumn:
        return displayData(row, column);
    default: {
        const int metric = metricOfColumn(column);
        if (metric < 0 || !row.hasMetric(metric))
            return qint64(-1);
        return row.metrics[metric];
    }
    }
}

void SyncJobModel::setInFlight(bool inFlight)
{
    if (m_inFlight == inFlight)
        return;
    m_inFlight = inFlight;
    emit loadingChanged(inFlight);
}

void SyncJobModel::requestPage()
{
    ListSyncJobsRequest request = m_request;
    request.nextToken = m_nextToken;
    setInFlight(true);
    emit stateChanged();
    emit pageRequested(m_generation, request);
}

} // namespace syncdeck::qbusiness
