#pragma once

#include <QDateTime>
#include <QString>

namespace syncdeck::cli {

// --start-time / --end-time: ISO 8601 ("2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00",
// "2024-05-01" as midnight UTC; a time without zone is UTC), epoch seconds ("1714564800"), or
// a span back from `now`: "90s", "90m", "24h", "7d", "2w". Invalid result and *error on bad input.
QDateTime parseTimeArgument(const QString &text, const QDateTime &now, QString *error);

} // namespace syncdeck::cli
