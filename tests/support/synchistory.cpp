#include "synchistory.h"

#include <QRandomGenerator>
#include <QTimeZone>

namespace syncdeck::test {

QString executionIdFor(quint64 seed, int n)
{
    // 8-4-4-4-12 hex digits like the service's UUIDs.
    const QString hex = QStringLiteral("%1%2")
                            .arg(seed & 0xFFFFFFFFU, 8, 16, QLatin1Char('0'))
                            .arg(quint64(n), 24, 16, QLatin1Char('0'));
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4)
        + u'-' + hex.mid(20, 12);
}

QList<qbusiness::SyncJob> generateSyncHistory(int count, quint64 seed)
{
    QRandomGenerator rng(quint32(seed * 2654435761U + 7));
    const QDateTime newest(QDate(2026, 11, 28), QTime(9, 0), QTimeZone::utc());
    QList<qbusiness::SyncJob> oldestFirst;
    oldestFirst.reserve(count);
    int streakLeft = 0;
    qint64 corpus = 4000;
    for (int n = 0; n < count; ++n) {
        qbusiness::SyncJob job;
        job.executionId = executionIdFor(seed, n);
        // Hourly, a few minutes of jitter so the points are not on a perfect grid.
        job.startTime = newest.addSecs(-qint64(count - 1 - n) * 3600 + rng.bounded(0, 240));
        if (streakLeft == 0 && rng.bounded(1000) < 8)
            streakLeft = 3 + rng.bounded(10);
        const bool newestRun = n == count - 1;
        QString status;
        if (newestRun) {
            status = QStringLiteral("SYNCING");
        } else if (streakLeft > 0) {
            --streakLeft;
            status = QStringLiteral("FAILED");
        } else {
            const int roll = rng.bounded(1000);
            status = roll < 8 ? QStringLiteral("INCOMPLETE")
                : roll < 12   ? QStringLiteral("ABORTED")
                              : QStringLiteral("SUCCEEDED");
        }
        job.status = status;
        corpus += rng.bounded(-20, 30);
        corpus = std::max<qint64>(corpus, 100);
        qint64 minutes = 6 + rng.bounded(10);
        if (rng.bounded(100) < 3)
            minutes += 30 + rng.bounded(60); // a slow run
        if (!newestRun)
            job.endTime = job.startTime.addSecs(minutes * 60 + rng.bounded(60));
        if (status == u"FAILED") {
            job.errorCode = QStringLiteral("InternalError");
            job.errorMessage = QStringLiteral("The connector could not reach the data source.");
            job.dataSourceErrorCode = QStringLiteral("SOURCE_UNREACHABLE");
            job.metrics.documentsScanned = rng.bounded(0, 200);
            job.metrics.documentsAdded = 0;
            job.metrics.documentsModified = 0;
            job.metrics.documentsDeleted = 0;
            job.metrics.documentsFailed = 50 + rng.bounded(400);
        } else if (!newestRun) {
            const bool idle = status == u"SUCCEEDED" && rng.bounded(100) < 2;
            job.metrics.documentsScanned = idle ? 0 : corpus;
            job.metrics.documentsAdded = idle ? 0 : rng.bounded(0, 40);
            job.metrics.documentsModified = idle ? 0 : rng.bounded(0, 120);
            job.metrics.documentsDeleted = idle ? 0 : rng.bounded(0, 15);
            job.metrics.documentsFailed
                = idle ? 0 : (rng.bounded(100) < 10 ? rng.bounded(1, 20) : 0);
            if (rng.bounded(100) < 1)
                job.metrics.documentsAdded = 600 + rng.bounded(600); // bulk import spike
        }
        oldestFirst.append(job);
    }
    QList<qbusiness::SyncJob> newestFirst(oldestFirst.crbegin(), oldestFirst.crend());
    return newestFirst;
}

} // namespace syncdeck::test
