#pragma once

#include <QString>
#include <QTimeZone>

namespace syncdeck::ui::charts {

// A time axis whose ticks fall on calendar boundaries of the local time zone (whole hours,
// midnights, Mondays), so that every label names the time it stands on and no label repeats.
struct CalendarTicks
{
    qint64 fromMs = 0; // the first tick: the boundary at or before the range's start
    qint64 toMs = 0; // the last tick: the boundary at or after the range's end
    qint64 stepMs = 0;
    int tickCount = 2;
    QString format; // QDateTime format of the labels
    // Said once beside the axis: the zone, and the day when every tick is on the same one.
    QString title;
};

// Ticks for [fromMs, toMs] with at most maxTicks ticks (at least 2). Steps: 1, 2, 3, 6, 12 hours,
// 1, 2 days, 1, 2, 4, 13, 26, 52 weeks. A step of days counts 24 h: across a daylight-saving
// change its ticks sit an hour off midnight (the labels show only the date).
CalendarTicks calendarTicks(qint64 fromMs, qint64 toMs, int maxTicks,
                            const QTimeZone &zone = QTimeZone::systemTimeZone());

// A round bucket for bars over [fromMs, toMs): 1 h, 6 h, 1 day or 1 week, the smallest that
// needs at most maxBuckets buckets (1 week beyond).
qint64 roundBucketMs(qint64 fromMs, qint64 toMs, int maxBuckets);

} // namespace syncdeck::ui::charts
