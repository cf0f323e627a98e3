#include "timeargument.h"

#include <QRegularExpression>

namespace syncdeck::cli {

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
        return QDateTime::fromMSecsSinceEpoch(qint64(s.toDouble() * 1000.0), Qt::UTC);

    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    // QDate reads the first ten characters and ignores the rest: "2024-05-01T25:00:00Z" would
    // become midnight. Only a text that is exactly a date means midnight.
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!t.isValid() && dateOnly.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid()) {
        *error = QStringLiteral("\"%1\" is not a time: give ISO 8601 (2024-05-01T12:00:00Z), "
                                "epoch seconds, or a span back from now such as 90m, 24h or 7d")
                     .arg(s);
        return {};
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // no zone given: UTC, like every time SyncDeck prints
    return t.toUTC();
}

} // namespace syncdeck::cli
