#pragma once

#include "types.h" // isResourceId(), which the parser below applies

#include <QString>
#include <QUrl>

namespace syncdeck::qbusiness {

// Links into the AWS console and CloudWatch Logs for a data source and its runs, and the parser
// of the dashboard's "Go to" field.
QUrl dataSourceConsoleUrl(const QString &region, const QString &applicationId,
                          const QString &indexId, const QString &dataSourceId);
QString syncRunLogGroup(const QString &applicationId);
QString syncRunLogStream(const QString &dataSourceId, const QString &executionId);
QUrl syncRunLogUrl(const QString &region, const QString &applicationId, const QString &dataSourceId,
                   const QString &executionId);

// A data source named by IDs, an ARN or a console URL.
struct ResourceReference
{
    QString region; // empty when the text does not say
    QString applicationId;
    QString indexId;
    QString dataSourceId;
};

// Accepts "APP IDX DS" (separated by spaces, commas or slashes), a data source ARN
// (arn:PARTITION:qbusiness:REGION:ACCOUNT:application/A/index/I/data-source/D) or a console URL
// of a data source. On failure returns false and sets error to what was wrong.
bool parseResourceReference(const QString &text, ResourceReference *out, QString *error);

} // namespace syncdeck::qbusiness
