#include "sparklinedelegate.h"

#include "fleetmodel.h"
#include "widgets/statusstyle.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace syncdeck::ui {

namespace {

const fleet::FleetRow *rowOf(const QModelIndex &index)
{
    QModelIndex source = index;
    const QAbstractItemModel *model = index.model();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model)) {
        source = proxy->mapToSource(source);
        model = proxy->sourceModel();
    }
    const auto *fleetModel = qobject_cast<const FleetModel *>(model);
    if (!fleetModel || !source.isValid())
        return nullptr;
    return &fleetModel->rowAt(source.row());
}

} // namespace

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const fleet::FleetRow *row = rowOf(index);
    if (!row || row->recentRuns.isEmpty())
        return;
    const QList<fleet::RunMark> runs
        = row->recentRuns.mid(std::max<qsizetype>(0, row->recentRuns.size() - MaxBars));
    qint64 mostFailed = 1;
    for (const fleet::RunMark &m : runs)
        mostFailed = std::max(mostFailed, m.documentsFailed.value_or(0));
    const QRect area = option.rect.adjusted(4, 3, -4, -3);
    const int floor = std::max(3, area.height() / 4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    int x = area.left();
    for (const fleet::RunMark &m : runs) {
        // Heights grow with the log of the failed documents: 1 and 1,000 both stay visible.
        const double failed = double(m.documentsFailed.value_or(0));
        const double share = failed > 0 ? std::log1p(failed) / std::log1p(double(mostFailed)) : 0;
        int h = floor + int(share * (area.height() - floor));
        if (m.status == qbusiness::SyncStatus::Failed)
            h = std::max(h, area.height() * 2 / 3);
        const QRect bar(x, area.bottom() - h + 1, BarWidth, h);
        painter->fillRect(bar, statusColor(m.status, option.palette));
        x += BarWidth + BarGap;
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {8 + MaxBars * (BarWidth + BarGap), std::max(base.height(), 20)};
}

} // namespace syncdeck::ui
