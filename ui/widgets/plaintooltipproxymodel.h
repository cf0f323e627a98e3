#pragma once

#include <QIdentityProxyModel>

namespace syncdeck::ui {

// Passes a model through with its tooltips made plain text (plainToolTip): for views of core
// models whose tooltips hold service text, such as the resource lists' display names.
class PlainToolTipProxyModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace syncdeck::ui
