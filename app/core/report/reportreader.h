#pragma once

#include "reportevent.h"
#include "reportoutcome.h"
#include "runreporttarget.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace syncdeck::logs {
class Client;
class DescribeLogStreamsCall;
class Paginator;
} // namespace syncdeck::logs

namespace syncdeck::aws {
class ServiceCall;
}

namespace syncdeck::report {

// Which streams of the application's log group to read for a run.
enum class ReportSource : quint8 {
    RunReport, // SYNC_RUN_HISTORY_REPORT/{dataSourceId}/{executionId}
    GroupMembership, // GROUP_MEMBERSHIP/{dataSourceId}/{executionId}
    LegacyErrors, // every {dataSourceId}/... stream within the run's window
};

// Reads the report of one run from CloudWatch Logs with FilterLogEvents, within the run's time
// window (start - 5 min .. end + 5 min, open-ended while the run is going), streaming: each page
// is parsed and handed out with eventsRead() as it arrives, and nothing is kept afterwards, so
// a caller that writes events out (the CLI) runs in constant memory. Requests go one at a time,
// paced by the Logs client; the paging rules are aws::Paginator's.
//
// Every way a read ends is an outcome (ReportOutcome): no log group, no stream (checked with
// DescribeLogStreams when the stream reads empty, since FilterLogEvents may answer an empty
// page for a missing stream), empty, denied, throttled, truncated, cancelled, failed. With
// fallback on (the default), a run without a report stream is read from the older per-data-
// source error streams instead.
//
// Following (setFollow) a running job: after reading to the current end the reader emits
// caughtUp() and polls again every pollInterval, from the newest event seen (with an overlap,
// dropping events it already delivered), until runEnded() and a settle time have passed.
//
// Received pages wait in a queue and are handed out from the event loop, a few batches per
// turn (at most MaxEventsPerTurn events, for about TurnBudgetMs, the slots' work included; each
// batch sized by what an event has cost so far, so the last one ends near the budget rather
// than a whole batch past it), so a window stays responsive while a 10,000-event page is taken
// in; while more than MaxQueuedEvents wait, no further page is asked for (backpressure), so
// memory stays bounded whatever the network's speed.
//
// Contract: start() is queued; eventsRead() comes in order, in batches of at most BatchSize
// events, never more than MaxEventsPerTurn in one turn of the event loop; every event the
// service sent for the report is handed out exactly once; finished() fires once, after the last
// eventsRead(); outcome() is valid at any time and final after finished().
class ReportReader : public QObject
{
    Q_OBJECT
public:
    ReportReader(logs::Client *client, RunReportTarget target, QObject *parent = nullptr);
    ~ReportReader() override;

    const RunReportTarget &target() const { return m_target; }
    void setSource(ReportSource source);
    ReportSource source() const { return m_source; }
    // Only events with these statuses, chosen by the service (a filter pattern), for the run
    // report; empty: every event. Unreadable events never match a pattern.
    void setStatusFilter(const QList<DocumentStatus> &statuses);
    QString filterPattern() const;
    void setPageSize(int limit); // FilterLogEvents limit (1..10,000); 0: the service's
    void setMaxEvents(qint64 maxEvents); // 0: no limit; beyond it: Truncated, resumable
    // Resumes a read cut by setMaxEvents (the token of resumeToken()); false with *error for a
    // token that is not one.
    bool setStartingToken(const QString &token, QString *error);
    void setFollow(bool follow);
    void setPollInterval(int ms);
    // After runEnded(): keep polling this long past the run's end (late deliveries).
    void setSettleTime(int ms);
    void setFallbackToLegacyStreams(bool fallback);
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock);

    void start();
    void cancel();
    // The run ended (while following): the window closes at end + 5 minutes.
    void runEnded(const QDateTime &end);

    bool isFinished() const { return m_finished; }
    bool isFollowing() const { return m_outcome.status == ReportStatus::Following; }
    const ReportOutcome &outcome() const { return m_outcome; }
    qint64 eventCount() const { return m_events; }
    int pageCount() const { return m_pages; }
    int sweepCount() const { return m_sweeps; }
    // After a Truncated outcome, or an error after some events: where to resume (else empty).
    QString resumeToken() const { return m_resumeToken; }
    // Events the service sent from streams that were not asked for (some servers, such as
    // moto, ignore logStreamNamePrefix); they are not part of the report and are left out.
    qint64 foreignEventCount() const { return m_foreign; }
    // True when the events came from the older error streams (the fallback).
    bool readLegacyStreams() const { return m_legacy; }
    // Epoch ms of the window of the next request.
    qint64 windowStartMs() const;
    std::optional<qint64> windowEndMs() const { return m_target.windowEndMs(); }

    // eventsRead() hands out at most this many events at a time,
    static constexpr int BatchSize = 250;
    // and at most this many in one turn of the event loop, batches stopping once a turn has
    // taken TurnBudgetMs. Each batch is as large as the rest of the budget allows at the cost
    // an event has had so far (at least one event a turn); the first of a read, before any cost
    // is known, has FirstBatchSize events.
    static constexpr int MaxEventsPerTurn = 1000;
    static constexpr int TurnBudgetMs = 8;
    static constexpr int FirstBatchSize = 50;
    // Received events waiting to be handed out beyond which no further page is asked for.
    static constexpr int MaxQueuedEvents = 10000;
    qint64 queuedEventCount() const { return m_queued; }
    static constexpr int DefaultPollIntervalMs = 10000;
    static constexpr int DefaultSettleTimeMs = 120000;
    // How far back each poll reaches before the newest event seen (late ingestion).
    static constexpr qint64 PollOverlapMs = 2000;

signals:
    void eventsRead(const QList<syncdeck::report::ReportEvent> &events);
    void outcomeChanged(const syncdeck::report::ReportOutcome &outcome);
    // Following: read to the current end; the next poll is scheduled.
    void caughtUp();
    void finished();

private:
    void beginSweep();
    void onPage(aws::ServiceCall *job, int first, int count);
    void scheduleDrain();
    void drain();
    int deliverBatch(int max);
    int nextBatchSize(qint64 budgetLeftNs, int room, bool firstOfTurn) const;
    void learnCost(qint64 ns, int events);
    bool accept(const logs::LogEvent &e);
    void failOnEvent(const QString &error);
    void dropPaginator();
    void updateHold();
    void clearQueue();
    void onPaginatorFinished();
    void onSweepFinished();
    void checkStream();
    void onStreamChecked(logs::DescribeLogStreamsCall *call);
    void afterSweep(bool newEvents);
    void setOutcome(const ReportOutcome &outcome);
    void finish(const ReportOutcome &outcome);
    bool following() const;
    QDateTime now() const;
    void pruneRecent();

    QPointer<logs::Client> m_client;
    RunReportTarget m_target;
    ReportSource m_source = ReportSource::RunReport;
    QList<DocumentStatus> m_statusFilter;
    int m_pageSize = 0;
    qint64 m_maxEvents = 0;
    QString m_startingToken;
    bool m_follow = false;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    int m_settleMs = DefaultSettleTimeMs;
    bool m_fallback = true;
    Clock m_clock;

    logs::Paginator *m_paginator = nullptr;
    QPointer<logs::DescribeLogStreamsCall> m_check;
    QTimer m_pollTimer;
    // Received events not yet handed out: slices of pages, still JSON text (each event is read
    // when it is handed out, so no turn parses a whole page).
    struct QueuedPage
    {
        logs::PendingEvents events;
        qsizetype next = 0;
        qsizetype end = 0;
    };
    std::deque<QueuedPage> m_queue;
    qint64 m_queued = 0;
    bool m_drainScheduled = false; // a drain() is posted
    // What handing out an event has cost (reading it and the slots' work), in ns; 0: unknown.
    qint64 m_nsPerEvent = 0;
    bool m_sweepEnded = false; // the paginator finished; its outcome waits for the queue
    bool m_started = false;
    bool m_finished = false;
    bool m_legacy = false;
    bool m_streamChecked = false;
    ReportOutcome m_outcome;
    qint64 m_events = 0;
    qint64 m_sweepEvents = 0;
    qint64 m_foreign = 0;
    QStringList m_streamNames; // of the current request (or empty, with m_streamPrefix)
    QString m_streamPrefix;
    int m_pages = 0;
    int m_sweeps = 0;
    QString m_resumeToken;
    // Following only: the newest timestamp delivered, and the ids delivered within the overlap
    // before it (bounded by the events of PollOverlapMs).
    qint64 m_newest = -1;
    QHash<QString, qint64> m_recent;
};

} // namespace syncdeck::report
