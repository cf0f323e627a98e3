#pragma once

#include "httpmessage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Answers shaped like AWS's, for every API the emulator serves: JSON bodies, modeled errors
// (x-amzn-ErrorType plus `message` and the modeled members) and ValidationException worded as
// AWS words it.
namespace syncdeck::emulator {

struct FieldError
{
    QString name;
    QString message;
    QString value;
};

HttpResponse jsonResponse(const QJsonObject &body, int status = 200);
// A body already written as JSON text (the hot listings write theirs straight).
HttpResponse jsonResponse(QByteArray body);
HttpResponse errorResponse(int status, const QString &code, const QString &message,
                           const QJsonObject &members = {});
// "2 validation errors detected: Value 'x' at 'maxResults' failed to satisfy constraint: ...;
// Value ..." with `reason` and `fields[{name, message}]`.
HttpResponse validationResponse(const QList<FieldError> &errors, const QString &reason);
// 404 ResourceNotFoundException naming the resource ("The data source X cannot be found.").
HttpResponse resourceNotFound(const QString &id, const QString &resourceType, const QString &what);
// 409 ConflictException about a resource.
HttpResponse conflict(const QString &id, const QString &resourceType, const QString &message);

} // namespace syncdeck::emulator
