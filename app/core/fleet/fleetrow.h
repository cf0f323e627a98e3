#pragma once

#include "datasourcehealth.h"
#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace syncdeck::fleet {

// One run, small enough to keep ten per data source for 10,000 data sources (sparklines).
struct RunMark
{
    QDateTime startTime;
    qbusiness::SyncStatus status = qbusiness::SyncStatus::Unknown;
    std::optional<qint64> documentsFailed;
};

// A call of the scan that failed, and which operation it was.
struct FleetError
{
    QString operation; // e.g. "ListIndices", "GetDataSource"
    qbusiness::AwsError error;
};

// One row of the fleet: a data source with its health, or, when a listing failed, the region,
// application or index that could not be listed (scope says which; the fields below the scope
// are empty). Rows are values: the scan hands each out once and keeps nothing.
struct FleetRow
{
    enum class Scope : quint8 {
        DataSource,
        Index, // ListDataSources failed
        Application, // ListIndices failed
        Region, // no client, or ListApplications failed
    };
    Scope scope = Scope::DataSource;
    QString region;
    QString applicationId;
    QString applicationName;
    QString indexId;
    QString indexName;
    QString dataSourceId;
    QString dataSourceName; // from ListDataSources (server text: plain text only)
    QString dataSourceType;
    DataSourceHealth health;
    QList<RunMark> recentRuns; // the runs seen, oldest first
    QList<FleetError> errors; // empty when every call of this row succeeded

    bool hasErrors() const { return !errors.isEmpty(); }
};

// "dataSource", "index", "application", "region".
QString scopeName(FleetRow::Scope scope);

// The row as JSON for --output json/jsonl: every name of fleetRowColumns() as a scalar (null
// when unknown; times ISO 8601 UTC), then `reasons` (strings), `errors` ({operation, code,
// message, requestId, httpStatus}) and `recentRuns` ({startTime, status, documentsFailed}).
QJsonObject toJson(const FleetRow &row);

// The scalar members of toJson(), in a stable order, for CSV and table columns.
QStringList fleetRowColumns();

} // namespace syncdeck::fleet
