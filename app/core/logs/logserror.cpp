#include "logserror.h"

namespace syncdeck::logs {

ErrorKind errorKind(const AwsError &error)
{
    if (!error.isError())
        return ErrorKind::None;
    const QString &code = error.code;
    if (error.kind == AwsError::Kind::Client && code == QLatin1String("InvalidRequest"))
        return ErrorKind::InvalidParameter;
    if (error.kind != AwsError::Kind::Service)
        return ErrorKind::Other;
    if (code == QLatin1String("ResourceNotFoundException")) {
        if (error.message.contains(QLatin1String("log group"), Qt::CaseInsensitive))
            return ErrorKind::LogGroupNotFound;
        if (error.message.contains(QLatin1String("log stream"), Qt::CaseInsensitive))
            return ErrorKind::LogStreamNotFound;
        return ErrorKind::ResourceNotFound;
    }
    if (code == QLatin1String("InvalidParameterException"))
        return ErrorKind::InvalidParameter;
    if (code == QLatin1String("ThrottlingException") || code == QLatin1String("Throttling")
        || error.httpStatus == 429)
        return ErrorKind::Throttling;
    if (code == QLatin1String("ServiceUnavailableException"))
        return ErrorKind::ServiceUnavailable;
    if (code == QLatin1String("AccessDeniedException") || code == QLatin1String("AccessDenied"))
        return ErrorKind::AccessDenied;
    return ErrorKind::Other;
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("None");
    case ErrorKind::LogGroupNotFound:
        return QStringLiteral("LogGroupNotFound");
    case ErrorKind::LogStreamNotFound:
        return QStringLiteral("LogStreamNotFound");
    case ErrorKind::ResourceNotFound:
        return QStringLiteral("ResourceNotFound");
    case ErrorKind::InvalidParameter:
        return QStringLiteral("InvalidParameter");
    case ErrorKind::Throttling:
        return QStringLiteral("Throttling");
    case ErrorKind::ServiceUnavailable:
        return QStringLiteral("ServiceUnavailable");
    case ErrorKind::AccessDenied:
        return QStringLiteral("AccessDenied");
    case ErrorKind::Other:
        break;
    }
    return QStringLiteral("Other");
}

} // namespace syncdeck::logs
