#include "chartfixtures.h"
#include "charts/chartspanel.h"
#include "charts/chartsummary.h"
#include "charts/durationchartview.h"
#include "charts/kpistrip.h"
#include "charts/metricschartview.h"
#include "charts/refreshqueue.h"
#include "charts/statustimelineview.h"
#include "qbusiness/runhistory.h"
#include "synchistory.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QAreaSeries>
#include <QBarSet>
#include <QDialog>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace syncdeck::qbusiness;
using syncdeck::test::Epoch;
using syncdeck::test::feedPages;
using syncdeck::test::runs;
using syncdeck::test::shownPanel;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::charts::MetricsChartView;
using syncdeck::ui::charts::RunChartView;

namespace {
QPoint viewportPoint(RunChartView *view, const QPointF &value, QAbstractSeries *series)
{
    const QPointF inChart = view->chart()->mapToPosition(value, series);
    return view->mapFromScene(view->chart()->mapToScene(inChart));
}
} // namespace

class TestChartsPanel : public QObject
{
    Q_OBJECT
private slots:
    void clickingAPointSelectsItsRun_data();
    void clickingAPointSelectsItsRun();
    void highlightRunMarksEveryChart();
    void timelineClickStaysInItsLane();
    void stackedBarClickSelectsTheWorstRun();
    void modeSwitchFollowsTheChart();
    void valueAxesStepInWholeNumbers_data();
    void valueAxesStepInWholeNumbers();
    void updatesPerPageWithoutRebuilding();
    void newRunsAreDrawnOnLaterTurns();
    void chartHiddenWhileWaitingCatchesUp();
    void chartSizeHintDoesNotFollowItsSize();
    void legendTogglesSeries();
    void largeHistoryIsDownsampledKeepingFailures();
    void timelineReplacesOnlyChangedLanes();
    void showsKpis();
    void kpiTilesAreNamedWithTheirMeaning();
    void chartsAreDescribedInWordsAndTables();
    void tooltipNamesTheRun();
    void hoverShowsTheRun();
    void followsADarkPalette();
};

void TestChartsPanel::clickingAPointSelectsItsRun_data()
{
    QTest::addColumn<QString>("codes");
    QTest::addColumn<int>("target"); // model index (oldest first)
    QTest::newRow("first of 30") << QStringLiteral("SSSSSSSSSSFFFSSSSSSSSSSSSSSSSS") << 0;
    QTest::newRow("middle failure") << QStringLiteral("SSSSSSSSSSFFFSSSSSSSSSSSSSSSSS") << 11;
    QTest::newRow("newest running") << QStringLiteral("SSSSSSSSSSSSSSSSSSR") << 18;
    QTest::newRow("single run") << QStringLiteral("F") << 0;
}

void TestChartsPanel::clickingAPointSelectsItsRun()
{
    QFETCH(QString, codes);
    QFETCH(int, target);
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(codes));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QTRY_VERIFY(!panel->metricsChart()->chart()->plotArea().isEmpty());
    MetricsChartView *view = panel->metricsChart();
    const RunHistory *model = panel->model();
    QLineSeries *added = view->lineSeries(ChartMetric::Added);
    const QPointF value(double(model->startMs(target)), *model->value(target, ChartMetric::Added));
    QVERIFY(added->points().contains(value));
    const QPoint pos = viewportPoint(view, value, added);
    QVERIFY(view->viewport()->rect().contains(pos));

    QSignalSpy activated(panel.get(), &ChartsPanel::runActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(activated.count(), 1);
    const QString expected = model->job(target).executionId;
    QCOMPARE(activated.first().first().toString(), expected);
    QCOMPARE(panel->highlightedRun(), expected);
    QCOMPARE(panel->timelineChart()->highlightedRun(), expected);

    // Empty space far from any run selects nothing.
    activated.clear();
    const QRectF plot = view->chart()->plotArea();
    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {},
        view->mapFromScene(view->chart()->mapToScene(plot.topLeft() - QPointF(0, 40))));
    QCOMPARE(activated.count(), 0);
}

void TestChartsPanel::highlightRunMarksEveryChart()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSSFSSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    const QString id = panel->model()->job(3).executionId;
    const double x = double(panel->model()->startMs(3));
    panel->highlightRun(id);
    const QList<RunChartView *> views
        = {panel->metricsChart(), panel->timelineChart(), panel->durationChart()};
    for (RunChartView *view : views) {
        QCOMPARE(view->highlightedRun(), id);
        const QList<QPointF> line = view->highlightLine()->points();
        QCOMPARE(line.size(), 2);
        QCOMPARE(line[0].x(), x);
        QCOMPARE(line[1].x(), x);
    }
    // An unknown run clears the mark instead of pointing somewhere wrong.
    panel->highlightRun(QStringLiteral("not-loaded"));
    QVERIFY(panel->metricsChart()->highlightLine()->points().isEmpty());
    // A run loaded later is marked when it arrives.
    const QList<SyncJob> later = runs(QStringLiteral("SSSFSSSSSS"));
    panel->highlightRun(later.first().executionId);
    panel->model()->updateJobs(later.mid(0, 2));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QCOMPARE(panel->metricsChart()->highlightLine()->points().size(), 2);
}

void TestChartsPanel::timelineClickStaysInItsLane()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    panel->tabs()->setCurrentIndex(1);
    feedPages(panel->model(), runs(QStringLiteral("SSSSSFFFFSSSSSSSSSSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    auto *timeline = panel->timelineChart();
    QTRY_VERIFY(timeline->isVisible() && !timeline->chart()->plotArea().isEmpty());
    QCOMPARE(timeline->lanes(), (QList<SyncStatus> {SyncStatus::Succeeded, SyncStatus::Failed}));
    QCOMPARE(timeline->statusSeries(SyncStatus::Failed)->count(), 4);
    QCOMPARE(timeline->statusSeries(SyncStatus::Succeeded)->count(), 17);
    // The failure streak has its band.
    QCOMPARE(timeline->streakBand()->upperSeries()->count(), 4);

    const int failed = 6;
    QScatterSeries *failedSeries = timeline->statusSeries(SyncStatus::Failed);
    const double x = double(panel->model()->startMs(failed));
    QSignalSpy activated(panel.get(), &ChartsPanel::runActivated);
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      viewportPoint(timeline, QPointF(x, 1.5), failedSeries));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), panel->model()->job(failed).executionId);
    // Same time, succeeded lane: no succeeded run there, so nothing is selected.
    activated.clear();
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      viewportPoint(timeline, QPointF(x, 0.5), failedSeries));
    QCOMPARE(activated.count(), 0);

    // The duration chart selects by time too.
    auto *durations = panel->durationChart();
    const int run = 12;
    const QPointF value(double(panel->model()->startMs(run)),
                        *panel->model()->value(run, ChartMetric::DurationSeconds) / 60.0);
    QTest::mouseClick(durations->viewport(), Qt::LeftButton, {},
                      viewportPoint(durations, value, durations->durationSeries()));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), panel->model()->job(run).executionId);
}

void TestChartsPanel::modeSwitchFollowsTheChart()
{
    // A mode set on the chart itself (not by a click) shows on the Lines / Stacked bars switch.
    auto panel = shownPanel();
    QVERIFY(panel);
    auto *lines = panel->findChild<QAbstractButton *>(QStringLiteral("linesMode"));
    auto *bars = panel->findChild<QAbstractButton *>(QStringLiteral("barsMode"));
    QVERIFY(lines && bars);
    QVERIFY(lines->isChecked());
    panel->metricsChart()->setMode(MetricsChartView::Mode::StackedBars);
    QVERIFY(bars->isChecked());
    QVERIFY(!lines->isChecked());
    panel->metricsChart()->setMode(MetricsChartView::Mode::Lines);
    QVERIFY(lines->isChecked());
    QVERIFY(!bars->isChecked());
}

void TestChartsPanel::valueAxesStepInWholeNumbers_data()
{
    QTest::addColumn<int>("largest"); // documents added by the busiest run; -1: no runs
    QTest::addColumn<double>("top");
    QTest::newRow("empty chart") << -1 << 4.0;
    QTest::newRow("all zero") << 0 << 4.0;
    QTest::newRow("2") << 2 << 4.0;
    QTest::newRow("9 (no step of 2.5)") << 9 << 20.0;
    QTest::newRow("90 (steps of 25)") << 90 << 100.0;
    QTest::newRow("1234") << 1234 << 2000.0;
}

void TestChartsPanel::valueAxesStepInWholeNumbers()
{
    // The value axes print whole numbers ("%.0f"): their steps must be whole too, or the labels
    // repeat and lie (0 0 1 1 1).
    QFETCH(int, largest);
    QFETCH(double, top);
    auto panel = shownPanel();
    QVERIFY(panel);
    if (largest >= 0) {
        QList<SyncJob> jobs = runs(QStringLiteral("SSS"));
        for (SyncJob &job : jobs) {
            job.metrics = {};
            job.metrics.documentsAdded = 0;
        }
        jobs.first().metrics.documentsAdded = largest;
        feedPages(panel->model(), jobs);
        QVERIFY(syncdeck::test::drawn(panel.get()));
    }
    panel->metricsChart()->refreshNow();
    const QValueAxis *axis = panel->metricsChart()->countAxis();
    QCOMPARE(axis->min(), 0.0);
    QCOMPARE(axis->max(), top);
    const double step = axis->max() / (axis->tickCount() - 1);
    QCOMPARE(step, std::floor(step));
    QVERIFY(step >= 1);
}

void TestChartsPanel::stackedBarClickSelectsTheWorstRun()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    // 600 runs cannot get a bar each: buckets hold several runs.
    QString codes(600, u'S');
    codes[300] = u'F';
    codes[301] = u'F';
    feedPages(panel->model(), runs(codes));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    MetricsChartView *view = panel->metricsChart();
    QSignalSpy modeChanged(view, &MetricsChartView::modeChanged);
    panel->findChild<QAbstractButton *>(QStringLiteral("barsMode"))->click();
    QCOMPARE(modeChanged.count(), 1);
    QCOMPARE(view->mode(), MetricsChartView::Mode::StackedBars);
    QVERIFY(view->barSeries()->isVisible());
    QVERIFY(!view->lineSeries(ChartMetric::Added)->isVisible());
    QVERIFY(view->lineSeries(ChartMetric::Scanned)->isVisible());
    QVERIFY(view->barCount() > 1 && view->barCount() < 600);
    QCOMPARE(view->barSeries()->barSets().first()->count(), view->barCount());

    // Find the bar holding the failures: its "failed" segment is the only non-zero one.
    QBarSet *failedSet = view->barSeries()->barSets().at(int(ChartMetric::Failed));
    int bar = -1;
    for (int i = 0; i < failedSet->count(); ++i) {
        if (failedSet->at(i) > 0)
            bar = i;
    }
    QVERIFY(bar >= 0);
    QCOMPARE(failedSet->at(bar), 60.0);
    const QPoint pos = viewportPoint(view, QPointF(bar, 5), view->barSeries());
    QSignalSpy activated(panel.get(), &ChartsPanel::runActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), panel->model()->job(300).executionId);
}

void TestChartsPanel::updatesPerPageWithoutRebuilding()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    MetricsChartView *view = panel->metricsChart();
    QLineSeries *added = view->lineSeries(ChartMetric::Added);
    const QList<QAbstractSeries *> seriesBefore = view->chart()->series();
    QSignalSpy replaced(added, &QXYSeries::pointsReplaced);
    QSignalSpy pointAdded(added, &QXYSeries::pointAdded);
    const QList<SyncJob> history = syncdeck::test::generateSyncHistory(95, 7);
    int pages = 0;
    for (qsizetype i = 0; i < history.size(); i += 10, ++pages) {
        panel->model()->appendJobs(history.mid(i, 10));
        QVERIFY(syncdeck::test::drawn(panel.get()));
        const int loaded = int(std::min<qsizetype>(i + 10, history.size()));
        int withAdded = 0;
        for (int r = 0; r < panel->model()->count(); ++r)
            withAdded += panel->model()->value(r, ChartMetric::Added) ? 1 : 0;
        QCOMPARE(panel->model()->count(), loaded);
        QCOMPARE(added->count(), withAdded);
        QCOMPARE(panel->kpiStrip()->kpis().runs, loaded);
        // x in time order
        const QList<QPointF> pts = added->points();
        QVERIFY(std::is_sorted(pts.cbegin(), pts.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    }
    QCOMPARE(view->chart()->series(), seriesBefore);
    QVERIFY(replaced.count() >= pages);
    QCOMPARE(pointAdded.count(), 0); // batch replace(), never point by point
    // The timeline tab was hidden: it skipped the work and catches up when shown.
    QVERIFY(panel->timelineChart()->isStale());
    panel->tabs()->setCurrentIndex(1);
    QTRY_VERIFY(!panel->timelineChart()->isStale());
    int plotted = 0;
    for (SyncStatus s : panel->timelineChart()->lanes())
        plotted += panel->timelineChart()->statusSeries(s)->count();
    QCOMPARE(plotted, 95);

    panel->model()->clear();
    panel->tabs()->setCurrentIndex(0);
    QTRY_COMPARE(added->count(), 0);
    QCOMPARE(panel->kpiStrip()->kpis().runs, 0);
}

// A delivery of runs returns at once: the KPIs and the shown chart take the runs in on later
// turns of the event loop, one per turn, so the window paints and takes input in between; the
// hidden tab's charts wait until shown. Many deliveries before those turns cost one
// recomputation each, not one per delivery.
void TestChartsPanel::newRunsAreDrawnOnLaterTurns()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    syncdeck::ui::charts::RefreshQueue *queue = panel->refreshQueue();
    MetricsChartView *view = panel->metricsChart();
    const QList<SyncJob> history = syncdeck::test::generateSyncHistory(300, 11);
    panel->model()->appendJobs(history.mid(0, 100));
    QTRY_COMPARE(queue->pendingCount(), 0);
    QCOMPARE(panel->kpiStrip()->kpis().runs, 100);
    const qsizetype pointsBefore = view->lineSeries(ChartMetric::Added)->count();

    QSignalSpy replaced(view->lineSeries(ChartMetric::Added), &QXYSeries::pointsReplaced);
    panel->model()->appendJobs(history.mid(100, 100));
    panel->model()->appendJobs(history.mid(200, 100));
    // Nothing recomputed in the delivering turn.
    QCOMPARE(panel->kpiStrip()->kpis().runs, 100);
    QCOMPARE(view->lineSeries(ChartMetric::Added)->count(), pointsBefore);
    QVERIFY(queue->isPending(panel.get()));
    QVERIFY(queue->isPending(view));
    QVERIFY(!queue->isPending(panel->timelineChart())); // hidden tab: marked stale instead
    QVERIFY(panel->timelineChart()->isStale());
    QCOMPARE(queue->pendingCount(), 2);

    int turns = 0;
    while (queue->pendingCount() > 0 && turns < 100) {
        QCoreApplication::processEvents();
        ++turns;
    }
    QVERIFY(turns >= 2); // the KPIs and the chart: two turns, not one
    QCOMPARE(panel->kpiStrip()->kpis().runs, 300);
    QCOMPARE(replaced.count(), 1); // two deliveries, one recomputation
    int withAdded = 0;
    for (int r = panel->model()->firstPlottable(); r < panel->model()->count(); ++r)
        withAdded += panel->model()->value(r, ChartMetric::Added) ? 1 : 0;
    QCOMPARE(view->lineSeries(ChartMetric::Added)->count(), withAdded);
}

// A chart hidden between the delivery and its turn (the user switched tabs) skips the work and
// draws the new runs when shown again.
void TestChartsPanel::chartHiddenWhileWaitingCatchesUp()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    MetricsChartView *view = panel->metricsChart();
    const QList<SyncJob> history = syncdeck::test::generateSyncHistory(60, 3);
    panel->model()->appendJobs(history.mid(0, 30));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    panel->model()->appendJobs(history.mid(30, 30));
    panel->tabs()->setCurrentIndex(1); // before the chart's turn
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QVERIFY(view->isStale());
    panel->tabs()->setCurrentIndex(0);
    QTRY_VERIFY(!view->isStale());
    int withAdded = 0;
    for (int r = 0; r < panel->model()->count(); ++r)
        withAdded += panel->model()->value(r, ChartMetric::Added) ? 1 : 0;
    QCOMPARE(view->lineSeries(ChartMetric::Added)->count(), withAdded);
}

// Under the table the panel sits in a resizable scroll area, which sizes it by its height for
// its width: a chart's size hint must not follow the size it already has. A graphics view's
// default hint is its scene plus its frame, so in the window's bottom dock the panel grew by
// 4 px at every relayout, and with 100,000 runs each growth redrew the charts (20-40 ms).
void TestChartsPanel::chartSizeHintDoesNotFollowItsSize()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSSFSSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    MetricsChartView *view = panel->metricsChart();
    const QSize hint = view->sizeHint();
    const int before = view->height();
    panel->resize(panel->width() + 80, panel->height() + 120);
    QTRY_VERIFY(view->height() > before);
    QTRY_VERIFY(view->chart()->size().height() > before - 10); // the scene followed
    QCOMPARE(view->sizeHint(), hint);
}

void TestChartsPanel::legendTogglesSeries()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSSSFSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    MetricsChartView *view = panel->metricsChart();
    QLineSeries *deleted = view->lineSeries(ChartMetric::Deleted);
    const QList<QLegendMarker *> markers = view->chart()->legend()->markers(deleted);
    QCOMPARE(markers.size(), 1);
    QVERIFY(markers.first()->isVisible());
    emit markers.first()->clicked();
    QVERIFY(!view->isMetricShown(ChartMetric::Deleted));
    QVERIFY(!deleted->isVisible());
    QVERIFY(markers.first()->isVisible()); // still there to switch it back on
    emit markers.first()->clicked();
    QVERIFY(deleted->isVisible());
    QCOMPARE(deleted->count(), 8);

    // In bars mode the legend entries are the bar sets; hiding one zeroes its segments.
    view->setMode(MetricsChartView::Mode::StackedBars);
    QBarSet *addedSet = view->barSeries()->barSets().first();
    QLegendMarker *barMarker = nullptr;
    const QList<QLegendMarker *> barMarkers = view->chart()->legend()->markers(view->barSeries());
    for (QLegendMarker *m : barMarkers) {
        if (m->label() == addedSet->label())
            barMarker = m;
    }
    QVERIFY(barMarker && barMarker->isVisible());
    QVERIFY(addedSet->sum() > 0);
    emit barMarker->clicked();
    QCOMPARE(addedSet->sum(), 0.0);
    QVERIFY(!view->isMetricShown(ChartMetric::Added));
    emit barMarker->clicked();
    QVERIFY(addedSet->sum() > 0);
}

void TestChartsPanel::largeHistoryIsDownsampledKeepingFailures()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    const QList<SyncJob> history = syncdeck::test::generateSyncHistory(20000, 3);
    panel->model()->appendJobs(history);
    QVERIFY(syncdeck::test::drawn(panel.get()));
    MetricsChartView *view = panel->metricsChart();
    const int plotWidth = int(view->chart()->plotArea().width());
    QVERIFY(plotWidth > 100);
    // At most two points per pixel per series, far below 5 x 20000.
    QVERIFY2(view->displayedPointCount() <= 5 * 2 * plotWidth + 50,
             qPrintable(QString::number(view->displayedPointCount())));
    // The biggest spike of documents failed is drawn.
    double maxFailed = 0;
    for (const SyncJob &job : history)
        maxFailed = std::max(maxFailed, double(job.metrics.documentsFailed.value_or(0)));
    const QList<QPointF> failedPts = view->lineSeries(ChartMetric::Failed)->points();
    QVERIFY(std::any_of(failedPts.cbegin(), failedPts.cend(),
                        [&](const QPointF &p) { return p.y() == maxFailed; }));
    // Every failed run has a mark in the failed lane within a few pixels.
    panel->tabs()->setCurrentIndex(1);
    auto *timeline = panel->timelineChart();
    QTRY_VERIFY(!timeline->isStale());
    const QList<QPointF> marks = timeline->statusSeries(SyncStatus::Failed)->points();
    QVERIFY(marks.size() < 20000);
    const double msPerPixel
        = (double(panel->model()->lastStartMs()) - double(panel->model()->firstStartMs()))
        / timeline->chart()->plotArea().width();
    for (int i = 0; i < panel->model()->count(); ++i) {
        if (panel->model()->status(i) != SyncStatus::Failed)
            continue;
        const double x = double(panel->model()->startMs(i));
        const auto it = std::lower_bound(marks.cbegin(), marks.cend(), x,
                                         [](const QPointF &p, double v) { return p.x() < v; });
        const double after = it == marks.cend() ? 1e300 : it->x() - x;
        const double before = it == marks.cbegin() ? 1e300 : x - (it - 1)->x();
        QVERIFY2(std::min(after, before) <= 8 * msPerPixel,
                 qPrintable(QStringLiteral("failed run %1 has no mark").arg(i)));
    }
}

void TestChartsPanel::timelineReplacesOnlyChangedLanes()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    panel->tabs()->setCurrentIndex(1);
    auto *timeline = panel->timelineChart();
    feedPages(panel->model(), runs(QStringLiteral("SSSFFFFSSSSSSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QTRY_VERIFY(!timeline->isStale() && !timeline->chart()->plotArea().isEmpty());
    QScatterSeries *failed = timeline->statusSeries(SyncStatus::Failed);
    QScatterSeries *succeeded = timeline->statusSeries(SyncStatus::Succeeded);
    QCOMPARE(failed->count(), 4);
    QSignalSpy failedReplaced(failed, &QXYSeries::pointsReplaced);
    QSignalSpy succeededReplaced(succeeded, &QXYSeries::pointsReplaced);
    // Same runs, same size: no lane is handed to QtCharts again.
    timeline->refreshNow();
    QCOMPARE(failedReplaced.count(), 0);
    QCOMPARE(succeededReplaced.count(), 0);
    QCOMPARE(failed->count(), 4);
    // A live refresh that only changes a succeeded run's counts leaves both lanes alone.
    SyncJob changed = panel->model()->job(panel->model()->count() - 1);
    changed.metrics.documentsAdded = 999;
    panel->model()->updateJobs({changed});
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QCOMPARE(failedReplaced.count(), 0);
    QCOMPARE(succeededReplaced.count(), 0);
    // A run that fails moves marks between lanes: both are replaced, in one batch each.
    changed.status = QStringLiteral("FAILED");
    panel->model()->updateJobs({changed});
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QCOMPARE(failedReplaced.count(), 1);
    QCOMPARE(succeededReplaced.count(), 1);
    QCOMPARE(failed->count(), 5);
    QCOMPARE(succeeded->count(), 10);
    // Cleared: every lane and the streak band are emptied, not left showing the old runs.
    panel->model()->clear();
    QCOMPARE(failed->count(), 0);
    QCOMPARE(succeeded->count(), 0);
    QCOMPARE(timeline->streakBand()->upperSeries()->count(), 0);
    QCOMPARE(timeline->displayedPointCount(), 0);
}

void TestChartsPanel::showsKpis()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    QCOMPARE(panel->kpiStrip()->valueText(QStringLiteral("successRate")), QStringLiteral("—"));
    // 10 runs: 7 succeeded, 3 failed in a row at the end, then one running.
    const QList<SyncJob> jobs = runs(QStringLiteral("SSSSSSSFFFR"));
    const QDateTime lastSuccessEnd = jobs[4].endTime; // index 6 oldest-first
    panel->setClock([lastSuccessEnd] { return lastSuccessEnd.addSecs(3 * 3600 + 5 * 60); });
    feedPages(panel->model(), jobs);
    QVERIFY(syncdeck::test::drawn(panel.get()));
    auto *kpis = panel->kpiStrip();
    QCOMPARE(kpis->valueText(QStringLiteral("successRate")),
             QLocale().toString(70.0, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(kpis->valueText(QStringLiteral("lastSuccess")), QStringLiteral("3 h 5 min ago"));
    QCOMPARE(kpis->valueText(QStringLiteral("failedRuns")), QStringLiteral("3"));
    QVERIFY(kpis->captionText(QStringLiteral("failedRuns")).contains(QStringLiteral("3 in a row")));
    QCOMPARE(kpis->valueText(QStringLiteral("documentsFailed")), QStringLiteral("90"));
    QCOMPARE(kpis->valueText(QStringLiteral("zeroScanned")), QStringLiteral("0"));
    QVERIFY(!kpis->valueText(QStringLiteral("p95Duration")).isEmpty());
}

void TestChartsPanel::kpiTilesAreNamedWithTheirMeaning()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    const QList<SyncJob> jobs = runs(QStringLiteral("SSSSSSSFFFR"));
    feedPages(panel->model(), jobs);
    QVERIFY(syncdeck::test::drawn(panel.get()));
    auto *kpis = panel->kpiStrip();
    QWidget *rate = kpis->tile(QStringLiteral("successRate"));
    QVERIFY(rate);
    QVERIFY(rate->focusPolicy() & Qt::TabFocus);
    const QString percent = QLocale().toString(70.0, 'f', 1) + QStringLiteral(" %");
    const QString below = QLocale().toString(90.0, 'f', 0) + QStringLiteral(" %");
    QCOMPARE(QAccessible::queryAccessibleInterface(rate)->text(QAccessible::Name),
             QStringLiteral("Success rate ") + percent
                 + QStringLiteral(", 7 of 10 finished — warning: below ") + below);
    // The warning is on screen in words, not only as the value's colour.
    auto *state = rate->findChild<QLabel *>(QStringLiteral("successRateState"));
    QVERIFY(state && state->isVisible());
    QCOMPARE(state->text(), QStringLiteral("Warning: below ") + below);
    QCOMPARE(QAccessible::queryAccessibleInterface(kpis->tile(QStringLiteral("failedRuns")))
                 ->text(QAccessible::Name),
             QStringLiteral("Failed runs 3, failing now: 3 in a row — warning: the latest runs "
                            "are failing"));
    // Nothing to warn about: no warning said or shown.
    QWidget *zero = kpis->tile(QStringLiteral("zeroScanned"));
    QVERIFY(!QAccessible::queryAccessibleInterface(zero)
                 ->text(QAccessible::Name)
                 .contains(QLatin1String("warning")));
    QVERIFY(!zero->findChild<QLabel *>(QStringLiteral("zeroScannedState"))->isVisible());
}

void TestChartsPanel::chartsAreDescribedInWordsAndTables()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    const QList<syncdeck::ui::charts::ChartSummary *> summaries = panel->summaries();
    QCOMPARE(summaries.size(), 3);
    const QList<QWidget *> charts
        = {panel->metricsChart(), panel->timelineChart(), panel->durationChart()};
    for (QWidget *chart : charts)
        QCOMPARE(QAccessible::queryAccessibleInterface(chart)->text(QAccessible::Description),
                 QStringLiteral("No runs loaded."));
    const QList<SyncJob> jobs = runs(QStringLiteral("SSSSSSSFFFR"));
    feedPages(panel->model(), jobs);
    QVERIFY(syncdeck::test::drawn(panel.get()));
    const auto description = [](QWidget *chart) {
        return QAccessible::queryAccessibleInterface(chart)->text(QAccessible::Description);
    };
    QCOMPARE(QAccessible::queryAccessibleInterface(panel->metricsChart())->text(QAccessible::Name),
             QStringLiteral("Documents per run"));
    const QString from = Epoch.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString to
        = Epoch.addSecs(10 * 3600).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QCOMPARE(description(panel->metricsChart()),
             QStringLiteral("11 runs from %1 to %2; last run: Syncing, 0 failed, %3 scanned.")
                 .arg(from, to, QLocale().toString(1010)));
    QVERIFY2(description(panel->timelineChart())
                 .contains(QLatin1String(": 3 failed, 7 succeeded, 1 syncing;")),
             qPrintable(description(panel->timelineChart())));
    QVERIFY2(description(panel->durationChart()).endsWith(QLatin1String("still running.")),
             qPrintable(description(panel->durationChart())));
    // The duration chart is in a background tab: its words follow the data all the same.
    QVERIFY(!panel->durationChart()->isVisible());
    SyncJob next = jobs.first();
    next.executionId = syncdeck::test::executionIdFor(42, 11);
    next.startTime = next.startTime.addSecs(3600);
    next.endTime = next.startTime.addSecs(125);
    next.status = QStringLiteral("FAILED");
    panel->model()->appendJobs({next});
    QVERIFY(syncdeck::test::drawn(panel.get()));
    QVERIFY2(description(panel->durationChart()).contains(QLatin1String("12 runs from")),
             qPrintable(description(panel->durationChart())));
    QVERIFY2(description(panel->durationChart())
                 .endsWith(QLatin1String("last run: Failed, took 2 min.")),
             qPrintable(description(panel->durationChart())));

    // Every chart offers its data as a table, by keyboard too (its context menu, Ctrl+T).
    for (int i = 0; i < 3; ++i) {
        QAction *action = summaries[i]->showTableAction();
        QVERIFY(charts[i]->actions().contains(action));
        QCOMPARE(charts[i]->contextMenuPolicy(), Qt::ActionsContextMenu);
        QDialog *dialog = summaries[i]->showTable();
        QVERIFY(dialog && dialog->isVisible());
        auto *view = dialog->findChild<QTableView *>();
        QVERIFY(view);
        QVERIFY(!view->tabKeyNavigation());
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 12);
        QCOMPARE(model->columnCount(), summaries[i]->columns().size());
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Failed")); // newest first
        dialog->close();
    }
    QDialog *durations = summaries[2]->showTable();
    const QAbstractItemModel *model = durations->findChild<QTableView *>()->model();
    // The running run has no duration: read as such, not skipped.
    QCOMPARE(model->index(1, 2).data().toString(), QString());
    QCOMPARE(model->index(1, 2).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("not reported"));
    // The open table follows the history.
    panel->model()->clear();
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(description(panel->durationChart()), QStringLiteral("No runs loaded."));
    durations->close();
}

void TestChartsPanel::tooltipNamesTheRun()
{
    ChartsPanel panel;
    QList<SyncJob> jobs = runs(QStringLiteral("SF"));
    jobs[0].errorMessage = QStringLiteral("<b>not bold</b> & raw");
    jobs[0].errorCode = QStringLiteral("InternalError");
    panel.model()->appendJobs(jobs);
    QVERIFY(syncdeck::test::drawn(&panel));
    const QString tip = panel.metricsChart()->toolTipForRun(1);
    QVERIFY(tip.contains(jobs[0].executionId));
    QVERIFY(tip.contains(QStringLiteral("FAILED")));
    QVERIFY(tip.contains(QStringLiteral("Failed 30")));
    QVERIFY(tip.contains(QStringLiteral("&lt;b&gt;not bold&lt;/b&gt; &amp; raw")));
    QVERIFY(tip.contains(
        jobs[0].startTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
}

void TestChartsPanel::hoverShowsTheRun()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSSSSSFSSSSS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    MetricsChartView *view = panel->metricsChart();
    QTRY_VERIFY(!view->chart()->plotArea().isEmpty());
    const int target = 6;
    const std::optional<QPoint> pos = view->viewportPositionOf(target);
    QVERIFY(pos);
    QTest::mouseMove(view->viewport(), *pos);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(panel->model()->job(target).executionId));
    QVERIFY(QToolTip::text().contains(QStringLiteral("FAILED")));
    // Away from every run the tooltip goes.
    QTest::mouseMove(view->viewport(), QPoint(2, 2));
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestChartsPanel::followsADarkPalette()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    panel->setPalette(dark);
    QCOMPARE(panel->metricsChart()->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(panel->metricsChart()->countAxis()->labelsBrush().color(), QColor(0xee, 0xee, 0xee));
    QCOMPARE(panel->timelineChart()->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
}

QTEST_MAIN(TestChartsPanel)
#include "tst_chartspanel.moc"
