// Session resolution against real files in a temporary HOME and an environment object.
#include "testsupport.h"

#include "aws/session.h"

#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

namespace {

// "config:3" / "credentials:2" in expectations stand for file:line in the temporary HOME.
QString expand(QString text, const QString &home)
{
    text.replace(QStringLiteral("config:"), home + QStringLiteral("/.aws/config:"));
    text.replace(QStringLiteral("credentials:"), home + QStringLiteral("/.aws/credentials:"));
    return text;
}

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(item ? QString::fromUtf8(item) : QString());
    return list;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void resolution_data();
    void resolution();
    void errors_data();
    void errors();
    void environmentFilesOverrideHome();
    void describeWithoutCredentials();
    void logsEndpoint_data();
    void logsEndpoint();
};

void TestSession::resolution_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("credentials");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("options"); // profile, region, endpointUrl
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("regionSource");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("endpointSource");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("credentialSource");

    const QByteArray config
        = "[default]\nregion = eu-west-1\n\n"
          "[profile dev]\nregion = us-west-2\naws_access_key_id = AKIDCONFIG\n"
          "aws_secret_access_key = configsecret\nservices = local\n\n"
          "[services local]\nqbusiness =\n  endpoint_url = http://127.0.0.1:9\n";
    const QByteArray credentials = "[default]\naws_access_key_id = AKIDDEFAULT\n"
                                   "aws_secret_access_key = s\n\n[dev]\n"
                                   "AWS_ACCESS_KEY_ID = AKIDCREDS\naws_secret_access_key = t\n"
                                   "aws_session_token = tok\n";
    const QStringList none;
    const QStringList noOptions = sl({nullptr, nullptr, nullptr});

    QTest::newRow("default profile, creds file keys")
        << config << credentials << none << noOptions << "default"
        << "eu-west-1"
        << "config:2"
        << "https://qbusiness.eu-west-1.api.aws"
        << "rule set (region eu-west-1)" << int(CredentialKind::StaticKeys) << "credentials:2";
    QTest::newRow("AWS_PROFILE; credentials file overrides config keys")
        << config << credentials << sl({"AWS_PROFILE=dev"}) << noOptions << "dev"
        << "us-west-2"
        << "config:5"
        << "http://127.0.0.1:9"
        << "config:12" << int(CredentialKind::SessionKeys) << "credentials:6";
    QTest::newRow("env keys win over AWS_PROFILE")
        << config << credentials
        << sl({"AWS_PROFILE=dev", "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=x"})
        << noOptions << "dev"
        << "us-west-2"
        << "config:5"
        << "http://127.0.0.1:9"
        << "config:12" << int(CredentialKind::Environment) << "env AWS_ACCESS_KEY_ID";
    QTest::newRow("explicit profile ignores env keys")
        << config << credentials << sl({"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=x"})
        << sl({"dev", nullptr, nullptr}) << "dev"
        << "us-west-2"
        << "config:5"
        << "http://127.0.0.1:9"
        << "config:12" << int(CredentialKind::SessionKeys) << "credentials:6";
    QTest::newRow("region: AWS_REGION over AWS_DEFAULT_REGION over profile")
        << config << credentials << sl({"AWS_REGION=ap-south-1", "AWS_DEFAULT_REGION=ca-central-1"})
        << noOptions << "default"
        << "ap-south-1"
        << "env AWS_REGION"
        << "https://qbusiness.ap-south-1.api.aws"
        << "rule set (region ap-south-1)" << int(CredentialKind::StaticKeys) << "credentials:2";
    QTest::newRow("region: AWS_DEFAULT_REGION over profile")
        << config << credentials << sl({"AWS_DEFAULT_REGION=cn-north-1"}) << noOptions << "default"
        << "cn-north-1"
        << "env AWS_DEFAULT_REGION"
        << "https://qbusiness.cn-north-1.api.amazonwebservices.com.cn"
        << "rule set (region cn-north-1)" << int(CredentialKind::StaticKeys) << "credentials:2";
    QTest::newRow("explicit region and endpoint win")
        << config << credentials
        << sl({"AWS_REGION=ap-south-1", "AWS_ENDPOINT_URL_QBUSINESS=http://127.0.0.1:1"})
        << sl({nullptr, "us-gov-east-1", "https://example.com"}) << "default"
        << "us-gov-east-1"
        << "--region"
        << "https://example.com"
        << "--endpoint-url" << int(CredentialKind::StaticKeys) << "credentials:2";
    QTest::newRow("AWS_ENDPOINT_URL_QBUSINESS over AWS_ENDPOINT_URL over [services]")
        << config << credentials
        << sl({"AWS_PROFILE=dev", "AWS_ENDPOINT_URL_QBUSINESS=http://127.0.0.1:1",
               "AWS_ENDPOINT_URL=http://127.0.0.1:2"})
        << noOptions << "dev"
        << "us-west-2"
        << "config:5"
        << "http://127.0.0.1:1"
        << "env AWS_ENDPOINT_URL_QBUSINESS" << int(CredentialKind::SessionKeys) << "credentials:6";
    QTest::newRow("AWS_ENDPOINT_URL over [services]")
        << config << credentials << sl({"AWS_PROFILE=dev", "AWS_ENDPOINT_URL=http://127.0.0.1:2"})
        << noOptions << "dev"
        << "us-west-2"
        << "config:5"
        << "http://127.0.0.1:2"
        << "env AWS_ENDPOINT_URL" << int(CredentialKind::SessionKeys) << "credentials:6";
    QTest::newRow("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        << config << credentials
        << sl({"AWS_PROFILE=dev", "AWS_ENDPOINT_URL=http://127.0.0.1:2",
               "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"})
        << noOptions << "dev"
        << "us-west-2"
        << "config:5"
        << "https://qbusiness.us-west-2.api.aws"
        << "rule set (region us-west-2)" << int(CredentialKind::SessionKeys) << "credentials:6";
    QTest::newRow("profile endpoint_url last")
        << QByteArray("[default]\nregion=us-east-1\nendpoint_url = http://127.0.0.1:3\n"
                      "aws_access_key_id=A\naws_secret_access_key=B\n")
        << QByteArray() << none << noOptions << "default"
        << "us-east-1"
        << "config:2"
        << "http://127.0.0.1:3"
        << "config:3" << int(CredentialKind::StaticKeys) << "config:4";
    QTest::newRow("FIPS from the profile")
        << QByteArray("[default]\nregion=us-east-1\nuse_fips_endpoint = TRUE\n"
                      "aws_access_key_id=A\naws_secret_access_key=B\n")
        << QByteArray() << none << noOptions << "default"
        << "us-east-1"
        << "config:2"
        << "https://qbusiness-fips.us-east-1.api.aws"
        << "rule set (region us-east-1)" << int(CredentialKind::StaticKeys) << "config:4";
}

void TestSession::resolution()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, credentials);
    QFETCH(QStringList, env);
    QFETCH(QStringList, options);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral(".aws/config")), config));
    if (!credentials.isEmpty())
        QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral(".aws/credentials")),
                                          credentials));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const QString &kv : std::as_const(env))
        environment.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));

    SessionOptions o;
    o.profile = options.at(0);
    o.region = options.at(1);
    o.endpointUrl = options.at(2);
    QObject parent;
    Session s;
    SessionError e;
    QVERIFY2(resolveSession(o, environment, &parent, &s, &e), qPrintable(e.message));
    QTEST(s.profile, "profile");
    QTEST(s.region, "region");
    QFETCH(QString, regionSource);
    QCOMPARE(s.regionSource, expand(regionSource, home.path()));
    QTEST(s.endpoint.toString(), "endpoint");
    QFETCH(QString, endpointSource);
    QCOMPARE(s.endpointSource, expand(endpointSource, home.path()));
    QTEST(int(s.credentialKind), "kind");
    QFETCH(QString, credentialSource);
    QCOMPARE(s.credentialSource, expand(credentialSource, home.path()));
    QVERIFY(s.credentials);
    QCOMPARE(s.credentials->parent(), &parent);
}

void TestSession::errors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("message");

    const QByteArray keys = "aws_access_key_id=A\naws_secret_access_key=B\n";
    QTest::newRow("missing named profile")
        << QByteArray("[default]\nregion=us-east-1\n" + keys) << sl({}) << "nope"
        << "The config profile (nope) could not be found";
    QTest::newRow("missing AWS_PROFILE profile")
        << QByteArray("[default]\nregion=us-east-1\n" + keys) << sl({"AWS_PROFILE=gone"})
        << QString() << "The config profile (gone) could not be found";
    QTest::newRow("no region") << QByteArray("[default]\n" + keys) << sl({}) << QString()
                               << "Invalid Configuration: Missing Region";
    QTest::newRow("FIPS and custom endpoint")
        << QByteArray("[default]\nregion=us-east-1\nendpoint_url=https://example.com\n"
                      "use_fips_endpoint=true\n"
                      + keys)
        << sl({}) << QString()
        << "Invalid Configuration: FIPS and custom endpoint are not supported";
    QTest::newRow("broken line in the chosen profile")
        << QByteArray("[default]\nregion=us-east-1\n" + keys + "[profile bad]\nthis is junk\n")
        << sl({}) << "bad"
        << "config:6: expected `key = value`";
    QTest::newRow("bad max_attempts")
        << QByteArray("[default]\nregion=us-east-1\nmax_attempts=zero\n" + keys) << sl({})
        << QString() << "max_attempts (config:3) must be a whole number";
    QTest::newRow("bad AWS_RETRY_MODE")
        << QByteArray("[default]\nregion=us-east-1\n" + keys) << sl({"AWS_RETRY_MODE=x"})
        << QString() << "retry_mode (env AWS_RETRY_MODE) must be standard, legacy or adaptive";
    QTest::newRow("no credentials")
        << QByteArray("[default]\nregion=us-east-1\n") << sl({}) << QString()
        << "Unable to locate credentials for profile default";
    QTest::newRow("partial env keys")
        << QByteArray("[default]\nregion=us-east-1\n") << sl({"AWS_ACCESS_KEY_ID=A"}) << QString()
        << "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not";
    QTest::newRow("partial profile keys")
        << QByteArray("[default]\nregion=us-east-1\naws_access_key_id=A\n") << sl({}) << QString()
        << "Partial credentials in profile default (config:3)";
    QTest::newRow("source_profile loop") << QByteArray(
        "[default]\nregion=us-east-1\n[profile a]\nregion=us-east-1\nrole_arn=arn:aws:iam::1:role/"
        "a\nsource_profile=b\n[profile b]\nrole_arn=arn:aws:iam::1:role/b\n"
        "source_profile=a\n") << sl({}) << "a"
                                         << "source_profile loop: a -> b -> a";
    QTest::newRow("both source_profile and credential_source")
        << QByteArray("[profile a]\nregion=us-east-1\nrole_arn=arn:aws:iam::1:role/a\n"
                      "source_profile=b\ncredential_source=Environment\n")
        << sl({}) << "a"
        << "has both source_profile (config:4) and credential_source";
    QTest::newRow("credential_source Environment without keys")
        << QByteArray("[profile a]\nregion=us-east-1\nrole_arn=arn:aws:iam::1:role/a\n"
                      "credential_source=Environment\n")
        << sl({}) << "a"
        << "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set";
    QTest::newRow("unsupported credential_source")
        << QByteArray("[profile a]\nregion=us-east-1\nrole_arn=arn:aws:iam::1:role/a\n"
                      "credential_source=Ec2InstanceMetadata\n")
        << sl({}) << "a"
        << "credential_source Ec2InstanceMetadata (config:4) is not";
    QTest::newRow("sso without account")
        << QByteArray("[profile s]\nregion=us-east-1\nsso_start_url=https://x.awsapps.com/start\n"
                      "sso_region=us-east-1\nsso_role_name=R\n")
        << sl({}) << "s"
        << "is missing sso_account_id";
    QTest::newRow("sso_session section missing")
        << QByteArray("[profile s]\nregion=us-east-1\nsso_session=corp\nsso_account_id=1\n"
                      "sso_role_name=R\n")
        << sl({}) << "s"
        << "there is no [sso-session corp]";
    QTest::newRow("duration out of range")
        << QByteArray("[profile a]\nregion=us-east-1\nrole_arn=arn:aws:iam::1:role/a\n"
                      "source_profile=a\naws_access_key_id=A\naws_secret_access_key=B\n"
                      "duration_seconds=60\n")
        << sl({}) << "a"
        << "duration_seconds (config:7) must be a number of seconds";
    QTest::newRow("unreadable CA bundle")
        << QByteArray("[default]\nregion=us-east-1\nca_bundle=/nonexistent/ca.pem\n" + keys)
        << sl({}) << QString() << "cannot read the CA bundle /nonexistent/ca.pem";
    QTest::newRow("proxy that is not a proxy URL")
        << QByteArray("[default]\nregion=us-east-1\n" + keys)
        << sl({"https_proxy=ftp://user:hunter2@proxy.corp"}) << QString()
        << "https_proxy (proxy.corp) is not a usable proxy: the scheme \"ftp\"";
}

void TestSession::errors()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, env);
    QFETCH(QString, profile);
    QFETCH(QString, message);

    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral(".aws/config")), config));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const QString &kv : std::as_const(env))
        environment.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));

    SessionOptions o;
    o.profile = profile;
    QObject parent;
    Session s;
    SessionError e;
    QVERIFY(!resolveSession(o, environment, &parent, &s, &e));
    QVERIFY2(e.message.contains(expand(message, home.path())), qPrintable(e.message));
    QVERIFY2(!e.nextStep.isEmpty(), qPrintable(e.message));
    QVERIFY(parent.children().isEmpty());
}

void TestSession::environmentFilesOverrideHome()
{
    QTemporaryDir home;
    QTemporaryDir elsewhere;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral(".aws/config")),
                                      "[default]\nregion=us-east-1\n"));
    QVERIFY(syncdeck::test::writeFile(elsewhere.filePath(QStringLiteral("cfg")),
                                      "[profile x]\nregion=eu-north-1\n"));
    QVERIFY(syncdeck::test::writeFile(elsewhere.filePath(QStringLiteral("creds")),
                                      "[x]\naws_access_key_id=AKIDX\naws_secret_access_key=S\n"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), elsewhere.filePath(QStringLiteral("cfg")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
               elsewhere.filePath(QStringLiteral("creds")));
    SessionOptions o;
    o.profile = QStringLiteral("x");
    QObject parent;
    Session s;
    SessionError e;
    QVERIFY2(resolveSession(o, env, &parent, &s, &e), qPrintable(e.message));
    QCOMPARE(s.region, QStringLiteral("eu-north-1"));
    QCOMPARE(s.credentialSource,
             elsewhere.filePath(QStringLiteral("creds")) + QStringLiteral(":2"));
    QVERIFY(s.proxies.isEmpty());

    // The proxy variables travel with the session (to the client, STS and the SSO portal).
    env.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://proxy.corp:3128"));
    env.insert(QStringLiteral("no_proxy"), QStringLiteral(".internal.corp"));
    Session proxied;
    QVERIFY2(resolveSession(o, env, &parent, &proxied, &e), qPrintable(e.message));
    QCOMPARE(proxied.proxies.httpsSource, QStringLiteral("env HTTPS_PROXY"));
    QCOMPARE(proxied.proxies.https.hostName(), QStringLiteral("proxy.corp"));
    QCOMPARE(proxied.proxies.noProxy, QStringList {QStringLiteral("internal.corp")});
}

void TestSession::describeWithoutCredentials()
{
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    QObject parent;
    Session s;
    SessionError e;
    QVERIFY2(describeSession({}, env, &parent, &s, &e), qPrintable(e.message));
    QCOMPARE(s.profile, QStringLiteral("default"));
    QVERIFY(!s.profileExists);
    QVERIFY(s.region.isEmpty());
    QVERIFY(!s.credentials);
    QCOMPARE(s.credentialKind, CredentialKind::None);
    QCOMPARE(s.maxAttempts, 3);
    QCOMPARE(s.retryMode, QStringLiteral("standard"));
}

// CloudWatch Logs resolves by the same rule as Q Business, with its own names; a Logs setting
// that cannot be resolved leaves the session (and Q Business) working.
void TestSession::logsEndpoint_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QStringList>("options"); // region, endpointUrl, logsEndpointUrl
    QTest::addColumn<QString>("logsEndpoint");
    QTest::addColumn<QString>("logsSource"); // or the error, when logsEndpoint is empty
    QTest::addColumn<QString>("qbusinessEndpoint");
    const QByteArray keys = "aws_access_key_id=AKIDEXAMPLE\naws_secret_access_key=s\n";
    const QByteArray base = "[default]\nregion=eu-west-1\n" + keys;
    const QByteArray services = "[default]\nregion=eu-west-1\nservices = local\n" + keys
        + "[services local]\ncloudwatch_logs =\n  endpoint_url = http://127.0.0.1:7\n"
          "qbusiness =\n  endpoint_url = http://127.0.0.1:8\n";
    QTest::newRow("rule set") << base << QStringList() << sl({"", "", ""})
                              << "https://logs.eu-west-1.amazonaws.com"
                              << "rule set (region eu-west-1)"
                              << "https://qbusiness.eu-west-1.api.aws";
    QTest::newRow("china") << base << QStringList() << sl({"cn-north-1", "", ""})
                           << "https://logs.cn-north-1.amazonaws.com.cn"
                           << "rule set (region cn-north-1)"
                           << "https://qbusiness.cn-north-1.api.amazonwebservices.com.cn";
    QTest::newRow("fips") << QByteArray(base + "use_fips_endpoint=true\n") << QStringList()
                          << sl({"", "", ""}) << "https://logs-fips.eu-west-1.amazonaws.com"
                          << "rule set (region eu-west-1)"
                          << "https://qbusiness-fips.eu-west-1.api.aws";
    QTest::newRow("govcloud fips is the regular host")
        << QByteArray(base + "use_fips_endpoint=true\n") << QStringList()
        << sl({"us-gov-west-1", "", ""}) << "https://logs.us-gov-west-1.amazonaws.com"
        << "rule set (region us-gov-west-1)"
        << "https://qbusiness-fips.us-gov-west-1.api.aws";
    QTest::newRow("dual-stack by env")
        << base << QStringList {QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT=true")}
        << sl({"", "", ""}) << "https://logs.eu-west-1.api.aws"
        << "rule set (region eu-west-1)"
        << "https://qbusiness.eu-west-1.api.aws";
    QTest::newRow("service env wins over global")
        << base
        << QStringList {QStringLiteral("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS=http://127.0.0.1:5"),
                        QStringLiteral("AWS_ENDPOINT_URL=http://127.0.0.1:6")}
        << sl({"", "", ""}) << "http://127.0.0.1:5"
        << "env AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"
        << "http://127.0.0.1:6";
    QTest::newRow("global env for both")
        << base << QStringList {QStringLiteral("AWS_ENDPOINT_URL=http://127.0.0.1:6")}
        << sl({"", "", ""}) << "http://127.0.0.1:6"
        << "env AWS_ENDPOINT_URL"
        << "http://127.0.0.1:6";
    QTest::newRow("services section key cloudwatch_logs")
        << services << QStringList() << sl({"", "", ""}) << "http://127.0.0.1:7"
        << "config:8"
        << "http://127.0.0.1:8";
    QTest::newRow("ignore configured endpoints")
        << services << QStringList {QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true")}
        << sl({"", "", ""}) << "https://logs.eu-west-1.amazonaws.com"
        << "rule set (region eu-west-1)"
        << "https://qbusiness.eu-west-1.api.aws";
    QTest::newRow("--endpoint-url aims both (one emulator)")
        << base << QStringList() << sl({"", "http://127.0.0.1:9", ""}) << "http://127.0.0.1:9"
        << "--endpoint-url"
        << "http://127.0.0.1:9";
    QTest::newRow("explicit Logs endpoint wins")
        << services << QStringList() << sl({"", "http://127.0.0.1:9", "http://127.0.0.1:4"})
        << "http://127.0.0.1:4"
        << "--logs-endpoint-url"
        << "http://127.0.0.1:9";
    QTest::newRow("dual-stack with a custom endpoint fails Logs only")
        << QByteArray(base + "use_dualstack_endpoint=true\n") << QStringList()
        << sl({"", "http://127.0.0.1:9", ""}) << ""
        << "Invalid Configuration: Dualstack and custom endpoint are not supported"
        << "http://127.0.0.1:9";
}

void TestSession::logsEndpoint()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, env);
    QFETCH(QStringList, options);
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QVERIFY(syncdeck::test::writeFile(home.filePath(QStringLiteral(".aws/config")), config));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const QString &kv : std::as_const(env))
        environment.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    SessionOptions o;
    o.region = options.at(0);
    o.endpointUrl = options.at(1);
    o.logsEndpointUrl = options.at(2);
    QObject parent;
    Session s;
    SessionError e;
    QVERIFY2(resolveSession(o, environment, &parent, &s, &e), qPrintable(e.message));
    QTEST(s.endpoint.toString(), "qbusinessEndpoint");
    QTEST(s.logsEndpoint.toString(), "logsEndpoint");
    QFETCH(QString, logsSource);
    if (s.logsEndpoint.isEmpty()) {
        QCOMPARE(s.logsEndpointError, logsSource);
        QVERIFY(!s.logsEndpointNextStep.isEmpty());
    } else {
        QCOMPARE(s.logsEndpointSource, expand(logsSource, home.path()));
        QVERIFY(s.logsEndpointError.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
