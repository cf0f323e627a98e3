// The one classification of an attempt's outcome, without a socket: every branch of
// classifyReply() and the JSON protocols' error documents.
#include "aws/replyclassifier.h"

#include <QJsonArray>
#include <QTest>

using namespace syncdeck::aws;

namespace {
ReplyContext context()
{
    ReplyContext c;
    c.operation = QStringLiteral("ListDataSourceSyncJobs");
    c.serviceTitle = QStringLiteral("Amazon Q Business");
    c.host = QStringLiteral("qbusiness.us-east-1.api.aws");
    c.maxResponseBytes = 1024;
    c.connectTimeoutMs = 1500;
    c.readTimeoutMs = 2500;
    return c;
}
} // namespace

class TestReplyClassifier : public QObject
{
    Q_OBJECT
private slots:
    void errorDocument_data();
    void errorDocument();
    void outcome_data();
    void outcome();
    void parseFailureNamesTheOperation();
    void modeledMembersAreKept();
};

void TestReplyClassifier::errorDocument_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorTypeHeader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("header wins") << 400 << QByteArray("ValidationException:http://x/")
                                 << QByteArray(R"({"code":"Other","message":"bad"})")
                                 << QStringLiteral("ValidationException") << QStringLiteral("bad");
    QTest::newRow("body code") << 409 << QByteArray()
                               << QByteArray(R"({"code":"ConflictException","message":"busy"})")
                               << QStringLiteral("ConflictException") << QStringLiteral("busy");
    QTest::newRow("body Code Message")
        << 404 << QByteArray()
        << QByteArray(R"({"Code":"ResourceNotFoundException","Message":"gone"})")
        << QStringLiteral("ResourceNotFoundException") << QStringLiteral("gone");
    QTest::newRow("__type with namespace")
        << 429 << QByteArray()
        << QByteArray(
               R"({"__type":"com.amazonaws.qbusiness#ThrottlingException","message":"slow"})")
        << QStringLiteral("ThrottlingException") << QStringLiteral("slow");
    QTest::newRow("namespace and colon")
        << 400 << QByteArray("aws.protocoltests.restjson#FooError:http://internal.amazon.com/")
        << QByteArray("{}") << QStringLiteral("FooError") << QStringLiteral("Status");
    QTest::newRow("html 502") << 502 << QByteArray()
                              << QByteArray("<html><body>Bad Gateway</body></html>")
                              << QStringLiteral("502") << QStringLiteral("HTML");
    QTest::newRow("empty 503") << 503 << QByteArray() << QByteArray() << QStringLiteral("503")
                               << QStringLiteral("Status");
}

void TestReplyClassifier::errorDocument()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorTypeHeader);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, messageContains);
    ReplyFacts facts;
    facts.httpStatus = status;
    facts.reasonPhrase = "Status";
    facts.header = [&](const QByteArray &name) {
        if (name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            return errorTypeHeader;
        if (name.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0)
            return QByteArray("rid-1");
        return QByteArray();
    };
    facts.body = body;
    // Through the classifier, as every client reads an error answer.
    const AwsError e = classifyReply(facts, context(), {}, readJsonError);
    QCOMPARE(e.kind, AwsError::Kind::Service);
    QCOMPARE(e.code, code);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.requestId, QStringLiteral("rid-1"));
    QVERIFY2(e.message.contains(messageContains), qPrintable(e.message));
}

void TestReplyClassifier::outcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("tooLarge");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");
    const int none = QNetworkReply::NoError;
    QTest::newRow("success") << 200 << none << false << true << false << int(AwsError::Kind::None)
                             << QString() << QString();
    QTest::newRow("too large wins over everything")
        << 200 << int(QNetworkReply::OperationCanceledError) << false << true << true
        << int(AwsError::Kind::Client) << QStringLiteral("ResponseTooLarge")
        << QStringLiteral("1024-byte limit");
    QTest::newRow("connect timeout")
        << 0 << int(QNetworkReply::OperationCanceledError) << true << false << false
        << int(AwsError::Kind::Timeout) << QStringLiteral("ConnectTimeout")
        << QStringLiteral("within 1500 ms");
    QTest::newRow("read timeout") << 0 << int(QNetworkReply::OperationCanceledError) << true << true
                                  << false << int(AwsError::Kind::Timeout)
                                  << QStringLiteral("ReadTimeout") << QStringLiteral("for 2500 ms");
    QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << false << false
                             << false << int(AwsError::Kind::Network)
                             << QStringLiteral("ConnectionError") << QStringLiteral("refused");
    QTest::newRow("tls") << 0 << int(QNetworkReply::SslHandshakeFailedError) << false << false
                         << false << int(AwsError::Kind::Network) << QStringLiteral("TlsError")
                         << QStringLiteral("qbusiness.us-east-1.api.aws");
    QTest::newRow("body cut off") << 200 << int(QNetworkReply::RemoteHostClosedError) << false
                                  << true << false << int(AwsError::Kind::Network)
                                  << QStringLiteral("IncompleteBody")
                                  << QStringLiteral("broke off after 2 bytes");
    QTest::newRow("service error")
        << 429 << int(QNetworkReply::UnknownContentError) << false << true << false
        << int(AwsError::Kind::Service) << QStringLiteral("ThrottlingException")
        << QStringLiteral("slow down");
}

void TestReplyClassifier::outcome()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(bool, timedOut);
    QFETCH(bool, connected);
    QFETCH(bool, tooLarge);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, messageContains);
    ReplyFacts facts;
    facts.httpStatus = status;
    facts.networkError = QNetworkReply::NetworkError(networkError);
    facts.networkErrorText = QStringLiteral("Qt's text");
    facts.timedOut = timedOut;
    facts.connected = connected;
    facts.tooLarge = tooLarge;
    facts.body = status == 429
        ? QByteArray(R"({"__type":"ThrottlingException","message":"slow down"})")
        : QByteArray("{}");
    facts.header = [](const QByteArray &) { return QByteArray(); };
    int parsed = 0;
    const AwsError e = classifyReply(
        facts, context(),
        [&parsed](const QByteArray &, QString *) {
            ++parsed;
            return true;
        },
        readJsonError);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.code, code);
    QVERIFY2(e.message.contains(messageContains), qPrintable(e.message));
    // The body is read only when the answer is a complete success.
    QCOMPARE(parsed, kind == int(AwsError::Kind::None) ? 1 : 0);
    // What the operator can do about it, where the classification alone knows (a retryable
    // cut-off body or a service error gets its advice from the retry strategy or the service).
    if (e.kind == AwsError::Kind::Timeout || e.kind == AwsError::Kind::Client
        || e.code == QLatin1String("ConnectionError") || e.code == QLatin1String("TlsError"))
        QVERIFY2(!e.nextStep.isEmpty(), qPrintable(e.code));
}

void TestReplyClassifier::parseFailureNamesTheOperation()
{
    ReplyFacts facts;
    facts.httpStatus = 200;
    facts.body = "<html>captive portal</html>";
    facts.header = [](const QByteArray &name) {
        return name == "x-amzn-RequestId" ? QByteArray("rid-7") : QByteArray();
    };
    const AwsError e = classifyReply(
        facts, context(),
        [](const QByteArray &, QString *error) {
            *error = QStringLiteral("not a JSON object");
            return false;
        },
        readJsonError);
    QCOMPARE(e.kind, AwsError::Kind::Client);
    QCOMPARE(e.code, QStringLiteral("MalformedResponse"));
    QVERIFY(e.message.contains(QStringLiteral("ListDataSourceSyncJobs")));
    QVERIFY(e.message.contains(QStringLiteral("not a JSON object")));
    QVERIFY(e.nextStep.contains(QStringLiteral("Amazon Q Business")));
    QCOMPARE(e.requestId, QStringLiteral("rid-7"));
}

void TestReplyClassifier::modeledMembersAreKept()
{
    ReplyFacts facts;
    facts.httpStatus = 400;
    facts.body = R"({"message":"bad","reason":"FIELD_VALIDATION_FAILED",)"
                 R"("fields":[{"name":"maxResults","message":"must be <= 10"}],"extra":null})";
    facts.header = [](const QByteArray &) { return QByteArray(); };
    const AwsError e = readJsonError(facts);
    QCOMPARE(e.code, QStringLiteral("400"));
    QCOMPARE(e.fields.value(QStringLiteral("reason")).toString(),
             QStringLiteral("FIELD_VALIDATION_FAILED"));
    QCOMPARE(e.fields.value(QStringLiteral("fields")).toArray().size(), 1);
    QVERIFY(!e.fields.contains(QStringLiteral("message")));
    QVERIFY(!e.fields.contains(QStringLiteral("extra"))); // null means absent
}

QTEST_GUILESS_MAIN(TestReplyClassifier)
#include "tst_replyclassifier.moc"
