#include "runhistory.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace syncdeck::qbusiness {

bool isSucceededWithoutScannedDocuments(const SyncJob &job)
{
    return isSucceededWithoutScannedDocuments(job.statusKind(),
                                              double(job.metrics.documentsScanned.value_or(0)));
}

namespace {
// Bucket of x within [from, from + width * buckets), clamped: the last edge belongs to the last
// bucket so a run exactly at the end of the range is not lost.
int bucketOf(double x, double from, double width, int buckets)
{
    if (width <= 0)
        return 0;
    const int b = int(std::floor((x - from) / width));
    return std::clamp(b, 0, buckets - 1);
}
} // namespace

RunHistory::RunHistory(QObject *parent)
    : QObject(parent)
{ }

RunHistory::~RunHistory() = default;

RunHistory::Row RunHistory::makeRow(const SyncJob &job, int slot)
{
    Row row;
    row.slot = slot;
    row.status = job.statusKind();
    row.startMs = job.startTime.isValid() ? job.startTime.toMSecsSinceEpoch() : NoTime;
    auto put = [&row](ChartMetric metric, const std::optional<qint64> &v) {
        if (v) {
            row.values[int(metric)] = double(*v);
            row.present |= metricBit(metric);
        }
    };
    put(ChartMetric::Added, job.metrics.documentsAdded);
    put(ChartMetric::Modified, job.metrics.documentsModified);
    put(ChartMetric::Deleted, job.metrics.documentsDeleted);
    put(ChartMetric::Failed, job.metrics.documentsFailed);
    put(ChartMetric::Scanned, job.metrics.documentsScanned);
    if (job.startTime.isValid() && job.endTime.isValid() && job.endTime >= job.startTime)
        put(ChartMetric::DurationSeconds, job.startTime.secsTo(job.endTime));
    return row;
}

bool RunHistory::rowLess(const Row &a, const Row &b) const
{
    if (a.startMs != b.startMs)
        return a.startMs < b.startMs;
    const int c = m_store[size_t(a.slot)].executionId.compare(m_store[size_t(b.slot)].executionId);
    if (c != 0)
        return c < 0;
    return a.slot < b.slot;
}

int RunHistory::rowIndexOfSlot(int slot) const
{
    const Row probe = makeRow(m_store[size_t(slot)], slot);
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), probe,
                                     [this](const Row &a, const Row &b) { return rowLess(a, b); });
    if (it != m_rows.end() && it->slot == slot)
        return int(it - m_rows.begin());
    for (size_t i = 0; i < m_rows.size(); ++i) { // unreachable while the invariant holds
        if (m_rows[i].slot == slot)
            return int(i);
    }
    return -1;
}

const SyncJob &RunHistory::job(int index) const
{
    return m_store[size_t(m_rows[size_t(index)].slot)];
}

int RunHistory::indexOf(const QString &executionId) const
{
    const auto it = m_slotById.constFind(executionId);
    if (it == m_slotById.constEnd())
        return -1;
    return rowIndexOfSlot(*it);
}

QList<SyncJob> RunHistory::jobs() const
{
    QList<SyncJob> out;
    out.reserve(count());
    for (const Row &row : m_rows)
        out.append(m_store[size_t(row.slot)]);
    return out;
}

qint64 RunHistory::firstStartMs() const
{
    return plottableCount() > 0 ? m_rows[size_t(m_firstPlottable)].startMs : NoTime;
}

qint64 RunHistory::lastStartMs() const
{
    return plottableCount() > 0 ? m_rows.back().startMs : NoTime;
}

std::pair<int, int> RunHistory::indexRange(double fromMs, double toMs) const
{
    const auto begin = m_rows.begin() + m_firstPlottable;
    const auto first = std::lower_bound(
        begin, m_rows.end(), fromMs, [](const Row &r, double v) { return double(r.startMs) < v; });
    const auto last = std::upper_bound(
        first, m_rows.end(), toMs, [](double v, const Row &r) { return v < double(r.startMs); });
    return {int(first - m_rows.begin()), int(last - m_rows.begin())};
}

int RunHistory::nearestIndex(double ms, quint32 statusMask) const
{
    const auto begin = m_rows.begin() + m_firstPlottable;
    const auto it = std::lower_bound(begin, m_rows.end(), ms,
                                     [](const Row &r, double v) { return double(r.startMs) < v; });
    const int pivot = int(it - m_rows.begin());
    int best = -1;
    double bestDistance = 0;
    auto consider = [&](int i) {
        const double d = std::abs(double(m_rows[size_t(i)].startMs) - ms);
        if (best < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    };
    for (int i = pivot; i < count(); ++i) {
        if (statusMask & statusBit(m_rows[size_t(i)].status)) {
            consider(i);
            break;
        }
    }
    for (int i = pivot - 1; i >= m_firstPlottable; --i) {
        if (statusMask & statusBit(m_rows[size_t(i)].status)) {
            consider(i);
            break;
        }
    }
    return best;
}

QList<QPointF> RunHistory::downsampled(ChartMetric metric, double fromMs, double toMs, int buckets,
                                       quint32 statusMask) const
{
    const auto [a, b] = indexRange(fromMs, toMs);
    const quint8 need = metricBit(metric);
    const int m = int(metric);
    QList<QPointF> out;
    auto eligible
        = [&](const Row &r) { return (r.present & need) && (statusMask & statusBit(r.status)); };
    buckets = std::max(buckets, 1);
    if (b - a <= 4 * buckets) {
        out.reserve(b - a);
        for (int i = a; i < b; ++i) {
            const Row &r = m_rows[size_t(i)];
            if (eligible(r))
                out.append(QPointF(double(r.startMs), r.values[m]));
        }
        return out;
    }
    out.reserve(qsizetype(4) * buckets);
    const double width = (toMs - fromMs) / buckets;
    int current = -1;
    std::array<int, 4> picks {}; // first, min, max, last
    auto flush = [&] {
        if (current < 0)
            return;
        std::array<int, 4> sorted = picks;
        std::sort(sorted.begin(), sorted.end());
        int previous = -1;
        for (int i : sorted) {
            if (i == previous)
                continue;
            previous = i;
            const Row &r = m_rows[size_t(i)];
            out.append(QPointF(double(r.startMs), r.values[m]));
        }
    };
    for (int i = a; i < b; ++i) {
        const Row &r = m_rows[size_t(i)];
        if (!eligible(r))
            continue;
        const int bk = bucketOf(double(r.startMs), fromMs, width, buckets);
        if (bk != current) {
            flush();
            current = bk;
            picks = {i, i, i, i};
            continue;
        }
        if (r.values[m] < m_rows[size_t(picks[1])].values[m])
            picks[1] = i;
        if (r.values[m] > m_rows[size_t(picks[2])].values[m])
            picks[2] = i;
        picks[3] = i;
    }
    flush();
    return out;
}

LaneMarks RunHistory::laneMarks(double fromMs, double toMs, int columns) const
{
    LaneMarks out;
    const auto [a, b] = indexRange(fromMs, toMs);
    columns = std::max(columns, 1);
    if (b - a <= columns) {
        for (int i = a; i < b; ++i) {
            const Row &r = m_rows[size_t(i)];
            out[size_t(r.status)].append(double(r.startMs));
        }
        return out;
    }
    const double width = (toMs - fromMs) / columns;
    // Per status: the column its marks have reached, the first run there (already a mark) and
    // the latest run there (a mark once the status leaves the column).
    std::array<int, SyncStatusCount> column;
    column.fill(-1);
    std::array<double, SyncStatusCount> first {};
    std::array<double, SyncStatusCount> latest {};
    auto closeColumn = [&](size_t s) {
        if (column[s] >= 0 && latest[s] != first[s])
            out[s].append(latest[s]);
    };
    for (int i = a; i < b; ++i) {
        const Row &r = m_rows[size_t(i)];
        const auto s = size_t(r.status);
        const auto x = double(r.startMs);
        const int c = bucketOf(x, fromMs, width, columns);
        if (c != column[s]) {
            closeColumn(s);
            column[s] = c;
            first[s] = x;
            out[s].append(x);
        }
        latest[s] = x;
    }
    for (size_t s = 0; s < out.size(); ++s)
        closeColumn(s);
    return out;
}

QList<double> RunHistory::statusMarks(SyncStatus status, double fromMs, double toMs,
                                      int columns) const
{
    return laneMarks(fromMs, toMs, columns)[size_t(status)];
}

QList<RunBucket> RunHistory::buckets(double fromMs, double toMs, int bucketCount) const
{
    bucketCount = std::max(bucketCount, 1);
    QList<RunBucket> out(bucketCount);
    const double width = (toMs - fromMs) / bucketCount;
    for (int i = 0; i < bucketCount; ++i) {
        out[i].fromMs = fromMs + width * i;
        out[i].toMs = fromMs + width * (i + 1);
    }
    const auto [a, b] = indexRange(fromMs, toMs);
    auto valueOf = [](const Row &r, ChartMetric metric) -> qint64 {
        return (r.present & metricBit(metric)) ? qint64(r.values[int(metric)]) : 0;
    };
    for (int i = a; i < b; ++i) {
        const Row &r = m_rows[size_t(i)];
        RunBucket &bucket = out[bucketOf(double(r.startMs), fromMs, width, bucketCount)];
        ++bucket.runs;
        bucket.added += valueOf(r, ChartMetric::Added);
        bucket.modified += valueOf(r, ChartMetric::Modified);
        bucket.deleted += valueOf(r, ChartMetric::Deleted);
        bucket.failed += valueOf(r, ChartMetric::Failed);
        const bool failedRun = r.status == SyncStatus::Failed;
        if (failedRun)
            ++bucket.failedRuns;
        // The first failed run once there is one; otherwise the latest run.
        if (failedRun ? bucket.failedRuns == 1 : bucket.failedRuns == 0)
            bucket.representative = i;
    }
    return out;
}

QList<std::pair<int, int>> RunHistory::failureStreaks(int minLength) const
{
    minLength = std::max(minLength, 1);
    if (minLength == m_streaksMinLength)
        return m_streaks;
    QList<std::pair<int, int>> out;
    int start = -1;
    for (int i = m_firstPlottable; i <= count(); ++i) {
        const bool failed = i < count() && m_rows[size_t(i)].status == SyncStatus::Failed;
        if (failed && start < 0)
            start = i;
        if (!failed && start >= 0) {
            if (i - start >= minLength)
                out.append({start, i - 1});
            start = -1;
        }
    }
    m_streaks = out;
    m_streaksMinLength = minLength;
    return out;
}

QList<std::pair<double, double>> RunHistory::failureBands(int minLength, double padMs) const
{
    QList<std::pair<double, double>> out;
    const QList<std::pair<int, int>> streaks = failureStreaks(minLength);
    for (const auto &[first, last] : streaks) {
        const double from = double(startMs(first)) - padMs;
        const double to = double(startMs(last)) + padMs;
        if (!out.isEmpty() && from <= out.last().second)
            out.last().second = std::max(out.last().second, to);
        else
            out.append({from, to});
    }
    return out;
}

void RunHistory::appendJobs(const QList<SyncJob> &jobs)
{
    if (jobs.isEmpty())
        return;
    const int added = merge(jobs);
    emit jobsAppended(added);
}

void RunHistory::updateJobs(const QList<SyncJob> &jobs)
{
    if (jobs.isEmpty())
        return;
    const int added = merge(jobs);
    emit jobsUpdated(added);
}

void RunHistory::clear()
{
    m_store.clear();
    m_rows.clear();
    m_slotById.clear();
    m_firstPlottable = 0;
    m_statusCounts.fill(0);
    m_streaks.clear();
    m_streaksMinLength = -1;
    emit cleared();
}

int RunHistory::merge(const QList<SyncJob> &jobs)
{
    int added = 0;
    std::vector<Row> incoming;
    incoming.reserve(size_t(jobs.size()));
    QHash<int, size_t> incomingBySlot; // a run listed twice in one batch: the later one wins
    for (const SyncJob &job : jobs) {
        int slot = -1;
        if (!job.executionId.isEmpty()) {
            const auto known = m_slotById.constFind(job.executionId);
            if (known != m_slotById.constEnd())
                slot = *known;
        }
        if (slot >= 0) {
            const auto pending = incomingBySlot.constFind(slot);
            if (pending != incomingBySlot.constEnd()) {
                m_store[size_t(slot)] = job;
                incoming[*pending] = makeRow(job, slot);
                continue;
            }
            // Its sort key may change (a start time can only be corrected, but be safe): take
            // the old row out and merge the new one like a new run.
            const int old = rowIndexOfSlot(slot);
            if (old >= 0) {
                countRow(m_rows[size_t(old)], -1);
                m_rows.erase(m_rows.begin() + old);
            }
            m_store[size_t(slot)] = job;
        } else {
            slot = int(m_store.size());
            m_store.push_back(job);
            if (!job.executionId.isEmpty())
                m_slotById.insert(job.executionId, slot);
            ++added;
        }
        incomingBySlot.insert(slot, incoming.size());
        incoming.push_back(makeRow(job, slot));
    }
    for (const Row &row : incoming)
        countRow(row, +1);
    m_streaksMinLength = -1;
    auto less = [this](const Row &a, const Row &b) { return rowLess(a, b); };
    std::sort(incoming.begin(), incoming.end(), less);
    if (m_rows.empty() || (!incoming.empty() && !less(m_rows.front(), incoming.back()))) {
        // Older than every run held, as each page of a newest-first listing is: one move of
        // the rows instead of a merge that compares them all.
        m_rows.insert(m_rows.begin(), incoming.begin(), incoming.end());
    } else if (!incoming.empty() && !less(incoming.front(), m_rows.back())) {
        m_rows.insert(m_rows.end(), incoming.begin(), incoming.end()); // newer than every run
    } else {
        const auto middle = std::ptrdiff_t(m_rows.size());
        m_rows.insert(m_rows.end(), incoming.begin(), incoming.end());
        std::inplace_merge(m_rows.begin(), m_rows.begin() + middle, m_rows.end(), less);
    }
    m_firstPlottable = int(std::partition_point(m_rows.begin(), m_rows.end(),
                                                [](const Row &r) { return r.startMs == NoTime; })
                           - m_rows.begin());
    return added;
}

void RunHistory::countRow(const Row &row, int delta)
{
    if (row.startMs != NoTime)
        m_statusCounts[size_t(row.status)] += delta;
}

} // namespace syncdeck::qbusiness
