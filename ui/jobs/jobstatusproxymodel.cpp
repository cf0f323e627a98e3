#include "jobstatusproxymodel.h"

#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "widgets/plaintext.h"
#include "widgets/statusstyle.h"

namespace syncdeck::ui {

using qbusiness::SyncJobModel;
using qbusiness::SyncStatus;

JobStatusProxyModel::JobStatusProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{ }

void JobStatusProxyModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(index(0, SyncJobModel::StatusColumn),
                         index(rowCount() - 1, SyncJobModel::StatusColumn), {Qt::ForegroundRole});
}

QVariant JobStatusProxyModel::data(const QModelIndex &index, int role) const
{
    // The job model's tooltips hold service text (wire statuses, error messages).
    if (role == Qt::ToolTipRole) {
        const QVariant tip = presentationData(index, role);
        return tip.isValid() ? QVariant(plainToolTip(tip.toString())) : tip;
    }
    return presentationData(index, role);
}

QVariant JobStatusProxyModel::presentationData(const QModelIndex &index, int role) const
{
    if (index.isValid() && index.column() == SyncJobModel::StatusColumn) {
        const auto status
            = SyncStatus(QIdentityProxyModel::data(index, SyncJobModel::StatusRole).toInt());
        switch (role) {
        case Qt::DecorationRole:
            return statusIcon(status);
        case Qt::ForegroundRole:
            return statusColor(status, m_palette);
        default:
            break;
        }
    }
    // A run that SUCCEEDED but scanned nothing is flagged on its Scanned cell: it looks healthy
    // and is often a connector, filter or permission problem.
    if (index.isValid() && index.column() == SyncJobModel::ScannedColumn
        && (role == Qt::ForegroundRole || role == Qt::ToolTipRole || role == Qt::DecorationRole)) {
        const auto *jobs = qobject_cast<const SyncJobModel *>(sourceModel());
        if (jobs
            && qbusiness::isSucceededWithoutScannedDocuments(jobs->job(mapToSource(index).row()))) {
            if (role == Qt::ForegroundRole)
                return statusColor(SyncStatus::Incomplete, m_palette);
            if (role == Qt::ToolTipRole)
                return tr("Succeeded but scanned no documents: check the data source's "
                          "connection, filters and permissions.");
            return statusIcon(SyncStatus::Incomplete);
        }
    }
    if (index.isValid() && role == Qt::ForegroundRole
        && index.column() == SyncJobModel::FailedColumn
        && QIdentityProxyModel::data(index, SyncJobModel::SortRole).toLongLong() > 0)
        return statusColor(SyncStatus::Failed, m_palette);
    // A cell reads its value: the column header already says what it is ("Status: Failed"
    // under the Status header was read as "Status, Status: Failed"). A blank cell would be
    // skipped when a screen reader reads the row, shifting the values that follow under the
    // wrong columns: it says so instead.
    if (index.isValid() && role == Qt::AccessibleTextRole) {
        const QVariant own = QIdentityProxyModel::data(index, role);
        if (own.isValid())
            return own;
        const QString text = QIdentityProxyModel::data(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? tr("not reported") : text;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace syncdeck::ui
