#pragma once

#include "fleet/datasourcehealth.h"

#include <QWidget>

#include <optional>

class QToolButton;

namespace syncdeck::ui {

// The fleet's summary: how many data sources are failing, overdue, running and healthy, one
// tile each. A tile is a checkable button: checking one shows only its data sources, checking
// it again shows all.
class FleetTiles : public QWidget
{
    Q_OBJECT
public:
    explicit FleetTiles(QWidget *parent = nullptr);

    void setCount(fleet::Attention attention, int count);
    int count(fleet::Attention attention) const;
    // Checks the tile of `attention` (nullopt or a level without a tile: none), without signal.
    void showFilter(std::optional<fleet::Attention> attention);
    QToolButton *tile(fleet::Attention attention) const;

signals:
    void filterChosen(std::optional<syncdeck::fleet::Attention> attention);

private:
    struct Tile
    {
        fleet::Attention attention;
        QString title;
        QToolButton *button = nullptr;
        int count = 0;
    };
    void updateTile(Tile &tile);

    QList<Tile> m_tiles;
};

} // namespace syncdeck::ui
