#include "jsoncodec.h"

#include "aws/awstime.h"
#include "aws/jsonreader.h"
#include "aws/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace syncdeck::qbusiness::jsoncodec {
namespace {

using aws::json::parseObject;
using aws::json::Reader;
using aws::json::typeName;

QDateTime timestamp(Reader &r, QLatin1StringView key)
{
    QString e;
    QDateTime t = readTimestamp(r.value(key), &e);
    if (!e.isEmpty())
        r.fail(key, e);
    return t;
}

std::optional<qint64> metric(Reader &r, QLatin1StringView key)
{
    QString e;
    const std::optional<qint64> m = readMetric(r.value(key), &e);
    if (!e.isEmpty())
        r.fail(key, e);
    return m;
}

SyncJob readSyncJob(Reader &r)
{
    SyncJob job;
    job.executionId = r.string(QLatin1String("executionId"));
    job.startTime = timestamp(r, QLatin1String("startTime"));
    job.endTime = timestamp(r, QLatin1String("endTime"));
    job.status = r.string(QLatin1String("status"));
    job.dataSourceErrorCode = r.string(QLatin1String("dataSourceErrorCode"));
    Reader error = r.nested(QLatin1String("error"));
    job.errorCode = error.string(QLatin1String("errorCode"));
    job.errorMessage = error.string(QLatin1String("errorMessage"));
    Reader metrics = r.nested(QLatin1String("metrics"));
    job.metrics.documentsAdded = metric(metrics, QLatin1String("documentsAdded"));
    job.metrics.documentsModified = metric(metrics, QLatin1String("documentsModified"));
    job.metrics.documentsDeleted = metric(metrics, QLatin1String("documentsDeleted"));
    job.metrics.documentsFailed = metric(metrics, QLatin1String("documentsFailed"));
    job.metrics.documentsScanned = metric(metrics, QLatin1String("documentsScanned"));
    return job;
}

Application readApplication(Reader &r)
{
    Application a;
    a.applicationId = r.string(QLatin1String("applicationId"));
    a.displayName = r.string(QLatin1String("displayName"));
    a.status = r.string(QLatin1String("status"));
    a.identityType = r.string(QLatin1String("identityType"));
    a.createdAt = timestamp(r, QLatin1String("createdAt"));
    a.updatedAt = timestamp(r, QLatin1String("updatedAt"));
    return a;
}

Index readIndex(Reader &r)
{
    Index i;
    i.indexId = r.string(QLatin1String("indexId"));
    i.displayName = r.string(QLatin1String("displayName"));
    i.status = r.string(QLatin1String("status"));
    i.createdAt = timestamp(r, QLatin1String("createdAt"));
    i.updatedAt = timestamp(r, QLatin1String("updatedAt"));
    return i;
}

DataSource readDataSource(Reader &r)
{
    DataSource d;
    d.dataSourceId = r.string(QLatin1String("dataSourceId"));
    d.displayName = r.string(QLatin1String("displayName"));
    d.type = r.string(QLatin1String("type"));
    d.status = r.string(QLatin1String("status"));
    d.createdAt = timestamp(r, QLatin1String("createdAt"));
    d.updatedAt = timestamp(r, QLatin1String("updatedAt"));
    return d;
}

template<typename T, typename ReadItem>
bool readListBody(const QByteArray &body, QLatin1String key, QList<T> *out, QString *nextToken,
                  QString *error, ReadItem readItem)
{
    error->clear();
    QJsonObject root;
    if (!parseObject(body, &root, error))
        return false;
    // Read into locals so that a malformed body leaves the caller's values untouched.
    QList<T> items;
    Reader r(root, {}, error);
    if (!aws::json::readList(r, key, &items, error, readItem))
        return false;
    const QString token = r.string(QLatin1String("nextToken"));
    if (!r.ok())
        return false;
    *out = std::move(items);
    *nextToken = token;
    return true;
}

void insertIfValid(QJsonObject &o, QLatin1String key, const QDateTime &t)
{
    if (t.isValid())
        o.insert(key, isoTimestamp(t));
}

void insertIfSet(QJsonObject &o, QLatin1String key, const QString &s)
{
    if (!s.isEmpty())
        o.insert(key, s);
}

} // namespace

QDateTime readTimestamp(const QJsonValue &value, QString *error)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::Double: {
        const double seconds = value.toDouble();
        // Years 1 to 9999 only: an ISO 8601 time has four year digits (an earlier time was
        // written back as "-2893-…", which no reader takes), and the service never sends such.
        if (!std::isfinite(seconds) || seconds < -62135596800.0 || seconds > 253402300799.0) {
            *error = QStringLiteral("is %1, which is not a usable epoch time").arg(seconds);
            return {};
        }
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), Qt::UTC);
    }
    case QJsonValue::String: {
        const QString s = value.toString();
        // A time without zone designator is ambiguous; AWS always sends UTC ones.
        const std::optional<qint64> ms = aws::awstime::parseIso8601(s);
        if (!ms) {
            *error = QStringLiteral("is \"%1\", which is neither epoch seconds nor an ISO 8601 "
                                    "time with a zone")
                         .arg(s.left(64));
            return {};
        }
        return aws::awstime::toDateTime(*ms);
    }
    case QJsonValue::Bool:
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    *error = QStringLiteral("is %1, expected epoch seconds or an ISO 8601 string")
                 .arg(typeName(value));
    return {};
}

std::optional<qint64> readMetric(const QJsonValue &value, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    QString digits;
    if (value.isString()) {
        digits = value.toString();
    } else if (value.isDouble()) {
        // Not the model's form, but an integral number is unambiguous; keep it.
        const double d = value.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d))
            return qint64(d);
        *error = QStringLiteral("is the number %1, expected a string of digits").arg(d);
        return std::nullopt;
    } else {
        *error = QStringLiteral("is %1, expected a string of digits").arg(typeName(value));
        return std::nullopt;
    }
    if (digits.isEmpty()) {
        *error = QStringLiteral("is an empty string, expected digits");
        return std::nullopt;
    }
    qint64 n = 0;
    for (const QChar c : std::as_const(digits)) {
        if (c < u'0' || c > u'9') {
            *error = QStringLiteral("is \"%1\", expected a string of decimal digits")
                         .arg(digits.left(64));
            return std::nullopt;
        }
        const int digit = c.unicode() - u'0';
        if (n > (std::numeric_limits<qint64>::max() - digit) / 10) {
            *error = QStringLiteral("is %1, which overflows a 64-bit integer (largest %2)")
                         .arg(digits.left(64))
                         .arg(std::numeric_limits<qint64>::max());
            return std::nullopt;
        }
        n = n * 10 + digit;
    }
    return n;
}

bool readSyncJobPage(const QByteArray &body, SyncJobPage *page, QString *error)
{
    error->clear();
    QJsonObject root;
    if (!parseObject(body, &root, error))
        return false;
    Reader r(root, {}, error);
    const QJsonArray items = r.array(QLatin1String("history"));
    const QString token = r.string(QLatin1String("nextToken"));
    if (!r.ok())
        return false;
    // A value that cannot be read costs that value only: the job is kept without it, and the
    // problem names job and member. An item that is not an object has nothing to keep.
    SyncJobPage read;
    read.history.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue v = items.at(i);
        if (v.isNull())
            continue;
        if (!v.isObject()) {
            *error = QStringLiteral("member history[%1] is %2, expected an object")
                         .arg(i)
                         .arg(typeName(v));
            return false;
        }
        QString itemError;
        Reader item(v.toObject(), {}, &itemError);
        SyncJob job = readSyncJob(item);
        if (!itemError.isEmpty()) {
            job.problem = itemError.mid(qsizetype(sizeof("member")));
            read.problems.append(
                QStringLiteral("history[%1].%2 (execution %3)")
                    .arg(i)
                    .arg(job.problem,
                         job.executionId.isEmpty() ? QStringLiteral("unknown") : job.executionId));
        }
        read.history.append(std::move(job));
    }
    read.nextToken = token;
    *page = std::move(read);
    return true;
}

bool readApplications(const QByteArray &body, QList<Application> *applications, QString *nextToken,
                      QString *error)
{
    return readListBody(body, QLatin1String("applications"), applications, nextToken, error,
                        readApplication);
}

bool readIndices(const QByteArray &body, QList<Index> *indices, QString *nextToken, QString *error)
{
    return readListBody(body, QLatin1String("indices"), indices, nextToken, error, readIndex);
}

bool readDataSources(const QByteArray &body, QList<DataSource> *dataSources, QString *nextToken,
                     QString *error)
{
    return readListBody(body, QLatin1String("dataSources"), dataSources, nextToken, error,
                        readDataSource);
}

bool readDataSourceDetails(const QByteArray &body, DataSourceDetails *details, QString *error)
{
    error->clear();
    QJsonObject root;
    if (!parseObject(body, &root, error))
        return false;
    Reader r(root, {}, error);
    DataSourceDetails d;
    d.applicationId = r.string(QLatin1String("applicationId"));
    d.indexId = r.string(QLatin1String("indexId"));
    d.dataSourceId = r.string(QLatin1String("dataSourceId"));
    d.dataSourceArn = r.string(QLatin1String("dataSourceArn"));
    d.displayName = r.string(QLatin1String("displayName"));
    d.type = r.string(QLatin1String("type"));
    d.status = r.string(QLatin1String("status"));
    d.description = r.string(QLatin1String("description"));
    d.syncSchedule = r.string(QLatin1String("syncSchedule"));
    d.roleArn = r.string(QLatin1String("roleArn"));
    d.createdAt = timestamp(r, QLatin1String("createdAt"));
    d.updatedAt = timestamp(r, QLatin1String("updatedAt"));
    Reader e = r.nested(QLatin1String("error"));
    d.errorCode = e.string(QLatin1String("errorCode"));
    d.errorMessage = e.string(QLatin1String("errorMessage"));
    if (!r.ok())
        return false;
    *details = d;
    return true;
}

bool readStartSyncJob(const QByteArray &body, QString *executionId, QString *error)
{
    error->clear();
    QJsonObject root;
    if (!parseObject(body, &root, error))
        return false;
    Reader r(root, {}, error);
    *executionId = r.string(QLatin1String("executionId"));
    return r.ok();
}

QByteArray queryTimestamp(const QDateTime &time)
{
    return aws::awstime::iso8601(time);
}

QString isoTimestamp(const QDateTime &time)
{
    return QString::fromLatin1(queryTimestamp(time));
}

QJsonObject toJson(const SyncJob &job)
{
    // One definition of the shape, writeJson(); this is its parse.
    QByteArray text;
    aws::JsonWriter w(text);
    writeJson(w, job);
    return QJsonDocument::fromJson(text).object();
}

void writeJson(aws::JsonWriter &w, const SyncJob &job)
{
    // Members in key order, as QJsonObject keeps them; absent and empty values left out, as in
    // toJson(job).
    const auto text = [&w](const char *key, const QString &value) {
        if (value.isEmpty())
            return;
        w.key(QLatin1StringView(key));
        w.value(QStringView(value));
    };
    const auto time = [&w](const char *key, const QDateTime &t) {
        if (!t.isValid())
            return;
        w.key(QLatin1StringView(key));
        w.value(QLatin1StringView(queryTimestamp(t)));
    };
    // The wire form of a metric is a string of digits, and the AWS CLI prints it as such.
    const auto metric = [&w](const char *key, const std::optional<qint64> &m) {
        if (!m)
            return;
        w.key(QLatin1StringView(key));
        w.value(QLatin1StringView(QByteArray::number(*m)));
    };
    w.beginObject();
    text("dataSourceErrorCode", job.dataSourceErrorCode);
    time("endTime", job.endTime);
    if (!job.errorCode.isEmpty() || !job.errorMessage.isEmpty()) {
        w.key(QLatin1StringView("error"));
        w.beginObject();
        text("errorCode", job.errorCode);
        text("errorMessage", job.errorMessage);
        w.endObject();
    }
    text("executionId", job.executionId);
    const SyncJobMetrics &m = job.metrics;
    if (m.documentsAdded || m.documentsDeleted || m.documentsFailed || m.documentsModified
        || m.documentsScanned) {
        w.key(QLatin1StringView("metrics"));
        w.beginObject();
        metric("documentsAdded", m.documentsAdded);
        metric("documentsDeleted", m.documentsDeleted);
        metric("documentsFailed", m.documentsFailed);
        metric("documentsModified", m.documentsModified);
        metric("documentsScanned", m.documentsScanned);
        w.endObject();
    }
    time("startTime", job.startTime);
    text("status", job.status);
    w.endObject();
}

namespace {
// The members every resource summary has: name, status and the two times.
template<typename Resource>
QJsonObject summaryJson(const Resource &r)
{
    QJsonObject o;
    insertIfSet(o, QLatin1String("displayName"), r.displayName);
    insertIfValid(o, QLatin1String("createdAt"), r.createdAt);
    insertIfValid(o, QLatin1String("updatedAt"), r.updatedAt);
    insertIfSet(o, QLatin1String("status"), r.status);
    return o;
}
} // namespace

QJsonObject toJson(const Application &a)
{
    QJsonObject o = summaryJson(a);
    insertIfSet(o, QLatin1String("applicationId"), a.applicationId);
    insertIfSet(o, QLatin1String("identityType"), a.identityType);
    return o;
}

QJsonObject toJson(const Index &i)
{
    QJsonObject o = summaryJson(i);
    insertIfSet(o, QLatin1String("indexId"), i.indexId);
    return o;
}

QJsonObject toJson(const DataSource &d)
{
    QJsonObject o = summaryJson(d);
    insertIfSet(o, QLatin1String("dataSourceId"), d.dataSourceId);
    insertIfSet(o, QLatin1String("type"), d.type);
    return o;
}

QJsonObject toJson(const DataSourceDetails &d)
{
    QJsonObject o = summaryJson(d);
    insertIfSet(o, QLatin1String("applicationId"), d.applicationId);
    insertIfSet(o, QLatin1String("indexId"), d.indexId);
    insertIfSet(o, QLatin1String("dataSourceId"), d.dataSourceId);
    insertIfSet(o, QLatin1String("dataSourceArn"), d.dataSourceArn);
    insertIfSet(o, QLatin1String("type"), d.type);
    insertIfSet(o, QLatin1String("description"), d.description);
    insertIfSet(o, QLatin1String("syncSchedule"), d.syncSchedule);
    insertIfSet(o, QLatin1String("roleArn"), d.roleArn);
    if (!d.errorCode.isEmpty() || !d.errorMessage.isEmpty()) {
        QJsonObject e;
        insertIfSet(e, QLatin1String("errorMessage"), d.errorMessage);
        insertIfSet(e, QLatin1String("errorCode"), d.errorCode);
        o.insert(QLatin1String("error"), e);
    }
    return o;
}

} // namespace syncdeck::qbusiness::jsoncodec
