#include "errorexplanation.h"

#include <QCoreApplication>

namespace syncdeck::qbusiness {
namespace {

// lupdate sees Text::tr() as the context "ErrorExplanation".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ErrorExplanation)
};

} // namespace

ErrorExplanation explainJobError(const QString &errorCode, const QString &dataSourceErrorCode)
{
    ErrorExplanation e;
    if (errorCode == QLatin1String("InternalError")) {
        e.summary = Text::tr("Amazon Q Business hit an internal problem while running this sync.");
        e.nextStep
            = Text::tr("Start the sync again. If it fails the same way, open the run's "
                       "CloudWatch log stream and contact AWS Support with the execution ID.");
    } else if (errorCode == QLatin1String("InvalidRequest")) {
        e.summary
            = Text::tr("The data source's configuration was rejected while syncing: a setting, "
                       "the IAM role or the connector's secret is not valid.");
        e.nextStep = Text::tr("Check the data source's IAM role, its secret and its connection "
                              "settings in the console, then start the sync again.");
    } else if (errorCode == QLatin1String("ResourceInactive")) {
        e.summary
            = Text::tr("The application, index or data source was not active when the sync ran.");
        e.nextStep
            = Text::tr("Wait until the index and data source show ACTIVE (or fix why they are "
                       "not), then start the sync again.");
    } else if (errorCode == QLatin1String("ResourceNotFound")) {
        e.summary
            = Text::tr("Something the sync needed no longer exists: the data source, its index, "
                       "the IAM role or the repository it reads.");
        e.nextStep
            = Text::tr("Check that the repository, the IAM role and the index still exist and "
                       "that the data source points at them.");
    } else if (!errorCode.isEmpty()) {
        e.summary
            = Text::tr("The service reported error code %1, which this version of SyncDeck does "
                       "not know.")
                  .arg(errorCode);
        e.nextStep = Text::tr("Read the error message below and the run's CloudWatch log stream.");
    }
    if (!dataSourceErrorCode.isEmpty()) {
        const QString connector
            = Text::tr("The connector reported %1: the repository it reads "
                       "refused or failed (credentials, permissions, throttling "
                       "or a bad setting).")
                  .arg(dataSourceErrorCode);
        e.summary = e.summary.isEmpty() ? connector : e.summary + QLatin1Char(' ') + connector;
        if (e.nextStep.isEmpty())
            e.nextStep
                = Text::tr("Check the repository's credentials and the connector's settings, "
                           "then read the run's CloudWatch log stream for the documents that "
                           "failed.");
    }
    return e;
}

bool isSsoLoginNeeded(const AwsError &error)
{
    if (error.kind != AwsError::Kind::Credentials)
        return false;
    return error.nextStep.contains(QLatin1String("sso login"))
        || error.message.contains(QLatin1String("SSO"), Qt::CaseInsensitive);
}

ErrorExplanation explainAwsError(const AwsError &error, const QString &profile)
{
    ErrorExplanation e;
    const QString profileArg
        = profile.isEmpty() ? QString() : QStringLiteral(" --profile ") + profile;
    switch (error.kind) {
    case AwsError::Kind::None:
        return e;
    case AwsError::Kind::Network:
        e.summary = Text::tr("SyncDeck could not reach the service.");
        e.nextStep = Text::tr("Check the network connection, the region and any endpoint override, "
                              "then Retry.");
        break;
    case AwsError::Kind::Timeout:
        e.summary = Text::tr("The service did not answer in time.");
        e.nextStep = Text::tr("Retry. If it keeps happening, check the network or a proxy.");
        break;
    case AwsError::Kind::Credentials:
        if (isSsoLoginNeeded(error)) {
            e.summary = Text::tr("The SSO sign-in of this profile has expired.");
            e.nextStep
                = Text::tr("Run `aws sso login%1` in a terminal, then Retry.").arg(profileArg);
        } else {
            e.summary = Text::tr("No usable AWS credentials were found.");
            e.nextStep
                = Text::tr("Choose another profile, enter keys, or fix the profile in ~/.aws, "
                           "then Retry.");
        }
        break;
    case AwsError::Kind::Client:
        e.summary = Text::tr("SyncDeck could not use the service's answer or refused the request.");
        e.nextStep = Text::tr("Check the IDs and filters, then Retry.");
        break;
    case AwsError::Kind::Aborted:
        e.summary = Text::tr("The request was cancelled.");
        break;
    case AwsError::Kind::Service: {
        const QString &c = error.code;
        if (c == QLatin1String("AccessDeniedException")) {
            e.summary = Text::tr("The credentials are valid but not allowed to do this.");
            e.nextStep
                = Text::tr("Ask for qbusiness:List*/Get* permissions on this application, or "
                           "choose a profile that has them.");
        } else if (c == QLatin1String("ValidationException")) {
            e.summary = Text::tr("The service rejected the request's parameters.");
            e.nextStep
                = Text::tr("Check the IDs (36 characters each), the time range and the status "
                           "filter.");
        } else if (c == QLatin1String("ResourceNotFoundException")) {
            e.summary = Text::tr("The application, index or data source does not exist in this "
                                 "account and region.");
            e.nextStep = Text::tr("Check the region and pick the resource again from the lists.");
        } else if (c == QLatin1String("ConflictException")) {
            e.summary = Text::tr("The data source is busy: a sync is already running or stopping.");
            e.nextStep
                = Text::tr("Wait for the current run to finish (or stop it), then try again.");
        } else if (c == QLatin1String("ThrottlingException")) {
            e.summary = Text::tr("The service is throttling requests from this account.");
            e.nextStep = Text::tr("Wait a moment, then Retry.");
        } else if (c == QLatin1String("InternalServerException")) {
            e.summary = Text::tr("The service had an internal error.");
            e.nextStep
                = Text::tr("Retry in a moment; if it persists, check the AWS Health Dashboard.");
        } else if (c == QLatin1String("ExpiredTokenException")
                   || c == QLatin1String("ExpiredToken")) {
            e.summary = Text::tr("The session credentials have expired.");
            e.nextStep
                = Text::tr("Refresh the credentials (for SSO: `aws sso login%1`), then Retry.")
                      .arg(profileArg);
        } else if (c == QLatin1String("UnrecognizedClientException")
                   || c == QLatin1String("InvalidSignatureException")
                   || c == QLatin1String("SignatureDoesNotMatch")) {
            e.summary = Text::tr("The service did not accept the credentials.");
            e.nextStep
                = Text::tr("Check the access key and secret of the profile (and the clock of "
                           "this computer), then Retry.");
        } else {
            e.summary = Text::tr("The service answered with an error.");
            e.nextStep = Text::tr("Read the message, then Retry.");
        }
        break;
    }
    }
    // What the lower layers know beats a generic hint.
    if (!error.nextStep.isEmpty() && !isSsoLoginNeeded(error))
        e.nextStep = error.nextStep;
    return e;
}

} // namespace syncdeck::qbusiness
