#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QDialog;
class QWidget;

namespace syncdeck::qbusiness {
class RunHistory;
}

namespace syncdeck::ui::charts {

// What a chart says, in words, for those who cannot see it: keeps the chart widget's accessible
// name ("Documents per run") and description ("19 runs from … to …; last run: Failed, 2,670
// failed") in step with its run history, and offers the same data as a table ("Show data as
// table": an action in the chart's context menu, also reachable by keyboard, and showTable()).
// The summary costs a few lookups per change, so it follows every page even while the chart
// itself is hidden and skips its redraws.
class ChartSummary : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Documents, Status, Duration };

    // Describes `chart` (which owns this object).
    ChartSummary(Kind kind, QWidget *chart);

    void setModel(qbusiness::RunHistory *model);
    Kind kind() const { return m_kind; }
    QString title() const;
    QString description() const;
    QAction *showTableAction() const { return m_showTable; }

    // The table's columns and one run's cell in them (model index in time order); an absent
    // value reads "not reported".
    QStringList columns() const;
    QString cell(int index, int column) const;

public slots:
    void update();
    // Opens (or raises) the chart's data table, newest run first.
    QDialog *showTable();

private:
    Kind m_kind;
    QWidget *m_chart = nullptr;
    QPointer<qbusiness::RunHistory> m_model;
    QList<QMetaObject::Connection> m_connections;
    QAction *m_showTable = nullptr;
    QPointer<QDialog> m_table;
};

} // namespace syncdeck::ui::charts
