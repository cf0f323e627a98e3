#include "logscodec.h"

#include "aws/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace syncdeck::logs::codec {
namespace {

void writeGroup(aws::JsonWriter &w, const QString &name, const QString &identifier)
{
    if (!identifier.isEmpty()) {
        w.key(QLatin1StringView("logGroupIdentifier"));
        w.value(identifier);
    }
    if (!name.isEmpty()) {
        w.key(QLatin1StringView("logGroupName"));
        w.value(name);
    }
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

bool parseObject(const QByteArray &body, QJsonObject *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const bool html = body.trimmed().startsWith('<');
        *error = html ? QStringLiteral("the response body is an HTML page (%1 bytes), not JSON")
                            .arg(body.size())
                      : QStringLiteral("the response body is not valid JSON (%1 at byte %2 of %3)")
                            .arg(pe.errorString())
                            .arg(pe.offset)
                            .arg(body.size());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("the response body is JSON but not an object");
        return false;
    }
    *out = doc.object();
    return true;
}

// Members by the codec's rules: absent and null are the same, a wrong type is an error naming
// the member.
class Reader
{
public:
    Reader(const QJsonObject &o, QString path, QString *error)
        : m_o(o)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool ok() const { return m_ok; }

    QString string(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("a string"));
            return {};
        }
        return v.toString();
    }

    std::optional<qint64> millis(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble(std::nan(""));
        // Exact integers only: epoch milliseconds fit a double exactly up to 2^53.
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e15) {
            fail(key, QStringLiteral("a whole number of milliseconds"));
            return std::nullopt;
        }
        return qint64(d);
    }

    bool boolean(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool()) {
            fail(key, QStringLiteral("true or false"));
            return false;
        }
        return v.toBool();
    }

    QJsonArray array(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("an array"));
            return {};
        }
        return v.toArray();
    }

    bool object(const QJsonValue &v, qsizetype index, QLatin1StringView key, QJsonObject *out)
    {
        if (!v.isObject()) {
            if (m_ok)
                *m_error = QStringLiteral("%1%2[%3] is not an object")
                               .arg(m_path, QString(key))
                               .arg(index);
            m_ok = false;
            return false;
        }
        *out = v.toObject();
        return true;
    }

    QString path(QLatin1StringView key, qsizetype index) const
    {
        return QStringLiteral("%1%2[%3].").arg(m_path, QString(key)).arg(index);
    }

    void adopt(const Reader &inner) { m_ok = m_ok && inner.m_ok; }

private:
    void fail(QLatin1StringView key, const QString &expected)
    {
        if (m_ok)
            *m_error = QStringLiteral("%1%2 is not %3").arg(m_path, QString(key), expected);
        m_ok = false;
    }

    const QJsonObject &m_o;
    QString m_path;
    QString *m_error;
    bool m_ok = true;
};

bool readEvents(Reader &r, QLatin1StringView key, QList<LogEvent> *events, QString *error)
{
    const QJsonArray list = r.array(key);
    events->reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject o;
        if (!r.object(list.at(i), i, key, &o))
            return false;
        Reader e(o, r.path(key, i), error);
        LogEvent ev;
        ev.logStreamName = e.string(QLatin1StringView("logStreamName"));
        ev.timestamp = e.millis(QLatin1StringView("timestamp")).value_or(0);
        ev.ingestionTime = e.millis(QLatin1StringView("ingestionTime")).value_or(0);
        ev.eventId = e.string(QLatin1StringView("eventId"));
        ev.message = e.string(QLatin1StringView("message"));
        r.adopt(e);
        if (!r.ok())
            return false;
        events->append(std::move(ev));
    }
    return r.ok();
}

} // namespace

QByteArray writeRequest(const FilterLogEventsRequest &request)
{
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    writeTime(w, QLatin1StringView("endTime"), request.endTime);
    if (!request.filterPattern.isEmpty()) {
        w.key(QLatin1StringView("filterPattern"));
        w.value(request.filterPattern);
    }
    if (request.limit > 0) {
        w.key(QLatin1StringView("limit"));
        w.value(request.limit);
    }
    writeGroup(w, request.logGroupName, request.logGroupIdentifier);
    if (!request.logStreamNamePrefix.isEmpty()) {
        w.key(QLatin1StringView("logStreamNamePrefix"));
        w.value(request.logStreamNamePrefix);
    }
    if (!request.logStreamNames.isEmpty()) {
        w.key(QLatin1StringView("logStreamNames"));
        w.beginArray();
        for (const QString &name : request.logStreamNames)
            w.value(name);
        w.endArray();
    }
    if (!request.nextToken.isEmpty()) {
        w.key(QLatin1StringView("nextToken"));
        w.value(request.nextToken);
    }
    writeTime(w, QLatin1StringView("startTime"), request.startTime);
    w.endObject();
    return out;
}

QByteArray writeRequest(const GetLogEventsRequest &request)
{
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    writeTime(w, QLatin1StringView("endTime"), request.endTime);
    if (request.limit > 0) {
        w.key(QLatin1StringView("limit"));
        w.value(request.limit);
    }
    writeGroup(w, request.logGroupName, request.logGroupIdentifier);
    w.key(QLatin1StringView("logStreamName"));
    w.value(request.logStreamName);
    if (!request.nextToken.isEmpty()) {
        w.key(QLatin1StringView("nextToken"));
        w.value(request.nextToken);
    }
    if (request.startFromHead) {
        w.key(QLatin1StringView("startFromHead"));
        w.value(*request.startFromHead);
    }
    writeTime(w, QLatin1StringView("startTime"), request.startTime);
    w.endObject();
    return out;
}

QByteArray writeRequest(const DescribeLogStreamsRequest &request)
{
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    if (request.descending) {
        w.key(QLatin1StringView("descending"));
        w.value(true);
    }
    if (request.limit > 0) {
        w.key(QLatin1StringView("limit"));
        w.value(request.limit);
    }
    writeGroup(w, request.logGroupName, request.logGroupIdentifier);
    if (!request.logStreamNamePrefix.isEmpty()) {
        w.key(QLatin1StringView("logStreamNamePrefix"));
        w.value(request.logStreamNamePrefix);
    }
    if (!request.nextToken.isEmpty()) {
        w.key(QLatin1StringView("nextToken"));
        w.value(request.nextToken);
    }
    if (!request.orderBy.isEmpty()) {
        w.key(QLatin1StringView("orderBy"));
        w.value(request.orderBy);
    }
    w.endObject();
    return out;
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
        e = checkLimit(request.limit, 10000);
    if (e.isEmpty())
        e = checkWindow(request.startTime, request.endTime);
    return e;
}

QString checkRequest(const GetLogEventsRequest &request)
{
    QString e = checkGroup(request.logGroupName, request.logGroupIdentifier);
    if (e.isEmpty() && request.logStreamName.isEmpty())
        e = QStringLiteral("give the log stream: logStreamName");
    if (e.isEmpty())
        e = checkLimit(request.limit, 10000);
    if (e.isEmpty())
        e = checkWindow(request.startTime, request.endTime);
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
    QJsonObject o;
    if (!parseObject(body, &o, error))
        return false;
    Reader r(o, {}, error);
    if (!readEvents(r, QLatin1StringView("events"), &page->events, error))
        return false;
    const QJsonArray searched = r.array(QLatin1StringView("searchedLogStreams"));
    for (qsizetype i = 0; i < searched.size(); ++i) {
        QJsonObject so;
        if (!r.object(searched.at(i), i, QLatin1StringView("searchedLogStreams"), &so))
            return false;
        Reader s(so, r.path(QLatin1StringView("searchedLogStreams"), i), error);
        SearchedLogStream stream;
        stream.logStreamName = s.string(QLatin1StringView("logStreamName"));
        stream.searchedCompletely = s.boolean(QLatin1StringView("searchedCompletely"));
        r.adopt(s);
        page->searchedLogStreams.append(stream);
    }
    page->nextToken = r.string(QLatin1StringView("nextToken"));
    return r.ok();
}

bool readGetLogEvents(const QByteArray &body, GetLogEventsPage *page, QString *error)
{
    QJsonObject o;
    if (!parseObject(body, &o, error))
        return false;
    Reader r(o, {}, error);
    if (!readEvents(r, QLatin1StringView("events"), &page->events, error))
        return false;
    page->nextForwardToken = r.string(QLatin1StringView("nextForwardToken"));
    page->nextBackwardToken = r.string(QLatin1StringView("nextBackwardToken"));
    return r.ok();
}

bool readDescribeLogStreams(const QByteArray &body, LogStreamPage *page, QString *error)
{
    QJsonObject o;
    if (!parseObject(body, &o, error))
        return false;
    Reader r(o, {}, error);
    const QJsonArray list = r.array(QLatin1StringView("logStreams"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        QJsonObject so;
        if (!r.object(list.at(i), i, QLatin1StringView("logStreams"), &so))
            return false;
        Reader s(so, r.path(QLatin1StringView("logStreams"), i), error);
        LogStream stream;
        stream.logStreamName = s.string(QLatin1StringView("logStreamName"));
        stream.arn = s.string(QLatin1StringView("arn"));
        stream.creationTime = s.millis(QLatin1StringView("creationTime"));
        stream.firstEventTimestamp = s.millis(QLatin1StringView("firstEventTimestamp"));
        stream.lastEventTimestamp = s.millis(QLatin1StringView("lastEventTimestamp"));
        stream.lastIngestionTime = s.millis(QLatin1StringView("lastIngestionTime"));
        r.adopt(s);
        page->logStreams.append(stream);
    }
    page->nextToken = r.string(QLatin1StringView("nextToken"));
    return r.ok();
}

} // namespace syncdeck::logs::codec
