#include "awstime.h"

#include <algorithm>
#include <limits>

namespace syncdeck::aws::awstime {
namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr char MonthNames[12][4]
    = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr char DayNames[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

bool isLeapYear(qint64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(qint64 year, int month)
{
    static constexpr int Days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : Days[month - 1];
}

// Writes `value` as exactly `digits` decimal digits.
void putDigits(char *at, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        at[i] = char('0' + value % 10);
}

char32_t codeOf(QChar c)
{
    return c.unicode();
}

char32_t codeOf(char c)
{
    return static_cast<unsigned char>(c);
}

// A cursor over ASCII text (QStringView or QByteArrayView) for the parsers below.
template<typename View>
class Scanner
{
public:
    explicit Scanner(View text)
        : m_text(text)
    { }

    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return charAt(m_at); }
    bool take(char c)
    {
        if (atEnd() || peek() != c)
            return false;
        ++m_at;
        return true;
    }
    // Exactly `count` digits, or (count == 0) one or two.
    bool number(int count, int *out)
    {
        int n = 0;
        int read = 0;
        const int most = count ? count : 2;
        while (read < most && peek() >= '0' && peek() <= '9') {
            n = n * 10 + (peek() - '0');
            ++m_at;
            ++read;
        }
        *out = n;
        return count ? read == count : read > 0;
    }
    void skipSpaces()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_at;
    }
    // A three-letter month name, any case.
    bool month(int *out)
    {
        for (int m = 0; m < 12; ++m) {
            bool same = true;
            for (int i = 0; i < 3 && same; ++i)
                same = (charAt(m_at + i) | 0x20) == (MonthNames[m][i] | 0x20);
            if (same) {
                m_at += 3;
                *out = m + 1;
                return true;
            }
        }
        return false;
    }
    void skipWord()
    {
        while (!atEnd() && peek() != ' ' && peek() != ',')
            ++m_at;
    }

private:
    // Non-ASCII reads as DEL, the end as NUL: neither matches anything a format expects.
    char charAt(qsizetype i) const
    {
        if (i >= m_text.size())
            return '\0';
        const char32_t c = codeOf(m_text[i]);
        return c < 0x80 ? char(c) : '\x7f';
    }

    View m_text;
    qsizetype m_at = 0;
};

// "hh:mm:ss" with every field present (HTTP dates).
template<typename View>
bool clock(Scanner<View> &s, CivilTime *t)
{
    return s.number(2, &t->hour) && s.take(':') && s.number(2, &t->minute) && s.take(':')
        && s.number(2, &t->second);
}

std::optional<qint64> endOfHttpDate(Scanner<QByteArrayView> &s, const CivilTime &t, bool gmt)
{
    s.skipSpaces();
    if (gmt && !(s.take('G') && s.take('M') && s.take('T')))
        return std::nullopt;
    s.skipSpaces();
    return s.atEnd() ? fromCivil(t) : std::nullopt;
}

} // namespace

std::optional<CivilTime> toCivil(qint64 ms)
{
    const qint64 days = floorDiv(ms, MsPerDay);
    const qint64 msOfDay = ms - days * MsPerDay;
    // civil_from_days: eras of 400 years (146097 days) starting on March 1st.
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    CivilTime t;
    t.day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    t.month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (t.month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return std::nullopt;
    t.year = int(year);
    t.hour = int(msOfDay / 3600000);
    t.minute = int(msOfDay / 60000 % 60);
    t.second = int(msOfDay / 1000 % 60);
    t.msec = int(msOfDay % 1000);
    return t;
}

std::optional<qint64> fromCivil(const CivilTime &t)
{
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysInMonth(t.year, t.month)
        || t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0
        || t.second > 60 || t.msec < 0 || t.msec > 999)
        return std::nullopt;
    const qint64 days = daysFromCivil(t.year, t.month, t.day);
    return days * MsPerDay + ((t.hour * 60 + t.minute) * 60 + std::min(t.second, 59)) * 1000
        + t.msec;
}

QDateTime toDateTime(qint64 ms)
{
    // Qt::UTC (not QTimeZone::utc()): the spec every other UTC time of SyncDeck has.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

namespace {

// The text of the second `ms` falls in, written by `write(civil, seconds, text)`; the last second
// written is kept per thread and per format, so a burst within one second formats once.
template<typename Text, typename Write>
std::optional<Text> perSecond(qint64 ms, Write write)
{
    const qint64 secs = floorDiv(ms, 1000);
    thread_local qint64 lastSecs = std::numeric_limits<qint64>::min();
    thread_local Text last;
    if (secs == lastSecs)
        return last;
    const std::optional<CivilTime> t = toCivil(secs * 1000);
    if (!t)
        return std::nullopt;
    Text text;
    write(*t, secs, text.data());
    lastSecs = secs;
    last = text;
    return text;
}

} // namespace

// --- SigV4 -----------------------------------------------------------------------------------

std::optional<AmzDateText> formatAmzDate(qint64 ms)
{
    // Requests signed in a burst share their second.
    return perSecond<AmzDateText>(ms, [](const CivilTime &t, qint64, char *d) {
        putDigits(d, t.year, 4);
        putDigits(d + 4, t.month, 2);
        putDigits(d + 6, t.day, 2);
        d[8] = 'T';
        putDigits(d + 9, t.hour, 2);
        putDigits(d + 11, t.minute, 2);
        putDigits(d + 13, t.second, 2);
        d[15] = 'Z';
    });
}

QByteArray amzDate(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const std::optional<AmzDateText> d = formatAmzDate(time.toMSecsSinceEpoch());
    return d ? QByteArray(d->data(), qsizetype(d->size())) : QByteArray();
}

QByteArray dateStamp(const QDateTime &time)
{
    const QByteArray date = amzDate(time);
    return date.isEmpty() ? date : date.first(8);
}

std::optional<qint64> parseAmzDate(QByteArrayView text)
{
    Scanner s(text);
    CivilTime t;
    if (text.size() != 16 || !s.number(4, &t.year) || !s.number(2, &t.month) || !s.number(2, &t.day)
        || !s.take('T') || !s.number(2, &t.hour) || !s.number(2, &t.minute)
        || !s.number(2, &t.second) || !s.take('Z'))
        return std::nullopt;
    return fromCivil(t);
}

// --- ISO 8601 --------------------------------------------------------------------------------

std::optional<QByteArray> formatIso8601(qint64 ms)
{
    const std::optional<CivilTime> t = toCivil(ms);
    if (!t)
        return std::nullopt;
    char text[] = "0000-00-00T00:00:00.000Z";
    putDigits(text, t->year, 4);
    putDigits(text + 5, t->month, 2);
    putDigits(text + 8, t->day, 2);
    putDigits(text + 11, t->hour, 2);
    putDigits(text + 14, t->minute, 2);
    putDigits(text + 17, t->second, 2);
    if (t->msec == 0)
        return QByteArray(text, 19) + 'Z';
    putDigits(text + 20, t->msec, 3);
    return QByteArray(text, 24);
}

QByteArray iso8601(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    if (std::optional<QByteArray> text = formatIso8601(time.toMSecsSinceEpoch()))
        return *text;
    const QDateTime utc = time.toUTC();
    const QString format = utc.time().msec() == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")
                                                  : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ");
    return utc.toString(format).toLatin1();
}

std::optional<qint64> parseIso8601(QStringView text, Iso8601Rules rules)
{
    Scanner s(text);
    CivilTime t;
    if (!s.number(4, &t.year) || !s.take('-') || !s.number(2, &t.month) || !s.take('-')
        || !s.number(2, &t.day))
        return std::nullopt;
    if (s.atEnd())
        return rules.dateAlone ? fromCivil(t) : std::nullopt;
    if (!s.take('T') && !s.take('t') && !s.take(' '))
        return std::nullopt;
    if (!s.number(2, &t.hour) || !s.take(':') || !s.number(2, &t.minute))
        return std::nullopt;
    if (s.take(':')) {
        if (!s.number(2, &t.second))
            return std::nullopt;
        if (s.take('.') || s.take(',')) {
            int digits = 0;
            int msec = 0;
            for (int digit = 0; s.number(1, &digit); ++digits) {
                if (digits < 3)
                    msec = msec * 10 + digit;
            }
            if (digits == 0 || digits > 9)
                return std::nullopt;
            for (int i = digits; i < 3; ++i)
                msec *= 10;
            t.msec = msec;
        }
    }
    qint64 offsetMinutes = 0;
    if (s.atEnd()) {
        if (!rules.missingZoneIsUtc)
            return std::nullopt;
    } else if (!s.take('Z') && !s.take('z')) {
        const int sign = s.take('+') ? 1 : (s.take('-') ? -1 : 0);
        int hours = 0;
        int minutes = 0;
        if (sign == 0 || !s.number(2, &hours))
            return std::nullopt;
        if (!s.atEnd()) {
            s.take(':');
            if (!s.number(2, &minutes))
                return std::nullopt;
        }
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetMinutes = sign * (hours * 60 + minutes);
    }
    if (!s.atEnd())
        return std::nullopt;
    const std::optional<qint64> local = fromCivil(t);
    if (!local)
        return std::nullopt;
    return *local - offsetMinutes * 60000;
}

// --- HTTP dates ------------------------------------------------------------------------------

std::optional<HttpDateText> formatHttpDate(qint64 ms)
{
    // The emulator stamps every answer: answers within one second share the text.
    return perSecond<HttpDateText>(ms, [](const CivilTime &t, qint64 secs, char *p) {
        const qint64 weekday = floorDiv(secs, 86400) + 4; // 1970-01-01 was a Thursday
        std::copy_n(DayNames[weekday - floorDiv(weekday, 7) * 7], 3, p);
        p[3] = ',';
        p[4] = ' ';
        putDigits(p + 5, t.day, 2);
        p[7] = ' ';
        std::copy_n(MonthNames[t.month - 1], 3, p + 8);
        p[11] = ' ';
        putDigits(p + 12, t.year, 4);
        p[16] = ' ';
        putDigits(p + 17, t.hour, 2);
        p[19] = ':';
        putDigits(p + 20, t.minute, 2);
        p[22] = ':';
        putDigits(p + 23, t.second, 2);
        std::copy_n(" GMT", 4, p + 25);
    });
}

QByteArray httpDate(qint64 ms)
{
    const std::optional<HttpDateText> d = formatHttpDate(ms);
    return d ? QByteArray(d->data(), qsizetype(d->size())) : QByteArray();
}

std::optional<qint64> parseHttpDate(QByteArrayView text)
{
    Scanner s(text);
    CivilTime t;
    s.skipSpaces();
    s.skipWord(); // the weekday: redundant, and RFC 850 spells it out
    const bool comma = s.take(',');
    s.skipSpaces();
    if (!comma) {
        // asctime: "Nov  6 08:49:37 1994"
        if (!s.month(&t.month))
            return std::nullopt;
        s.skipSpaces();
        if (!s.number(0, &t.day))
            return std::nullopt;
        s.skipSpaces();
        if (!clock(s, &t))
            return std::nullopt;
        s.skipSpaces();
        if (!s.number(4, &t.year))
            return std::nullopt;
        return endOfHttpDate(s, t, false);
    }
    if (!s.number(2, &t.day))
        return std::nullopt;
    if (s.take('-')) {
        // RFC 850: "06-Nov-94 08:49:37 GMT"
        int year = 0;
        if (!s.month(&t.month) || !s.take('-') || !s.number(2, &year))
            return std::nullopt;
        t.year = year < 70 ? 2000 + year : 1900 + year;
    } else {
        // IMF-fixdate: "06 Nov 1994 08:49:37 GMT"
        s.skipSpaces();
        if (!s.month(&t.month))
            return std::nullopt;
        s.skipSpaces();
        if (!s.number(4, &t.year))
            return std::nullopt;
    }
    s.skipSpaces();
    if (!clock(s, &t))
        return std::nullopt;
    return endOfHttpDate(s, t, true);
}

} // namespace syncdeck::aws::awstime
