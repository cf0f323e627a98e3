#pragma once

#include "qbusiness/runkpis.h"

#include <QWidget>

class QLabel;

namespace syncdeck::ui::charts {

// The KPI row above the charts: one tile (value over caption, and a warning in words when the
// figure is worrying) per figure of RunKpis. Each tile is one tab stop whose accessible name
// says value and meaning ("Success rate 57.9 %, 11 of 19 finished — warning: below 90 %").
class KpiStrip : public QWidget
{
    Q_OBJECT
public:
    explicit KpiStrip(QWidget *parent = nullptr);
    ~KpiStrip() override;

    // Shows k; ages ("3 h ago") are measured from now.
    void setKpis(const qbusiness::RunKpis &k, const QDateTime &now);
    const qbusiness::RunKpis &kpis() const { return m_kpis; }
    // The value and caption of a tile, by its object name (successRate, lastSuccess, failedRuns,
    // meanDuration, p95Duration, documentsFailed, zeroScanned).
    QString valueText(const QString &tile) const;
    QString captionText(const QString &tile) const;
    // The tile widget (one focusable object per figure), by the same object names.
    QWidget *tile(const QString &name) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Tile
    {
        QWidget *box = nullptr;
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
        QLabel *state = nullptr; // the warning in words; hidden without one
    };
    struct TileText
    {
        QString value; // "57.9 %"
        QString caption; // shown under the value
        QString meaning; // "Success rate": the start of the accessible name
        QString detail; // "11 of 19 finished": said after the value
        QString warning; // "below 90 %"; empty: nothing to warn about
    };
    Tile addTile(const QString &name, const QString &toolTip);
    void setTile(Tile &tile, const TileText &text);
    void applyColors();

    qbusiness::RunKpis m_kpis;
    QList<Tile> m_tiles;
    QList<bool> m_alerts;
};

} // namespace syncdeck::ui::charts
