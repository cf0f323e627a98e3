// Calendar ticks for the charts' time axes: each tick on a boundary of the local calendar, each
// label once, never more ticks than asked, the zone said in the title.
#include "charts/timeticks.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

using syncdeck::ui::charts::calendarTicks;
using syncdeck::ui::charts::roundBucketMs;

namespace {
constexpr qint64 Hour = 3600LL * 1000;
constexpr qint64 Day = 24 * Hour;
} // namespace

class TestTimeTicks : public QObject
{
    Q_OBJECT
private slots:
    void ticksOnCalendarBoundaries_data();
    void ticksOnCalendarBoundaries();
    void roundBuckets_data();
    void roundBuckets();
};

void TestTimeTicks::ticksOnCalendarBoundaries_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("maxTicks");
    QTest::newRow("5 hours") << 5 * Hour << 8;
    QTest::newRow("30 hours") << 30 * Hour << 8;
    QTest::newRow("6 days, narrow") << 6 * Day << 4;
    QTest::newRow("6 days") << 6 * Day << 10;
    QTest::newRow("40 days") << 40 * Day << 8;
    QTest::newRow("2 years") << 730 * Day << 6;
    QTest::newRow("a minute") << qint64(60000) << 5;
}

void TestTimeTicks::ticksOnCalendarBoundaries()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, maxTicks);
    // A zone an hour east of UTC with no daylight saving: boundaries differ from UTC's.
    const QTimeZone zone(3600);
    const qint64 from = QDateTime(QDate(2026, 12, 2), QTime(13, 37, 11), zone).toMSecsSinceEpoch();
    const auto t = calendarTicks(from, from + spanMs, maxTicks, zone);
    QVERIFY(t.fromMs <= from);
    QVERIFY(t.toMs >= from + spanMs);
    QVERIFY(t.tickCount >= 2);
    QVERIFY2(t.tickCount <= maxTicks, qPrintable(QString::number(t.tickCount)));
    QCOMPARE(t.toMs - t.fromMs, t.stepMs * (t.tickCount - 1));
    QSet<QString> labels;
    for (int i = 0; i < t.tickCount; ++i) {
        const QDateTime tick = QDateTime::fromMSecsSinceEpoch(t.fromMs + i * t.stepMs, zone);
        QCOMPARE(tick.time().minute(), 0);
        QCOMPARE(tick.time().second(), 0);
        if (t.stepMs >= Day)
            QCOMPARE(tick.time(), QTime(0, 0));
        else
            QCOMPARE(tick.time().hour() % int(t.stepMs / Hour), 0);
        if (t.stepMs >= 7 * Day)
            QCOMPARE(tick.date().dayOfWeek(), 1);
        labels.insert(tick.toString(t.format));
    }
    QCOMPARE(labels.size(), t.tickCount); // each label once
    QVERIFY2(t.title.contains(QLatin1String("UTC+01:00")), qPrintable(t.title));
    // The ticks never start more than a step before the first run.
    QVERIFY(from - t.fromMs < t.stepMs);
}

void TestTimeTicks::roundBuckets_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("maxBuckets");
    QTest::addColumn<qint64>("bucketMs");
    QTest::newRow("a day in 30 bars: hours") << Day << 30 << Hour;
    QTest::newRow("a week in 30 bars: 6 hours") << 7 * Day << 30 << 6 * Hour;
    QTest::newRow("a month in 40 bars: days") << 30 * Day << 40 << Day;
    QTest::newRow("half a year in 40 bars: weeks") << 182 * Day << 40 << 7 * Day;
}

void TestTimeTicks::roundBuckets()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, maxBuckets);
    QFETCH(qint64, bucketMs);
    QCOMPARE(roundBucketMs(0, spanMs, maxBuckets), bucketMs);
}

QTEST_GUILESS_MAIN(TestTimeTicks)
#include "tst_timeticks.moc"
