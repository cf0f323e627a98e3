// RawHttpRequest: the request.txt format of the AWS SigV4 suite, what it accepts and how it says
// which line is wrong.
#include "aws/rawhttprequest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace syncdeck::aws;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

class TestRawHttpRequest : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void withHeaders_data();
    void withHeaders();
    void redacts();
    void everySuiteRequestParses();
    void hugeRequest();
};

void TestRawHttpRequest::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("suite style, no blank line")
        << QByteArray("GET / HTTP/1.1\nHost:example.amazonaws.com\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray() << HeaderList {{"Host", "example.amazonaws.com"}}
        << QByteArray();
    QTest::newRow("no final newline")
        << QByteArray("GET /a?b=c HTTP/1.1\nHost:h") << QByteArray("GET") << QByteArray("/a")
        << QByteArray("b=c") << HeaderList {{"Host", "h"}} << QByteArray();
    QTest::newRow("body kept byte for byte")
        << QByteArray("POST / HTTP/1.1\nHost:h\n\nParam1=value1\n\nmore\r\n") << QByteArray("POST")
        << QByteArray("/") << QByteArray() << HeaderList {{"Host", "h"}}
        << QByteArray("Param1=value1\n\nmore\r\n");
    QTest::newRow("CRLF line endings")
        << QByteArray("PUT /x HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\nbody") << QByteArray("PUT")
        << QByteArray("/x") << QByteArray() << HeaderList {{"Host", " h"}, {"X-A", " 1"}}
        << QByteArray("body");
    QTest::newRow("space in the path")
        << QByteArray("GET /example space/ HTTP/1.1\nHost:h\n") << QByteArray("GET")
        << QByteArray("/example space/") << QByteArray() << HeaderList {{"Host", "h"}}
        << QByteArray();
    QTest::newRow("continuation lines")
        << QByteArray("GET / HTTP/1.1\nHost:h\nMy-Header1:value1\n  value2\n\tvalue3\n")
        << QByteArray("GET") << QByteArray("/") << QByteArray()
        << HeaderList {{"Host", "h"}, {"My-Header1", "value1\n  value2\n\tvalue3"}} << QByteArray();
    QTest::newRow("utf-8 path and value")
        << QByteArray("GET /\xe1\x88\xb4 HTTP/1.1\nHost:h\nX-Name:caf\xc3\xa9\n")
        << QByteArray("GET") << QByteArray("/\xe1\x88\xb4") << QByteArray()
        << HeaderList {{"Host", "h"}, {"X-Name", "caf\xc3\xa9"}} << QByteArray();
    QTest::newRow("empty value and repeated names")
        << QByteArray("GET /?a&b= HTTP/1.0\nHost:h\nX-E:\nX-E:2\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray("a&b=")
        << HeaderList {{"Host", "h"}, {"X-E", ""}, {"X-E", "2"}} << QByteArray();
    QTest::newRow("colon inside the value")
        << QByteArray("GET / HTTP/1.1\nHost:example.com:8443\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray() << HeaderList {{"Host", "example.com:8443"}}
        << QByteArray();
}

void TestRawHttpRequest::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    const RawHttpRequest r = RawHttpRequest::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r.errorLine(), 0);
    QCOMPARE(r.request().method, method);
    QCOMPARE(r.request().path, path);
    QCOMPARE(r.request().query, query);
    QCOMPARE(r.request().headers.size(), headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        QCOMPARE(r.request().headers[i].name, headers[i].first);
        QCOMPARE(r.request().headers[i].value, headers[i].second);
    }
    QCOMPARE(r.request().body, body);
}

void TestRawHttpRequest::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << 0 << QStringLiteral("empty");
    QTest::newRow("blank first line")
        << QByteArray("\nGET / HTTP/1.1\n") << 1 << QStringLiteral("request line");
    QTest::newRow("no version") << QByteArray("GET /\nHost:h\n") << 1 << QStringLiteral("'GET /'");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/one\nHost:h\n") << 1
                                 << QStringLiteral("HTTP version");
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\nHost:h\n") << 1
                                << QStringLiteral("not an HTTP method");
    QTest::newRow("absolute URL") << QByteArray("GET https://example.com/ HTTP/1.1\nHost:h\n") << 1
                                  << QStringLiteral("'Host:' header");
    QTest::newRow("relative target")
        << QByteArray("GET foo HTTP/1.1\nHost:h\n") << 1 << QStringLiteral("must start with '/'");
    QTest::newRow("fragment") << QByteArray("GET /a#b HTTP/1.1\nHost:h\n") << 1
                              << QStringLiteral("fragment");
    QTest::newRow("line without colon") << QByteArray("GET / HTTP/1.1\nHost:h\nNot a header\n") << 3
                                        << QStringLiteral("line 3 ('Not a header')");
    QTest::newRow("space before colon")
        << QByteArray("GET / HTTP/1.1\nHost :h\n") << 2 << QStringLiteral("valid header name");
    QTest::newRow("non-ASCII name") << QByteArray("GET / HTTP/1.1\nHost:h\nCaf\xc3\xa9:1\n") << 3
                                    << QStringLiteral("Caf\u00e9");
    QTest::newRow("continuation first") << QByteArray("GET / HTTP/1.1\n  folded\nHost:h\n") << 2
                                        << QStringLiteral("no header line comes before it");
    QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\nHost:h\nX-A:a\x01z\n") << 3
                                       << QStringLiteral("control character at column 6");
    QTest::newRow("NUL byte") << QByteArray("GET / HTTP/1.1\nHost:h\x00\n", 23) << 2
                              << QStringLiteral("NUL");
    QTest::newRow("mixed line endings")
        << QByteArray("GET / HTTP/1.1\r\nHost:h\nX:1\r\n") << 2 << QStringLiteral("CRLF");
    QTest::newRow("long line is cut")
        << (QByteArray("GET / HTTP/1.1\nHost:h\n") + QByteArray(5000, 'x') + '\n') << 3
        << QStringLiteral("(5000 bytes)");
}

void TestRawHttpRequest::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, mentions);
    const RawHttpRequest r = RawHttpRequest::parse(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.errorLine(), line);
    QVERIFY2(r.error().contains(mentions), qPrintable(r.error()));
    if (line > 0)
        QVERIFY2(r.error().startsWith(QStringLiteral("line %1 ").arg(line)), qPrintable(r.error()));
    QVERIFY(r.error().size() < 400); // a 5000-byte line is not echoed whole
}

void TestRawHttpRequest::withHeaders_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no body") << QByteArray("GET / HTTP/1.1\nHost:h\n")
                             << QByteArray(
                                    "GET / HTTP/1.1\nHost:h\nX-Amz-Date:D\nAuthorization:A\n\n");
    QTest::newRow("body") << QByteArray("POST / HTTP/1.1\nHost:h\n\nbody")
                          << QByteArray(
                                 "POST / HTTP/1.1\nHost:h\nX-Amz-Date:D\nAuthorization:A\n\nbody");
    QTest::newRow("continuation kept as written")
        << QByteArray("GET / HTTP/1.1\nHost:h\nA:1\n  2\n")
        << QByteArray("GET / HTTP/1.1\nHost:h\nA:1\n  2\nX-Amz-Date:D\nAuthorization:A\n\n");
    QTest::newRow("CRLF stays CRLF")
        << QByteArray("GET / HTTP/1.1\r\nHost:h\r\n\r\n")
        << QByteArray("GET / HTTP/1.1\r\nHost:h\r\nX-Amz-Date:D\r\nAuthorization:A\r\n\r\n");
}

void TestRawHttpRequest::withHeaders()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const RawHttpRequest r = RawHttpRequest::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r.withHeaders({{"X-Amz-Date", "D"}, {"Authorization", "A"}}), expected);
}

void TestRawHttpRequest::redacts()
{
    const RawHttpRequest r = RawHttpRequest::parse(
        "GET / HTTP/1.1\nHost:h\nx-amz-security-token:SECRETTOKEN\n  MORESECRET\n");
    QVERIFY2(r.ok(), qPrintable(r.error()));
    const QByteArray out = r.withHeaders({{"X-Amz-Security-Token", "ADDEDSECRET"}},
                                         {"X-AMZ-Security-Token"}, "<redacted>");
    QCOMPARE(out,
             QByteArray("GET / HTTP/1.1\nHost:h\nx-amz-security-token:<redacted>\n"
                        "X-Amz-Security-Token:<redacted>\n\n"));
}

void TestRawHttpRequest::everySuiteRequestParses()
{
    const QString reference = syncdeck::test::sharedReferenceDir();
    if (reference.isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    const QDir dir(reference + QStringLiteral("/sigv4-test-suite/v4"));
    int parsed = 0;
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(dir.filePath(name + QStringLiteral("/request.txt")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const RawHttpRequest r = RawHttpRequest::parse(f.readAll());
        QVERIFY2(r.ok(), qPrintable(name + QStringLiteral(": ") + r.error()));
        QVERIFY(!r.request().headers.isEmpty());
        ++parsed;
    }
    QVERIFY(parsed >= 30);
}

void TestRawHttpRequest::hugeRequest()
{
    // 2000 headers of 1 KiB each and a 1 MiB body: parsed whole, nothing dropped.
    QByteArray text("POST /big HTTP/1.1\nHost:h\n");
    for (int i = 0; i < 2000; ++i)
        text += "X-H" + QByteArray::number(i) + ':' + QByteArray(1024, 'v') + '\n';
    text += '\n' + QByteArray(1 << 20, 'b');
    const RawHttpRequest r = RawHttpRequest::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r.request().headers.size(), 2001);
    QCOMPARE(r.request().headers.last().name, QByteArray("X-H1999"));
    QCOMPARE(r.request().body.size(), 1 << 20);
}

QTEST_GUILESS_MAIN(TestRawHttpRequest)
#include "tst_rawhttprequest.moc"
