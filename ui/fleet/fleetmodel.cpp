#include "fleetmodel.h"

#include "widgets/plaintext.h"
#include "widgets/statusstyle.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

namespace syncdeck::ui {

using fleet::Attention;
using fleet::FleetRow;

namespace {

// The icon of an attention level: the status icons' shapes, so it reads without colour.
qbusiness::SyncStatus iconStatus(Attention a)
{
    switch (a) {
    case Attention::Failing:
        return qbusiness::SyncStatus::Failed;
    case Attention::Overdue:
        return qbusiness::SyncStatus::Stopping;
    case Attention::Warning:
        return qbusiness::SyncStatus::Incomplete;
    case Attention::Running:
        return qbusiness::SyncStatus::Syncing;
    case Attention::Healthy:
        return qbusiness::SyncStatus::Succeeded;
    case Attention::Unknown:
        break;
    }
    return qbusiness::SyncStatus::Unknown;
}

} // namespace

QString FleetModel::attentionTitle(Attention a)
{
    switch (a) {
    case Attention::Failing:
        return FleetModel::tr("Failing");
    case Attention::Overdue:
        return FleetModel::tr("Overdue");
    case Attention::Warning:
        return FleetModel::tr("Warning");
    case Attention::Running:
        return FleetModel::tr("Running");
    case Attention::Healthy:
        return FleetModel::tr("Healthy");
    case Attention::Unknown:
        break;
    }
    return FleetModel::tr("Unknown");
}

namespace {

QString nameOrId(const QString &name, const QString &id)
{
    return name.isEmpty() ? id : name;
}

// What the data source column says for a row of a listing that failed.
QString scopeLabel(const FleetRow &r)
{
    switch (r.scope) {
    case FleetRow::Scope::DataSource:
        return nameOrId(r.dataSourceName, r.dataSourceId);
    case FleetRow::Scope::Index:
        return FleetModel::tr("(data sources of this index)");
    case FleetRow::Scope::Application:
        return FleetModel::tr("(indices of this application)");
    case FleetRow::Scope::Region:
        break;
    }
    return FleetModel::tr("(applications of this region)");
}

QString reasonOf(const FleetRow &r)
{
    if (!r.health.reason.isEmpty())
        return r.health.reason;
    if (r.hasErrors()) {
        const fleet::FleetError &e = r.errors.constFirst();
        return FleetModel::tr("%1 failed: %2 %3").arg(e.operation, e.error.code, e.error.message);
    }
    return {};
}

QString lastRunText(const FleetRow &r)
{
    if (r.health.running)
        return FleetModel::tr("%1 since %2")
            .arg(r.health.runningStatus,
                 QLocale().toString(r.health.runningSince.toLocalTime(), QLocale::ShortFormat));
    if (r.health.lastRunStatus.isEmpty())
        return {};
    return FleetModel::tr("%1, %2").arg(
        r.health.lastRunStatus,
        QLocale().toString(r.health.lastRunStartTime.toLocalTime(), QLocale::ShortFormat));
}

} // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AttentionColumn:
        return tr("Attention");
    case DataSourceColumn:
        return tr("Data source");
    case RecentRunsColumn:
        return tr("Recent runs");
    case LastRunColumn:
        return tr("Last run");
    case ReasonColumn:
        return tr("Why");
    case ApplicationColumn:
        return tr("Application");
    case IndexColumn:
        return tr("Index");
    case RegionColumn:
        return tr("Region");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

// What every cell shares: tooltips hold service text (IDs, error messages), shown as plain text;
// a blank cell would be skipped when a screen reader reads the row, shifting the values that
// follow under the wrong columns: it says "not reported" instead.
QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QVariant value = cellData(index, role);
    if (role == Qt::ToolTipRole && value.isValid())
        return plainToolTip(value.toString());
    if (role == Qt::AccessibleTextRole && !value.isValid()) {
        const QString text = cellData(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? tr("not reported") : text;
    }
    return value;
}

// One switch per role keeps every column's presentation in one place.
QVariant FleetModel::cellData(const QModelIndex &index, int role) const
{
    const FleetRow &r = m_rows.at(index.row());
    const Attention a = r.health.attention;
    if (role == AttentionRole)
        return int(a);
    if (role == FilterTextRole)
        return QStringList {r.dataSourceName, r.dataSourceId,   r.applicationName, r.applicationId,
                            r.indexName,      r.indexId,        r.region,          r.dataSourceType,
                            reasonOf(r),      attentionTitle(a)}
            .join(u'\n');
    switch (index.column()) {
    case AttentionColumn:
        if (role == Qt::DisplayRole)
            return attentionTitle(a);
        if (role == Qt::DecorationRole)
            return statusIcon(iconStatus(a));
        if (role == Qt::ForegroundRole)
            return statusColor(iconStatus(a), QApplication::palette());
        if (role == SortRole)
            return int(a);
        break;
    case DataSourceColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return scopeLabel(r);
        if (role == Qt::ToolTipRole)
            return r.dataSourceId;
        break;
    case RecentRunsColumn:
        if (role == SortRole)
            return r.health.failingStreak;
        if (role == Qt::ToolTipRole)
            return tr("%n of the last runs failed", nullptr,
                      r.health.finishedRunsSeen - r.health.succeededRunsSeen);
        if (role == Qt::AccessibleTextRole)
            return tr("%1 runs seen, %2 succeeded")
                .arg(r.health.runsSeen)
                .arg(r.health.succeededRunsSeen);
        break;
    case LastRunColumn:
        if (role == Qt::DisplayRole)
            return lastRunText(r);
        if (role == SortRole)
            return r.health.running ? r.health.runningSince : r.health.lastRunStartTime;
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return reasonOf(r);
        break;
    case ApplicationColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return nameOrId(r.applicationName, r.applicationId);
        if (role == Qt::ToolTipRole)
            return r.applicationId;
        break;
    case IndexColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return nameOrId(r.indexName, r.indexId);
        if (role == Qt::ToolTipRole)
            return r.indexId;
        break;
    case RegionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return r.region;
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return r.dataSourceType;
        break;
    default:
        break;
    }
    return {};
}

int FleetModel::count(Attention attention) const
{
    int n = 0;
    for (const FleetRow &r : m_rows)
        n += r.health.attention == attention ? 1 : 0;
    return n;
}

QString FleetModel::keyOf(const FleetRow &row)
{
    return QStringList {fleet::scopeName(row.scope), row.region, row.applicationId, row.indexId,
                        row.dataSourceId}
        .join(u'/');
}

void FleetModel::beginScan()
{
    m_seen.clear();
}

void FleetModel::upsert(const FleetRow &row)
{
    const QString key = keyOf(row);
    m_seen.insert(key, true);
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        m_index.insert(key, at);
        endInsertRows();
        emit countsChanged();
        return;
    }
    const Attention was = m_rows.at(*it).health.attention;
    m_rows[*it] = row;
    emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
    if (was != row.health.attention) {
        emit countsChanged();
        emit attentionEntered(row, was);
    }
}

void FleetModel::endScan(bool complete)
{
    if (!complete)
        return;
    // Data sources deleted since the last scan go; removal from the end keeps indices valid.
    bool removed = false;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_seen.contains(keyOf(m_rows.at(i))))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        removed = true;
    }
    if (removed) {
        m_index.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(keyOf(m_rows.at(i)), i);
        emit countsChanged();
    }
}

void FleetModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_seen.clear();
    endResetModel();
    emit countsChanged();
}

} // namespace syncdeck::ui
