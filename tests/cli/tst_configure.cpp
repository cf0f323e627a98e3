// `syncdeck-cli configure` as a user runs it: the real binary, a temporary HOME, real files.
#include "loopbackserver.h"
#include "testsupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class Home
{
public:
    Home()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral(".aws/sso/cache"));
        m_env.insert(QStringLiteral("HOME"), m_dir.path());
        m_env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        // Sanitizer settings of the test environment apply to the child too.
        const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        for (const QString &name : system.keys()) {
            if (name.endsWith(QLatin1String("SAN_OPTIONS")))
                m_env.insert(name, system.value(name));
        }
    }
    void write(const QString &relative, const QByteArray &text)
    {
        QVERIFY(syncdeck::test::writeFile(m_dir.filePath(relative), text));
    }
    void set(const QString &name, const QString &value) { m_env.insert(name, value); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // `before` goes before the command name, as global options may.
    Run run(const QStringList &arguments, const QStringList &before = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(SYNCDECK_CLI_PATH),
                before + QStringList {QStringLiteral("configure")} + arguments);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;

public:
    const QProcessEnvironment &environment() const { return m_env; }
};

// The row of `configure list` output named `name`, split into its four columns.
QStringList row(const QString &out, const QString &name)
{
    const QStringList lines = out.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(name + u' ')) {
            // name, value (may hold a space: "<not set>"), type (one word), then 4 spaces and
            // the location.
            const qsizetype locationAt = line.lastIndexOf(QStringLiteral("    "));
            QStringList words = line.left(locationAt).simplified().split(u' ');
            const QString first = words.takeFirst();
            const QString type = words.takeLast();
            return {first, words.join(u' '), type, line.mid(locationAt).trimmed()};
        }
    }
    return {};
}

const QByteArray Config
    = "[default]\nregion = eu-west-1\n\n"
      "[profile proc]\nregion = us-west-2\nservices = local\n"
      "credential_process = /bin/sh -c 'printf \"%s\" "
      "\"{\\\"Version\\\": 1, \\\"AccessKeyId\\\": \\\"AKIDPROCESSWXYZ\\\", "
      "\\\"SecretAccessKey\\\": \\\"processsecretvalue\\\"}\"'\n\n"
      "[services local]\nqbusiness =\n  endpoint_url = http://127.0.0.1:4566\n\n"
      "[profile dev]\nsso_session = corp\nsso_account_id = 1\n"
      "sso_role_name = R\nregion = us-east-1\n\n"
      "[sso-session corp]\nsso_region = us-east-1\n"
      "sso_start_url = https://corp.awsapps.com/start\n\n"
      "[profile mfa]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/r\n"
      "source_profile = default\nmfa_serial = arn:aws:iam::1:mfa/me\n\n"
      "[profile broken]\nthis line is broken\n";
const QByteArray Credentials = "[default]\naws_access_key_id = AKIDEXAMPLEABCD\n"
                               "aws_secret_access_key = defaultsecretvalue\n";

} // namespace

class TestConfigure : public QObject
{
    Q_OBJECT
private slots:
    void list_data();
    void list();
    void failures_data();
    void failures();
    void listProfiles();
    void mfaCodeFromTheTerminal();
    void usage_data();
    void usage();
    void globalOptionsBeforeCommand();
};

void TestConfigure::list_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("profileRow");
    QTest::addColumn<QStringList>("keyRow");
    QTest::addColumn<QStringList>("regionRow");
    QTest::addColumn<QStringList>("endpointRow");

    auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *i : items)
            list.append(QString::fromUtf8(i));
        return list;
    };
    QTest::newRow("default profile")
        << QStringList() << QStringList() << l({"profile", "<not set>", "None", "None"})
        << l({"access_key", "****************ABCD", "shared-credentials-file", "@credentials:2"})
        << l({"region", "eu-west-1", "config-file", "@config:2"})
        << l({"endpoint_url", "https://qbusiness.eu-west-1.api.aws", "rule-set",
              "region eu-west-1"});
    QTest::newRow("environment")
        << QStringList()
        << l({"AWS_ACCESS_KEY_ID=AKIDFROMENV9876", "AWS_SECRET_ACCESS_KEY=envsecretvalue",
              "AWS_REGION=ap-south-1", "AWS_ENDPOINT_URL=http://127.0.0.1:1"})
        << l({"profile", "<not set>", "None", "None"})
        << l({"access_key", "****************9876", "env", "AWS_ACCESS_KEY_ID"})
        << l({"region", "ap-south-1", "env", "AWS_REGION"})
        << l({"endpoint_url", "http://127.0.0.1:1", "env", "AWS_ENDPOINT_URL"});
    QTest::newRow("process profile with [services] endpoint")
        << l({"--profile", "proc"}) << QStringList()
        << l({"profile", "proc", "manual", "--profile"})
        << l({"access_key", "****************WXYZ", "custom-process", "@config:7"})
        << l({"region", "us-west-2", "config-file", "@config:5"})
        << l({"endpoint_url", "http://127.0.0.1:4566", "config-file", "@config:11"});
    QTest::newRow("explicit options")
        << l({"--region", "cn-north-1", "--endpoint-url", "https://example.com"})
        << l({"AWS_PROFILE=default"}) << l({"profile", "default", "env", "AWS_PROFILE"})
        << l({"access_key", "****************ABCD", "shared-credentials-file", "@credentials:2"})
        << l({"region", "cn-north-1", "manual", "--region"})
        << l({"endpoint_url", "https://example.com", "manual", "--endpoint-url"});
}

void TestConfigure::list()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, env);
    Home home;
    home.write(QStringLiteral(".aws/config"), Config);
    home.write(QStringLiteral(".aws/credentials"), Credentials);
    for (const QString &kv : std::as_const(env))
        home.set(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    const Run r = home.run(QStringList {QStringLiteral("list")} + arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto expand = [&home](QStringList cells) {
        for (QString &c : cells) {
            if (c.startsWith(u'@'))
                c = home.path(QStringLiteral(".aws/") + c.mid(1));
        }
        return cells;
    };
    QFETCH(QStringList, profileRow);
    QFETCH(QStringList, keyRow);
    QFETCH(QStringList, regionRow);
    QFETCH(QStringList, endpointRow);
    QCOMPARE(row(r.out, QStringLiteral("profile")), expand(profileRow));
    QCOMPARE(row(r.out, QStringLiteral("access_key")), expand(keyRow));
    QCOMPARE(row(r.out, QStringLiteral("region")), expand(regionRow));
    QCOMPARE(row(r.out, QStringLiteral("endpoint_url")), expand(endpointRow));
    QCOMPARE(row(r.out, QStringLiteral("secret_key")).value(1), QString(16, u'*'));
    QCOMPARE(row(r.out, QStringLiteral("max_attempts")).mid(0, 3),
             QStringList(
                 {QStringLiteral("max_attempts"), QStringLiteral("3"), QStringLiteral("default")}));
    // No secret, not even its end, reaches the output.
    for (const char *secret : {"defaultsecretvalue", "envsecretvalue", "processsecretvalue"})
        QVERIFY(!r.out.contains(QLatin1String(secret)) && !r.err.contains(QLatin1String(secret)));
}

void TestConfigure::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("tablePrinted");
    QTest::newRow("missing profile")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("nope")}
        << "The config profile (nope) could not be found" << false;
    QTest::newRow("broken profile")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("broken")}
        << "config:30: expected `key = value`" << false;
    QTest::newRow("sso without login")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("dev")}
        << "Run `aws sso login --profile dev`, then retry." << true;
    QTest::newRow("mfa without a terminal")
        << QStringList {QStringLiteral("--profile"), QStringLiteral("mfa")}
        << "requires an MFA code (mfa_serial = arn:aws:iam::1:mfa/me) and there is no way to "
           "ask for one here"
        << true;
}

void TestConfigure::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    Home home;
    home.write(QStringLiteral(".aws/config"), Config);
    home.write(QStringLiteral(".aws/credentials"), Credentials);
    const Run r = home.run(QStringList {QStringLiteral("list")} + arguments);
    QCOMPARE(r.exitCode, 253);
    message.replace(QStringLiteral("config:"), home.path(QStringLiteral(".aws/config:")));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.startsWith(QStringLiteral("syncdeck-cli: error: ")));
    QFETCH(bool, tablePrinted);
    QCOMPARE(!row(r.out, QStringLiteral("region")).isEmpty(), tablePrinted);
}

void TestConfigure::listProfiles()
{
    Home home;
    home.write(QStringLiteral(".aws/config"), Config);
    home.write(QStringLiteral(".aws/credentials"),
               Credentials + "[credsonly]\naws_access_key_id = A\naws_secret_access_key = B\n");
    const Run r = home.run({QStringLiteral("list-profiles")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("default\nproc\ndev\nmfa\nbroken\ncredsonly\n"));
    QVERIFY2(r.err.contains(home.path(QStringLiteral(".aws/config:30"))), qPrintable(r.err));

    Home empty;
    const Run none = empty.run({QStringLiteral("list-profiles")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QString());
}

void TestConfigure::mfaCodeFromTheTerminal()
{
    // `script` gives the CLI a pseudo-terminal, so it asks for the code as it would a person.
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("needs util-linux `script` to run the CLI on a pseudo-terminal");
    syncdeck::test::LoopbackServer sts([](const syncdeck::test::LoopbackServer::Request &) {
        return syncdeck::test::LoopbackServer::Response {
            200,
            "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAMFA1234"
            "</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>"
            "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
            "</AssumeRoleResponse>",
            {},
            false};
    });
    QVERIFY(sts.listen());
    Home home;
    home.write(QStringLiteral(".aws/config"), Config);
    home.write(QStringLiteral(".aws/credentials"), Credentials);
    home.set(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QProcess p;
    p.setProcessEnvironment(home.environment());
    p.start(script,
            {QStringLiteral("-qec"),
             QStringLiteral("'") + QStringLiteral(SYNCDECK_CLI_PATH)
                 + QStringLiteral("' configure list --profile mfa"),
             QStringLiteral("/dev/null")});
    QVERIFY(p.waitForStarted(10000));
    p.write("123456\n");
    p.closeWriteChannel();
    // The STS server lives in this process, so wait with the event loop running.
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
    const QString out = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Enter MFA code for arn:aws:iam::1:mfa/me: ")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("****************1234")));
    QCOMPARE(sts.requests().size(), 1);
    QVERIFY(sts.requests().first().body.contains("&SerialNumber=arn%3Aaws%3Aiam%3A%3A1%3Amfa%2Fme"
                                                 "&TokenCode=123456"));
}

void TestConfigure::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no subcommand") << QStringList() << 252;
    QTest::newRow("unknown subcommand") << QStringList {QStringLiteral("set")} << 252;
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("list"), QStringLiteral("--bogus")} << 252;
    QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0;
}

void TestConfigure::usage()
{
    QFETCH(QStringList, arguments);
    Home home;
    const Run r = home.run(arguments);
    QTEST(r.exitCode, "exitCode");
    if (r.exitCode == 0)
        QVERIFY(r.out.contains(QStringLiteral("list-profiles")));
    else
        QVERIFY(!r.err.isEmpty());
}

// `aws --output json --region R configure list --profile P`: every global option is accepted
// before the command, the ones configure list shows are used.
void TestConfigure::globalOptionsBeforeCommand()
{
    Home home;
    home.write(QStringLiteral(".aws/config"), Config);
    home.write(QStringLiteral(".aws/credentials"), Credentials);
    const Run r
        = home.run({QStringLiteral("list"), QStringLiteral("--profile"), QStringLiteral("proc")},
                   {QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("--region"),
                    QStringLiteral("cn-north-1"), QStringLiteral("--cli-read-timeout"),
                    QStringLiteral("5"), QStringLiteral("--debug")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(row(r.out, QStringLiteral("region")),
             QStringList({QStringLiteral("region"), QStringLiteral("cn-north-1"),
                          QStringLiteral("manual"), QStringLiteral("--region")}));
    QCOMPARE(row(r.out, QStringLiteral("profile")).value(1), QStringLiteral("proc"));
}

QTEST_GUILESS_MAIN(TestConfigure)
#include "tst_configure.moc"
