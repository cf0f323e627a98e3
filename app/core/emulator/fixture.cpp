#include "fixture.h"

#include "aws/awstime.h"
#include "validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace syncdeck::emulator {

namespace {

class Reader
{
public:
    explicit Reader(Store *store)
        : m_store(store)
    { }

    QString error;

    bool fail(const QString &path, const QString &message)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2").arg(path, message);
        return false;
    }

    bool object(const QJsonValue &v, const QString &path, QJsonObject *out)
    {
        if (!v.isObject())
            return fail(path, QStringLiteral("expected a JSON object"));
        *out = v.toObject();
        return true;
    }

    bool array(const QJsonObject &o, const QString &key, const QString &path, QJsonArray *out,
               bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(path + QLatin1Char('.') + key,
                            QStringLiteral("missing (expected an array)"));
            *out = {};
            return true;
        }
        if (!v.isArray())
            return fail(path + QLatin1Char('.') + key, QStringLiteral("expected an array"));
        *out = v.toArray();
        return true;
    }

    bool string(const QJsonObject &o, const QString &key, const QString &path, QString *out,
                bool required, int minLength = 0, int maxLength = 2048)
    {
        const QJsonValue v = o.value(key);
        const QString at = path + QLatin1Char('.') + key;
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(at, QStringLiteral("missing (expected a string)"));
            *out = QString();
            return true;
        }
        if (!v.isString())
            return fail(at, QStringLiteral("expected a string"));
        *out = v.toString();
        if (out->size() < minLength || out->size() > maxLength)
            return fail(at,
                        QStringLiteral("length %1 is outside %2..%3")
                            .arg(out->size())
                            .arg(minLength)
                            .arg(maxLength));
        return true;
    }

    bool id(const QJsonObject &o, const QString &key, const QString &path, QString *out)
    {
        if (!string(o, key, path, out, true))
            return false;
        if (!isModelId(*out))
            return fail(path + QLatin1Char('.') + key,
                        QStringLiteral("'%1' is not a valid id (36 characters matching %2)")
                            .arg(*out, QLatin1String(IdPattern)));
        return true;
    }

    bool name(const QJsonObject &o, const QString &key, const QString &path, QString *out)
    {
        static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_-]*$"));
        if (!string(o, key, path, out, true, 1, 1000))
            return false;
        if (!re.match(*out).hasMatch())
            return fail(path + QLatin1Char('.') + key,
                        QStringLiteral("'%1' does not match [a-zA-Z0-9][a-zA-Z0-9_-]*").arg(*out));
        return true;
    }

    bool enumValue(const QJsonObject &o, const QString &key, const QString &path, QString *out,
                   const QStringList &allowed, const QString &fallback)
    {
        if (!string(o, key, path, out, false))
            return false;
        if (out->isNull()) {
            *out = fallback;
            return true;
        }
        if (!allowed.contains(*out))
            return fail(path + QLatin1Char('.') + key,
                        QStringLiteral("'%1' is not one of %2")
                            .arg(*out, allowed.join(QStringLiteral(", "))));
        return true;
    }

    // Epoch seconds (number) or ISO 8601 string; -1 when absent.
    bool time(const QJsonObject &o, const QString &key, const QString &path, qint64 *ms,
              bool required)
    {
        const QJsonValue v = o.value(key);
        const QString at = path + QLatin1Char('.') + key;
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(at,
                            QStringLiteral("missing (expected epoch seconds or an ISO 8601 time)"));
            *ms = -1;
            return true;
        }
        if (v.isDouble()) {
            const double seconds = v.toDouble();
            if (!(seconds >= 0 && seconds < 32503680000.0))
                return fail(
                    at, QStringLiteral("%1 is not a plausible epoch time in seconds").arg(seconds));
            *ms = qint64(seconds * 1000.0 + 0.5);
            return true;
        }
        if (v.isString()) {
            const std::optional<qint64> t = aws::awstime::parseIso8601(v.toString());
            if (!t)
                return fail(at,
                            QStringLiteral("'%1' is not an ISO 8601 time with a zone, e.g. "
                                           "2024-05-01T12:00:00Z")
                                .arg(v.toString()));
            *ms = *t;
            return true;
        }
        return fail(at, QStringLiteral("expected epoch seconds or an ISO 8601 time"));
    }

    bool job(const QJsonValue &value, const QString &path, JobRecord *out)
    {
        QJsonObject o;
        if (!object(value, path, &o))
            return false;
        QString executionId;
        if (!id(o, QStringLiteral("executionId"), path, &executionId))
            return false;
        const QByteArray idBytes = executionId.toLatin1();
        std::copy_n(idBytes.constData(), 36, out->executionId.begin());
        if (!time(o, QStringLiteral("startTime"), path, &out->startMs, true)
            || !time(o, QStringLiteral("endTime"), path, &out->endMs, false))
            return false;
        if (out->endMs >= 0 && out->endMs < out->startMs)
            return fail(path + QStringLiteral(".endTime"),
                        QStringLiteral("is earlier than startTime"));
        QString status;
        if (!string(o, QStringLiteral("status"), path, &status, true))
            return false;
        if (!jobStatusFromName(status, &out->status)) {
            QStringList names;
            for (int i = 0; i < JobStatusCount; ++i)
                names << jobStatusName(JobStatus(i));
            return fail(path + QStringLiteral(".status"),
                        QStringLiteral("'%1' is not one of %2")
                            .arg(status, names.join(QStringLiteral(", "))));
        }
        const QJsonValue errorValue = o.value(QStringLiteral("error"));
        if (!errorValue.isUndefined() && !errorValue.isNull()) {
            QJsonObject e;
            const QString at = path + QStringLiteral(".error");
            if (!object(errorValue, at, &e))
                return false;
            QString message, code;
            if (!string(e, QStringLiteral("errorMessage"), at, &message, false, 1, 2048)
                || !string(e, QStringLiteral("errorCode"), at, &code, false))
                return false;
            if (!code.isNull() && !jobErrorCodeFromName(code, &out->errorCode))
                return fail(at + QStringLiteral(".errorCode"),
                            QStringLiteral("'%1' is not one of InternalError, InvalidRequest, "
                                           "ResourceInactive, ResourceNotFound")
                                .arg(code));
            out->errorMessage = m_store->intern(message);
        }
        QString sourceCode;
        if (!string(o, QStringLiteral("dataSourceErrorCode"), path, &sourceCode, false, 1, 2048))
            return false;
        out->dataSourceErrorCode = m_store->intern(sourceCode);
        const QJsonValue metricsValue = o.value(QStringLiteral("metrics"));
        out->metrics = {-1, -1, -1, -1, -1};
        out->hasMetrics = !metricsValue.isUndefined() && !metricsValue.isNull();
        if (out->hasMetrics) {
            QJsonObject m;
            const QString at = path + QStringLiteral(".metrics");
            if (!object(metricsValue, at, &m))
                return false;
            static const QRegularExpression digits(QStringLiteral("^(([1-9][0-9]{0,17})|0)$"));
            for (int i = 0; i < MetricCount; ++i) {
                const QJsonValue v = m.value(metricName(i));
                if (v.isUndefined() || v.isNull())
                    continue;
                if (!v.isString() || !digits.match(v.toString()).hasMatch())
                    return fail(at + QLatin1Char('.') + metricName(i),
                                QStringLiteral("expected a string of digits such as \"1234\" "
                                               "(metrics are strings on the wire)"));
                out->metrics[i] = v.toString().toLongLong();
            }
        }
        return true;
    }

    bool dataSource(const QJsonValue &value, const QString &path, DataSourceRecord *ds)
    {
        QJsonObject o;
        if (!object(value, path, &o) || !id(o, QStringLiteral("dataSourceId"), path, &ds->id)
            || !name(o, QStringLiteral("displayName"), path, &ds->displayName)
            || !string(o, QStringLiteral("type"), path, &ds->type, true, 1, 2048)
            || !enumValue(o, QStringLiteral("status"), path, &ds->status,
                          {QStringLiteral("PENDING_CREATION"), QStringLiteral("CREATING"),
                           QStringLiteral("ACTIVE"), QStringLiteral("DELETING"),
                           QStringLiteral("FAILED"), QStringLiteral("UPDATING")},
                          QStringLiteral("ACTIVE"))
            || !time(o, QStringLiteral("createdAt"), path, &ds->createdMs, false)
            || !time(o, QStringLiteral("updatedAt"), path, &ds->updatedMs, false)
            || !string(o, QStringLiteral("description"), path, &ds->description, false, 0, 1000)
            || !string(o, QStringLiteral("syncSchedule"), path, &ds->syncSchedule, false, 0, 998)
            || !string(o, QStringLiteral("roleArn"), path, &ds->roleArn, false, 0, 1284)
            || !string(o, QStringLiteral("dataSourceArn"), path, &ds->arn, false, 0, 1284))
            return false;
        QJsonArray history;
        if (!array(o, QStringLiteral("history"), path, &history, false))
            return false;
        QSet<QString> executions;
        ds->jobs.reserve(size_t(history.size()));
        for (qsizetype j = 0; j < history.size(); ++j) {
            JobRecord job;
            const QString at = path + QStringLiteral(".history[%1]").arg(j);
            if (!this->job(history.at(j), at, &job))
                return false;
            const QString executionId = job.executionIdString();
            if (executions.contains(executionId))
                return fail(
                    at + QStringLiteral(".executionId"),
                    QStringLiteral("'%1' appears twice in this data source").arg(executionId));
            executions.insert(executionId);
            ds->jobs.push_back(job);
        }
        // Stored oldest first by start time, like generated histories (ties keep file order).
        std::stable_sort(
            ds->jobs.begin(), ds->jobs.end(),
            [](const JobRecord &a, const JobRecord &b) { return a.startMs < b.startMs; });
        int running = 0;
        for (size_t j = 0; j < ds->jobs.size(); ++j) {
            if (!isFinalJobStatus(ds->jobs[j].status)) {
                ++running;
                ds->live.active = true;
                ds->live.index = j;
                ds->live.startMs = ds->jobs[j].startMs;
                ds->live.durationMs = -1; // a fixture's running job stays as written
            }
        }
        if (running > 1)
            return fail(path + QStringLiteral(".history"),
                        QStringLiteral("%1 jobs are still running (SYNCING, SYNCING_INDEXING or "
                                       "STOPPING); a data source runs at most one sync at a time")
                            .arg(running));
        if (ds->live.active && ds->jobs[ds->live.index].status == JobStatus::Stopping)
            ds->live.stopRequestedMs = ds->jobs[ds->live.index].startMs;
        return true;
    }

    bool load(const QJsonDocument &doc)
    {
        if (!doc.isObject())
            return fail(QStringLiteral("$"),
                        QStringLiteral("expected a JSON object with \"applications\""));
        QJsonArray apps;
        if (!array(doc.object(), QStringLiteral("applications"), QStringLiteral("$"), &apps, true))
            return false;
        QSet<QString> ids;
        auto unique = [&](const QString &id, const QString &at) {
            if (ids.contains(id))
                return fail(at, QStringLiteral("id '%1' is used twice").arg(id));
            ids.insert(id);
            return true;
        };
        const QStringList lifecycle {QStringLiteral("CREATING"), QStringLiteral("ACTIVE"),
                                     QStringLiteral("DELETING"), QStringLiteral("FAILED"),
                                     QStringLiteral("UPDATING")};
        for (qsizetype a = 0; a < apps.size(); ++a) {
            const QString path = QStringLiteral("$.applications[%1]").arg(a);
            QJsonObject o;
            ApplicationRecord app;
            if (!object(apps.at(a), path, &o)
                || !id(o, QStringLiteral("applicationId"), path, &app.id)
                || !unique(app.id, path + QStringLiteral(".applicationId"))
                || !name(o, QStringLiteral("displayName"), path, &app.displayName)
                || !enumValue(o, QStringLiteral("status"), path, &app.status, lifecycle,
                              QStringLiteral("ACTIVE"))
                || !enumValue(o, QStringLiteral("identityType"), path, &app.identityType,
                              {QStringLiteral("AWS_IAM_IDP_SAML"),
                               QStringLiteral("AWS_IAM_IDP_OIDC"), QStringLiteral("AWS_IAM_IDC"),
                               QStringLiteral("AWS_QUICKSIGHT_IDP"), QStringLiteral("ANONYMOUS")},
                              QStringLiteral("AWS_IAM_IDC"))
                || !time(o, QStringLiteral("createdAt"), path, &app.createdMs, false)
                || !time(o, QStringLiteral("updatedAt"), path, &app.updatedMs, false))
                return false;
            // Whether the application delivers its sync job logs (its log group exists).
            const QJsonValue delivery = o.value(QLatin1String("logDelivery"));
            if (!delivery.isUndefined() && !delivery.isBool())
                return fail(path + QStringLiteral(".logDelivery"),
                            QStringLiteral("expected true or false"));
            app.logDelivery = delivery.toBool(true);
            QJsonArray indices;
            if (!array(o, QStringLiteral("indices"), path, &indices, false))
                return false;
            for (qsizetype i = 0; i < indices.size(); ++i) {
                const QString ipath = path + QStringLiteral(".indices[%1]").arg(i);
                QJsonObject io;
                IndexRecord index;
                if (!object(indices.at(i), ipath, &io)
                    || !id(io, QStringLiteral("indexId"), ipath, &index.id)
                    || !unique(index.id, ipath + QStringLiteral(".indexId"))
                    || !name(io, QStringLiteral("displayName"), ipath, &index.displayName)
                    || !enumValue(io, QStringLiteral("status"), ipath, &index.status, lifecycle,
                                  QStringLiteral("ACTIVE"))
                    || !time(io, QStringLiteral("createdAt"), ipath, &index.createdMs, false)
                    || !time(io, QStringLiteral("updatedAt"), ipath, &index.updatedMs, false))
                    return false;
                QJsonArray sources;
                if (!array(io, QStringLiteral("dataSources"), ipath, &sources, false))
                    return false;
                for (qsizetype d = 0; d < sources.size(); ++d) {
                    const QString dpath = ipath + QStringLiteral(".dataSources[%1]").arg(d);
                    DataSourceRecord ds;
                    if (!dataSource(sources.at(d), dpath, &ds)
                        || !unique(ds.id, dpath + QStringLiteral(".dataSourceId")))
                        return false;
                    index.dataSources.push_back(std::move(ds));
                }
                app.indices.push_back(std::move(index));
            }
            m_store->applications().push_back(std::move(app));
        }
        m_store->index();
        return true;
    }

private:
    Store *m_store;
};

} // namespace

bool loadFixture(const QString &path, Store *store, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the state file %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the state file %1 is not valid JSON: %2 at byte %3")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    Store loaded;
    Reader reader(&loaded);
    if (!reader.load(doc)) {
        *error = QStringLiteral("the state file %1 is invalid: %2").arg(path, reader.error);
        return false;
    }
    *store = std::move(loaded);
    return true;
}

} // namespace syncdeck::emulator
