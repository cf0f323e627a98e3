#pragma once

#include "fleet/fleetrow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace syncdeck::ui {

// The rows of the fleet view: one per data source (or per listing that failed), keyed by region
// and IDs, so a refresh updates rows in place (selection and scroll stay) and knows each data
// source's previous attention. Presentation (icons, colours, the sparkline) is in the model's
// roles and the delegate; every string from the network is given as plain text.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        AttentionColumn,
        DataSourceColumn,
        RecentRunsColumn,
        LastRunColumn,
        ReasonColumn,
        ApplicationColumn,
        IndexColumn,
        RegionColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts as the column should
        AttentionRole, // int(fleet::Attention)
        FilterTextRole, // names, IDs, reason: what the filter box matches
    };

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row at `row` (valid rows only).
    const fleet::FleetRow &rowAt(int row) const { return m_rows.at(row); }
    // "Failing", "Overdue", ...: the level as the view names it.
    static QString attentionTitle(fleet::Attention attention);
    // Counts by attention over the current rows.
    int count(fleet::Attention attention) const;

    // A scan begins: rows it does not hand out again are removed by endScan().
    void beginScan();
    // Adds the row, or replaces the one with the same key. Emits attentionEntered when a row
    // that was known with another attention reaches a new one (never for a row seen first).
    void upsert(const fleet::FleetRow &row);
    // The scan finished: `complete` (not cancelled) removes the rows it did not see again.
    void endScan(bool complete);
    void clear();

signals:
    void attentionEntered(const syncdeck::fleet::FleetRow &row, syncdeck::fleet::Attention was);
    void countsChanged();

private:
    // The cell's own value for `role`, before what data() adds to every cell.
    QVariant cellData(const QModelIndex &index, int role) const;
    static QString keyOf(const fleet::FleetRow &row);

    QList<fleet::FleetRow> m_rows;
    QHash<QString, int> m_index; // key -> row
    QHash<QString, bool> m_seen; // keys handed out by the scan running
};

} // namespace syncdeck::ui
