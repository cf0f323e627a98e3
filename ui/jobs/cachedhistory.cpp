#include "cachedhistory.h"

#include "cache/cacherefresh.h"
#include "cache/historycache.h"
#include "qbusiness/client.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace syncdeck::ui {

using qbusiness::SyncJob;

namespace {
// Requests one refresh may send: a first refresh of a long history fills the cache over several
// opens instead of paging thousands of jobs at once (the jobs page still pages what it shows).
constexpr int RefreshBudget = 200;
// Jobs per part of a snapshot's rest: each part is one read and one insert into the view, with
// the event loop (input, repaints) running in between.
constexpr int RestChunk = 5000;

// One part of a snapshot's rest, posted at low priority: widgets post their repaints
// (UpdateRequest) at that priority too, and equal priorities keep their order, so a view paints
// what it was given before the next part arrives.
class ChunkEvent : public QEvent
{
public:
    static QEvent::Type type()
    {
        static const auto t = QEvent::Type(QEvent::registerEventType());
        return t;
    }
    explicit ChunkEvent(quint64 generation)
        : QEvent(type())
        , generation(generation)
    { }
    const quint64 generation;
};
} // namespace

CachedHistory::CachedHistory(QObject *parent)
    : QObject(parent)
{ }

CachedHistory::~CachedHistory()
{
    abort();
}

bool CachedHistory::open(const QString &directory, const cache::PruneLimits &limits)
{
    close();
    auto opened = std::make_unique<cache::HistoryCache>();
    cache::OpenOptions options;
    options.directory = directory;
    const bool ok = opened->open(options);
    m_message = opened->openReport().message;
    m_directory = directory.isEmpty() ? cache::HistoryCache::defaultDirectory() : directory;
    if (!ok)
        return false;
    if ((limits.maxBytes > 0 || limits.maxAgeDays > 0) && !opened->isReadOnly())
        opened->prune(limits, QDateTime::currentDateTimeUtc());
    m_cache = std::move(opened);
    emit stateChanged();
    return true;
}

void CachedHistory::close()
{
    abort();
    stopDelivery();
    m_cache.reset();
    m_showingCached = false;
    m_offline = false;
}

bool CachedHistory::isOpen() const
{
    return m_cache && m_cache->isOpen();
}

void CachedHistory::setClient(qbusiness::Client *client)
{
    abort();
    stopDelivery();
    m_client = client;
    m_endpoint = client ? cache::endpointIdentity(client->config()) : QString();
    m_showingCached = false;
    m_offline = false;
    emit stateChanged();
}

cache::DataSourceKey CachedHistory::keyOf(const qbusiness::ListSyncJobsRequest &request) const
{
    return {m_endpoint, request.applicationId, request.indexId, request.dataSourceId};
}

namespace {
bool covers(const QList<cache::TimeRange> &coverage, const cache::JobQuery &query)
{
    const QList<cache::RangePiece> pieces = cache::split(query.range, coverage);
    return std::all_of(pieces.cbegin(), pieces.cend(),
                       [](const cache::RangePiece &p) { return p.covered; });
}
} // namespace

bool CachedHistory::holdsCompletely(const qbusiness::ListSyncJobsRequest &request)
{
    if (!isOpen() || m_endpoint.isEmpty())
        return false;
    const cache::DataSourceKey key = keyOf(request);
    const cache::SourceState state = m_cache->sourceState(key);
    const bool refreshed = key == m_refreshedKey;
    return state.known
        && covers(refreshed ? m_heldAsOfRefresh : state.coverage, cache::JobQuery::of(request));
}

CachedHistory::Snapshot CachedHistory::snapshot(const qbusiness::ListSyncJobsRequest &request,
                                                int firstPage)
{
    Snapshot s;
    stopDelivery();
    m_showingCached = false;
    m_offline = false;
    if (!isOpen() || m_endpoint.isEmpty())
        return s;
    const cache::DataSourceKey key = keyOf(request);
    const cache::SourceState state = m_cache->sourceState(key);
    if (!state.known)
        return s;
    cache::JobQuery query = cache::JobQuery::of(request);
    s.known = true;
    s.complete = covers(state.coverage, query);
    query.limit = firstPage > 0 ? firstPage : -1;
    s.jobs = m_cache->jobs(key, query);
    s.more = query.limit > 0 && s.jobs.size() == query.limit;
    s.keptLocally = m_cache->keptLocally(key);
    s.asOf = state.refreshedAt;
    if (s.more) {
        query.offset = int(s.jobs.size());
        query.limit = RestChunk;
        m_delivery = {true, m_delivery.generation + 1, key, query};
    }
    m_keptLocally = s.keptLocally;
    m_asOf = s.asOf;
    m_showingCached = true;
    emit stateChanged();
    return s;
}

void CachedHistory::deliverRest()
{
    if (m_delivery.active)
        postChunk();
}

void CachedHistory::postChunk()
{
    QCoreApplication::postEvent(this, new ChunkEvent(m_delivery.generation), Qt::LowEventPriority);
}

void CachedHistory::customEvent(QEvent *event)
{
    if (event->type() != ChunkEvent::type())
        return QObject::customEvent(event);
    if (m_delivery.active && static_cast<ChunkEvent *>(event)->generation == m_delivery.generation)
        deliverChunk();
}

// Jobs the cache gained meanwhile above the offset (a refresh's merge) push jobs already
// delivered into the next part: the view skips those, so nothing is lost or shown twice.
void CachedHistory::deliverChunk()
{
    const QList<SyncJob> jobs
        = isOpen() ? m_cache->jobs(m_delivery.key, m_delivery.query) : QList<SyncJob>();
    m_delivery.query.offset += int(jobs.size());
    const bool more = jobs.size() == m_delivery.query.limit;
    emit restLoaded(jobs, more);
    if (more) {
        postChunk();
        return;
    }
    m_delivery.active = false;
    emit snapshotLoaded();
    emit stateChanged();
    // What a refresh changed meanwhile, now that the whole history is shown.
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const std::function<void()> &signal : held)
        signal();
}

// A new snapshot (or none) replaces what is shown: the rest of the last one and the changes held
// for it no longer apply.
void CachedHistory::stopDelivery()
{
    m_delivery.active = false;
    m_held.clear();
    m_finishHeld = false;
}

void CachedHistory::emitInOrder(std::function<void()> signal)
{
    if (m_delivery.active)
        m_held.append(std::move(signal));
    else
        signal();
}

void CachedHistory::refresh(const qbusiness::ListSyncJobsRequest &request)
{
    abort();
    m_refreshedKey = {};
    m_heldAsOfRefresh.clear();
    if (!isOpen() || !m_client || m_cache->isReadOnly())
        return;
    m_request = request;
    cache::RefreshOptions options;
    options.maxRequests = RefreshBudget;
    m_refresh = std::make_unique<cache::CacheRefresh>(m_cache.get(), m_client, request, options);
    connect(m_refresh.get(), &cache::CacheRefresh::jobsAdded, this,
            [this](const QList<SyncJob> &jobs) {
                const QList<SyncJob> shown = matching(jobs);
                if (!shown.isEmpty())
                    emitInOrder([this, shown] { emit jobsAdded(shown); });
            });
    connect(m_refresh.get(), &cache::CacheRefresh::jobsUpdated, this,
            [this](const QList<SyncJob> &jobs) {
                bool relisted = false;
                for (const SyncJob &job : jobs)
                    relisted = m_keptLocally.remove(job.executionId) || relisted;
                if (relisted)
                    emitInOrder([this, kept = m_keptLocally] { emit keptLocallyChanged(kept); });
                const QList<SyncJob> shown = matching(jobs);
                if (!shown.isEmpty())
                    emitInOrder([this, shown] { emit jobsUpdated(shown); });
            });
    connect(m_refresh.get(), &cache::CacheRefresh::jobsKeptLocally, this,
            [this](const QStringList &ids) {
                for (const QString &id : ids)
                    m_keptLocally.insert(id);
                emitInOrder([this, kept = m_keptLocally] { emit keptLocallyChanged(kept); });
            });
    connect(m_refresh.get(), &cache::CacheRefresh::finished, this,
            &CachedHistory::onRefreshFinished);
    m_refresh->start();
    emit stateChanged();
}

void CachedHistory::abort()
{
    if (!m_refresh)
        return;
    // Its finished() must not reach us any more: this refresh is over for the window.
    m_refresh->disconnect(this);
    m_refresh->abort();
    m_refresh.release()->deleteLater();
}

QList<SyncJob> CachedHistory::matching(const QList<SyncJob> &jobs) const
{
    const cache::JobQuery query = cache::JobQuery::of(m_request);
    QList<SyncJob> out;
    for (const SyncJob &job : jobs) {
        if (!query.statusFilter.isEmpty() && job.status != query.statusFilter)
            continue;
        if (query.range.contains(cache::msOf(job.startTime)))
            out.append(job);
    }
    return out;
}

void CachedHistory::onRefreshFinished()
{
    std::unique_ptr<cache::CacheRefresh> done = std::move(m_refresh);
    const qbusiness::AwsError error = done->error();
    m_refreshedKey = done->key();
    m_heldAsOfRefresh = done->heldCoverage();
    if (done->isCurrent()) {
        m_asOf = done->refreshedAt();
        m_showingCached = false;
    }
    // Offline only means something when the cached history is what is shown.
    m_offline = m_showingCached
        && (error.kind == qbusiness::AwsError::Kind::Network
            || error.kind == qbusiness::AwsError::Kind::Timeout);
    done.release()->deleteLater(); // we are inside its signal
    // Still "refreshing" for whoever waits for refreshFinished() while it is held back.
    m_finishHeld = m_delivery.active;
    emitInOrder([this, error] {
        m_finishHeld = false;
        emit refreshFinished(error);
    });
    emit stateChanged();
}

QString CachedHistory::asOfText(const QDateTime &now, bool withAge) const
{
    if (!m_asOf.isValid())
        return tr("never refreshed");
    const QDateTime local = m_asOf.toLocalTime();
    const QString format = local.date() == now.toLocalTime().date()
        ? QStringLiteral("HH:mm")
        : QStringLiteral("yyyy-MM-dd HH:mm");
    const QString when = tr("as of %1").arg(local.toString(format));
    if (!withAge)
        return when;
    const qint64 minutes = qMax<qint64>(0, m_asOf.secsTo(now) / 60);
    const QString age = minutes < 60 ? tr("%n min ago", nullptr, int(minutes))
        : minutes < 48 * 60          ? tr("%1 h %2 min ago").arg(minutes / 60).arg(minutes % 60)
                                     : tr("%n days ago", nullptr, int(minutes / (24 * 60)));
    return tr("%1 (%2)").arg(when, age);
}

QString CachedHistory::statusText(const QDateTime &now) const
{
    if (m_offline)
        return tr("Offline: cached, %1").arg(asOfText(now, true));
    if (!m_showingCached)
        return {};
    if (isRefreshing())
        return tr("cached, %1 — refreshing…").arg(asOfText(now, false));
    return tr("cached, %1 — refresh failed").arg(asOfText(now, false));
}

bool CachedHistory::clearAll()
{
    abort();
    return isOpen() && m_cache->clearAll();
}

bool CachedHistory::clearDataSource(const qbusiness::ListSyncJobsRequest &request)
{
    abort();
    return isOpen() && m_cache->clearDataSource(keyOf(request));
}

QString CachedHistory::errorString() const
{
    return m_cache ? m_cache->errorString() : m_message;
}

} // namespace syncdeck::ui
