#include "qbusiness/runhistory.h"
#include "synchistory.h"

#include <QMap>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace syncdeck::qbusiness;

namespace {
const QDateTime Epoch(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc());

SyncJob run(int n, const char *status, qint64 added = 1, int hour = -1)
{
    SyncJob job;
    job.executionId = syncdeck::test::executionIdFor(9, n);
    job.startTime = Epoch.addSecs(qint64(hour < 0 ? n : hour) * 3600);
    job.endTime = job.startTime.addSecs(600);
    job.status = QString::fromLatin1(status);
    job.metrics.documentsAdded = added;
    job.metrics.documentsScanned = 100;
    return job;
}

bool isTimeOrdered(const RunHistory &model)
{
    for (int i = 1; i < model.count(); ++i) {
        if (model.startMs(i - 1) > model.startMs(i))
            return false;
    }
    return true;
}
} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT
private slots:
    void appendsPagesInTimeOrder_data();
    void appendsPagesInTimeOrder();
    void mergesByExecutionId_data();
    void mergesByExecutionId();
    void keepsRunsWithoutStartTime();
    void clears();
    void downsamplingKeepsExtremes_data();
    void downsamplingKeepsExtremes();
    void statusMarksKeepEveryFailure_data();
    void statusMarksKeepEveryFailure();
    void loneFailureKeepsItsMark_data();
    void loneFailureKeepsItsMark();
    void laneMarksKeepFirstLastAndEveryStatusPerColumn_data();
    void laneMarksKeepFirstLastAndEveryStatusPerColumn();
    void countsPlottedRunsPerStatus();
    void failureBandsMergeWhenTheyTouch_data();
    void failureBandsMergeWhenTheyTouch();
    void failureStreaksFollowNewPages();
    void bucketsSumRuns_data();
    void bucketsSumRuns();
    void findsNearestRun();
    void findsFailureStreaks_data();
    void findsFailureStreaks();
    void predicateSucceededWithoutScanned_data();
    void predicateSucceededWithoutScanned();
};

void TestRunHistory::appendsPagesInTimeOrder_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("one page") << 7 << 10;
    QTest::newRow("pages of ten") << 95 << 10;
    QTest::newRow("pages of one") << 23 << 1;
    QTest::newRow("uneven pages") << 200 << 7;
}

void TestRunHistory::appendsPagesInTimeOrder()
{
    QFETCH(int, total);
    QFETCH(int, pageSize);
    const QList<SyncJob> history = syncdeck::test::generateSyncHistory(total, 3); // newest first
    RunHistory model;
    QSignalSpy appended(&model, &RunHistory::jobsAppended);
    int pages = 0;
    for (int i = 0; i < history.size(); i += pageSize, ++pages) {
        model.appendJobs(history.mid(i, pageSize));
        QVERIFY(isTimeOrdered(model));
        QCOMPARE(model.count(), std::min<int>(i + pageSize, total));
        // The oldest run loaded so far is the last one of the page just appended.
        QCOMPARE(model.job(0).executionId,
                 history.at(std::min<int>(i + pageSize, total) - 1).executionId);
    }
    QCOMPARE(appended.count(), pages);
    QList<SyncJob> expected(history.crbegin(), history.crend());
    QCOMPARE(model.jobs(), expected);
    for (int i = 0; i < model.count(); ++i)
        QCOMPARE(model.indexOf(model.job(i).executionId), i);
    QCOMPARE(model.firstStartMs(), expected.first().startTime.toMSecsSinceEpoch());
    QCOMPARE(model.lastStartMs(), expected.last().startTime.toMSecsSinceEpoch());
}

void TestRunHistory::mergesByExecutionId_data()
{
    QTest::addColumn<QList<SyncJob>>("initial");
    QTest::addColumn<QList<SyncJob>>("update");
    QTest::addColumn<bool>("asUpdate");
    QTest::addColumn<QList<SyncJob>>("expected");
    QTest::addColumn<int>("expectedAdded");

    const SyncJob a = run(0, "SUCCEEDED");
    const SyncJob b = run(1, "FAILED");
    const SyncJob c = run(2, "SYNCING");
    SyncJob cDone = c;
    cDone.status = QStringLiteral("SUCCEEDED");
    cDone.metrics.documentsAdded = 42;
    const SyncJob d = run(3, "SYNCING");
    SyncJob bMoved = b; // a corrected start time moves the run
    bMoved.startTime = Epoch.addSecs(qint64(5) * 3600);

    QTest::newRow("live refresh finishes a run")
        << QList<SyncJob> {c, b, a} << QList<SyncJob> {d, cDone} << true
        << QList<SyncJob> {a, b, cDone, d} << 1;
    QTest::newRow("same page twice") << QList<SyncJob> {c, b, a} << QList<SyncJob> {c, b, a}
                                     << false << QList<SyncJob> {a, b, c} << 0;
    QTest::newRow("duplicate inside one batch, later wins")
        << QList<SyncJob> {a} << QList<SyncJob> {c, b, cDone} << false
        << QList<SyncJob> {a, b, cDone} << 2;
    QTest::newRow("start time corrected") << QList<SyncJob> {c, b, a} << QList<SyncJob> {bMoved}
                                          << true << QList<SyncJob> {a, c, bMoved} << 0;
    QTest::newRow("update into an empty model")
        << QList<SyncJob> {} << QList<SyncJob> {b, a} << true << QList<SyncJob> {a, b} << 2;
}

void TestRunHistory::mergesByExecutionId()
{
    QFETCH(QList<SyncJob>, initial);
    QFETCH(QList<SyncJob>, update);
    QFETCH(bool, asUpdate);
    QFETCH(QList<SyncJob>, expected);
    QFETCH(int, expectedAdded);
    RunHistory model;
    model.appendJobs(initial);
    QSignalSpy appended(&model, &RunHistory::jobsAppended);
    QSignalSpy updated(&model, &RunHistory::jobsUpdated);
    if (asUpdate)
        model.updateJobs(update);
    else
        model.appendJobs(update);
    QSignalSpy &fired = asUpdate ? updated : appended;
    QCOMPARE(fired.count(), 1);
    QCOMPARE(fired.first().first().toInt(), expectedAdded);
    QCOMPARE((asUpdate ? appended : updated).count(), 0);
    QCOMPARE(model.jobs(), expected);
    for (int i = 0; i < model.count(); ++i)
        QCOMPARE(model.indexOf(expected[i].executionId), i);
}

void TestRunHistory::keepsRunsWithoutStartTime()
{
    SyncJob noStart = run(50, "FAILED");
    noStart.startTime = QDateTime();
    noStart.endTime = QDateTime();
    SyncJob noId = run(51, "SUCCEEDED");
    noId.executionId.clear();
    RunHistory model;
    model.appendJobs({run(2, "SUCCEEDED"), noStart, run(1, "SUCCEEDED"), noId});
    QCOMPARE(model.count(), 4);
    QCOMPARE(model.firstPlottable(), 1);
    QCOMPARE(model.plottableCount(), 3);
    QCOMPARE(model.job(0).executionId, noStart.executionId);
    QCOMPARE(model.startMs(0), RunHistory::NoTime);
    QVERIFY(!model.value(0, ChartMetric::DurationSeconds));
    // A run without an id cannot be merged: a second copy is kept, not silently dropped.
    model.appendJobs({noId});
    QCOMPARE(model.count(), 5);
    const auto [first, last] = model.indexRange(-1e18, 1e18);
    QCOMPARE(first, 1);
    QCOMPARE(last, 5);
}

void TestRunHistory::clears()
{
    RunHistory model;
    model.appendJobs(syncdeck::test::generateSyncHistory(30));
    QSignalSpy cleared(&model, &RunHistory::cleared);
    model.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(model.count(), 0);
    QCOMPARE(model.firstStartMs(), RunHistory::NoTime);
    QCOMPARE(model.indexOf(syncdeck::test::executionIdFor(1, 3)), -1);
    QVERIFY(model.downsampled(ChartMetric::Added, 0, 1e15, 100).isEmpty());
    QCOMPARE(model.nearestIndex(0), -1);
    model.appendJobs({run(1, "SUCCEEDED")});
    QCOMPARE(model.count(), 1);
}

void TestRunHistory::downsamplingKeepsExtremes_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<int>("spikeAt");
    QTest::addColumn<int>("dipAt");
    QTest::newRow("20000 runs into 800 px") << 20000 << 800 << 12345 << 777;
    QTest::newRow("spike at the first run") << 5000 << 300 << 0 << 4999;
    QTest::newRow("spike at the last run") << 5000 << 300 << 4999 << 2500;
    QTest::newRow("fewer runs than 4 points per bucket") << 300 << 100 << 150 << 10;
    QTest::newRow("one bucket") << 1000 << 1 << 500 << 501;
}

void TestRunHistory::downsamplingKeepsExtremes()
{
    QFETCH(int, runs);
    QFETCH(int, buckets);
    QFETCH(int, spikeAt);
    QFETCH(int, dipAt);
    QList<SyncJob> page;
    for (int n = 0; n < runs; ++n) {
        const qint64 v = n == spikeAt ? 100000 : n == dipAt ? 0 : 10 + (n * 7919) % 50;
        page.append(run(n, "SUCCEEDED", v));
    }
    page.append(run(runs, "SYNCING")); // no duration yet: not a DurationSeconds point
    page.last().metrics.documentsAdded.reset();
    page.last().endTime = QDateTime();
    RunHistory model;
    model.appendJobs(page);
    const auto from = double(model.firstStartMs());
    const auto to = double(model.lastStartMs());
    const QList<QPointF> points = model.downsampled(ChartMetric::Added, from, to, buckets);
    QVERIFY(points.size() <= std::max(4 * buckets, runs));
    QVERIFY(std::is_sorted(points.cbegin(), points.cend(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    auto hasPoint = [&](int n, double v) {
        const double x = double(Epoch.addSecs(qint64(n) * 3600).toMSecsSinceEpoch());
        return std::any_of(points.cbegin(), points.cend(),
                           [&](const QPointF &p) { return p.x() == x && p.y() == v; });
    };
    QVERIFY2(hasPoint(spikeAt, 100000), "the spike was dropped");
    QVERIFY2(hasPoint(dipAt, 0), "the minimum was dropped");
    QVERIFY(hasPoint(0, model.value(0, ChartMetric::Added).value_or(-1)));
    QVERIFY(hasPoint(runs - 1, model.value(runs - 1, ChartMetric::Added).value_or(-1)));
    if (runs > 4 * buckets)
        QVERIFY(points.size() < runs / 2);
    else
        QCOMPARE(points.size(), runs);
    // Every point is a real run, never an average.
    for (const QPointF &p : points) {
        const int i = model.nearestIndex(p.x());
        QCOMPARE(double(model.startMs(i)), p.x());
        QCOMPARE(model.value(i, ChartMetric::Added).value_or(-1), p.y());
    }
    const QList<QPointF> durations
        = model.downsampled(ChartMetric::DurationSeconds, from, to, runs + 10);
    QCOMPARE(durations.size(), runs); // the running job has no duration
}

void TestRunHistory::statusMarksKeepEveryFailure_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("buckets");
    QTest::newRow("20000 runs, 600 px") << 20000 << 600;
    QTest::newRow("few runs") << 50 << 600;
}

void TestRunHistory::statusMarksKeepEveryFailure()
{
    QFETCH(int, runs);
    QFETCH(int, buckets);
    QList<SyncJob> page;
    QList<int> failures = {0, 1, runs / 3, runs / 3 + 1, runs - 1};
    for (int n = 0; n < runs; ++n)
        page.append(run(n, failures.contains(n) ? "FAILED" : "SUCCEEDED"));
    RunHistory model;
    model.appendJobs(page);
    const auto from = double(model.firstStartMs());
    const auto to = double(model.lastStartMs());
    const QList<double> failed = model.statusMarks(SyncStatus::Failed, from, to, buckets);
    const QList<double> succeeded = model.statusMarks(SyncStatus::Succeeded, from, to, buckets);
    QVERIFY(succeeded.size() <= std::max(buckets, runs));
    const double width = (to - from) / buckets;
    for (int n : failures) {
        const double x = double(Epoch.addSecs(qint64(n) * 3600).toMSecsSinceEpoch());
        // A mark in the same bucket (pixel) as every failure.
        QVERIFY2(std::any_of(failed.cbegin(), failed.cend(),
                             [&](double m) { return std::abs(m - x) <= width; }),
                 qPrintable(QStringLiteral("failure %1 has no mark").arg(n)));
    }
    QVERIFY(model.statusMarks(SyncStatus::Aborted, from, to, buckets).isEmpty());
}

void TestRunHistory::loneFailureKeepsItsMark_data()
{
    QTest::addColumn<int>("failedAt");
    QTest::addColumn<int>("columns");
    QTest::newRow("first of 20,000, 200 columns") << 0 << 200;
    QTest::newRow("middle of 20,000, 200 columns") << 12345 << 200;
    QTest::newRow("last of 20,000, 200 columns") << 19999 << 200;
    QTest::newRow("middle of 20,000, one column") << 7000 << 1;
}

void TestRunHistory::loneFailureKeepsItsMark()
{
    QFETCH(int, failedAt);
    QFETCH(int, columns);
    constexpr int Runs = 20000;
    QList<SyncJob> page;
    page.reserve(Runs);
    for (int n = 0; n < Runs; ++n)
        page.append(run(n, n == failedAt ? "FAILED" : "SUCCEEDED"));
    RunHistory model;
    model.appendJobs(page);
    const auto from = double(model.firstStartMs());
    const auto to = double(model.lastStartMs());
    const LaneMarks marks = model.laneMarks(from, to, columns);
    const QList<double> &failed = marks[size_t(SyncStatus::Failed)];
    // Exactly its own mark, at its own start time.
    QCOMPARE(failed, QList<double> {double(model.startMs(failedAt))});
    // The succeeded lane was reduced: at most a first and a last mark per column.
    const QList<double> &succeeded = marks[size_t(SyncStatus::Succeeded)];
    QVERIFY(!succeeded.isEmpty());
    QVERIFY2(succeeded.size() <= qsizetype(2) * columns,
             qPrintable(QString::number(succeeded.size())));
    QCOMPARE(model.statusMarks(SyncStatus::Failed, from, to, columns), failed);
    for (size_t s = 0; s < marks.size(); ++s) {
        if (s != size_t(SyncStatus::Failed) && s != size_t(SyncStatus::Succeeded))
            QVERIFY(marks[s].isEmpty());
    }
}

void TestRunHistory::laneMarksKeepFirstLastAndEveryStatusPerColumn_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("reduced");
    QTest::newRow("5,000 runs, 97 columns") << 5000 << 97 << true;
    QTest::newRow("20,000 runs, 200 columns") << 20000 << 200 << true;
    QTest::newRow("300 runs, 100 columns") << 300 << 100 << true;
    QTest::newRow("300 runs, 600 columns (no reduction)") << 300 << 600 << false;
    QTest::newRow("40 runs, 600 columns (no reduction)") << 40 << 600 << false;
}

void TestRunHistory::laneMarksKeepFirstLastAndEveryStatusPerColumn()
{
    QFETCH(int, runs);
    QFETCH(int, columns);
    QFETCH(bool, reduced);
    RunHistory model;
    model.appendJobs(syncdeck::test::generateSyncHistory(runs, 5));
    // A part of the range, as a zoomed chart would ask for: runs outside it get no mark.
    const auto first = double(model.firstStartMs());
    const auto last = double(model.lastStartMs());
    const double from = first + (last - first) * 0.1;
    const double to = last - (last - first) * 0.05;
    const LaneMarks marks = model.laneMarks(from, to, columns);
    const auto [a, b] = model.indexRange(from, to);
    QCOMPARE(b - a > columns, reduced);

    // Expected, the slow way: per status and column, the first and the last run.
    const double width = (to - from) / columns;
    auto columnOf
        = [&](double x) { return std::clamp(int(std::floor((x - from) / width)), 0, columns - 1); };
    LaneMarks expected;
    for (int s = 0; s < SyncStatusCount; ++s) {
        QMap<int, std::pair<double, double>> firstLast;
        for (int i = a; i < b; ++i) {
            if (int(model.status(i)) != s)
                continue;
            const auto x = double(model.startMs(i));
            if (!reduced) {
                expected[size_t(s)].append(x);
                continue;
            }
            auto it = firstLast.find(columnOf(x));
            if (it == firstLast.end())
                firstLast.insert(columnOf(x), {x, x});
            else
                it->second = x;
        }
        for (const auto &[f, l] : std::as_const(firstLast)) {
            expected[size_t(s)].append(f);
            if (l != f)
                expected[size_t(s)].append(l);
        }
    }
    int total = 0;
    for (int s = 0; s < SyncStatusCount; ++s) {
        QCOMPARE(marks[size_t(s)], expected[size_t(s)]);
        total += int(marks[size_t(s)].size());
    }
    if (reduced)
        QVERIFY2(total < b - a, qPrintable(QStringLiteral("%1 of %2").arg(total).arg(b - a)));
    else
        QCOMPARE(total, b - a); // every run has its own mark
}

void TestRunHistory::countsPlottedRunsPerStatus()
{
    RunHistory model;
    SyncJob noStart = run(50, "ABORTED");
    noStart.startTime = QDateTime();
    model.appendJobs({run(0, "SUCCEEDED"), run(1, "FAILED"), run(2, "SYNCING"), noStart});
    QCOMPARE(model.plottableCount(SyncStatus::Succeeded), 1);
    QCOMPARE(model.plottableCount(SyncStatus::Failed), 1);
    QCOMPARE(model.plottableCount(SyncStatus::Syncing), 1);
    QCOMPARE(model.plottableCount(SyncStatus::Aborted), 0); // not plotted without a start time
    // The running run finishes: it moves lanes, it is not counted twice.
    SyncJob done = run(2, "SUCCEEDED");
    model.updateJobs({done, done});
    QCOMPARE(model.plottableCount(SyncStatus::Syncing), 0);
    QCOMPARE(model.plottableCount(SyncStatus::Succeeded), 2);
    QCOMPARE(model.plottableCount(), 3);
    model.clear();
    QCOMPARE(model.plottableCount(SyncStatus::Succeeded), 0);
    QCOMPARE(model.plottableCount(SyncStatus::Failed), 0);
}

void TestRunHistory::failureBandsMergeWhenTheyTouch_data()
{
    QTest::addColumn<QString>("statuses"); // one letter per hourly run, oldest first
    QTest::addColumn<double>("padHours");
    QTest::addColumn<QString>("expected"); // "from-to" in hours after the first run
    QTest::newRow("no streak") << QStringLiteral("SFFSF") << 0.5 << QString();
    QTest::newRow("two streaks apart")
        << QStringLiteral("FFFSSSSFFFF") << 0.5 << QStringLiteral("-0.5-2.5 6.5-10.5");
    QTest::newRow("padding makes them touch")
        << QStringLiteral("FFFSSSSFFFF") << 2.5 << QStringLiteral("-2.5-12.5");
    QTest::newRow("padding makes them overlap")
        << QStringLiteral("FFFSSFFFSSSSSSSSSSFFF") << 2.0 << QStringLiteral("-2-9 16-22");
}

void TestRunHistory::failureBandsMergeWhenTheyTouch()
{
    QFETCH(QString, statuses);
    QFETCH(double, padHours);
    QFETCH(QString, expected);
    QList<SyncJob> page;
    for (int n = 0; n < statuses.size(); ++n)
        page.append(run(n, statuses[n] == u'F' ? "FAILED" : "SUCCEEDED"));
    RunHistory model;
    model.appendJobs(page);
    constexpr double HourMs = 3600.0 * 1000;
    const auto origin = double(model.firstStartMs());
    QStringList got;
    const QList<std::pair<double, double>> bands = model.failureBands(3, padHours * HourMs);
    for (const auto &[from, to] : bands) {
        got.append(
            QStringLiteral("%1-%2").arg((from - origin) / HourMs).arg((to - origin) / HourMs));
    }
    QCOMPARE(got.join(u' '), expected);
    // Every run of every streak lies inside a band.
    for (const auto &[first, last] : model.failureStreaks(3)) {
        for (int i = first; i <= last; ++i) {
            const auto x = double(model.startMs(i));
            QVERIFY(std::any_of(bands.cbegin(), bands.cend(), [x](const auto &band) {
                return band.first <= x && x <= band.second;
            }));
        }
    }
}

void TestRunHistory::failureStreaksFollowNewPages()
{
    RunHistory model;
    model.appendJobs({run(0, "SUCCEEDED"), run(1, "FAILED"), run(2, "FAILED")});
    QVERIFY(model.failureStreaks(3).isEmpty());
    QCOMPARE(model.failureStreaks(2).size(), 1);
    model.appendJobs({run(3, "FAILED")});
    QCOMPARE(model.failureStreaks(3), (QList<std::pair<int, int>> {{1, 3}}));
    model.updateJobs({run(2, "SUCCEEDED")}); // a retried run corrected by a live refresh
    QVERIFY(model.failureStreaks(3).isEmpty());
    QCOMPARE(model.failureStreaks(1), (QList<std::pair<int, int>> {{1, 1}, {3, 3}}));
    model.clear();
    QVERIFY(model.failureStreaks(1).isEmpty());
}

void TestRunHistory::bucketsSumRuns_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<int>("buckets");
    QTest::newRow("more runs than buckets") << 3000 << 120;
    QTest::newRow("fewer runs than buckets") << 12 << 40;
    QTest::newRow("one bucket") << 100 << 1;
}

void TestRunHistory::bucketsSumRuns()
{
    QFETCH(int, runs);
    QFETCH(int, buckets);
    RunHistory model;
    model.appendJobs(syncdeck::test::generateSyncHistory(runs, 5));
    const QList<RunBucket> out
        = model.buckets(double(model.firstStartMs()), double(model.lastStartMs()), buckets);
    QCOMPARE(out.size(), buckets);
    int total = 0;
    qint64 added = 0;
    qint64 failedDocs = 0;
    for (const RunBucket &b : out) {
        total += b.runs;
        added += b.added;
        failedDocs += b.failed;
        if (b.runs == 0) {
            QCOMPARE(b.representative, -1);
            continue;
        }
        QVERIFY(b.representative >= 0);
        const auto start = double(model.startMs(b.representative));
        QVERIFY(start >= b.fromMs && start <= b.toMs);
        if (b.failedRuns > 0)
            QCOMPARE(model.status(b.representative), SyncStatus::Failed);
    }
    qint64 expectedAdded = 0;
    qint64 expectedFailed = 0;
    for (int i = 0; i < model.count(); ++i) {
        expectedAdded += model.job(i).metrics.documentsAdded.value_or(0);
        expectedFailed += model.job(i).metrics.documentsFailed.value_or(0);
    }
    QCOMPARE(total, runs);
    QCOMPARE(added, expectedAdded);
    QCOMPARE(failedDocs, expectedFailed);
}

void TestRunHistory::findsNearestRun()
{
    RunHistory model;
    model.appendJobs({run(10, "SUCCEEDED"), run(20, "FAILED"), run(30, "SUCCEEDED")});
    auto at = [](double hours) { return double(Epoch.toMSecsSinceEpoch()) + hours * 3600000.0; };
    QCOMPARE(model.nearestIndex(at(0)), 0);
    QCOMPARE(model.nearestIndex(at(14)), 0);
    QCOMPARE(model.nearestIndex(at(16)), 1);
    QCOMPARE(model.nearestIndex(at(99)), 2);
    QCOMPARE(model.nearestIndex(at(29), statusBit(SyncStatus::Failed)), 1);
    QCOMPARE(model.nearestIndex(at(29), statusBit(SyncStatus::Aborted)), -1);
}

void TestRunHistory::findsFailureStreaks_data()
{
    QTest::addColumn<QString>("statuses"); // one letter per run, oldest first
    QTest::addColumn<int>("minLength");
    QTest::addColumn<QString>("expected"); // "first-last" pairs
    QTest::newRow("none") << QStringLiteral("SSSS") << 3 << QString();
    QTest::newRow("short streak ignored") << QStringLiteral("SFFS") << 3 << QString();
    QTest::newRow("streak in the middle") << QStringLiteral("SFFFS") << 3 << QStringLiteral("1-3");
    QTest::newRow("streak at both ends")
        << QStringLiteral("FFFSFFFF") << 3 << QStringLiteral("0-2 4-7");
    QTest::newRow("running run breaks it") << QStringLiteral("FFRFF") << 3 << QString();
    QTest::newRow("single failures") << QStringLiteral("FSF") << 1 << QStringLiteral("0-0 2-2");
}

void TestRunHistory::findsFailureStreaks()
{
    QFETCH(QString, statuses);
    QFETCH(int, minLength);
    QFETCH(QString, expected);
    QList<SyncJob> page;
    for (int n = 0; n < statuses.size(); ++n) {
        const QChar c = statuses[n];
        page.append(run(n, c == u'F' ? "FAILED" : c == u'R' ? "SYNCING" : "SUCCEEDED"));
    }
    RunHistory model;
    model.appendJobs(page);
    QStringList got;
    for (const auto &[first, last] : model.failureStreaks(minLength))
        got.append(QStringLiteral("%1-%2").arg(first).arg(last));
    QCOMPARE(got.join(u' '), expected);
}

void TestRunHistory::predicateSucceededWithoutScanned_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("scanned"); // -1: absent
    QTest::addColumn<bool>("expected");
    QTest::newRow("succeeded, zero") << QStringLiteral("SUCCEEDED") << qint64(0) << true;
    QTest::newRow("succeeded, absent") << QStringLiteral("SUCCEEDED") << qint64(-1) << true;
    QTest::newRow("succeeded, some") << QStringLiteral("SUCCEEDED") << qint64(3) << false;
    QTest::newRow("failed, zero") << QStringLiteral("FAILED") << qint64(0) << false;
    QTest::newRow("syncing, zero") << QStringLiteral("SYNCING") << qint64(0) << false;
    QTest::newRow("unknown, zero") << QStringLiteral("PAUSED") << qint64(0) << false;
}

void TestRunHistory::predicateSucceededWithoutScanned()
{
    QFETCH(QString, status);
    QFETCH(qint64, scanned);
    QFETCH(bool, expected);
    SyncJob job = run(1, "SUCCEEDED");
    job.status = status;
    job.metrics.documentsScanned.reset();
    if (scanned >= 0)
        job.metrics.documentsScanned = scanned;
    QCOMPARE(isSucceededWithoutScannedDocuments(job), expected);
}

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
