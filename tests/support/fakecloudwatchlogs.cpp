#include "fakecloudwatchlogs.h"

#include "aws/jsonwriter.h"
#include "fakeqbusiness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace syncdeck::test {

namespace {

RawHttpReply jsonReply(const QByteArray &body)
{
    return RawHttpReply::response(200, body, "application/x-amz-json-1.1",
                                  {"x-amzn-RequestId: req-logs"});
}

// awsJson1_1 errors name their type in the body's __type.
RawHttpReply logsError(int status, const QByteArray &type, const QByteArray &message)
{
    QByteArray body;
    aws::JsonWriter w(body);
    w.beginObject();
    w.key(QLatin1StringView("__type"));
    w.value(QLatin1StringView(type));
    w.key(QLatin1StringView("message"));
    w.value(QString::fromUtf8(message));
    w.endObject();
    return RawHttpReply::response(status, body, "application/x-amz-json-1.1",
                                  {"x-amzn-RequestId: req-logs-error"});
}

QByteArray encodeToken(const QByteArray &text)
{
    return QByteArray(text + "~?").toBase64(); // '+', '/' and '=' all appear in some tokens
}

QByteArray decodeToken(const QString &token)
{
    QByteArray t = QByteArray::fromBase64(token.toLatin1());
    return t.endsWith("~?") ? t.chopped(2) : QByteArray();
}

// The statuses a filter pattern of SyncDeck's asks for ("FAILED" in
// `{ ($.ConnectorDocumentStatus.Status = "FAILED") || ... }`); empty: no pattern.
QStringList patternStatuses(const QString &pattern)
{
    static const QRegularExpression term(
        QStringLiteral("\\$\\.ConnectorDocumentStatus(?:\\.Status)? = \"([A-Z]+)\""));
    QStringList out;
    auto it = term.globalMatch(pattern);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}

bool matchesPattern(const QStringList &statuses, const QString &message)
{
    if (statuses.isEmpty())
        return true;
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    const QJsonValue s = o.value(QLatin1StringView("ConnectorDocumentStatus"));
    const QString status
        = s.isObject() ? s.toObject().value(QLatin1StringView("Status")).toString() : s.toString();
    return statuses.contains(status);
}

void writeEvent(aws::JsonWriter &w, const logs::LogEvent &e, bool withStream)
{
    w.beginObject();
    if (withStream) {
        w.key(QLatin1StringView("eventId"));
        w.value(e.eventId);
    }
    w.key(QLatin1StringView("ingestionTime"));
    w.value(e.ingestionTime);
    if (withStream) {
        w.key(QLatin1StringView("logStreamName"));
        w.value(e.logStreamName);
    }
    w.key(QLatin1StringView("message"));
    w.value(e.message);
    w.key(QLatin1StringView("timestamp"));
    w.value(e.timestamp);
    w.endObject();
}

} // namespace

FakeCloudWatchLogs::FakeCloudWatchLogs()
    : FakeCloudWatchLogs(Options())
{ }

FakeCloudWatchLogs::FakeCloudWatchLogs(Options options)
    : m_options(options)
{ }

logs::LogEvent FakeCloudWatchLogs::event(qint64 timestamp, const QString &message, qint64 id)
{
    logs::LogEvent e;
    e.timestamp = timestamp;
    e.ingestionTime = timestamp + 250;
    e.eventId = QStringLiteral("3%1").arg(id, 55, 10, QLatin1Char('0'));
    e.message = message;
    return e;
}

void FakeCloudWatchLogs::addGroup(const QString &group)
{
    m_groups[group];
}

void FakeCloudWatchLogs::addStream(const QString &group, const QString &stream,
                                   QList<logs::LogEvent> events)
{
    for (logs::LogEvent &e : events)
        e.logStreamName = stream;
    m_groups[group][stream].events = std::move(events);
}

void FakeCloudWatchLogs::addGeneratedStream(const QString &group, const QString &stream,
                                            qint64 count, Generator generator)
{
    Stream &s = m_groups[group][stream];
    s.generated = count;
    s.generator = [stream, generator = std::move(generator)](qint64 i) {
        logs::LogEvent e = generator(i);
        e.logStreamName = stream;
        return e;
    };
}

void FakeCloudWatchLogs::appendEvents(const QString &group, const QString &stream,
                                      const QList<logs::LogEvent> &events)
{
    Stream &s = m_groups[group][stream];
    for (logs::LogEvent e : events) {
        e.logStreamName = stream;
        s.events.append(e);
    }
}

FakeCloudWatchLogs::Group *FakeCloudWatchLogs::group(const QJsonObject &body)
{
    QString name = body.value(QLatin1StringView("logGroupName")).toString();
    if (name.isEmpty())
        name = body.value(QLatin1StringView("logGroupIdentifier")).toString();
    const auto it = m_groups.find(name);
    return it == m_groups.end() ? nullptr : &*it;
}

RawHttpReply FakeCloudWatchLogs::handle(const RawHttpRequest &request)
{
    ++m_requests;
    if (m_options.verifySignature) {
        aws::Credentials c;
        c.accessKeyId = QString::fromLatin1(AccessKeyId);
        c.secretAccessKey = aws::SecretString(QString::fromLatin1(SecretAccessKey));
        const QByteArray why
            = checkSigV4(request, c, QString::fromLatin1(Region), QStringLiteral("logs"));
        if (!why.isEmpty()) {
            ++m_signatureFailures;
            return logsError(400, "InvalidSignatureException", why);
        }
    }
    const QByteArray target = request.header("X-Amz-Target");
    const QString operation = QString::fromLatin1(target.mid(target.indexOf('.') + 1));
    m_operations << operation;
    if (request.method != "POST" || request.path != "/" || !target.startsWith("Logs_20140328.")
        || request.header("Content-Type") != "application/x-amz-json-1.1")
        return logsError(400, "UnknownOperationException", "not an awsJson1_1 Logs request");
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    m_bodies << body;

    if (m_options.htmlPage)
        return RawHttpReply::response(502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                                      "text/html");
    if (m_options.htmlOkPage)
        return RawHttpReply::response(200, "<html><body>Sign in to the proxy</body></html>",
                                      "text/html");
    const bool throttle = m_requests <= m_options.throttleFirst
        || (m_options.throttleEvery > 0 && m_requests % m_options.throttleEvery == 0);
    if (throttle)
        return logsError(400, "ThrottlingException", "Rate exceeded");
    if (m_options.accessDenied
        || (m_options.accessDeniedDescribe && operation == QLatin1String("DescribeLogStreams"))) {
        const QByteArray group = body.value(QLatin1StringView("logGroupName")).toString().toUtf8();
        return logsError(400, "AccessDeniedException",
                         "User: arn:aws:sts::123456789012:assumed-role/Reader/s is not "
                         "authorized to perform: logs:"
                             + operation.toLatin1()
                             + " on resource: arn:aws:logs:us-east-1:123456789012:log-group:"
                             + group
                             + ":log-stream: because no identity-based policy allows "
                               "the logs:"
                             + operation.toLatin1() + " action");
    }
    if (operation == QLatin1String("FilterLogEvents"))
        return filterLogEvents(body);
    if (operation == QLatin1String("GetLogEvents"))
        return getLogEvents(body);
    if (operation == QLatin1String("DescribeLogStreams"))
        return describeLogStreams(body);
    return logsError(400, "UnknownOperationException", "unknown operation");
}

std::optional<RawHttpReply> FakeCloudWatchLogs::selectStreams(const Group &g,
                                                              const QJsonObject &body,
                                                              QList<const Stream *> *streams,
                                                              QStringList *names) const
{
    const QJsonArray asked = body.value(QLatin1StringView("logStreamNames")).toArray();
    const QString prefix = body.value(QLatin1StringView("logStreamNamePrefix")).toString();
    if (!asked.isEmpty() && !prefix.isEmpty())
        return logsError(400, "InvalidParameterException",
                         "logStreamNames and logStreamNamePrefix are mutually exclusive");
    for (auto it = g.constBegin(); it != g.constEnd(); ++it) {
        const bool wanted
            = asked.isEmpty() ? it.key().startsWith(prefix) : asked.contains(QJsonValue(it.key()));
        if (wanted) {
            *streams << &*it;
            *names << it.key();
        }
    }
    if (!asked.isEmpty() && names->size() < asked.size() && !m_options.missingStreamReadsEmpty)
        return logsError(400, "ResourceNotFoundException",
                         "The specified log stream does not exist.");
    return std::nullopt;
}

RawHttpReply FakeCloudWatchLogs::filterLogEvents(const QJsonObject &body)
{
    Group *g = group(body);
    if (!g)
        return logsError(400, "ResourceNotFoundException",
                         "The specified log group does not exist.");
    QList<const Stream *> streams;
    QStringList streamNames;
    if (const std::optional<RawHttpReply> error = selectStreams(*g, body, &streams, &streamNames))
        return *error;
    const qint64 start = qint64(body.value(QLatin1StringView("startTime")).toDouble(0));
    const bool hasEnd = body.contains(QLatin1StringView("endTime"));
    const qint64 end = qint64(body.value(QLatin1StringView("endTime")).toDouble());
    const int limit = body.value(QLatin1StringView("limit")).toInt(m_options.defaultLimit);
    const QStringList statuses
        = patternStatuses(body.value(QLatin1StringView("filterPattern")).toString());

    // Token: "p:<stream>:<event>" where to go on, or "e:<n>" for the empty pages first.
    const QByteArray token = decodeToken(body.value(QLatin1StringView("nextToken")).toString());
    ++m_filterCalls;
    qsizetype s = 0;
    qint64 i = -1;
    int empties = 0;
    if (token.startsWith("p:")) {
        const QList<QByteArray> parts = token.split(':');
        s = parts.value(1).toLongLong();
        i = parts.value(2).toLongLong();
        empties = m_options.emptyPagesFirst; // the empty pages are behind
    } else if (token.startsWith("e:")) {
        empties = token.mid(2).toInt();
    } else if (!body.value(QLatin1StringView("nextToken")).toString().isEmpty()) {
        return logsError(400, "InvalidParameterException", "The specified nextToken is invalid.");
    }
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("events"));
    w.beginArray();
    QByteArray next;
    if (empties < m_options.emptyPagesFirst) {
        next = "e:" + QByteArray::number(empties + 1);
    } else {
        qint64 bytes = 0;
        int count = 0;
        for (; s < streams.size() && next.isEmpty(); ++s, i = -1) {
            const Stream &stream = *streams.at(s);
            if (i < 0) {
                i = stream.firstAtOrAfter(start);
            }
            for (; i < stream.size(); ++i) {
                const logs::LogEvent e = stream.at(i);
                if (hasEnd && e.timestamp >= end)
                    break;
                if (count >= limit
                    || (count > 0 && bytes + e.message.size() + 26 > m_options.maxPageBytes)) {
                    next = "p:" + QByteArray::number(s) + ':' + QByteArray::number(i);
                    break;
                }
                if (!matchesPattern(statuses, e.message))
                    continue;
                writeEvent(w, e, true);
                bytes += e.message.toUtf8().size() + 26;
                ++count;
            }
        }
    }
    if (m_options.repeatToken)
        next = "p:0:0";
    w.endArray();
    w.key(QLatin1StringView("searchedLogStreams"));
    w.beginArray();
    for (const QString &n : std::as_const(streamNames)) {
        w.beginObject();
        w.key(QLatin1StringView("logStreamName"));
        w.value(n);
        w.key(QLatin1StringView("searchedCompletely"));
        w.value(next.isEmpty());
        w.endObject();
    }
    w.endArray();
    if (!next.isEmpty()) {
        w.key(QLatin1StringView("nextToken"));
        w.value(QLatin1StringView(encodeToken(next)));
    }
    w.endObject();
    return jsonReply(out);
}

RawHttpReply FakeCloudWatchLogs::getLogEvents(const QJsonObject &body)
{
    Group *g = group(body);
    if (!g)
        return logsError(400, "ResourceNotFoundException",
                         "The specified log group does not exist.");
    const auto it = g->constFind(body.value(QLatin1StringView("logStreamName")).toString());
    if (it == g->constEnd())
        return logsError(400, "ResourceNotFoundException",
                         "The specified log stream does not exist.");
    const Stream &stream = *it;
    const int limit = body.value(QLatin1StringView("limit")).toInt(m_options.defaultLimit);
    const QString sent = body.value(QLatin1StringView("nextToken")).toString();
    qint64 i = 0;
    if (!sent.isEmpty()) {
        const QByteArray t = decodeToken(sent);
        if (!t.startsWith("f:"))
            return logsError(400, "InvalidParameterException",
                             "The specified nextToken is invalid.");
        i = t.mid(2).toLongLong();
    }
    const qint64 from = i;
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("events"));
    w.beginArray();
    for (int n = 0; n < limit && i < stream.size(); ++n, ++i)
        writeEvent(w, stream.at(i), false);
    w.endArray();
    w.key(QLatin1StringView("nextBackwardToken"));
    w.value(QLatin1StringView(encodeToken("b:" + QByteArray::number(from))));
    w.key(QLatin1StringView("nextForwardToken"));
    w.value(QLatin1StringView(encodeToken("f:" + QByteArray::number(i))));
    w.endObject();
    return jsonReply(out);
}

RawHttpReply FakeCloudWatchLogs::describeLogStreams(const QJsonObject &body)
{
    Group *g = group(body);
    if (!g)
        return logsError(400, "ResourceNotFoundException",
                         "The specified log group does not exist.");
    const QString prefix = body.value(QLatin1StringView("logStreamNamePrefix")).toString();
    const int limit = body.value(QLatin1StringView("limit")).toInt(50);
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("logStreams"));
    w.beginArray();
    int n = 0;
    for (auto it = g->constBegin(); it != g->constEnd() && n < limit; ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        ++n;
        w.beginObject();
        w.key(QLatin1StringView("arn"));
        w.value(
            QString(QStringLiteral("arn:aws:logs:us-east-1:123456789012:log-group:x:log-stream:")
                    + it.key()));
        w.key(QLatin1StringView("creationTime"));
        w.value(qint64(1714564800000));
        if (it->size() > 0) {
            w.key(QLatin1StringView("lastEventTimestamp"));
            w.value(it->at(it->size() - 1).timestamp);
        }
        w.key(QLatin1StringView("logStreamName"));
        w.value(it.key());
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return jsonReply(out);
}

} // namespace syncdeck::test
