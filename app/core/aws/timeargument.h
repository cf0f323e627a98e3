#pragma once

#include <QDateTime>
#include <QString>

namespace syncdeck::aws {

// A time the user types (syncdeck-cli --start-time/--end-time, the dashboard's --start-time,
// the time fields of the report and fleet views), read by one rule everywhere:
//   - ISO 8601: "2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00", fractions allowed;
//   - a date alone, "2024-05-01": its midnight UTC;
//   - epoch seconds, "1714564800" (9 to 11 digits, optionally with a fraction);
//   - a span back from `now`: "90s", "90m", "24h", "7d", "2w".
// A time without a zone is UTC, never local time: that is the AWS CLI v2's rule for timestamp
// arguments (botocore's parse_to_aware_datetime: "If no timezone info was provided in the input
// value, then UTC is assumed, not local time"), and it makes a command mean the same on every
// machine. The result is in UTC. Invalid result and *error (what was wrong, what to give) on bad
// input.
QDateTime parseTimeArgument(const QString &text, const QDateTime &now, QString *error);

} // namespace syncdeck::aws
