#include "timeargument.h"

#include "awstime.h"

#include <QRegularExpression>

namespace syncdeck::aws {

QDateTime parseTimeArgument(const QString &text, const QDateTime &now, QString *error)
{
    const QString s = text.trimmed();
    static const QRegularExpression relative(QStringLiteral("^(\\d{1,9})([smhdw])$"));
    const QRegularExpressionMatch m = relative.match(s);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        static const QString Units = QStringLiteral("smhdw");
        static const qint64 Seconds[] = {1, 60, 3600, 86400, 7 * 86400};
        const qint64 span = n * Seconds[Units.indexOf(m.captured(2))];
        const QDateTime t = now.toUTC().addSecs(-span);
        if (!t.isValid() || t.date().year() < 1970) {
            *error = QStringLiteral("\"%1\" reaches back before 1970").arg(s);
            return {};
        }
        return t;
    }
    static const QRegularExpression epoch(QStringLiteral("^\\d{9,11}(\\.\\d+)?$"));
    if (epoch.match(s).hasMatch())
        return awstime::toDateTime(qint64(s.toDouble() * 1000.0));

    const std::optional<qint64> ms
        = awstime::parseIso8601(s, {.missingZoneIsUtc = true, .dateAlone = true});
    if (!ms) {
        *error = QStringLiteral("\"%1\" is not a time: give ISO 8601 (2024-05-01T12:00:00Z), "
                                "epoch seconds, or a span back from now such as 90m, 24h or 7d")
                     .arg(s);
        return {};
    }
    return awstime::toDateTime(*ms);
}

} // namespace syncdeck::aws
