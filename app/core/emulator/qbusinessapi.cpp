#include "qbusinessapi.h"

#include "responses.h"
#include "runreport.h"
#include "validator.h"

#include "aws/jsonwriter.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cstring>

namespace syncdeck::emulator {
namespace {

double epochSeconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

QJsonObject summaryTimes(QJsonObject o, qint64 created, qint64 updated)
{
    o.insert(QStringLiteral("createdAt"), epochSeconds(created));
    o.insert(QStringLiteral("updatedAt"), epochSeconds(updated));
    return o;
}

HttpResponse tokenRefused(const QString &why, const QString &token)
{
    return validationResponse({{QStringLiteral("nextToken"), why, token}},
                              QStringLiteral("FIELD_VALIDATION_FAILED"));
}

// Metric names sorted, as QJsonObject would order them: documentsAdded, documentsDeleted,
// documentsFailed, documentsModified, documentsScanned.
const std::array<int, MetricCount> &sortedMetrics()
{
    static const std::array<int, MetricCount> order = [] {
        std::array<int, MetricCount> o {};
        for (int m = 0; m < MetricCount; ++m)
            o[size_t(m)] = m;
        std::sort(o.begin(), o.end(), [](int a, int b) {
            return std::strcmp(metricNameLatin1(a), metricNameLatin1(b)) < 0;
        });
        return o;
    }();
    return order;
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
        for (const int m : sortedMetrics()) {
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

// The members every summary of a listing has (QJsonObject sorts them).
template<typename Record>
QJsonObject summaryJson(const char *idKey, const Record &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("displayName"), r.displayName);
    o.insert(QLatin1String(idKey), r.id);
    o.insert(QStringLiteral("status"), r.status);
    return summaryTimes(o, r.createdMs, r.updatedMs);
}

QJsonObject applicationJson(const ApplicationRecord &a)
{
    QJsonObject o = summaryJson("applicationId", a);
    o.insert(QStringLiteral("identityType"), a.identityType);
    return o;
}

QJsonObject indexJson(const IndexRecord &i)
{
    return summaryJson("indexId", i);
}

QJsonObject dataSourceJson(const DataSourceRecord &d)
{
    QJsonObject o = summaryJson("dataSourceId", d);
    o.insert(QStringLiteral("type"), d.type);
    return o;
}

QJsonObject dataSourceDetailsJson(const ApplicationRecord &app, const IndexRecord &index,
                                  const DataSourceRecord &ds)
{
    QJsonObject body;
    body.insert(QStringLiteral("applicationId"), app.id);
    body.insert(QStringLiteral("indexId"), index.id);
    body.insert(QStringLiteral("dataSourceId"), ds.id);
    if (!ds.arn.isEmpty())
        body.insert(QStringLiteral("dataSourceArn"), ds.arn);
    body.insert(QStringLiteral("displayName"), ds.displayName);
    body.insert(QStringLiteral("type"), ds.type);
    QJsonObject configuration;
    configuration.insert(QStringLiteral("type"), ds.type);
    configuration.insert(QStringLiteral("syncMode"), QStringLiteral("FULL_CRAWL"));
    body.insert(QStringLiteral("configuration"), configuration);
    body = summaryTimes(body, ds.createdMs, ds.updatedMs);
    if (!ds.description.isNull())
        body.insert(QStringLiteral("description"), ds.description);
    body.insert(QStringLiteral("status"), ds.status);
    if (!ds.syncSchedule.isNull())
        body.insert(QStringLiteral("syncSchedule"), ds.syncSchedule);
    if (!ds.roleArn.isEmpty())
        body.insert(QStringLiteral("roleArn"), ds.roleArn);
    return body;
}

// Jobs are ordered by start time, so a time range is a slice found by binary search.
struct JobSlice
{
    size_t begin;
    size_t end;
};

JobSlice jobsStartedWithin(const std::vector<JobRecord> &jobs, qint64 startMs, qint64 endMs)
{
    const auto byStart = [](const JobRecord &j, qint64 t) { return j.startMs < t; };
    const auto startsAfter = [](qint64 t, const JobRecord &j) { return t < j.startMs; };
    return {startMs < 0 ? 0
                        : size_t(std::lower_bound(jobs.begin(), jobs.end(), startMs, byStart)
                                 - jobs.begin()),
            endMs < 0 ? jobs.size()
                      : size_t(std::upper_bound(jobs.begin(), jobs.end(), endMs, startsAfter)
                               - jobs.begin())};
}

void checkIds(Validator &v, const RoutedRequest &request, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        v.id(QString::fromLatin1(name), request.label(QLatin1StringView(name)));
}

} // namespace

QBusinessApi::QBusinessApi(Store &store, const PageTokenCodec &tokens, const Options &options,
                           std::function<qint64()> nowMs)
    : m_store(store)
    , m_tokens(tokens)
    , m_options(options)
    , m_nowMs(std::move(nowMs))
{ }

void QBusinessApi::addRoutes(Router &router)
{
    const QString name = QString::fromLatin1(SigningName);
    const QString app = QStringLiteral("/applications/{applicationId}");
    const QString index = app + QStringLiteral("/indices/{indexId}");
    const QString dataSource = index + QStringLiteral("/datasources/{dataSourceId}");
    const auto route = [&](const char *operation, const char *method, const QString &path,
                           HttpResponse (QBusinessApi::*handler)(const RoutedRequest &)) {
        router.addRestRoute(
            QString::fromLatin1(operation), name, method, path,
            [this, handler](const RoutedRequest &r) { return (this->*handler)(r); });
    };
    route("ListApplications", "GET", QStringLiteral("/applications"),
          &QBusinessApi::listApplications);
    route("ListIndices", "GET", app + QStringLiteral("/indices"), &QBusinessApi::listIndices);
    route("ListDataSources", "GET", index + QStringLiteral("/datasources"),
          &QBusinessApi::listDataSources);
    route("GetDataSource", "GET", dataSource, &QBusinessApi::getDataSource);
    route("ListDataSourceSyncJobs", "GET", dataSource + QStringLiteral("/syncjobs"),
          &QBusinessApi::listSyncJobs);
    route("StartDataSourceSyncJob", "POST", dataSource + QStringLiteral("/startsync"),
          &QBusinessApi::startSync);
    route("StopDataSourceSyncJob", "POST", dataSource + QStringLiteral("/stopsync"),
          &QBusinessApi::stopSync);
    route("ListDocuments", "GET", app + QStringLiteral("/index/{indexId}/documents"),
          &QBusinessApi::listDocuments);
}

bool QBusinessApi::lookup(const RoutedRequest &request, Resources *out, HttpResponse *notFound)
{
    const auto id
        = [&request](const char *label) { return request.label(QLatin1StringView(label)); };
    const auto named = [&request](const char *label) {
        return request.labelNames.contains(QLatin1StringView(label));
    };
    const auto missing = [&](const char *label, const char *type, const char *what) {
        *notFound
            = resourceNotFound(id(label), QString::fromLatin1(type), QString::fromLatin1(what));
        return false;
    };
    out->application = m_store.application(id("applicationId"));
    if (!out->application)
        return missing("applicationId", "Application", "application");
    if (!named("indexId"))
        return true;
    out->index = m_store.index(out->application, id("indexId"));
    if (!out->index)
        return missing("indexId", "Index", "index");
    if (!named("dataSourceId"))
        return true;
    out->dataSource = m_store.dataSource(out->index, id("dataSourceId"));
    if (!out->dataSource)
        return missing("dataSourceId", "DataSource", "data source");
    return true;
}

bool QBusinessApi::validatedLookup(const RoutedRequest &request, const Validator &v, Resources *out,
                                   HttpResponse *refusal)
{
    if (!v.ok()) {
        *refusal = v.response();
        return false;
    }
    return lookup(request, out, refusal);
}

template<typename Children, typename ToJson>
HttpResponse QBusinessApi::listChildren(const RoutedRequest &request, const PagedList &list,
                                        Children children, ToJson toJson)
{
    Validator v;
    for (qsizetype i = 0; i < request.labels.size(); ++i)
        v.id(request.labelNames[i], request.labels[i]);
    const int max
        = v.maxResults(QStringLiteral("maxResults"),
                       request.queryValue(QLatin1StringView("maxResults")), list.maxResults);
    const QString *token = request.queryValue(QLatin1StringView("nextToken"));
    v.nextToken(token);
    if (!v.ok())
        return v.response();
    Resources resources;
    HttpResponse notFound;
    if (!request.labels.isEmpty() && !lookup(request, &resources, &notFound))
        return notFound;
    QByteArray filters = list.filterName;
    for (const QString &label : request.labels)
        filters += '|' + label.toLatin1();

    // Resume from the page token (refused when it was made for other filters), take up to a
    // page of items, answer {member: [...], nextToken?}.
    quint64 start = 0;
    QString tokenError;
    if (token && !m_tokens.decode(*token, filters, &start, &tokenError))
        return tokenRefused(tokenError, *token);
    const auto &items = children(resources);
    const int pageSize = max > 0 ? max : list.maxResults;
    QJsonArray page;
    quint64 i = start;
    for (; i < items.size() && page.size() < pageSize; ++i)
        page.append(toJson(items[i]));
    QJsonObject body;
    body.insert(list.member, page);
    if (i < items.size())
        body.insert(QStringLiteral("nextToken"), m_tokens.encode(filters, i));
    return jsonResponse(body);
}

HttpResponse QBusinessApi::listApplications(const RoutedRequest &request)
{
    return listChildren(
        request, {QStringLiteral("applications"), "applications", 100},
        [this](const Resources &) -> const auto & { return m_store.applications(); },
        applicationJson);
}

HttpResponse QBusinessApi::listIndices(const RoutedRequest &request)
{
    return listChildren(
        request, {QStringLiteral("indices"), "indices", 100},
        [](const Resources &r) -> const auto & { return r.application->indices; }, indexJson);
}

HttpResponse QBusinessApi::listDataSources(const RoutedRequest &request)
{
    return listChildren(
        request, {QStringLiteral("dataSources"), "datasources", 10},
        [](const Resources &r) -> const auto & { return r.index->dataSources; }, dataSourceJson);
}

HttpResponse QBusinessApi::getDataSource(const RoutedRequest &request)
{
    Validator v;
    checkIds(v, request, {"applicationId", "indexId", "dataSourceId"});
    Resources r;
    HttpResponse refusal;
    if (!validatedLookup(request, v, &r, &refusal))
        return refusal;
    return jsonResponse(dataSourceDetailsJson(*r.application, *r.index, *r.dataSource));
}

QBusinessApi::SyncTarget QBusinessApi::syncTarget(const RoutedRequest &request)
{
    SyncTarget target;
    target.nowMs = m_nowMs();
    Validator v;
    checkIds(v, request, {"dataSourceId", "applicationId", "indexId"});
    Resources r;
    if (!validatedLookup(request, v, &r, &target.refusal))
        return target;
    m_store.advance(r.dataSource, target.nowMs);
    target.dataSource = r.dataSource;
    return target;
}

HttpResponse QBusinessApi::listSyncJobs(const RoutedRequest &request)
{
    Validator v;
    checkIds(v, request, {"dataSourceId", "applicationId", "indexId"});
    const QString *token = request.queryValue(QLatin1StringView("nextToken"));
    v.nextToken(token);
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 request.queryValue(QLatin1StringView("maxResults")), 10);
    const qint64 startMs = v.timestamp(QStringLiteral("startTime"),
                                       request.queryValue(QLatin1StringView("startTime")));
    const qint64 endMs
        = v.timestamp(QStringLiteral("endTime"), request.queryValue(QLatin1StringView("endTime")));
    const QString *statusText = request.queryValue(QLatin1StringView("syncStatus"));
    JobStatus status = JobStatus::Succeeded;
    if (statusText && !jobStatusFromName(*statusText, &status)) {
        QStringList names;
        for (int i = 0; i < JobStatusCount; ++i)
            names << jobStatusName(JobStatus(i));
        v.add(QStringLiteral("statusFilter"), *statusText,
              QStringLiteral("Member must satisfy enum value set: [%1]")
                  .arg(names.join(QStringLiteral(", "))));
    }
    Resources r;
    HttpResponse refusal;
    if (!validatedLookup(request, v, &r, &refusal))
        return refusal;
    m_store.advance(r.dataSource, m_nowMs());

    // The token binds the listing and every filter; maxResults may change between pages.
    const QByteArray filters = "syncjobs|" + request.labels.join(u'|').toLatin1() + '|'
        + (statusText ? statusText->toLatin1() : QByteArray("*")) + '|'
        + QByteArray::number(startMs) + '|' + QByteArray::number(endMs);
    const JobSlice slice = jobsStartedWithin(r.dataSource->jobs, startMs, endMs);
    quint64 position = slice.end; // exclusive: newest first means walking down from here
    if (token) {
        QString tokenError;
        if (!m_tokens.decode(*token, filters, &position, &tokenError))
            return tokenRefused(tokenError, *token);
        position = std::min<quint64>(position, slice.end);
    }
    return jsonResponse(writeJobPage(r.dataSource->jobs, slice.begin, size_t(position),
                                     statusText ? &status : nullptr, max > 0 ? max : 10, filters));
}

QByteArray QBusinessApi::writeJobPage(const std::vector<JobRecord> &jobs, size_t lowest,
                                      size_t position, const JobStatus *status, int pageSize,
                                      const QByteArray &filters) const
{
    QByteArray body;
    body.reserve(pageSize * 420 + 200);
    aws::JsonWriter w(body);
    w.beginObject();
    w.key(QLatin1StringView("history"));
    w.beginArray();
    size_t i = position;
    int listed = 0;
    bool more = false;
    while (i > lowest) {
        const JobRecord &job = jobs[i - 1];
        if (!status || job.status == *status) {
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
    return body;
}

HttpResponse QBusinessApi::startSync(const RoutedRequest &request)
{
    const SyncTarget target = syncTarget(request);
    DataSourceRecord *ds = target.dataSource;
    if (!ds)
        return target.refusal;
    if (const JobRecord *running = m_store.runningJob(ds)) {
        return conflict(
            ds->id, QStringLiteral("DataSource"),
            QStringLiteral("The data source %1 is already syncing (execution %2 is "
                           "%3). Wait for it to finish or stop it, then start a new "
                           "sync.")
                .arg(ds->id, running->executionIdString(), jobStatusName(running->status)));
    }
    const JobRecord &job
        = m_store.startJob(ds, target.nowMs, std::max(1000, m_options.syncDurationMs),
                           m_options.seed + (++m_startCounter));
    QJsonObject body;
    body.insert(QStringLiteral("executionId"), job.executionIdString());
    return jsonResponse(body);
}

HttpResponse QBusinessApi::stopSync(const RoutedRequest &request)
{
    const SyncTarget target = syncTarget(request);
    DataSourceRecord *ds = target.dataSource;
    if (!ds)
        return target.refusal;
    const JobRecord *running = m_store.runningJob(ds);
    if (!running || ds->live.stopRequestedMs >= 0) {
        return conflict(
            ds->id, QStringLiteral("DataSource"),
            running
                ? QStringLiteral("The sync job of data source %1 is already stopping.").arg(ds->id)
                : QStringLiteral("The data source %1 has no sync job running.").arg(ds->id));
    }
    m_store.stopJob(ds, target.nowMs);
    return jsonResponse(QJsonObject());
}

HttpResponse QBusinessApi::listDocuments(const RoutedRequest &request)
{
    Validator v;
    checkIds(v, request, {"applicationId", "indexId"});
    const QString *token = request.queryValue(QLatin1StringView("nextToken"));
    v.nextToken(token);
    const int max = v.maxResults(QStringLiteral("maxResults"),
                                 request.queryValue(QLatin1StringView("maxResults")), 100);
    QStringList dataSourceIds;
    for (const auto &[key, value] : request.query) {
        if (key == QLatin1String("dataSourceIds"))
            dataSourceIds.append(value);
    }
    if (dataSourceIds.size() > 1)
        v.add(QStringLiteral("dataSourceIds"), dataSourceIds.join(u','),
              QStringLiteral("Member must have length less than or equal to 1"));
    for (const QString &id : std::as_const(dataSourceIds))
        v.id(QStringLiteral("dataSourceIds"), id);
    Resources r;
    HttpResponse refusal;
    if (!validatedLookup(request, v, &r, &refusal))
        return refusal;
    std::vector<DataSourceRecord *> sources;
    for (DataSourceRecord &ds : r.index->dataSources) {
        if (dataSourceIds.isEmpty() || ds.id == dataSourceIds.first())
            sources.push_back(&ds);
    }
    if (!dataSourceIds.isEmpty() && sources.empty())
        return resourceNotFound(dataSourceIds.first(), QStringLiteral("DataSource"),
                                QStringLiteral("data source"));

    // Positions run over the data sources in order: the source in the high bits.
    constexpr int DocumentBits = 40;
    const QByteArray filters = "documents|" + request.labels.join(u'|').toLatin1() + '|'
        + dataSourceIds.join(u',').toLatin1();
    quint64 position = 0;
    if (token) {
        QString tokenError;
        if (!m_tokens.decode(*token, filters, &position, &tokenError))
            return tokenRefused(tokenError, *token);
    }
    const qint64 nowMs = m_nowMs();
    const int pageSize = max > 0 ? max : 100;
    size_t source = size_t(position >> DocumentBits);
    qint64 document = qint64(position & ((quint64(1) << DocumentBits) - 1));
    QJsonArray page;
    bool more = false;
    for (; source < sources.size() && !more; ++source, document = 0) {
        m_store.advance(sources[source], nowMs);
        const DocumentCatalogue catalogue(m_options, m_store, *sources[source], nowMs);
        for (; document < catalogue.count(); ++document) {
            if (page.size() == pageSize) {
                more = true;
                break;
            }
            const IndexedDocument d = catalogue.at(document);
            QJsonObject o;
            o.insert(QStringLiteral("documentId"), d.documentId);
            o.insert(QStringLiteral("status"), d.status);
            if (!d.errorCode.isEmpty()) {
                QJsonObject error;
                error.insert(QStringLiteral("errorCode"), d.errorCode);
                error.insert(QStringLiteral("errorMessage"), d.errorMessage);
                o.insert(QStringLiteral("error"), error);
            }
            page.append(summaryTimes(o, d.createdMs, d.updatedMs));
        }
        if (more)
            break;
    }
    QJsonObject body;
    body.insert(QStringLiteral("documentDetailList"), page);
    if (more)
        body.insert(
            QStringLiteral("nextToken"),
            m_tokens.encode(filters, (quint64(source) << DocumentBits) | quint64(document)));
    return jsonResponse(body);
}

} // namespace syncdeck::emulator
