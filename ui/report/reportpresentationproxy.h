#pragma once

#include <QIdentityProxyModel>

namespace syncdeck::ui {

// The look of a DocumentReportModel (which stays QtCore-only): status icons and colours, and
// tooltips that show the cell's network text literally (plainToolTip), on every text column.
// Fetching more rows passes through to the model.
class ReportPresentationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace syncdeck::ui
