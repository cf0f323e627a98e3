#pragma once

#include "awserror.h"

#include <QString>
#include <QStringList>

namespace syncdeck::qbusiness {

// What an error means in plain words and what the operator should do next.
struct ErrorExplanation
{
    QString summary;
    QString nextStep;
};

// For the error of a sync job (ErrorDetail.errorCode, the connector's dataSourceErrorCode and
// the errorMessage). When the connector's code or the message name the repository's problem
// (a rate limit, rejected credentials, a missing permission or target, no route), that beats
// the generic meaning of the error code.
ErrorExplanation explainJobError(const QString &errorCode, const QString &dataSourceErrorCode,
                                 const QString &errorMessage = {});

// Who reads the advice: the dashboard (Retry buttons, resource lists) or a terminal (commands and
// options of syncdeck-cli).
enum class Audience : quint8 {
    Dashboard,
    CommandLine,
};

struct ErrorContext
{
    QString profile; // the profile in use, for `aws sso login --profile NAME`
    QString operation; // the API operation, e.g. "ListDataSourceSyncJobs" (IAM action advice)
    Audience audience = Audience::Dashboard;
};

// For a failed call: one table of service errors serves both audiences. For the command line
// only service errors get advice here; the other kinds carry their own nextStep from the layer
// that found them (credentials, network).
ErrorExplanation explainAwsError(const AwsError &error, const ErrorContext &context);
// The dashboard's: explainAwsError(error, {profile}).
ErrorExplanation explainAwsError(const AwsError &error, const QString &profile = {});

// The modeled members of a service error, one line each, as the CLI prints them: a
// ValidationException's reason and fields (name: message), a resource's type and ID.
QStringList errorDetails(const AwsError &error);

// True when error says the profile's SSO token is missing or expired (`aws sso login` fixes it).
bool isSsoLoginNeeded(const AwsError &error);

} // namespace syncdeck::qbusiness
