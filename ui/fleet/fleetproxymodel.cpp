#include "fleetproxymodel.h"

#include "fleetmodel.h"

namespace syncdeck::ui {

FleetProxyModel::FleetProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetProxyModel::setAttentionFilter(std::optional<fleet::Attention> attention)
{
    if (m_attention == attention)
        return;
    m_attention = attention;
    invalidateFilter();
}

void FleetProxyModel::setTextFilter(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool FleetProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_attention && index.data(FleetModel::AttentionRole).toInt() != int(*m_attention))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text = index.data(FleetModel::FilterTextRole).toString();
    for (const QString &w : m_words) {
        if (!text.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool FleetProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() != FleetModel::AttentionColumn)
        return QSortFilterProxyModel::lessThan(left, right);
    const auto *model = static_cast<const FleetModel *>(sourceModel());
    const fleet::FleetRow &l = model->rowAt(left.row());
    const fleet::FleetRow &r = model->rowAt(right.row());
    if (l.health.attention != r.health.attention)
        return l.health.attention < r.health.attention;
    // Within a level the longest failing streak comes first, then names in order.
    if (l.health.failingStreak != r.health.failingStreak)
        return l.health.failingStreak > r.health.failingStreak;
    const int byName = QString::localeAwareCompare(l.dataSourceName, r.dataSourceName);
    if (byName != 0)
        return byName < 0;
    return l.dataSourceId < r.dataSourceId;
}

} // namespace syncdeck::ui
