#pragma once

#include "mainwindow.h"
#include "uitestsupport.h"

#include "emulator/options.h"

class QComboBox;
class QTableView;

namespace syncdeck::qbusiness {
class SyncJobLoader;
class SyncJobModel;
} // namespace syncdeck::qbusiness

namespace syncdeck::ui {
class JobDetailsPanel;
class NotificationBanner;
} // namespace syncdeck::ui

namespace syncdeck::test {

// A launch that restores no remembered settings and opens nothing by itself.
ui::LaunchOptions freshLaunch();
// The same, opening the demo.
ui::LaunchOptions demoLaunch();

// The services app/gui gives the window: `demo` as its demo service, and the real charts.
ui::DashboardServices dashboardServices(ui::DemoService *demo);

// The window with the emulator as its demo service and the real charts, as app/gui composes
// it; its widgets found by name, as a user finds them. The service is declared first: it
// outlives the window's connection to it.
struct Dashboard
{
    // `readyTimeoutMs`: how long showReady() waits for the demo to open.
    Dashboard(const ui::LaunchOptions &options, const emulator::Options &service,
              int readyTimeoutMs);

    template<class T>
    T *find(const char *name) const
    {
        return window.findChild<T *>(QLatin1String(name));
    }
    QComboBox *combo(const char *name) const;
    ui::NotificationBanner *banner(const char *name) const;
    qbusiness::SyncJobModel *jobs() const;
    qbusiness::SyncJobLoader *loader() const;
    QTableView *table() const;
    ui::JobDetailsPanel *details() const;
    QString errorText() const;
    // Shows the window and waits until it is exposed.
    bool showExposed();
    // Shows the window and waits until the demo opened on its failed run.
    bool showReady();
    // ListDataSourceSyncJobs calls of the window not finished yet.
    int callsInFlight() const;

    EmulatorDemoService demo;
    ui::MainWindow window;

private:
    int m_readyTimeoutMs;
};

} // namespace syncdeck::test
