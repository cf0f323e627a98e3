// The output formats: the CSV document (its cells are tested in tst_csv), table alignment and
// control characters, json shape with NextToken, jsonl lines.
#include "cli/outputformatter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace syncdeck::cli;

namespace {
QString render(const QString &format, const QList<QJsonObject> &items, const QString &token = {})
{
    QString text;
    QTextStream out(&text);
    auto f = OutputFormatter::create(format, out);
    f->beginList(QStringLiteral("history"),
                 {{QStringLiteral("id"), QStringLiteral("executionId")},
                  {QStringLiteral("code"), QStringLiteral("error.errorCode")}});
    for (const QJsonObject &o : items)
        f->item(o);
    f->endList(QStringLiteral("NextToken"), token);
    out.flush();
    return text;
}

QJsonObject job(const QString &id, const QString &code)
{
    return QJsonObject {
        {QStringLiteral("executionId"), id},
        {QStringLiteral("error"), QJsonObject {{QStringLiteral("errorCode"), code}}}};
}
} // namespace

class TestOutputFormatter : public QObject
{
    Q_OBJECT
private slots:
    void csvDocument();
    void jsonDocument_data();
    void jsonDocument();
    void jsonl();
    void tableNeutralizesControlCharacters();
    void tableRightAlignsNumbers();
    void jsonlTakesWrittenLines();
    void unknownFormat();
};

void TestOutputFormatter::csvDocument()
{
    const QString text = render(QStringLiteral("csv"),
                                {job(QStringLiteral("e1"), QStringLiteral("=HYPERLINK()")),
                                 job(QStringLiteral("e2"), QString())});
    QCOMPARE(text, QStringLiteral("id,code\r\ne1,'=HYPERLINK()\r\ne2,\r\n"));
}

void TestOutputFormatter::jsonDocument_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << 0 << QString();
    QTest::newRow("two") << 2 << QString();
    QTest::newRow("with token") << 3 << QStringLiteral("abc+/=");
}

void TestOutputFormatter::jsonDocument()
{
    QFETCH(int, items);
    QFETCH(QString, token);
    QList<QJsonObject> list;
    for (int i = 0; i < items; ++i)
        list.append(job(QStringLiteral("e%1").arg(i), QStringLiteral("X")));
    const QString text = render(QStringLiteral("json"), list, token);
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(text.toUtf8(), &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(doc.value(QLatin1String("history")).toArray().size(), items);
    QCOMPARE(doc.value(QLatin1String("NextToken")).toString(), token);
    QCOMPARE(doc.contains(QLatin1String("NextToken")), !token.isEmpty());
    QVERIFY(text.startsWith(QLatin1String("{\n    \"history\": [")));
}

void TestOutputFormatter::jsonl()
{
    const QString text = render(
        QStringLiteral("jsonl"),
        {job(QStringLiteral("e1"), QStringLiteral("a\nb")), job(QStringLiteral("e2"), QString())},
        QStringLiteral("token-not-printed"));
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.last().isEmpty());
    QCOMPARE(QJsonDocument::fromJson(lines.at(0).toUtf8())
                 .object()
                 .value(QLatin1String("executionId"))
                 .toString(),
             QStringLiteral("e1"));
    QVERIFY(!text.contains(QLatin1String("token-not-printed")));
}

void TestOutputFormatter::tableNeutralizesControlCharacters()
{
    const QString text = render(QStringLiteral("table"),
                                {job(QStringLiteral("e1"), QStringLiteral("x\x1b[31mred\nline")),
                                 job(QStringLiteral("e22"), QString(100, u'y'))});
    QVERIFY(!text.contains(QChar(0x1b)));
    const QStringList lines = text.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("id   code"));
    QCOMPARE(lines.at(1).left(5), QStringLiteral("---  "));
    QVERIFY(lines.at(2).startsWith(QLatin1String("e1   x [31mred line")));
    QCOMPARE(lines.at(3).size(), 5 + 60); // shortened to the cell limit
    QVERIFY(lines.at(3).endsWith(QChar(0x2026)));
}

void TestOutputFormatter::tableRightAlignsNumbers()
{
    QString text;
    QTextStream out(&text);
    auto f = OutputFormatter::create(QStringLiteral("table"), out);
    f->beginList(QStringLiteral("history"),
                 {{QStringLiteral("id"), QStringLiteral("executionId")},
                  {QStringLiteral("documentsAdded"), QStringLiteral("metrics.documentsAdded")},
                  {QStringLiteral("code"), QStringLiteral("error.errorCode")}});
    const auto item = [](const char *id, const char *added, const char *code) {
        QJsonObject o {{QStringLiteral("executionId"), QLatin1String(id)}};
        if (*added)
            o.insert(QStringLiteral("metrics"),
                     QJsonObject {{QStringLiteral("documentsAdded"), QLatin1String(added)}});
        o.insert(QStringLiteral("error"),
                 QJsonObject {{QStringLiteral("errorCode"), QLatin1String(code)}});
        return o;
    };
    f->item(item("e1", "7", "12"));
    f->item(item("e2", "12345", "x"));
    f->item(item("e3", "", "3"));
    f->endList({}, {});
    out.flush();
    const QStringList lines = text.split(u'\n');
    // documentsAdded holds only whole numbers: right-aligned (header too). code mixes text and
    // digits: left-aligned, and as the last column without trailing blanks.
    QCOMPARE(lines.at(0), QStringLiteral("id  documentsAdded  code"));
    QCOMPARE(lines.at(2), QStringLiteral("e1               7  12"));
    QCOMPARE(lines.at(3), QStringLiteral("e2           12345  x"));
    QCOMPARE(lines.at(4), QStringLiteral("e3                  3"));
}

void TestOutputFormatter::jsonlTakesWrittenLines()
{
    // Lines written elsewhere (the CLI's fast path) go out as given, between items written by
    // the formatter itself, on a device-backed stream and on a string stream alike.
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QTextStream out(&buffer);
        auto f = OutputFormatter::create(QStringLiteral("jsonl"), out);
        QVERIFY(f->takesJsonLines());
        f->beginList(QStringLiteral("history"), {});
        f->item(job(QStringLiteral("e1"), QStringLiteral("A")));
        f->itemLines(QByteArray("{\"executionId\":\"e2 caf\xc3\xa9\"}\n"));
        f->item(job(QStringLiteral("e3"), QStringLiteral("C")));
        f->endList({}, {});
    }
    QCOMPARE(bytes,
             QByteArray("{\"error\":{\"errorCode\":\"A\"},\"executionId\":\"e1\"}\n"
                        "{\"executionId\":\"e2 caf\xc3\xa9\"}\n"
                        "{\"error\":{\"errorCode\":\"C\"},\"executionId\":\"e3\"}\n"));
    QString text;
    QTextStream out(&text);
    auto f = OutputFormatter::create(QStringLiteral("jsonl"), out);
    f->itemLines(QByteArray("{\"executionId\":\"caf\xc3\xa9\"}\n"));
    out.flush();
    QCOMPARE(text, QString::fromUtf8("{\"executionId\":\"caf\xc3\xa9\"}\n"));
    QVERIFY(!OutputFormatter::create(QStringLiteral("csv"), out)->takesJsonLines());
    QVERIFY(!OutputFormatter::create(QStringLiteral("json"), out)->takesJsonLines());
}

void TestOutputFormatter::unknownFormat()
{
    QString text;
    QTextStream out(&text);
    QVERIFY(!OutputFormatter::create(QStringLiteral("text"), out));
}

QTEST_GUILESS_MAIN(TestOutputFormatter)
#include "tst_outputformatter.moc"
