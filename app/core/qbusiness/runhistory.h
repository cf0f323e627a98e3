#pragma once

#include "types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>

#include <array>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

namespace syncdeck::qbusiness {

// The per-run values the charts plot.
enum class ChartMetric : quint8 {
    Added,
    Modified,
    Deleted,
    Failed,
    Scanned,
    DurationSeconds, // endTime - startTime; absent while running
};
inline constexpr int ChartMetricCount = 6;

// True for a run that reports SUCCEEDED but scanned no documents: an absent documentsScanned
// counts as zero, because a finished run that reports nothing scanned did nothing visible.
constexpr bool isSucceededWithoutScannedDocuments(SyncStatus status, double scannedOrZero)
{
    return status == SyncStatus::Succeeded && scannedOrZero == 0;
}
bool isSucceededWithoutScannedDocuments(const SyncJob &job);

// Bit of a metric in a run's presence mask.
constexpr quint8 metricBit(ChartMetric metric)
{
    return quint8(1U << static_cast<unsigned>(metric));
}

// Bit of a status in a status mask (see RunHistory::downsampled).
constexpr quint32 statusBit(SyncStatus status)
{
    return 1U << static_cast<quint32>(status);
}
inline constexpr quint32 AllStatuses = 0xFFFFFFFFU;
// Number of SyncStatus values (Unknown included): index arrays by status.
inline constexpr int SyncStatusCount = int(SyncStatus::SyncingIndexing) + 1;

// Start times of the marks of each status lane, indexed by SyncStatus (see laneMarks()).
using LaneMarks = std::array<QList<double>, SyncStatusCount>;

// One uniform time bucket of runs, for stacked bars drawn where runs outnumber pixels.
struct RunBucket
{
    double fromMs = 0;
    double toMs = 0;
    int runs = 0;
    int failedRuns = 0; // status FAILED
    qint64 added = 0;
    qint64 modified = 0;
    qint64 deleted = 0;
    qint64 failed = 0; // documentsFailed
    int representative = -1; // model index a click selects: the first failed run, else the last
};

// The sync history in time order, for charts and KPIs. QtCore only.
//
// Fed page by page: appendJobs() takes each page as the service returns it (newest first) and
// updateJobs() merges live refreshes; both merge by executionId, so a run never appears twice.
// Runs are kept sorted by (start time, executionId); runs without a start time sort first and
// are not plotted (hasStartTime() is false), but they count in KPIs and exports.
// Storage: jobs stay where they arrived; only a small sorted row array moves on insertion, so a
// page costs one merge of plain data, not a reshuffle of strings.
class RunHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

    explicit RunHistory(QObject *parent = nullptr);
    ~RunHistory() override;

    int count() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    // Model index i is the i-th run in time order.
    const SyncJob &job(int index) const;
    qint64 startMs(int index) const { return m_rows[size_t(index)].startMs; }
    SyncStatus status(int index) const { return m_rows[size_t(index)].status; }
    std::optional<double> value(int index, ChartMetric metric) const
    {
        const Row &row = m_rows[size_t(index)];
        if (!(row.present & metricBit(metric)))
            return std::nullopt;
        return row.values[int(metric)];
    }
    // -1 when the run is not loaded.
    int indexOf(const QString &executionId) const;
    // Every run in time order (oldest first).
    QList<SyncJob> jobs() const;

    // Runs with a start time: model indices [firstPlottable(), count()).
    int firstPlottable() const { return m_firstPlottable; }
    int plottableCount() const { return count() - m_firstPlottable; }
    // Plottable runs with this status (kept up to date by every merge, no scan).
    int plottableCount(SyncStatus status) const { return m_statusCounts[size_t(status)]; }
    qint64 firstStartMs() const; // NoTime when nothing is plottable
    qint64 lastStartMs() const;
    // Model indices [first, last) of runs starting within [fromMs, toMs].
    std::pair<int, int> indexRange(double fromMs, double toMs) const;
    // The plottable run whose start is nearest to ms (restricted to statusMask), or -1.
    int nearestIndex(double ms, quint32 statusMask = AllStatuses) const;

    // Points (start ms, value) of one metric for runs starting in [fromMs, toMs] whose status
    // is in statusMask, ready for QXYSeries::replace(). With more than 4 * buckets points the
    // list is reduced per bucket to the first, minimum, maximum and last point (M4): a line drawn
    // at one bucket per pixel looks the same, and spikes and failures are never dropped.
    QList<QPointF> downsampled(ChartMetric metric, double fromMs, double toMs, int buckets,
                               quint32 statusMask = AllStatuses) const;
    // Marks of every status lane for runs starting in [fromMs, toMs], in one pass. While runs do
    // not outnumber the columns (uniform over the range) every run has its own mark; beyond that
    // each status keeps, per column, the start of its first and of its last run in the column.
    // Every status present in a column therefore has a mark there: a lone failure among
    // thousands of successes never vanishes. Marks are in time order.
    LaneMarks laneMarks(double fromMs, double toMs, int columns) const;
    // The lane of one status (laneMarks()[status]).
    QList<double> statusMarks(SyncStatus status, double fromMs, double toMs, int columns) const;
    // Uniform time buckets over [fromMs, toMs) with document sums per bucket.
    QList<RunBucket> buckets(double fromMs, double toMs, int bucketCount) const;
    // Runs of at least minLength consecutive FAILED plotted runs, as inclusive model index
    // ranges [first, last] in time order.
    QList<std::pair<int, int>> failureStreaks(int minLength) const;
    // Time spans of bands behind those streaks, each reaching padMs beyond its first and last
    // run, in time order. Bands that would touch or overlap are merged into one, so a dense
    // history draws a few disjoint bands instead of hundreds of overlapping ones.
    QList<std::pair<double, double>> failureBands(int minLength, double padMs) const;

public slots:
    // A page of jobs (any order). Known executionIds are replaced, not duplicated.
    void appendJobs(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    // Live refresh: same merge as appendJobs, reported as jobsUpdated().
    void updateJobs(const QList<syncdeck::qbusiness::SyncJob> &jobs);
    void clear();

signals:
    // After appendJobs()/updateJobs() changed the model; added is the number of new runs.
    void jobsAppended(int added);
    void jobsUpdated(int added);
    void cleared();

private:
    struct Row
    {
        qint64 startMs = NoTime;
        double values[ChartMetricCount] = {};
        quint8 present = 0; // bit per ChartMetric
        SyncStatus status = SyncStatus::Unknown;
        int slot = 0; // index into m_store
    };
    static Row makeRow(const SyncJob &job, int slot);
    bool rowLess(const Row &a, const Row &b) const;
    int rowIndexOfSlot(int slot) const;
    int merge(const QList<SyncJob> &jobs);
    void countRow(const Row &row, int delta);

    // Arrival order; rows point into it. A deque: growing never moves the jobs already held (a
    // vector's reallocation copied 65,536 jobs in one delivery of a long "Load all").
    std::deque<SyncJob> m_store;
    std::deque<Row> m_rows; // time order; a deque, so growing never copies the rows held
    QHash<QString, int> m_slotById;
    int m_firstPlottable = 0;
    std::array<int, SyncStatusCount> m_statusCounts {}; // plottable rows per status
    // failureStreaks() of the current rows, recomputed after a change (every chart refresh for
    // a new size or tab would otherwise scan the whole history again).
    mutable QList<std::pair<int, int>> m_streaks;
    mutable int m_streaksMinLength = -1;
};

} // namespace syncdeck::qbusiness
