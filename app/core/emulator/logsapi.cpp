#include "logsapi.h"

#include "logsmembers.h"
#include "responses.h"

#include "aws/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace syncdeck::emulator {

using namespace logsmembers;

namespace {

constexpr char GroupPrefix[] = "/aws/qbusiness/";
constexpr qint64 MaxPageBytes = 1024 * 1024;
// FilterLogEvents examines at most this many events per call; a sparse filter then answers a
// short (even empty) page with a token, as the service does.
constexpr qint64 ScanBudget = 50000;
// A FilterLogEvents position: the stream's ordinal in the high bits, the event in the low ones.
constexpr int EventBits = 40;

HttpResponse groupNotFound()
{
    return awsJsonError(400, QStringLiteral("ResourceNotFoundException"),
                        QStringLiteral("The specified log group does not exist."));
}

HttpResponse streamNotFound()
{
    return awsJsonError(400, QStringLiteral("ResourceNotFoundException"),
                        QStringLiteral("The specified log stream does not exist."));
}

void writeEvent(aws::JsonWriter &w, const LogsApi::Stream *stream, const RunReport &report,
                ReportStreamKind kind, qint64 i, const QByteArray &message)
{
    w.beginObject();
    if (stream) {
        w.key(QLatin1StringView("logStreamName"));
        w.value(QStringView(stream->name));
    }
    w.key(QLatin1StringView("timestamp"));
    w.value(report.timestamp(kind, i));
    w.key(QLatin1StringView("message"));
    w.value(QStringView(QString::fromUtf8(message)));
    w.key(QLatin1StringView("ingestionTime"));
    w.value(report.ingestionTime(kind, i));
    if (stream) {
        w.key(QLatin1StringView("eventId"));
        w.value(QStringView(report.eventId(kind, i)));
    }
    w.endObject();
}

// The position a listing's nextToken resumes from (0 without one); false with *error when the
// token is not one this listing gave.
bool decodePosition(const PageTokenCodec &tokens, const QJsonObject &body,
                    const QByteArray &filters, quint64 *position, QString *error)
{
    const QJsonValue token = body.value(QLatin1String("nextToken"));
    return !token.isString() || tokens.decode(token.toString(), filters, position, error);
}

// FilterLogEvents' events from (*streamIndex, *event) on, the selected streams one after the
// other: at most the limit, ScanBudget examined and a page's bytes (`out` is what `w` writes
// into). True when more remain; (*streamIndex, *event) is then where they start.
bool writeFilterEvents(aws::JsonWriter &w, const QByteArray &out,
                       const std::vector<LogsApi::Stream> &selected, const FilterMembers &f,
                       size_t *streamIndex, qint64 *event)
{
    size_t &i = *streamIndex;
    qint64 &e = *event;
    qint64 listed = 0;
    qint64 examined = 0;
    for (; i < selected.size(); ++i, e = 0) {
        const LogsApi::Stream &s = selected[i];
        const qint64 count = s.report.count(s.kind);
        for (e = std::max(e, s.report.firstAtOrAfter(s.kind, f.window.startTime)); e < count; ++e) {
            if (s.report.timestamp(s.kind, e) > f.window.endTime)
                break;
            if (listed == f.window.limit || examined == ScanBudget)
                return true;
            ++examined;
            const QByteArray message = s.report.message(s.kind, e);
            if (!f.filter.matchesAll() && !f.filter.matches(message))
                continue;
            // A page holds at most 1 MB (the message is escaped once more inside the answer).
            if (listed > 0 && out.size() + message.size() * 5 / 4 + 300 > MaxPageBytes)
                return true;
            writeEvent(w, &s, s.report, s.kind, e, message);
            ++listed;
        }
    }
    return false;
}

// A page of FilterLogEvents from `position` (the stream's ordinal and the event), with a
// nextToken when more remain.
QByteArray writeFilterPage(const PageTokenCodec &tokens,
                           const std::vector<LogsApi::Stream> &selected, const FilterMembers &f,
                           const QByteArray &filters, quint64 position)
{
    size_t streamIndex = size_t(position >> EventBits);
    qint64 event = qint64(position & ((quint64(1) << EventBits) - 1));
    QByteArray out;
    out.reserve(int(std::min<qint64>(f.window.limit * 900, MaxPageBytes + 4096)));
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("events"));
    w.beginArray();
    const bool more = writeFilterEvents(w, out, selected, f, &streamIndex, &event);
    w.endArray();
    w.key(QLatin1StringView("searchedLogStreams"));
    w.beginArray();
    w.endArray();
    if (more) {
        w.key(QLatin1StringView("nextToken"));
        w.value(QStringView(
            tokens.encode(filters, (quint64(streamIndex) << EventBits) | quint64(event))));
    }
    w.endObject();
    return out;
}

// Where a GetLogEvents page starts: its window [lo, hi) and the direction and place it reads.
struct EventsPosition
{
    qint64 lo = 0;
    qint64 hi = 0;
    bool forward = false;
    qint64 at = 0;
};

// A GetLogEvents token ("f/..." forward, "b/..." backward) of this read: moves *p to it.
bool decodeEventsToken(const PageTokenCodec &tokens, const QString &text, const QByteArray &filters,
                       EventsPosition *p)
{
    quint64 decoded = 0;
    QString tokenError;
    if (text.size() < 3 || (text[0] != u'f' && text[0] != u'b') || text[1] != u'/'
        || !tokens.decode(text.mid(2), filters, &decoded, &tokenError))
        return false;
    p->forward = text[0] == u'f';
    p->at = std::clamp(qint64(decoded), p->lo, p->hi);
    return true;
}

// A page of GetLogEvents: forward [at, at + limit), backward the `limit` events before `at`,
// within the window and a page's bytes, with the tokens that lead on either way.
QByteArray writeEventsPage(const PageTokenCodec &tokens, const LogsApi::Stream &s,
                           const QByteArray &filters, const EventsPosition &p, qint64 limit)
{
    const auto token = [&](char direction, qint64 at) {
        return QString(QLatin1Char(direction) + QLatin1Char('/')
                       + tokens.encode(filters, quint64(at)));
    };
    const qint64 first = p.forward ? p.at : std::max(p.lo, p.at - limit);
    qint64 last = p.forward ? std::min(p.hi, p.at + limit) : p.at;
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("events"));
    w.beginArray();
    qint64 i = first;
    for (; i < last && out.size() < MaxPageBytes - 300 * 1024; ++i)
        writeEvent(w, nullptr, s.report, s.kind, i, s.report.message(s.kind, i));
    last = i;
    w.endArray();
    w.key(QLatin1StringView("nextForwardToken"));
    w.value(QStringView(token('f', last)));
    w.key(QLatin1StringView("nextBackwardToken"));
    w.value(QStringView(token('b', first)));
    w.endObject();
    return out;
}

qint64 lastEventTime(const LogsApi::Stream &s)
{
    const qint64 n = s.report.count(s.kind);
    return n == 0 ? s.report.creationTime() : s.report.timestamp(s.kind, n - 1);
}

// A stream as DescribeLogStreams lists it.
QJsonObject streamJson(const LogsApi::Stream &s, const QString &arn)
{
    QJsonObject o;
    o.insert(QStringLiteral("logStreamName"), s.name);
    o.insert(QStringLiteral("creationTime"), s.report.creationTime());
    const qint64 n = s.report.count(s.kind);
    if (n > 0) {
        o.insert(QStringLiteral("firstEventTimestamp"), s.report.timestamp(s.kind, 0));
        o.insert(QStringLiteral("lastEventTimestamp"), lastEventTime(s));
        o.insert(QStringLiteral("lastIngestionTime"), s.report.ingestionTime(s.kind, n - 1));
    }
    o.insert(QStringLiteral("arn"), arn);
    o.insert(QStringLiteral("storedBytes"), 0);
    return o;
}

} // namespace

HttpResponse awsJsonError(int status, const QString &type, const QString &message)
{
    QJsonObject body;
    body.insert(QStringLiteral("__type"), type);
    body.insert(QStringLiteral("message"), message);
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/x-amz-json-1.1");
    response.setHeader("x-amzn-ErrorType", type.toLatin1());
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

LogsApi::LogsApi(Store &store, const PageTokenCodec &tokens, const Options &options,
                 std::function<qint64()> nowMs)
    : m_store(store)
    , m_tokens(tokens)
    , m_options(options)
    , m_nowMs(std::move(nowMs))
{ }

void LogsApi::addRoutes(Router &router)
{
    const QString name = QString::fromLatin1(SigningName);
    const auto route
        = [&](const char *operation, HttpResponse (LogsApi::*handler)(const RoutedRequest &)) {
              router.addJsonRoute(QString::fromLatin1(operation), name, TargetPrefix,
                                  [this, handler](const RoutedRequest &r) {
                                      HttpResponse response = (this->*handler)(r);
                                      if (response.status == 200)
                                          response.setHeader("Content-Type",
                                                             "application/x-amz-json-1.1");
                                      return response;
                                  });
          };
    route("FilterLogEvents", &LogsApi::filterLogEvents);
    route("GetLogEvents", &LogsApi::getLogEvents);
    route("DescribeLogStreams", &LogsApi::describeLogStreams);
}

ApplicationRecord *LogsApi::group(const QJsonObject &body, QString *groupName, HttpResponse *error)
{
    QString name;
    if (!groupMember(body, &name, error))
        return nullptr;
    *groupName = name;
    ApplicationRecord *app = name.startsWith(QLatin1String(GroupPrefix))
        ? m_store.application(name.mid(qsizetype(sizeof(GroupPrefix)) - 1))
        : nullptr;
    if (!app || !app->logDelivery) {
        *error = groupNotFound();
        return nullptr;
    }
    const qint64 now = m_nowMs();
    for (IndexRecord &index : app->indices) {
        for (DataSourceRecord &ds : index.dataSources)
            m_store.advance(&ds, now);
    }
    return app;
}

std::optional<LogsApi::Stream> LogsApi::stream(ApplicationRecord &app, const QString &name,
                                               qint64 nowMs)
{
    for (const ReportStreamKind kind :
         {ReportStreamKind::RunReport, ReportStreamKind::GroupMembership}) {
        const QString prefix = reportStreamPrefix(kind);
        if (!name.startsWith(prefix))
            continue;
        const QStringList parts = name.mid(prefix.size()).split(u'/');
        if (parts.size() != 2 || parts[1].size() != 36)
            return std::nullopt;
        for (const IndexRecord &index : app.indices) {
            for (const DataSourceRecord &ds : index.dataSources) {
                if (ds.id != parts[0])
                    continue;
                const QByteArray exec = parts[1].toLatin1();
                for (size_t j = ds.jobs.size(); j > 0; --j) {
                    if (QByteArrayView(ds.jobs[j - 1].executionId.data(), 36) != exec)
                        continue;
                    std::optional<RunReport> report
                        = RunReport::of(m_options, m_store, ds, j - 1, nowMs);
                    if (!report)
                        return std::nullopt;
                    return Stream {name, kind, &ds, j - 1, *report};
                }
            }
        }
    }
    return std::nullopt;
}

std::vector<LogsApi::Stream> LogsApi::streams(ApplicationRecord &app, const QString &prefix,
                                              qint64 nowMs)
{
    std::vector<Stream> out;
    for (const ReportStreamKind kind :
         {ReportStreamKind::RunReport, ReportStreamKind::GroupMembership}) {
        const QString kindPrefix = reportStreamPrefix(kind);
        if (!kindPrefix.startsWith(prefix) && !prefix.startsWith(kindPrefix))
            continue;
        for (const IndexRecord &index : app.indices) {
            for (const DataSourceRecord &ds : index.dataSources) {
                const QString dsPrefix = kindPrefix + ds.id + u'/';
                if (!dsPrefix.startsWith(prefix) && !prefix.startsWith(dsPrefix))
                    continue;
                for (size_t j = 0; j < ds.jobs.size(); ++j) {
                    const QString name = dsPrefix + ds.jobs[j].executionIdString();
                    if (!name.startsWith(prefix))
                        continue;
                    if (std::optional<RunReport> r
                        = RunReport::of(m_options, m_store, ds, j, nowMs))
                        out.push_back({name, kind, &ds, j, *r});
                }
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Stream &a, const Stream &b) { return a.name < b.name; });
    return out;
}

QString LogsApi::streamArn(const ApplicationRecord &app, const QString &stream) const
{
    QString account = QStringLiteral("123456789012");
    for (const IndexRecord &index : app.indices) {
        for (const DataSourceRecord &ds : index.dataSources) {
            const QStringList parts = ds.arn.split(u':');
            if (parts.size() > 4 && parts[4].size() == 12)
                account = parts[4];
        }
    }
    return QStringLiteral("arn:aws:logs:%1:%2:log-group:%3%4:log-stream:%5")
        .arg(m_options.region, account, QLatin1String(GroupPrefix), app.id, stream);
}

bool LogsApi::validatedGroup(const RoutedRequest &request, const MemberCheck &check,
                             GroupRequest *out, HttpResponse *refusal)
{
    if (!parseBody(request, &out->body, refusal) || !check(out->body, refusal))
        return false;
    out->app = group(out->body, &out->groupName, refusal);
    return out->app != nullptr;
}

HttpResponse LogsApi::filterLogEvents(const RoutedRequest &request)
{
    FilterMembers f;
    GroupRequest g;
    HttpResponse refusal;
    const auto check = [&f](const QJsonObject &body, HttpResponse *error) {
        return filterMembers(body, &f, error);
    };
    if (!validatedGroup(request, check, &g, &refusal))
        return refusal;
    const qint64 nowMs = m_nowMs();
    std::vector<Stream> selected;
    if (f.streamNames.isEmpty()) {
        selected = streams(*g.app, f.prefix, nowMs);
    } else {
        std::sort(f.streamNames.begin(), f.streamNames.end());
        f.streamNames.erase(std::unique(f.streamNames.begin(), f.streamNames.end()),
                            f.streamNames.end());
        for (const QString &name : std::as_const(f.streamNames)) {
            if (std::optional<Stream> s = stream(*g.app, name, nowMs))
                selected.push_back(std::move(*s));
        }
        if (selected.empty())
            return streamNotFound();
    }

    const QByteArray filters = "fle|" + g.groupName.toUtf8() + '|'
        + f.streamNames.join(u',').toUtf8() + '|' + f.prefix.toUtf8() + '|'
        + QByteArray::number(f.window.startTime) + '|' + QByteArray::number(f.window.endTime) + '|'
        + f.pattern.toUtf8();
    quint64 position = 0;
    QString tokenError;
    if (!decodePosition(m_tokens, g.body, filters, &position, &tokenError))
        return invalidParameter(QStringLiteral("The nextToken is invalid: %1").arg(tokenError));
    return jsonResponse(writeFilterPage(m_tokens, selected, f, filters, position));
}

HttpResponse LogsApi::getLogEvents(const RoutedRequest &request)
{
    EventWindow window;
    QString streamName;
    GroupRequest g;
    HttpResponse refusal;
    const auto check = [&](const QJsonObject &body, HttpResponse *error) {
        if (!eventWindow(body, &window, error)
            || !stringMember(body, "logStreamName", &streamName, error))
            return false;
        if (streamName.isEmpty())
            *error = constraint(QStringLiteral("logStreamName"), QStringLiteral("null"),
                                QStringLiteral("Member must not be null"));
        return !streamName.isEmpty();
    };
    if (!validatedGroup(request, check, &g, &refusal))
        return refusal;
    const bool fromHead = g.body.value(QLatin1String("startFromHead")).toBool(false);
    const std::optional<Stream> s = stream(*g.app, streamName, m_nowMs());
    if (!s)
        return streamNotFound();
    const RunReport &report = s->report;
    // The window [lo, hi): GetLogEvents's end time is exclusive.
    const qint64 lo = report.firstAtOrAfter(s->kind, window.startTime);
    const qint64 hi
        = std::max(lo,
                   window.endTime == Forever ? report.count(s->kind)
                                             : report.firstAtOrAfter(s->kind, window.endTime));
    const QByteArray filters = "gle|" + g.groupName.toUtf8() + '|' + streamName.toUtf8() + '|'
        + QByteArray::number(window.startTime) + '|' + QByteArray::number(window.endTime);
    EventsPosition p {lo, hi, fromHead, fromHead ? lo : hi};
    const QJsonValue tokenValue = g.body.value(QLatin1String("nextToken"));
    if (tokenValue.isString() && !decodeEventsToken(m_tokens, tokenValue.toString(), filters, &p))
        return invalidParameter(QStringLiteral("The specified nextToken is invalid."));
    return jsonResponse(writeEventsPage(m_tokens, *s, filters, p, window.limit));
}

HttpResponse LogsApi::describeLogStreams(const RoutedRequest &request)
{
    qint64 limit = 50;
    QString prefix;
    QString orderBy;
    GroupRequest g;
    HttpResponse refusal;
    const auto check = [&](const QJsonObject &body, HttpResponse *error) {
        return describeMembers(body, &limit, &prefix, &orderBy, error);
    };
    if (!validatedGroup(request, check, &g, &refusal))
        return refusal;
    const bool byTime = orderBy == QLatin1String("LastEventTime");
    const bool descending = g.body.value(QLatin1String("descending")).toBool(false);
    std::vector<Stream> list = streams(*g.app, prefix, m_nowMs());
    if (byTime)
        std::stable_sort(list.begin(), list.end(), [](const Stream &a, const Stream &b) {
            return lastEventTime(a) < lastEventTime(b);
        });
    if (descending)
        std::reverse(list.begin(), list.end());
    const QByteArray filters = "dls|" + g.groupName.toUtf8() + '|' + prefix.toUtf8() + '|'
        + orderBy.toLatin1() + (descending ? "|d" : "|a");
    quint64 position = 0;
    QString tokenError;
    if (!decodePosition(m_tokens, g.body, filters, &position, &tokenError))
        return invalidParameter(QStringLiteral("The specified nextToken is invalid."));
    QJsonArray page;
    size_t i = size_t(position);
    for (; i < list.size() && page.size() < limit; ++i)
        page.append(streamJson(list[i], streamArn(*g.app, list[i].name)));
    QJsonObject answer;
    answer.insert(QStringLiteral("logStreams"), page);
    if (i < list.size())
        answer.insert(QStringLiteral("nextToken"), m_tokens.encode(filters, i));
    return jsonResponse(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

} // namespace syncdeck::emulator
