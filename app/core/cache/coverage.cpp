#include "coverage.h"

#include <algorithm>
#include <limits>

namespace syncdeck::cache {

namespace {
// Closed bounds with the unbounded ends as the extreme values (no job starts there).
constexpr qint64 Lowest = std::numeric_limits<qint64>::min();
constexpr qint64 Highest = std::numeric_limits<qint64>::max();

struct Bounds
{
    qint64 lo;
    qint64 hi;
};

Bounds bounds(const TimeRange &r)
{
    return {r.fromMs.value_or(Lowest), r.toMs.value_or(Highest)};
}

TimeRange range(qint64 lo, qint64 hi)
{
    TimeRange r;
    if (lo != Lowest)
        r.fromMs = lo;
    if (hi != Highest)
        r.toMs = hi;
    return r;
}

// a and b overlap or touch.
bool joins(Bounds a, Bounds b)
{
    if (a.lo > b.lo)
        std::swap(a, b);
    return a.hi == Highest || a.hi + 1 >= b.lo;
}

bool newerFirst(const TimeRange &a, const TimeRange &b)
{
    return bounds(a).hi > bounds(b).hi;
}
} // namespace

bool TimeRange::contains(std::optional<qint64> startMs) const
{
    if (!startMs)
        return !fromMs;
    const Bounds b = bounds(*this);
    return b.lo <= *startMs && *startMs <= b.hi;
}

bool TimeRange::contains(const TimeRange &other) const
{
    if (other.isEmpty())
        return true;
    const Bounds a = bounds(*this);
    const Bounds b = bounds(other);
    return a.lo <= b.lo && b.hi <= a.hi;
}

QList<TimeRange> unite(const QList<TimeRange> &coverage, const TimeRange &add)
{
    if (add.isEmpty())
        return coverage;
    Bounds merged = bounds(add);
    QList<TimeRange> out;
    for (const TimeRange &r : coverage) {
        const Bounds b = bounds(r);
        if (joins(merged, b))
            merged = {std::min(merged.lo, b.lo), std::max(merged.hi, b.hi)};
        else
            out.append(r);
    }
    out.append(range(merged.lo, merged.hi));
    std::sort(out.begin(), out.end(), newerFirst);
    return out;
}

QList<TimeRange> clipBelow(const QList<TimeRange> &coverage, qint64 cutoffMs)
{
    QList<TimeRange> out;
    for (const TimeRange &r : coverage) {
        Bounds b = bounds(r);
        if (b.hi < cutoffMs)
            continue;
        b.lo = std::max(b.lo, cutoffMs);
        out.append(range(b.lo, b.hi));
    }
    return out;
}

QList<TimeRange> heldAsOfRefresh(const QList<TimeRange> &coverage, qint64 newestListedMs)
{
    QList<TimeRange> held = coverage;
    std::sort(held.begin(), held.end(), newerFirst);
    if (!held.isEmpty() && held.constFirst().contains(std::optional<qint64>(newestListedMs)))
        held.first().toMs.reset();
    return held;
}

QList<RangePiece> split(const TimeRange &query, const QList<TimeRange> &coverage)
{
    QList<RangePiece> pieces;
    if (query.isEmpty())
        return pieces;
    QList<TimeRange> sorted = coverage;
    std::sort(sorted.begin(), sorted.end(), newerFirst);
    const Bounds q = bounds(query);
    qint64 top = q.hi; // everything above `top` has been placed
    bool done = false;
    for (const TimeRange &r : std::as_const(sorted)) {
        const Bounds b = bounds(r);
        if (b.hi < q.lo)
            break;
        if (b.lo > top)
            continue;
        const qint64 hi = std::min(b.hi, top);
        if (hi < top)
            pieces.append({range(hi + 1, top), false});
        const qint64 lo = std::max(b.lo, q.lo);
        pieces.append({range(lo, hi), true});
        if (lo == q.lo) {
            done = true;
            break;
        }
        top = lo - 1;
    }
    if (!done)
        pieces.append({range(q.lo, top), false});
    return pieces;
}

std::optional<qint64> msOf(const QDateTime &time)
{
    return time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt;
}

QDateTime timeOf(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
}

TimeRange rangeOf(const QDateTime &startTime, const QDateTime &endTime)
{
    return {msOf(startTime), msOf(endTime)};
}

} // namespace syncdeck::cache
