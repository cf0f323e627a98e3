#pragma once

#include "qbusiness/awserror.h"
#include "qbusiness/consolelinks.h"
#include "qbusiness/exportjobs.h"
#include "qbusiness/types.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace syncdeck::qbusiness {
class Client;
class SyncJobLoader;
class SyncJobModel;
} // namespace syncdeck::qbusiness

namespace syncdeck::ui {

class CachedHistory;
class FilterBar;
class JobStatusProxyModel;

// The sync history of one data source: the jobs table (pages loaded as it scrolls, sortable,
// columns chosen from the header's menu), or an empty state that says why there is nothing to
// show. It lists with the filter bar's status and time range, narrows the loaded rows with its
// quick filter and runs its "Load all". It owns the job model and its loader (live refresh of
// running jobs) and exports the table as shown.
class JobsPage : public QWidget
{
    Q_OBJECT
public:
    // Works with `filters` (not owned; the window shows it as a tool bar).
    explicit JobsPage(FilterBar *filters, QWidget *parent = nullptr);
    ~JobsPage() override;

    // Every loaded run, in service order (the charts follow it).
    qbusiness::SyncJobModel *model() const { return m_model; }

    // Where listings go (not owned); nullptr: not connected, and the empty state says so.
    void setClient(qbusiness::Client *client);
    // The local history cache (not owned; nullptr: none). With it, a data source the cache
    // knows opens on its cached history at once, then an incremental refresh updates the rows
    // in place; it also answers while the service cannot be reached.
    void setCachedHistory(CachedHistory *history);
    // The listing the page shows (application, index, data source and filters).
    qbusiness::ListSyncJobsRequest request() const;
    // Live refresh: first poll after baseMs, backing off up to maxMs.
    void setPollIntervals(int baseMs, int maxMs);
    // Lists the runs of this data source with the filters, from the first page (more pages come
    // as the table scrolls). Without a client or a complete set of IDs the page is empty.
    void showDataSource(const qbusiness::ResourceReference &ids);
    // How exports name the data source shown (its name, or its ID while the name is unknown).
    void setDataSourceName(const QString &name) { m_dataSourceName = name; }

    // The run of the selected row; empty when there is none.
    QString currentExecutionId() const;
    // The jobs of the table as shown: its sort order and filters.
    QList<qbusiness::SyncJob> tableJobs() const;

    // True while a data source's runs are listed (or being listed).
    bool hasDataSource() const;
    // For the status bar.
    QString statusText() const;
    QString filterText() const; // empty while the quick filter is
    bool isLoading() const;

    // Widths, order and visibility of the columns.
    QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

public slots:
    // Lists the data source again from the first page, keeping the current run selected.
    void reload();
    void selectRun(const QString &executionId);
    // Selects the latest failed run as soon as it is loaded, looking up to 20 pages deep, then
    // emits latestFailedRunSearched() (found or not).
    void selectLatestFailedRun();
    void setQuickFilter(const QString &text);
    void loadAll();
    // Polls the first page now (after Sync now / Stop sync).
    void pollNow();
    // Asks where, then writes the table as shown.
    void exportTable(qbusiness::JobExportFormat format);
    void focusTable();

signals:
    // The current row changed; an empty executionId means there is none.
    void currentRunChanged(const syncdeck::qbusiness::SyncJob &job);
    // Live refresh brought a new state of the current run.
    void currentRunUpdated(const syncdeck::qbusiness::SyncJob &job);
    // Anything the status bar shows may have changed.
    void stateChanged();
    // A new listing started (earlier errors are stale), or the filters cannot be used.
    void listingStarted();
    void listingRefused(const QString &title, const QString &message, const QString &nextStep);
    // A page or a live refresh failed; `retry` tries it again.
    void failed(const QString &what, const syncdeck::qbusiness::AwsError &error,
                const std::function<void()> &retry);
    // A run that was running when loaded ended FAILED.
    void runFailed(const syncdeck::qbusiness::SyncJob &job);
    void latestFailedRunSearched();
    // The first rows of a listing were painted (the startup benchmark waits for this).
    void firstRowsShown();
    void tableExported(int rows, const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildTable();
    void list();
    bool listFromCache(const qbusiness::ListSyncJobsRequest &request);
    int rowsThatFill() const;
    void cacheRefreshed(const qbusiness::AwsError &error);
    void clear();
    void selectRunWhenLoaded(const QString &executionId);
    void updateEmptyState();
    void showColumnMenu(const QPoint &pos);
    void announceCurrentRun();
    void announceChangedRun(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void announceFailedRun(const qbusiness::SyncJob &job);
    void continueFailedRunSearch();
    void reportProblems(const QStringList &problems);
    int modelRow(const QModelIndex &viewIndex) const;

    qbusiness::SyncJobModel *m_model = nullptr;
    qbusiness::SyncJobLoader *m_loader = nullptr;
    JobStatusProxyModel *m_statusProxy = nullptr;
    QSortFilterProxyModel *m_sortProxy = nullptr;
    QPointer<FilterBar> m_filters;
    QPointer<qbusiness::Client> m_client;
    QPointer<CachedHistory> m_history;
    qbusiness::ResourceReference m_ids;
    QString m_dataSourceName;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QPointer<QObject> m_reselect; // lives while a run waits to be selected again
    QString m_announcedRun; // the current run, as last announced
    bool m_rowsLeaving = false; // the quick filter is removing rows
    bool m_firstRowsShown = false;
    bool m_fromCache = false; // the listing shown started from the cache's snapshot
    bool m_cachedComplete = false; // ... which held all of it
    bool m_searchingFailedRun = false;
    int m_pagesSearched = 0;
    int m_unreadableJobs = 0; // jobs of this listing kept with a value marked unreadable
};

} // namespace syncdeck::ui
