// JsonWriter must write exactly what QJsonDocument::toJson(Compact) writes for the same values:
// checked on hand-picked edge cases and on thousands of seeded random documents.
#include "aws/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using syncdeck::aws::JsonWriter;

namespace {
QByteArray qtText(const QString &s)
{
    return QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
}

QByteArray ourText(const QString &s)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginArray();
    w.value(QStringView(s));
    w.endArray();
    return out;
}

QString randomString(QRandomGenerator &rng)
{
    static const char16_t interesting[]
        = {0x0,    0x1,    0x8,    0x9,    0xa,    0xc,    0xd,    0x1f,   0x20,
           u'"',   u'\\',  u'/',   0x7f,   0x80,   0xe9,   0x7ff,  0x800,  0x2028,
           0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfeff, 0xfffd, 0xffff};
    QString s;
    const int length = int(rng.bounded(24));
    for (int i = 0; i < length; ++i) {
        switch (rng.bounded(4)) {
        case 0:
            s += QChar(interesting[rng.bounded(int(std::size(interesting)))]);
            break;
        case 1:
            s += QChar(char16_t(rng.bounded(0x10000)));
            break;
        default:
            s += QChar(char16_t(0x20 + rng.bounded(0x5f)));
        }
    }
    return s;
}

double randomDouble(QRandomGenerator &rng)
{
    switch (rng.bounded(5)) {
    case 0:
        return double(qint64(rng.generate64()) >> rng.bounded(64));
    case 1:
        return rng.generateDouble() * std::pow(10.0, int(rng.bounded(40)) - 20);
    case 2:
        return 1.7e9 + rng.bounded(100000000) + rng.bounded(1000) / 1000.0; // epoch seconds
    case 3: {
        const quint64 bits = rng.generate64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    default:
        return -rng.generateDouble();
    }
}

// Builds the same random document twice: as QJsonValue, and through a JsonWriter.
QJsonValue randomValue(QRandomGenerator &rng, JsonWriter &w, int depth)
{
    const int kind = int(rng.bounded(depth > 3 ? 6 : 8));
    switch (kind) {
    case 0: {
        const QString s = randomString(rng);
        w.value(QStringView(s));
        return s;
    }
    case 1: {
        const qint64 n = qint64(rng.generate64()) >> rng.bounded(64);
        w.value(n);
        return n;
    }
    case 2: {
        const double d = randomDouble(rng);
        w.value(d);
        return d;
    }
    case 3: {
        const bool b = rng.bounded(2) == 1;
        w.value(b);
        return b;
    }
    case 4:
        w.null();
        return QJsonValue::Null;
    case 5: {
        // Latin-1 text, including bytes above 0x7f.
        QByteArray bytes;
        const int length = int(rng.bounded(12));
        for (int i = 0; i < length; ++i)
            bytes += char(rng.bounded(256));
        w.value(QLatin1StringView(bytes));
        return QString::fromLatin1(bytes);
    }
    case 6: {
        QJsonArray a;
        w.beginArray();
        const int n = int(rng.bounded(5));
        for (int i = 0; i < n; ++i)
            a.append(randomValue(rng, w, depth + 1));
        w.endArray();
        return a;
    }
    default: {
        // Members written in sorted order, as QJsonObject keeps them.
        QStringList keys;
        const int n = int(rng.bounded(5));
        for (int i = 0; i < n; ++i)
            keys << QStringLiteral("k%1").arg(rng.bounded(100));
        keys.sort();
        keys.removeDuplicates();
        QJsonObject o;
        w.beginObject();
        for (const QString &k : std::as_const(keys)) {
            const QByteArray latin = k.toLatin1();
            w.key(QLatin1StringView(latin));
            o.insert(k, randomValue(rng, w, depth + 1));
        }
        w.endObject();
        return o;
    }
    }
}
} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT
private slots:
    void strings_data();
    void strings();
    void numbers_data();
    void numbers();
    void nesting();
    void randomDocuments();
};

void TestJsonWriter::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << QStringLiteral("SUCCEEDED");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
    QTest::newRow("short escapes") << QStringLiteral("\b\f\n\r\t");
    QTest::newRow("other controls") << QString::fromUtf16(u"\u0000\u0001\u001f\u007f");
    QTest::newRow("slash is not escaped") << QStringLiteral("a/b");
    QTest::newRow("two-byte UTF-8") << QString::fromUtf16(u"caf\u00e9 \u07ff");
    QTest::newRow("three-byte UTF-8") << QString::fromUtf16(u"\u0800\u2028\ufeff\uffff");
    QTest::newRow("surrogate pair") << QString::fromUtf16(u"\U0001F600 ok");
    QTest::newRow("lone high surrogate") << QString(QChar(char16_t(0xd800))) + QStringLiteral("x");
    QTest::newRow("lone high surrogate at the end")
        << QStringLiteral("x") + QChar(char16_t(0xdbff));
    QTest::newRow("lone low surrogate") << QString(QChar(char16_t(0xdc00)));
    QTest::newRow("high surrogate twice")
        << QString(QChar(char16_t(0xd800))) + QChar(char16_t(0xd800)) + QChar(char16_t(0xdc00));
}

void TestJsonWriter::strings()
{
    QFETCH(QString, text);
    QCOMPARE(ourText(text), qtText(text));
}

void TestJsonWriter::numbers_data()
{
    QTest::addColumn<double>("number");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative zero") << -0.0;
    QTest::newRow("whole epoch seconds") << 1795979234.0;
    QTest::newRow("epoch with milliseconds") << 1795979234.123;
    QTest::newRow("tiny") << 5e-324;
    QTest::newRow("huge") << 1.7976931348623157e308;
    QTest::newRow("2^53 + 2") << 9007199254740994.0;
    QTest::newRow("a third") << 1.0 / 3.0;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
    QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity();
}

void TestJsonWriter::numbers()
{
    QFETCH(double, number);
    QByteArray out;
    JsonWriter w(out);
    w.beginArray();
    w.value(number);
    w.value(qint64(std::numeric_limits<qint64>::min()));
    w.value(qint64(std::numeric_limits<qint64>::max()));
    w.value(0);
    w.endArray();
    const QJsonArray a {number, qint64(std::numeric_limits<qint64>::min()),
                        qint64(std::numeric_limits<qint64>::max()), 0};
    QCOMPARE(out, QJsonDocument(a).toJson(QJsonDocument::Compact));
}

void TestJsonWriter::nesting()
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("a"));
    w.beginArray();
    w.beginObject();
    w.endObject();
    w.beginArray();
    w.endArray();
    w.value(true);
    w.endArray();
    w.key(QLatin1StringView("b"));
    w.beginObject();
    w.key(QLatin1StringView("c"));
    w.null();
    w.endObject();
    w.key(QLatin1StringView("d"));
    w.value(QLatin1StringView("x"));
    w.endObject();
    QCOMPARE(out, QByteArray(R"({"a":[{},[],true],"b":{"c":null},"d":"x"})"));
}

void TestJsonWriter::randomDocuments()
{
    QRandomGenerator rng(20261129);
    for (int round = 0; round < 5000; ++round) {
        QByteArray out;
        JsonWriter w(out);
        w.beginArray(); // QJsonDocument needs an array or object at the top
        const QJsonValue v = randomValue(rng, w, 0);
        w.endArray();
        const QByteArray expected = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
        if (out != expected)
            QFAIL(
                qPrintable(QStringLiteral("round %1:\n ours %2\n Qt's %3")
                               .arg(round)
                               .arg(QString::fromLatin1(out.toPercentEncoding("{}[],:\"")),
                                    QString::fromLatin1(expected.toPercentEncoding("{}[],:\"")))));
    }
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
