#include "syncjobloader.h"

#include "client.h"
#include "syncjobmodel.h"

#include <utility>

namespace syncdeck::qbusiness {
namespace {
// Pages that arrive while loading all reach the model at most once per frame (60 Hz): inserting
// rows and redrawing charts per 10-row page cost twenty times the network time.
constexpr int DeliverIntervalMs = 16;
// And in batches that grow with the history: every delivery refreshes what is computed over all
// rows held (charts, KPIs, streaks), so a batch of at least an eighth of them keeps Load all
// linear in the rows instead of quadratic; rows that arrived are shown at least once a second.
// Up to a cap: a batch is inserted into the table and merged into the charts' history in one
// turn of the event loop, so past 8 x the cap the batches stop growing (the charts' own work
// follows on later turns).
constexpr int BatchShareOfRows = 8;
constexpr int MaxHoldMs = 1000;
} // namespace

SyncJobLoader::SyncJobLoader(SyncJobModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_deliverTimer.setSingleShot(true);
    m_deliverTimer.setInterval(DeliverIntervalMs);
    connect(&m_deliverTimer, &QTimer::timeout, this, &SyncJobLoader::deliverWhenWorthIt);
    m_sinceDelivery.start();
    m_pollTimer.setSingleShot(true);
    m_rule.setMaxEmptyPages(MaxEmptyPages);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncJobLoader::pollNow);
    connect(model, &SyncJobModel::pageRequested, this, &SyncJobLoader::requestPage);
    connect(model, &SyncJobModel::stateChanged, this, &SyncJobLoader::modelStateChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // A new listing: answers to the old one are useless, and so is a poll of it. Someone
        // connected before us (a view, the model tester) may already have asked for the new
        // listing's first page: that one stays.
        if (m_model && m_pageGeneration != m_model->generation())
            abortPageJob();
        m_arrived.clear();
        m_arrivedRows = 0;
        m_aheadError = {};
        m_deliverTimer.stop();
        if (m_pollJob)
            m_pollJob->abort();
        m_interval = m_baseInterval;
        m_pollTimer.stop();
        if (m_loadingAll) {
            m_loadingAll = false;
            emit loadAllFinished(true);
        }
    });
}

SyncJobLoader::~SyncJobLoader()
{
    abortPageJob();
    if (m_pollJob)
        m_pollJob->abort();
}

void SyncJobLoader::setClient(Client *client)
{
    if (m_client == client)
        return;
    abortPageJob();
    m_arrived.clear();
    m_aheadError = {};
    m_deliverTimer.stop();
    if (m_pollJob)
        m_pollJob->abort();
    m_pollTimer.stop();
    m_client = client;
}

void SyncJobLoader::setPollIntervals(int baseMs, int maxMs)
{
    m_baseInterval = qMax(1, baseMs);
    m_maxInterval = qMax(m_baseInterval, maxMs);
    m_interval = m_baseInterval;
    if (m_pollTimer.isActive())
        m_pollTimer.start(m_interval);
}

void SyncJobLoader::loadAll()
{
    if (!m_model || !m_model->isActive())
        return;
    m_loadingAll = true;
    if (!m_model->hasMore()) {
        m_loadingAll = false;
        emit loadAllFinished(false);
        return;
    }
    if (m_model->lastError().isError())
        m_model->retry();
    else
        m_model->fetchMore({});
}

void SyncJobLoader::cancelLoadAll()
{
    if (!m_loadingAll)
        return;
    m_loadingAll = false;
    // What arrived is kept. The model waits for the oldest page on its way: with pages
    // delivered now, that was the page asked for ahead, which nobody wants any more.
    const bool delivered = !m_arrived.isEmpty();
    m_deliverTimer.stop();
    deliverArrived();
    if (delivered)
        abortPageJob();
    m_aheadError = {};
    emit loadAllFinished(true);
}

void SyncJobLoader::requestPage(quint64 generation, const ListSyncJobsRequest &request)
{
    if (generation == m_pageGeneration && request.nextToken == m_pageToken) {
        // The page asked for ahead: it is on its way, or it failed.
        if (m_pageJob)
            return;
        if (m_aheadError.isError()) {
            const AwsError error = std::exchange(m_aheadError, {});
            QMetaObject::invokeMethod(
                this,
                [this, generation, error] {
                    if (m_model)
                        m_model->failPage(generation, error);
                    if (m_loadingAll) {
                        m_loadingAll = false;
                        emit loadAllFinished(true);
                    }
                },
                Qt::QueuedConnection);
            return;
        }
    }
    abortPageJob();
    if (!m_client) {
        AwsError error;
        error.kind = AwsError::Kind::Client;
        error.message = tr("Not connected: choose a profile first.");
        // Answer after the model's own emit returned, as a real call would.
        QMetaObject::invokeMethod(
            this,
            [this, generation, error] {
                if (m_model)
                    m_model->failPage(generation, error);
            },
            Qt::QueuedConnection);
        return;
    }
    startPageCall(generation, request);
}

void SyncJobLoader::startPageCall(quint64 generation, const ListSyncJobsRequest &request)
{
    if (generation != m_ruleGeneration) {
        m_rule.reset();
        m_ruleGeneration = generation;
        m_pages = 0;
        m_items = 0;
    }
    // The model marks a value it cannot read and keeps the job's others (SyncJob::problem).
    ListSyncJobsRequest keeping = request;
    keeping.keepJobsWithProblems = true;
    ListSyncJobsCall *job = m_client->listDataSourceSyncJobs(keeping);
    m_pageJob = job;
    m_pageGeneration = generation;
    m_pageToken = request.nextToken;
    connect(job, &Call::finished, this, [this, generation, sent = request.nextToken](Call *j) {
        pageFinished(static_cast<ListSyncJobsCall *>(j), generation, sent);
    });
    job->start();
}

AwsError SyncJobLoader::pagingStop(quint64 generation, const QString &sentToken,
                                   const SyncJobPage &page)
{
    AwsError stop;
    if (generation != m_ruleGeneration)
        return stop;
    ++m_pages;
    m_items += page.history.size();
    switch (m_rule.observe(sentToken, int(page.history.size()), page.nextToken)) {
    case aws::PagingRule::Verdict::Repeated:
        stop = aws::PagingRule::repeatedTokenError(m_pages, m_items);
        break;
    case aws::PagingRule::Verdict::TooManyEmpty:
        stop = aws::PagingRule::tooManyEmptyPagesError(m_rule.emptyPagesInARow(), m_pages, m_items);
        break;
    case aws::PagingRule::Verdict::Last:
    case aws::PagingRule::Verdict::GoesOn:
        break;
    }
    if (stop.isError()) {
        // The window has no starting token to resume with; what it can do is reload.
        stop.nextStep = tr("The jobs listed so far are shown. Report this to the service "
                           "owner; Refresh lists the data source again from the first page.");
    }
    return stop;
}

void SyncJobLoader::pageFinished(ListSyncJobsCall *job, quint64 generation,
                                 const QString &sentToken)
{
    if (m_pageJob == job)
        m_pageJob = nullptr;
    if (!m_model || job->error().kind == AwsError::Kind::Aborted)
        return;
    if (job->error().isError() && !m_arrived.isEmpty()) {
        // The pages before it are delivered first; the model then asks for this one.
        m_aheadError = job->error();
        m_deliverTimer.stop();
        deliverArrived();
        return;
    }
    if (job->error().isError()) {
        m_model->failPage(generation, job->error());
        if (m_loadingAll) {
            m_loadingAll = false;
            emit loadAllFinished(true);
        }
        return;
    }
    const AwsError stop = pagingStop(generation, sentToken, job->page);
    if (!m_loadingAll || generation != m_model->generation()) {
        m_model->appendPage(generation, job->page, stop);
        return;
    }
    m_arrived.append(job->page);
    m_arrivedRows += job->page.history.size();
    if (stop.isError()) {
        m_deliverTimer.stop();
        deliverArrived(stop);
        return;
    }
    if (!job->page.nextToken.isEmpty())
        requestAhead(generation, job->page.nextToken);
    if (!m_deliverTimer.isActive())
        m_deliverTimer.start();
}

void SyncJobLoader::requestAhead(quint64 generation, const QString &token)
{
    if (!m_client)
        return;
    ListSyncJobsRequest request = m_model->request();
    request.nextToken = token;
    startPageCall(generation, request);
}

void SyncJobLoader::deliverWhenWorthIt()
{
    const bool last = !m_arrived.isEmpty() && m_arrived.constLast().nextToken.isEmpty();
    const qsizetype held = m_model ? m_model->rowCount() : 0;
    const qsizetype worthIt
        = std::min<qsizetype>((held + BatchShareOfRows - 1) / BatchShareOfRows, m_maxBatchRows);
    if (!last && m_arrivedRows < worthIt && m_sinceDelivery.elapsed() < MaxHoldMs) {
        m_deliverTimer.start();
        return;
    }
    deliverArrived();
}

void SyncJobLoader::deliverArrived(const AwsError &stop)
{
    if (!m_model || m_arrived.isEmpty())
        return;
    m_arrivedRows = 0;
    m_sinceDelivery.restart();
    SyncJobPage page;
    page.nextToken = m_arrived.constLast().nextToken;
    qsizetype rows = 0;
    for (const SyncJobPage &p : std::as_const(m_arrived))
        rows += p.history.size();
    page.history.reserve(rows);
    for (const SyncJobPage &p : std::as_const(m_arrived))
        page.history.append(p.history);
    m_arrived.clear();
    m_model->appendPage(m_model->generation(), page, stop);
    // The model asks for the page after these, which is already on its way (or failed).
    if (!stop.isError() && m_loadingAll && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void SyncJobLoader::modelStateChanged()
{
    if (!m_model)
        return;
    schedulePoll();
    if (!m_loadingAll)
        return;
    emit loadAllProgressed(m_model->rowCount());
    if (!m_model->hasMore() || m_model->lastError().isError()) {
        // A failed or stopped page ends "Load all" (its error is the model's); Retry resumes.
        const bool stopped = m_model->lastError().isError();
        m_loadingAll = false;
        emit loadAllFinished(stopped);
        return;
    }
    // Queued: one page per event-loop turn keeps the window responsive while thousands load.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_loadingAll && m_model && m_model->canFetchMore({}))
                m_model->fetchMore({});
        },
        Qt::QueuedConnection);
}

void SyncJobLoader::pollNow()
{
    m_pollTimer.stop();
    if (!m_model || !m_client || !m_model->isActive() || m_pollJob)
        return;
    ListSyncJobsRequest request = m_model->request();
    request.nextToken.clear();
    request.keepJobsWithProblems = true;
    ListSyncJobsCall *job = m_client->listDataSourceSyncJobs(request);
    m_pollJob = job;
    const quint64 generation = m_model->generation();
    connect(job, &Call::finished, this, [this, generation](Call *j) {
        pollFinished(static_cast<ListSyncJobsCall *>(j), generation);
    });
    job->start();
}

void SyncJobLoader::pollFinished(ListSyncJobsCall *job, quint64 generation)
{
    if (m_pollJob == job)
        m_pollJob = nullptr;
    if (!m_model || job->error().kind == AwsError::Kind::Aborted
        || generation != m_model->generation())
        return;
    if (job->error().isError()) {
        // Back off on errors too, and say so; the next poll may succeed.
        m_interval = qMin(m_maxInterval, m_interval * 2);
        emit pollFailed(job->error());
        schedulePoll();
        return;
    }
    const int before = m_model->rowCount();
    bool changed = false;
    const QMetaObject::Connection c
        = connect(m_model, &SyncJobModel::jobsUpdated, this, [&changed] { changed = true; });
    m_model->mergeJobs(job->page.history);
    disconnect(c);
    changed = changed || m_model->rowCount() != before;
    m_interval = changed ? m_baseInterval : qMin(m_maxInterval, m_interval + m_interval / 2);
    emit pollSucceeded();
    schedulePoll();
}

void SyncJobLoader::schedulePoll()
{
    if (!m_model || !m_client || !m_model->hasRunningJobs()) {
        m_pollTimer.stop();
        return;
    }
    if (!m_pollTimer.isActive() && !m_pollJob)
        m_pollTimer.start(m_interval);
}

void SyncJobLoader::abortPageJob()
{
    m_pageToken.clear();
    m_pageGeneration = 0;
    if (ListSyncJobsCall *job = m_pageJob.data()) {
        m_pageJob = nullptr;
        job->abort();
    }
}

} // namespace syncdeck::qbusiness
