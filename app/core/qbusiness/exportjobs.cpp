#include "exportjobs.h"

#include "aws/awstime.h"

#include "csv.h"
#include "jsoncodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace syncdeck::qbusiness {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("syncdeck::qbusiness::JobExport", text);
}

QString number(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QString();
}
} // namespace

QStringList csvExportColumns()
{
    return {QStringLiteral("executionId"),        QStringLiteral("status"),
            QStringLiteral("startTime"),          QStringLiteral("endTime"),
            QStringLiteral("durationSeconds"),    QStringLiteral("documentsAdded"),
            QStringLiteral("documentsModified"),  QStringLiteral("documentsDeleted"),
            QStringLiteral("documentsFailed"),    QStringLiteral("documentsScanned"),
            QStringLiteral("errorCode"),          QStringLiteral("errorMessage"),
            QStringLiteral("dataSourceErrorCode")};
}

QString isoUtc(const QDateTime &time)
{
    return QString::fromLatin1(aws::awstime::iso8601(time));
}

QByteArray jobsToCsv(const QList<SyncJob> &jobs)
{
    QString out;
    out.reserve(160 * (jobs.size() + 1));
    appendCsvRow(out, csvExportColumns());
    for (const SyncJob &job : jobs) {
        QString duration;
        if (job.startTime.isValid() && job.endTime.isValid() && job.endTime >= job.startTime)
            duration = QString::number(job.startTime.secsTo(job.endTime));
        const QStringList cells = {job.executionId,
                                   job.status,
                                   isoUtc(job.startTime),
                                   isoUtc(job.endTime),
                                   duration,
                                   number(job.metrics.documentsAdded),
                                   number(job.metrics.documentsModified),
                                   number(job.metrics.documentsDeleted),
                                   number(job.metrics.documentsFailed),
                                   number(job.metrics.documentsScanned),
                                   job.errorCode,
                                   job.errorMessage,
                                   job.dataSourceErrorCode};
        appendCsvRow(out, cells);
    }
    return out.toUtf8();
}

QByteArray jobsToJson(const QList<SyncJob> &jobs)
{
    QJsonArray history;
    for (const SyncJob &job : jobs)
        history.append(jsoncodec::toJson(job));
    QJsonObject root;
    root.insert(QStringLiteral("history"), history);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    return writeFileAtomically(
        path, [&data](QIODevice *out, QString *) { return out->write(data) == data.size(); },
        error);
}

bool exportJobs(const QString &path, const QList<SyncJob> &jobs, JobExportFormat format,
                QString *error)
{
    const QByteArray data = format == JobExportFormat::Csv ? jobsToCsv(jobs) : jobsToJson(jobs);
    return writeFileAtomically(path, data, error);
}

bool writeFileAtomically(const QString &path,
                         const std::function<bool(QIODevice *out, QString *error)> &write,
                         QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not create %1: %2. Choose a folder you can write to.")
                         .arg(path, file.errorString());
        return false;
    }
    QString writeError;
    if (!write(&file, &writeError) || file.error() != QFileDevice::NoError) {
        if (error)
            *error = writeError.isEmpty()
                ? tr("Could not write %1: %2. Check the free disk space and try again.")
                      .arg(path, file.errorString())
                : writeError;
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Could not save %1: %2. The previous file, if any, is unchanged; "
                        "check the folder's permissions and free space.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace syncdeck::qbusiness
