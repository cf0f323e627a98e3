#include "launchoptions.h"

#include <QTest>

using syncdeck::ui::LaunchOptions;
using syncdeck::ui::LaunchParse;

namespace {
const QString App = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000a");
const QString Idx = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000b");
const QString Ds = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000000c");
} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void fullCommandLine();
};

void TestLaunchOptions::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("errorContains");
    const QString s = QStringLiteral("syncdeck");
    QTest::newRow("nothing") << QStringList {s} << true << QString();
    QTest::newRow("demo") << QStringList {s, QStringLiteral("--demo")} << true << QString();
    QTest::newRow("demo and profile")
        << QStringList {s, QStringLiteral("--demo"), QStringLiteral("--profile"),
                        QStringLiteral("p")}
        << false << QStringLiteral("exclude");
    QTest::newRow("state without demo")
        << QStringList {s, QStringLiteral("--demo-state"), QStringLiteral("f.json")} << false
        << QStringLiteral("needs --demo");
    QTest::newRow("missing index") << QStringList {s, QStringLiteral("--application-id"), App,
                                                   QStringLiteral("--data-source-id"), Ds}
                                   << false << QStringLiteral("--index-id is missing");
    QTest::newRow("bad id") << QStringList {s,
                                            QStringLiteral("--application-id"),
                                            QStringLiteral("x"),
                                            QStringLiteral("--index-id"),
                                            Idx,
                                            QStringLiteral("--data-source-id"),
                                            Ds}
                            << false << QStringLiteral("not a Q Business ID");
    QTest::newRow("bad status") << QStringList {s, QStringLiteral("--status-filter"),
                                                QStringLiteral("failed!")}
                                << false << QStringLiteral("FAILED");
    QTest::newRow("unknown status kept")
        << QStringList {s, QStringLiteral("--status-filter"), QStringLiteral("PAUSED")} << true
        << QString();
    QTest::newRow("bad time") << QStringList {s, QStringLiteral("--start-time"),
                                              QStringLiteral("yesterday")}
                              << false << QStringLiteral("ISO 8601");
    QTest::newRow("end before start")
        << QStringList {s, QStringLiteral("--start-time"), QStringLiteral("2024-05-02"),
                        QStringLiteral("--end-time"), QStringLiteral("2024-05-01")}
        << false << QStringLiteral("after");
    QTest::newRow("unknown option")
        << QStringList {s, QStringLiteral("--nope")} << false << QStringLiteral("nope");
    QTest::newRow("positional") << QStringList {s, QStringLiteral("extra")} << false
                                << QStringLiteral("extra");
}

void TestLaunchOptions::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QFETCH(QString, errorContains);
    LaunchOptions options;
    LaunchParse parse;
    QString error;
    QCOMPARE(syncdeck::ui::parseLaunchOptions(args, &options, &parse, &error), ok);
    if (!ok)
        QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestLaunchOptions::fullCommandLine()
{
    LaunchOptions o;
    LaunchParse parse;
    QString error;
    QVERIFY2(syncdeck::ui::parseLaunchOptions(
                 {QStringLiteral("syncdeck"), QStringLiteral("--profile"), QStringLiteral("work"),
                  QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                  QStringLiteral("--application-id"), App, QStringLiteral("--index-id"), Idx,
                  QStringLiteral("--data-source-id"), Ds, QStringLiteral("--status-filter"),
                  QStringLiteral("FAILED"), QStringLiteral("--start-time"),
                  QStringLiteral("2024-05-01T12:00:00Z")},
                 &o, &parse, &error),
             qPrintable(error));
    QCOMPARE(o.profile, QStringLiteral("work"));
    QCOMPARE(o.region, QStringLiteral("eu-west-1"));
    QCOMPARE(o.applicationId, App);
    QCOMPARE(o.indexId, Idx);
    QCOMPARE(o.dataSourceId, Ds);
    QCOMPARE(o.statusFilter, QStringLiteral("FAILED"));
    QCOMPARE(o.startTime.toSecsSinceEpoch(), qint64(1714564800));
    QVERIFY(!o.demo);
}

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
