#include "qbusiness/consolelinks.h"

#include <QTest>

using namespace syncdeck::qbusiness;

namespace {
const QString App = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000a");
const QString Idx = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000b");
const QString Ds = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000c");
} // namespace

class TestConsoleLinks : public QObject
{
    Q_OBJECT
private slots:
    void links();
    void parse_data();
    void parse();
};

void TestConsoleLinks::links()
{
    QCOMPARE(dataSourceConsoleUrl(QStringLiteral("eu-west-1"), App, Idx, Ds).toString(),
             QStringLiteral("https://eu-west-1.console.aws.amazon.com/amazonq/business/"
                            "applications/%1/indices/%2/datasources/%3/details?region=eu-west-1")
                 .arg(App, Idx, Ds));
    QCOMPARE(syncRunLogGroup(App), QStringLiteral("/aws/qbusiness/") + App);
    QCOMPARE(syncRunLogStream(Ds, QStringLiteral("e")),
             QStringLiteral("SYNC_RUN_HISTORY_REPORT/") + Ds + QStringLiteral("/e"));
    const QUrl log = syncRunLogUrl(QStringLiteral("us-east-1"), App, Ds, QStringLiteral("e"));
    QCOMPARE(
        log.toString(QUrl::FullyEncoded),
        QStringLiteral("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                       "#logsV2:log-groups/log-group/$252Faws$252Fqbusiness$252F%1"
                       "/log-events/SYNC_RUN_HISTORY_REPORT$252F%2$252Fe")
            .arg(App, Ds));
}

void TestConsoleLinks::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("three ids") << App + QLatin1Char(' ') + Idx + QLatin1Char(' ') + Ds << true
                               << QString() << QString();
    QTest::newRow("slashes") << App + QLatin1Char('/') + Idx + QLatin1Char('/') + Ds << true
                             << QString() << QString();
    QTest::newRow("arn") << QStringLiteral("arn:aws:qbusiness:us-west-2:123456789012:application/"
                                           "%1/index/%2/data-source/%3")
                                .arg(App, Idx, Ds)
                         << true << QStringLiteral("us-west-2") << QString();
    QTest::newRow("console url")
        << dataSourceConsoleUrl(QStringLiteral("eu-west-1"), App, Idx, Ds).toString() << true
        << QStringLiteral("eu-west-1") << QString();
    QTest::newRow("empty") << QString() << false << QString() << QStringLiteral("Enter");
    QTest::newRow("two ids") << App + QLatin1Char(' ') + Idx << false << QString()
                             << QStringLiteral("three IDs");
    QTest::newRow("short id") << App + QStringLiteral(" abc ") + Ds << false << QString()
                              << QStringLiteral("\"abc\"");
    QTest::newRow("index arn")
        << QStringLiteral("arn:aws:qbusiness:us-east-1:1:application/%1/index/%2").arg(App, Idx)
        << false << QString() << QStringLiteral("data source ARN");
    QTest::newRow("other url") << QStringLiteral("https://example.com/x") << false << QString()
                               << QStringLiteral("datasources");
}

void TestConsoleLinks::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, region);
    QFETCH(QString, errorContains);
    ResourceReference ref;
    QString error;
    QCOMPARE(parseResourceReference(text, &ref, &error), ok);
    if (ok) {
        QCOMPARE(ref.applicationId, App);
        QCOMPARE(ref.indexId, Idx);
        QCOMPARE(ref.dataSourceId, Ds);
        QCOMPARE(ref.region, region);
    } else {
        QVERIFY2(error.contains(errorContains), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestConsoleLinks)
#include "tst_consolelinks.moc"
