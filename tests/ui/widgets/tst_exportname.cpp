// The names exports propose: the data source, what is exported and when, safe on every file
// system SyncDeck runs on.
#include "widgets/exportname.h"

#include <QTest>
#include <QTimeZone>

using syncdeck::ui::fileNamePart;
using syncdeck::ui::proposedExportName;

class TestExportName : public QObject
{
    Q_OBJECT
private slots:
    void partsAreSafe_data();
    void partsAreSafe();
    void longNamesAreCut();
    void nameHasTheDataSourceAndTheDate();
};

void TestExportName::partsAreSafe_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("part");
    QTest::newRow("plain") << QStringLiteral("wiki") << QStringLiteral("wiki");
    QTest::newRow("spaces") << QStringLiteral("Sales  wiki EU") << QStringLiteral("Sales-wiki-EU");
    QTest::newRow("windows reserved")
        << QStringLiteral("a<b>c:d\"e/f\\g|h?i*j") << QStringLiteral("a-b-c-d-e-f-g-h-i-j");
    QTest::newRow("control characters") << QStringLiteral("a\tb\nc\x01") << QStringLiteral("a-b-c");
    QTest::newRow("leading and trailing")
        << QStringLiteral(" ..hidden. ") << QStringLiteral("hidden");
    QTest::newRow("dot-dot") << QStringLiteral("../../etc/passwd") << QStringLiteral("etc-passwd");
    QTest::newRow("kept inside") << QStringLiteral("s3_docs.v2") << QStringLiteral("s3_docs.v2");
    QTest::newRow("accents and scripts")
        << QStringLiteral("Ventes été — 東京") << QStringLiteral("Ventes-été-東京");
    QTest::newRow("outside the BMP") << QStringLiteral("docs 𝒳 ok") << QStringLiteral("docs-𝒳-ok");
    QTest::newRow("emoji is a gap") << QStringLiteral("wiki 🔥 hot") << QStringLiteral("wiki-hot");
    QTest::newRow("nothing left") << QStringLiteral(" / : ") << QString();
}

void TestExportName::partsAreSafe()
{
    QFETCH(QString, text);
    QFETCH(QString, part);
    QCOMPARE(fileNamePart(text), part);
}

void TestExportName::longNamesAreCut()
{
    const QString part = fileNamePart(QString(300, u'x'));
    QVERIFY(part.size() <= 60);
    QVERIFY(part.size() >= 40);
    // A cut never splits a character outside the BMP in two.
    QString wide;
    for (int i = 0; i < 100; ++i)
        wide += QStringLiteral("𝒳");
    const QString cut = fileNamePart(wide);
    QVERIFY(!cut.isEmpty());
    QVERIFY(!cut.back().isHighSurrogate());
    QCOMPARE(cut.toUcs4().size() * 2, cut.size());
}

void TestExportName::nameHasTheDataSourceAndTheDate()
{
    const QDateTime at(QDate(2025, 6, 1), QTime(14, 5), QTimeZone::systemTimeZone());
    QCOMPARE(proposedExportName(QStringLiteral("Sales wiki: EU"), QStringLiteral("documents"), at,
                                QStringLiteral("png")),
             QStringLiteral("syncdeck-Sales-wiki-EU-documents-20250601-1405.png"));
    // The local time, whatever the zone of the time given.
    QCOMPARE(proposedExportName(QStringLiteral("d"), QStringLiteral("jobs"), at.toUTC(),
                                QStringLiteral("csv")),
             QStringLiteral("syncdeck-d-jobs-20250601-1405.csv"));
    // No data source: left out, not an empty part.
    QCOMPARE(proposedExportName(QString(), QStringLiteral("jobs"), at, QStringLiteral("json")),
             QStringLiteral("syncdeck-jobs-20250601-1405.json"));
}

QTEST_MAIN(TestExportName)
#include "tst_exportname.moc"
