#pragma once

#include "awserror.h"
#include "client.h"
#include "types.h"

#include "aws/pagingrule.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace syncdeck::qbusiness {

class SyncJobModel;

// Feeds a SyncJobModel from the service: answers its page requests with
// ListDataSourceSyncJobs calls, loads everything on request ("Load all", cancellable), and keeps
// running jobs fresh by polling the first page while any loaded job is still running. Pages obey
// aws::PagingRule, as every listing does: a repeated nextToken or too many empty pages stop the
// listing with the model's error (the rows received so far stay), so neither the table's
// scrolling nor "Load all" can loop against a broken server.
//
// While loading all, the next page is requested as soon as a page arrives (the CLI paginator's
// habit), and the pages that arrived are handed to the model together once per frame: one row
// insert and one chart refresh per frame, not per page.
class SyncJobLoader : public QObject
{
    Q_OBJECT
public:
    explicit SyncJobLoader(SyncJobModel *model, QObject *parent = nullptr);
    ~SyncJobLoader() override;

    // The client to call; nullptr stops everything. Not owned.
    void setClient(Client *client);
    Client *client() const { return m_client; }

    // Live refresh: first poll after baseMs, backing off by half up to maxMs while nothing
    // changes, back to baseMs when something did. Polls only while a loaded job is running.
    void setPollIntervals(int baseMs, int maxMs);
    int currentPollInterval() const { return m_interval; }
    bool isPollScheduled() const { return m_pollTimer.isActive(); }
    bool isPolling() const { return !m_pollJob.isNull(); }

    bool isLoadingAll() const { return m_loadingAll; }
    // While loading all, arrived pages are handed to the model once they hold an eighth of the
    // rows already loaded, or this many rows (or a second passed): a long history arrives in
    // batches of about this size, each one short turn of the event loop.
    static constexpr int DefaultMaxBatchRows = 2000;
    void setMaxBatchRows(int rows) { m_maxBatchRows = std::max(1, rows); }
    // Pages in a row without jobs (each with a new nextToken) before the listing stops.
    static constexpr int MaxEmptyPages = 50;

public slots:
    void loadAll();
    void cancelLoadAll();
    // Polls the first page now (also used by Refresh-less updates after Start/Stop sync).
    void pollNow();

signals:
    void loadAllProgressed(int rows);
    void loadAllFinished(bool cancelled);
    void pollFailed(const syncdeck::qbusiness::AwsError &error);
    void pollSucceeded();

private:
    void requestPage(quint64 generation, const ListSyncJobsRequest &request);
    // Sends the call for one page of the listing `generation` (the paging rule starts over with
    // a new listing).
    void startPageCall(quint64 generation, const ListSyncJobsRequest &request);
    void pageFinished(ListSyncJobsCall *job, quint64 generation, const QString &sentToken);
    // What the paging rule says of a page received for `sentToken`; an error stops the listing.
    AwsError pagingStop(quint64 generation, const QString &sentToken, const SyncJobPage &page);
    void pollFinished(ListSyncJobsCall *job, quint64 generation);
    void modelStateChanged();
    void schedulePoll();
    void abortPageJob();
    // Loading all: asks for the page after `token` now, before the model has seen this one.
    void requestAhead(quint64 generation, const QString &token);
    // Hands the pages that arrived to the model as one, then asks for the next (unless `stop`
    // ends the listing there).
    void deliverArrived(const AwsError &stop = {});
    // The delivery timer: arrived pages go to the model when they are worth a refresh.
    void deliverWhenWorthIt();

    QPointer<SyncJobModel> m_model;
    QPointer<Client> m_client;
    QPointer<ListSyncJobsCall> m_pageJob;
    quint64 m_pageGeneration = 0; // the listing m_pageJob answers
    QString m_pageToken; // the nextToken m_pageJob was sent with
    // The paging rule of the listing of m_ruleGeneration, and what it received.
    aws::PagingRule m_rule;
    quint64 m_ruleGeneration = 0;
    int m_pages = 0;
    qint64 m_items = 0;
    // Loading all: pages that arrived but the model has not seen yet, oldest first, and a
    // failure of the page asked for ahead (answered when the model asks for that page).
    QList<SyncJobPage> m_arrived;
    qsizetype m_arrivedRows = 0;
    qsizetype m_maxBatchRows = DefaultMaxBatchRows;
    QElapsedTimer m_sinceDelivery; // since the model last received arrived pages
    AwsError m_aheadError;
    QTimer m_deliverTimer;
    QPointer<ListSyncJobsCall> m_pollJob;
    QTimer m_pollTimer;
    int m_baseInterval = 10000;
    int m_maxInterval = 120000;
    int m_interval = 10000;
    bool m_loadingAll = false;
};

} // namespace syncdeck::qbusiness
