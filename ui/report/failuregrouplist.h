#pragma once

#include "report/failuregroups.h"

#include <QTreeWidget>

namespace syncdeck::ui {

// The failed and skipped documents of a report grouped by reason, the largest group first, with
// an "All reasons" row on top. Choosing a row emits reasonChosen(); refreshing keeps the chosen
// row. Reasons are network text: the items show them as plain text, tooltips escaped.
class FailureGroupList : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { ReasonColumn, StatusColumn, CountColumn, LastSeenColumn, ColumnCount };

    explicit FailureGroupList(QWidget *parent = nullptr);

    // Shows `groups` (the report's, kept current while it is read).
    void showGroups(const report::FailureGroups &groups);
    void clearGroups();
    // Chooses the row of a group (an empty reason: "All reasons").
    void chooseReason(report::DocumentStatus status, const QString &reason);
    report::DocumentStatus chosenStatus() const { return m_status; }
    QString chosenReason() const { return m_reason; }

signals:
    // An empty reason: every reason.
    void reasonChosen(syncdeck::report::DocumentStatus status, const QString &reason);

protected:
    // The new current row is announced to assistive tools only while the list has the focus.
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void onCurrentItemChanged(QTreeWidgetItem *current);
    void selectChosen();

    report::DocumentStatus m_status = report::DocumentStatus::Failed;
    QString m_reason;
    bool m_filling = false;
};

} // namespace syncdeck::ui
