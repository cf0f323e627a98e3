// Time arguments (--start-time / --end-time of the CLI and the dashboard): ISO 8601, epoch
// seconds and spans back from now; no zone means UTC.
#include "aws/timeargument.h"

#include <QTest>

using namespace syncdeck::aws;

class TestTimeArgument : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
};

void TestTimeArgument::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: an error
    const QDateTime now(QDate(2024, 5, 8), QTime(12, 0), Qt::UTC);
    QTest::newRow("7d") << QStringLiteral("7d") << now.addDays(-7);
    QTest::newRow("24h") << QStringLiteral("24h") << now.addSecs(qint64(-24) * 3600);
    QTest::newRow("90m") << QStringLiteral("90m") << now.addSecs(qint64(-90) * 60);
    QTest::newRow("30s") << QStringLiteral("30s") << now.addSecs(-30);
    QTest::newRow("2w") << QStringLiteral("2w") << now.addDays(-14);
    QTest::newRow("iso Z") << QStringLiteral("2024-05-01T12:00:00Z")
                           << QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("iso offset") << QStringLiteral("2024-05-01T14:00:00+02:00")
                                << QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("iso ms") << QStringLiteral("2024-05-01T12:00:00.250Z")
                            << QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);
    QTest::newRow("no zone is UTC") << QStringLiteral("2024-05-01T12:00:00")
                                    << QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("date only") << QStringLiteral("2024-05-01")
                               << QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("epoch") << QStringLiteral("1714564800")
                           << QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("padded") << QStringLiteral(" 7d ") << now.addDays(-7);
    QTest::newRow("no unit") << QStringLiteral("7") << QDateTime();
    QTest::newRow("unknown unit") << QStringLiteral("7y") << QDateTime();
    QTest::newRow("negative") << QStringLiteral("-7d") << QDateTime();
    QTest::newRow("words") << QStringLiteral("yesterday") << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("before 1970") << QStringLiteral("999999999d") << QDateTime();
    QTest::newRow("bad date") << QStringLiteral("2024-13-01T00:00:00Z") << QDateTime();
    // Found by fuzzing (tests/fuzz/regressions/timeargument): a date followed by anything was
    // taken as that date's midnight.
    QTest::newRow("bad hour") << QStringLiteral("2024-05-01T25:00:00Z") << QDateTime();
    QTest::newRow("date and junk") << QStringLiteral("3001)01)01d") << QDateTime();
    QTest::newRow("date and a word") << QStringLiteral("2024-05-01 noon") << QDateTime();
}

void TestTimeArgument::parse()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime now(QDate(2024, 5, 8), QTime(12, 0), Qt::UTC);
    QString error;
    const QDateTime t = parseTimeArgument(text, now, &error);
    QCOMPARE(t, expected);
    QCOMPARE(error.isEmpty(), expected.isValid());
    if (t.isValid())
        QCOMPARE(t.timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestTimeArgument)
#include "tst_timeargument.moc"
