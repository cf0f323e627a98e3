#pragma once

#include "csv.h"
#include "types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace syncdeck::qbusiness {

enum class JobExportFormat : quint8 {
    Csv,
    Json,
};

// The columns of the CSV export, in order.
QStringList csvExportColumns();

// CSV of the jobs in the given order, header first, written cell by cell with csvCell().
QByteArray jobsToCsv(const QList<SyncJob> &jobs);

// {"history":[...]} as `aws qbusiness list-data-source-sync-jobs --output json` prints it:
// absent members omitted, timestamps ISO 8601 UTC, metrics as the service sends them (strings).
QByteArray jobsToJson(const QList<SyncJob> &jobs);
// 2024-05-01T12:00:00Z, with milliseconds only when they are not zero. Empty when invalid.
QString isoUtc(const QDateTime &time);

// Writes the whole file or nothing (QSaveFile). On failure returns false and sets *error to a
// sentence naming the file, the reason and what to do.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);
bool exportJobs(const QString &path, const QList<SyncJob> &jobs, JobExportFormat format,
                QString *error);
// The same for data written piece by piece (large exports): `write` writes to the temporary
// file and returns false (with *error) to give up; a failed write of the device is caught too.
// Whole file or nothing.
bool writeFileAtomically(const QString &path,
                         const std::function<bool(QIODevice *out, QString *error)> &write,
                         QString *error);

} // namespace syncdeck::qbusiness
