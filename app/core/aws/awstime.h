#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QStringView>

#include <array>
#include <optional>

// The time formats of the AWS protocols, in one place: SigV4's basic format, ISO 8601 (query
// timestamps, outputs, fixtures, credential expirations) and HTTP dates (the Date header).
//
// Everything works on UTC epoch milliseconds with civil-calendar arithmetic (H. Hinnant's
// days-from-civil): QDateTime's formatter and parser go through the locale and the time-zone
// database, which costs more than a whole signature, and the signer and the emulator format a
// date for every request. Formatting covers the years 0000 to 9999 (what four digits hold);
// outside them it gives nothing. Nothing here reads the clock.
namespace syncdeck::aws::awstime {

// A UTC calendar time.
struct CivilTime
{
    int year = 1970;
    int month = 1; // 1..12
    int day = 1; // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
    int msec = 0;
    friend bool operator==(const CivilTime &, const CivilTime &) = default;
};

// Days since 1970-01-01 of a proleptic Gregorian date (no range check).
constexpr qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

// The calendar time of an instant; nullopt outside the years 0000 to 9999.
std::optional<CivilTime> toCivil(qint64 msSinceEpoch);
// The instant of a calendar time; nullopt when a field is out of its range (February 30, hour
// 24, ...). A leap second (second 60) counts as second 59, as AWS services read it.
std::optional<qint64> fromCivil(const CivilTime &time);
// A UTC QDateTime of an instant (no local-time lookup).
QDateTime toDateTime(qint64 msSinceEpoch);

// --- SigV4 ("ISO 8601 basic format") ---------------------------------------------------------

// "20150830T123600Z"; its first eight characters are the credential scope's date.
using AmzDateText = std::array<char, 16>;
// Without allocating; the last second formatted is kept per thread (requests come in bursts).
std::optional<AmzDateText> formatAmzDate(qint64 msSinceEpoch);
// The same as bytes; empty for an invalid time or one outside the years 0000 to 9999.
QByteArray amzDate(const QDateTime &time);
QByteArray dateStamp(const QDateTime &time);
// "20150830T123600Z" exactly (X-Amz-Date, sign-request --time); nullopt otherwise.
std::optional<qint64> parseAmzDate(QByteArrayView text);

// --- ISO 8601 extended format (RFC 3339) -----------------------------------------------------

// "2024-05-01T12:00:00Z", with ".250" only when the milliseconds are not zero: what rest-json
// sends in queries and what the AWS CLI prints. nullopt outside the years 0000 to 9999.
std::optional<QByteArray> formatIso8601(qint64 msSinceEpoch);
// The same of a QDateTime in any zone, empty when invalid; years past 9999 fall back to Qt's
// formatter (they are never sent, but a value must never vanish from an export).
QByteArray iso8601(const QDateTime &time);

struct Iso8601Rules
{
    // A time without a zone designator is UTC (the AWS CLI's rule for its arguments) instead of
    // being refused. Never local time: a command must mean the same on every machine.
    bool missingZoneIsUtc = false;
    // "2024-05-01" alone means its midnight UTC.
    bool dateAlone = false;
};
// Credential expirations (STS, the SSO token cache, credential_process) name their zone; one
// that does not is UTC, as everything AWS writes.
inline constexpr Iso8601Rules CredentialExpiryRules {.missingZoneIsUtc = true};

// YYYY-MM-DD, 'T' (or 't' or a space), hh:mm[:ss[.fraction]], then Z, z, +hh, +hhmm or +hh:mm
// (the fraction may have up to 9 digits; milliseconds are kept). nullopt when malformed.
std::optional<qint64> parseIso8601(QStringView text, Iso8601Rules rules = {});

// --- HTTP dates (RFC 9110 section 5.6.7) -----------------------------------------------------

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (the emulator's Date header, per request).
using HttpDateText = std::array<char, 29>;
std::optional<HttpDateText> formatHttpDate(qint64 msSinceEpoch);
QByteArray httpDate(qint64 msSinceEpoch);
// IMF-fixdate and the two obsolete forms recipients must accept: RFC 850
// ("Sunday, 06-Nov-94 08:49:37 GMT", two-digit years read as 1970 to 2069) and asctime
// ("Sun Nov  6 08:49:37 1994"). Extra white space is tolerated; the weekday is not checked.
std::optional<qint64> parseHttpDate(QByteArrayView text);

} // namespace syncdeck::aws::awstime
