// The shared-file parser on real files: sections, comments, nested blocks, errors with lines.
#include "testsupport.h"

#include "aws/awsconfig.h"
#include "aws/configfile.h"
#include "aws/profilecatalogue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

class TestConfigFile : public QObject
{
    Q_OBJECT
private slots:
    void values_data();
    void values();
    void issues_data();
    void issues();
    void brokenProfileDoesNotHideOthers();
    void catalogue();
    void missingFileIsNotAnError();
    void explicitProfileDefaultWins();
    void configFileFromEnvironmentWithTilde();
};

void TestConfigFile::values_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("line");

    QTest::newRow("plain") << QByteArray("[default]\nregion = us-east-1\n") << "default"
                           << "region"
                           << "us-east-1" << 2;
    QTest::newRow("no spaces") << QByteArray("[default]\nregion=us-east-1\n") << "default"
                               << "region"
                               << "us-east-1" << 2;
    QTest::newRow("keys are case-insensitive")
        << QByteArray("[default]\nRegion = eu-west-1\n") << "default"
        << "region"
        << "eu-west-1" << 2;
    QTest::newRow("comments and blank lines")
        << QByteArray("# top\n\n[default]\n; a comment\n  # indented comment\nregion = x\n")
        << "default"
        << "region"
        << "x" << 6;
    QTest::newRow("header spaces trimmed")
        << QByteArray("[ profile  dev ]\nregion=y\n") << "profile  dev"
        << "region"
        << "y" << 2;
    QTest::newRow("value keeps inner '=' and ':'")
        << QByteArray("[profile r]\nrole_arn = arn:aws:iam::1:role/a=b\n") << "profile r"
        << "role_arn"
        << "arn:aws:iam::1:role/a=b" << 2;
    QTest::newRow("CRLF and BOM") << QByteArray("\xEF\xBB\xBF[default]\r\nregion = z\r\n")
                                  << "default"
                                  << "region"
                                  << "z" << 2;
    QTest::newRow("later key wins") << QByteArray("[default]\nregion=a\nregion=b\n") << "default"
                                    << "region"
                                    << "b" << 3;
    QTest::newRow("empty value") << QByteArray("[default]\nregion =\n") << "default"
                                 << "region" << QString() << 2;
}

void TestConfigFile::values()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, section);
    QFETCH(QString, key);
    const ConfigFile file = ConfigFile::parse(text, QStringLiteral("cfg"));
    QVERIFY2(file.issues().isEmpty(), qPrintable(file.issues().value(0).toString()));
    QCOMPARE(file.sections().size(), 1);
    QCOMPARE(file.sections().first().header, section);
    const ConfigValue v = file.sections().first().values.value(key);
    QTEST(v.value, "value");
    QTEST(v.line, "line");
    QCOMPARE(v.location(), QStringLiteral("cfg:") + QString::number(v.line));
}

void TestConfigFile::issues_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("key before any section")
        << QByteArray("region = x\n[default]\n") << 1 << "appears before any [section] header";
    QTest::newRow("line without '='")
        << QByteArray("[default]\nregion us-east-1\n") << 2 << "expected `key = value`";
    QTest::newRow("unclosed header") << QByteArray("[default]\nregion=x\n[profile dev\nregion=y\n")
                                     << 3 << "missing its closing `]`";
    QTest::newRow("empty header") << QByteArray("[]\n") << 1 << "empty `[]`";
    QTest::newRow("duplicate section")
        << QByteArray("[default]\nregion=a\n[default]\nregion=b\n") << 3 << "defined twice";
    QTest::newRow("junk in nested block")
        << QByteArray("[services s]\nqbusiness =\n  endpoint_url = http://x\n  junk\n") << 4
        << "expected an indented `key = value` under `qbusiness =`";
    QTest::newRow("key without name")
        << QByteArray("[default]\n= value\n") << 2 << "expected `key = value`";
}

void TestConfigFile::issues()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    const ConfigFile file = ConfigFile::parse(text, QStringLiteral("/home/u/.aws/config"));
    const QList<ConfigIssue> issues = file.issues();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().line, line);
    QCOMPARE(issues.first().file, QStringLiteral("/home/u/.aws/config"));
    QVERIFY2(issues.first().message.contains(message), qPrintable(issues.first().message));
    QVERIFY(issues.first().toString().startsWith(QStringLiteral("/home/u/.aws/config:")
                                                 + QString::number(line) + u':'));
}

void TestConfigFile::brokenProfileDoesNotHideOthers()
{
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QVERIFY(syncdeck::test::writeFile(
        home.filePath(QStringLiteral(".aws/config")),
        "[profile good]\nregion = us-east-1\n\n[profile broken]\nregion eu-west-1\n\n"
        "[profile after]\nregion = ap-south-1\n"
        "[services s]\nqbusiness =\n  endpoint_url = http://127.0.0.1:1\n"
        "  Max_Attempts = 5\nsts =\n  endpoint_url = http://127.0.0.1:2\n"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    const AwsConfig config = AwsConfig::load(env);
    QCOMPARE(
        config.profileNames(),
        QStringList({QStringLiteral("good"), QStringLiteral("broken"), QStringLiteral("after")}));
    QCOMPARE(config.profile(QStringLiteral("good"))->text(QStringLiteral("region")),
             QStringLiteral("us-east-1"));
    QCOMPARE(config.profile(QStringLiteral("after"))->text(QStringLiteral("region")),
             QStringLiteral("ap-south-1"));
    QVERIFY(config.profile(QStringLiteral("good"))->issues.isEmpty());
    const auto broken = config.profile(QStringLiteral("broken"));
    QCOMPARE(broken->issues.size(), 1);
    QCOMPARE(broken->issues.first().line, 5);
    const QList<ProfileEntry> entries = profileCatalogue(config);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).problems.size(), 1);
    QVERIFY(entries.at(1).problems.first().startsWith(
        home.filePath(QStringLiteral(".aws/config:5: expected `key = value`"))));
    QVERIFY(entries.at(0).problems.isEmpty() && entries.at(2).problems.isEmpty());
    const auto services = config.services(QStringLiteral("s"));
    QVERIFY(services);
    const ConfigValue qb = services->values.value(QStringLiteral("qbusiness"));
    QCOMPARE(qb.subValues.value(QStringLiteral("endpoint_url")).value,
             QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(qb.subValues.value(QStringLiteral("max_attempts")).value, QStringLiteral("5"));
    QCOMPARE(qb.subValues.value(QStringLiteral("endpoint_url")).line, 11);
    QCOMPARE(services->values.value(QStringLiteral("sts"))
                 .subValues.value(QStringLiteral("endpoint_url"))
                 .value,
             QStringLiteral("http://127.0.0.1:2"));
}

void TestConfigFile::catalogue()
{
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    {
        QVERIFY(syncdeck::test::writeFile(
            home.filePath(QStringLiteral(".aws/config")),
            "[default]\nregion = us-east-1\n"
            "[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n"
            "[profile sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
            "[profile proc]\ncredential_process = /bin/helper --json\nregion = eu-west-1\n"
            "[profile both]\ncredential_process = /bin/helper\n"
            "[profile cfgkeys]\naws_access_key_id = A\naws_secret_access_key = B\n"
            "credential_process = /bin/helper\n"
            "[sso-session corp]\nsso_region = us-east-1\n"
            "[not-a-profile]\nregion = x\n"));
    }
    {
        QVERIFY(syncdeck::test::writeFile(
            home.filePath(QStringLiteral(".aws/credentials")),
            "[default]\naws_access_key_id = A\naws_secret_access_key = B\n"
            "[both]\naws_access_key_id = A\naws_secret_access_key = B\naws_session_token = T\n"
            "[onlycreds]\naws_access_key_id = A\naws_secret_access_key = B\n"));
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    const QList<ProfileEntry> entries = profileCatalogue(AwsConfig::load(env));
    const QString config = home.filePath(QStringLiteral(".aws/config"));
    const QString credentials = home.filePath(QStringLiteral(".aws/credentials"));
    struct Expected
    {
        const char *name;
        CredentialKind kind;
        const char *region;
        QString definedAt;
    };
    const QList<Expected> expected = {
        {"default", CredentialKind::StaticKeys, "us-east-1", config + QStringLiteral(":1")},
        {"role", CredentialKind::AssumeRole, "", config + QStringLiteral(":3")},
        {"sso", CredentialKind::Sso, "", config + QStringLiteral(":6")},
        {"proc", CredentialKind::Process, "eu-west-1", config + QStringLiteral(":10")},
        // Credentials-file keys come before credential_process in the chain...
        {"both", CredentialKind::SessionKeys, "", config + QStringLiteral(":13")},
        // ... and credential_process before config-file keys.
        {"cfgkeys", CredentialKind::Process, "", config + QStringLiteral(":15")},
        {"onlycreds", CredentialKind::StaticKeys, "", credentials + QStringLiteral(":8")},
    };
    QCOMPARE(entries.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(entries.at(i).name, QString::fromLatin1(expected.at(i).name));
        QCOMPARE(entries.at(i).kind, expected.at(i).kind);
        QCOMPARE(entries.at(i).region, QString::fromLatin1(expected.at(i).region));
        QCOMPARE(entries.at(i).definedAt, expected.at(i).definedAt);
        QVERIFY(entries.at(i).problems.isEmpty());
    }
}

void TestConfigFile::missingFileIsNotAnError()
{
    QTemporaryDir dir;
    const ConfigFile file = ConfigFile::load(dir.filePath(QStringLiteral("absent")));
    QVERIFY(!file.exists());
    QVERIFY(file.issues().isEmpty());
    QVERIFY(file.sections().isEmpty());
}

void TestConfigFile::explicitProfileDefaultWins()
{
    QTemporaryDir dir;
    QVERIFY(
        syncdeck::test::writeFile(dir.filePath(QStringLiteral("cfg")),
                                  "[profile default]\nregion = from-profile-default\n\n[default]\n"
                                  "region = from-default\noutput = json\n"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), dir.filePath(QStringLiteral("cfg")));
    const AwsConfig config = AwsConfig::load(env);
    QCOMPARE(config.profileNames(), QStringList {QStringLiteral("default")});
    const auto p = config.profile(QStringLiteral("default"));
    QCOMPARE(p->text(QStringLiteral("region")), QStringLiteral("from-profile-default"));
    QCOMPARE(p->text(QStringLiteral("output")), QStringLiteral("json"));
}

void TestConfigFile::configFileFromEnvironmentWithTilde()
{
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("etc")));
    QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral("etc/aws.ini")),
                                      "[profile x]\nregion = r\n"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("~/etc/aws.ini"));
    const AwsConfig config = AwsConfig::load(env);
    QCOMPARE(config.configPath(), home.filePath(QStringLiteral("etc/aws.ini")));
    QCOMPARE(config.profileNames(), QStringList {QStringLiteral("x")});
}

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
