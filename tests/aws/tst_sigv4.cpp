// SigV4 against the AWS reference suite (shared/reference/sigv4-test-suite/v4), stage by stage,
// plus the signer's refusals and its secrecy.
#include "aws/crypto.h"
#include "aws/rawhttprequest.h"
#include "aws/sigv4.h"
#include "testsupport.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>

using namespace syncdeck::aws;

Q_DECLARE_METATYPE(sigv4::Request)
Q_DECLARE_METATYPE(sigv4::SigningParams)

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT
private slots:
    void suite_data();
    void suite();
    void refusesPresignedHeaders_data();
    void refusesPresignedHeaders();
    void refusesIncompleteInput();
    void secretsNeverPrint();
    void signingKeyIsCachedAndCorrect();
    void doubleEncodesEncodedPath();
    void normalizesPathAsSdksDo_data();
    void normalizesPathAsSdksDo();
    void encodesQueryValues();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void signsNonAsciiBytes();
    void signsHugeRequests();
    void formatsSigningTime_data();
    void formatsSigningTime();
    void keepsPresetContentHash();
    void keyCacheSurvivesEviction();
    void threadsSignIndependently();
};

void TestSigV4::suite_data()
{
    QTest::addColumn<QString>("caseDir");
    const QString reference = syncdeck::test::sharedReferenceDir();
    if (reference.isEmpty())
        return;
    const QDir dir(reference + QStringLiteral("/sigv4-test-suite/v4"));
    const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : cases)
        QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
}

void TestSigV4::suite()
{
    if (syncdeck::test::sharedReferenceDir().isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    QFETCH(QString, caseDir);
    const QDir dir(caseDir);

    const QJsonObject context
        = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("context.json")))).object();
    QVERIFY2(!context.isEmpty(), "context.json is missing or not JSON");
    const RawHttpRequest raw
        = RawHttpRequest::parse(readFile(dir.filePath(QStringLiteral("request.txt"))));
    QVERIFY2(raw.ok(), qPrintable(raw.error()));

    sigv4::SigningParams params;
    const QJsonObject creds = context[QLatin1String("credentials")].toObject();
    params.credentials.accessKeyId = creds[QLatin1String("access_key_id")].toString();
    params.credentials.secretAccessKey
        = SecretString(creds[QLatin1String("secret_access_key")].toString());
    params.credentials.sessionToken = SecretString(creds[QLatin1String("token")].toString());
    params.region = context[QLatin1String("region")].toString();
    params.service = context[QLatin1String("service")].toString();
    params.time
        = QDateTime::fromString(context[QLatin1String("timestamp")].toString(), Qt::ISODate);
    // Unnormalized cases are S3-style: no normalization and no double encoding.
    const bool normalize = context[QLatin1String("normalize")].toBool(true);
    params.settings.normalizePath = normalize;
    params.settings.doubleEncodePath = normalize;
    params.settings.addContentSha256Header = context[QLatin1String("sign_body")].toBool(false);
    params.settings.signSessionToken = !context[QLatin1String("omit_session_token")].toBool(false);

    const sigv4::SigningResult r = sigv4::sign(raw.request(), params);
    QVERIFY2(r.ok(), qPrintable(r.error));

    QCOMPARE(r.canonicalRequest,
             readFile(dir.filePath(QStringLiteral("header-canonical-request.txt"))));
    QCOMPARE(r.stringToSign, readFile(dir.filePath(QStringLiteral("header-string-to-sign.txt"))));
    QCOMPARE(r.signature, readFile(dir.filePath(QStringLiteral("header-signature.txt"))));

    // The signed request: original request line and headers, then the added headers in order.
    QCOMPARE(raw.withHeaders(r.headersToAdd),
             readFile(dir.filePath(QStringLiteral("header-signed-request.txt"))));

    // The staged functions agree with sign() on every case.
    const QByteArray scope = sigv4::credentialScope(params.time, params.region, params.service);
    QCOMPARE(sigv4::stringToSign(params.time, scope, r.canonicalRequest), r.stringToSign);
    const QByteArray key
        = sigv4::signingKey(params.credentials.secretAccessKey, sigv4::dateStamp(params.time),
                            params.region, params.service);
    QCOMPARE(sigv4::signature(key, r.stringToSign), r.signature);
}

void TestSigV4::refusesPresignedHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("Authorization") << QByteArray("Authorization");
    QTest::newRow("authorization lowercase") << QByteArray("authorization");
    QTest::newRow("X-Amz-Date") << QByteArray("X-Amz-Date");
    QTest::newRow("x-amz-date padded") << QByteArray(" x-amz-date ");
}

void TestSigV4::refusesPresignedHeaders()
{
    QFETCH(QByteArray, header);
    sigv4::Request request {"GET", "/", {}, {{"Host", "example.com"}, {header, "x"}}, {}};
    sigv4::SigningParams params;
    params.credentials
        = {QStringLiteral("AKID"), SecretString(QStringLiteral("secret")), {}, {}, {}};
    params.region = QStringLiteral("us-east-1");
    params.service = QStringLiteral("qbusiness");
    params.time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const sigv4::SigningResult r = sigv4::sign(request, params);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QString::fromLatin1(header.trimmed()), Qt::CaseInsensitive),
             qPrintable(r.error));
    QVERIFY(r.headersToAdd.isEmpty());
}

void TestSigV4::refusesIncompleteInput()
{
    sigv4::SigningParams params;
    params.credentials
        = {QStringLiteral("AKID"), SecretString(QStringLiteral("secret")), {}, {}, {}};
    params.region = QStringLiteral("us-east-1");
    params.service = QStringLiteral("qbusiness");
    params.time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

    const sigv4::Request noHost {"GET", "/", {}, {}, {}};
    QVERIFY(sigv4::sign(noHost, params).error.contains(QLatin1String("Host")));

    const sigv4::Request ok {"GET", "/", {}, {{"Host", "example.com"}}, {}};
    auto noSecret = params;
    noSecret.credentials.secretAccessKey = {};
    QVERIFY(!sigv4::sign(ok, noSecret).ok());
    auto noRegion = params;
    noRegion.region.clear();
    QVERIFY(!sigv4::sign(ok, noRegion).ok());
    auto noTime = params;
    noTime.time = {};
    QVERIFY(!sigv4::sign(ok, noTime).ok());
    QVERIFY(sigv4::sign(ok, params).ok());
}

namespace {
QString captured;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured += message + QLatin1Char('\n');
}
} // namespace

void TestSigV4::secretsNeverPrint()
{
    const QString secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    const QString token = QStringLiteral("FQoGZXIvYXdzEXAMPLESESSIONTOKEN");
    Credentials c {QStringLiteral("AKIDEXAMPLE"), SecretString(secret), SecretString(token),
                   QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC), QStringLiteral("env")};

    captured.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    qDebug() << c;
    qDebug() << c.secretAccessKey << c.sessionToken;
    qWarning() << c;
    sigv4::SigningParams params {c,
                                 QStringLiteral("us-east-1"),
                                 QStringLiteral("qbusiness"),
                                 QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC),
                                 {}};
    const sigv4::Request request {"GET", "/applications", {}, {{"Host", "example.com"}}, {}};
    const sigv4::SigningResult r = sigv4::sign(request, params);
    qInstallMessageHandler(previous);

    QVERIFY(r.ok());
    QVERIFY(captured.contains(QLatin1String("** REDACTED **")));
    QVERIFY(captured.contains(QLatin1String("AKIDEXAMPLE")));
    QVERIFY2(!captured.contains(secret), qPrintable(captured));
    QVERIFY2(!captured.contains(token), qPrintable(captured));
    // The signer's own diagnostics never carry the secret; the token only where SigV4 signs it.
    QVERIFY(!r.canonicalRequest.contains(secret.toUtf8()));
    QVERIFY(!r.stringToSign.contains(secret.toUtf8()));
    QVERIFY(!r.authorization.contains(secret.toUtf8()));
    QVERIFY(!r.authorization.contains(token.toUtf8()));
}

void TestSigV4::signingKeyIsCachedAndCorrect()
{
    // The example of the AWS documentation ("Derive a signing key").
    const SecretString secret(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    const QByteArray expected("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(sigv4::signingKey(secret, "20150830", QStringLiteral("us-east-1"),
                                   QStringLiteral("iam"))
                     .toHex(),
                 expected);
    }
    // Another secret with the same scope must not hit the cached key.
    QVERIFY(sigv4::signingKey(SecretString(QStringLiteral("other")), "20150830",
                              QStringLiteral("us-east-1"), QStringLiteral("iam"))
                .toHex()
            != expected);
}

void TestSigV4::doubleEncodesEncodedPath()
{
    const sigv4::Settings aws;
    QCOMPARE(sigv4::canonicalUri("/applications/a%2Fb/indices", aws),
             QByteArray("/applications/a%252Fb/indices"));
    QCOMPARE(sigv4::canonicalUri("", aws), QByteArray("/"));
    QCOMPARE(sigv4::canonicalUri("/a/./b/../c//", aws), QByteArray("/a/c/"));
    sigv4::Settings s3;
    s3.normalizePath = false;
    s3.doubleEncodePath = false;
    QCOMPARE(sigv4::canonicalUri("/a%2Fb", s3), QByteArray("/a%2Fb"));
}

// The two AWS SDK signers (smithy-js getCanonicalPath, botocore remove_dot_segments) agree on
// every one of these; a trailing dot segment leaves no trailing '/', unlike RFC 3986.
void TestSigV4::normalizesPathAsSdksDo_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("trailing dot") << QByteArray("/a/b/.") << QByteArray("/a/b");
    QTest::newRow("trailing dot dot") << QByteArray("/a/b/..") << QByteArray("/a");
    QTest::newRow("empty then dot dot") << QByteArray("//..") << QByteArray("/");
    QTest::newRow("only dot") << QByteArray("/.") << QByteArray("/");
    QTest::newRow("only dot dot") << QByteArray("/..") << QByteArray("/");
    QTest::newRow("dot then slash") << QByteArray("/a/b/./") << QByteArray("/a/b/");
    QTest::newRow("dot dot then slash") << QByteArray("/a/b/../") << QByteArray("/a/");
    QTest::newRow("all removed with slash") << QByteArray("/a/..//") << QByteArray("/");
    QTest::newRow("inner dots kept") << QByteArray("/a/.b/..c/...") << QByteArray("/a/.b/..c/...");
    QTest::newRow("escaped dot is no dot segment")
        << QByteArray("/a/%2E") << QByteArray("/a/%252E");
}

void TestSigV4::normalizesPathAsSdksDo()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, canonical);
    QCOMPARE(sigv4::canonicalUri(path, sigv4::Settings {}), canonical);
}

void TestSigV4::encodesQueryValues()
{
    // nextTokens carry + / = which must be %2B %2F %3D in the canonical query.
    QCOMPARE(sigv4::canonicalQuery("nextToken=ab%2Bc%2Fd%3D&maxResults=10&syncStatus=FAILED"),
             QByteArray("maxResults=10&nextToken=ab%2Bc%2Fd%3D&syncStatus=FAILED"));
    QCOMPARE(sigv4::canonicalQuery("b=2&a=&a=1"), QByteArray("a=&a=1&b=2"));
    QCOMPARE(sigv4::canonicalQuery("flag"), QByteArray("flag="));
    QCOMPARE(sigv4::uriEncode("a b~*"), QByteArray("a%20b~%2A"));
}

namespace {

sigv4::SigningParams exampleParams()
{
    sigv4::SigningParams params;
    params.credentials = {QStringLiteral("AKIDEXAMPLE"),
                          SecretString(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                          {},
                          {},
                          {}};
    params.region = QStringLiteral("us-east-1");
    params.service = QStringLiteral("qbusiness");
    params.time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    return params;
}

// The signing key by the spec's HMAC chain, straight on crypto (no cache involved).
QByteArray referenceKey(const QString &secret, QByteArrayView date, const QString &region,
                        const QString &service)
{
    QByteArray k = crypto::hmacSha256(QByteArray("AWS4" + secret.toUtf8()), date);
    k = crypto::hmacSha256(k, region.toUtf8());
    k = crypto::hmacSha256(k, service.toUtf8());
    return crypto::hmacSha256(k, "aws4_request");
}

} // namespace

void TestSigV4::rejectsMalformedInput_data()
{
    QTest::addColumn<sigv4::Request>("request");
    QTest::addColumn<sigv4::SigningParams>("params");
    QTest::addColumn<QString>("mentions");
    const sigv4::Request ok {"GET", "/", {}, {{"Host", "example.com"}}, {}};
    const sigv4::SigningParams p = exampleParams();

    auto r = ok;
    r.method = "G T";
    QTest::newRow("method with a space") << r << p << QStringLiteral("'G T'");
    r = ok;
    r.method.clear();
    QTest::newRow("no method") << r << p << QStringLiteral("method");
    r = ok;
    r.headers.append(sigv4::Header {"Bad Name", "x"});
    QTest::newRow("space in a header name") << r << p << QStringLiteral("'Bad Name'");
    r = ok;
    r.headers.append(sigv4::Header {"Caf\xc3\xa9", "x"});
    QTest::newRow("non-ASCII header name") << r << p << QStringLiteral("'Caf\u00e9'");
    r = ok;
    r.headers.append(sigv4::Header {"", "x"});
    QTest::newRow("empty header name") << r << p << QStringLiteral("header name");
    r = ok;
    r.headers.append(sigv4::Header {"X-A", QByteArray("a\0b", 3)});
    QTest::newRow("NUL in a value") << r << p << QStringLiteral("control character");
    r = ok;
    r.path = "example.com/x";
    QTest::newRow("path without slash") << r << p << QStringLiteral("must start with '/'");

    auto q = p;
    q.credentials.accessKeyId = QStringLiteral("AKID,EXAMPLE");
    QTest::newRow("comma in the key id") << ok << q << QStringLiteral("position 5");
    q = p;
    q.credentials.accessKeyId = QStringLiteral("AKID EXAMPLE");
    QTest::newRow("space in the key id") << ok << q << QStringLiteral("access key id");
    q = p;
    q.credentials.sessionToken = SecretString(QStringLiteral("SECRET\nPART"));
    QTest::newRow("line break in the token") << ok << q << QStringLiteral("position 7");
    q = p;
    q.credentials.sessionToken = SecretString(QStringLiteral("SECRET\u00e9PART"));
    QTest::newRow("non-ASCII token") << ok << q << QStringLiteral("session token");
    q = p;
    q.region = QStringLiteral("us-east-1/x");
    QTest::newRow("slash in the region") << ok << q << QStringLiteral("region");
    q = p;
    q.service = QStringLiteral("q business");
    QTest::newRow("space in the service") << ok << q << QStringLiteral("service");
    q = p;
    q.time = QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 10000") << ok << q << QStringLiteral("0000 to 9999");
}

void TestSigV4::rejectsMalformedInput()
{
    QFETCH(sigv4::Request, request);
    QFETCH(sigv4::SigningParams, params);
    QFETCH(QString, mentions);
    const sigv4::SigningResult r = sigv4::sign(request, params);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    // Request faults and configuration faults are told apart (exit 252 vs 253 in the CLI).
    const bool paramsFault = QByteArray(QTest::currentDataTag()).contains("token")
        || QByteArray(QTest::currentDataTag()).contains("key id")
        || QByteArray(QTest::currentDataTag()).contains("region")
        || QByteArray(QTest::currentDataTag()).contains("service")
        || QByteArray(QTest::currentDataTag()).contains("year");
    QCOMPARE(r.failure,
             paramsFault ? sigv4::SigningResult::Failure::Parameters
                         : sigv4::SigningResult::Failure::Request);
    QVERIFY(r.headersToAdd.isEmpty());
    QVERIFY(r.signature.isEmpty());
    // A broken token is located, never quoted.
    if (params.credentials.hasSessionToken())
        QVERIFY(!r.error.contains(QLatin1String("SECRET")));
}

void TestSigV4::signsNonAsciiBytes()
{
    // Paths and queries are percent-encoded as UTF-8 bytes; header values are signed as sent.
    sigv4::Request request {"GET",
                            "/caf\xc3\xa9/\xe1\x88\xb4",
                            "k\xc3\xa9y=v\xc3\xa9",
                            {{"Host", "example.com"}, {"X-Name", "  caf\xc3\xa9   au  lait "}},
                            {}};
    const sigv4::SigningResult r = sigv4::sign(request, exampleParams());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QList<QByteArray> lines = r.canonicalRequest.split('\n');
    QCOMPARE(lines[1], QByteArray("/caf%C3%A9/%E1%88%B4"));
    QCOMPARE(lines[2], QByteArray("k%C3%A9y=v%C3%A9"));
    QVERIFY(lines.contains(QByteArray("x-name:caf\xc3\xa9 au lait")));
}

void TestSigV4::signsHugeRequests()
{
    // 3000 headers (names out of order) and a 256 KiB value: all signed, in order, and the
    // result agrees with the staged functions.
    sigv4::Request request {"PUT", "/big", {}, {{"Host", "example.com"}}, QByteArray(1 << 20, 'b')};
    for (int i = 2999; i >= 0; --i)
        request.headers.append(
            sigv4::Header {"X-H" + QByteArray::number(i), "value " + QByteArray::number(i)});
    request.headers.append(sigv4::Header {"X-Large", QByteArray(256 * 1024, 'v')});
    const sigv4::SigningParams params = exampleParams();
    const sigv4::SigningResult r = sigv4::sign(request, params);
    QVERIFY2(r.ok(), qPrintable(r.error));

    sigv4::Request withAdded = request;
    withAdded.headers.append({"X-Amz-Date", sigv4::amzDate(params.time)});
    QCOMPARE(r.canonicalRequest,
             sigv4::canonicalRequest(withAdded, params.settings, crypto::sha256Hex(request.body)));
    QByteArray signedHeaders;
    sigv4::canonicalHeaders(withAdded.headers, &signedHeaders);
    QCOMPARE(signedHeaders.count(';'), 3002); // 3003 names: host, 3000, x-large, x-amz-date
    QVERIFY2(signedHeaders.startsWith("host;x-amz-date;x-h0;x-h1;x-h10;x-h100;"),
             signedHeaders.left(80).constData());
    QVERIFY(r.authorization.contains(signedHeaders));
}

void TestSigV4::formatsSigningTime_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("amzDate");
    QTest::newRow("suite") << QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC)
                           << QByteArray("20150830T123600Z");
    QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC)
                              << QByteArray("20240229T235959Z");
    QTest::newRow("milliseconds dropped")
        << QDateTime(QDate(2024, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
        << QByteArray("20241231T235959Z");
    QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC)
                           << QByteArray("19700101T000000Z");
    QTest::newRow("before the epoch")
        << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 500), Qt::UTC)
        << QByteArray("19691231T235959Z");
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2024, 1, 1), QTime(1, 30), Qt::OffsetFromUTC, 2 * 3600)
        << QByteArray("20231231T233000Z");
    QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC)
                               << QByteArray("99991231T235959Z");
}

void TestSigV4::formatsSigningTime()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, amzDate);
    QCOMPARE(sigv4::amzDate(time), amzDate);
    QCOMPARE(sigv4::dateStamp(time), amzDate.first(8));
    // Formatting the same second twice (the thread's cached value) gives the same text.
    QCOMPARE(sigv4::amzDate(time), amzDate);
    QCOMPARE(sigv4::amzDate(time.toUTC()),
             time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1());
}

void TestSigV4::keepsPresetContentHash()
{
    // S3-style: a request that already says UNSIGNED-PAYLOAD is signed with it, not re-hashed,
    // and the header is not added a second time.
    sigv4::Request request {
        "PUT",
        "/bucket/key",
        {},
        {{"Host", "s3.amazonaws.com"}, {"X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"}},
        "data"};
    auto params = exampleParams();
    params.settings.addContentSha256Header = true;
    const sigv4::SigningResult r = sigv4::sign(request, params);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
    QCOMPARE(r.canonicalRequest.count("x-amz-content-sha256:"), 1);
    for (const sigv4::Header &h : r.headersToAdd)
        QVERIFY(h.name.toLower() != "x-amz-content-sha256");
}

void TestSigV4::keyCacheSurvivesEviction()
{
    // More (secret, region, service, day) combinations than the cache holds, in rotation: every
    // signature must match one computed from a fresh key.
    const QStringList secrets {QStringLiteral("secret-one"), QStringLiteral("secret-two")};
    const QStringList regions {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
                               QStringLiteral("ap-south-1")};
    const sigv4::Request request {"GET", "/", {}, {{"Host", "example.com"}}, {}};
    for (int round = 0; round < 3; ++round) {
        for (int day = 1; day <= 2; ++day) {
            for (const QString &secret : secrets) {
                for (const QString &region : regions) {
                    auto params = exampleParams();
                    params.credentials.secretAccessKey = SecretString(secret);
                    params.region = region;
                    params.time = QDateTime(QDate(2024, 5, day), QTime(12, 0), Qt::UTC);
                    const sigv4::SigningResult r = sigv4::sign(request, params);
                    QVERIFY2(r.ok(), qPrintable(r.error));
                    const QByteArray key = referenceKey(secret, sigv4::dateStamp(params.time),
                                                        region, params.service);
                    QCOMPARE(r.signature, crypto::hmacSha256(key, r.stringToSign).toHex());
                }
            }
        }
    }
}

void TestSigV4::threadsSignIndependently()
{
    // The key cache and the OpenSSL contexts are per thread: threads signing at once with
    // different secrets each get their own, correct signatures.
    constexpr int Threads = 4;
    const sigv4::Request request {
        "GET", "/applications", "maxResults=10", {{"Host", "example.com"}}, {}};
    QList<QByteArray> expected;
    QList<sigv4::SigningParams> params;
    for (int t = 0; t < Threads; ++t) {
        auto p = exampleParams();
        p.credentials.secretAccessKey = SecretString(QStringLiteral("secret-%1").arg(t));
        p.credentials.sessionToken = SecretString(QStringLiteral("token-%1").arg(t));
        params.append(p);
        const QByteArray key = referenceKey(p.credentials.secretAccessKey.reveal(),
                                            sigv4::dateStamp(p.time), p.region, p.service);
        expected.append(crypto::hmacSha256(key, sigv4::sign(request, p).stringToSign).toHex());
    }
    std::atomic<int> mismatches = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                if (sigv4::sign(request, params[t]).signature != expected[t])
                    ++mismatches;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
