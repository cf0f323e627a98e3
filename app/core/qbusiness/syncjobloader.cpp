#include "syncjobloader.h"

#include "client.h"
#include "syncjobmodel.h"

namespace syncdeck::qbusiness {

SyncJobLoader::SyncJobLoader(SyncJobModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
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
    emit loadAllFinished(true);
}

void SyncJobLoader::requestPage(quint64 generation, const ListSyncJobsRequest &request)
{
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
    connect(job, &Call::finished, this, [this, generation](Call *j) {
        pageFinished(static_cast<ListSyncJobsCall *>(j), generation);
    });
    job->start();
}

void SyncJobLoader::pageFinished(ListSyncJobsCall *job, quint64 generation)
{
    if (m_pageJob == job)
        m_pageJob = nullptr;
    if (!m_model || job->error().kind == AwsError::Kind::Aborted)
        return;
    if (job->error().isError()) {
        m_model->failPage(generation, job->error());
        if (m_loadingAll) {
            m_loadingAll = false;
            emit loadAllFinished(true);
        }
        return;
    }
    AwsError stop;
    if (generation == m_ruleGeneration) {
        ++m_pages;
        m_items += job->page.history.size();
        switch (m_rule.observe(m_pageToken, int(job->page.history.size()), job->page.nextToken)) {
        case aws::PagingRule::Verdict::Repeated:
            stop = aws::PagingRule::repeatedTokenError(m_pages, m_items);
            break;
        case aws::PagingRule::Verdict::TooManyEmpty:
            stop = aws::PagingRule::tooManyEmptyPagesError(m_rule.emptyPagesInARow(), m_pages,
                                                           m_items);
            break;
        case aws::PagingRule::Verdict::Last:
        case aws::PagingRule::Verdict::GoesOn:
            break;
        }
    }
    if (stop.isError()) {
        // The window has no starting token to resume with; what it can do is reload.
        stop.nextStep = tr("The jobs listed so far are shown. Report this to the service "
                           "owner; Refresh lists the data source again from the first page.");
    }
    m_model->appendPage(generation, job->page, stop);
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
    if (ListSyncJobsCall *job = m_pageJob.data()) {
        m_pageJob = nullptr;
        job->abort();
    }
}

} // namespace syncdeck::qbusiness
