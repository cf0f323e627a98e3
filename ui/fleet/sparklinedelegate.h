#pragma once

#include <QStyledItemDelegate>

namespace syncdeck::ui {

// Paints a data source's last runs (FleetModel's rows, oldest left) as small bars: the colour is
// the run's status, the height grows with the documents that failed in it (a run with none is
// a short bar), so "failing and getting worse" reads at a glance. Plain painting: ui/ never
// uses QtCharts.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int BarWidth = 6;
    static constexpr int BarGap = 2;
    static constexpr int MaxBars = 10;
};

} // namespace syncdeck::ui
