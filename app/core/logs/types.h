#pragma once

#include "aws/awserror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types of the Amazon CloudWatch Logs API (2014-03-28) that SyncDeck uses: the
// operations that read a log stream. Times are epoch milliseconds, as on the wire.
namespace syncdeck::logs {

using aws::AwsError;

// FilteredLogEvent / OutputLogEvent (GetLogEvents has no stream name and no event id).
struct LogEvent
{
    QString logStreamName;
    qint64 timestamp = 0; // when the event happened (ms since the epoch)
    qint64 ingestionTime = 0; // when CloudWatch Logs received it
    QString eventId;
    QString message; // verbatim (server text: plain text wherever it is shown)
    friend bool operator==(const LogEvent &, const LogEvent &) = default;
};

struct SearchedLogStream
{
    QString logStreamName;
    bool searchedCompletely = false;
};

struct FilterLogEventsRequest
{
    QString logGroupName; // or logGroupIdentifier (name or ARN), not both
    QString logGroupIdentifier;
    QStringList logStreamNames; // 1..100 names, or logStreamNamePrefix, not both
    QString logStreamNamePrefix;
    std::optional<qint64> startTime; // ms since the epoch, inclusive
    std::optional<qint64> endTime; // ms since the epoch, exclusive
    QString filterPattern; // CloudWatch Logs filter pattern syntax; empty: every event
    int limit = 0; // 1..10,000; 0: the service's default (10,000)
    QString nextToken;
};

// How a FilterLogEvents page's events are read: all when the answer arrives, or (OnDemand) only
// located in the answer's JSON text, each read with codec::readPendingEvent() when it is needed
// (a caller that spreads a 10,000-event page over time, instead of parsing it in one block).
enum class EventReading : quint8 { Whole, OnDemand };

// Events of a page still in the JSON text of the answer (EventReading::OnDemand).
struct PendingEvents
{
    QByteArray body;
    QList<QPair<qsizetype, qsizetype>> events; // offset and length of each event's object
};

struct FilterLogEventsPage
{
    QList<LogEvent> events; // empty with EventReading::OnDemand: see pending
    PendingEvents pending;
    QList<SearchedLogStream> searchedLogStreams;
    QString nextToken; // absent on the last page; an empty page may still carry one
    qsizetype eventCount() const { return events.size() + pending.events.size(); }
};

struct GetLogEventsRequest
{
    QString logGroupName;
    QString logGroupIdentifier;
    QString logStreamName; // required
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    int limit = 0; // 1..10,000; 0: the service's default
    std::optional<bool> startFromHead; // the service defaults to false (newest first)
    QString nextToken;
};

struct GetLogEventsPage
{
    QList<LogEvent> events;
    // Never absent: getting back the token that was sent means the end of the stream (for now).
    QString nextForwardToken;
    QString nextBackwardToken;
};

struct DescribeLogStreamsRequest
{
    QString logGroupName;
    QString logGroupIdentifier;
    QString logStreamNamePrefix;
    QString orderBy; // LogStreamName (default) or LastEventTime (then no prefix)
    bool descending = false;
    int limit = 0; // 1..50; 0: the service's default (50)
    QString nextToken;
};

struct LogStream
{
    QString logStreamName;
    QString arn;
    std::optional<qint64> creationTime;
    std::optional<qint64> firstEventTimestamp;
    std::optional<qint64> lastEventTimestamp;
    std::optional<qint64> lastIngestionTime;
};

struct LogStreamPage
{
    QList<LogStream> logStreams;
    QString nextToken;
};

} // namespace syncdeck::logs
