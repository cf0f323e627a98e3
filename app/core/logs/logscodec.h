#pragma once

#include "types.h"

#include <QByteArray>
#include <QString>

// awsJson1_1 bodies of the CloudWatch Logs operations SyncDeck calls, both directions. Requests
// carry only the members that are set. Readers ignore unknown members, take `null` as absent,
// and report (in *error, naming the member) what SyncDeck cannot represent faithfully.
namespace syncdeck::logs::codec {

QByteArray writeRequest(const FilterLogEventsRequest &request);
QByteArray writeRequest(const GetLogEventsRequest &request);
QByteArray writeRequest(const DescribeLogStreamsRequest &request);

// The first problem a request has that the service would refuse with
// InvalidParameterException (both logStreamNames and logStreamNamePrefix, a limit out of
// range, no log group, ...), or an empty string when there is none.
QString checkRequest(const FilterLogEventsRequest &request);
QString checkRequest(const GetLogEventsRequest &request);
QString checkRequest(const DescribeLogStreamsRequest &request);

bool readFilterLogEvents(const QByteArray &body, FilterLogEventsPage *page, QString *error);
// The same with EventReading::OnDemand: every member but the events is read (and checked) as
// above; the events are only located (page->pending) and each read by readPendingEvent().
bool readFilterLogEventsPending(const QByteArray &body, FilterLogEventsPage *page, QString *error);
// Event `index` of pending events, read as readFilterLogEvents() reads it (the error names it
// "events[index]..."); false with *error when it is not a log event.
bool readPendingEvent(const PendingEvents &pending, qsizetype index, LogEvent *event,
                      QString *error);
bool readGetLogEvents(const QByteArray &body, GetLogEventsPage *page, QString *error);
bool readDescribeLogStreams(const QByteArray &body, LogStreamPage *page, QString *error);

} // namespace syncdeck::logs::codec
