#pragma once

#include <QDateTime>
#include <QString>

#include <bitset>
#include <optional>

namespace syncdeck::fleet {

// A data source's sync schedule (GetDataSource `syncSchedule`) as EventBridge understands it:
// `cron(minutes hours day-of-month month day-of-week year)` with `, - * ? / L W #`, or
// `rate(N minute|minutes|hour|hours|day|days)`; an empty expression means "on demand". Cron is
// evaluated in UTC (EventBridge has no time zone for these), so there is no daylight saving.
//
// A value type: parse() once, then ask for fire times as often as needed. Every search is
// bounded by the cron year range (1970..2199).
class SyncSchedule
{
public:
    enum class Kind : quint8 {
        Invalid, // parse() failed: error() says why
        OnDemand, // empty expression: runs only when started by hand
        Rate,
        Cron,
    };

    SyncSchedule() = default;
    // Never throws; an expression that is not valid gives kind() Invalid and error().
    static SyncSchedule parse(const QString &expression);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    bool isScheduled() const { return m_kind == Kind::Rate || m_kind == Kind::Cron; }
    QString expression() const { return m_expression; } // trimmed, as given
    QString error() const { return m_error; } // what is wrong, and how it should look

    // rate(): the interval in seconds; 0 for other kinds.
    qint64 rateSeconds() const { return m_rateSeconds; }

    // The first fire time strictly after `after`, in UTC; invalid when there is none (on
    // demand, invalid, or a cron whose years have all passed). A rate schedule fires at
    // rateAnchor + k x interval (EventBridge counts from when the schedule was set, which the
    // service does not say; callers anchor at a known run); without an anchor, at the epoch.
    QDateTime nextFire(const QDateTime &after, const QDateTime &rateAnchor = {}) const;
    // The last fire time at or before `atOrBefore`, in UTC; invalid when there is none.
    QDateTime previousFire(const QDateTime &atOrBefore, const QDateTime &rateAnchor = {}) const;
    // The expected period around `at`: from the fire at or before it to the next one after it
    // (a cron's gaps may differ, e.g. weekdays only). None when either side does not exist.
    std::optional<qint64> periodSecondsAt(const QDateTime &at) const;

    // Words for reasons and tooltips: "every 15 min", "every 1 d", or the cron expression.
    QString describe() const;

private:
    struct Cron
    {
        std::bitset<60> minutes;
        std::bitset<24> hours;
        std::bitset<32> days; // 1..31
        std::bitset<13> months; // 1..12
        std::bitset<8> weekdays; // 1..7, 1 = Sunday (EventBridge numbering)
        std::bitset<230> years; // 1970..2199
        bool dayOfMonthAny = false; // '?' in day-of-month: the day-of-week field decides
        bool lastDay = false; // L
        bool lastWeekday = false; // LW
        int nearestWeekdayTo = 0; // nW
        int lastOfWeekday = 0; // nL in day-of-week: the last such weekday of the month
        int nthWeekday = 0; // n#k in day-of-week: weekday n ...
        int nth = 0; // ... the k-th of the month
    };

    bool dayMatches(int year, int month, int day) const;
    QDateTime nextCron(const QDateTime &after) const;
    QDateTime previousCron(const QDateTime &atOrBefore) const;
    enum class Direction { After, AtOrBefore };
    QDateTime fire(const QDateTime &t, const QDateTime &rateAnchor, Direction direction) const;

    Kind m_kind = Kind::Invalid;
    QString m_expression;
    QString m_error;
    qint64 m_rateSeconds = 0;
    Cron m_cron;

    friend class CronParser;
};

} // namespace syncdeck::fleet
