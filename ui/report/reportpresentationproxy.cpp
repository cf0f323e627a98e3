#include "reportpresentationproxy.h"

#include "report/documentreportmodel.h"
#include "reportstatusstyle.h"
#include "widgets/plaintext.h"

#include <QApplication>
#include <QPalette>

namespace syncdeck::ui {

using report::DocumentReportModel;

QVariant ReportPresentationProxy::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::ToolTipRole: {
        // The model's own tooltip (the full error) or the cell's text, never guessed as HTML.
        QString text = QIdentityProxyModel::data(index, Qt::ToolTipRole).toString();
        if (text.isEmpty())
            text = QIdentityProxyModel::data(index, Qt::DisplayRole).toString();
        return plainToolTip(text);
    }
    case Qt::DecorationRole:
        if (index.column() == DocumentReportModel::StatusColumn)
            return documentStatusIcon(
                report::DocumentStatus(index.data(DocumentReportModel::StatusRole).toInt()));
        break;
    case Qt::ForegroundRole:
        if (index.column() == DocumentReportModel::StatusColumn)
            return documentStatusColor(
                report::DocumentStatus(index.data(DocumentReportModel::StatusRole).toInt()),
                QApplication::palette());
        break;
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace syncdeck::ui
