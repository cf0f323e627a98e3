#pragma once

#include "qbusiness/runkpis.h"

#include <QWidget>

class QLabel;

namespace syncdeck::ui::charts {

// The KPI row above the charts: one tile (value over caption) per figure of RunKpis.
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

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Tile
    {
        QWidget *box = nullptr;
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
    };
    Tile addTile(const QString &name, const QString &toolTip);
    void setTile(Tile &tile, const QString &value, const QString &caption, bool alert);
    void applyColors();

    qbusiness::RunKpis m_kpis;
    QList<Tile> m_tiles;
    QList<bool> m_alerts;
};

} // namespace syncdeck::ui::charts
