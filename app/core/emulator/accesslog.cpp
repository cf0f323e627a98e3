#include "accesslog.h"

#include <QRegularExpression>
#include <QTextStream>

namespace syncdeck::emulator {

QString loggableTarget(const QByteArray &target)
{
    static const QRegularExpression secret(
        QStringLiteral("((?:^|[?&])X-Amz-(?:Security-Token|Signature|Credential)=)[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    return QString::fromLatin1(target).replace(secret, QStringLiteral("\\1**REDACTED**"));
}

QString accessLogLine(const AccessLogEntry &e)
{
    QByteArray errorType;
    for (const auto &h : std::as_const(e.response->headers)) {
        if (h.name == "x-amzn-ErrorType")
            errorType = ' ' + h.value.split(':').constFirst();
    }
    return QString::fromLatin1(e.request->method) + u' ' + loggableTarget(e.request->target)
        + QStringLiteral(" -> ")
        + (e.reset ? QStringLiteral("reset") : QString::number(e.response->status))
        + QString::fromLatin1(errorType) + QStringLiteral(" key=")
        + (e.accessKeyId.isEmpty() ? QStringLiteral("-") : e.accessKeyId) + u' '
        + QString::number(double(e.nanoseconds) / 1e6, 'f', 2) + QStringLiteral(" ms") + e.note;
}

void writeAccessLog(const AccessLogEntry &entry)
{
    QTextStream err(stderr);
    err << accessLogLine(entry) << '\n';
    err.flush();
}

} // namespace syncdeck::emulator
