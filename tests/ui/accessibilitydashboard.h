#pragma once
// The demo dashboard of the accessibility tests: the real window with the in-process emulator as
// its demo service and the real charts, as app/gui composes them.
#include "charts/chartspanel.h"
#include "charts/refreshqueue.h"
#include "details/jobdetailspanel.h"
#include "mainwindow.h"
#include "uitestsupport.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace syncdeck::test {

constexpr int Timeout = 20000; // generous for ASan on a busy machine; passes as soon as true

struct Dashboard
{
    Dashboard()
        : demo(service())
        , window(launch(), services(&demo))
    { }

    static ui::LaunchOptions launch()
    {
        ui::LaunchOptions o;
        o.demo = true;
        o.restoreSettings = false;
        return o;
    }
    static emulator::Options service()
    {
        emulator::Options o;
        o.jobsPerDataSource = 40;
        return o;
    }
    static ui::DashboardServices services(EmulatorDemoService *demo)
    {
        ui::DashboardServices s;
        s.demo = demo;
        s.makeChartsPane = [](QWidget *parent) { return new ui::ChartsPanel(parent); };
        return s;
    }
    template<class T>
    T *find(const char *name) const
    {
        return window.findChild<T *>(QLatin1String(name));
    }
    QTableView *table() const { return find<QTableView>("jobsView"); }
    bool showReady()
    {
        QSignalSpy ready(&window, &ui::MainWindow::demoReady);
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window) && ready.wait(Timeout)
            && find<ui::JobDetailsPanel>("detailsPanel")->hasJob() && chartsDrawn();
    }
    // The KPIs and the shown chart take the loaded runs in on the turns after they arrive.
    bool chartsDrawn() const
    {
        auto *panel = find<ui::ChartsPanel>("chartsPanel");
        return panel
            && QTest::qWaitFor([panel] { return panel->refreshQueue()->pendingCount() == 0; });
    }

    EmulatorDemoService demo;
    ui::MainWindow window;
};

} // namespace syncdeck::test
