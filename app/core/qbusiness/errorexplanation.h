#pragma once

#include "awserror.h"

#include <QString>

namespace syncdeck::qbusiness {

// What an error means in plain words and what the operator should do next.
struct ErrorExplanation
{
    QString summary;
    QString nextStep;
};

// For the error of a sync job (ErrorDetail.errorCode and the connector's dataSourceErrorCode).
ErrorExplanation explainJobError(const QString &errorCode, const QString &dataSourceErrorCode);

// For a failed call. profile names the profile in use, for commands the operator can run.
ErrorExplanation explainAwsError(const AwsError &error, const QString &profile = {});

// True when error says the profile's SSO token is missing or expired (`aws sso login` fixes it).
bool isSsoLoginNeeded(const AwsError &error);

} // namespace syncdeck::qbusiness
