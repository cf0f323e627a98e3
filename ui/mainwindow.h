#pragma once

#include "dashboardservices.h"
#include "launchoptions.h"
#include "qbusiness/awserror.h"

#include <QMainWindow>

class QDockWidget;
class QStackedWidget;

namespace syncdeck::ui {

class CachedHistory;
class ConnectionBar;
class ConnectionController;
class ErrorBanner;
class FilterBar;
class JobDetailsPanel;
class JobsPage;
class JobsStatus;
class NotificationBanner;
class ResourcePicker;
class RunNotifier;
class SyncControl;
struct Connection;
struct ConnectionFailure;

// The SyncDeck dashboard. It composes and wires the parts, each a class of its own: connection
// bar and controller, resource picker, filter bar, the jobs page (in the central stack, which
// further pages join), the run details and charts docks, the run notifier and the remembered
// settings. Every request is asynchronous; nothing blocks the event loop.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const LaunchOptions &options = {}, const DashboardServices &services = {},
                        QWidget *parent = nullptr);
    ~MainWindow() override;

signals:
    // The first rows of a listing were painted (the startup benchmark waits for this).
    void firstRowsShown();
    // The demo finished opening on its latest failed run (or gave up looking for one).
    void demoReady();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildCentral();
    void buildDocks(const DashboardServices &services);
    // Docks `pane` and lists it in the View menu.
    QDockWidget *addPane(QWidget *pane, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    void wireConnection();
    void wireJobs();
    void applyLaunchOptions();
    void restoreSettings();
    void saveSettings() const;

    void useConnection(const syncdeck::ui::Connection &connection);
    void forgetConnection();
    void showConnectionFailure(const syncdeck::ui::ConnectionFailure &failure);
    void goTo(const QString &reference);
    void showChosenDataSource();
    void refresh();
    void openSettings();
    void applyPollIntervals();
    void openCache();
    void showCacheState();
    void clearCache(bool all);
    void updateStatusBar();
    void showAwsError(const QString &what, const qbusiness::AwsError &error,
                      const std::function<void()> &retry);

    LaunchOptions m_options;
    int m_refreshSeconds = 10;
    QString m_cacheDirectory; // the setting; --cache-dir wins
    int m_cacheMaxMegabytes = 512;
    int m_cacheMaxAgeDays = 0;
    CachedHistory *m_history = nullptr;
    bool m_offlineShown = false;

    ConnectionBar *m_connectionBar = nullptr;
    ConnectionController *m_connection = nullptr;
    ResourcePicker *m_picker = nullptr;
    FilterBar *m_filters = nullptr;
    SyncControl *m_sync = nullptr;
    RunNotifier *m_notifier = nullptr;
    JobsStatus *m_status = nullptr;

    NotificationBanner *m_demoBanner = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    NotificationBanner *m_runBanner = nullptr;
    NotificationBanner *m_cacheBanner = nullptr;
    QStackedWidget *m_pages = nullptr;
    JobsPage *m_jobs = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    JobDetailsPanel *m_details = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    RunChartsPane *m_charts = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace syncdeck::ui
