#include "timeticks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace syncdeck::ui::charts {
namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(TimeTicks)
};

constexpr qint64 HourMs = 3600LL * 1000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 WeekMs = 7 * DayMs;

// The boundary of `stepMs` at or before ms, in local time: hour steps count from local
// midnight, day steps are midnights, week steps are Mondays at midnight.
qint64 floorToBoundary(qint64 ms, qint64 stepMs, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, zone);
    QDate day = local.date();
    if (stepMs >= WeekMs)
        day = day.addDays(1 - day.dayOfWeek());
    const qint64 midnight = QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
    if (stepMs >= DayMs)
        return midnight;
    return midnight + (ms - midnight) / stepMs * stepMs;
}

} // namespace

CalendarTicks calendarTicks(qint64 fromMs, qint64 toMs, int maxTicks, const QTimeZone &zone)
{
    static constexpr qint64 Steps[]
        = {HourMs, 2 * HourMs, 3 * HourMs, 6 * HourMs,  12 * HourMs, DayMs,      2 * DayMs,
           WeekMs, 2 * WeekMs, 4 * WeekMs, 13 * WeekMs, 26 * WeekMs, 52 * WeekMs};
    maxTicks = std::max(maxTicks, 2);
    toMs = std::max(toMs, fromMs + 1);
    CalendarTicks t;
    for (const qint64 step : Steps) {
        t.stepMs = step;
        t.fromMs = floorToBoundary(fromMs, step, zone);
        const qint64 intervals = std::max<qint64>(1, (toMs - t.fromMs + step - 1) / step);
        t.toMs = t.fromMs + intervals * step;
        t.tickCount = int(intervals) + 1;
        if (t.tickCount <= maxTicks)
            break;
    }
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(t.fromMs, zone);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(t.toMs, zone);
    const QString zoneName = zone.displayName(first, QTimeZone::OffsetName);
    if (t.stepMs < DayMs && (first.date() == last.date() || last.time() == QTime(0, 0))
        && first.daysTo(last) <= 1) {
        // Every tick on one day: the day is said once, the ticks say the hour.
        t.format = QStringLiteral("HH:mm");
        t.title = Text::tr("%1, local time (%2)")
                      .arg(QLocale().toString(first.date(), QLocale::ShortFormat), zoneName);
    } else {
        t.format = t.stepMs < DayMs  ? QStringLiteral("MMM d HH:mm")
            : t.stepMs < 13 * WeekMs ? QStringLiteral("MMM d")
                                     : QStringLiteral("MMM d yyyy");
        t.title = Text::tr("Local time (%1)").arg(zoneName);
    }
    return t;
}

qint64 roundBucketMs(qint64 fromMs, qint64 toMs, int maxBuckets)
{
    const qint64 span = std::max<qint64>(1, toMs - fromMs);
    for (const qint64 step : {HourMs, 6 * HourMs, DayMs}) {
        if ((span + step - 1) / step <= std::max(maxBuckets, 1))
            return step;
    }
    return WeekMs;
}

} // namespace syncdeck::ui::charts
