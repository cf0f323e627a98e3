#pragma once

#include "awserror.h"
#include "packedsyncjobs.h"
#include "types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace syncdeck::qbusiness {

// The sync jobs of one data source, loaded page by page (Qt's fetchmore pattern, asynchronous).
//
// The model never talks to the network: it asks for a page with pageRequested() and is answered
// with appendPage() or failPage(), both tagged with the generation the request was made for, so
// pages of an earlier listing (before a filter change) are dropped. A page in flight is never
// requested twice. Rows are stored compactly (PackedSyncJobs) so that 100,000 jobs stay small.
class SyncJobModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        StartColumn,
        EndColumn,
        DurationColumn,
        ScannedColumn,
        AddedColumn,
        ModifiedColumn,
        DeletedColumn,
        FailedColumn,
        ErrorCodeColumn,
        DataSourceErrorCodeColumn,
        ExecutionIdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // numbers and times as qint64, text as QString
        StatusRole, // SyncStatus as int
        StatusWireRole, // the verbatim wire value
        ExecutionIdRole,
        ErrorMessageRole,
        // SyncJob::problem: a value of the job that could not be read (its cell reads
        // "unreadable"); empty when there is none.
        ProblemRole,
        KeptLocallyRole, // bool: no longer returned by the service, kept by the local cache
    };

    explicit SyncJobModel(QObject *parent = nullptr);
    ~SyncJobModel() override;

    // Starts a new listing for request (its nextToken is ignored): drops every row (one reset)
    // and every answer still on its way. The first page is requested by the view's fetchMore().
    void setRequest(const ListSyncJobsRequest &request);
    // The same, showing at once the jobs a local cache holds for it (newest first), in the same
    // reset. `complete`: they are the whole answer, nothing is fetched; else pages are still
    // requested from the top and the jobs already shown are not added twice.
    void setRequest(const ListSyncJobsRequest &request, const QList<SyncJob> &cached,
                    bool complete);
    // After setRequest(request, cached, true): a part of the rest of what the cache holds, older
    // than every row shown (a cache hands a long history over in parts, so that the first rows
    // show at once). Appended below the rows in one insert, never a reset; jobs already shown
    // are skipped. jobsAppended() reports the parts together after the last one (`more` false),
    // so that its followers (the charts) take in the whole history once.
    void appendCachedJobs(const QList<SyncJob> &cached, bool more);
    // After setRequest(request, cached, true): the cached jobs turned out not to be the whole
    // answer, so pages are requested again from the top (jobs already shown are not added twice).
    void resumePaging();
    // Jobs the service no longer returns (kept by a local cache): marked in the status column
    // and by KeptLocallyRole. Replaces the earlier set.
    void setKeptLocally(const QSet<QString> &executionIds);
    bool isKeptLocally(const QString &executionId) const
    {
        return m_keptLocally.contains(executionId);
    }
    // No data source: no rows, nothing to fetch.
    void clear();
    const ListSyncJobsRequest &request() const { return m_request; }
    bool isActive() const { return m_active; }
    // True when the request narrows the listing (status or time range).
    bool isFiltered() const;
    quint64 generation() const { return m_generation; }

    bool isLoading() const { return m_inFlight; }
    bool hasMore() const { return m_active && (!m_firstPageLoaded || !m_nextToken.isEmpty()); }
    bool isFirstPageLoaded() const { return m_firstPageLoaded; }
    const AwsError &lastError() const { return m_error; }
    // True while any loaded job is SYNCING, SYNCING_INDEXING or STOPPING.
    bool hasRunningJobs() const;

    SyncJob job(int row) const;
    QString executionId(int row) const;
    int rowOfExecutionId(const QString &executionId) const;
    // Row of the most recent job with status, or -1.
    int firstRowWithStatus(SyncStatus status) const;

    // Answers to pageRequested(); answers of another generation are ignored. A `stop` error
    // keeps the page's rows and ends the listing there with that error (as failPage() does):
    // the paging rule refused to follow the page's nextToken.
    void appendPage(quint64 generation, const syncdeck::qbusiness::SyncJobPage &page,
                    const syncdeck::qbusiness::AwsError &stop = {});
    void failPage(quint64 generation, const syncdeck::qbusiness::AwsError &error);
    // After failPage(): request the same page again.
    void retry();
    // Live refresh: updates loaded jobs in place (merged by executionId, dataChanged only) and
    // inserts jobs not loaded yet at the top (they are newer than every loaded job).
    void mergeJobs(const QList<syncdeck::qbusiness::SyncJob> &jobs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString statusText(const QString &wire);
    static QString durationText(qint64 msecs);

signals:
    // Asks for one page: request has the filters and the nextToken to send.
    void pageRequested(quint64 generation, const syncdeck::qbusiness::ListSyncJobsRequest &request);
    void jobsAppended(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void jobsUpdated(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    // A job seen running before is now in a final status.
    void jobFinished(const syncdeck::qbusiness::SyncJob &job);
    void loadingChanged(bool loading);
    void pageFailed(const syncdeck::qbusiness::AwsError &error);
    // A page was kept with jobs whose values could not all be read (SyncJobPage::problems).
    void pageHadProblems(const QStringList &problems);
    // Rows, hasMore, loading or error changed: status bars and empty states re-read the model.
    void stateChanged();

private:
    using Row = PackedSyncJobs::Row;

    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    int problemColumn(const Row &row) const;
    QList<SyncJob> unshown(const QList<SyncJob> &cached);
    void setInFlight(bool inFlight);
    void requestPage();

    ListSyncJobsRequest m_request;
    bool m_active = false;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_firstPageLoaded = false;
    QString m_nextToken;
    AwsError m_error;

    PackedSyncJobs m_jobs;
    // Execution ids inserted by mergeJobs() or shown from the cache: a later page may list them
    // again. A set, so that a page is checked in linear time however many there are.
    QSet<QString> m_mergedIds;
    QSet<QString> m_keptLocally;
    QList<SyncJob> m_unannounced; // cached parts appended, jobsAppended() still to come
};

} // namespace syncdeck::qbusiness
