// Memory of the core job model at 100,000 jobs: heap growth (glibc mallinfo2) per job, with and
// without the error text. A measurement, not a test: it prints figures and never fails on them.
#include "qbusiness/syncjobmodel.h"

#include <QTest>
#include <QTimeZone>

#include <malloc.h>

using syncdeck::qbusiness::ListSyncJobsRequest;
using syncdeck::qbusiness::SyncJob;
using syncdeck::qbusiness::SyncJobModel;
using syncdeck::qbusiness::SyncJobPage;

namespace {

size_t heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return mallinfo2().uordblks + mallinfo2().hblkhd;
#else
    return 0;
#endif
}

// Like the service's history: UUID ids, all five metrics, one run in ten failed with one of a
// few dozen messages that name a document.
SyncJob makeJob(int n, const QDateTime &anchor)
{
    SyncJob job;
    job.executionId = QStringLiteral("%1-%2-4%3-8%4-%5")
                          .arg(uint(n * 2654435761u), 8, 16, QLatin1Char('0'))
                          .arg(n % 0x10000, 4, 16, QLatin1Char('0'))
                          .arg(n % 0x1000, 3, 16, QLatin1Char('0'))
                          .arg((n * 7) % 0x1000, 3, 16, QLatin1Char('0'))
                          .arg(qulonglong(n) * 97, 12, 16, QLatin1Char('0'));
    job.startTime = anchor.addSecs(-3600LL * n);
    job.endTime = job.startTime.addSecs(300 + n % 900);
    job.metrics.documentsScanned = 10000 + n % 5000;
    job.metrics.documentsAdded = n % 100;
    job.metrics.documentsModified = n % 37;
    job.metrics.documentsDeleted = n % 5;
    job.metrics.documentsFailed = n % 10 == 0 ? 3 : 0;
    if (n % 10 == 0) {
        job.status = QStringLiteral("FAILED");
        job.errorCode = QStringLiteral("InvalidRequest");
        job.errorMessage = QStringLiteral("The connector could not read s3://corp-docs/folder-%1/: "
                                          "Access Denied (Service: S3, Status Code: 403)")
                               .arg(n % 40);
    } else {
        job.status = QStringLiteral("SUCCEEDED");
    }
    return job;
}

} // namespace

class BenchSyncJobModelMemory : public QObject
{
    Q_OBJECT
private slots:
    void bytesPerJob_data();
    void bytesPerJob();
};

void BenchSyncJobModelMemory::bytesPerJob_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("100000 jobs") << 100000;
}

void BenchSyncJobModelMemory::bytesPerJob()
{
    QFETCH(int, jobs);
    if (heapInUse() == 0)
        QSKIP("mallinfo2 is not available (or a sanitizer replaced malloc): nothing to measure");
    const QDateTime anchor(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    // Build the pages first so only the model's own storage is measured.
    QList<SyncJobPage> pages;
    size_t errorTextBytes = 0;
    QSet<QString> messages;
    for (int first = 0; first < jobs; first += 10) {
        SyncJobPage page;
        for (int n = first; n < qMin(jobs, first + 10); ++n) {
            page.history.append(makeJob(n, anchor));
            messages.insert(page.history.last().errorMessage);
        }
        page.nextToken = first + 10 < jobs ? QStringLiteral("t") : QString();
        pages.append(page);
    }
    for (const QString &m : std::as_const(messages))
        errorTextBytes += size_t(m.size()) * 2 + 32; // UTF-16 plus a QString header
    SyncJobModel model;
    ListSyncJobsRequest request;
    request.dataSourceId = QStringLiteral("d");
    model.setRequest(request);
    malloc_trim(0);
    const size_t before = heapInUse();
    for (const SyncJobPage &page : std::as_const(pages)) {
        model.fetchMore({});
        model.appendPage(model.generation(), page);
    }
    const size_t after = heapInUse();
    QCOMPARE(model.rowCount(), jobs);
    const double perJob = double(after - before) / jobs;
    const double perJobWithoutText = double(after - before - errorTextBytes) / jobs;
    qInfo("FIGURE model memory: %d jobs, heap growth %zu bytes, %.1f bytes/job in all, "
          "%.1f bytes/job without the %zu bytes of distinct error text",
          jobs, after - before, perJob, perJobWithoutText, errorTextBytes);
}

QTEST_GUILESS_MAIN(BenchSyncJobModelMemory)
#include "bench_syncjobmodelmemory.moc"
