#pragma once

#include "qbusiness/consolelinks.h"

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace syncdeck::ui {

struct DashboardServices;
class JobDetailsPanel;
class JobsPage;
class PaneRegistry;
class ReportPanel;
class RunChartsPane;

// The panes around the jobs table: the run details (right, the full height), the charts (when
// the composition root makes them) and the Documents report, tabbed under the table, joining
// the details when the window is small. Each follows the table's current run; a run clicked in
// a chart selects its row, and the panes' messages go to the status bar.
class DashboardDocks : public QObject
{
    Q_OBJECT
public:
    DashboardDocks(QMainWindow *window, PaneRegistry *panes, JobsPage *jobs,
                   const DashboardServices &services);

    JobDetailsPanel *details() const { return m_details; }
    ReportPanel *report() const { return m_report; }
    RunChartsPane *charts() const { return m_charts; } // nullptr: no charts dock

    // The data source the details and the report link to (console, Logs).
    void setDataSource(const QString &region, const qbusiness::ResourceReference &ids);
    // First start (no saved layout): the table keeps most of the height, the charts get a
    // strip below it and the details panel the full height on the right.
    void sizeForFirstStart();

private:
    void buildCharts(const DashboardServices &services);
    void followJobs();

    QMainWindow *m_window;
    PaneRegistry *m_panes;
    JobsPage *m_jobs;
    QDockWidget *m_detailsDock = nullptr;
    JobDetailsPanel *m_details = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    RunChartsPane *m_charts = nullptr;
    QDockWidget *m_reportDock = nullptr;
    ReportPanel *m_report = nullptr;
};

} // namespace syncdeck::ui
