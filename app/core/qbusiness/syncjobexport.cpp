#include "syncjobexport.h"

#include <QTimeZone>

namespace syncdeck::qbusiness {
namespace {

QString isoUtc(const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    return utc.time().msec() ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

} // namespace

QJsonObject syncJobToJson(const SyncJob &job)
{
    QJsonObject o;
    o.insert(QStringLiteral("executionId"), job.executionId);
    if (job.startTime.isValid())
        o.insert(QStringLiteral("startTime"), isoUtc(job.startTime));
    if (job.endTime.isValid())
        o.insert(QStringLiteral("endTime"), isoUtc(job.endTime));
    o.insert(QStringLiteral("status"), job.status);
    if (!job.errorCode.isEmpty() || !job.errorMessage.isEmpty()) {
        QJsonObject error;
        if (!job.errorMessage.isEmpty())
            error.insert(QStringLiteral("errorMessage"), job.errorMessage);
        if (!job.errorCode.isEmpty())
            error.insert(QStringLiteral("errorCode"), job.errorCode);
        o.insert(QStringLiteral("error"), error);
    }
    if (!job.dataSourceErrorCode.isEmpty())
        o.insert(QStringLiteral("dataSourceErrorCode"), job.dataSourceErrorCode);
    QJsonObject metrics;
    const auto put = [&metrics](const char *name, const std::optional<qint64> &v) {
        if (v)
            metrics.insert(QLatin1String(name), QString::number(*v));
    };
    put("documentsAdded", job.metrics.documentsAdded);
    put("documentsModified", job.metrics.documentsModified);
    put("documentsDeleted", job.metrics.documentsDeleted);
    put("documentsFailed", job.metrics.documentsFailed);
    put("documentsScanned", job.metrics.documentsScanned);
    if (!metrics.isEmpty())
        o.insert(QStringLiteral("metrics"), metrics);
    return o;
}

} // namespace syncdeck::qbusiness
