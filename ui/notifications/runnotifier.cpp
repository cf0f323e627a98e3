#include "runnotifier.h"

#include "widgets/notificationbanner.h"
#include "widgets/plaintext.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace syncdeck::ui {

RunNotifier::RunNotifier(NotificationBanner *banner, const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_icon(icon)
{
    connect(banner, &NotificationBanner::actionTriggered, this, &RunNotifier::showRequestedRun);
}

void RunNotifier::notifyRunFailed(const qbusiness::SyncJob &job, const QString &dataSourceName)
{
    const QString title = tr("A sync run failed");
    const QString text = tr("Run %1 of %2 ended FAILED%3.")
                             .arg(job.executionId, dataSourceName,
                                  job.errorCode.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (") + job.errorCode + QLatin1Char(')'));
    m_failedRun = job.executionId;
    tell(title, text, tr("&Show run"));
}

void RunNotifier::notifyDataSourceFailing(const QString &dataSourceName, const QString &reason)
{
    m_failedRun.clear();
    tell(tr("A data source is failing"), tr("%1: %2").arg(dataSourceName, reason), {});
}

void RunNotifier::tell(const QString &title, const QString &text, const QString &actionText)
{
    m_showsSyncMessage = false;
    m_banner->showMessage(NotificationBanner::Kind::Warning, title, text, actionText);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_icon, this);
            m_tray->setToolTip(tr("SyncDeck"));
            m_tray->show();
        }
        m_tray->showMessage(plainNotificationText(title), plainNotificationText(text),
                            QSystemTrayIcon::Warning);
    }
}

void RunNotifier::notifySyncStarted(const QString &executionId)
{
    m_failedRun.clear();
    m_showsSyncMessage = true;
    m_banner->showMessage(NotificationBanner::Kind::Information, tr("Sync started"),
                          tr("Execution %1 started.").arg(executionId));
}

void RunNotifier::notifySyncStopping()
{
    m_failedRun.clear();
    m_showsSyncMessage = true;
    m_banner->showMessage(NotificationBanner::Kind::Information, tr("Stopping the sync"),
                          tr("The run is stopping; its status updates in the table."));
}

void RunNotifier::notifyRunFinished(const qbusiness::SyncJob &job)
{
    if (job.statusKind() != qbusiness::SyncStatus::Failed)
        withdrawSyncMessage();
}

void RunNotifier::withdrawSyncMessage()
{
    if (!m_showsSyncMessage || !m_banner)
        return;
    m_showsSyncMessage = false;
    m_banner->hide();
}

void RunNotifier::showRequestedRun()
{
    if (m_failedRun.isEmpty())
        return;
    m_banner->hide();
    emit runRequested(m_failedRun);
}

} // namespace syncdeck::ui
