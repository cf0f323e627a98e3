#include "fleetrow.h"

#include "qbusiness/jsoncodec.h"

#include <QJsonArray>

#include <array>
#include <functional>

namespace syncdeck::fleet {

namespace {

QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(qbusiness::jsoncodec::isoTimestamp(t))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<qint64> &n)
{
    return n ? QJsonValue(*n) : QJsonValue(QJsonValue::Null);
}

const FleetError *firstError(const FleetRow &r)
{
    return r.errors.isEmpty() ? nullptr : &r.errors.constFirst();
}

struct Column
{
    const char *name;
    std::function<QJsonValue(const FleetRow &)> value;
};

// The one list of scalar members: toJson() and fleetRowColumns() both read it.
const QList<Column> &columns()
{
    using R = const FleetRow &;
    static const QList<Column> list = {
        {"region", [](R r) { return text(r.region); }},
        {"scope", [](R r) { return QJsonValue(scopeName(r.scope)); }},
        {"applicationId", [](R r) { return text(r.applicationId); }},
        {"applicationName", [](R r) { return text(r.applicationName); }},
        {"indexId", [](R r) { return text(r.indexId); }},
        {"indexName", [](R r) { return text(r.indexName); }},
        {"dataSourceId", [](R r) { return text(r.dataSourceId); }},
        {"dataSourceName", [](R r) { return text(r.dataSourceName); }},
        {"dataSourceType", [](R r) { return text(r.dataSourceType); }},
        {"attention", [](R r) { return QJsonValue(attentionName(r.health.attention)); }},
        {"reason", [](R r) { return text(r.health.reason); }},
        {"dataSourceStatus", [](R r) { return text(r.health.dataSourceStatus); }},
        {"dataSourceErrorCode", [](R r) { return text(r.health.dataSourceErrorCode); }},
        {"dataSourceErrorMessage", [](R r) { return text(r.health.dataSourceErrorMessage); }},
        {"lastRunStatus", [](R r) { return text(r.health.lastRunStatus); }},
        {"lastRunStartTime", [](R r) { return time(r.health.lastRunStartTime); }},
        {"lastRunEndTime", [](R r) { return time(r.health.lastRunEndTime); }},
        {"lastRunExecutionId", [](R r) { return text(r.health.lastRunExecutionId); }},
        {"lastRunDocumentsFailed", [](R r) { return number(r.health.lastRunDocumentsFailed); }},
        {"lastRunErrorCode", [](R r) { return text(r.health.lastRunErrorCode); }},
        {"lastRunErrorMessage", [](R r) { return text(r.health.lastRunErrorMessage); }},
        {"lastSuccessTime", [](R r) { return time(r.health.lastSuccessTime); }},
        {"lastSuccessAgeSeconds", [](R r) { return number(r.health.lastSuccessAgeSeconds); }},
        {"failingStreak", [](R r) { return QJsonValue(r.health.failingStreak); }},
        {"failingSince", [](R r) { return time(r.health.failingSince); }},
        {"failingStreakCoversRunsSeen",
         [](R r) { return QJsonValue(r.health.failingStreakCoversRunsSeen); }},
        {"runsSeen", [](R r) { return QJsonValue(r.health.runsSeen); }},
        {"finishedRunsSeen", [](R r) { return QJsonValue(r.health.finishedRunsSeen); }},
        {"succeededRunsSeen", [](R r) { return QJsonValue(r.health.succeededRunsSeen); }},
        {"successRate",
         [](R r) {
             return r.health.successRate ? QJsonValue(*r.health.successRate)
                                         : QJsonValue(QJsonValue::Null);
         }},
        {"running", [](R r) { return QJsonValue(r.health.running); }},
        {"runningStatus", [](R r) { return text(r.health.runningStatus); }},
        {"runningSince", [](R r) { return time(r.health.runningSince); }},
        {"runningDocumentsScanned", [](R r) { return number(r.health.runningDocumentsScanned); }},
        {"runningExecutionId", [](R r) { return text(r.health.runningExecutionId); }},
        {"schedule", [](R r) { return text(r.health.schedule); }},
        {"scheduleError", [](R r) { return text(r.health.scheduleError); }},
        {"schedulePeriodSeconds", [](R r) { return number(r.health.schedulePeriodSeconds); }},
        {"nextScheduledRun", [](R r) { return time(r.health.nextScheduledRun); }},
        {"overdue", [](R r) { return QJsonValue(r.health.overdue); }},
        {"overdueSince", [](R r) { return time(r.health.overdueSince); }},
        {"errorOperation",
         [](R r) { return firstError(r) ? text(firstError(r)->operation) : QJsonValue(); }},
        {"errorCode",
         [](R r) { return firstError(r) ? text(firstError(r)->error.code) : QJsonValue(); }},
        {"errorMessage",
         [](R r) { return firstError(r) ? text(firstError(r)->error.message) : QJsonValue(); }},
    };
    return list;
}

} // namespace

QString scopeName(FleetRow::Scope scope)
{
    switch (scope) {
    case FleetRow::Scope::DataSource:
        return QStringLiteral("dataSource");
    case FleetRow::Scope::Index:
        return QStringLiteral("index");
    case FleetRow::Scope::Application:
        return QStringLiteral("application");
    case FleetRow::Scope::Region:
        break;
    }
    return QStringLiteral("region");
}

QJsonObject toJson(const FleetRow &row)
{
    QJsonObject o;
    for (const Column &c : columns()) {
        const QJsonValue v = c.value(row);
        o.insert(QLatin1String(c.name), v.isUndefined() ? QJsonValue(QJsonValue::Null) : v);
    }
    o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(row.health.reasons));
    QJsonArray errors;
    for (const FleetError &e : row.errors) {
        QJsonObject eo;
        eo.insert(QStringLiteral("operation"), e.operation);
        eo.insert(QStringLiteral("code"), e.error.code);
        eo.insert(QStringLiteral("message"), e.error.message);
        eo.insert(QStringLiteral("requestId"), text(e.error.requestId));
        eo.insert(QStringLiteral("httpStatus"),
                  e.error.httpStatus ? QJsonValue(e.error.httpStatus) : QJsonValue());
        errors.append(eo);
    }
    o.insert(QStringLiteral("errors"), errors);
    QJsonArray runs;
    for (const RunMark &m : row.recentRuns) {
        QJsonObject ro;
        ro.insert(QStringLiteral("startTime"), time(m.startTime));
        ro.insert(QStringLiteral("status"), text(qbusiness::syncStatusToWire(m.status)));
        ro.insert(QStringLiteral("documentsFailed"), number(m.documentsFailed));
        runs.append(ro);
    }
    o.insert(QStringLiteral("recentRuns"), runs);
    return o;
}

QStringList fleetRowColumns()
{
    QStringList names;
    for (const Column &c : columns())
        names.append(QLatin1String(c.name));
    return names;
}

} // namespace syncdeck::fleet
