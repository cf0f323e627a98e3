#pragma once

#include "qbusiness/types.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace syncdeck::ui {

class NotificationBanner;

// Says what happened to runs: in the window's run banner ("Show run" for a failed run), and as
// a tray message when the desktop has a system tray.
class RunNotifier : public QObject
{
    Q_OBJECT
public:
    // Messages go to `banner` (not owned); the tray icon, made when first needed, shows `icon`.
    RunNotifier(NotificationBanner *banner, const QIcon &icon, QObject *parent = nullptr);

public slots:
    // A run of `dataSourceName` ended FAILED (live refresh saw it finish).
    void notifyRunFailed(const syncdeck::qbusiness::SyncJob &job, const QString &dataSourceName);
    // A data source of the fleet became failing since the last scan; `reason` in words.
    void notifyDataSourceFailing(const QString &dataSourceName, const QString &reason);
    void notifySyncStarted(const QString &executionId);
    void notifySyncStopping();
    // A run ended: "Sync started" or "Stopping the sync" has said all it had to (one banner
    // per topic: it goes instead of staying above the table for good). A failed run has its
    // own message (notifyRunFailed()).
    void notifyRunFinished(const syncdeck::qbusiness::SyncJob &job);
    // Sync now or Stop sync failed: the error says so, the earlier sync message goes.
    void withdrawSyncMessage();

signals:
    // "Show run" was clicked for this run.
    void runRequested(const QString &executionId);

private:
    void showRequestedRun();
    // The banner, and the tray's message when the desktop has a tray.
    void tell(const QString &title, const QString &text, const QString &actionText);

    QPointer<NotificationBanner> m_banner;
    QIcon m_icon;
    QString m_failedRun; // the run "Show run" goes to
    bool m_showsSyncMessage = false; // the banner shows "Sync started" or "Stopping the sync"
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace syncdeck::ui
