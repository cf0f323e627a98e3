#include "fleetrowcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace syncdeck::cache {

using fleet::DataSourceHealth;
using fleet::FleetError;
using fleet::FleetRow;
using fleet::RunMark;

namespace {

// Writers and readers of one member each, keyed by name; both sides use the same names.
struct Writer
{
    QJsonObject o;
    void text(const char *k, const QString &v)
    {
        if (!v.isEmpty())
            o.insert(QLatin1String(k), v);
    }
    void number(const char *k, qint64 v)
    {
        if (v != 0)
            o.insert(QLatin1String(k), v);
    }
    void flag(const char *k, bool v)
    {
        if (v)
            o.insert(QLatin1String(k), true);
    }
    void time(const char *k, const QDateTime &v)
    {
        if (v.isValid())
            o.insert(QLatin1String(k), v.toMSecsSinceEpoch());
    }
    void optional(const char *k, const std::optional<qint64> &v)
    {
        if (v)
            o.insert(QLatin1String(k), *v);
    }
};

struct Reader
{
    const QJsonObject &o;
    QString text(const char *k) const { return o.value(QLatin1String(k)).toString(); }
    qint64 number(const char *k) const { return qint64(o.value(QLatin1String(k)).toDouble()); }
    bool flag(const char *k) const { return o.value(QLatin1String(k)).toBool(); }
    QDateTime time(const char *k) const
    {
        const QJsonValue v = o.value(QLatin1String(k));
        return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), QTimeZone::utc())
                            : QDateTime();
    }
    std::optional<qint64> optional(const char *k) const
    {
        const QJsonValue v = o.value(QLatin1String(k));
        return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
    }
};

QJsonObject encodeHealth(const DataSourceHealth &h)
{
    Writer w;
    w.number("attention", int(h.attention));
    w.text("reason", h.reason);
    if (!h.reasons.isEmpty())
        w.o.insert(QLatin1String("reasons"), QJsonArray::fromStringList(h.reasons));
    w.number("runsSeen", h.runsSeen);
    w.number("finishedRunsSeen", h.finishedRunsSeen);
    w.number("succeededRunsSeen", h.succeededRunsSeen);
    if (h.successRate)
        w.o.insert(QLatin1String("successRate"), *h.successRate);
    w.text("lastRunExecutionId", h.lastRunExecutionId);
    w.text("lastRunStatus", h.lastRunStatus);
    w.time("lastRunStartTime", h.lastRunStartTime);
    w.time("lastRunEndTime", h.lastRunEndTime);
    w.optional("lastRunDocumentsFailed", h.lastRunDocumentsFailed);
    w.text("lastRunErrorCode", h.lastRunErrorCode);
    w.text("lastRunErrorMessage", h.lastRunErrorMessage);
    w.time("lastSuccessTime", h.lastSuccessTime);
    w.optional("lastSuccessAgeSeconds", h.lastSuccessAgeSeconds);
    w.number("failingStreak", h.failingStreak);
    w.time("failingSince", h.failingSince);
    w.flag("failingStreakCoversRunsSeen", h.failingStreakCoversRunsSeen);
    w.flag("running", h.running);
    w.text("runningExecutionId", h.runningExecutionId);
    w.text("runningStatus", h.runningStatus);
    w.time("runningSince", h.runningSince);
    w.optional("runningDocumentsScanned", h.runningDocumentsScanned);
    w.text("dataSourceStatus", h.dataSourceStatus);
    w.text("dataSourceErrorCode", h.dataSourceErrorCode);
    w.text("dataSourceErrorMessage", h.dataSourceErrorMessage);
    w.text("schedule", h.schedule);
    w.text("scheduleError", h.scheduleError);
    w.optional("schedulePeriodSeconds", h.schedulePeriodSeconds);
    w.time("nextScheduledRun", h.nextScheduledRun);
    w.flag("overdue", h.overdue);
    w.time("overdueSince", h.overdueSince);
    return w.o;
}

DataSourceHealth decodeHealth(const QJsonObject &o)
{
    const Reader r {o};
    DataSourceHealth h;
    h.attention
        = fleet::Attention(std::clamp<qint64>(r.number("attention"), 0, fleet::AttentionCount - 1));
    h.reason = r.text("reason");
    for (const QJsonValue &v : o.value(QLatin1String("reasons")).toArray())
        h.reasons.append(v.toString());
    h.runsSeen = int(r.number("runsSeen"));
    h.finishedRunsSeen = int(r.number("finishedRunsSeen"));
    h.succeededRunsSeen = int(r.number("succeededRunsSeen"));
    if (o.value(QLatin1String("successRate")).isDouble())
        h.successRate = o.value(QLatin1String("successRate")).toDouble();
    h.lastRunExecutionId = r.text("lastRunExecutionId");
    h.lastRunStatus = r.text("lastRunStatus");
    h.lastRunStartTime = r.time("lastRunStartTime");
    h.lastRunEndTime = r.time("lastRunEndTime");
    h.lastRunDocumentsFailed = r.optional("lastRunDocumentsFailed");
    h.lastRunErrorCode = r.text("lastRunErrorCode");
    h.lastRunErrorMessage = r.text("lastRunErrorMessage");
    h.lastSuccessTime = r.time("lastSuccessTime");
    h.lastSuccessAgeSeconds = r.optional("lastSuccessAgeSeconds");
    h.failingStreak = int(r.number("failingStreak"));
    h.failingSince = r.time("failingSince");
    h.failingStreakCoversRunsSeen = r.flag("failingStreakCoversRunsSeen");
    h.running = r.flag("running");
    h.runningExecutionId = r.text("runningExecutionId");
    h.runningStatus = r.text("runningStatus");
    h.runningSince = r.time("runningSince");
    h.runningDocumentsScanned = r.optional("runningDocumentsScanned");
    h.dataSourceStatus = r.text("dataSourceStatus");
    h.dataSourceErrorCode = r.text("dataSourceErrorCode");
    h.dataSourceErrorMessage = r.text("dataSourceErrorMessage");
    h.schedule = r.text("schedule");
    h.scheduleError = r.text("scheduleError");
    h.schedulePeriodSeconds = r.optional("schedulePeriodSeconds");
    h.nextScheduledRun = r.time("nextScheduledRun");
    h.overdue = r.flag("overdue");
    h.overdueSince = r.time("overdueSince");
    return h;
}

QJsonObject encodeError(const FleetError &e)
{
    Writer w;
    w.text("operation", e.operation);
    w.number("kind", int(e.error.kind));
    w.text("code", e.error.code);
    w.text("message", e.error.message);
    w.text("requestId", e.error.requestId);
    w.number("httpStatus", e.error.httpStatus);
    if (!e.error.fields.isEmpty())
        w.o.insert(QLatin1String("fields"), e.error.fields);
    w.flag("retryable", e.error.retryable);
    w.text("nextStep", e.error.nextStep);
    return w.o;
}

FleetError decodeError(const QJsonObject &o)
{
    const Reader r {o};
    FleetError e;
    e.operation = r.text("operation");
    e.error.kind = qbusiness::AwsError::Kind(
        std::clamp<qint64>(r.number("kind"), 0, int(qbusiness::AwsError::Kind::Aborted)));
    e.error.code = r.text("code");
    e.error.message = r.text("message");
    e.error.requestId = r.text("requestId");
    e.error.httpStatus = int(r.number("httpStatus"));
    e.error.fields = o.value(QLatin1String("fields")).toObject();
    e.error.retryable = r.flag("retryable");
    e.error.nextStep = r.text("nextStep");
    return e;
}

} // namespace

QByteArray encodeFleetRow(const FleetRow &row)
{
    Writer w;
    w.number("scope", int(row.scope));
    w.text("region", row.region);
    w.text("applicationId", row.applicationId);
    w.text("applicationName", row.applicationName);
    w.text("indexId", row.indexId);
    w.text("indexName", row.indexName);
    w.text("dataSourceId", row.dataSourceId);
    w.text("dataSourceName", row.dataSourceName);
    w.text("dataSourceType", row.dataSourceType);
    w.o.insert(QLatin1String("health"), encodeHealth(row.health));
    QJsonArray runs;
    for (const RunMark &m : row.recentRuns) {
        Writer rw;
        rw.time("startTime", m.startTime);
        rw.text("status", qbusiness::syncStatusToWire(m.status));
        rw.optional("documentsFailed", m.documentsFailed);
        runs.append(rw.o);
    }
    if (!runs.isEmpty())
        w.o.insert(QLatin1String("recentRuns"), runs);
    QJsonArray errors;
    for (const FleetError &e : row.errors)
        errors.append(encodeError(e));
    if (!errors.isEmpty())
        w.o.insert(QLatin1String("errors"), errors);
    return QJsonDocument(w.o).toJson(QJsonDocument::Compact);
}

std::optional<FleetRow> decodeFleetRow(const QByteArray &data)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const Reader r {o};
    FleetRow row;
    row.scope
        = FleetRow::Scope(std::clamp<qint64>(r.number("scope"), 0, int(FleetRow::Scope::Region)));
    row.region = r.text("region");
    row.applicationId = r.text("applicationId");
    row.applicationName = r.text("applicationName");
    row.indexId = r.text("indexId");
    row.indexName = r.text("indexName");
    row.dataSourceId = r.text("dataSourceId");
    row.dataSourceName = r.text("dataSourceName");
    row.dataSourceType = r.text("dataSourceType");
    row.health = decodeHealth(o.value(QLatin1String("health")).toObject());
    for (const QJsonValue &v : o.value(QLatin1String("recentRuns")).toArray()) {
        const QJsonObject m = v.toObject();
        const Reader mr {m};
        row.recentRuns.append({mr.time("startTime"),
                               qbusiness::syncStatusFromWire(mr.text("status")),
                               mr.optional("documentsFailed")});
    }
    for (const QJsonValue &v : o.value(QLatin1String("errors")).toArray())
        row.errors.append(decodeError(v.toObject()));
    return row;
}

} // namespace syncdeck::cache
