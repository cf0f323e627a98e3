#pragma once

#include <QDateTime>
#include <QList>
#include <QtGlobal>

#include <optional>

// Which stretches of a data source's listing the cache holds completely. Pure functions over
// time ranges, so that the rules are tested on their own.
namespace syncdeck::cache {

// Job start times in ms since the epoch, both ends inclusive; an absent end is unbounded. This is
// the meaning of ListDataSourceSyncJobs' startTime/endTime: a job is in the range when its start
// time is. A range unbounded below also holds the jobs without a start time: the service lists
// them last, as if they had started before everything else.
struct TimeRange
{
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;

    bool isEmpty() const { return fromMs && toMs && *fromMs > *toMs; }
    bool isUnbounded() const { return !fromMs && !toMs; }
    // A job with this start time (nullopt: none) lies in the range.
    bool contains(std::optional<qint64> startMs) const;
    bool contains(const TimeRange &other) const;
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// Coverage: disjoint ranges, none touching another, newest first. Adding a range merges every
// range it overlaps or touches (ms are whole: [a, b] and [b + 1, c] make [a, c]).
QList<TimeRange> unite(const QList<TimeRange> &coverage, const TimeRange &add);
// What stays covered after every job starting before cutoffMs (and every job without a start
// time) was removed.
QList<TimeRange> clipBelow(const QList<TimeRange> &coverage, qint64 cutoffMs);

// What the cache holds completely as of a refresh that read the service's newest page, whose
// newest job started at newestListedMs: `coverage`, and when its newest range reaches that job,
// everything after it too (the service had no later job then), so that an "All time" question
// counts as held. An answer of that moment, never stored as coverage: jobs start at any time.
QList<TimeRange> heldAsOfRefresh(const QList<TimeRange> &coverage, qint64 newestListedMs);

// A stretch of a query, newest first, that the cache holds completely or must ask the service for.
struct RangePiece
{
    TimeRange range;
    bool covered = false;
    friend bool operator==(const RangePiece &, const RangePiece &) = default;
};
// Cuts `query` at the edges of the covered ranges: pieces newest first, together exactly `query`.
QList<RangePiece> split(const TimeRange &query, const QList<TimeRange> &coverage);

// A time as the cache keeps it (ms since the epoch; nullopt for an invalid time), and back as the
// JSON codec reads times (UTC).
std::optional<qint64> msOf(const QDateTime &time);
QDateTime timeOf(std::optional<qint64> ms);
// The range of a listing's startTime and endTime (invalid: unbounded).
TimeRange rangeOf(const QDateTime &startTime, const QDateTime &endTime);

} // namespace syncdeck::cache
