#pragma once

#include "coverage.h"
#include "datasourcekey.h"
#include "qbusiness/types.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Plain values that go in and out of the history cache (see HistoryCache).
namespace syncdeck::cache {

// What to read of one data source's cached history. The filters mean what they mean for
// ListDataSourceSyncJobs (status, start time in [startTime, endTime]); the order is the
// service's, newest first.
struct JobQuery
{
    QString statusFilter; // wire value; empty for all
    TimeRange range; // start times; unbounded by default
    bool includeKeptLocally = true; // jobs the service no longer returns
    int offset = 0;
    int limit = -1; // -1: no limit

    // The filters of a ListDataSourceSyncJobs request.
    static JobQuery of(const qbusiness::ListSyncJobsRequest &request);
};

// What one data source's history holds, for "cached, as of 14:02" and `cache info`.
struct SourceState
{
    bool known = false; // the cache has seen this data source
    qint64 jobCount = 0;
    qint64 keptLocallyCount = 0; // no longer returned by the service
    QDateTime refreshedAt; // last refresh that reached the newest job; invalid: never
    QDateTime newestStart;
    QDateTime oldestStart;
    QList<TimeRange> coverage; // ranges of the listing held completely, newest first
    // The cache holds everything the service listed, from the newest job back to the oldest
    // (as of refreshedAt): one covered range, unbounded below.
    bool isComplete() const { return coverage.size() == 1 && !coverage.constFirst().fromMs; }
};

// Where a page of jobs came from, so that a merge records what the cache now holds. A listing
// without a status filter that was read from its start holds every job of its range down to the
// oldest job of its last page (all of its range once it reached its end).
struct PagePlacement
{
    // The listing's startTime/endTime (its `range`) and its status filter.
    TimeRange requested;
    QString statusFilter;
    // The newest start time this listing has returned (on its first page): the top of what it
    // holds when it was not bounded above.
    std::optional<qint64> newestListedMs;
    bool lastPage = false; // the listing reached its end (no nextToken)
    bool recordsCoverage = true; // false: keep the jobs, claim nothing about the range
    // On the last page of an unfiltered listing: every executionId it returned. Held jobs of its
    // range that are not among them are no longer returned by the service (kept locally).
    const QSet<QString> *listedIds = nullptr;
    QDateTime listedAt; // when the listing ran (the "kept locally since" time)
};

// A page of a listing with where it sits: what HistoryCache::mergePages() merges.
struct ListedPage
{
    QList<qbusiness::SyncJob> jobs;
    PagePlacement placement;
};

// Of some execution ids, those the cache holds in a final status inside a given coverage (the
// refresh's overlap test), and those it holds while still running (to re-read).
struct HeldState
{
    QSet<QString> finalInCoverage;
    QSet<QString> running;
};

struct MergeResult
{
    bool ok = false;
    QString error;
    QList<qbusiness::SyncJob> added; // not held before, in page order
    QList<qbusiness::SyncJob> updated; // held with other values (or kept locally, now listed)
    QStringList keptLocally; // now marked as no longer returned by the service
    int skipped = 0; // jobs without an executionId: they cannot be kept
};

// Limits of `prune()`; 0 means no limit.
struct PruneLimits
{
    qint64 maxBytes = 0; // size of the database (data pages in use)
    int maxAgeDays = 0; // jobs that started longer ago are removed
};

struct PruneResult
{
    bool ok = false;
    QString error;
    qint64 jobsRemoved = 0;
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
};

struct SourceInfo
{
    DataSourceKey key;
    SourceState state;
};

// For `syncdeck-cli cache info` and the settings page.
struct CacheInfo
{
    QString filePath;
    qint64 fileBytes = 0; // database plus write-ahead log on disk
    qint64 usedBytes = 0; // database pages in use
    int schemaVersion = 0;
    bool readOnly = false;
    qint64 jobCount = 0;
    qint64 textCount = 0; // distinct error texts and codes
    QList<SourceInfo> sources;
};

struct OpenOptions
{
    QString directory; // empty: HistoryCache::defaultDirectory()
    // How long a write waits for another process's write to finish before it fails.
    int busyTimeoutMs = 5000;
};

// What opening the cache found and did: the message is for a banner or standard error.
struct OpenReport
{
    enum class Outcome {
        Failed, // no cache: message says why and what to do
        Opened, // an existing cache
        Created, // a new, empty cache
        Rebuilt, // the file was damaged or not a SyncDeck cache: moved aside, new cache made
        ReadOnly, // written by a newer SyncDeck: readable, never written
    };
    Outcome outcome = Outcome::Failed;
    QString message; // empty for Opened and Created
    QString movedAsideTo; // Rebuilt: where the old file went
    int fileSchemaVersion = 0; // the file's version before any migration
};

} // namespace syncdeck::cache
