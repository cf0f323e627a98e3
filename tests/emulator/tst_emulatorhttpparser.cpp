// The emulator's HTTP/1.1 request parser on byte streams: complete, partial and pipelined
// requests, and every refusal with its status.
#include "emulator/httpparser.h"

#include <QTest>

using syncdeck::emulator::HttpParser;
using syncdeck::emulator::HttpRequest;

class TestEmulatorHttpParser : public QObject
{
    Q_OBJECT
private slots:
    void complete_data();
    void complete();
    void byteByByte();
    void pipelined();
    void refused_data();
    void refused();
    void expectsContinue_data();
    void expectsContinue();
    void mutatedInputNeverBreaksIt();
};

void TestEmulatorHttpParser::complete_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("get") << QByteArray("GET /applications HTTP/1.1\r\nHost: h\r\n\r\n")
                         << QByteArray("GET") << QByteArray("/applications") << QByteArray()
                         << QByteArray() << true;
    QTest::newRow("query") << QByteArray(
        "GET /a/b?nextToken=%2B%2F%3D&maxResults=2 HTTP/1.1\r\nHost: h\r\n\r\n")
                           << QByteArray("GET") << QByteArray("/a/b")
                           << QByteArray("nextToken=%2B%2F%3D&maxResults=2") << QByteArray()
                           << true;
    QTest::newRow("post body") << QByteArray(
        "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nabcd")
                               << QByteArray("POST") << QByteArray("/x") << QByteArray()
                               << QByteArray("abcd") << true;
    QTest::newRow("close") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                           << QByteArray("GET") << QByteArray("/") << QByteArray() << QByteArray()
                           << false;
    QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                              << QByteArray("/") << QByteArray() << QByteArray() << false;
    QTest::newRow("http/1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray() << QByteArray() << true;
    QTest::newRow("leading blank line")
        << QByteArray("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n") << QByteArray("GET")
        << QByteArray("/") << QByteArray() << QByteArray() << true;
    QTest::newRow("zero length") << QByteArray(
        "POST /s HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
                                 << QByteArray("POST") << QByteArray("/s") << QByteArray()
                                 << QByteArray() << true;
}

void TestEmulatorHttpParser::complete()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    HttpParser parser(16384, 1024);
    HttpRequest request;
    int status = 0;
    QString message;
    QCOMPARE(parser.parse(&bytes, &request, &status, &message), HttpParser::Result::Complete);
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QCOMPARE(request.query, query);
    QCOMPARE(request.body, body);
    QCOMPARE(request.keepAlive(), keepAlive);
    QVERIFY(bytes.isEmpty());
}

void TestEmulatorHttpParser::byteByByte()
{
    const QByteArray all("POST /x HTTP/1.1\r\nHost: h\r\nX-Amz-Date: "
                         "20240501T000000Z\r\nContent-Length: 3\r\n\r\nxyz");
    HttpParser parser(16384, 1024);
    QByteArray buffer;
    HttpRequest request;
    int status = 0;
    QString message;
    for (qsizetype i = 0; i < all.size(); ++i) {
        buffer.append(all.at(i));
        const auto result = parser.parse(&buffer, &request, &status, &message);
        QCOMPARE(result,
                 i + 1 == all.size() ? HttpParser::Result::Complete : HttpParser::Result::NeedMore);
    }
    QCOMPARE(request.body, QByteArray("xyz"));
    QCOMPARE(request.header("x-amz-date"), QByteArray("20240501T000000Z"));
    QCOMPARE(request.headers.size(), 3);
}

void TestEmulatorHttpParser::pipelined()
{
    QByteArray buffer("POST /1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nabGET /2 "
                      "HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HT");
    HttpParser parser(16384, 1024);
    HttpRequest request;
    int status = 0;
    QString message;
    QCOMPARE(parser.parse(&buffer, &request, &status, &message), HttpParser::Result::Complete);
    QCOMPARE(request.path, QByteArray("/1"));
    QCOMPARE(request.body, QByteArray("ab"));
    QCOMPARE(parser.parse(&buffer, &request, &status, &message), HttpParser::Result::Complete);
    QCOMPARE(request.path, QByteArray("/2"));
    QCOMPARE(parser.parse(&buffer, &request, &status, &message), HttpParser::Result::NeedMore);
    QCOMPARE(buffer, QByteArray("GET /3 HT"));
}

void TestEmulatorHttpParser::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("one word") << QByteArray("GET\r\n\r\n") << 400 << "Malformed request line";
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                                << "method";
    QTest::newRow("space in target")
        << QByteArray("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "target";
    QTest::newRow("control in target")
        << QByteArray("GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "target";
    QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                              << "origin-form";
    QTest::newRow("http/3") << QByteArray("GET / HTTP/3\r\nHost: h\r\n\r\n") << 505
                            << "HTTP/1.0 and HTTP/1.1";
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << "Host";
    QTest::newRow("empty header name")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n") << 400 << "Malformed header";
    QTest::newRow("space before colon")
        << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400 << "Malformed header";
    QTest::newRow("control in value")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\x01\r\n\r\n") << 400 << "Control characters";
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n  more\r\n\r\n") << 400
                              << "folding";
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n") << 400
        << "Content-Length";
    QTest::newRow("huge length") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                 << 400 << "Content-Length";
    QTest::newRow("conflicting lengths") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                         << 400 << "Content-Length";
    QTest::newRow("over body limit")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1025\r\n\r\n") << 413
        << "1024 bytes";
    QTest::newRow("chunked") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501 << "Content-Length";
    QTest::newRow("over header limit")
        << (QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: ") + QByteArray(200, 'x') + "\r\n\r\n")
        << 400 << "exceed 128 bytes";
    QTest::newRow("unterminated over limit") << QByteArray(200, 'x') << 400 << "exceed 128 bytes";
}

void TestEmulatorHttpParser::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, message);
    HttpParser parser(128, 1024);
    HttpRequest request;
    int gotStatus = 0;
    QString gotMessage;
    QCOMPARE(parser.parse(&bytes, &request, &gotStatus, &gotMessage), HttpParser::Result::Error);
    QCOMPARE(gotStatus, status);
    QVERIFY2(gotMessage.contains(message), qPrintable(gotMessage));
}

void TestEmulatorHttpParser::expectsContinue_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("expected");
    QTest::newRow("asks") << QByteArray(
        "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                          << true;
    QTest::newRow("case") << QByteArray("POST / HTTP/1.1\r\nexpect:  100-Continue \r\n\r\n")
                          << true;
    QTest::newRow("headers incomplete")
        << QByteArray("POST / HTTP/1.1\r\nExpect: 100-continue\r\n") << false;
    QTest::newRow("other expectation")
        << QByteArray("POST / HTTP/1.1\r\nExpect: something\r\n\r\n") << false;
    QTest::newRow("none") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\n\r\n") << false;
}

void TestEmulatorHttpParser::expectsContinue()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, expected);
    QCOMPARE(HttpParser::expectsContinue(bytes), expected);
}

// Deterministic mutations of a valid pipelined stream (bytes flipped, cut, repeated): the parser
// answers Complete, NeedMore or Error, consumes only what it returns, and never reads past the
// buffer (ASan watches).
void TestEmulatorHttpParser::mutatedInputNeverBreaksIt()
{
    const QByteArray valid(
        "POST /applications/a/indices/b/datasources/c/startsync?x=%2B HTTP/1.1\r\n"
        "Host: 127.0.0.1:1\r\nX-Amz-Date: 20240501T000000Z\r\nContent-Length: 2\r\n\r\n{}"
        "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    quint64 state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(state >> 33);
    };
    HttpParser parser(256, 64);
    for (int round = 0; round < 5000; ++round) {
        QByteArray bytes = valid;
        const int edits = 1 + int(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const auto at = qsizetype(next() % quint32(bytes.size()));
            switch (next() % 4) {
            case 0:
                bytes[at] = char(next() & 0xFF);
                break;
            case 1:
                bytes.truncate(at);
                break;
            case 2:
                bytes.insert(at, bytes.mid(at, qsizetype(next() % 40)));
                break;
            default:
                bytes.remove(at, qsizetype(next() % 8));
                break;
            }
            if (bytes.isEmpty())
                bytes = "G";
        }
        int requests = 0;
        for (;;) {
            const qsizetype before = bytes.size();
            HttpRequest request;
            int status = 0;
            QString message;
            const auto result = parser.parse(&bytes, &request, &status, &message);
            if (result == HttpParser::Result::Error) {
                QVERIFY(status >= 400 && status <= 505);
                QVERIFY(!message.isEmpty());
                break;
            }
            if (result == HttpParser::Result::NeedMore)
                break;
            QVERIFY(bytes.size() < before);
            QVERIFY(request.body.size() <= 64);
            QVERIFY(++requests <= 2 + 40);
        }
    }
}

QTEST_GUILESS_MAIN(TestEmulatorHttpParser)
#include "tst_emulatorhttpparser.moc"
