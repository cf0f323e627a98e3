#pragma once

#include "qbusiness/types.h"

#include <QToolBar>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;

namespace syncdeck::ui {

// The filters of the jobs listing: status and time range go to the service (each change is a
// new listing), the quick filter narrows the rows loaded so far, and "Load all" pages to the
// end (with Cancel while it runs).
class FilterBar : public QToolBar
{
    Q_OBJECT
public:
    enum Range { Last24h, Last7d, Last30d, Last90d, AllTime, Custom };
    Q_ENUM(Range)

    // `refresh` gets a button of its own on the bar.
    explicit FilterBar(QAction *refresh, QWidget *parent = nullptr);
    ~FilterBar() override;

    // The wire value of the status filter; empty for all statuses.
    QString statusFilter() const;
    // A status this build does not know is added verbatim.
    void setStatusFilter(const QString &wire);
    Range range() const;
    void setRange(Range range);
    // Filters asked for on the command line: a status when not empty, and a custom range when
    // either time is valid (an open start is 30 days back, an open end is now).
    void applyLaunchFilters(const QString &status, const QDateTime &start, const QDateTime &end);
    // The range as request times in UTC; invalid for an open end.
    void timeRange(QDateTime *start, QDateTime *end) const;
    QString quickFilter() const;
    // The service-side filters in words ("status Failed, Last 7 days"); empty when the listing
    // is the whole history.
    QString description() const;
    void setLoadAllState(bool canLoadMore, bool loadingAll);

public slots:
    // Statuses newer than this build, seen in the data, join the status filter verbatim.
    void offerStatusesOf(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void focusQuickFilter();

signals:
    // Status or time range changed: the listing must start again.
    void filtersChanged();
    void quickFilterChanged(const QString &text);
    void loadAllRequested();
    void loadAllCancelled();

private:
    void enableCustomRange();
    QDateTimeEdit *addDateTimeEdit(const QDateTime &value, const QString &accessibleName);

    QComboBox *m_status = nullptr;
    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_customStart = nullptr;
    QDateTimeEdit *m_customEnd = nullptr;
    QLineEdit *m_quickFilter = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_cancelLoadAll = nullptr;
    QAction *m_cancelLoadAllAction = nullptr;
};

} // namespace syncdeck::ui
