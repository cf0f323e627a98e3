#include "fleettiles.h"

#include "widgets/statusstyle.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace syncdeck::ui {

using fleet::Attention;

FleetTiles::FleetTiles(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_tiles = {{Attention::Failing, tr("Failing"), nullptr, 0},
               {Attention::Overdue, tr("Overdue"), nullptr, 0},
               {Attention::Running, tr("Running"), nullptr, 0},
               {Attention::Healthy, tr("Healthy"), nullptr, 0}};
    const qbusiness::SyncStatus icons[]
        = {qbusiness::SyncStatus::Failed, qbusiness::SyncStatus::Stopping,
           qbusiness::SyncStatus::Syncing, qbusiness::SyncStatus::Succeeded};
    for (int i = 0; i < m_tiles.size(); ++i) {
        Tile &t = m_tiles[i];
        auto *b = new QToolButton(this);
        b->setObjectName(fleet::attentionName(t.attention) + QStringLiteral("Tile"));
        b->setCheckable(true);
        b->setAutoRaise(false);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setIcon(statusIcon(icons[i]));
        b->setIconSize({22, 22});
        b->setMinimumWidth(140);
        QFont f = b->font();
        f.setPointSizeF(f.pointSizeF() * 1.15);
        b->setFont(f);
        t.button = b;
        updateTile(t);
        const Attention attention = t.attention;
        connect(b, &QToolButton::clicked, this, [this, attention](bool checked) {
            showFilter(checked ? std::optional(attention) : std::nullopt);
            emit filterChosen(checked ? std::optional(attention) : std::nullopt);
        });
        layout->addWidget(b);
    }
    layout->addStretch(1);
}

void FleetTiles::updateTile(Tile &t)
{
    t.button->setText(QStringLiteral("%1  %2").arg(t.count).arg(t.title));
    t.button->setAccessibleName(tr("%1: %n data sources", nullptr, t.count).arg(t.title));
    t.button->setToolTip(
        tr("Show only the %1 data sources (click again to show all)").arg(t.title.toLower()));
}

void FleetTiles::setCount(Attention attention, int count)
{
    for (Tile &t : m_tiles) {
        if (t.attention == attention && t.count != count) {
            t.count = count;
            updateTile(t);
        }
    }
}

int FleetTiles::count(Attention attention) const
{
    for (const Tile &t : m_tiles) {
        if (t.attention == attention)
            return t.count;
    }
    return 0;
}

void FleetTiles::showFilter(std::optional<Attention> attention)
{
    for (Tile &t : m_tiles)
        t.button->setChecked(attention && t.attention == *attention);
}

QToolButton *FleetTiles::tile(Attention attention) const
{
    for (const Tile &t : m_tiles) {
        if (t.attention == attention)
            return t.button;
    }
    return nullptr;
}

} // namespace syncdeck::ui
