#include "plaintooltipproxymodel.h"

#include "plaintext.h"

namespace syncdeck::ui {

QVariant PlainToolTipProxyModel::data(const QModelIndex &index, int role) const
{
    const QVariant value = QIdentityProxyModel::data(index, role);
    if (role != Qt::ToolTipRole || !value.isValid())
        return value;
    return plainToolTip(value.toString());
}

} // namespace syncdeck::ui
