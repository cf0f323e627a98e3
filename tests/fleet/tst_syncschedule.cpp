// Schedule expressions as EventBridge reads them (the syncSchedule of GetDataSource): what
// parses, the error for what does not, and fire times, in UTC, around month, year and leap
// day boundaries.
#include "fleet/syncschedule.h"

#include <QTest>
#include <QTimeZone>

using syncdeck::fleet::SyncSchedule;

namespace {
QDateTime at(const char *iso)
{
    if (!*iso)
        return {};
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}
} // namespace

class TestSyncSchedule : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void fireTimes_data();
    void fireTimes();
    void forwardAndBackwardAgree_data();
    void forwardAndBackwardAgree();
    void periods_data();
    void periods();
    void describe_data();
    void describe();
    void localTimesAreReadAsUtc();
};

void TestSyncSchedule::valid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("rateSeconds");
    const int onDemand = int(SyncSchedule::Kind::OnDemand);
    const int rate = int(SyncSchedule::Kind::Rate);
    const int cron = int(SyncSchedule::Kind::Cron);
    QTest::newRow("empty") << QString() << onDemand << qint64(0);
    QTest::newRow("blank") << QStringLiteral("  ") << onDemand << qint64(0);
    QTest::newRow("rate 1 minute") << QStringLiteral("rate(1 minute)") << rate << qint64(60);
    QTest::newRow("rate 5 minutes") << QStringLiteral("rate(5 minutes)") << rate << qint64(300);
    QTest::newRow("rate 1 hour") << QStringLiteral("rate(1 hour)") << rate << qint64(3600);
    QTest::newRow("rate 12 hours") << QStringLiteral("rate(12 hours)") << rate << qint64(43200);
    QTest::newRow("rate 1 day") << QStringLiteral("rate(1 day)") << rate << qint64(86400);
    QTest::newRow("rate 7 days") << QStringLiteral("rate(7 days)") << rate << qint64(604800);
    QTest::newRow("rate spaces") << QStringLiteral(" rate( 15   minutes ) ") << rate << qint64(900);
    QTest::newRow("hourly") << QStringLiteral("cron(0 * * * ? *)") << cron << qint64(0);
    QTest::newRow("every 15 min") << QStringLiteral("cron(0/15 * * * ? *)") << cron << qint64(0);
    QTest::newRow("star step") << QStringLiteral("cron(0 */6 * * ? *)") << cron << qint64(0);
    QTest::newRow("weekdays") << QStringLiteral("cron(0 9 ? * MON-FRI *)") << cron << qint64(0);
    QTest::newRow("last friday") << QStringLiteral("cron(15 10 ? * 6L *)") << cron << qint64(0);
    QTest::newRow("last day") << QStringLiteral("cron(0 0 L * ? *)") << cron << qint64(0);
    QTest::newRow("last weekday") << QStringLiteral("cron(0 0 LW * ? *)") << cron << qint64(0);
    QTest::newRow("nearest weekday") << QStringLiteral("cron(0 0 15W * ? *)") << cron << qint64(0);
    QTest::newRow("second tuesday") << QStringLiteral("cron(0 12 ? * 3#2 *)") << cron << qint64(0);
    QTest::newRow("named second tuesday")
        << QStringLiteral("cron(0 12 ? * TUE#2 *)") << cron << qint64(0);
    QTest::newRow("lists and ranges")
        << QStringLiteral("cron(0,30 8-17 1,15 JAN-MAR,DEC ? 2024-2030)") << cron << qint64(0);
    QTest::newRow("lowercase names")
        << QStringLiteral("cron(0 0 1 jan ? 2030-2031)") << cron << qint64(0);
    QTest::newRow("wrapping hours") << QStringLiteral("cron(0 22-2 * * ? *)") << cron << qint64(0);
    QTest::newRow("wrapping weekdays")
        << QStringLiteral("cron(0 0 ? * FRI-MON *)") << cron << qint64(0);
    QTest::newRow("saturday as L") << QStringLiteral("cron(0 0 ? * L *)") << cron << qint64(0);
    QTest::newRow("range step") << QStringLiteral("cron(5-50/15 * * * ? *)") << cron << qint64(0);
    QTest::newRow("extra spaces") << QStringLiteral("cron( 0  *  *  * ?  * )") << cron << qint64(0);
}

void TestSyncSchedule::valid()
{
    QFETCH(QString, expression);
    QFETCH(int, kind);
    QFETCH(qint64, rateSeconds);
    const SyncSchedule s = SyncSchedule::parse(expression);
    QVERIFY2(s.isValid(), qPrintable(s.error()));
    QCOMPARE(int(s.kind()), kind);
    QCOMPARE(s.rateSeconds(), rateSeconds);
    QVERIFY(s.error().isEmpty());
    QCOMPARE(s.expression(), expression.trimmed());
}

void TestSyncSchedule::invalid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *expr, const char *message) {
        QTest::newRow(name) << QString::fromLatin1(expr) << QString::fromLatin1(message);
    };
    row("five fields", "cron(0 * * * *)", "has 6 fields");
    row("seven fields", "cron(0 0 * * * ? *)", "this one has 7");
    row("both days", "cron(0 * * * * *)", "cannot both be given");
    row("neither day", "cron(0 * ? * ? *)", "both '?'");
    row("minute 60", "cron(60 * * * ? *)", "60 is out of range for minutes (0-59)");
    row("hour 24", "cron(0 24 * * ? *)", "24 is out of range for hours (0-23)");
    row("day 32", "cron(0 0 32 * ? *)", "out of range for day-of-month (1-31)");
    row("day 0", "cron(0 0 0 * ? *)", "out of range for day-of-month");
    row("month 13", "cron(0 0 * 13 ? *)", "out of range for month (1-12)");
    row("unix sunday 0", "cron(0 0 ? * 0 *)", "out of range for day-of-week (1-7)");
    row("weekday 8", "cron(0 0 ? * 8 *)", "out of range for day-of-week");
    row("year 1969", "cron(0 0 * * ? 1969)", "out of range for year (1970-2199)");
    row("year 2200", "cron(0 0 * * ? 2200)", "out of range for year");
    row("backwards years", "cron(0 0 * * ? 2030-2025)", "runs backwards");
    row("step 0", "cron(0/0 * * * ? *)", "the step after '/' must be a whole number from 1 to 60");
    row("step too large", "cron(0 0/25 * * ? *)", "from 1 to 24");
    row("word", "cron(a * * * ? *)", "'a' is not a minutes value (expected a number 0-59)");
    row("bad month name", "cron(0 0 1 JANUARY ? *)", "or a name JAN-DEC");
    row("slash in weekdays", "cron(0 0 ? * MON/2 *)", "does not allow '/' in day-of-week");
    row("two hashes", "cron(0 0 ? * 3#1,6#3 *)", "one expression only");
    row("sixth tuesday", "cron(0 0 ? * 3#6 *)", "1 to 5");
    row("L in a list", "cron(0 0 L,15 * ? *)", "stand alone");
    row("L offset", "cron(0 0 L-3 * ? *)", "stand alone");
    row("W in a list", "cron(0 0 1W,15 * ? *)", "stand alone");
    row("nL in a list", "cron(0 0 ? * 1,5L *)", "stand alone");
    row("empty item", "cron(0 0 1,,2 * ? *)", "an empty item in the day-of-month field");
    row("rate zero", "rate(0 minutes)", "whole number from 1");
    row("rate 1 plural", "rate(1 minutes)", "the unit is singular: rate(1 minute)");
    row("rate 5 singular", "rate(5 hour)", "the unit is plural: rate(5 hours)");
    row("rate weeks", "rate(2 weeks)", "minute(s), hour(s) or day(s)");
    row("rate word", "rate(five minutes)", "rate(N unit)");
    row("rate negative", "rate(-5 minutes)", "rate(N unit)");
    row("rate empty", "rate()", "rate(N unit)");
    row("rate huge", "rate(99999999999 days)", "whole number from 1");
    row("prose", "every 5 minutes", "neither cron(...) nor rate(...)");
    row("unclosed", "cron(0 * * * ? *", "neither cron(...) nor rate(...)");
    row("one-time", "at(2024-01-01T00:00:00)", "neither cron(...) nor rate(...)");
    row("unix crontab", "0 * * * *", "neither cron(...) nor rate(...)");
}

void TestSyncSchedule::invalid()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    const SyncSchedule s = SyncSchedule::parse(expression);
    QVERIFY(!s.isValid());
    QCOMPARE(int(s.kind()), int(SyncSchedule::Kind::Invalid));
    QVERIFY2(s.error().contains(message), qPrintable(s.error()));
    // The error quotes the expression, so a row of many data sources says which one.
    QVERIFY2(s.error().contains(expression.trimmed()), qPrintable(s.error()));
    QVERIFY(!s.nextFire(at("2024-05-01T00:00:00")).isValid());
    QVERIFY(!s.previousFire(at("2024-05-01T00:00:00")).isValid());
    QVERIFY(!s.periodSecondsAt(at("2024-05-01T00:00:00")));
}

void TestSyncSchedule::fireTimes_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("anchor");
    QTest::addColumn<QDateTime>("next"); // strictly after `from`
    QTest::addColumn<QDateTime>("previous"); // at or before `from`
    const auto row = [](const char *name, const char *expr, const char *from, const char *next,
                        const char *previous, const char *anchor = "") {
        QTest::newRow(name) << QString::fromLatin1(expr) << at(from) << at(anchor) << at(next)
                            << at(previous);
    };
    row("hourly", "cron(0 * * * ? *)", "2024-05-01T10:30:00", "2024-05-01T11:00:00",
        "2024-05-01T10:00:00");
    row("hourly on the hour", "cron(0 * * * ? *)", "2024-05-01T10:00:00", "2024-05-01T11:00:00",
        "2024-05-01T10:00:00");
    row("hourly seconds after", "cron(0 * * * ? *)", "2024-05-01T10:00:59", "2024-05-01T11:00:00",
        "2024-05-01T10:00:00");
    row("quarter hours", "cron(0/15 * * * ? *)", "2024-05-01T10:31:20", "2024-05-01T10:45:00",
        "2024-05-01T10:30:00");
    row("six hours over midnight", "cron(0 */6 * * ? *)", "2024-05-01T23:59:00",
        "2024-05-02T00:00:00", "2024-05-01T18:00:00");
    row("daily over new year", "cron(0 2 * * ? *)", "2024-12-31T03:00:00", "2025-01-01T02:00:00",
        "2024-12-31T02:00:00");
    row("weekdays over the weekend", "cron(0 9 ? * MON-FRI *)", "2024-05-03T10:00:00",
        "2024-05-06T09:00:00", "2024-05-03T09:00:00");
    row("weekdays from monday dawn", "cron(0 9 ? * MON-FRI *)", "2024-05-06T08:00:00",
        "2024-05-06T09:00:00", "2024-05-03T09:00:00");
    row("last friday", "cron(15 10 ? * 6L *)", "2024-05-01T00:00:00", "2024-05-31T10:15:00",
        "2024-04-26T10:15:00");
    row("last day in a leap year", "cron(0 0 L * ? *)", "2024-02-10T00:00:00",
        "2024-02-29T00:00:00", "2024-01-31T00:00:00");
    row("last day in a common year", "cron(0 0 L * ? *)", "2023-02-10T00:00:00",
        "2023-02-28T00:00:00", "2023-01-31T00:00:00");
    row("last weekday (31st a saturday)", "cron(0 0 LW * ? *)", "2024-08-01T00:00:00",
        "2024-08-30T00:00:00", "2024-07-31T00:00:00");
    row("1W on a saturday is monday the 3rd", "cron(0 0 1W * ? *)", "2024-06-01T00:00:01",
        "2024-06-03T00:00:00", "2024-05-01T00:00:00");
    row("15W on a sunday is monday", "cron(0 0 15W * ? *)", "2024-09-01T00:00:00",
        "2024-09-16T00:00:00", "2024-08-15T00:00:00");
    row("31W skips 30-day months", "cron(0 0 31W * ? *)", "2024-06-01T00:00:00",
        "2024-07-31T00:00:00", "2024-05-31T00:00:00");
    row("second tuesday", "cron(0 12 ? * 3#2 *)", "2024-05-01T00:00:00", "2024-05-14T12:00:00",
        "2024-04-09T12:00:00");
    row("fifth friday skips months without one", "cron(0 0 ? * 6#5 *)", "2024-04-01T00:00:00",
        "2024-05-31T00:00:00", "2024-03-29T00:00:00");
    row("wrapping hours", "cron(0 22-2 * * ? *)", "2024-05-01T03:00:00", "2024-05-01T22:00:00",
        "2024-05-01T02:00:00");
    row("wrapping weekdays", "cron(0 0 ? * FRI-MON *)", "2024-04-30T12:00:00",
        "2024-05-03T00:00:00", "2024-04-29T00:00:00");
    row("L is saturday", "cron(0 0 ? * L *)", "2024-05-01T00:00:00", "2024-05-04T00:00:00",
        "2024-04-27T00:00:00");
    row("feb 29 only", "cron(0 0 29 2 ? *)", "2024-03-01T00:00:00", "2028-02-29T00:00:00",
        "2024-02-29T00:00:00");
    row("years over", "cron(0 0 1 1 ? 2030)", "2031-01-01T00:00:00", "", "2030-01-01T00:00:00");
    row("years ahead", "cron(0 0 1 1 ? 2030)", "2020-06-01T00:00:00", "2030-01-01T00:00:00", "");
    row("never (30 February)", "cron(0 0 30 2 ? *)", "2024-01-01T00:00:00", "", "");
    row("the last minute of 2199", "cron(59 23 31 12 ? *)", "2199-12-31T23:59:00", "",
        "2199-12-31T23:59:00");
    row("rate anchored", "rate(15 minutes)", "2024-05-01T11:00:00", "2024-05-01T11:07:00",
        "2024-05-01T10:52:00", "2024-05-01T10:07:00");
    row("rate before its anchor", "rate(1 hour)", "2024-05-01T08:30:00", "2024-05-01T09:00:00",
        "2024-05-01T08:00:00", "2024-05-01T10:00:00");
    row("rate from the epoch", "rate(1 day)", "2024-05-01T10:00:00", "2024-05-02T00:00:00",
        "2024-05-01T00:00:00");
    row("on demand", "", "2024-05-01T10:00:00", "", "");
}

void TestSyncSchedule::fireTimes()
{
    QFETCH(QString, expression);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, anchor);
    QFETCH(QDateTime, next);
    QFETCH(QDateTime, previous);
    const SyncSchedule s = SyncSchedule::parse(expression);
    QVERIFY2(s.isValid(), qPrintable(s.error()));
    const QDateTime gotNext = s.nextFire(from, anchor);
    const QDateTime gotPrevious = s.previousFire(from, anchor);
    QCOMPARE(gotNext.isValid(), next.isValid());
    QCOMPARE(gotPrevious.isValid(), previous.isValid());
    if (next.isValid()) {
        QCOMPARE(gotNext, next);
        QCOMPARE(gotNext.timeSpec(), Qt::UTC);
    }
    if (previous.isValid())
        QCOMPARE(gotPrevious, previous);
}

void TestSyncSchedule::forwardAndBackwardAgree_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("steps");
    for (const char *e :
         {"cron(0 * * * ? *)", "cron(7/20 3-5,22-1 * * ? *)", "cron(0 9 ? * MON-FRI *)",
          "cron(30 6 L * ? *)", "cron(0 0 LW * ? *)", "cron(0 0 1W,15W * ? *)" /* invalid */,
          "cron(45 23 ? * 6L *)", "cron(0 12 ? * 2#1 *)", "cron(0 0 1/9 * ? *)",
          "cron(0 0 29 2 ? *)", "cron(0 0 ? * FRI-MON 2024-2026)", "rate(90 minutes)"}) {
        if (SyncSchedule::parse(QString::fromLatin1(e)).isValid())
            QTest::newRow(e) << QString::fromLatin1(e)
                             << (qstrcmp(e, "cron(0 0 29 2 ? *)") ? 400 : 40);
    }
}

// nextFire() and previousFire() are two walks; the fire times they find must be the same.
void TestSyncSchedule::forwardAndBackwardAgree()
{
    QFETCH(QString, expression);
    QFETCH(int, steps);
    const SyncSchedule s = SyncSchedule::parse(expression);
    QDateTime t = at("2023-12-20T17:43:12");
    QList<QDateTime> forward;
    for (int i = 0; i < steps; ++i) {
        t = s.nextFire(t);
        QVERIFY(t.isValid());
        QCOMPARE(t.time().second(), 0);
        QCOMPARE(s.previousFire(t), t); // a fire time is its own previous fire
        forward.append(t);
    }
    QList<QDateTime> backward;
    t = forward.constLast();
    for (int i = 0; i < steps; ++i) {
        backward.prepend(t);
        t = s.previousFire(t.addSecs(-1));
    }
    QCOMPARE(backward, forward);
    // Between two fire times there is none.
    for (int i = 1; i < forward.size(); ++i)
        QCOMPARE(s.nextFire(forward.at(i - 1).addSecs(30)), forward.at(i));
}

void TestSyncSchedule::periods_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<qint64>("seconds"); // -1: none
    QTest::newRow("hourly") << QStringLiteral("cron(0 * * * ? *)") << at("2024-05-01T10:20:00")
                            << qint64(3600);
    QTest::newRow("quarter hours")
        << QStringLiteral("cron(0/15 * * * ? *)") << at("2024-05-01T10:20:00") << qint64(900);
    QTest::newRow("daily") << QStringLiteral("cron(0 2 * * ? *)") << at("2024-05-01T10:20:00")
                           << qint64(86400);
    QTest::newRow("weekdays over a weekend") << QStringLiteral("cron(0 9 ? * MON-FRI *)")
                                             << at("2024-05-04T10:00:00") << qint64(3 * 86400);
    QTest::newRow("weekdays midweek")
        << QStringLiteral("cron(0 9 ? * MON-FRI *)") << at("2024-05-01T10:00:00") << qint64(86400);
    QTest::newRow("rate") << QStringLiteral("rate(2 hours)") << at("2024-05-01T10:00:00")
                          << qint64(7200);
    QTest::newRow("on demand") << QString() << at("2024-05-01T10:00:00") << qint64(-1);
    QTest::newRow("years over") << QStringLiteral("cron(0 0 1 1 ? 2030)")
                                << at("2031-05-01T10:00:00") << qint64(-1);
}

void TestSyncSchedule::periods()
{
    QFETCH(QString, expression);
    QFETCH(QDateTime, at);
    QFETCH(qint64, seconds);
    const auto period = SyncSchedule::parse(expression).periodSecondsAt(at);
    QCOMPARE(period.has_value(), seconds >= 0);
    if (period)
        QCOMPARE(*period, seconds);
}

void TestSyncSchedule::describe_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("words");
    QTest::newRow("on demand") << QString() << QStringLiteral("on demand");
    QTest::newRow("minutes") << QStringLiteral("rate(15 minutes)")
                             << QStringLiteral("every 15 min");
    QTest::newRow("hour and a half")
        << QStringLiteral("rate(90 minutes)") << QStringLiteral("every 1 h 30 min");
    QTest::newRow("day") << QStringLiteral("rate(1 day)") << QStringLiteral("every 1 d");
    QTest::newRow("cron") << QStringLiteral(" cron(0 * * * ? *) ")
                          << QStringLiteral("cron(0 * * * ? *)");
}

void TestSyncSchedule::describe()
{
    QFETCH(QString, expression);
    QFETCH(QString, words);
    QCOMPARE(SyncSchedule::parse(expression).describe(), words);
}

// EventBridge cron has no time zone: 02:00 is 02:00 UTC, whatever zone the caller's time has,
// and a daylight saving change in that zone moves nothing.
void TestSyncSchedule::localTimesAreReadAsUtc()
{
    const SyncSchedule s = SyncSchedule::parse(QStringLiteral("cron(0 2 * * ? *)"));
    const QTimeZone berlin("Europe/Berlin");
    if (!berlin.isValid())
        QSKIP("no time zone data for Europe/Berlin on this machine");
    // 2024-03-31 is the spring-forward day in Berlin: 01:30 local is 00:30 UTC.
    const QDateTime local(QDate(2024, 3, 31), QTime(1, 30), berlin);
    QCOMPARE(s.nextFire(local), at("2024-03-31T02:00:00"));
    QCOMPARE(s.nextFire(at("2024-03-31T02:00:00")), at("2024-04-01T02:00:00"));
    QCOMPARE(*s.periodSecondsAt(local), qint64(86400));
}

QTEST_GUILESS_MAIN(TestSyncSchedule)
#include "tst_syncschedule.moc"
