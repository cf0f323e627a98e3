#pragma once

#include "qbusiness/types.h"

#include <QObject>

namespace syncdeck::cache {
class HistoryCache;
}

namespace syncdeck::ui {

class CachedHistory;
class JobsPage;
class NotificationBanner;

// The history cache as the window presents it: gives the jobs page a CachedHistory, opens it in
// the folder the launch or the settings name, says on the cache banner why it could not (or that it
// moved a damaged file aside), that the service is unreachable and the history shown is the cached
// one (with Try again, the banner's action), and clears it on request.
class HistoryCacheController : public QObject
{
    Q_OBJECT
public:
    // `launchDirectory` (--cache-dir) wins over the setting. Without it, and without
    // `usersCache` (tests and benchmarks: no remembered settings), no cache opens, so they never
    // touch the user's cache.
    HistoryCacheController(JobsPage *jobs, NotificationBanner *banner,
                           const QString &launchDirectory, bool usersCache,
                           QObject *parent = nullptr);

    CachedHistory *history() const { return m_history; }

    // Opens (again) the cache in the launch's folder, else `settingDirectory` (empty: the
    // default folder), pruned to the limits (0: none).
    void open(const QString &settingDirectory, int maxMegabytes, int maxAgeDays);
    // Clears the whole cache, or the data source of `request`; returns what to tell the user.
    QString clear(bool all, const qbusiness::ListSyncJobsRequest &request);

signals:
    // open() ended; `cache` is nullptr when there is none.
    void cacheOpened(syncdeck::cache::HistoryCache *cache);
    // The banner follows a change of the cached history's state (offline or not).
    void stateShown();

private:
    void showState();

    CachedHistory *m_history;
    NotificationBanner *m_banner;
    QString m_launchDirectory;
    bool m_usersCache;
    bool m_offlineShown = false;
};

} // namespace syncdeck::ui
