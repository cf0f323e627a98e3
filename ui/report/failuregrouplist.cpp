#include "failuregrouplist.h"

#include "reportstatusstyle.h"
#include "widgets/plaintext.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>

namespace syncdeck::ui {

using report::DocumentStatus;

namespace {
constexpr int StatusRole = Qt::UserRole + 1;
constexpr int ReasonRole = Qt::UserRole + 2;
} // namespace

FailureGroupList::FailureGroupList(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Reason"), tr("Status"), tr("Documents"), tr("Last seen")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideRight); // a reason reads from its start
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(CountColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(LastSeenColumn, QHeaderView::ResizeToContents);
    setAccessibleName(tr("Failure reasons"));
    setAccessibleDescription(
        tr("Failed and skipped documents grouped by reason; choose one to list its documents."));
    connect(this, &QTreeWidget::currentItemChanged, this, &FailureGroupList::onCurrentItemChanged);
}

void FailureGroupList::clearGroups()
{
    m_filling = true;
    clear();
    m_filling = false;
    m_status = DocumentStatus::Failed;
    m_reason.clear();
}

void FailureGroupList::showGroups(const report::FailureGroups &groups)
{
    const QLocale locale;
    m_filling = true;
    clear();
    auto *all = new QTreeWidgetItem(this);
    all->setText(ReasonColumn, tr("All reasons"));
    // Read, not skipped, by screen readers: the row's blank cells say what they stand for.
    all->setData(StatusColumn, Qt::AccessibleTextRole, tr("failed and skipped"));
    all->setData(LastSeenColumn, Qt::AccessibleTextRole, tr("not applicable"));
    all->setText(CountColumn,
                 locale.toString(groups.documents(DocumentStatus::Failed)
                                 + groups.documents(DocumentStatus::Skipped)));
    all->setData(ReasonColumn, StatusRole, int(DocumentStatus::Failed));
    all->setData(ReasonColumn, ReasonRole, QString());
    QFont bold = all->font(ReasonColumn);
    bold.setBold(true);
    all->setFont(ReasonColumn, bold);
    QList<QTreeWidgetItem *> items;
    const QList<int> order = groups.byCount();
    items.reserve(order.size());
    for (const int i : order) {
        const report::FailureGroup &group = groups.groups().at(i);
        auto *item = new QTreeWidgetItem;
        // QTreeWidget items draw their text as plain text; only the tooltip needs escaping.
        item->setText(ReasonColumn, group.reason);
        item->setToolTip(
            ReasonColumn,
            plainToolTip(tr("%1\n\nFor example: %2").arg(group.reason, group.exampleMessage)));
        item->setText(StatusColumn, report::documentStatusText(group.status));
        item->setIcon(StatusColumn, documentStatusIcon(group.status));
        item->setText(CountColumn, locale.toString(group.count));
        item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(LastSeenColumn,
                      QDateTime::fromMSecsSinceEpoch(group.lastSeen).toString(u"HH:mm:ss"));
        item->setToolTip(
            LastSeenColumn,
            plainToolTip(
                tr("First seen %1, last seen %2")
                    .arg(QDateTime::fromMSecsSinceEpoch(group.firstSeen).toString(Qt::ISODate),
                         QDateTime::fromMSecsSinceEpoch(group.lastSeen).toString(Qt::ISODate))));
        item->setData(ReasonColumn, StatusRole, int(group.status));
        item->setData(ReasonColumn, ReasonRole, group.reason);
        items.append(item);
    }
    all->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
    addTopLevelItems(items);
    selectChosen();
    m_filling = false;
}

void FailureGroupList::chooseReason(DocumentStatus status, const QString &reason)
{
    m_status = status;
    m_reason = reason;
    selectChosen();
}

void FailureGroupList::selectChosen()
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        const QString reason = item->data(ReasonColumn, ReasonRole).toString();
        if (reason == m_reason
            && (reason.isEmpty()
                || DocumentStatus(item->data(ReasonColumn, StatusRole).toInt()) == m_status)) {
            setCurrentItem(item);
            return;
        }
    }
    // The chosen group is not there (yet): show every reason without forgetting the choice.
    if (topLevelItemCount() > 0) {
        const bool filling = m_filling;
        m_filling = true;
        setCurrentItem(topLevelItem(0));
        m_filling = filling;
    }
}

void FailureGroupList::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (hasFocus()) {
        QTreeWidget::currentChanged(current, previous);
        return;
    }
    // QTreeView tells assistive tools that its new current row has the focus even when the list
    // does not have it. The groups are listed afresh while the user moves through the runs, and
    // a screen reader then left the run for "All reasons". Without the focus the current row is
    // only drawn (as a whole row: all columns show it).
    QAbstractItemView::currentChanged(current, previous);
    viewport()->update();
}

void FailureGroupList::onCurrentItemChanged(QTreeWidgetItem *current)
{
    if (m_filling || !current)
        return;
    const auto status = DocumentStatus(current->data(ReasonColumn, StatusRole).toInt());
    const QString reason = current->data(ReasonColumn, ReasonRole).toString();
    if (status == m_status && reason == m_reason)
        return;
    m_status = status;
    m_reason = reason;
    emit reasonChosen(status, reason);
}

} // namespace syncdeck::ui
