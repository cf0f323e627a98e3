#include "service.h"

#include "aws/crypto.h"
#include "aws/jsonwriter.h"
#include "fixture.h"
#include "generator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace syncdeck::emulator {

namespace {

constexpr char ServiceName[] = "qbusiness";
constexpr char IdPattern[] = "[a-zA-Z0-9][a-zA-Z0-9-]{35}";
// How AWS front ends label authentication failures in x-amzn-ErrorType.
constexpr char CoralServiceSuffix[] = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

QByteArray percentDecode(QByteArrayView in, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1]))
            && std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            bool ok = false;
            const int value = QByteArrayView(in.data() + i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(value));
                i += 2;
                continue;
            }
        }
        out.append(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

double epochSeconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// Query timestamps are ISO 8601 date-times (rest-json): 2024-05-01T12:00:00Z, optionally with
// fractional seconds and a numeric offset.
bool parseIsoTimestamp(const QString &text, qint64 *ms)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
                       "(Z|z|[+-]\\d{2}:?\\d{2})$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int hour = m.captured(4).toInt(), minute = m.captured(5).toInt(),
              second = m.captured(6).toInt();
    if (!date.isValid() || hour > 23 || minute > 59 || second > 60)
        return false;
    // Epoch arithmetic rather than QDateTime: no time zone machinery per request.
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    qint64 value = ((days * 24 + hour) * 60 + minute) * 60000 + qint64(std::min(second, 59)) * 1000;
    const QString fraction = m.captured(7);
    if (!fraction.isEmpty())
        value += QString(fraction + QStringLiteral("00")).left(3).toInt();
    const QString zone = m.captured(8);
    if (zone != QLatin1String("Z") && zone != QLatin1String("z")) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        const QString digits = zone.mid(1).remove(QLatin1Char(':'));
        const int offsetMinutes = digits.left(2).toInt() * 60 + digits.mid(2).toInt();
        value -= sign * qint64(offsetMinutes) * 60000;
    }
    *ms = value;
    return true;
}

QString httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
}

// One DataSourceSyncJob, written straight as JSON text (members in key order, as the
// QJsonObject-built bodies of the other operations have them): a page of jobs is the one body
// the emulator builds thousands of times a second.
void writeJobJson(aws::JsonWriter &w, const Store &store, const JobRecord &job)
{
    w.beginObject();
    if (job.dataSourceErrorCode != 0) {
        w.key(QLatin1StringView("dataSourceErrorCode"));
        w.value(QStringView(store.string(job.dataSourceErrorCode)));
    }
    if (job.endMs >= 0) {
        w.key(QLatin1StringView("endTime"));
        w.value(epochSeconds(job.endMs));
    }
    if (job.errorCode != JobErrorCode::None || job.errorMessage != 0) {
        w.key(QLatin1StringView("error"));
        w.beginObject();
        if (job.errorCode != JobErrorCode::None) {
            w.key(QLatin1StringView("errorCode"));
            w.value(QStringView(jobErrorCodeName(job.errorCode)));
        }
        if (job.errorMessage != 0) {
            w.key(QLatin1StringView("errorMessage"));
            w.value(QStringView(store.string(job.errorMessage)));
        }
        w.endObject();
    }
    w.key(QLatin1StringView("executionId"));
    w.value(QLatin1StringView(job.executionId.data(), qsizetype(job.executionId.size())));
    if (job.hasMetrics) {
        w.key(QLatin1StringView("metrics"));
        w.beginObject();
        // Sorted: documentsAdded, documentsDeleted, documentsFailed, documentsModified,
        // documentsScanned.
        static const std::array<int, MetricCount> order = [] {
            std::array<int, MetricCount> o {};
            for (int m = 0; m < MetricCount; ++m)
                o[size_t(m)] = m;
            std::sort(o.begin(), o.end(), [](int a, int b) {
                return std::strcmp(metricNameLatin1(a), metricNameLatin1(b)) < 0;
            });
            return o;
        }();
        for (const int m : order) {
            if (job.metrics[m] < 0)
                continue;
            w.key(QLatin1StringView(metricNameLatin1(m)));
            const QByteArray digits = QByteArray::number(job.metrics[m]);
            w.value(QLatin1StringView(digits));
        }
        w.endObject();
    }
    if (job.startMs >= 0) {
        w.key(QLatin1StringView("startTime"));
        w.value(epochSeconds(job.startMs));
    }
    w.key(QLatin1StringView("status"));
    w.value(QStringView(jobStatusName(job.status)));
    w.endObject();
}

struct FieldError
{
    QString name;
    QString message;
    QString value;
};

HttpResponse jsonResponse(const QJsonObject &body, int status = 200)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

// A modeled error: x-amzn-ErrorType names it, the body has `message` and the modeled members.
HttpResponse errorResponse(int status, const QString &code, const QString &message,
                           const QJsonObject &members = {})
{
    QJsonObject body = members;
    body.insert(QStringLiteral("message"), message);
    HttpResponse response = jsonResponse(body, status);
    response.setHeader("x-amzn-ErrorType", code.toLatin1());
    return response;
}

// ValidationException worded as AWS words it: "2 validation errors detected: Value 'x' at
// 'maxResults' failed to satisfy constraint: ...; Value ...".
HttpResponse validationResponse(const QList<FieldError> &errors, const QString &reason)
{
    QStringList parts;
    QJsonArray fields;
    for (const FieldError &e : errors) {
        parts << QStringLiteral("Value '%1' at '%2' failed to satisfy constraint: %3")
                     .arg(e.value, e.name, e.message);
        QJsonObject field;
        field.insert(QStringLiteral("name"), e.name);
        field.insert(QStringLiteral("message"), e.message);
        fields.append(field);
    }
    const QString message = QStringLiteral("%1 validation error%2 detected: %3")
                                .arg(errors.size())
                                .arg(errors.size() == 1 ? QString() : QStringLiteral("s"))
                                .arg(parts.join(QStringLiteral("; ")));
    QJsonObject members;
    members.insert(QStringLiteral("reason"), reason);
    members.insert(QStringLiteral("fields"), fields);
    return errorResponse(400, QStringLiteral("ValidationException"), message, members);
}

HttpResponse tokenRefused(const QString &why, const QString &token)
{
    return validationResponse({{QStringLiteral("nextToken"), why, token}},
                              QStringLiteral("FIELD_VALIDATION_FAILED"));
}

// The request target for the log, with query credentials (presigned-URL style) blanked out.
QString loggableTarget(const QByteArray &target)
{
    static const QRegularExpression secret(
        QStringLiteral("((?:^|[?&])X-Amz-(?:Security-Token|Signature|Credential)=)[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    return QString::fromLatin1(target).replace(secret, QStringLiteral("\\1**REDACTED**"));
}

// Collects the model's constraint violations, phrased as AWS phrases them.
class Validator
{
public:
    void id(const QString &name, const QString &value)
    {
        static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9-]{35}$"));
        if (value.size() < 36)
            add(name, value, QStringLiteral("Member must have length greater than or equal to 36"));
        else if (value.size() > 36)
            add(name, value, QStringLiteral("Member must have length less than or equal to 36"));
        else if (!re.match(value).hasMatch())
            add(name, value,
                QStringLiteral("Member must satisfy regular expression pattern: %1")
                    .arg(QLatin1String(IdPattern)));
    }
    // Returns the value, or 0 when absent.
    int maxResults(const QString &name, const QString *value, int max)
    {
        if (!value)
            return 0;
        bool ok = false;
        const qint64 n = value->toLongLong(&ok);
        if (!ok) {
            m_cannotParse = true;
            add(name, *value, QStringLiteral("Member must be an integer"));
            return 0;
        }
        if (n < 1)
            add(name, *value, QStringLiteral("Member must have value greater than or equal to 1"));
        else if (n > max)
            add(name, *value,
                QStringLiteral("Member must have value less than or equal to %1").arg(max));
        return int(std::clamp<qint64>(n, 1, max));
    }
    void nextToken(const QString *value)
    {
        if (!value)
            return;
        if (value->isEmpty())
            add(QStringLiteral("nextToken"), *value,
                QStringLiteral("Member must have length greater than or equal to 1"));
        else if (value->size() > 800)
            add(QStringLiteral("nextToken"), *value,
                QStringLiteral("Member must have length less than or equal to 800"));
    }
    // Returns -1 when absent or invalid.
    qint64 timestamp(const QString &name, const QString *value)
    {
        if (!value)
            return -1;
        qint64 ms = 0;
        if (!parseIsoTimestamp(*value, &ms)) {
            m_cannotParse = true;
            add(name, *value,
                QStringLiteral("Member must be an ISO 8601 date-time such as "
                               "2024-05-01T12:00:00Z"));
            return -1;
        }
        return ms;
    }
    void add(const QString &name, const QString &value, const QString &message)
    {
        m_errors.append({name, message, value});
    }

    bool ok() const { return m_errors.isEmpty(); }
    HttpResponse response() const
    {
        return validationResponse(m_errors,
                                  m_cannotParse ? QStringLiteral("CANNOT_PARSE")
                                                : QStringLiteral("FIELD_VALIDATION_FAILED"));
    }

private:
    QList<FieldError> m_errors;
    bool m_cannotParse = false;
};

const QString *queryValue(const QList<std::pair<QString, QString>> &query, QLatin1String name)
{
    for (const auto &[k, v] : query) {
        if (k == name)
            return &v;
    }
    return nullptr;
}

} // namespace

Service::Service(const Options &options)
    : m_options(options)
    , m_authenticator(options.accessKeyId, options.secretAccessKey, options.sessionToken,
                      options.region, QString::fromLatin1(ServiceName))
    , m_tokens(aws::crypto::hmacSha256(
          QByteArray("syncdeck-emulator-page-token"),
          QByteArray(QByteArray::number(options.seed) + ':' + options.secretAccessKey.toUtf8())))
    , m_faults(options.faults, options.seed)
{
    m_store.setStopDurationMs(std::max(0, options.stopDurationMs));
}

bool Service::load(QString *error)
{
    if (!m_options.statePath.isEmpty()) {
        const bool ok = loadFixture(m_options.statePath, &m_store, error);
        m_store.setStopDurationMs(std::max(0, m_options.stopDurationMs));
        return ok;
    }
    const QDateTime anchor = m_options.anchorTime.isValid() ? m_options.anchorTime : now();
    Generator(m_options, (anchor.toMSecsSinceEpoch() / 1000) * 1000).generate(&m_store);
    return true;
}

QDateTime Service::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_options.clockSkewSeconds);
}

Reply Service::handle(const HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    Reply reply;
    const AuthResult auth = m_authenticator.verify(request, now());
    QString outcome;
    if (!auth.ok) {
        reply.response = errorResponse(auth.httpStatus, auth.code, auth.message);
        reply.response.setHeader("x-amzn-ErrorType",
                                 (auth.code + QLatin1String(CoralServiceSuffix)).toLatin1());
    } else {
        switch (m_faults.next()) {
        case FaultInjector::Fault::None:
            reply.response = dispatch(request);
            break;
        case FaultInjector::Fault::Throttle:
            reply.response = errorResponse(429, QStringLiteral("ThrottlingException"),
                                           QStringLiteral("Rate exceeded"));
            outcome = QStringLiteral(" [fault: throttle]");
            break;
        case FaultInjector::Fault::Error500:
            // What a load balancer in front of a service answers: HTML, not JSON.
            reply.response.status = 500;
            reply.response.setHeader("Content-Type", "text/html");
            reply.response.setHeader("x-amzn-ErrorType", "InternalServerException");
            reply.response.body
                = "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n"
                  "<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n"
                  "</body>\r\n</html>\r\n";
            outcome = QStringLiteral(" [fault: error500]");
            break;
        case FaultInjector::Fault::Reset:
            reply.network = Reply::Network::Reset;
            outcome = QStringLiteral(" [fault: reset]");
            break;
        case FaultInjector::Fault::Stall:
            reply.response = dispatch(request);
            reply.network = Reply::Network::Stall;
            reply.stallMs = m_faults.stallMs();
            outcome = QStringLiteral(" [fault: stall %1 ms]").arg(reply.stallMs);
            break;
        case FaultInjector::Fault::Truncate:
            reply.response = dispatch(request);
            reply.network = Reply::Network::Truncate;
            outcome = QStringLiteral(" [fault: truncate]");
            break;
        }
    }
    finish(&reply.response);
    if (m_options.verbose) {
        // The access key id identifies the caller; secrets and tokens never reach the log.
        QTextStream err(stderr);
        QByteArray errorType;
        for (const auto &h : std::as_const(reply.response.headers)) {
            if (h.name == "x-amzn-ErrorType")
                errorType = ' ' + h.value.split(':').constFirst();
        }
        err << QString::fromLatin1(request.method) << ' ' << loggableTarget(request.target)
            << " -> "
            << (reply.network == Reply::Network::Reset ? QStringLiteral("reset")
                                                       : QString::number(reply.response.status))
            << QString::fromLatin1(errorType)
            << " key=" << (auth.accessKeyId.isEmpty() ? QStringLiteral("-") : auth.accessKeyId)
            << ' ' << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2) << " ms"
            << outcome << '\n';
        err.flush();
    }
    return reply;
}

HttpResponse Service::malformed(int status, const QString &message) const
{
    QJsonObject body;
    body.insert(QStringLiteral("message"), message);
    HttpResponse response = jsonResponse(body, status);
    finish(&response);
    return response;
}

void Service::finish(HttpResponse *response) const
{
    response->setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    response->setHeader("Date", httpDate(now()).toLatin1());
    bool hasType = false;
    for (const auto &h : std::as_const(response->headers))
        hasType = hasType || h.name.compare("content-type", Qt::CaseInsensitive) == 0;
    if (!hasType)
        response->setHeader("Content-Type", "application/json");
}

HttpResponse Service::dispatch(const HttpRequest &request)
{
    QStringList segments;
    for (const QByteArray &raw : request.path.mid(1).split('/'))
        segments.append(QString::fromUtf8(percentDecode(raw, false)));
    Query query;
    if (!request.query.isEmpty()) {
        for (const QByteArray &pair : request.query.split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            const QByteArray key = eq < 0 ? pair : pair.first(eq);
            const QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1);
            query.append({QString::fromUtf8(percentDecode(key, true)),
                          QString::fromUtf8(percentDecode(value, true))});
        }
    }
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const qsizetype n = segments.size();
    if (n >= 1 && segments[0] == QLatin1String("applications")) {
        if (n == 1 && get)
            return listApplications(query);
        if (n == 3 && get && segments[2] == QLatin1String("indices"))
            return listIndices(segments[1], query);
        if (n >= 5 && segments[2] == QLatin1String("indices")
            && segments[4] == QLatin1String("datasources")) {
            if (n == 5 && get)
                return listDataSources(segments[1], segments[3], query);
            if (n == 6 && get)
                return getDataSource(segments[1], segments[3], segments[5]);
            if (n == 7 && get && segments[6] == QLatin1String("syncjobs"))
                return listSyncJobs(segments[1], segments[3], segments[5], query);
            if (n == 7 && post && segments[6] == QLatin1String("startsync"))
                return startSync(segments[1], segments[3], segments[5]);
            if (n == 7 && post && segments[6] == QLatin1String("stopsync"))
                return stopSync(segments[1], segments[3], segments[5]);
        }
    }
    QJsonObject members;
    members.insert(QStringLiteral("reason"), QStringLiteral("UNKNOWN_OPERATION"));
    return errorResponse(
        400, QStringLiteral("ValidationException"),
        QStringLiteral("No Amazon Q Business operation matches %1 %2.")
            .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path)),
        members);
}

bool Service::find(const QString &appId, const QString &indexId, const QString &dsId,
                   ApplicationRecord **app, IndexRecord **index, DataSourceRecord **ds,
                   HttpResponse *out)
{
    auto notFound = [&](const QString &id, const QString &type, const QString &what) {
        QJsonObject members;
        members.insert(QStringLiteral("resourceId"), id);
        members.insert(QStringLiteral("resourceType"), type);
        *out = errorResponse(404, QStringLiteral("ResourceNotFoundException"),
                             QStringLiteral("The %1 %2 cannot be found.").arg(what, id), members);
        return false;
    };
    *app = m_store.application(appId);
    if (!*app)
        return notFound(appId, QStringLiteral("Application"), QStringLiteral("application"));
    if (!index)
        return true;
    *index = m_store.index(*app, indexId);
    if (!*index)
        return notFound(indexId, QStringLiteral("Index"), QStringLiteral("index"));
    if (!ds)
        return true;
    *ds = m_store.dataSource(*index, dsId);
    if (!*ds)
        return notFound(dsId, QStringLiteral("DataSource"), QStringLiteral("data source"));
    return true;
}

namespace {

// The shared tail of the list operations: resume from the page token (refused when it was made
// for other filters), take up to pageSize items, answer {member: [...], nextToken?}.
template<typename Record, typename ToJson>
HttpResponse listPage(const PageTokenCodec &tokens, const QByteArray &filters, const QString *token,
                      const std::vector<Record> &items, int pageSize, const QString &member,
                      ToJson toJson)
{
    quint64 start = 0;
    QString tokenError;
    if (token && !tokens.decode(*token, filters, &start, &tokenError))
        return tokenRefused(tokenError, *token);
    QJsonArray list;
    quint64 i = start;
    for (; i < items.size() && list.size() < pageSize; ++i)
        list.append(toJson(items[i]));
    QJsonObject body;
    body.insert(member, list);
    if (i < items.size())
        body.insert(QStringLiteral("nextToken"), tokens.encode(filters, i));
    return jsonResponse(body);
}

QJsonObject summaryTimes(QJsonObject o, qint64 created, qint64 updated)
{
    o.insert(QStringLiteral("createdAt"), epochSeconds(created));
    o.insert(QStringLiteral("updatedAt"), epochSeconds(updated));
    return o;
}

} // namespace

HttpResponse Service::listApplications(const Query &query)
{
    Validator v;
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 queryValue(query, QLatin1String("maxResults")), 100);
    const QString *token = queryValue(query, QLatin1String("nextToken"));
    v.nextToken(token);
    if (!v.ok())
        return v.response();
    const QByteArray filters = "applications";
    return listPage(m_tokens, filters, token, m_store.applications(), max > 0 ? max : 100,
                    QStringLiteral("applications"), [](const ApplicationRecord &a) {
                        QJsonObject o;
                        o.insert(QStringLiteral("displayName"), a.displayName);
                        o.insert(QStringLiteral("applicationId"), a.id);
                        o.insert(QStringLiteral("status"), a.status);
                        o.insert(QStringLiteral("identityType"), a.identityType);
                        return summaryTimes(o, a.createdMs, a.updatedMs);
                    });
}

HttpResponse Service::listIndices(const QString &appId, const Query &query)
{
    Validator v;
    v.id(QStringLiteral("applicationId"), appId);
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 queryValue(query, QLatin1String("maxResults")), 100);
    const QString *token = queryValue(query, QLatin1String("nextToken"));
    v.nextToken(token);
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    HttpResponse notFound;
    if (!find(appId, {}, {}, &app, nullptr, nullptr, &notFound))
        return notFound;
    const QByteArray filters = "indices|" + appId.toLatin1();
    return listPage(m_tokens, filters, token, app->indices, max > 0 ? max : 100,
                    QStringLiteral("indices"), [](const IndexRecord &i) {
                        QJsonObject o;
                        o.insert(QStringLiteral("displayName"), i.displayName);
                        o.insert(QStringLiteral("indexId"), i.id);
                        o.insert(QStringLiteral("status"), i.status);
                        return summaryTimes(o, i.createdMs, i.updatedMs);
                    });
}

HttpResponse Service::listDataSources(const QString &appId, const QString &indexId,
                                      const Query &query)
{
    Validator v;
    v.id(QStringLiteral("applicationId"), appId);
    v.id(QStringLiteral("indexId"), indexId);
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 queryValue(query, QLatin1String("maxResults")), 10);
    const QString *token = queryValue(query, QLatin1String("nextToken"));
    v.nextToken(token);
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    IndexRecord *index = nullptr;
    HttpResponse notFound;
    if (!find(appId, indexId, {}, &app, &index, nullptr, &notFound))
        return notFound;
    const QByteArray filters = "datasources|" + appId.toLatin1() + '|' + indexId.toLatin1();
    return listPage(m_tokens, filters, token, index->dataSources, max > 0 ? max : 10,
                    QStringLiteral("dataSources"), [](const DataSourceRecord &d) {
                        QJsonObject o;
                        o.insert(QStringLiteral("displayName"), d.displayName);
                        o.insert(QStringLiteral("dataSourceId"), d.id);
                        o.insert(QStringLiteral("type"), d.type);
                        o.insert(QStringLiteral("status"), d.status);
                        return summaryTimes(o, d.createdMs, d.updatedMs);
                    });
}

HttpResponse Service::getDataSource(const QString &appId, const QString &indexId,
                                    const QString &dsId)
{
    Validator v;
    v.id(QStringLiteral("applicationId"), appId);
    v.id(QStringLiteral("indexId"), indexId);
    v.id(QStringLiteral("dataSourceId"), dsId);
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    IndexRecord *index = nullptr;
    DataSourceRecord *ds = nullptr;
    HttpResponse notFound;
    if (!find(appId, indexId, dsId, &app, &index, &ds, &notFound))
        return notFound;
    QJsonObject body;
    body.insert(QStringLiteral("applicationId"), app->id);
    body.insert(QStringLiteral("indexId"), index->id);
    body.insert(QStringLiteral("dataSourceId"), ds->id);
    if (!ds->arn.isEmpty())
        body.insert(QStringLiteral("dataSourceArn"), ds->arn);
    body.insert(QStringLiteral("displayName"), ds->displayName);
    body.insert(QStringLiteral("type"), ds->type);
    QJsonObject configuration;
    configuration.insert(QStringLiteral("type"), ds->type);
    configuration.insert(QStringLiteral("syncMode"), QStringLiteral("FULL_CRAWL"));
    body.insert(QStringLiteral("configuration"), configuration);
    body = summaryTimes(body, ds->createdMs, ds->updatedMs);
    if (!ds->description.isNull())
        body.insert(QStringLiteral("description"), ds->description);
    body.insert(QStringLiteral("status"), ds->status);
    if (!ds->syncSchedule.isNull())
        body.insert(QStringLiteral("syncSchedule"), ds->syncSchedule);
    if (!ds->roleArn.isEmpty())
        body.insert(QStringLiteral("roleArn"), ds->roleArn);
    return jsonResponse(body);
}

HttpResponse Service::listSyncJobs(const QString &appId, const QString &indexId,
                                   const QString &dsId, const Query &query)
{
    Validator v;
    v.id(QStringLiteral("dataSourceId"), dsId);
    v.id(QStringLiteral("applicationId"), appId);
    v.id(QStringLiteral("indexId"), indexId);
    const QString *token = queryValue(query, QLatin1String("nextToken"));
    v.nextToken(token);
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 queryValue(query, QLatin1String("maxResults")), 10);
    const qint64 startMs
        = v.timestamp(QStringLiteral("startTime"), queryValue(query, QLatin1String("startTime")));
    const qint64 endMs
        = v.timestamp(QStringLiteral("endTime"), queryValue(query, QLatin1String("endTime")));
    const QString *statusText = queryValue(query, QLatin1String("syncStatus"));
    JobStatus status = JobStatus::Succeeded;
    if (statusText && !jobStatusFromName(*statusText, &status)) {
        QStringList names;
        for (int i = 0; i < JobStatusCount; ++i)
            names << jobStatusName(JobStatus(i));
        v.add(QStringLiteral("statusFilter"), *statusText,
              QStringLiteral("Member must satisfy enum value set: [%1]")
                  .arg(names.join(QStringLiteral(", "))));
    }
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    IndexRecord *index = nullptr;
    DataSourceRecord *ds = nullptr;
    HttpResponse notFound;
    if (!find(appId, indexId, dsId, &app, &index, &ds, &notFound))
        return notFound;
    m_store.advance(ds, now().toMSecsSinceEpoch());

    // The token binds the listing and every filter; maxResults may change between pages.
    const QByteArray filters = "syncjobs|" + appId.toLatin1() + '|' + indexId.toLatin1() + '|'
        + dsId.toLatin1() + '|' + (statusText ? statusText->toLatin1() : QByteArray("*")) + '|'
        + QByteArray::number(startMs) + '|' + QByteArray::number(endMs);
    const auto &jobs = ds->jobs;
    // Jobs are ordered by start time, so the time range is a slice found by binary search.
    const auto byStart = [](const JobRecord &j, qint64 t) { return j.startMs < t; };
    const size_t lo = startMs < 0
        ? 0
        : size_t(std::lower_bound(jobs.begin(), jobs.end(), startMs, byStart) - jobs.begin());
    const size_t hi = endMs < 0
        ? jobs.size()
        : size_t(std::upper_bound(jobs.begin(), jobs.end(), endMs,
                                  [](qint64 t, const JobRecord &j) { return t < j.startMs; })
                 - jobs.begin());
    quint64 position = hi; // exclusive upper bound: newest first means walking down from here
    if (token) {
        QString tokenError;
        if (!m_tokens.decode(*token, filters, &position, &tokenError))
            return tokenRefused(tokenError, *token);
        position = std::min<quint64>(position, hi);
    }
    const int pageSize = max > 0 ? max : 10;
    QByteArray body;
    body.reserve(pageSize * 420 + 200);
    aws::JsonWriter w(body);
    w.beginObject();
    w.key(QLatin1StringView("history"));
    w.beginArray();
    size_t i = size_t(position);
    int listed = 0;
    bool more = false;
    while (i > lo) {
        const JobRecord &job = jobs[i - 1];
        if (!statusText || job.status == status) {
            if (listed == pageSize) {
                more = true;
                break;
            }
            writeJobJson(w, m_store, job);
            ++listed;
        }
        --i;
    }
    w.endArray();
    if (more) {
        w.key(QLatin1StringView("nextToken"));
        w.value(QStringView(m_tokens.encode(filters, i)));
    }
    w.endObject();
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "application/json");
    response.body = std::move(body);
    return response;
}

HttpResponse Service::startSync(const QString &appId, const QString &indexId, const QString &dsId)
{
    Validator v;
    v.id(QStringLiteral("dataSourceId"), dsId);
    v.id(QStringLiteral("applicationId"), appId);
    v.id(QStringLiteral("indexId"), indexId);
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    IndexRecord *index = nullptr;
    DataSourceRecord *ds = nullptr;
    HttpResponse notFound;
    if (!find(appId, indexId, dsId, &app, &index, &ds, &notFound))
        return notFound;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    m_store.advance(ds, nowMs);
    if (const JobRecord *running = m_store.runningJob(ds)) {
        QJsonObject members;
        members.insert(QStringLiteral("resourceId"), ds->id);
        members.insert(QStringLiteral("resourceType"), QStringLiteral("DataSource"));
        return errorResponse(
            409, QStringLiteral("ConflictException"),
            QStringLiteral("The data source %1 is already syncing (execution %2 is %3). "
                           "Wait for it to finish or stop it, then start a new sync.")
                .arg(ds->id, running->executionIdString(), jobStatusName(running->status)),
            members);
    }
    const JobRecord &job = m_store.startJob(ds, nowMs, std::max(1000, m_options.syncDurationMs),
                                            m_options.seed + (++m_startCounter));
    QJsonObject body;
    body.insert(QStringLiteral("executionId"), job.executionIdString());
    return jsonResponse(body);
}

HttpResponse Service::stopSync(const QString &appId, const QString &indexId, const QString &dsId)
{
    Validator v;
    v.id(QStringLiteral("dataSourceId"), dsId);
    v.id(QStringLiteral("applicationId"), appId);
    v.id(QStringLiteral("indexId"), indexId);
    if (!v.ok())
        return v.response();
    ApplicationRecord *app = nullptr;
    IndexRecord *index = nullptr;
    DataSourceRecord *ds = nullptr;
    HttpResponse notFound;
    if (!find(appId, indexId, dsId, &app, &index, &ds, &notFound))
        return notFound;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    m_store.advance(ds, nowMs);
    const JobRecord *running = m_store.runningJob(ds);
    if (!running || ds->live.stopRequestedMs >= 0) {
        QJsonObject members;
        members.insert(QStringLiteral("resourceId"), ds->id);
        members.insert(QStringLiteral("resourceType"), QStringLiteral("DataSource"));
        return errorResponse(
            409, QStringLiteral("ConflictException"),
            running
                ? QStringLiteral("The sync job of data source %1 is already stopping.").arg(ds->id)
                : QStringLiteral("The data source %1 has no sync job running.").arg(ds->id),
            members);
    }
    m_store.stopJob(ds, nowMs);
    return jsonResponse(QJsonObject());
}

} // namespace syncdeck::emulator
