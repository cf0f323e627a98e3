#pragma once

#include "dashboardservices.h"
#include "launchoptions.h"
#include "qbusiness/awserror.h"
#include "qbusiness/consolelinks.h"
#include "settings/windowsettings.h"

#include <QMainWindow>

class QDockWidget;
class QStackedWidget;

namespace syncdeck::ui {

class CachedHistory;
class ConnectionBar;
class ConnectionController;
class ErrorBanner;
class FilterBar;
class FleetPage;
class JobDetailsPanel;
class JobsPage;
class JobsStatus;
class NotificationBanner;
class PaneCycler;
class ReportPanel;
class ResourcePicker;
class RunNotifier;
class SyncControl;
struct Connection;
struct ConnectionFailure;

// The SyncDeck dashboard. It composes and wires the parts, each a class of its own: connection
// bar and controller, resource picker, filter bar, the jobs page (in the central stack, which
// further pages join), the run details, documents and charts docks, the run notifier and the
// remembered settings. Every request is asynchronous; nothing blocks the event loop.
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
    // Docks `pane`, lists it in the View menu and registers it (registerPane).
    QDockWidget *addPane(QWidget *pane, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    // Joins `pane` to the F6 cycle, with a "Move focus to" entry and shortcut in the View menu.
    // Every pane and view added later (report, fleet) registers here or through addPane().
    QAction *registerPane(QWidget *pane, const QString &title);
    void wireConnection();
    void wireJobs();
    void wireFleet();
    // The fleet's first scan of a connection ended: it stays the first view only when the
    // profile has more than one data source.
    void settleFirstView(int dataSources);
    void showFleet();
    void showHistory(const qbusiness::ResourceReference &ids);
    void applyLaunchOptions();
    // Without a connection on the command line: the remembered one, else the profile the AWS
    // CLI would use (AWS_PROFILE, else [default]) when ~/.aws defines it.
    void reopenRemembered();
    void restoreSettings();
    void saveSettings();

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
    WindowSettings m_remembered; // as loaded, then as saved
    int m_refreshSeconds = 10;
    int m_fleetRefreshMinutes = 15;
    bool m_dataSourceAsked = false; // a data source was asked for: it, not the fleet, comes first
    bool m_firstViewSettled = false;
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
    FleetPage *m_fleet = nullptr;
    QAction *m_fleetAction = nullptr;
    QAction *m_backAction = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    JobDetailsPanel *m_details = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    RunChartsPane *m_charts = nullptr;
    QDockWidget *m_reportDock = nullptr;
    ReportPanel *m_report = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_focusMenu = nullptr;
    PaneCycler *m_paneCycler = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace syncdeck::ui
