#include "chartspanel.h"

#include "chartsummary.h"
#include "durationchartview.h"
#include "jobs/exportjobsdialog.h"
#include "kpistrip.h"
#include "metricschartview.h"
#include "qbusiness/runhistory.h"
#include "qbusiness/runkpis.h"
#include "refreshqueue.h"
#include "statustimelineview.h"
#include "widgets/exportname.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"

#include <QButtonGroup>
#include <QChart>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdeck::ui {

using charts::ImageFormat;
using charts::MetricsChartView;
using qbusiness::JobExportFormat;
using qbusiness::RunHistory;

ChartsPanel::ChartsPanel(QWidget *parent)
    : RunChartsPane(parent)
    , m_ownModel(std::make_unique<RunHistory>())
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
    , m_refreshQueue(new charts::RefreshQueue(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kpis = new charts::KpiStrip(this);
    m_kpis->setObjectName(QStringLiteral("kpiStrip"));
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("kpiScope"));
    m_scope->setTextFormat(Qt::PlainText);
    m_scope->setWordWrap(true);
    m_scope->hide();
    layout->addWidget(m_scope);
    layout->addWidget(m_kpis);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    // A tab stop (its focus proxy is the tab bar): both need a name.
    m_tabs->setAccessibleName(tr("Chart pages"));
    m_tabs->tabBar()->setAccessibleName(tr("Chart pages"));
    m_metrics = new MetricsChartView(m_tabs);
    m_metrics->setObjectName(QStringLiteral("metricsChart"));
    m_tabs->addTab(m_metrics, tr("Documents"));
    m_timelineSplit = new QSplitter(Qt::Vertical, m_tabs);
    m_timeline = new charts::StatusTimelineView(m_timelineSplit);
    m_timeline->setObjectName(QStringLiteral("statusTimeline"));
    m_durations = new charts::DurationChartView(m_timelineSplit);
    m_durations->setObjectName(QStringLiteral("durationChart"));
    m_timelineSplit->addWidget(m_timeline);
    m_timelineSplit->addWidget(m_durations);
    m_timelineSplit->setChildrenCollapsible(false);
    m_timelineSplit->setStretchFactor(0, 1);
    m_timelineSplit->setStretchFactor(1, 1);
    connect(m_timeline->chart(), &QChart::plotAreaChanged, this, &ChartsPanel::alignTimelineCharts);
    connect(m_durations->chart(), &QChart::plotAreaChanged, this,
            &ChartsPanel::alignTimelineCharts);
    m_tabs->addTab(m_timelineSplit, tr("Status and duration"));
    layout->addWidget(m_tabs, 1);
    // Before there is a run to draw: words, not an empty 0-4 chart over a made-up day.
    m_empty = new QLabel(tr("The charts show the runs of the data source listed above, once it "
                            "has any."),
                         this);
    m_empty->setObjectName(QStringLiteral("chartsEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty, 1);

    // Corner: the lines/bars switch (documents tab only) and the export menu.
    auto *corner = new QWidget(m_tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->setSpacing(2);
    m_modeButtons = new QButtonGroup(corner);
    const std::pair<MetricsChartView::Mode, QString> modes[] = {
        {MetricsChartView::Mode::Lines, tr("Lines")},
        {MetricsChartView::Mode::StackedBars, tr("Stacked bars")},
    };
    for (const auto &[mode, label] : modes) {
        auto *button = new QToolButton(corner);
        button->setText(label);
        button->setCheckable(true);
        button->setChecked(mode == m_metrics->mode());
        button->setObjectName(mode == MetricsChartView::Mode::Lines ? QStringLiteral("linesMode")
                                                                    : QStringLiteral("barsMode"));
        m_modeButtons->addButton(button, int(mode));
        cornerLayout->addWidget(button);
    }
    connect(m_modeButtons, &QButtonGroup::idClicked, m_metrics,
            [this](int id) { m_metrics->setMode(MetricsChartView::Mode(id)); });
    // A mode set any other way (restored settings, scripts) shows on the switch too.
    connect(m_metrics, &MetricsChartView::modeChanged, m_modeButtons,
            [this](MetricsChartView::Mode mode) {
                if (QAbstractButton *button = m_modeButtons->button(int(mode)))
                    button->setChecked(true);
            });
    connect(m_tabs, &QTabWidget::currentChanged, corner, [this](int index) {
        for (QAbstractButton *b : m_modeButtons->buttons())
            b->setEnabled(index == 0);
    });

    m_exportButton = new QToolButton(corner);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    menu->addAction(tr("Chart as PNG…"), this, [this] { chooseAndExportChart(ImageFormat::Png); });
    menu->addAction(tr("Chart as SVG…"), this, [this] { chooseAndExportChart(ImageFormat::Svg); });
    menu->addSeparator();
    menu->addAction(tr("Runs as CSV…"), this,
                    [this] { chooseAndExportRuns(JobExportFormat::Csv); });
    menu->addAction(tr("Runs as JSON…"), this,
                    [this] { chooseAndExportRuns(JobExportFormat::Json); });
    m_exportButton->setMenu(menu);
    cornerLayout->addSpacing(8);
    cornerLayout->addWidget(m_exportButton);
    // Every chart also reads as words (its accessible description) and as a table.
    m_summaries = {
        new charts::ChartSummary(charts::ChartSummary::Kind::Documents, m_metrics),
        new charts::ChartSummary(charts::ChartSummary::Kind::Status, m_timeline),
        new charts::ChartSummary(charts::ChartSummary::Kind::Duration, m_durations),
    };
    auto *tableButton = new QToolButton(corner);
    tableButton->setObjectName(QStringLiteral("dataTableButton"));
    tableButton->setText(tr("Show data as table"));
    tableButton->setPopupMode(QToolButton::InstantPopup);
    auto *tableMenu = new QMenu(tableButton);
    for (charts::ChartSummary *summary : std::as_const(m_summaries))
        tableMenu->addAction(summary->title(), summary, &charts::ChartSummary::showTable);
    tableButton->setMenu(tableMenu);
    cornerLayout->addWidget(tableButton);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);

    const QList<charts::RunChartView *> views = {m_metrics, m_timeline, m_durations};
    for (charts::RunChartView *view : views) {
        view->setRefreshQueue(m_refreshQueue);
        connect(view, &charts::RunChartView::runActivated, this, &ChartsPanel::onRunClicked);
    }

    setModel(nullptr);
}

ChartsPanel::~ChartsPanel() = default;

RunHistory *ChartsPanel::model() const
{
    return m_model;
}

void ChartsPanel::setModel(RunHistory *model)
{
    m_model = model ? model : m_ownModel.get();
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    // New runs are drawn over the next turns, the KPIs first (see RefreshQueue); a cleared
    // history at once, as it costs nothing.
    const auto refreshSoon = [this] { m_refreshQueue->post(this, [this] { refreshKpis(); }); };
    m_modelConnections = {
        connect(m_model, &RunHistory::jobsAppended, this, refreshSoon),
        connect(m_model, &RunHistory::jobsUpdated, this, refreshSoon),
        connect(m_model, &RunHistory::cleared, this, &ChartsPanel::refreshKpis),
    };
    m_metrics->setModel(m_model);
    m_timeline->setModel(m_model);
    m_durations->setModel(m_model);
    for (charts::ChartSummary *summary : std::as_const(m_summaries))
        summary->setModel(m_model);
    refreshKpis();
}

void ChartsPanel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    refreshKpis();
}

void ChartsPanel::refreshKpis()
{
    if (m_model)
        m_kpis->setKpis(qbusiness::computeRunKpis(*m_model), m_now());
    const bool empty = !m_model || m_model->plottableCount() == 0;
    if (empty && !m_tabs->isHidden()) {
        // Hidden charts skip refreshes: let them drop the old runs before they go.
        m_metrics->refreshNow();
        m_timeline->refreshNow();
        m_durations->refreshNow();
    }
    m_empty->setVisible(empty);
    m_kpis->setVisible(!empty);
    m_tabs->setVisible(!empty);
}

void ChartsPanel::highlightRun(const QString &executionId)
{
    m_highlighted = executionId;
    m_metrics->highlightRun(executionId);
    m_timeline->highlightRun(executionId);
    m_durations->highlightRun(executionId);
}

void ChartsPanel::setFilterScope(const QString &filters)
{
    // "0 % success, failing 32 in a row" is true of the failed runs listed, not of the data
    // source: say which runs the figures describe.
    m_scope->setText(filters.isEmpty()
                         ? QString()
                         : tr("Figures and streaks below describe only the runs listed (%1), not "
                              "the data source's whole history.")
                               .arg(filters));
    m_scope->setVisible(!filters.isEmpty());
}

void ChartsPanel::setDataSourceName(const QString &name)
{
    m_dataSourceName = name;
}

void ChartsPanel::onRunClicked(const QString &executionId)
{
    highlightRun(executionId);
    emit runActivated(executionId);
}

void ChartsPanel::alignTimelineCharts()
{
    // The lane labels are wider than the duration labels: pad the narrower side so one time
    // reads at the same x in both charts. Extras are tracked so the alignment converges.
    QChart *a = m_timeline->chart();
    QChart *b = m_durations->chart();
    const double baseA = a->plotArea().left() - m_timelineExtra;
    const double baseB = b->plotArea().left() - m_durationExtra;
    const double target = std::max(baseA, baseB);
    const double extraA = target - baseA;
    const double extraB = target - baseB;
    auto apply = [](QChart *chart, double extra) {
        QMargins m = chart->margins();
        m.setLeft(6 + int(std::lround(extra)));
        if (m != chart->margins())
            chart->setMargins(m);
    };
    if (std::abs(extraA - m_timelineExtra) >= 1) {
        m_timelineExtra = extraA;
        apply(a, extraA);
    }
    if (std::abs(extraB - m_durationExtra) >= 1) {
        m_durationExtra = extraB;
        apply(b, extraB);
    }
}

QWidget *ChartsPanel::chartWidget(Chart chart) const
{
    return chart == Chart::Metrics ? static_cast<QWidget *>(m_metrics) : m_timelineSplit;
}

bool ChartsPanel::exportChart(Chart chart, const QString &path, ImageFormat format, QString *error)
{
    // A chart in a background tab skipped its refreshes: bring it up to date first.
    if (chart == Chart::Metrics) {
        m_metrics->refreshNow();
    } else {
        m_timeline->refreshNow();
        m_durations->refreshNow();
    }
    return charts::saveChartImage(chartWidget(chart), exportTitle(chart), path, format, error);
}

QString ChartsPanel::exportTitle(Chart chart) const
{
    // Both charts of the timeline tab share one time axis range (alignTimelineCharts()).
    const charts::RunChartView *view
        = chart == Chart::Metrics ? static_cast<charts::RunChartView *>(m_metrics) : m_timeline;
    const bool runs = m_model && m_model->plottableCount() > 0;
    return charts::exportTitle(
        {chart == Chart::Metrics ? m_summaries[0]->title() : tr("Run status and duration"),
         m_dataSourceName, runs ? view->timeAxis()->min() : QDateTime(),
         runs ? view->timeAxis()->max() : QDateTime()});
}

bool ChartsPanel::exportRuns(const QString &path, JobExportFormat format, QString *error) const
{
    return qbusiness::exportJobs(path, runsNewestFirst(), format, error);
}

QList<qbusiness::SyncJob> ChartsPanel::runsNewestFirst() const
{
    QList<qbusiness::SyncJob> jobs = m_model ? m_model->jobs() : QList<qbusiness::SyncJob> {};
    std::reverse(jobs.begin(), jobs.end());
    return jobs;
}

void ChartsPanel::chooseAndExportChart(ImageFormat format)
{
    const Chart chart = m_tabs->currentIndex() == 0 ? Chart::Metrics : Chart::Timeline;
    const bool png = format == ImageFormat::Png;
    const QString name = proposedExportName(
        m_dataSourceName,
        chart == Chart::Metrics ? QStringLiteral("documents") : QStringLiteral("status-duration"),
        m_now(), png ? QStringLiteral("png") : QStringLiteral("svg"));
    const QString path = fileDialog()->getSaveFileName(
        this, png ? tr("Save chart as PNG") : tr("Save chart as SVG"), name,
        png ? tr("PNG images (*.png)") : tr("SVG images (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(chart, path, format, &error))
        MessageBox::warning(this, tr("Export failed"), error);
}

void ChartsPanel::chooseAndExportRuns(JobExportFormat format)
{
    exportJobsInteractively(
        this, format == JobExportFormat::Csv ? tr("Export runs as CSV") : tr("Export runs as JSON"),
        runsNewestFirst(), format, m_dataSourceName);
}

} // namespace syncdeck::ui
