#pragma once

#include "chartexport.h"
#include "jobs/runchartspane.h"
#include "qbusiness/exportjobs.h"

#include <QPointer>

#include <functional>
#include <memory>

class QButtonGroup;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace syncdeck::qbusiness {
class RunHistory;
}

namespace syncdeck::ui {

namespace charts {
class ChartSummary;
class DurationChartView;
class KpiStrip;
class MetricsChartView;
class RefreshQueue;
class StatusTimelineView;
} // namespace charts

// Charts and insights for the loaded sync history: a KPI strip over two tabs, "Documents"
// (metrics per run, lines or stacked bars) and "Status and duration" (status lanes over a
// duration chart), with export of the charts (PNG, SVG) and of the runs (CSV, JSON).
// Feed it through its model: appendJobs() per page, updateJobs() for live refreshes. It is the
// main window's RunChartsPane; runActivated() says which run the user clicked.
class ChartsPanel : public RunChartsPane
{
    Q_OBJECT
public:
    enum class Chart { Metrics, Timeline };
    Q_ENUM(Chart)

    explicit ChartsPanel(QWidget *parent = nullptr);
    ~ChartsPanel() override;

    // Uses a model owned elsewhere (it must outlive its use here or be destroyed first: the
    // panel holds a QPointer); nullptr returns to the panel's own model.
    void setModel(qbusiness::RunHistory *model);
    qbusiness::RunHistory *model() const override;
    // The clock for "last success ... ago" (tests pin it).
    void setClock(std::function<QDateTime()> now);

    charts::KpiStrip *kpiStrip() const { return m_kpis; }
    charts::MetricsChartView *metricsChart() const { return m_metrics; }
    charts::StatusTimelineView *timelineChart() const { return m_timeline; }
    charts::DurationChartView *durationChart() const { return m_durations; }
    QTabWidget *tabs() const { return m_tabs; }
    // What each chart says in words and as a table (documents, status, duration).
    QList<charts::ChartSummary *> summaries() const { return m_summaries; }
    QString highlightedRun() const { return m_highlighted; }
    // Where the KPIs' and charts' recomputations after a change of the runs wait for their turn.
    charts::RefreshQueue *refreshQueue() const { return m_refreshQueue; }

    // The widget a chart export renders.
    QWidget *chartWidget(Chart chart) const;
    // The title line of the chart's export: the chart, the data source, the time range shown.
    QString exportTitle(Chart chart) const;
    bool exportChart(Chart chart, const QString &path, charts::ImageFormat format, QString *error);
    // The loaded runs, newest first as the table and the AWS CLI list them.
    bool exportRuns(const QString &path, qbusiness::JobExportFormat format, QString *error) const;

public slots:
    // Marks the run in every chart (the table's selection calls this).
    void highlightRun(const QString &executionId) override;
    void setFilterScope(const QString &filters) override;
    void setDataSourceName(const QString &name) override;
    void refreshKpis();

private:
    void connectModel();
    void chooseAndExportChart(charts::ImageFormat format);
    void chooseAndExportRuns(qbusiness::JobExportFormat format);
    // The loaded runs, newest first as the table and the AWS CLI list them.
    QList<qbusiness::SyncJob> runsNewestFirst() const;
    void onRunClicked(const QString &executionId);
    void alignTimelineCharts();

    std::unique_ptr<qbusiness::RunHistory> m_ownModel;
    QPointer<qbusiness::RunHistory> m_model;
    QList<QMetaObject::Connection> m_modelConnections;
    std::function<QDateTime()> m_now;
    charts::RefreshQueue *m_refreshQueue = nullptr;
    QString m_highlighted;
    QString m_dataSourceName;

    charts::KpiStrip *m_kpis = nullptr;
    QLabel *m_scope = nullptr;
    QLabel *m_empty = nullptr; // shown instead of the charts while there is no run to draw
    QTabWidget *m_tabs = nullptr;
    charts::MetricsChartView *m_metrics = nullptr;
    QSplitter *m_timelineSplit = nullptr;
    charts::StatusTimelineView *m_timeline = nullptr;
    charts::DurationChartView *m_durations = nullptr;
    QButtonGroup *m_modeButtons = nullptr;
    QToolButton *m_exportButton = nullptr;
    QList<charts::ChartSummary *> m_summaries;
    // Extra left margin given to each chart of the timeline tab so their time axes line up.
    double m_timelineExtra = 0;
    double m_durationExtra = 0;
};

} // namespace syncdeck::ui
