#include "responses.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdeck::emulator {

HttpResponse jsonResponse(const QJsonObject &body, int status)
{
    HttpResponse response = jsonResponse(QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.status = status;
    return response;
}

HttpResponse jsonResponse(QByteArray body)
{
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "application/json");
    response.body = std::move(body);
    return response;
}

HttpResponse errorResponse(int status, const QString &code, const QString &message,
                           const QJsonObject &members)
{
    QJsonObject body = members;
    body.insert(QStringLiteral("message"), message);
    HttpResponse response = jsonResponse(body, status);
    response.setHeader("x-amzn-ErrorType", code.toLatin1());
    return response;
}

HttpResponse validationResponse(const QList<FieldError> &errors, const QString &reason)
{
    QStringList parts;
    QJsonArray fields;
    for (const FieldError &e : errors) {
        parts << QStringLiteral("Value '%1' at '%2' failed to satisfy constraint: %3")
                     .arg(e.value, e.name, e.message);
        QJsonObject field;
        field.insert(QStringLiteral("name"), e.name);
        field.insert(QStringLiteral("message"), e.message);
        fields.append(field);
    }
    const QString message = QStringLiteral("%1 validation error%2 detected: %3")
                                .arg(errors.size())
                                .arg(errors.size() == 1 ? QString() : QStringLiteral("s"))
                                .arg(parts.join(QStringLiteral("; ")));
    QJsonObject members;
    members.insert(QStringLiteral("reason"), reason);
    members.insert(QStringLiteral("fields"), fields);
    return errorResponse(400, QStringLiteral("ValidationException"), message, members);
}

namespace {
QJsonObject resourceMembers(const QString &id, const QString &resourceType)
{
    QJsonObject members;
    members.insert(QStringLiteral("resourceId"), id);
    members.insert(QStringLiteral("resourceType"), resourceType);
    return members;
}
} // namespace

HttpResponse resourceNotFound(const QString &id, const QString &resourceType, const QString &what)
{
    return errorResponse(404, QStringLiteral("ResourceNotFoundException"),
                         QStringLiteral("The %1 %2 cannot be found.").arg(what, id),
                         resourceMembers(id, resourceType));
}

HttpResponse conflict(const QString &id, const QString &resourceType, const QString &message)
{
    return errorResponse(409, QStringLiteral("ConflictException"), message,
                         resourceMembers(id, resourceType));
}

} // namespace syncdeck::emulator
