#include "historycachecontroller.h"

#include "cachedhistory.h"
#include "jobspage.h"
#include "widgets/notificationbanner.h"

namespace syncdeck::ui {

HistoryCacheController::HistoryCacheController(JobsPage *jobs, NotificationBanner *banner,
                                               const QString &launchDirectory, bool usersCache,
                                               QObject *parent)
    : QObject(parent)
    , m_history(new CachedHistory(this))
    , m_banner(banner)
    , m_launchDirectory(launchDirectory)
    , m_usersCache(usersCache)
{
    m_history->setObjectName(QStringLiteral("cachedHistory"));
    jobs->setCachedHistory(m_history);
    connect(m_history, &CachedHistory::stateChanged, this, &HistoryCacheController::showState);
}

void HistoryCacheController::open(const QString &settingDirectory, int maxMegabytes, int maxAgeDays)
{
    QString directory = m_launchDirectory;
    if (directory.isEmpty() && !m_usersCache)
        return;
    if (directory.isEmpty())
        directory = settingDirectory;
    const bool opened
        = m_history->open(directory, {qint64(maxMegabytes) * 1024 * 1024, maxAgeDays});
    emit cacheOpened(m_history->cache());
    if (!m_history->message().isEmpty() || !opened)
        m_banner->showMessage(
            opened ? NotificationBanner::Kind::Information : NotificationBanner::Kind::Warning,
            tr("History cache"),
            m_history->message()
                + (opened ? QString()
                          : tr(" SyncDeck works without it: every data source is listed from the "
                               "service.")));
}

void HistoryCacheController::showState()
{
    const bool offline = m_history->isOffline();
    if (offline) {
        m_banner->showMessage(
            NotificationBanner::Kind::Warning, tr("Offline: showing the cached history"),
            tr("SyncDeck cannot reach the service. The runs, charts and details are from the "
               "history cache, %1.")
                .arg(m_history->asOfText()),
            tr("Try again"));
    } else if (m_offlineShown) {
        m_banner->hide();
    }
    m_offlineShown = offline;
    emit stateShown();
}

QString HistoryCacheController::clear(bool all, const qbusiness::ListSyncJobsRequest &request)
{
    const bool cleared = all ? m_history->clearAll() : m_history->clearDataSource(request);
    if (!cleared)
        return tr("Could not clear the history cache: %1").arg(m_history->errorString());
    return all ? tr("Cleared the history cache")
               : tr("Cleared the cached history of this data source");
}

} // namespace syncdeck::ui
