// The AWS time formats: calendar arithmetic against QDateTime, SigV4 dates, ISO 8601 in both
// directions, and HTTP dates in the three forms RFC 9110 names.
#include "aws/awstime.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace syncdeck::aws;

namespace {
QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return {QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()};
}
} // namespace

class TestAwsTime : public QObject
{
    Q_OBJECT
private slots:
    void civilMatchesQDateTime_data();
    void civilMatchesQDateTime();
    void civilMatchesQDateTimeEverywhere();
    void fromCivilRefusesImpossibleTimes_data();
    void fromCivilRefusesImpossibleTimes();
    void amzDate();
    void parseAmzDate_data();
    void parseAmzDate();
    void formatIso8601_data();
    void formatIso8601();
    void parseIso8601_data();
    void parseIso8601();
    void isoRoundTrip();
    void formatHttpDate_data();
    void formatHttpDate();
    void httpDateMatchesQtFormatter();
    void parseHttpDate_data();
    void parseHttpDate();
};

void TestAwsTime::civilMatchesQDateTime_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("year 1") << utc(1, 1, 1);
    QTest::newRow("before the epoch") << utc(1969, 12, 31, 23, 59, 59, 999);
    QTest::newRow("epoch") << utc(1970, 1, 1);
    QTest::newRow("leap day 2000") << utc(2000, 2, 29, 12);
    QTest::newRow("no leap day 2100") << utc(2100, 3, 1);
    QTest::newRow("last millisecond") << utc(9999, 12, 31, 23, 59, 59, 999);
}

void TestAwsTime::civilMatchesQDateTime()
{
    QFETCH(QDateTime, time);
    const qint64 ms = time.toMSecsSinceEpoch();
    const std::optional<awstime::CivilTime> c = awstime::toCivil(ms);
    QVERIFY(c);
    QCOMPARE(c->year, time.date().year());
    QCOMPARE(c->month, time.date().month());
    QCOMPARE(c->day, time.date().day());
    QCOMPARE(c->hour, time.time().hour());
    QCOMPARE(c->minute, time.time().minute());
    QCOMPARE(c->second, time.time().second());
    QCOMPARE(c->msec, time.time().msec());
    QCOMPARE(awstime::fromCivil(*c), std::optional<qint64>(ms));
    QCOMPARE(awstime::toDateTime(ms), time);
}

void TestAwsTime::civilMatchesQDateTimeEverywhere()
{
    // From year 1: QDate has no year 0 (its year -1 is the astronomical year 0).
    QRandomGenerator rng(2024);
    const qint64 first = utc(1, 1, 1).toMSecsSinceEpoch();
    const qint64 last = utc(9999, 12, 31, 23, 59, 59, 999).toMSecsSinceEpoch();
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = first + qint64(rng.bounded(quint64(last - first + 1)));
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        const std::optional<awstime::CivilTime> c = awstime::toCivil(ms);
        QVERIFY(c);
        const awstime::CivilTime expected {t.date().year(), t.date().month(),  t.date().day(),
                                           t.time().hour(), t.time().minute(), t.time().second(),
                                           t.time().msec()};
        QVERIFY2(*c == expected, qPrintable(t.toString(Qt::ISODateWithMs)));
        QCOMPARE(awstime::fromCivil(*c), std::optional<qint64>(ms));
    }
    // Four digits of year: 0000-01-01 is the first instant, 9999-12-31T23:59:59.999 the last.
    const qint64 yearZero = awstime::daysFromCivil(0, 1, 1) * 86400000;
    QCOMPARE(awstime::toCivil(yearZero), std::optional(awstime::CivilTime {0, 1, 1, 0, 0, 0, 0}));
    QVERIFY(!awstime::toCivil(yearZero - 1));
    QVERIFY(!awstime::toCivil(last + 1));
}

void TestAwsTime::fromCivilRefusesImpossibleTimes_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<int>("hour");
    QTest::addColumn<int>("minute");
    QTest::newRow("February 30") << 2024 << 2 << 30 << 0 << 0;
    QTest::newRow("February 29, 2100") << 2100 << 2 << 29 << 0 << 0;
    QTest::newRow("month 13") << 2024 << 13 << 1 << 0 << 0;
    QTest::newRow("month 0") << 2024 << 0 << 1 << 0 << 0;
    QTest::newRow("day 0") << 2024 << 1 << 0 << 0 << 0;
    QTest::newRow("April 31") << 2024 << 4 << 31 << 0 << 0;
    QTest::newRow("hour 24") << 2024 << 1 << 1 << 24 << 0;
    QTest::newRow("minute 60") << 2024 << 1 << 1 << 0 << 60;
}

void TestAwsTime::fromCivilRefusesImpossibleTimes()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(int, hour);
    QFETCH(int, minute);
    QVERIFY(!awstime::fromCivil({year, month, day, hour, minute, 0, 0}));
}

void TestAwsTime::amzDate()
{
    // The signer's rows live in tst_sigv4 (formatsSigningTime); here what the signer does not
    // reach: invalid and out-of-range times.
    QCOMPARE(awstime::amzDate(QDateTime()), QByteArray());
    QCOMPARE(awstime::dateStamp(QDateTime()), QByteArray());
    QCOMPARE(awstime::amzDate(utc(10000, 1, 1)), QByteArray());
    QVERIFY(!awstime::formatAmzDate(utc(10000, 1, 1).toMSecsSinceEpoch()));
    const QByteArray text(awstime::formatAmzDate(0)->data(), 16);
    QCOMPARE(text, QByteArray("19700101T000000Z"));
}

void TestAwsTime::parseAmzDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    QTest::newRow("suite") << QByteArray("20150830T123600Z") << utc(2015, 8, 30, 12, 36);
    QTest::newRow("leap day") << QByteArray("20240229T235959Z") << utc(2024, 2, 29, 23, 59, 59);
    QTest::newRow("leap second") << QByteArray("20161231T235960Z") << utc(2016, 12, 31, 23, 59, 59);
    QTest::newRow("no Z") << QByteArray("20150830T123600") << QDateTime();
    QTest::newRow("extended format") << QByteArray("2015-08-30T12:36:00Z") << QDateTime();
    QTest::newRow("letters") << QByteArray("2015O830T123600Z") << QDateTime();
    QTest::newRow("February 30") << QByteArray("20240230T000000Z") << QDateTime();
    QTest::newRow("hour 24") << QByteArray("20240101T240000Z") << QDateTime();
    QTest::newRow("trailing") << QByteArray("20150830T123600Zx") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestAwsTime::parseAmzDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const std::optional<qint64> ms = awstime::parseAmzDate(text);
    QCOMPARE(ms.has_value(), expected.isValid());
    if (ms)
        QCOMPARE(*ms, expected.toMSecsSinceEpoch());
}

void TestAwsTime::formatIso8601_data()
{
    // More rows in tst_jsoncodec (queryTimestamp) and tst_exportjobs (isoUtc), which use it.
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole seconds") << utc(2024, 5, 1, 12) << QByteArray("2024-05-01T12:00:00Z");
    QTest::newRow("milliseconds") << utc(2024, 5, 1, 12, 0, 0, 5)
                                  << QByteArray("2024-05-01T12:00:00.005Z");
    QTest::newRow("before the epoch")
        << utc(1969, 12, 31, 23, 59, 59, 999) << QByteArray("1969-12-31T23:59:59.999Z");
    QTest::newRow("year 1") << utc(1, 1, 1) << QByteArray("0001-01-01T00:00:00Z");
    QTest::newRow("offset") << QDateTime(QDate(2024, 5, 1), QTime(14, 0), QTimeZone(7200))
                            << QByteArray("2024-05-01T12:00:00Z");
    QTest::newRow("invalid") << QDateTime() << QByteArray();
}

void TestAwsTime::formatIso8601()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(awstime::iso8601(time), expected);
    if (time.isValid())
        QCOMPARE(awstime::formatIso8601(time.toMSecsSinceEpoch()), std::optional(expected));
}

void TestAwsTime::parseIso8601_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("missingZoneIsUtc");
    QTest::addColumn<bool>("dateAlone");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    const QDateTime noon = utc(2024, 5, 1, 12);
    QTest::newRow("Z") << QStringLiteral("2024-05-01T12:00:00Z") << false << false << noon;
    QTest::newRow("lowercase") << QStringLiteral("2024-05-01t12:00:00z") << false << false << noon;
    QTest::newRow("space") << QStringLiteral("2024-05-01 12:00:00Z") << false << false << noon;
    QTest::newRow("+02:00") << QStringLiteral("2024-05-01T14:00:00+02:00") << false << false
                            << noon;
    QTest::newRow("+0200") << QStringLiteral("2024-05-01T14:00:00+0200") << false << false << noon;
    QTest::newRow("+02") << QStringLiteral("2024-05-01T14:00:00+02") << false << false << noon;
    QTest::newRow("-05:30") << QStringLiteral("2024-05-01T06:30:00-05:30") << false << false
                            << noon;
    QTest::newRow("crosses the day")
        << QStringLiteral("2024-05-02T01:00:00+13:00") << false << false << noon;
    QTest::newRow("no seconds") << QStringLiteral("2024-05-01T12:00Z") << false << false << noon;
    QTest::newRow("fraction 1") << QStringLiteral("2024-05-01T12:00:00.5Z") << false << false
                                << noon.addMSecs(500);
    QTest::newRow("fraction 3") << QStringLiteral("2024-05-01T12:00:00.250Z") << false << false
                                << noon.addMSecs(250);
    QTest::newRow("fraction 9") << QStringLiteral("2024-05-01T12:00:00.123456789Z") << false
                                << false << noon.addMSecs(123);
    QTest::newRow("comma fraction")
        << QStringLiteral("2024-05-01T12:00:00,25Z") << false << false << noon.addMSecs(250);
    QTest::newRow("fraction 10") << QStringLiteral("2024-05-01T12:00:00.1234567890Z") << false
                                 << false << QDateTime();
    QTest::newRow("empty fraction")
        << QStringLiteral("2024-05-01T12:00:00.Z") << false << false << QDateTime();
    QTest::newRow("leap second") << QStringLiteral("2016-12-31T23:59:60Z") << false << false
                                 << utc(2016, 12, 31, 23, 59, 59);
    QTest::newRow("no zone refused")
        << QStringLiteral("2024-05-01T12:00:00") << false << false << QDateTime();
    QTest::newRow("no zone is UTC")
        << QStringLiteral("2024-05-01T12:00:00") << true << false << noon;
    QTest::newRow("date refused") << QStringLiteral("2024-05-01") << true << false << QDateTime();
    QTest::newRow("date alone") << QStringLiteral("2024-05-01") << false << true << utc(2024, 5, 1);
    QTest::newRow("month 13") << QStringLiteral("2024-13-01T00:00:00Z") << true << true
                              << QDateTime();
    QTest::newRow("February 30") << QStringLiteral("2024-02-30") << true << true << QDateTime();
    QTest::newRow("hour 25") << QStringLiteral("2024-05-01T25:00:00Z") << false << false
                             << QDateTime();
    QTest::newRow("offset 24h") << QStringLiteral("2024-05-01T12:00:00+24:00") << false << false
                                << QDateTime();
    QTest::newRow("short month") << QStringLiteral("2024-5-01T12:00:00Z") << false << false
                                 << QDateTime();
    QTest::newRow("trailing text")
        << QStringLiteral("2024-05-01T12:00:00Zjunk") << false << false << QDateTime();
    QTest::newRow("double zone") << QStringLiteral("2024-05-01T12:00:00ZZ") << false << false
                                 << QDateTime();
    QTest::newRow("padded") << QStringLiteral(" 2024-05-01T12:00:00Z") << false << false
                            << QDateTime();
    QTest::newRow("non-ASCII digits") << QStringLiteral("\u0662\u0660\u0662\u0664-05-01T12:00:00Z")
                                      << false << false << QDateTime();
    QTest::newRow("empty") << QString() << true << true << QDateTime();
}

void TestAwsTime::parseIso8601()
{
    QFETCH(QString, text);
    QFETCH(bool, missingZoneIsUtc);
    QFETCH(bool, dateAlone);
    QFETCH(QDateTime, expected);
    const std::optional<qint64> ms = awstime::parseIso8601(text, {missingZoneIsUtc, dateAlone});
    QCOMPARE(ms.has_value(), expected.isValid());
    if (ms)
        QCOMPARE(awstime::toDateTime(*ms), expected);
}

void TestAwsTime::isoRoundTrip()
{
    QRandomGenerator rng(8601);
    for (int i = 0; i < 5000; ++i) {
        // Years 0000 to 9999.
        const qint64 first = awstime::daysFromCivil(0, 1, 1) * 86400000;
        const qint64 ms = first + qint64(rng.bounded(quint64(253402300800000 - first)));
        const std::optional<QByteArray> text = awstime::formatIso8601(ms);
        QVERIFY(text);
        QCOMPARE(awstime::parseIso8601(QString::fromLatin1(*text)), std::optional(ms));
    }
}

void TestAwsTime::formatHttpDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("RFC 9110's example")
        << utc(1994, 11, 6, 8, 49, 37) << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::newRow("epoch, a Thursday")
        << utc(1970, 1, 1) << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT");
    QTest::newRow("the day before, a Wednesday")
        << utc(1969, 12, 31, 23, 59, 59, 999) << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT");
    QTest::newRow("leap day") << utc(2024, 2, 29, 12)
                              << QByteArray("Thu, 29 Feb 2024 12:00:00 GMT");
}

void TestAwsTime::formatHttpDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(awstime::httpDate(time.toMSecsSinceEpoch()), expected);
    // Again: the second cached for the thread gives the same text.
    QCOMPARE(awstime::httpDate(time.toMSecsSinceEpoch()), expected);
    const QDateTime wholeSecond = time.addMSecs(-time.time().msec());
    QCOMPARE(awstime::parseHttpDate(expected), std::optional(wholeSecond.toMSecsSinceEpoch()));
}

void TestAwsTime::httpDateMatchesQtFormatter()
{
    // The emulator used QLocale::c() for its Date header; the arithmetic gives the same text.
    QRandomGenerator rng(9110);
    for (int i = 0; i < 2000; ++i) {
        const auto ms = qint64(rng.bounded(quint64(4102444800000)));
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        QCOMPARE(
            awstime::httpDate(ms),
            QLocale::c().toString(t, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
    }
    QCOMPARE(awstime::httpDate(utc(10000, 1, 1).toMSecsSinceEpoch()), QByteArray());
}

void TestAwsTime::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    const QDateTime rfc = utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << rfc;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << rfc;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << rfc;
    QTest::newRow("asctime, two-digit day")
        << QByteArray("Wed May 15 11:50:00 2024") << utc(2024, 5, 15, 11, 50);
    QTest::newRow("RFC 850 in this century")
        << QByteArray("Wednesday, 01-May-24 12:10:00 GMT") << utc(2024, 5, 1, 12, 10);
    QTest::newRow("RFC 850, 69 is 2069")
        << QByteArray("Wednesday, 01-May-69 00:00:00 GMT") << utc(2069, 5, 1);
    QTest::newRow("RFC 850, 70 is 1970")
        << QByteArray("Friday, 01-May-70 00:00:00 GMT") << utc(1970, 5, 1);
    QTest::newRow("extra spaces") << QByteArray("  Sun,  06  Nov  1994  08:49:37  GMT ") << rfc;
    QTest::newRow("month case") << QByteArray("Sun, 06 NOV 1994 08:49:37 GMT") << rfc;
    QTest::newRow("weekday not checked") << QByteArray("Mon, 06 Nov 1994 08:49:37 GMT") << rfc;
    QTest::newRow("no GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37") << QDateTime();
    QTest::newRow("other zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST") << QDateTime();
    QTest::newRow("unknown month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("February 30") << QByteArray("Fri, 30 Feb 2024 00:00:00 GMT") << QDateTime();
    QTest::newRow("no seconds") << QByteArray("Sun, 06 Nov 1994 08:49 GMT") << QDateTime();
    QTest::newRow("trailing") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT x") << QDateTime();
    QTest::newRow("ISO 8601") << QByteArray("2024-05-01T12:00:00Z") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestAwsTime::parseHttpDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const std::optional<qint64> ms = awstime::parseHttpDate(text);
    QCOMPARE(ms.has_value(), expected.isValid());
    if (ms)
        QCOMPARE(awstime::toDateTime(*ms), expected);
}

QTEST_GUILESS_MAIN(TestAwsTime)
#include "tst_awstime.moc"
