#pragma once
// The charts panel's tests share these: a day of hourly runs and a panel on screen.
#include "charts/chartspanel.h"
#include "charts/refreshqueue.h"
#include "qbusiness/runhistory.h"
#include "synchistory.h"

#include <QTest>
#include <QTimeZone>

#include <memory>

namespace syncdeck::test {

inline const QDateTime Epoch(QDate(2025, 6, 1), QTime(0, 0), QTimeZone::utc());

// Hourly runs, oldest first in `codes` (S succeeded, F failed, R running); returned newest first.
inline QList<qbusiness::SyncJob> runs(const QString &codes)
{
    QList<qbusiness::SyncJob> out;
    for (int n = 0; n < codes.size(); ++n) {
        qbusiness::SyncJob job;
        job.executionId = executionIdFor(42, n);
        job.startTime = Epoch.addSecs(qint64(n) * 3600);
        const QChar c = codes[n];
        job.status = c == u'F' ? QStringLiteral("FAILED")
            : c == u'R'        ? QStringLiteral("SYNCING")
                               : QStringLiteral("SUCCEEDED");
        if (c != u'R')
            job.endTime = job.startTime.addSecs(300 + 60 * (n % 7));
        job.metrics.documentsAdded = 10 + (n * 37) % 90;
        job.metrics.documentsModified = 5 + (n * 11) % 20;
        job.metrics.documentsDeleted = n % 4;
        job.metrics.documentsFailed = c == u'F' ? 30 : 0;
        job.metrics.documentsScanned = 1000 + n;
        out.prepend(job);
    }
    return out;
}

inline void feedPages(qbusiness::RunHistory *model, const QList<qbusiness::SyncJob> &newestFirst,
                      int pageSize = 10)
{
    for (qsizetype i = 0; i < newestFirst.size(); i += pageSize)
        model->appendJobs(newestFirst.mid(i, pageSize));
}

// Waits for the turns in which the panel takes in new runs (its KPIs and shown charts).
inline bool drawn(ui::ChartsPanel *panel)
{
    return QTest::qWaitFor([panel] { return panel->refreshQueue()->pendingCount() == 0; });
}

inline std::unique_ptr<ui::ChartsPanel> shownPanel()
{
    auto panel = std::make_unique<ui::ChartsPanel>();
    panel->resize(1100, 700);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return nullptr;
    return panel;
}

} // namespace syncdeck::test
