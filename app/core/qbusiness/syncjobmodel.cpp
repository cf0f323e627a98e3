#include "syncjobmodel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace syncdeck::qbusiness {
namespace {

// Metric slots in Row::metrics, and the column that shows each.
enum Metric { Added, Modified, Deleted, FailedDocs, Scanned, MetricCount };

int metricOfColumn(int column)
{
    switch (column) {
    case SyncJobModel::ScannedColumn:
        return Scanned;
    case SyncJobModel::AddedColumn:
        return Added;
    case SyncJobModel::ModifiedColumn:
        return Modified;
    case SyncJobModel::DeletedColumn:
        return Deleted;
    case SyncJobModel::FailedColumn:
        return FailedDocs;
    default:
        return -1;
    }
}

std::optional<qint64> *metricSlot(SyncJobMetrics &m, int metric)
{
    switch (metric) {
    case Added:
        return &m.documentsAdded;
    case Modified:
        return &m.documentsModified;
    case Deleted:
        return &m.documentsDeleted;
    case FailedDocs:
        return &m.documentsFailed;
    case Scanned:
        return &m.documentsScanned;
    default:
        return nullptr;
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

// A canonical lowercase UUID (what the service sends) packs into 16 bytes; anything else is kept
// verbatim by the caller, so an unusual id is never altered.
bool packUuid(const QString &id, quint64 *hi, quint64 *lo)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != id)
        return false;
    const QByteArray bytes = uuid.toRfc4122();
    *hi = 0;
    *lo = 0;
    for (int i = 0; i < 8; ++i) {
        *hi = (*hi << 8) | quint8(bytes[i]);
        *lo = (*lo << 8) | quint8(bytes[8 + i]);
    }
    return true;
}

} // namespace

SyncJobModel::SyncJobModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SyncJobModel::~SyncJobModel() = default;

void SyncJobModel::setRequest(const ListSyncJobsRequest &request)
{
    beginResetModel();
    m_request = request;
    m_request.nextToken.clear();
    m_active = true;
    ++m_generation;
    m_firstPageLoaded = false;
    m_nextToken.clear();
    m_error = {};
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_codes.clear();
    m_codeIndex.clear();
    m_texts.clear();
    m_textIndex.clear();
    m_mergedIds.clear();
    // Before endResetModel(): views (and the model tester) call fetchMore() from modelReset.
    setInFlight(false);
    endResetModel();
    emit stateChanged();
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
    return std::any_of(m_rows.begin(), m_rows.end(),
                       [](const Row &r) { return isRunning(SyncStatus(r.status)); });
}

SyncJob SyncJobModel::job(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return unpack(m_rows[size_t(row)]);
}

QString SyncJobModel::executionId(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return idText(m_rows[size_t(row)]);
}

int SyncJobModel::rowOfExecutionId(const QString &executionId) const
{
    SyncJob probe;
    probe.executionId = executionId;
    quint64 hi = 0;
    quint64 lo = 0;
    if (packUuid(executionId, &hi, &lo)) {
        // The common case: a scan over 16-byte keys, fast enough for 100,000 rows.
        for (size_t i = 0; i < m_rows.size(); ++i) {
            const Row &r = m_rows[i];
            if (!(r.presence & IdIsText) && r.idHi == hi && r.idLo == lo)
                return int(i);
        }
        return -1;
    }
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (sameId(m_rows[i], probe))
            return int(i);
    }
    return -1;
}

int SyncJobModel::firstRowWithStatus(SyncStatus status) const
{
    int best = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (SyncStatus(r.status) != status)
            continue;
        if (best < 0 || (r.presence & HasStart && r.start > m_rows[size_t(best)].start))
            best = int(i);
    }
    return best;
}

void SyncJobModel::appendPage(quint64 generation, const SyncJobPage &page)
{
    if (generation != m_generation || !m_active || !m_inFlight)
        return; // an answer to a listing that no longer exists
    m_firstPageLoaded = true;
    m_nextToken = page.nextToken;
    m_error = {};

    QList<SyncJob> fresh;
    fresh.reserve(page.history.size());
    const size_t windowStart
        = m_rows.size() > DuplicateWindow ? m_rows.size() - DuplicateWindow : 0;
    for (const SyncJob &job : page.history) {
        bool seen = m_mergedIds.contains(job.executionId);
        for (size_t i = windowStart; !seen && i < m_rows.size(); ++i)
            seen = sameId(m_rows[i], job);
        for (const SyncJob &f : std::as_const(fresh))
            seen = seen || f.executionId == job.executionId;
        if (!seen)
            fresh.append(job);
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const SyncJob &job : std::as_const(fresh))
            m_rows.push_back(pack(job));
        endInsertRows();
    }
    setInFlight(false);
    if (!fresh.isEmpty())
        emit jobsAppended(fresh);
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
        Row &stored = m_rows[size_t(row)];
        const SyncStatus before = SyncStatus(stored.status);
        const Row packed = pack(job);
        if (unpack(stored) == unpack(packed))
            continue;
        stored = packed;
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
        std::vector<Row> packed;
        packed.reserve(size_t(added.size()));
        for (const SyncJob &job : std::as_const(added)) {
            packed.push_back(pack(job));
            m_mergedIds.append(job.executionId);
        }
        m_rows.insert(m_rows.begin(), packed.begin(), packed.end());
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
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StartColumn:
            return row.presence & HasStart ? utcTimeText(row.start) : QVariant();
        case EndColumn:
            return row.presence & HasEnd ? utcTimeText(row.end) : QVariant();
        case StatusColumn:
            return SyncStatus(row.status) == SyncStatus::Unknown
                ? code(row.unknownStatus)
                : syncStatusToWire(SyncStatus(row.status));
        case ErrorCodeColumn:
            return row.errorMessage ? text(row.errorMessage) : QVariant();
        default: {
            const int metric = metricOfColumn(index.column());
            if (metric >= 0 && !(row.presence & (1 << metric)))
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
        return SyncStatus(row.status) == SyncStatus::Unknown
            ? code(row.unknownStatus)
            : syncStatusToWire(SyncStatus(row.status));
    case ExecutionIdRole:
        return idText(row);
    case ErrorMessageRole:
        return text(row.errorMessage);
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

SyncJobModel::Row SyncJobModel::pack(const SyncJob &job)
{
    Row r;
    if (job.startTime.isValid()) {
        r.start = job.startTime.toMSecsSinceEpoch();
        r.presence |= HasStart;
    }
    if (job.endTime.isValid()) {
        r.end = job.endTime.toMSecsSinceEpoch();
        r.presence |= HasEnd;
    }
    SyncJobMetrics metrics = job.metrics;
    for (int m = 0; m < MetricCount; ++m) {
        if (const std::optional<qint64> &v = *metricSlot(metrics, m)) {
            r.metrics[m] = *v;
            r.presence |= quint8(1 << m);
        }
    }
    // A canonical lowercase UUID (what the service sends) packs into 16 bytes; anything else is
    // kept verbatim so an unusual id is never altered.
    if (!packUuid(job.executionId, &r.idHi, &r.idLo)) {
        r.presence |= IdIsText;
        r.idLo = internText(job.executionId);
    }
    const SyncStatus status = job.statusKind();
    r.status = quint8(status);
    if (status == SyncStatus::Unknown)
        r.unknownStatus = internCode(job.status);
    r.errorCode = internCode(job.errorCode);
    r.dataSourceErrorCode = internCode(job.dataSourceErrorCode);
    r.errorMessage = internText(job.errorMessage);
    return r;
}

SyncJob SyncJobModel::unpack(const Row &r) const
{
    SyncJob job;
    job.executionId = idText(r);
    if (r.presence & HasStart)
        job.startTime = QDateTime::fromMSecsSinceEpoch(r.start, QTimeZone::utc());
    if (r.presence & HasEnd)
        job.endTime = QDateTime::fromMSecsSinceEpoch(r.end, QTimeZone::utc());
    job.status = SyncStatus(r.status) == SyncStatus::Unknown
        ? code(r.unknownStatus)
        : syncStatusToWire(SyncStatus(r.status));
    job.errorCode = code(r.errorCode);
    job.errorMessage = text(r.errorMessage);
    job.dataSourceErrorCode = code(r.dataSourceErrorCode);
    for (int m = 0; m < MetricCount; ++m) {
        if (r.presence & (1 << m))
            *metricSlot(job.metrics, m) = r.metrics[m];
    }
    return job;
}

QString SyncJobModel::idText(const Row &r) const
{
    if (r.presence & IdIsText)
        return text(quint32(r.idLo));
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i) {
        bytes[7 - i] = char(quint8(r.idHi >> (8 * i)));
        bytes[15 - i] = char(quint8(r.idLo >> (8 * i)));
    }
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

bool SyncJobModel::sameId(const Row &r, const SyncJob &job) const
{
    quint64 hi = 0;
    quint64 lo = 0;
    if (packUuid(job.executionId, &hi, &lo))
        return !(r.presence & IdIsText) && r.idHi == hi && r.idLo == lo;
    return (r.presence & IdIsText) && text(quint32(r.idLo)) == job.executionId;
}

quint32 SyncJobModel::internCode(const QString &value)
{
    if (value.isEmpty())
        return 0;
    const auto it = m_codeIndex.constFind(value);
    if (it != m_codeIndex.constEnd())
        return *it;
    m_codes.append(value);
    const quint32 ref = quint32(m_codes.size());
    m_codeIndex.insert(value, ref);
    return ref;
}

quint32 SyncJobModel::internText(const QString &value)
{
    if (value.isEmpty())
        return 0;
    const auto it = m_textIndex.constFind(value);
    if (it != m_textIndex.constEnd())
        return *it;
    m_texts.append(value);
    const quint32 ref = quint32(m_texts.size());
    m_textIndex.insert(value, ref);
    return ref;
}

QVariant SyncJobModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case StatusColumn:
        return statusText(SyncStatus(row.status) == SyncStatus::Unknown
                              ? code(row.unknownStatus)
                              : syncStatusToWire(SyncStatus(row.status)));
    case StartColumn:
        return row.presence & HasStart ? localTimeText(row.start) : QString();
    case EndColumn:
        if (row.presence & HasEnd)
            return localTimeText(row.end);
        return isRunning(SyncStatus(row.status)) ? tr("running") : QString();
    case DurationColumn:
        if ((row.presence & HasStart) && (row.presence & HasEnd))
            return durationText(row.end - row.start);
        return {};
    case ErrorCodeColumn:
        return code(row.errorCode);
    case DataSourceErrorCodeColumn:
        return code(row.dataSourceErrorCode);
    case ExecutionIdColumn:
        return idText(row);
    default: {
        const int metric = metricOfColumn(column);
        if (metric < 0 || !(row.presence & (1 << metric)))
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
        return row.presence & HasStart ? row.start : std::numeric_limits<qint64>::min();
    case EndColumn:
        // Running jobs (no end yet) sort after every finished one.
        return row.presence & HasEnd ? row.end : std::numeric_limits<qint64>::max();
    case DurationColumn:
        return (row.presence & HasStart) && (row.presence & HasEnd) ? row.end - row.start
                                                                    : qint64(-1);
    case ErrorCodeColumn:
    case DataSourceErrorCodeColumn:
    case ExecutionIdColumn:
        return displayData(row, column);
    default: {
        const int metric = metricOfColumn(column);
        if (metric < 0 || !(row.presence & (1 << metric)))
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
