// `syncdeck-cli sign-request` as an operator runs it: the real executable over every case of the
// AWS SigV4 suite (stdout compared byte for byte with AWS's files), and its error paths.
#include "cli/signrequest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

Q_DECLARE_METATYPE(QProcessEnvironment)
using EnvList = QList<QPair<QString, QString>>;
Q_DECLARE_METATYPE(EnvList)

namespace {

const QString Secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Shared config files of the tests (none unless a test writes them): the machine's ~/.aws never
// plays a part.
QTemporaryDir &awsHome()
{
    static QTemporaryDir dir;
    return dir;
}

QProcessEnvironment environment(const QList<QPair<QString, QString>> &aws)
{
    return syncdeck::test::isolatedAwsEnvironment(awsHome().path(), aws);
}

QProcessEnvironment exampleEnvironment()
{
    return environment({{QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE")},
                        {QStringLiteral("AWS_SECRET_ACCESS_KEY"), Secret}});
}

struct Invocation
{
    QStringList arguments;
    QProcessEnvironment env;
    QByteArray stdinData;
};

// Runs the invocations at once (the suite makes ~200 runs; starting them together keeps the
// test fast on a busy machine), each bounded by a timeout.
QList<Run> runAll(const QList<Invocation> &invocations)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const Invocation &inv : invocations) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(inv.env);
        p->start(QStringLiteral(SYNCDECK_CLI_PATH),
                 QStringList {QStringLiteral("sign-request")} + inv.arguments);
        if (p->waitForStarted(30000))
            p->write(inv.stdinData);
        p->closeWriteChannel();
        processes.push_back(std::move(p));
    }
    QList<Run> runs;
    for (const auto &p : processes) {
        if (p->state() == QProcess::NotRunning && p->exitStatus() != QProcess::NormalExit) {
            runs.append(Run {});
            continue;
        }
        if (!p->waitForFinished(60000)) {
            p->kill();
            p->waitForFinished();
            runs.append(Run {});
            continue;
        }
        runs.append(Run {p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1,
                         p->readAllStandardOutput(), p->readAllStandardError()});
    }
    return runs;
}

Run run(const QStringList &arguments, const QProcessEnvironment &env,
        const QByteArray &stdinData = {})
{
    return runAll({{arguments, env, stdinData}}).constFirst();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray SimpleRequest = "GET /applications HTTP/1.1\nHost:qbusiness.us-east-1.api.aws\n";

} // namespace

class TestSignRequest : public QObject
{
    Q_OBJECT
private slots:
    void suite_data();
    void suite();
    void usageErrors_data();
    void usageErrors();
    void missingConfiguration_data();
    void missingConfiguration();
    void regionFromEnvironment_data();
    void regionFromEnvironment();
    void unusableToken();
    void profile_data();
    void profile();
    void timeFormats_data();
    void timeFormats();
    void tokenInTheRequestIsRedacted();
    void defaultTimeIsNow();
    void crlfRequest();
    void help();
};

void TestSignRequest::suite_data()
{
    QTest::addColumn<QString>("caseDir");
    const QString reference = syncdeck::test::sharedReferenceDir();
    if (reference.isEmpty())
        return;
    const QDir dir(reference + QStringLiteral("/sigv4-test-suite/v4"));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
}

void TestSignRequest::suite()
{
    if (syncdeck::test::sharedReferenceDir().isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    QFETCH(QString, caseDir);
    const QDir dir(caseDir);
    const QJsonObject context
        = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("context.json")))).object();
    QVERIFY(!context.isEmpty());
    const QJsonObject creds = context[QLatin1String("credentials")].toObject();
    const QString token = creds[QLatin1String("token")].toString();
    QList<QPair<QString, QString>> aws {
        {QStringLiteral("AWS_ACCESS_KEY_ID"), creds[QLatin1String("access_key_id")].toString()},
        {QStringLiteral("AWS_SECRET_ACCESS_KEY"),
         creds[QLatin1String("secret_access_key")].toString()}};
    if (!token.isEmpty())
        aws.append({QStringLiteral("AWS_SESSION_TOKEN"), token});

    QStringList options {
        QStringLiteral("--region"),  context[QLatin1String("region")].toString(),
        QStringLiteral("--service"), context[QLatin1String("service")].toString(),
        QStringLiteral("--time"),    context[QLatin1String("timestamp")].toString()};
    if (!context[QLatin1String("normalize")].toBool(true))
        options << QStringLiteral("--no-normalize");
    if (context[QLatin1String("sign_body")].toBool(false))
        options << QStringLiteral("--content-sha256");
    if (context[QLatin1String("omit_session_token")].toBool(false))
        options << QStringLiteral("--unsigned-session-token");

    const QString requestFile = dir.filePath(QStringLiteral("request.txt"));
    const QList<QPair<QString, QString>> stages {
        {QStringLiteral("canonical-request"), QStringLiteral("header-canonical-request.txt")},
        {QStringLiteral("string-to-sign"), QStringLiteral("header-string-to-sign.txt")},
        {QStringLiteral("signature"), QStringLiteral("header-signature.txt")},
        {QStringLiteral("signed-request"), QStringLiteral("header-signed-request.txt")},
    };
    QList<Invocation> invocations;
    QList<QByteArray> expectations;
    for (const auto &[stage, file] : stages) {
        QByteArray expected = readFile(dir.filePath(file));
        QVERIFY(!expected.isEmpty());
        if (!token.isEmpty())
            expected.replace(token.toUtf8(), syncdeck::cli::RedactedToken);
        expectations.append(expected);
        // Half the stages read the request from a file, half from standard input.
        const bool viaStdin
            = stage == QLatin1String("string-to-sign") || stage == QLatin1String("signed-request");
        invocations.append({options
                                + QStringList {QStringLiteral("--request"),
                                               viaStdin ? QStringLiteral("-") : requestFile,
                                               QStringLiteral("--print"), stage},
                            environment(aws), viaStdin ? readFile(requestFile) : QByteArray()});
    }
    // The Authorization value is the last line the suite's signed request adds.
    const QByteArray signedRequest = expectations.constLast();
    const qsizetype at = signedRequest.lastIndexOf("\nAuthorization:");
    QVERIFY(at >= 0);
    expectations.append(signedRequest.mid(at + 15, signedRequest.indexOf('\n', at + 1) - at - 15));
    invocations.append(
        {options
             + QStringList {QStringLiteral("--request"), requestFile, QStringLiteral("--print"),
                            QStringLiteral("authorization")},
         environment(aws),
         {}});

    const QList<Run> runs = runAll(invocations);
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Run &r = runs[i];
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, expectations[i]);
        QVERIFY(!r.out.contains(Secret.toUtf8()));
        QVERIFY(!r.err.contains(Secret.toUtf8()));
        if (!token.isEmpty()) {
            QVERIFY(!r.out.contains(token.toUtf8()));
            QVERIFY(!r.err.contains(token.toUtf8()));
        }
        const bool redacted = r.out.contains(syncdeck::cli::RedactedToken);
        QCOMPARE(r.err.contains("shown as"), redacted);
        if (!redacted)
            QVERIFY2(r.err.isEmpty(), r.err.constData());
    }
}

void TestSignRequest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("mentions");

    const QStringList base {QStringLiteral("--region"), QStringLiteral("us-east-1"),
                            QStringLiteral("--request"), QStringLiteral("-")};
    QTest::newRow("no --request") << QStringList {QStringLiteral("--region"),
                                                  QStringLiteral("us-east-1")}
                                  << QByteArray() << QStringLiteral("--request FILE is required");
    QTest::newRow("unknown option") << base + QStringList {QStringLiteral("--bogus")}
                                    << SimpleRequest << QStringLiteral("bogus");
    QTest::newRow("stray argument") << base + QStringList {QStringLiteral("extra")} << SimpleRequest
                                    << QStringLiteral("'extra'");
    QTest::newRow("unknown stage")
        << base + QStringList {QStringLiteral("--print"), QStringLiteral("everything")}
        << SimpleRequest << QStringLiteral("canonical-request, string-to-sign");
    QTest::newRow("local time") << base
            + QStringList {QStringLiteral("--time"), QStringLiteral("2015-08-30T12:36:00")}
                                << SimpleRequest << QStringLiteral("not a UTC time");
    QTest::newRow("garbage time") << base
            + QStringList {QStringLiteral("--time"), QStringLiteral("yesterday")}
                                  << SimpleRequest << QStringLiteral("'yesterday'");
    QTest::newRow("impossible date")
        << base + QStringList {QStringLiteral("--time"), QStringLiteral("20150230T123600Z")}
        << SimpleRequest << QStringLiteral("not a UTC time");
    QTest::newRow("missing file") << QStringList {QStringLiteral("--region"),
                                                  QStringLiteral("us-east-1"),
                                                  QStringLiteral("--request"),
                                                  QStringLiteral("/nonexistent/req.txt")}
                                  << QByteArray() << QStringLiteral("/nonexistent/req.txt");
    QTest::newRow("empty request") << base << QByteArray() << QStringLiteral("empty");
    QTest::newRow("malformed header line")
        << base << QByteArray("GET / HTTP/1.1\nHost:h\nthis is not a header\n")
        << QStringLiteral("line 3 ('this is not a header')");
    QTest::newRow("bad request line")
        << base << QByteArray("GET /\nHost:h\n") << QStringLiteral("line 1 ('GET /')");
    QTest::newRow("no Host") << base << QByteArray("GET / HTTP/1.1\nX-A:1\n")
                             << QStringLiteral("no Host header");
    QTest::newRow("already signed")
        << base
        << QByteArray("GET / HTTP/1.1\nHost:h\nX-Amz-Date:20150830T123600Z\n"
                      "Authorization:AWS4-HMAC-SHA256 Credential=x\n")
        << QStringLiteral("line 4: the request already carries Authorization");
    QTest::newRow("already dated")
        << base << QByteArray("GET / HTTP/1.1\nHost:h\nx-amz-date:20150830T123600Z\n")
        << QStringLiteral("line 3: the request already carries X-Amz-Date");
}

void TestSignRequest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, request);
    QFETCH(QString, mentions);
    const Run r = run(arguments, exampleEnvironment(), request);
    QCOMPARE(r.exitCode, 252);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY2(r.err.contains("--help"), r.err.constData());
}

void TestSignRequest::missingConfiguration_data()
{
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<QStringList>("notMentioned");
    const QStringList withRegion {QStringLiteral("--region"), QStringLiteral("us-east-1")};

    QTest::newRow("no credentials")
        << environment({}) << withRegion
        << QStringList {QStringLiteral("no credentials"), QStringLiteral("AWS_ACCESS_KEY_ID"),
                        QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("profile default"),
                        awsHome().filePath(QStringLiteral("credentials"))}
        << QStringList();
    QTest::newRow("no secret")
        << environment({{QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE")}})
        << withRegion
        << QStringList {QStringLiteral("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")}
        << QStringList();
    QTest::newRow("empty key id")
        << environment({{QStringLiteral("AWS_ACCESS_KEY_ID"), QString()},
                        {QStringLiteral("AWS_SECRET_ACCESS_KEY"), Secret}})
        << withRegion
        << QStringList {QStringLiteral("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")}
        << QStringList {Secret};
    QTest::newRow("no region") << exampleEnvironment() << QStringList()
                               << QStringList {QStringLiteral("--region"),
                                               QStringLiteral("AWS_REGION"),
                                               QStringLiteral("AWS_DEFAULT_REGION"),
                                               QStringLiteral("profile default")}
                               << QStringList {Secret};
    QTest::newRow("missing profile")
        << exampleEnvironment()
        << QStringList {QStringLiteral("--profile"), QStringLiteral("nosuchprofile"),
                        QStringLiteral("--region"), QStringLiteral("us-east-1")}
        << QStringList {QStringLiteral("nosuchprofile")} << QStringList {Secret};
}

void TestSignRequest::missingConfiguration()
{
    QFETCH(QProcessEnvironment, env);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    QFETCH(QStringList, notMentioned);
    const Run r = run(arguments + QStringList {QStringLiteral("--request"), QStringLiteral("-")},
                      env, SimpleRequest);
    QCOMPARE(r.exitCode, 253);
    QVERIFY(r.out.isEmpty());
    for (const QString &m : mentions)
        QVERIFY2(QString::fromUtf8(r.err).contains(m), r.err.constData());
    for (const QString &m : notMentioned)
        QVERIFY2(!QString::fromUtf8(r.err).contains(m), r.err.constData());
}

void TestSignRequest::regionFromEnvironment_data()
{
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("region");
    auto env = exampleEnvironment();
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("eu-west-1"));
    QTest::newRow("AWS_DEFAULT_REGION") << env << QStringList() << QByteArray("eu-west-1");
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("ap-south-1"));
    QTest::newRow("AWS_REGION first") << env << QStringList() << QByteArray("ap-south-1");
    QTest::newRow("--region first")
        << env << QStringList {QStringLiteral("--region"), QStringLiteral("us-west-2")}
        << QByteArray("us-west-2");
}

void TestSignRequest::regionFromEnvironment()
{
    QFETCH(QProcessEnvironment, env);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, region);
    const Run r
        = run(arguments
                  + QStringList {QStringLiteral("--request"), QStringLiteral("-"),
                                 QStringLiteral("--time"), QStringLiteral("2024-05-01T12:00:00Z"),
                                 QStringLiteral("--print"), QStringLiteral("string-to-sign")},
              env, SimpleRequest);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.split('\n').value(2), "20240501/" + region + "/qbusiness/aws4_request");
}

void TestSignRequest::unusableToken()
{
    // A token with a line break would split the header: a configuration error that locates the
    // problem without printing the token.
    auto env = exampleEnvironment();
    env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("FQoGZXIvYXdz\nTOKENTAIL"));
    const Run r = run({QStringLiteral("--region"), QStringLiteral("us-east-1"),
                       QStringLiteral("--request"), QStringLiteral("-")},
                      env, SimpleRequest);
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains("position 13"), r.err.constData());
    QVERIFY2(r.err.contains("AWS_SESSION_TOKEN"), r.err.constData());
    QVERIFY(!r.err.contains("FQoGZXIvYXdz"));
    QVERIFY(!r.err.contains("TOKENTAIL"));
}

void TestSignRequest::profile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<EnvList>("aws");
    QTest::addColumn<QByteArray>("credential");
    const QList<QPair<QString, QString>> envKeys {
        {QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDFROMENV")},
        {QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("env-secret")}};
    QTest::newRow("--profile ignores the key variables")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("ops")} << envKeys
        << QByteArray("AKIDFROMFILE/20240501/eu-central-1/qbusiness");
    QTest::newRow("AWS_PROFILE does not")
        << QStringList()
        << (envKeys
            + QList<QPair<QString, QString>> {{QStringLiteral("AWS_PROFILE"),
                                               QStringLiteral("ops")}})
        << QByteArray("AKIDFROMENV/20240501/eu-central-1/qbusiness");
    QTest::newRow("AWS_PROFILE alone")
        << QStringList()
        << QList<QPair<QString, QString>> {{QStringLiteral("AWS_PROFILE"), QStringLiteral("ops")}}
        << QByteArray("AKIDFROMFILE/20240501/eu-central-1/qbusiness");
    QTest::newRow("--region over the profile")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("ops"),
                        QStringLiteral("--region"), QStringLiteral("us-west-2")}
        << QList<QPair<QString, QString>>()
        << QByteArray("AKIDFROMFILE/20240501/us-west-2/qbusiness");
}

void TestSignRequest::profile()
{
    QFETCH(QStringList, arguments);
    QFETCH(EnvList, aws);
    QFETCH(QByteArray, credential);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("config"));
    const QString credentials = dir.filePath(QStringLiteral("credentials"));
    QFile c(config);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("[profile ops]\nregion = eu-central-1\n");
    c.close();
    QFile k(credentials);
    QVERIFY(k.open(QIODevice::WriteOnly));
    k.write("[ops]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = file-secret\n"
            "aws_session_token = FILETOKEN123\n");
    k.close();
    QProcessEnvironment env = environment(aws);
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), config);
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentials);

    const QStringList common {QStringLiteral("--request"), QStringLiteral("-"),
                              QStringLiteral("--time"), QStringLiteral("2024-05-01T12:00:00Z")};
    const Run r = run(arguments + common, env, SimpleRequest);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(QByteArray("Credential=" + credential + "/aws4_request")),
             r.out.constData());
    // The file's session token is signed and shown redacted, never printed.
    const bool fileKeys = credential.startsWith("AKIDFROMFILE");
    QCOMPARE(r.out.contains("X-Amz-Security-Token:** REDACTED **"), fileKeys);
    QVERIFY(!r.out.contains("FILETOKEN123") && !r.err.contains("FILETOKEN123"));
    QVERIFY(!r.out.contains("file-secret") && !r.out.contains("env-secret"));
}

void TestSignRequest::timeFormats_data()
{
    QTest::addColumn<QString>("time");
    QTest::newRow("ISO 8601 Z") << QStringLiteral("2015-08-30T12:36:00Z");
    QTest::newRow("X-Amz-Date") << QStringLiteral("20150830T123600Z");
    QTest::newRow("milliseconds") << QStringLiteral("2015-08-30T12:36:00.250Z");
    QTest::newRow("offset") << QStringLiteral("2015-08-30T14:36:00+02:00");
    QTest::newRow("negative offset") << QStringLiteral("2015-08-30T07:36:00-05:00");
}

void TestSignRequest::timeFormats()
{
    QFETCH(QString, time);
    const Run r = run({QStringLiteral("--region"), QStringLiteral("us-east-1"),
                       QStringLiteral("--request"), QStringLiteral("-"), QStringLiteral("--time"),
                       time, QStringLiteral("--print"), QStringLiteral("string-to-sign")},
                      exampleEnvironment(), SimpleRequest);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.split('\n').value(1), QByteArray("20150830T123600Z"));
}

void TestSignRequest::tokenInTheRequestIsRedacted()
{
    // An operator may paste a request that carries its own token: it is signed as written and
    // still never printed.
    const QByteArray request = "GET / HTTP/1.1\nHost:h\nX-Amz-Security-Token:PASTEDTOKEN\n";
    const QStringList args {QStringLiteral("--region"),  QStringLiteral("us-east-1"),
                            QStringLiteral("--request"), QStringLiteral("-"),
                            QStringLiteral("--time"),    QStringLiteral("20150830T123600Z")};
    for (const QString &stage :
         {QStringLiteral("signed-request"), QStringLiteral("canonical-request")}) {
        const Run r = run(args + QStringList {QStringLiteral("--print"), stage},
                          exampleEnvironment(), request);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.out.contains("PASTEDTOKEN"), r.out.constData());
        QVERIFY2(r.out.contains(syncdeck::cli::RedactedToken), r.out.constData());
        QVERIFY(r.err.contains("shown as"));
    }
    const Run r
        = run(args + QStringList {QStringLiteral("--print"), QStringLiteral("authorization")},
              exampleEnvironment(), request);
    QVERIFY(r.out.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
}

void TestSignRequest::defaultTimeIsNow()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Run r = run({QStringLiteral("--region"), QStringLiteral("us-east-1"),
                       QStringLiteral("--request"), QStringLiteral("-")},
                      exampleEnvironment(), SimpleRequest);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    QCOMPARE(r.exitCode, 0);
    const qsizetype at = r.out.indexOf("\nX-Amz-Date:");
    QVERIFY(at >= 0);
    const QDateTime signedAt = QDateTime::fromString(QString::fromLatin1(r.out.mid(at + 12, 16)),
                                                     QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QVERIFY(signedAt.isValid());
    QDateTime utc = signedAt;
    utc.setTimeSpec(Qt::UTC);
    QVERIFY2(utc >= before.addMSecs(-before.time().msec()) && utc <= after, r.out.constData());
}

void TestSignRequest::crlfRequest()
{
    const QByteArray crlf
        = "GET /applications HTTP/1.1\r\nHost:qbusiness.us-east-1.api.aws\r\n\r\n";
    const QStringList args {QStringLiteral("--region"),  QStringLiteral("us-east-1"),
                            QStringLiteral("--time"),    QStringLiteral("2024-05-01T12:00:00Z"),
                            QStringLiteral("--request"), QStringLiteral("-")};
    const Run withCrlf = run(args, exampleEnvironment(), crlf);
    const Run withLf = run(args, exampleEnvironment(), SimpleRequest);
    QCOMPARE(withCrlf.exitCode, 0);
    QCOMPARE(withLf.exitCode, 0);
    // Same signature whatever the line ending; the output keeps the input's line ending.
    QCOMPARE(QByteArray(withCrlf.out).replace("\r\n", "\n"), withLf.out);
    QVERIFY(withCrlf.out.endsWith("\r\n\r\n"));
}

void TestSignRequest::help()
{
    const Run r = run({QStringLiteral("--help")}, environment({}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: syncdeck-cli sign-request"));
    QVERIFY(r.out.contains(syncdeck::cli::RedactedToken));
    QVERIFY(r.out.contains("--no-normalize"));
    QVERIFY(r.err.isEmpty());
    // The top-level help lists the command.
    QProcess p;
    p.start(QStringLiteral(SYNCDECK_CLI_PATH), {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.readAllStandardOutput().contains("sign-request"));
}

QTEST_GUILESS_MAIN(TestSignRequest)
#include "tst_signrequest.moc"
