#include "dashboarddocks.h"

#include "dashboardservices.h"
#include "details/jobdetailspanel.h"
#include "jobs/jobspage.h"
#include "jobs/runchartspane.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/syncjobmodel.h"
#include "report/reportpanel.h"
#include "widgets/compactdocks.h"
#include "widgets/paneregistry.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>

namespace syncdeck::ui {

using qbusiness::SyncJob;
using qbusiness::SyncJobModel;

DashboardDocks::DashboardDocks(QMainWindow *window, PaneRegistry *panes, JobsPage *jobs,
                               const DashboardServices &services)
    : QObject(window)
    , m_window(window)
    , m_panes(panes)
    , m_jobs(jobs)
{
    m_details = new JobDetailsPanel(window);
    m_details->setObjectName(QStringLiteral("detailsPanel"));
    m_details->setMinimumWidth(320);
    m_detailsDock = panes->addPane(m_details, tr("Run details"), QStringLiteral("detailsDock"),
                                   Qt::RightDockWidgetArea);
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    buildCharts(services);
    followJobs();
}

void DashboardDocks::buildCharts(const DashboardServices &services)
{
    if (services.makeChartsPane) {
        // The charts follow the table's pages and live refreshes through their own
        // time-ordered model; a click on a run selects its row, and the row selected
        // highlights its run.
        m_charts = services.makeChartsPane(m_window);
        m_charts->setObjectName(QStringLiteral("chartsPanel"));
        m_chartsDock = m_panes->addPane(m_charts, tr("Charts and insights"),
                                        QStringLiteral("chartsDock"), Qt::BottomDockWidgetArea);
    }
    // The selected run's document report: wide, so under the table (a tab beside the charts).
    m_report = new ReportPanel(m_window);
    m_report->setObjectName(QStringLiteral("reportPanel"));
    m_reportDock = m_panes->addPane(m_report, tr("Documents"), QStringLiteral("reportDock"),
                                    Qt::BottomDockWidgetArea);
    m_reportDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    if (!m_charts)
        return;
    m_window->tabifyDockWidget(m_chartsDock, m_reportDock);
    // Below this the charts would squeeze the table to a row or two: they join the details.
    // The charts are in front of the Documents tab (a tab not shown reads nothing from Logs),
    // the details in front when compact.
    new CompactDocks(m_window, m_detailsDock, {m_chartsDock, m_reportDock}, QSize(1000, 720));
    qbusiness::RunHistory *history = m_charts->model();
    connect(m_jobs->model(), &SyncJobModel::jobsAppended, history,
            &qbusiness::RunHistory::appendJobs);
    connect(m_jobs->model(), &SyncJobModel::jobsUpdated, history,
            &qbusiness::RunHistory::updateJobs);
    connect(m_jobs->model(), &SyncJobModel::modelReset, history, &qbusiness::RunHistory::clear);
    connect(m_charts, &RunChartsPane::runActivated, m_jobs, &JobsPage::selectRun);
    connect(m_jobs, &JobsPage::currentRunChanged, m_charts,
            [this](const SyncJob &job) { m_charts->highlightRun(job.executionId); });
}

void DashboardDocks::followJobs()
{
    connect(m_jobs, &JobsPage::currentRunChanged, m_details, &JobDetailsPanel::showJob);
    connect(m_jobs, &JobsPage::currentRunUpdated, m_details, &JobDetailsPanel::setJob);
    connect(m_jobs, &JobsPage::currentRunChanged, m_report, &ReportPanel::showJob);
    connect(m_jobs, &JobsPage::currentRunUpdated, m_report, &ReportPanel::setJob);
    connect(m_report, &ReportPanel::messageShown, m_window,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 8000); });
    connect(m_details, &JobDetailsPanel::reported, m_window,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 8000); });
}

void DashboardDocks::setDataSource(const QString &region, const qbusiness::ResourceReference &ids)
{
    m_details->setContext(region, ids.applicationId, ids.indexId, ids.dataSourceId);
    m_report->setContext(region, ids.applicationId, ids.indexId, ids.dataSourceId);
}

void DashboardDocks::sizeForFirstStart()
{
    m_window->resizeDocks({m_detailsDock}, {380}, Qt::Horizontal);
    if (m_chartsDock)
        m_window->resizeDocks({m_chartsDock}, {m_window->height() * 2 / 5}, Qt::Vertical);
}

} // namespace syncdeck::ui
