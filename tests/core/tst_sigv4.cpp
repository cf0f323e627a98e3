// SigV4 against the AWS reference suite (shared/reference/sigv4-test-suite/v4), stage by stage,
// plus the signer's refusals and its secrecy.
#include "aws/sigv4.h"
#include "testsupport.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace syncdeck::aws;

namespace {

struct SuiteCase
{
    sigv4::Request request;
    QList<QByteArray> requestLines; // header lines as written, for the signed-request check
    sigv4::SigningParams params;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// request.txt: request line, header lines (a line starting with white space continues the
// previous header), blank line, body.
bool parseRequestTxt(const QByteArray &text, SuiteCase &out)
{
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank < 0 ? text : text.first(blank);
    out.request.body = blank < 0 ? QByteArray() : text.sliced(blank + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = requestLine.lastIndexOf(' ');
    if (sp1 < 0 || sp2 <= sp1)
        return false;
    out.request.method = requestLine.first(sp1);
    const QByteArray target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const qsizetype q = target.indexOf('?');
    out.request.path = q < 0 ? target : target.first(q);
    out.request.query = q < 0 ? QByteArray() : target.sliced(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the file's final newline
        out.requestLines.append(line);
        if (!line.isEmpty() && (line[0] == ' ' || line[0] == '\t')) {
            if (out.request.headers.isEmpty())
                return false;
            out.request.headers.last().value.append('\n').append(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        out.request.headers.append({line.first(colon), line.sliced(colon + 1)});
    }
    return true;
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
    void encodesQueryValues();
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
    SuiteCase c;
    QVERIFY(parseRequestTxt(readFile(dir.filePath(QStringLiteral("request.txt"))), c));

    const QJsonObject creds = context[QLatin1String("credentials")].toObject();
    c.params.credentials.accessKeyId = creds[QLatin1String("access_key_id")].toString();
    c.params.credentials.secretAccessKey
        = SecretString(creds[QLatin1String("secret_access_key")].toString());
    c.params.credentials.sessionToken = SecretString(creds[QLatin1String("token")].toString());
    c.params.region = context[QLatin1String("region")].toString();
    c.params.service = context[QLatin1String("service")].toString();
    c.params.time
        = QDateTime::fromString(context[QLatin1String("timestamp")].toString(), Qt::ISODate);
    // Unnormalized cases are S3-style: no normalization and no double encoding.
    const bool normalize = context[QLatin1String("normalize")].toBool(true);
    c.params.settings.normalizePath = normalize;
    c.params.settings.doubleEncodePath = normalize;
    c.params.settings.addContentSha256Header = context[QLatin1String("sign_body")].toBool(false);
    c.params.settings.signSessionToken
        = !context[QLatin1String("omit_session_token")].toBool(false);

    const sigv4::SigningResult r = sigv4::sign(c.request, c.params);
    QVERIFY2(r.ok(), qPrintable(r.error));

    QCOMPARE(r.canonicalRequest,
             readFile(dir.filePath(QStringLiteral("header-canonical-request.txt"))));
    QCOMPARE(r.stringToSign, readFile(dir.filePath(QStringLiteral("header-string-to-sign.txt"))));
    QCOMPARE(r.signature, readFile(dir.filePath(QStringLiteral("header-signature.txt"))));

    // The signed request: original request line and headers, then the added headers in order.
    const QByteArray requestTxt = readFile(dir.filePath(QStringLiteral("request.txt")));
    const qsizetype blank = requestTxt.indexOf("\n\n");
    QByteArray signedRequest = blank < 0 ? requestTxt : requestTxt.first(blank);
    while (signedRequest.endsWith('\n'))
        signedRequest.chop(1);
    for (const sigv4::Header &h : r.headersToAdd)
        signedRequest.append('\n').append(h.name).append(':').append(h.value);
    // Headers end with a blank line, then the (possibly empty) body.
    signedRequest.append("\n\n").append(blank < 0 ? QByteArray() : requestTxt.sliced(blank + 2));
    QCOMPARE(signedRequest, readFile(dir.filePath(QStringLiteral("header-signed-request.txt"))));
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

void TestSigV4::encodesQueryValues()
{
    // nextTokens carry + / = which must be %2B %2F %3D in the canonical query.
    QCOMPARE(sigv4::canonicalQuery("nextToken=ab%2Bc%2Fd%3D&maxResults=10&syncStatus=FAILED"),
             QByteArray("maxResults=10&nextToken=ab%2Bc%2Fd%3D&syncStatus=FAILED"));
    QCOMPARE(sigv4::canonicalQuery("b=2&a=&a=1"), QByteArray("a=&a=1&b=2"));
    QCOMPARE(sigv4::canonicalQuery("flag"), QByteArray("flag="));
    QCOMPARE(sigv4::uriEncode("a b~*"), QByteArray("a%20b~%2A"));
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
