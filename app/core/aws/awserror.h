#pragma once

#include <QJsonObject>
#include <QString>

namespace syncdeck::aws {

// Everything known about a failed call, for banners, CLI messages and retry decisions.
struct AwsError
{
    enum class Kind {
        None,
        Service, // the service answered with an error (code/message/request id set)
        Network, // connection refused/reset, DNS, TLS
        Timeout, // connect or read timeout
        Credentials, // no usable credentials
        Client, // SyncDeck refused or could not parse (bad input, malformed/oversized response)
        Aborted, // the caller aborted the job
    };
    Kind kind = Kind::None;
    QString code; // e.g. ValidationException
    QString message;
    QString requestId;
    int httpStatus = 0;
    QJsonObject fields; // modeled members: reason, fields[], resourceId, resourceType, ...
    bool retryable = false;
    QString nextStep; // what the operator should do, when SyncDeck knows

    bool isError() const { return kind != Kind::None; }

    static AwsError make(Kind kind, const QString &code, const QString &message,
                         const QString &nextStep = {}, const QString &requestId = {},
                         int httpStatus = 0)
    {
        AwsError e;
        e.kind = kind;
        e.code = code;
        e.message = message;
        e.nextStep = nextStep;
        e.requestId = requestId;
        e.httpStatus = httpStatus;
        return e;
    }
};

} // namespace syncdeck::aws
