#pragma once

#include "awserror.h"
#include "types.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace syncdeck::aws {
class JsonWriter;
}

// rest-json bodies of Amazon Q Business, both directions. Readers are strict about what they
// keep and lenient about what they skip: unknown members are ignored, `null` means absent,
// enum-like strings are kept verbatim, and anything SyncDeck cannot represent faithfully (a
// metric beyond 64 bits, a timestamp that is neither a number nor ISO 8601) is reported in
// `*error` instead of being guessed.
namespace syncdeck::qbusiness::jsoncodec {

// Body timestamps: epoch seconds (possibly fractional) or an ISO 8601 string. An absent or
// null value gives an invalid QDateTime and no error.
QDateTime readTimestamp(const QJsonValue &value, QString *error);
// MetricValue: a JSON string of decimal digits. Absent/null gives nullopt and no error.
std::optional<qint64> readMetric(const QJsonValue &value, QString *error);

// Response bodies. Each returns false and sets *error (naming the member) on a malformed body.
// readSyncJobPage() keeps a job with a value it cannot read (SyncJob::problem, and a line in
// page->problems); callers that must not keep partial jobs fail on page->problems.
bool readSyncJobPage(const QByteArray &body, SyncJobPage *page, QString *error);
bool readApplications(const QByteArray &body, QList<Application> *applications, QString *nextToken,
                      QString *error);
bool readIndices(const QByteArray &body, QList<Index> *indices, QString *nextToken, QString *error);
bool readDataSources(const QByteArray &body, QList<DataSource> *dataSources, QString *nextToken,
                     QString *error);
bool readDataSourceDetails(const QByteArray &body, DataSourceDetails *details, QString *error);
bool readStartSyncJob(const QByteArray &body, QString *executionId, QString *error);
// Query timestamps: ISO 8601 UTC, fractional seconds only when non-zero.
QByteArray queryTimestamp(const QDateTime &time);
// Output timestamps in the AWS CLI's style: ISO 8601 UTC ("2024-05-01T12:00:00Z").
QString isoTimestamp(const QDateTime &time);

// The AWS CLI's JSON shapes of the values (what `--output json` prints per item).
QJsonObject toJson(const SyncJob &job);
// The same object as toJson(job), written straight into `w` (byte for byte what
// QJsonDocument(toJson(job)).toJson(Compact) gives), for output of many jobs.
void writeJson(aws::JsonWriter &w, const SyncJob &job);
QJsonObject toJson(const Application &application);
QJsonObject toJson(const Index &index);
QJsonObject toJson(const DataSource &dataSource);
QJsonObject toJson(const DataSourceDetails &details);

} // namespace syncdeck::qbusiness::jsoncodec
