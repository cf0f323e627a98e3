// The one CSV cell writer of the export and of `syncdeck-cli --output csv`: RFC 4180 quoting and
// formula neutralisation.
#include "qbusiness/csv.h"

#include <QTest>

using namespace syncdeck::qbusiness;

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void cell_data();
    void cell();
    void row();
};

void TestCsv::cell_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("minus") << QStringLiteral("-1") << QStringLiteral("'-1");
    QTest::newRow("at") << QStringLiteral("@x") << QStringLiteral("'@x");
    QTest::newRow("at function") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
    QTest::newRow("cr") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
    QTest::newRow("apostrophe") << QStringLiteral("'x") << QStringLiteral("''x");
    QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("formula with comma")
        << QStringLiteral("=SUM(1,2)") << QStringLiteral("\"'=SUM(1,2)\"");
    QTest::newRow("formula with comma and quotes")
        << QStringLiteral("=cmd|' /C calc'!A0, \"x\"")
        << QStringLiteral("\"'=cmd|' /C calc'!A0, \"\"x\"\"\"");
}

void TestCsv::cell()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(csvCell(in), out);
}

void TestCsv::row()
{
    QString out = QStringLiteral("a,b\r\n");
    appendCsvRow(out,
                 {QStringLiteral("x"), QString(), QStringLiteral("=1"), QStringLiteral("y,z")});
    QCOMPARE(out, QStringLiteral("a,b\r\nx,,'=1,\"y,z\"\r\n"));
    appendCsvRow(out, {});
    QVERIFY(out.endsWith(QStringLiteral("\"y,z\"\r\n\r\n")));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
