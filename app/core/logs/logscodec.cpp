#include "logscodec.h"

#include "aws/jsonreader.h"
#include "aws/jsonwriter.h"
#include "jsonspans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace syncdeck::logs::codec {
namespace {

// An empty text member is left out (the service's default).
void writeText(aws::JsonWriter &w, QLatin1StringView key, const QString &text)
{
    if (!text.isEmpty()) {
        w.key(key);
        w.value(text);
    }
}

// limit 0: left out, the service's default page size.
void writeLimit(aws::JsonWriter &w, int limit)
{
    if (limit > 0) {
        w.key(QLatin1StringView("limit"));
        w.value(limit);
    }
}

void writeGroup(aws::JsonWriter &w, const QString &name, const QString &identifier)
{
    writeText(w, QLatin1StringView("logGroupIdentifier"), identifier);
    writeText(w, QLatin1StringView("logGroupName"), name);
}

void writeTime(aws::JsonWriter &w, QLatin1StringView key, const std::optional<qint64> &ms)
{
    if (ms) {
        w.key(key);
        w.value(*ms);
    }
}

QString checkGroup(const QString &name, const QString &identifier)
{
    if (name.isEmpty() && identifier.isEmpty())
        return QStringLiteral("give the log group: logGroupName or logGroupIdentifier");
    if (!name.isEmpty() && !identifier.isEmpty())
        return QStringLiteral("give logGroupName or logGroupIdentifier, not both");
    if (name.size() > 512)
        return QStringLiteral("logGroupName is longer than 512 characters");
    return {};
}

QString checkLimit(int limit, int max)
{
    if (limit < 0 || limit > max)
        return QStringLiteral("limit must be between 1 and %1, not %2").arg(max).arg(limit);
    return {};
}

QString checkWindow(const std::optional<qint64> &start, const std::optional<qint64> &end)
{
    if ((start && *start < 0) || (end && *end < 0))
        return QStringLiteral("startTime and endTime are milliseconds since 1970 and cannot be "
                              "negative");
    if (start && end && *end < *start)
        return QStringLiteral("endTime is before startTime");
    return {};
}

// The members FilterLogEvents and GetLogEvents share: limit (at most 10,000) and the window.
QString checkEventWindow(int limit, const std::optional<qint64> &start,
                         const std::optional<qint64> &end)
{
    const QString e = checkLimit(limit, 10000);
    return e.isEmpty() ? checkWindow(start, end) : e;
}

using aws::json::parseObject;
using aws::json::Reader;

// Epoch milliseconds: exact integers only (they fit a double exactly up to 2^53).
std::optional<qint64> millis(Reader &r, QLatin1StringView key)
{
    const QJsonValue v = r.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15) {
        r.fail(key,
               QStringLiteral("is %1, expected a whole number of milliseconds")
                   .arg(aws::json::typeName(v)));
        return std::nullopt;
    }
    return qint64(d);
}

LogEvent readEvent(Reader &e)
{
    LogEvent ev;
    ev.logStreamName = e.string(QLatin1StringView("logStreamName"));
    ev.timestamp = millis(e, QLatin1StringView("timestamp")).value_or(0);
    ev.ingestionTime = millis(e, QLatin1StringView("ingestionTime")).value_or(0);
    ev.eventId = e.string(QLatin1StringView("eventId"));
    ev.message = e.string(QLatin1StringView("message"));
    return ev;
}

SearchedLogStream readSearchedStream(Reader &s)
{
    SearchedLogStream stream;
    stream.logStreamName = s.string(QLatin1StringView("logStreamName"));
    stream.searchedCompletely = s.boolean(QLatin1StringView("searchedCompletely"));
    return stream;
}

LogStream readStream(Reader &s)
{
    LogStream stream;
    stream.logStreamName = s.string(QLatin1StringView("logStreamName"));
    stream.arn = s.string(QLatin1StringView("arn"));
    stream.creationTime = millis(s, QLatin1StringView("creationTime"));
    stream.firstEventTimestamp = millis(s, QLatin1StringView("firstEventTimestamp"));
    stream.lastEventTimestamp = millis(s, QLatin1StringView("lastEventTimestamp"));
    stream.lastIngestionTime = millis(s, QLatin1StringView("lastIngestionTime"));
    return stream;
}

// A request body: one JSON object, its members written by `members`.
template<typename Members>
QByteArray writeObject(Members members)
{
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    members(w);
    w.endObject();
    return out;
}

// A response body that must be a JSON object, its members read by `read` (false: stop).
template<typename Read>
bool readObject(const QByteArray &body, QString *error, Read read)
{
    error->clear();
    QJsonObject o;
    if (!parseObject(body, &o, error))
        return false;
    Reader r(o, {}, error);
    return read(r) && r.ok();
}

} // namespace

QByteArray writeRequest(const FilterLogEventsRequest &request)
{
    return writeObject([&](aws::JsonWriter &w) {
        writeTime(w, QLatin1StringView("endTime"), request.endTime);
        writeText(w, QLatin1StringView("filterPattern"), request.filterPattern);
        writeLimit(w, request.limit);
        writeGroup(w, request.logGroupName, request.logGroupIdentifier);
        writeText(w, QLatin1StringView("logStreamNamePrefix"), request.logStreamNamePrefix);
        if (!request.logStreamNames.isEmpty()) {
            w.key(QLatin1StringView("logStreamNames"));
            w.beginArray();
            for (const QString &name : request.logStreamNames)
                w.value(name);
            w.endArray();
        }
        writeText(w, QLatin1StringView("nextToken"), request.nextToken);
        writeTime(w, QLatin1StringView("startTime"), request.startTime);
    });
}

QByteArray writeRequest(const GetLogEventsRequest &request)
{
    return writeObject([&](aws::JsonWriter &w) {
        writeTime(w, QLatin1StringView("endTime"), request.endTime);
        writeLimit(w, request.limit);
        writeGroup(w, request.logGroupName, request.logGroupIdentifier);
        w.key(QLatin1StringView("logStreamName"));
        w.value(request.logStreamName);
        writeText(w, QLatin1StringView("nextToken"), request.nextToken);
        if (request.startFromHead) {
            w.key(QLatin1StringView("startFromHead"));
            w.value(*request.startFromHead);
        }
        writeTime(w, QLatin1StringView("startTime"), request.startTime);
    });
}

QByteArray writeRequest(const DescribeLogStreamsRequest &request)
{
    return writeObject([&](aws::JsonWriter &w) {
        if (request.descending) {
            w.key(QLatin1StringView("descending"));
            w.value(true);
        }
        writeLimit(w, request.limit);
        writeGroup(w, request.logGroupName, request.logGroupIdentifier);
        writeText(w, QLatin1StringView("logStreamNamePrefix"), request.logStreamNamePrefix);
        writeText(w, QLatin1StringView("nextToken"), request.nextToken);
        writeText(w, QLatin1StringView("orderBy"), request.orderBy);
    });
}

QString checkRequest(const FilterLogEventsRequest &request)
{
    QString e = checkGroup(request.logGroupName, request.logGroupIdentifier);
    if (e.isEmpty() && !request.logStreamNames.isEmpty() && !request.logStreamNamePrefix.isEmpty())
        e = QStringLiteral("give logStreamNames or logStreamNamePrefix, not both");
    if (e.isEmpty() && request.logStreamNames.size() > 100)
        e = QStringLiteral("logStreamNames holds %1 names; at most 100 are allowed")
                .arg(request.logStreamNames.size());
    if (e.isEmpty() && request.filterPattern.size() > 1024)
        e = QStringLiteral("filterPattern is longer than 1,024 characters");
    if (e.isEmpty())
        e = checkEventWindow(request.limit, request.startTime, request.endTime);
    return e;
}

QString checkRequest(const GetLogEventsRequest &request)
{
    QString e = checkGroup(request.logGroupName, request.logGroupIdentifier);
    if (e.isEmpty() && request.logStreamName.isEmpty())
        e = QStringLiteral("give the log stream: logStreamName");
    if (e.isEmpty())
        e = checkEventWindow(request.limit, request.startTime, request.endTime);
    return e;
}

QString checkRequest(const DescribeLogStreamsRequest &request)
{
    QString e = checkGroup(request.logGroupName, request.logGroupIdentifier);
    if (e.isEmpty() && request.orderBy == QLatin1String("LastEventTime")
        && !request.logStreamNamePrefix.isEmpty())
        e = QStringLiteral("orderBy LastEventTime cannot be combined with logStreamNamePrefix");
    if (e.isEmpty())
        e = checkLimit(request.limit, 50);
    return e;
}

bool readFilterLogEvents(const QByteArray &body, FilterLogEventsPage *page, QString *error)
{
    return readObject(body, error, [&](Reader &r) {
        if (!aws::json::readList(r, QLatin1StringView("events"), &page->events, error, readEvent)
            || !aws::json::readList(r, QLatin1StringView("searchedLogStreams"),
                                    &page->searchedLogStreams, error, readSearchedStream))
            return false;
        page->nextToken = r.string(QLatin1StringView("nextToken"));
        return true;
    });
}

bool readFilterLogEventsPending(const QByteArray &body, FilterLogEventsPage *page, QString *error)
{
    error->clear();
    const QLatin1StringView key("events");
    const jsonspans::Span array = jsonspans::findValue(body, key);
    QList<jsonspans::Span> items;
    if (array.found() && body.at(array.offset) != 'n' // null: absent
        && !jsonspans::elements(QByteArrayView(body).sliced(array.offset, array.length), &items)) {
        *error = QStringLiteral("member %1 is not an array of objects").arg(key);
        return false;
    }
    // The rest of the page, read by the rules of readFilterLogEvents (a body that is not an
    // object, or not JSON, fails there too).
    // Only the members around the events are copied (a page's body is up to 1 MB of events).
    QByteArray rest = body; // shared, not copied, while there is no array to leave out
    if (array.found()) {
        const QByteArrayView whole(body);
        rest = whole.first(array.offset).toByteArray();
        rest.reserve(body.size() - array.length + 2);
        rest.append("[]").append(whole.sliced(array.offset + array.length));
    }
    if (!readFilterLogEvents(rest, page, error))
        return false;
    page->pending.body = body;
    page->pending.events.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const qsizetype offset = array.offset + items.at(i).offset;
        if (body.at(offset) == 'n') // null items are absent, as in readList
            continue;
        if (body.at(offset) != '{') {
            *error = QStringLiteral("member events[%1] is not an object").arg(i);
            return false;
        }
        page->pending.events.append({offset, items.at(i).length});
    }
    return true;
}

bool readPendingEvent(const PendingEvents &pending, qsizetype index, LogEvent *event,
                      QString *error)
{
    error->clear();
    const auto [offset, length] = pending.events.at(index);
    const QString path = QStringLiteral("events[%1]").arg(index);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(pending.body.mid(offset, length), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("member %1 is not valid JSON (%2)").arg(path, pe.errorString());
        return false;
    }
    Reader r(doc.object(), path, error);
    *event = readEvent(r);
    return r.ok();
}

bool readGetLogEvents(const QByteArray &body, GetLogEventsPage *page, QString *error)
{
    return readObject(body, error, [&](Reader &r) {
        if (!aws::json::readList(r, QLatin1StringView("events"), &page->events, error, readEvent))
            return false;
        page->nextForwardToken = r.string(QLatin1StringView("nextForwardToken"));
        page->nextBackwardToken = r.string(QLatin1StringView("nextBackwardToken"));
        return true;
    });
}

bool readDescribeLogStreams(const QByteArray &body, LogStreamPage *page, QString *error)
{
    return readObject(body, error, [&](Reader &r) {
        if (!aws::json::readList(r, QLatin1StringView("logStreams"), &page->logStreams, error,
                                 readStream))
            return false;
        page->nextToken = r.string(QLatin1StringView("nextToken"));
        return true;
    });
}

} // namespace syncdeck::logs::codec
