#include "reportreader.h"

#include "logs/client.h"
#include "logs/logscodec.h"
#include "logs/logserror.h"
#include "logs/paginator.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace syncdeck::report {

namespace {
QString recentKey(const logs::LogEvent &e)
{
    if (!e.eventId.isEmpty())
        return e.eventId;
    return QString::number(e.timestamp) + u':' + QString::number(qHash(e.message), 16);
}
} // namespace

ReportReader::ReportReader(logs::Client *client, RunReportTarget target, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_target(std::move(target))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ReportReader::beginSweep);
}

ReportReader::~ReportReader()
{
    if (m_check) {
        m_check->disconnect(this);
        m_check->abort();
    }
}

void ReportReader::setSource(ReportSource source)
{
    m_source = source;
}

void ReportReader::setStatusFilter(const QList<DocumentStatus> &statuses)
{
    m_statusFilter = statuses;
}

QString ReportReader::filterPattern() const
{
    if (m_statusFilter.isEmpty() || m_source != ReportSource::RunReport || m_legacy)
        return {};
    // The status is an object with Status, or (defensively) a plain string.
    QStringList terms;
    for (const DocumentStatus s : m_statusFilter) {
        const QString wire = documentStatusToWire(s);
        if (wire.isEmpty())
            continue;
        terms << QStringLiteral("($.ConnectorDocumentStatus.Status = \"%1\")").arg(wire)
              << QStringLiteral("($.ConnectorDocumentStatus = \"%1\")").arg(wire);
    }
    return terms.isEmpty()
        ? QString()
        : QStringLiteral("{ ") + terms.join(QStringLiteral(" || ")) + QStringLiteral(" }");
}

void ReportReader::setPageSize(int limit)
{
    m_pageSize = std::max(0, limit);
}

void ReportReader::setMaxEvents(qint64 maxEvents)
{
    m_maxEvents = std::max<qint64>(0, maxEvents);
}

bool ReportReader::setStartingToken(const QString &token, QString *error)
{
    // The paginator judges the token; a throwaway one checks it now, so the caller can refuse
    // the command line before anything is sent.
    aws::Paginator probe({}, {});
    if (!probe.setStartingToken(token, error))
        return false;
    m_startingToken = token;
    return true;
}

void ReportReader::setFollow(bool follow)
{
    m_follow = follow;
}

void ReportReader::setPollInterval(int ms)
{
    m_pollIntervalMs = std::max(1, ms);
}

void ReportReader::setSettleTime(int ms)
{
    m_settleMs = std::max(0, ms);
}

void ReportReader::setFallbackToLegacyStreams(bool fallback)
{
    m_fallback = fallback;
}

void ReportReader::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime ReportReader::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool ReportReader::following() const
{
    return m_follow && m_maxEvents == 0;
}

qint64 ReportReader::windowStartMs() const
{
    const qint64 start = m_target.windowStartMs(now());
    if (m_newest < 0)
        return start;
    return std::max(start, m_newest - PollOverlapMs);
}

void ReportReader::start()
{
    if (m_started)
        return;
    m_started = true;
    setOutcome(outcomes::reading(0));
    QMetaObject::invokeMethod(this, &ReportReader::beginSweep, Qt::QueuedConnection);
}

void ReportReader::cancel()
{
    if (m_finished)
        return;
    m_pollTimer.stop();
    clearQueue();
    if (m_check) {
        m_check->disconnect(this);
        m_check->abort();
    }
    dropPaginator();
    finish(outcomes::cancelled(m_events));
}

void ReportReader::dropPaginator()
{
    if (!m_paginator)
        return;
    m_paginator->disconnect(this);
    m_paginator->abort();
    m_paginator->deleteLater();
    m_paginator = nullptr;
}

void ReportReader::runEnded(const QDateTime &end)
{
    m_target.running = false;
    m_target.runEnd = end;
}

void ReportReader::beginSweep()
{
    if (m_finished)
        return;
    if (!m_client) {
        finish(outcomes::failed(AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                                               QStringLiteral("the CloudWatch Logs client no "
                                                              "longer exists")),
                                m_events));
        return;
    }
    logs::FilterLogEventsRequest request;
    request.logGroupName = m_target.logGroupName();
    const ReportSource source = m_legacy ? ReportSource::LegacyErrors : m_source;
    switch (source) {
    case ReportSource::RunReport:
        request.logStreamNames = {m_target.reportStreamName()};
        break;
    case ReportSource::GroupMembership:
        request.logStreamNames = {m_target.membershipStreamName()};
        break;
    case ReportSource::LegacyErrors:
        request.logStreamNamePrefix = m_target.legacyStreamPrefix();
        break;
    }
    m_streamNames = request.logStreamNames;
    m_streamPrefix = request.logStreamNamePrefix;
    request.startTime = windowStartMs();
    request.endTime = m_target.windowEndMs();
    request.filterPattern = filterPattern();
    request.limit = m_pageSize;

    ++m_sweeps;
    m_sweepEvents = 0;
    m_sweepEnded = false;
    m_paginator
        = logs::Paginator::filterLogEvents(m_client, request, this, logs::EventReading::OnDemand);
    if (m_maxEvents > 0)
        m_paginator->setMaxItems(m_maxEvents - m_events);
    if (!m_startingToken.isEmpty()) {
        QString ignored; // checked by setStartingToken()
        m_paginator->setStartingToken(m_startingToken, &ignored);
        m_startingToken.clear();
    }
    connect(m_paginator, &aws::Paginator::pageLoaded, this, &ReportReader::onPage);
    connect(m_paginator, &aws::Paginator::finished, this, &ReportReader::onPaginatorFinished);
    m_paginator->start();
}

// A page (up to 10,000 events) joins the queue unread (its text is shared, not copied); the
// drain reads and hands it out over the next turns of the event loop.
void ReportReader::onPage(aws::ServiceCall *job, int first, int count)
{
    const auto *call = static_cast<const logs::FilterLogEventsCall *>(job);
    ++m_pages;
    if (count <= 0 || m_finished)
        return;
    m_queue.push_back({call->page.pending, first, qsizetype(first) + count});
    m_queued += count;
    updateHold();
    scheduleDrain();
}

// Posted, not timed: whatever was posted meanwhile (a repaint, input, a caller's own queued
// work) runs before the next turn.
void ReportReader::scheduleDrain()
{
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(this, &ReportReader::drain, Qt::QueuedConnection);
}

// One turn: batches until MaxEventsPerTurn events or TurnBudgetMs, each sized to fit what is
// left of the budget (at least one event a turn).
void ReportReader::drain()
{
    m_drainScheduled = false;
    QElapsedTimer turn;
    turn.start();
    constexpr qint64 BudgetNs = qint64(TurnBudgetMs) * 1000000;
    int taken = 0;
    while (!m_finished && m_queued > 0 && taken < MaxEventsPerTurn) {
        const qint64 before = turn.nsecsElapsed();
        const int size = nextBatchSize(BudgetNs - before, MaxEventsPerTurn - taken, taken == 0);
        if (size == 0)
            break;
        const int batch = deliverBatch(size);
        learnCost(turn.nsecsElapsed() - before, batch);
        taken += batch;
    }
    if (m_finished)
        return;
    updateHold();
    if (m_queued > 0)
        scheduleDrain();
    else if (m_sweepEnded)
        onSweepFinished();
}

int ReportReader::nextBatchSize(qint64 budgetLeftNs, int room, bool firstOfTurn) const
{
    qint64 size = m_nsPerEvent > 0 ? std::max<qint64>(0, budgetLeftNs) / m_nsPerEvent
                                   : qint64(FirstBatchSize);
    size = std::min<qint64>({size, BatchSize, room});
    return firstOfTurn ? std::max<int>(1, int(size)) : int(size);
}

// A dearer event counts at once (the next batch must not overrun the budget); a cheaper one
// lowers the estimate gradually, so one quick batch after a slow one does not bring a large
// batch.
void ReportReader::learnCost(qint64 ns, int events)
{
    if (events <= 0)
        return;
    const qint64 perEvent = std::max<qint64>(1, ns / events);
    m_nsPerEvent = perEvent >= m_nsPerEvent ? perEvent : (3 * m_nsPerEvent + perEvent) / 4;
}

// Takes up to `max` events off the queue and hands out those of the report; returns how many
// were taken. An event that cannot be read ends the read after those before it.
int ReportReader::deliverBatch(int max)
{
    QList<ReportEvent> batch;
    batch.reserve(std::min<qint64>(max, m_queued));
    int taken = 0;
    QString unreadable;
    while (taken < max && !m_queue.empty()) {
        QueuedPage &page = m_queue.front();
        logs::LogEvent e;
        if (!logs::codec::readPendingEvent(page.events, page.next, &e, &unreadable))
            break;
        if (accept(e))
            batch.append(parseReportEvent(e));
        ++taken;
        if (++page.next == page.end)
            m_queue.pop_front();
    }
    m_queued -= taken;
    if (!batch.isEmpty()) {
        m_events += batch.size();
        m_sweepEvents += batch.size();
        if (m_outcome.status == ReportStatus::Reading)
            m_outcome.eventsRead = m_events;
        emit eventsRead(batch); // a slot may cancel: the caller checks m_finished
    }
    if (!unreadable.isEmpty() && !m_finished)
        failOnEvent(unreadable);
    return taken;
}

// Whether an event is part of the report: from a stream asked for, and (following) not one
// delivered by an earlier poll.
bool ReportReader::accept(const logs::LogEvent &e)
{
    const bool asked = m_streamNames.isEmpty() ? e.logStreamName.startsWith(m_streamPrefix)
                                               : m_streamNames.contains(e.logStreamName);
    if (!asked) {
        ++m_foreign;
        return false;
    }
    if (!following())
        return true;
    const QString key = recentKey(e);
    if (m_recent.contains(key))
        return false;
    m_recent.insert(key, e.timestamp);
    m_newest = std::max(m_newest, e.timestamp);
    return true;
}

// An event whose envelope is not a log event (the answer broke the protocol): the read stops
// there, as it does when a whole page cannot be read.
void ReportReader::failOnEvent(const QString &error)
{
    dropPaginator();
    finish(outcomes::failed(
        AwsError::make(
            AwsError::Kind::Client, QStringLiteral("MalformedResponse"),
            QStringLiteral("the FilterLogEvents response could not be read: %1").arg(error),
            QStringLiteral("Check that the endpoint is a CloudWatch Logs endpoint.")),
        m_events));
}

void ReportReader::updateHold()
{
    if (m_paginator)
        m_paginator->setHeld(m_queued >= MaxQueuedEvents);
}

void ReportReader::clearQueue()
{
    m_queue.clear();
    m_queued = 0;
}

void ReportReader::pruneRecent()
{
    const qint64 keepFrom = m_newest - PollOverlapMs;
    for (auto it = m_recent.begin(); it != m_recent.end();) {
        if (it.value() < keepFrom)
            it = m_recent.erase(it);
        else
            ++it;
    }
}

// The sweep's outcome is decided once every event it received has been handed out.
void ReportReader::onPaginatorFinished()
{
    m_sweepEnded = true;
    if (m_queued == 0)
        onSweepFinished();
}

void ReportReader::onSweepFinished()
{
    m_sweepEnded = false;
    logs::Paginator *p = m_paginator;
    m_paginator = nullptr;
    p->deleteLater();
    if (m_finished)
        return;
    pruneRecent();
    const AwsError error = p->error();
    if (error.isError()) {
        // Where to resume after the events delivered (the CLI prints it).
        if (m_events > 0)
            m_resumeToken = p->resumeToken();
        const ReportOutcome o = outcomes::forError(m_target, error, m_events, now());
        // A running job's stream may appear any moment: keep watching for it.
        if (o.status == ReportStatus::NoLogStream && following() && m_target.running) {
            setOutcome(o);
            afterSweep(false);
            return;
        }
        if (o.status == ReportStatus::NoLogStream && m_fallback && !m_legacy
            && m_source == ReportSource::RunReport && m_events == 0) {
            m_legacy = true;
            beginSweep();
            return;
        }
        if (m_legacy && o.status == ReportStatus::NoLogStream)
            finish(outcomes::noLogStream(m_target, now(), error));
        else
            finish(o);
        return;
    }
    if (m_maxEvents > 0 && !p->isComplete()) {
        m_resumeToken = p->resumeToken();
        finish(outcomes::truncated(m_events, m_resumeToken));
        return;
    }
    if (m_events == 0 && !m_streamChecked && m_source != ReportSource::LegacyErrors && !m_legacy) {
        checkStream();
        return;
    }
    if (m_legacy && m_events == 0) {
        finish(outcomes::noLogStream(m_target, now(), {}));
        return;
    }
    afterSweep(m_sweepEvents > 0);
}

// FilterLogEvents answers an empty page for a stream that does not exist (some servers) as
// for one with no events in the window; DescribeLogStreams tells them apart.
void ReportReader::checkStream()
{
    m_streamChecked = true;
    logs::DescribeLogStreamsRequest request;
    request.logGroupName = m_target.logGroupName();
    request.logStreamNamePrefix = m_source == ReportSource::GroupMembership
        ? m_target.membershipStreamName()
        : m_target.reportStreamName();
    request.limit = 5;
    m_check = m_client->describeLogStreams(request);
    connect(m_check, &aws::ServiceCall::finished, this, [this](aws::ServiceCall *call) {
        onStreamChecked(static_cast<logs::DescribeLogStreamsCall *>(call));
    });
    m_check->start();
}

void ReportReader::onStreamChecked(logs::DescribeLogStreamsCall *call)
{
    m_check = nullptr;
    if (m_finished)
        return;
    const AwsError &error = call->error();
    const logs::ErrorKind kind = logs::errorKind(error);
    if (kind == logs::ErrorKind::LogGroupNotFound) {
        finish(outcomes::noLogGroup(m_target, error));
        return;
    }
    if (error.isError()) {
        const QString why = kind == logs::ErrorKind::AccessDenied
            ? QStringLiteral("logs:DescribeLogStreams is not allowed (%1).").arg(error.message)
            : error.message;
        setOutcome(outcomes::empty(m_target, filterPattern(), why));
        afterSweep(false);
        return;
    }
    const QString wanted = call->request.logStreamNamePrefix;
    bool exists = false;
    for (const logs::LogStream &s : call->page.logStreams)
        exists = exists || s.logStreamName == wanted;
    if (exists) {
        setOutcome(outcomes::empty(m_target, filterPattern(), {}));
        afterSweep(false);
        return;
    }
    if (following() && m_target.running) {
        setOutcome(outcomes::noLogStream(m_target, now(), {}));
        afterSweep(false);
        return;
    }
    if (m_fallback && m_source == ReportSource::RunReport) {
        m_legacy = true;
        beginSweep();
        return;
    }
    finish(outcomes::noLogStream(m_target, now(), {}));
}

// A sweep read to the current end: finish, or (following) poll again.
void ReportReader::afterSweep(bool newEvents)
{
    const bool stillGoing = m_target.running
        || (m_target.runEnd.isValid() && m_target.runEnd.msecsTo(now()) < m_settleMs);
    if (!following() || !(stillGoing || newEvents)) {
        if (m_outcome.status == ReportStatus::Reading || m_outcome.status == ReportStatus::Following
            || m_events > 0)
            finish(outcomes::complete(m_target, m_events, m_legacy));
        else
            finish(m_outcome); // Empty / NoLogStream, as decided
        return;
    }
    if (m_events > 0 || m_outcome.status == ReportStatus::Reading)
        setOutcome(outcomes::following(m_target, m_events));
    emit caughtUp();
    m_pollTimer.start(m_pollIntervalMs);
}

void ReportReader::setOutcome(const ReportOutcome &outcome)
{
    m_outcome = outcome;
    emit outcomeChanged(m_outcome);
}

void ReportReader::finish(const ReportOutcome &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    clearQueue();
    m_recent.clear();
    setOutcome(outcome);
    emit finished();
}

} // namespace syncdeck::report
