#include "store.h"

#include "rng.h"

#include <algorithm>

namespace syncdeck::emulator {

namespace {

constexpr const char *StatusNames[JobStatusCount] = {
    "FAILED", "SUCCEEDED", "SYNCING", "INCOMPLETE", "STOPPING", "ABORTED", "SYNCING_INDEXING",
};
constexpr const char *ErrorCodeNames[] = {
    "", "InternalError", "InvalidRequest", "ResourceInactive", "ResourceNotFound",
};
constexpr const char *MetricNames[MetricCount] = {
    "documentsAdded",  "documentsModified", "documentsDeleted",
    "documentsFailed", "documentsScanned",
};

// The share of a run spent crawling (SYNCING); the rest is SYNCING_INDEXING.
constexpr double CrawlShare = 0.75;

} // namespace

QString jobStatusName(JobStatus status)
{
    return QString::fromLatin1(StatusNames[int(status)]);
}

bool jobStatusFromName(QStringView name, JobStatus *out)
{
    for (int i = 0; i < JobStatusCount; ++i) {
        if (name == QLatin1String(StatusNames[i])) {
            *out = JobStatus(i);
            return true;
        }
    }
    return false;
}

bool isFinalJobStatus(JobStatus status)
{
    return status == JobStatus::Failed || status == JobStatus::Succeeded
        || status == JobStatus::Incomplete || status == JobStatus::Aborted;
}

QString jobErrorCodeName(JobErrorCode code)
{
    return QString::fromLatin1(ErrorCodeNames[int(code)]);
}

bool jobErrorCodeFromName(QStringView name, JobErrorCode *out)
{
    for (int i = 1; i < int(std::size(ErrorCodeNames)); ++i) {
        if (name == QLatin1String(ErrorCodeNames[i])) {
            *out = JobErrorCode(i);
            return true;
        }
    }
    return false;
}

QString metricName(int metric)
{
    return QString::fromLatin1(MetricNames[metric]);
}

const char *metricNameLatin1(int metric)
{
    return MetricNames[metric];
}

QString makeId(quint64 a, quint64 b)
{
    // Version-4 layout so the ids look like what the service hands out.
    a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    const QString hexA = QStringLiteral("%1").arg(a, 16, 16, QLatin1Char('0'));
    const QString hexB = QStringLiteral("%1").arg(b, 16, 16, QLatin1Char('0'));
    return hexA.left(8) + QLatin1Char('-') + hexA.mid(8, 4) + QLatin1Char('-') + hexA.mid(12, 4)
        + QLatin1Char('-') + hexB.left(4) + QLatin1Char('-') + hexB.mid(4, 12);
}

void Store::index()
{
    m_applicationById.clear();
    for (size_t i = 0; i < m_applications.size(); ++i)
        m_applicationById.insert(m_applications[i].id, i);
}

ApplicationRecord *Store::application(const QString &id)
{
    const auto it = m_applicationById.constFind(id);
    return it == m_applicationById.constEnd() ? nullptr : &m_applications[*it];
}

IndexRecord *Store::index(ApplicationRecord *app, const QString &id)
{
    for (IndexRecord &index : app->indices) {
        if (index.id == id)
            return &index;
    }
    return nullptr;
}

DataSourceRecord *Store::dataSource(IndexRecord *index, const QString &id)
{
    for (DataSourceRecord &ds : index->dataSources) {
        if (ds.id == id)
            return &ds;
    }
    return nullptr;
}

void Store::advance(DataSourceRecord *ds, qint64 nowMs)
{
    LiveRun &live = ds->live;
    if (!live.active)
        return;
    JobRecord &job = ds->jobs[live.index];
    if (live.stopRequestedMs >= 0) {
        if (nowMs >= live.stopRequestedMs + m_stopDurationMs) {
            job.status = JobStatus::Aborted;
            job.endMs = live.stopRequestedMs + m_stopDurationMs;
            live.active = false;
        } else {
            job.status = JobStatus::Stopping;
        }
        return;
    }
    if (live.durationMs < 0)
        return; // a running job from a fixture: it stays as written until stopped
    const qint64 elapsed = std::max<qint64>(0, nowMs - live.startMs);
    if (elapsed >= live.durationMs) {
        job.status = live.finalStatus;
        job.endMs = live.startMs + live.durationMs;
        job.metrics = live.finalMetrics;
        job.errorCode = live.finalErrorCode;
        job.errorMessage = live.finalErrorMessage;
        job.dataSourceErrorCode = live.finalDataSourceErrorCode;
        live.active = false;
        return;
    }
    const double progress = double(elapsed) / double(live.durationMs);
    const double crawled = std::min(1.0, progress / CrawlShare);
    job.status = progress < CrawlShare ? JobStatus::Syncing : JobStatus::SyncingIndexing;
    for (int m = 0; m < MetricCount; ++m)
        job.metrics[m] = qint64(double(live.finalMetrics[m]) * crawled);
}

JobRecord *Store::runningJob(DataSourceRecord *ds)
{
    if (ds->live.active)
        return &ds->jobs[ds->live.index];
    return nullptr;
}

const JobRecord &Store::startJob(DataSourceRecord *ds, qint64 nowMs, qint64 durationMs,
                                 quint64 salt)
{
    // Seeded by the data source and its job count, never by the clock: same seed, same ids.
    quint64 idHash = 14695981039346656037ULL; // FNV-1a
    for (const QChar c : ds->id)
        idHash = (idHash ^ c.unicode()) * 1099511628211ULL;
    Rng rng = Rng::derived(salt, idHash, ds->jobs.size());
    JobRecord job;
    const QByteArray id = makeId(rng.next(), rng.next()).toLatin1();
    std::copy_n(id.constData(), 36, job.executionId.begin());
    // Job lists are ordered by start time; a start in the same millisecond as the newest job
    // still sorts after it.
    job.startMs = ds->jobs.empty() ? nowMs : std::max(nowMs, ds->jobs.back().startMs + 1);
    job.status = JobStatus::Syncing;
    job.metrics = {0, 0, 0, 0, 0};

    // The size of the corpus: what the last finished run scanned, else a plausible number.
    qint64 corpus = 0;
    for (auto it = ds->jobs.rbegin(); it != ds->jobs.rend() && corpus <= 0; ++it) {
        if (it->status == JobStatus::Succeeded && it->metrics[DocumentsScanned] > 0)
            corpus = it->metrics[DocumentsScanned];
    }
    if (corpus <= 0)
        corpus = rng.range(800, 60000);

    LiveRun live;
    live.active = true;
    live.index = ds->jobs.size();
    live.startMs = job.startMs;
    live.durationMs = durationMs;
    live.finalMetrics[DocumentsScanned] = corpus + rng.range(0, corpus / 50 + 1);
    live.finalMetrics[DocumentsAdded] = rng.range(0, corpus / 40 + 2);
    live.finalMetrics[DocumentsModified] = rng.range(0, corpus / 20 + 2);
    live.finalMetrics[DocumentsDeleted] = rng.range(0, corpus / 100 + 1);
    live.finalMetrics[DocumentsFailed] = 0;
    const double roll = rng.unit();
    if (roll < 0.8) {
        live.finalStatus = JobStatus::Succeeded;
    } else if (roll < 0.9) {
        live.finalStatus = JobStatus::Incomplete;
        live.finalMetrics[DocumentsFailed] = rng.range(1, corpus / 50 + 1);
    } else {
        live.finalStatus = JobStatus::Failed;
        live.finalErrorCode = JobErrorCode::InternalError;
        live.finalErrorMessage = intern(QStringLiteral(
            "The sync job failed because of an internal error. Retry the sync; if the problem "
            "persists, contact AWS Support."));
        live.finalMetrics[DocumentsFailed] = rng.range(1, corpus / 10 + 1);
    }
    ds->jobs.push_back(job);
    ds->live = live;
    return ds->jobs.back();
}

void Store::stopJob(DataSourceRecord *ds, qint64 nowMs)
{
    if (!ds->live.active)
        return;
    ds->live.stopRequestedMs = nowMs;
    ds->jobs[ds->live.index].status = JobStatus::Stopping;
}

} // namespace syncdeck::emulator
