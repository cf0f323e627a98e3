#pragma once

#include "fleet/datasourcehealth.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace syncdeck::ui {

// Sorts the fleet (attention first by default: the most urgent level, then the longest failing
// streak, then the name) and filters it by attention level and by text (names, IDs, region,
// type, reason; case-insensitive, every word must match).
class FleetProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetProxyModel(QObject *parent = nullptr);

    // std::nullopt: every level.
    void setAttentionFilter(std::optional<fleet::Attention> attention);
    std::optional<fleet::Attention> attentionFilter() const { return m_attention; }
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_words.join(u' '); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<fleet::Attention> m_attention;
    QStringList m_words;
};

} // namespace syncdeck::ui
