// credential_process with real helper scripts: success, bad output, failures, a hang.
#include "testsupport.h"

#include "aws/processcredentialsprovider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

namespace {

// Writes an executable /bin/sh script and returns its path.
QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString quoted(const QString &path)
{
    return u'\'' + path + u'\'';
}

} // namespace

class TestProcessCredentialsProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void success();
    void argumentsAreSplitWithoutAShell();
    void failures_data();
    void failures();
    void cachesUntilFifteenMinutesBeforeExpiry();
    void failedRefreshKeepsValidCredentials();
    void concurrentResolvesShareOneRun();
    void parseOutput_data();
    void parseOutput();

private:
    QTemporaryDir m_dir;
};

void TestProcessCredentialsProvider::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFile::exists(QStringLiteral("/bin/sh")))
        QSKIP("needs /bin/sh for the helper scripts");
}

void TestProcessCredentialsProvider::success()
{
    const QString script = writeScript(
        m_dir, QStringLiteral("ok.sh"),
        "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": "
        "\"secret\", \"SessionToken\": \"token\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n");
    ProcessCredentialsProvider provider(QStringLiteral("p"), quoted(script),
                                        QStringLiteral("config:3"),
                                        QProcessEnvironment::systemEnvironment());
    const CredentialsResult r = syncdeck::test::resolveNow(&provider, 20000);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIDPROCESS"));
    QCOMPARE(r.credentials.secretAccessKey.reveal(), QStringLiteral("secret"));
    QCOMPARE(r.credentials.sessionToken.reveal(), QStringLiteral("token"));
    QCOMPARE(r.credentials.expiration, QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(r.credentials.source, QStringLiteral("process:config:3"));
}

void TestProcessCredentialsProvider::argumentsAreSplitWithoutAShell()
{
    // The helper writes its arguments to a file; a shell would have expanded $HOME.
    QTemporaryDir spaced(m_dir.filePath(QStringLiteral("with space XXXXXX")));
    const QString argsFile = spaced.filePath(QStringLiteral("args.txt"));
    const QString script = writeScript(
        spaced, QStringLiteral("echo args.sh"),
        "printf '%s\\n' \"$1\" \"$2\" \"$3\" \"$#\" > '" + argsFile.toUtf8()
            + "'\necho '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\"}'\n");
    const QString command = u'"' + script + QStringLiteral("\" 'a b' \"c\\\"d\" $HOME");
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/should-not-expand"));
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    ProcessCredentialsProvider provider(QStringLiteral("p"), command, QStringLiteral("cfg:1"), env);
    const CredentialsResult r = syncdeck::test::resolveNow(&provider, 20000);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QFile args(argsFile);
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll(), QByteArray("a b\nc\"d\n$HOME\n3\n"));
}

void TestProcessCredentialsProvider::failures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("extraArgs");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad JSON") << QByteArray("echo 'not json'\n") << QString()
                              << "did not print a JSON object on stdout";
    QTest::newRow("wrong Version")
        << QByteArray("echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": "
                      "\"S\"}'\n")
        << QString() << "unsupported \"Version\" (2); only Version 1 is supported";
    QTest::newRow("missing Version")
        << QByteArray("echo '{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'\n") << QString()
        << "unsupported \"Version\" (missing)";
    QTest::newRow("missing secret")
        << QByteArray("echo '{\"Version\": 1, \"AccessKeyId\": \"A\"}'\n") << QString()
        << "printed no \"SecretAccessKey\"";
    QTest::newRow("bad Expiration")
        << QByteArray("echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": "
                      "\"S\", \"Expiration\": \"tomorrow\"}'\n")
        << QString() << "not an RFC 3339 time: tomorrow";
    QTest::newRow("non-zero exit shows stderr")
        << QByteArray("echo 'token expired, run corp-login' >&2\nexit 3\n") << QString()
        << "exited with code 3: token expired, run corp-login";
    QTest::newRow("non-zero exit without stderr")
        << QByteArray("exit 1\n") << QString() << "exited with code 1 and wrote nothing";
    QTest::newRow("hang past the timeout")
        << QByteArray("echo 'waiting for a browser' >&2\nexec sleep 30\n") << QString()
        << "did not finish within 300 ms and was stopped; stderr: waiting for a browser";
    QTest::newRow("unterminated quote") << QByteArray("exit 0\n") << QStringLiteral(" 'oops")
                                        << "cannot be parsed: a single quote (') is not closed";
}

void TestProcessCredentialsProvider::failures()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, extraArgs);
    QFETCH(QString, message);
    const QString script = writeScript(m_dir, QStringLiteral("fail.sh"), body);
    ProcessCredentialsProvider provider(QStringLiteral("corp"), quoted(script) + extraArgs,
                                        QStringLiteral("cfg:7"),
                                        QProcessEnvironment::systemEnvironment());
    provider.setTimeout(300);
    const CredentialsResult r = syncdeck::test::resolveNow(&provider, 20000);
    QVERIFY(r.error.isError());
    QCOMPARE(r.error.kind, CredentialsError::Kind::Failed);
    QVERIFY2(
        r.error.message.startsWith(QStringLiteral("credential_process of profile corp (cfg:7) ")),
        qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
    QVERIFY(!r.error.nextStep.isEmpty());
    QVERIFY(!r.credentials.isValid());
}

void TestProcessCredentialsProvider::cachesUntilFifteenMinutesBeforeExpiry()
{
    const QString script
        = writeScript(m_dir, QStringLiteral("expiring.sh"),
                      "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", "
                      "\"Expiration\": \"2030-01-01T12:00:00Z\"}'\n");
    ProcessCredentialsProvider provider(QStringLiteral("p"), quoted(script), QStringLiteral("c:1"),
                                        QProcessEnvironment::systemEnvironment());
    QDateTime now(QDate(2030, 1, 1), QTime(11, 0), Qt::UTC);
    provider.setClock([&now] { return now; });
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    QCOMPARE(provider.fetchCount(), 1); // an hour left: cached
    now = QDateTime(QDate(2030, 1, 1), QTime(11, 44, 59), Qt::UTC);
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    QCOMPARE(provider.fetchCount(), 1); // 15 min 1 s left: still cached
    now = QDateTime(QDate(2030, 1, 1), QTime(11, 45), Qt::UTC);
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    QCOMPARE(provider.fetchCount(), 2); // 15 minutes left: refreshed
    provider.invalidate();
    now = QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    QCOMPARE(provider.fetchCount(), 3); // invalidate() forgets
}

void TestProcessCredentialsProvider::failedRefreshKeepsValidCredentials()
{
    // First run succeeds, later runs fail (a marker file counts the runs).
    const QString marker = m_dir.filePath(QStringLiteral("ran-once"));
    const QString script = writeScript(
        m_dir, QStringLiteral("flaky.sh"),
        "if [ -e '" + marker.toUtf8()
            + "' ]; then echo 'backend down' >&2; exit 2; fi\n"
              "touch '"
            + marker.toUtf8()
            + "'\n"
              "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", "
              "\"Expiration\": \"2030-01-01T12:00:00Z\"}'\n");
    ProcessCredentialsProvider provider(QStringLiteral("p"), quoted(script), QStringLiteral("c:1"),
                                        QProcessEnvironment::systemEnvironment());
    QDateTime now(QDate(2030, 1, 1), QTime(11, 50), Qt::UTC); // inside the refresh window
    provider.setClock([&now] { return now; });
    QVERIFY(!syncdeck::test::resolveNow(&provider, 20000).error.isError());
    const CredentialsResult second = syncdeck::test::resolveNow(&provider, 20000);
    QCOMPARE(provider.fetchCount(), 2);
    QVERIFY2(!second.error.isError(), qPrintable(second.error.message));
    QCOMPARE(second.credentials.accessKeyId, QStringLiteral("A"));
    now = QDateTime(QDate(2030, 1, 1), QTime(12, 0, 1), Qt::UTC); // expired: the error shows
    const CredentialsResult third = syncdeck::test::resolveNow(&provider, 20000);
    QVERIFY(third.error.isError());
    QVERIFY(third.error.message.contains(QStringLiteral("backend down")));
}

void TestProcessCredentialsProvider::concurrentResolvesShareOneRun()
{
    const QString script = writeScript(
        m_dir, QStringLiteral("slowish.sh"),
        "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'\n");
    ProcessCredentialsProvider provider(QStringLiteral("p"), quoted(script), QStringLiteral("c:1"),
                                        QProcessEnvironment::systemEnvironment());
    QObject context;
    int answers = 0;
    auto *gone = new QObject;
    bool goneCalled = false;
    for (int i = 0; i < 3; ++i)
        provider.resolve(&context, [&answers](const CredentialsResult &r) {
            QVERIFY(!r.error.isError());
            ++answers;
        });
    provider.resolve(gone, [&goneCalled](const CredentialsResult &) { goneCalled = true; });
    delete gone; // a caller that went away is never called back
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 20000);
    QCOMPARE(provider.fetchCount(), 1);
    QVERIFY(!goneCalled);
}

void TestProcessCredentialsProvider::parseOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::newRow("minimal") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S"})")
                             << true;
    QTest::newRow("offset expiration") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2030-01-01T13:00:00+01:00"})")
                                       << true;
    QTest::newRow("null expiration")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":null})")
        << true;
    QTest::newRow("string version")
        << QByteArray(R"({"Version":"1","AccessKeyId":"A","SecretAccessKey":"S"})") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestProcessCredentialsProvider::parseOutput()
{
    QFETCH(QByteArray, json);
    const CredentialsResult r = ProcessCredentialsProvider::parseOutput(json);
    QTEST(!r.error.isError(), "ok");
    if (json.contains("+01:00"))
        QCOMPARE(r.credentials.expiration, QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestProcessCredentialsProvider)
#include "tst_processcredentialsprovider.moc"
