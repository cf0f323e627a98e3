#include "filterbar.h"

#include "qbusiness/syncjobmodel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace syncdeck::ui {

using qbusiness::SyncStatus;

FilterBar::FilterBar(QAction *refresh, QWidget *parent)
    : QToolBar(tr("Filters"), parent)
{
    setObjectName(QStringLiteral("filterBar"));
    setMovable(false);

    auto *statusLabel = new QLabel(tr("&Status:"), this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), QString());
    for (SyncStatus s : qbusiness::knownSyncStatuses()) {
        const QString wire = qbusiness::syncStatusToWire(s);
        m_status->addItem(qbusiness::SyncJobModel::statusText(wire), wire);
    }
    statusLabel->setBuddy(m_status);

    auto *rangeLabel = new QLabel(tr("Rang&e:"), this);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("range"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItems({tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                       tr("Last 90 days"), tr("All time"), tr("Custom…")});
    m_range->setCurrentIndex(AllTime);
    rangeLabel->setBuddy(m_range);
    m_customStart
        = addDateTimeEdit(QDateTime::currentDateTime().addDays(-7), tr("Custom range start"));
    m_customEnd = addDateTimeEdit(QDateTime::currentDateTime(), tr("Custom range end"));

    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(refresh);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    refreshButton->setToolTip(tr("Reload from the service (F5)"));

    m_quickFilter = new QLineEdit(this);
    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setPlaceholderText(tr("Filter loaded rows (Ctrl+F)"));
    m_quickFilter->setAccessibleName(tr("Filter loaded rows"));
    m_quickFilter->setClearButtonEnabled(true);
    m_quickFilter->setMaximumWidth(240);

    m_loadAll = new QPushButton(tr("Load a&ll"), this);
    m_loadAll->setObjectName(QStringLiteral("loadAll"));
    m_loadAll->setToolTip(tr("Load every page of this listing"));
    m_loadAll->setEnabled(false);
    m_cancelLoadAll = new QPushButton(tr("&Cancel"), this);
    m_cancelLoadAll->setObjectName(QStringLiteral("cancelLoadAll"));
    m_cancelLoadAll->setToolTip(tr("Stop loading; the rows loaded so far stay (Esc)"));

    addWidget(statusLabel);
    addWidget(m_status);
    addSeparator();
    addWidget(rangeLabel);
    addWidget(m_range);
    addWidget(m_customStart);
    addWidget(m_customEnd);
    addWidget(refreshButton);
    addSeparator();
    addWidget(m_quickFilter);
    addWidget(m_loadAll);
    // A widget on a tool bar is shown and hidden through its action.
    m_cancelLoadAllAction = addWidget(m_cancelLoadAll);
    m_cancelLoadAllAction->setObjectName(QStringLiteral("cancelLoadAllAction"));
    m_cancelLoadAllAction->setVisible(false);
    // Esc stops a "Load all" from anywhere in the window; a hidden action's shortcut is off, so
    // Esc keeps its usual meaning the rest of the time.
    m_cancelLoadAllAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelLoadAllAction->setShortcutContext(Qt::WindowShortcut);

    enableCustomRange();
    connect(m_status, &QComboBox::activated, this, &FilterBar::filtersChanged);
    connect(m_range, &QComboBox::activated, this, [this] {
        enableCustomRange();
        emit filtersChanged();
    });
    connect(m_customStart, &QDateTimeEdit::editingFinished, this, &FilterBar::filtersChanged);
    connect(m_customEnd, &QDateTimeEdit::editingFinished, this, &FilterBar::filtersChanged);
    connect(m_quickFilter, &QLineEdit::textChanged, this, &FilterBar::quickFilterChanged);
    connect(m_loadAll, &QPushButton::clicked, this, &FilterBar::loadAllRequested);
    connect(m_cancelLoadAll, &QPushButton::clicked, this, &FilterBar::loadAllCancelled);
    connect(m_cancelLoadAllAction, &QAction::triggered, this, &FilterBar::loadAllCancelled);
}

FilterBar::~FilterBar()
{
    // A date field losing the focus as the bar goes emits editingFinished(): not a new listing.
    m_customStart->disconnect(this);
    m_customEnd->disconnect(this);
}

QDateTimeEdit *FilterBar::addDateTimeEdit(const QDateTime &value, const QString &accessibleName)
{
    auto *edit = new QDateTimeEdit(value, this);
    edit->setCalendarPopup(true);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return edit;
}

QString FilterBar::statusFilter() const
{
    return m_status->currentData().toString();
}

void FilterBar::setStatusFilter(const QString &wire)
{
    int i = m_status->findData(wire);
    if (i < 0) {
        m_status->addItem(wire, wire);
        i = m_status->count() - 1;
    }
    m_status->setCurrentIndex(i);
}

FilterBar::Range FilterBar::range() const
{
    return Range(m_range->currentIndex());
}

void FilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(range);
    enableCustomRange();
}

void FilterBar::applyLaunchFilters(const QString &status, const QDateTime &start,
                                   const QDateTime &end)
{
    if (!status.isEmpty())
        setStatusFilter(status);
    if (!start.isValid() && !end.isValid())
        return;
    const QDateTime now = QDateTime::currentDateTime();
    m_customStart->setDateTime(start.isValid() ? start.toLocalTime() : now.addDays(-30));
    m_customEnd->setDateTime(end.isValid() ? end.toLocalTime() : now);
    setRange(Custom);
}

void FilterBar::timeRange(QDateTime *start, QDateTime *end) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *start = {};
    *end = {};
    switch (range()) {
    case Last24h:
        *start = now.addDays(-1);
        break;
    case Last7d:
        *start = now.addDays(-7);
        break;
    case Last30d:
        *start = now.addDays(-30);
        break;
    case Last90d:
        *start = now.addDays(-90);
        break;
    case Custom:
        *start = m_customStart->dateTime().toUTC();
        *end = m_customEnd->dateTime().toUTC();
        break;
    case AllTime:
        break;
    }
}

QString FilterBar::description() const
{
    QStringList parts;
    if (!statusFilter().isEmpty())
        parts << tr("status %1").arg(m_status->currentText());
    if (range() == Custom)
        parts << tr("%1 to %2").arg(m_customStart->text(), m_customEnd->text());
    else if (range() != AllTime)
        parts << m_range->currentText();
    return parts.join(QStringLiteral(", "));
}

QString FilterBar::quickFilter() const
{
    return m_quickFilter->text();
}

void FilterBar::setLoadAllState(bool canLoadMore, bool loadingAll)
{
    m_loadAll->setEnabled(canLoadMore && !loadingAll);
    m_cancelLoadAllAction->setVisible(loadingAll);
}

void FilterBar::offerStatusesOf(const QList<qbusiness::SyncJob> &jobs)
{
    for (const qbusiness::SyncJob &job : jobs) {
        if (job.statusKind() == SyncStatus::Unknown && !job.status.isEmpty()
            && m_status->findData(job.status) < 0)
            m_status->addItem(job.status, job.status);
    }
}

void FilterBar::focusQuickFilter()
{
    m_quickFilter->setFocus(Qt::ShortcutFocusReason);
    m_quickFilter->selectAll();
}

void FilterBar::enableCustomRange()
{
    const bool custom = range() == Custom;
    // Greyed unless the range is Custom, and saying why (tooltips show on disabled fields too).
    QString why;
    if (range() == AllTime)
        why = tr("Not used with \"%1\": choose \"Custom…\" in Range to set it.")
                  .arg(m_range->currentText());
    else if (!custom)
        why = tr("Set by \"%1\": choose \"Custom…\" in Range to edit it.")
                  .arg(m_range->currentText());
    const std::pair<QDateTimeEdit *, QString> fields[]
        = {{m_customStart, tr("Start of the custom time range (local time).")},
           {m_customEnd, tr("End of the custom time range (local time).")}};
    for (const auto &[field, what] : fields) {
        field->setEnabled(custom);
        field->setToolTip(custom ? what : what + QLatin1Char(' ') + why);
        field->setAccessibleDescription(field->toolTip());
    }
    if (custom || range() == AllTime)
        return;
    // The greyed fields show the preset's own range (and "Custom…" starts from it).
    QDateTime start;
    QDateTime end;
    timeRange(&start, &end);
    m_customStart->setDateTime(start.toLocalTime());
    m_customEnd->setDateTime(end.isValid() ? end.toLocalTime() : QDateTime::currentDateTime());
}

} // namespace syncdeck::ui
