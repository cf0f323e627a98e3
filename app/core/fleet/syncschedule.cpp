#include "syncschedule.h"

#include "qbusiness/runkpis.h"

#include <QDate>
#include <QStringList>
#include <QTime>

#include <array>
#include <tuple>

namespace syncdeck::fleet {

namespace {

constexpr int FirstYear = 1970;
constexpr int LastYear = 2199;

const std::array<const char *, 12> MonthNames
    = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const std::array<const char *, 7> WeekdayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

// One cron field: its name for messages, its value range, and names that stand for values.
struct Field
{
    const char *name;
    int min;
    int max;
    const char *const *names = nullptr; // names[i] stands for min + i
    int nameCount = 0;
    bool cyclic = true; // a range may wrap around (FRI-MON, 22-2); years do not
    int bitBase = 0; // value v is bit v - bitBase of the field's bitset
};

const Field Minutes {"minutes", 0, 59};
const Field Hours {"hours", 0, 23};
const Field DayOfMonth {"day-of-month", 1, 31};
const Field Month {"month", 1, 12, MonthNames.data(), 12};
const Field DayOfWeek {"day-of-week", 1, 7, WeekdayNames.data(), 7};
const Field Year {"year", FirstYear, LastYear, nullptr, 0, false, FirstYear};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

int weekdayOf(const QDate &date)
{
    return date.dayOfWeek() % 7
        + 1; // Qt: Monday 1 .. Sunday 7; EventBridge: Sunday 1 .. Saturday 7
}

// The weekday (Monday..Friday) nearest to day n of the month, never leaving the month.
int nearestWeekday(int year, int month, int n)
{
    const QDate date(year, month, n);
    const int dim = date.daysInMonth();
    switch (date.dayOfWeek()) {
    case Qt::Saturday:
        return n == 1 ? 3 : n - 1;
    case Qt::Sunday:
        return n == dim ? n - 2 : n + 1;
    default:
        return n;
    }
}

int lastWeekdayOfMonth(int year, int month)
{
    const QDate last = QDate(year, month, 1).addMonths(1).addDays(-1);
    switch (last.dayOfWeek()) {
    case Qt::Saturday:
        return last.day() - 1;
    case Qt::Sunday:
        return last.day() - 2;
    default:
        return last.day();
    }
}

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

// Parses the six cron fields into SyncSchedule::Cron; the first error wins and names the field.
class CronParser
{
public:
    explicit CronParser(SyncSchedule::Cron *cron)
        : m_cron(cron)
    { }
    QString error;

    bool parse(const QString &body)
    {
        const QStringList fields = body.split(QChar(u' '), Qt::SkipEmptyParts);
        if (fields.size() != 6) {
            return fail(QStringLiteral("a cron expression has 6 fields (minutes hours day-of-month "
                                       "month day-of-week year), this one has %1; for example "
                                       "cron(0 * * * ? *) is every hour")
                            .arg(fields.size()));
        }
        if (!list(fields[0], Minutes, m_cron->minutes) || !list(fields[1], Hours, m_cron->hours)
            || !list(fields[3], Month, m_cron->months) || !list(fields[5], Year, m_cron->years))
            return false;
        const bool domAny = fields[2] == QLatin1String("?");
        const bool dowAny = fields[4] == QLatin1String("?");
        if (domAny && dowAny)
            return fail(QStringLiteral("day-of-month and day-of-week are both '?': one of them "
                                       "must name the days, e.g. cron(0 12 * * ? *)"));
        if (!domAny && !dowAny)
            return fail(QStringLiteral("day-of-month and day-of-week cannot both be given: put "
                                       "'?' in one of them, e.g. cron(0 12 * * ? *) or "
                                       "cron(0 12 ? * MON-FRI *)"));
        m_cron->dayOfMonthAny = domAny;
        return domAny ? dayOfWeek(fields[4]) : dayOfMonth(fields[2]);
    }

private:
    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }

    bool value(QStringView token, const Field &f, int *out)
    {
        if (isDigits(token)) {
            bool ok = false;
            const int v = token.size() <= 4 ? token.toInt(&ok) : -1;
            if (ok && v >= f.min && v <= f.max) {
                *out = v;
                return true;
            }
            return fail(QStringLiteral("%1 is out of range for %2 (%3-%4)")
                            .arg(token.toString(), QLatin1String(f.name))
                            .arg(f.min)
                            .arg(f.max));
        }
        for (int i = 0; i < f.nameCount; ++i) {
            if (token.compare(QLatin1String(f.names[i]), Qt::CaseInsensitive) == 0) {
                *out = f.min + i;
                return true;
            }
        }
        QString expected = QStringLiteral("a number %1-%2").arg(f.min).arg(f.max);
        if (f.nameCount > 0)
            expected
                += QStringLiteral(" or a name %1-%2")
                       .arg(QLatin1String(f.names[0]), QLatin1String(f.names[f.nameCount - 1]));
        return fail(QStringLiteral("'%1' is not a %2 value (expected %3)")
                        .arg(token.toString(), QLatin1String(f.name), expected));
    }

    // One comma-separated list of *, values, ranges and steps.
    template<size_t N>
    bool list(const QString &text, const Field &f, std::bitset<N> &bits)
    {
        const QStringList items = text.split(QChar(u','));
        for (const QString &item : items) {
            if (!listItem(item, f, bits))
                return false;
        }
        return true;
    }

    template<size_t N>
    bool listItem(const QString &item, const Field &f, std::bitset<N> &bits)
    {
        if (item.isEmpty())
            return fail(QStringLiteral("an empty item in the %1 field").arg(QLatin1String(f.name)));
        const qsizetype slash = item.indexOf(u'/');
        const QStringView base = slash < 0 ? QStringView(item) : QStringView(item).left(slash);
        int step = 1;
        if (slash >= 0) {
            const QStringView stepText = QStringView(item).mid(slash + 1);
            const int span = f.max - f.min + 1;
            bool ok = false;
            step = isDigits(stepText) && stepText.size() <= 4 ? stepText.toInt(&ok) : 0;
            if (!ok || step < 1 || step > span)
                return fail(QStringLiteral("'%1' in %2: the step after '/' must be a whole number "
                                           "from 1 to %3")
                                .arg(item, QLatin1String(f.name))
                                .arg(span));
        }
        int from = f.min;
        int to = f.max;
        if (base != QLatin1String("*")) {
            const qsizetype dash = base.indexOf(u'-');
            if (dash < 0) {
                if (!value(base, f, &from))
                    return false;
                to = slash < 0 ? from : f.max; // "5/15": from 5 to the end, every 15
            } else if (!value(base.left(dash), f, &from) || !value(base.mid(dash + 1), f, &to)) {
                return false;
            }
        }
        if (to < from && !f.cyclic)
            return fail(
                QStringLiteral("'%1' in %2 runs backwards").arg(item, QLatin1String(f.name)));
        // A cyclic range may wrap around its end (22-2 is 22, 23, 0, 1, 2).
        const int span = f.max - f.min + 1;
        const int length = (to - from + span) % span + 1;
        for (int i = 0; i < length; i += step)
            bits.set(size_t((from - f.min + i) % span + f.min - f.bitBase));
        return true;
    }

    bool dayOfMonth(const QString &text)
    {
        if (text.compare(QLatin1String("L"), Qt::CaseInsensitive) == 0) {
            m_cron->lastDay = true;
            return true;
        }
        if (text.compare(QLatin1String("LW"), Qt::CaseInsensitive) == 0) {
            m_cron->lastWeekday = true;
            return true;
        }
        if (text.endsWith(u'W', Qt::CaseInsensitive) && !text.contains(u',')) {
            int n = 0;
            if (!value(QStringView(text).chopped(1), DayOfMonth, &n))
                return false;
            m_cron->nearestWeekdayTo = n;
            return true;
        }
        if (text.contains(u'L', Qt::CaseInsensitive) || text.contains(u'W', Qt::CaseInsensitive))
            return fail(QStringLiteral("'%1' in day-of-month: L, LW and nW (e.g. 15W) stand alone, "
                                       "without lists or ranges")
                            .arg(text));
        return list(text, DayOfMonth, m_cron->days);
    }

    bool dayOfWeek(const QString &text)
    {
        if (text.contains(u'/'))
            return fail(QStringLiteral("'%1': EventBridge does not allow '/' in day-of-week "
                                       "(use a list or a range, e.g. MON,WED,FRI)")
                            .arg(text));
        if (text.contains(u'#')) {
            const qsizetype hash = text.indexOf(u'#');
            if (text.contains(u','))
                return fail(QStringLiteral("'%1': a day-of-week with '#' takes one expression "
                                           "only (e.g. 3#2, the second Tuesday)")
                                .arg(text));
            int weekday = 0;
            if (!value(QStringView(text).left(hash), DayOfWeek, &weekday))
                return false;
            const QStringView nth = QStringView(text).mid(hash + 1);
            if (nth.size() != 1 || nth[0] < u'1' || nth[0] > u'5')
                return fail(QStringLiteral("'%1': the number after '#' is which of the month's "
                                           "weekdays, 1 to 5")
                                .arg(text));
            m_cron->nthWeekday = weekday;
            m_cron->nth = nth[0].unicode() - u'0';
            return true;
        }
        if (text.compare(QLatin1String("L"), Qt::CaseInsensitive) == 0) {
            m_cron->weekdays.set(7); // the last day of the week: Saturday
            return true;
        }
        if (text.endsWith(u'L', Qt::CaseInsensitive) && !text.contains(u',')
            && !text.contains(u'-')) {
            int weekday = 0;
            if (!value(QStringView(text).chopped(1), DayOfWeek, &weekday))
                return false;
            m_cron->lastOfWeekday = weekday;
            return true;
        }
        if (text.contains(u'L', Qt::CaseInsensitive))
            return fail(QStringLiteral("'%1' in day-of-week: L and nL (e.g. 6L, the last Friday) "
                                       "stand alone, without lists or ranges")
                            .arg(text));
        return list(text, DayOfWeek, m_cron->weekdays);
    }

    SyncSchedule::Cron *m_cron;
};

SyncSchedule SyncSchedule::parse(const QString &expression)
{
    SyncSchedule s;
    s.m_expression = expression.trimmed();
    const QString &text = s.m_expression;
    if (text.isEmpty()) {
        s.m_kind = Kind::OnDemand;
        return s;
    }
    const auto invalid = [&s](const QString &why) {
        s.m_kind = Kind::Invalid;
        s.m_error = why;
        return s;
    };
    const qsizetype open = text.indexOf(u'(');
    if (open < 0 || !text.endsWith(u')')) {
        return invalid(QStringLiteral("\"%1\" is neither cron(...) nor rate(...); for example "
                                      "cron(0 * * * ? *) or rate(1 hour)")
                           .arg(text));
    }
    const QString keyword = text.left(open).trimmed().toLower();
    const QString body = text.mid(open + 1, text.size() - open - 2).simplified();
    if (keyword == QLatin1String("rate")) {
        const QStringList parts = body.split(u' ');
        if (parts.size() != 2 || !isDigits(parts[0]))
            return invalid(QStringLiteral("\"%1\": a rate is rate(N unit) with a whole number N "
                                          "and a unit of minutes, hours or days, e.g. "
                                          "rate(15 minutes)")
                               .arg(text));
        bool ok = false;
        const qint64 n = parts[0].size() <= 9 ? parts[0].toLongLong(&ok) : 0;
        if (!ok || n < 1)
            return invalid(QStringLiteral("\"%1\": the rate must be a whole number from 1 to "
                                          "999999999")
                               .arg(text));
        const QString unit = parts[1].toLower();
        static const std::array<std::pair<const char *, qint64>, 3> units {
            {{"minute", 60}, {"hour", 3600}, {"day", 86400}}};
        for (const auto &[name, seconds] : units) {
            const QLatin1String singular(name);
            if (unit != singular && unit != singular + u's')
                continue;
            const bool plural = unit.endsWith(u's');
            if (n == 1 && plural)
                return invalid(QStringLiteral("\"%1\": with a value of 1 the unit is singular: "
                                              "rate(1 %2)")
                                   .arg(text, singular));
            if (n > 1 && !plural)
                return invalid(QStringLiteral("\"%1\": with a value above 1 the unit is plural: "
                                              "rate(%2 %3s)")
                                   .arg(text)
                                   .arg(n)
                                   .arg(singular));
            s.m_kind = Kind::Rate;
            s.m_rateSeconds = n * seconds;
            return s;
        }
        return invalid(
            QStringLiteral("\"%1\": the unit must be minute(s), hour(s) or day(s)").arg(text));
    }
    if (keyword == QLatin1String("cron")) {
        CronParser parser(&s.m_cron);
        if (!parser.parse(body))
            return invalid(QStringLiteral("\"%1\": %2").arg(text, parser.error));
        s.m_kind = Kind::Cron;
        return s;
    }
    return invalid(QStringLiteral("\"%1\" is neither cron(...) nor rate(...); for example "
                                  "cron(0 * * * ? *) or rate(1 hour)")
                       .arg(text));
}

bool SyncSchedule::dayMatches(int year, int month, int day) const
{
    const QDate date(year, month, day);
    const int dim = date.daysInMonth();
    if (!m_cron.dayOfMonthAny) {
        if (m_cron.lastDay)
            return day == dim;
        if (m_cron.lastWeekday)
            return day == lastWeekdayOfMonth(year, month);
        if (m_cron.nearestWeekdayTo > 0) // a day the month does not have never fires (31W in June)
            return m_cron.nearestWeekdayTo <= dim
                && day == nearestWeekday(year, month, m_cron.nearestWeekdayTo);
        return m_cron.days.test(size_t(day));
    }
    const int weekday = weekdayOf(date);
    if (m_cron.lastOfWeekday > 0)
        return weekday == m_cron.lastOfWeekday && day + 7 > dim;
    if (m_cron.nthWeekday > 0)
        return weekday == m_cron.nthWeekday && (day - 1) / 7 + 1 == m_cron.nth;
    return m_cron.weekdays.test(size_t(weekday));
}

namespace {

// Year, month, day, hour and minute (UTC) of a minute counted from the epoch.
std::tuple<int, int, int, int, int> fieldsOfMinute(qint64 minute)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(minute * 60, Qt::UTC);
    return {t.date().year(), t.date().month(), t.date().day(), t.time().hour(), t.time().minute()};
}

} // namespace

// Walks forward field by field; every step moves at least to the next day, month or year, so
// the walk ends within the 230 cron years.
QDateTime SyncSchedule::nextCron(const QDateTime &after) const
{
    int y, mo, d, h, mi;
    std::tie(y, mo, d, h, mi) = fieldsOfMinute(floorDiv(after.toSecsSinceEpoch(), 60) + 1);
    const auto nextMonth = [&] {
        if (++mo > 12) {
            ++y;
            mo = 1;
        }
        d = 1;
        h = 0;
        mi = 0;
    };
    if (y < FirstYear) {
        y = FirstYear;
        mo = d = 1;
        h = mi = 0;
    }
    while (y <= LastYear) {
        if (!m_cron.years.test(size_t(y - FirstYear))) {
            ++y;
            mo = d = 1;
            h = mi = 0;
            continue;
        }
        if (!m_cron.months.test(size_t(mo)) || d > QDate(y, mo, 1).daysInMonth()) {
            nextMonth();
            continue;
        }
        if (dayMatches(y, mo, d)) {
            for (; h < 24; ++h, mi = 0) {
                if (!m_cron.hours.test(size_t(h)))
                    continue;
                for (; mi < 60; ++mi) {
                    if (m_cron.minutes.test(size_t(mi)))
                        return utc(y, mo, d, h, mi);
                }
            }
        }
        ++d;
        h = mi = 0;
    }
    return {};
}

QDateTime SyncSchedule::previousCron(const QDateTime &atOrBefore) const
{
    int y, mo, d, h, mi;
    std::tie(y, mo, d, h, mi) = fieldsOfMinute(floorDiv(atOrBefore.toSecsSinceEpoch(), 60));
    const auto previousMonth = [&] {
        if (--mo < 1) {
            --y;
            mo = 12;
        }
        d = 31; // clamped to the month's length below
        h = 23;
        mi = 59;
    };
    if (y > LastYear) {
        y = LastYear;
        mo = 12;
        d = 31;
        h = 23;
        mi = 59;
    }
    while (y >= FirstYear) {
        if (!m_cron.years.test(size_t(y - FirstYear))) {
            --y;
            mo = 12;
            d = 31;
            h = 23;
            mi = 59;
            continue;
        }
        if (!m_cron.months.test(size_t(mo)) || d < 1) {
            previousMonth();
            continue;
        }
        d = std::min(d, QDate(y, mo, 1).daysInMonth());
        if (dayMatches(y, mo, d)) {
            for (; h >= 0; --h, mi = 59) {
                if (!m_cron.hours.test(size_t(h)))
                    continue;
                for (; mi >= 0; --mi) {
                    if (m_cron.minutes.test(size_t(mi)))
                        return utc(y, mo, d, h, mi);
                }
            }
        }
        --d;
        h = 23;
        mi = 59;
    }
    return {};
}

QDateTime SyncSchedule::nextFire(const QDateTime &after, const QDateTime &rateAnchor) const
{
    return fire(after, rateAnchor, Direction::After);
}

QDateTime SyncSchedule::previousFire(const QDateTime &atOrBefore, const QDateTime &rateAnchor) const
{
    return fire(atOrBefore, rateAnchor, Direction::AtOrBefore);
}

QDateTime SyncSchedule::fire(const QDateTime &t, const QDateTime &rateAnchor,
                             Direction direction) const
{
    if (!t.isValid())
        return {};
    const bool after = direction == Direction::After;
    if (m_kind == Kind::Cron)
        return after ? nextCron(t) : previousCron(t);
    if (m_kind != Kind::Rate)
        return {};
    // A rate fires at anchor + k * period, for whole k.
    const qint64 anchor = rateAnchor.isValid() ? rateAnchor.toMSecsSinceEpoch() : 0;
    const qint64 period = m_rateSeconds * 1000;
    const qint64 k = floorDiv(t.toMSecsSinceEpoch() - anchor, period) + (after ? 1 : 0);
    return QDateTime::fromMSecsSinceEpoch(anchor + k * period, Qt::UTC);
}

std::optional<qint64> SyncSchedule::periodSecondsAt(const QDateTime &at) const
{
    if (m_kind == Kind::Rate)
        return m_rateSeconds;
    if (m_kind != Kind::Cron)
        return std::nullopt;
    const QDateTime previous = previousCron(at);
    const QDateTime next = nextCron(at);
    if (!previous.isValid() || !next.isValid())
        return std::nullopt;
    return previous.secsTo(next);
}

QString SyncSchedule::describe() const
{
    switch (m_kind) {
    case Kind::OnDemand:
        return QStringLiteral("on demand");
    case Kind::Rate:
        return QStringLiteral("every ") + qbusiness::formatDuration(m_rateSeconds);
    case Kind::Cron:
    case Kind::Invalid:
        break;
    }
    return m_expression;
}

} // namespace syncdeck::fleet
