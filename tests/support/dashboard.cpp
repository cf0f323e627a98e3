#include "dashboard.h"

#include "charts/chartspanel.h"
#include "details/jobdetailspanel.h"
#include "qbusiness/client.h"
#include "qbusiness/syncjobloader.h"
#include "qbusiness/syncjobmodel.h"
#include "widgets/notificationbanner.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace syncdeck::test {

ui::LaunchOptions freshLaunch()
{
    ui::LaunchOptions o;
    o.restoreSettings = false;
    return o;
}

ui::LaunchOptions demoLaunch()
{
    ui::LaunchOptions o = freshLaunch();
    o.demo = true;
    return o;
}

ui::DashboardServices dashboardServices(ui::DemoService *demo)
{
    ui::DashboardServices s;
    s.demo = demo;
    s.makeChartsPane = [](QWidget *parent) { return new ui::ChartsPanel(parent); };
    return s;
}

Dashboard::Dashboard(const ui::LaunchOptions &options, const emulator::Options &service,
                     int readyTimeoutMs)
    : demo(service)
    , window(options, dashboardServices(&demo))
    , m_readyTimeoutMs(readyTimeoutMs)
{ }

QComboBox *Dashboard::combo(const char *name) const
{
    return find<QComboBox>(name);
}

ui::NotificationBanner *Dashboard::banner(const char *name) const
{
    return find<ui::NotificationBanner>(name);
}

qbusiness::SyncJobModel *Dashboard::jobs() const
{
    return find<qbusiness::SyncJobModel>("jobModel");
}

qbusiness::SyncJobLoader *Dashboard::loader() const
{
    return find<qbusiness::SyncJobLoader>("jobLoader");
}

QTableView *Dashboard::table() const
{
    return find<QTableView>("jobsView");
}

ui::JobDetailsPanel *Dashboard::details() const
{
    return find<ui::JobDetailsPanel>("detailsPanel");
}

QString Dashboard::errorText() const
{
    return banner("errorBanner")->text();
}

bool Dashboard::showExposed()
{
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

bool Dashboard::showReady()
{
    QSignalSpy ready(&window, &ui::MainWindow::demoReady);
    window.show();
    return QTest::qWaitForWindowExposed(&window) && ready.wait(m_readyTimeoutMs);
}

int Dashboard::callsInFlight() const
{
    int n = 0;
    for (const qbusiness::ListSyncJobsCall *call :
         window.findChildren<qbusiness::ListSyncJobsCall *>())
        n += call->isFinished() ? 0 : 1;
    return n;
}

} // namespace syncdeck::test
