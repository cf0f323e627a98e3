#pragma once

#include "dashboardservices.h"
#include "launchoptions.h"
#include "qbusiness/awserror.h"
#include "qbusiness/consolelinks.h"
#include "settings/windowsettings.h"

#include <QMainWindow>

class QStackedWidget;

namespace syncdeck::ui {

class ConnectionBar;
struct DataSourceOpener;
class ConnectionController;
class DashboardDocks;
class ErrorBanner;
class FilterBar;
class FleetNavigator;
class FleetPage;
class HistoryCacheController;
class JobsPage;
class JobsStatus;
class NotificationBanner;
class PaneRegistry;
class ResourcePicker;
class RunNotifier;
class SyncControl;
struct Connection;
struct ConnectionFailure;

// The SyncDeck dashboard. It composes and wires the parts, each a class of its own: connection
// bar and controller, resource picker, filter bar, the central pages (fleet and jobs, switched
// by the fleet navigator), the docks around the table, the history cache, the run notifier and
// the remembered settings. Every request is asynchronous; nothing blocks the event loop.
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
    void buildCentral();
    void wireConnection();
    void wireJobs();
    void wireFleet();
    void restoreSettings();
    void saveSettings();

    void useConnection(const syncdeck::ui::Connection &connection);
    void forgetConnection();
    void showConnectionFailure(const syncdeck::ui::ConnectionFailure &failure);
    DataSourceOpener opener() const;
    void showChosenDataSource();
    void showDataSourceName();
    void refresh();
    void openSettings();
    void applyPollIntervals();
    void openCache();
    void updateStatusBar();
    void showAwsError(const QString &what, const qbusiness::AwsError &error,
                      const std::function<void()> &retry);

    LaunchOptions m_options;
    // As loaded, then as saved; the refresh intervals and the cache's folder and limits are
    // the current ones.
    WindowSettings m_remembered;

    ConnectionBar *m_connectionBar = nullptr;
    ConnectionController *m_connection = nullptr;
    ResourcePicker *m_picker = nullptr;
    FilterBar *m_filters = nullptr;
    SyncControl *m_sync = nullptr;
    RunNotifier *m_notifier = nullptr;
    JobsStatus *m_status = nullptr;
    HistoryCacheController *m_cache = nullptr;

    NotificationBanner *m_demoBanner = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    NotificationBanner *m_runBanner = nullptr;
    NotificationBanner *m_cacheBanner = nullptr;
    QStackedWidget *m_pages = nullptr;
    JobsPage *m_jobs = nullptr;
    FleetPage *m_fleet = nullptr;
    FleetNavigator *m_navigator = nullptr;
    PaneRegistry *m_panes = nullptr;
    DashboardDocks *m_docks = nullptr;
};

} // namespace syncdeck::ui
