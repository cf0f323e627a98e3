// How long configuration resolution takes: parsing large shared files, the profile catalogue,
// resolveSession(), the endpoint rules, and a credential_process round trip. Figures only.
#include "aws/awsconfig.h"
#include "aws/configfile.h"
#include "aws/endpointresolver.h"
#include "aws/processcredentialsprovider.h"
#include "aws/profilecatalogue.h"
#include "aws/session.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

class BenchSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parseAndCatalogue();
    void generatedConfig_data();
    void generatedConfig();
    void resolveSessionStatic();
    void endpointRules();
    void credentialProcessRoundTrip();

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void BenchSession::initTestCase()
{
    // 500 profiles of every kind, 5 keys each: a large real-world config.
    QByteArray config;
    QByteArray credentials;
    for (int i = 0; i < 500; ++i) {
        const QByteArray n = QByteArray::number(i);
        config += "[profile p" + n + "]\nregion = us-east-1\noutput = json\n";
        switch (i % 4) {
        case 0:
            config += "role_arn = arn:aws:iam::1:role/r" + n + "\nsource_profile = p" + n
                + "\naws_access_key_id = AKID" + n + "\naws_secret_access_key = s\n";
            break;
        case 1:
            config += "sso_session = corp\nsso_account_id = 1\nsso_role_name = R\n";
            break;
        case 2:
            config += "credential_process = /bin/true\n";
            break;
        default:
            credentials
                += "[p" + n + "]\naws_access_key_id = AKID" + n + "\naws_secret_access_key = s\n";
        }
        config += "\n";
    }
    config += "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://x/start\n";
    QDir(m_home.path()).mkpath(QStringLiteral(".aws"));
    for (const auto &[name, bytes] :
         {std::pair {QStringLiteral(".aws/config"), config},
          std::pair {QStringLiteral(".aws/credentials"), credentials}}) {
        QSaveFile f(m_home.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        QVERIFY(f.commit());
    }
    m_env.insert(QStringLiteral("HOME"), m_home.path());
    qInfo("config: %lld bytes, credentials: %lld bytes", qlonglong(config.size()),
          qlonglong(credentials.size()));
}

void BenchSession::parseAndCatalogue()
{
    qsizetype count = 0;
    QBENCHMARK
    {
        count = profileCatalogue(AwsConfig::load(m_env)).size();
    }
    QCOMPARE(count, 500);
}

// A config generated for every account and role of an organisation (as SSO profile generators
// write them): parsing and the catalogue stay linear in the number of profiles.
void BenchSession::generatedConfig_data()
{
    QTest::addColumn<int>("profiles");
    QTest::addColumn<bool>("catalogue");
    for (int n : {1000, 4000, 16000}) {
        QTest::addRow("parse %d", n) << n << false;
        QTest::addRow("parse+catalogue %d", n) << n << true;
    }
}

void BenchSession::generatedConfig()
{
    QFETCH(int, profiles);
    QFETCH(bool, catalogue);
    QByteArray config
        = "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://x/start\n";
    for (int i = 0; i < profiles; ++i) {
        const QByteArray n = QByteArray::number(i);
        config += "[profile acct" + n + "-admin]\nsso_session = corp\nsso_account_id = " + n
            + "\nsso_role_name = Admin\nregion = us-east-1\n";
    }
    qsizetype count = 0;
    if (!catalogue) {
        QBENCHMARK
        {
            count = ConfigFile::parse(config, QStringLiteral("config")).sections().size();
        }
        QCOMPARE(count, qsizetype(profiles + 1)); // and the sso-session
        return;
    }
    // The catalogue reads the files as the window does: from a HOME of its own.
    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral(".aws"));
    QSaveFile f(home.filePath(QStringLiteral(".aws/config")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(config);
    QVERIFY(f.commit());
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    QBENCHMARK
    {
        count = profileCatalogue(AwsConfig::load(env)).size();
    }
    QCOMPARE(count, qsizetype(profiles));
}

void BenchSession::resolveSessionStatic()
{
    SessionOptions options;
    options.profile = QStringLiteral("p499");
    QBENCHMARK
    {
        QObject parent;
        Session s;
        SessionError e;
        QVERIFY(resolveSession(options, m_env, &parent, &s, &e));
    }
}

void BenchSession::endpointRules()
{
    EndpointParams p;
    p.region = QStringLiteral("us-gov-east-1");
    p.useFips = true;
    QBENCHMARK
    {
        QVERIFY(resolveQBusinessEndpoint(p).ok());
    }
}

void BenchSession::credentialProcessRoundTrip()
{
    const QString script = m_home.filePath(QStringLiteral("helper.sh"));
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\"}'\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QBENCHMARK
    {
        ProcessCredentialsProvider provider(QStringLiteral("p"), script, QStringLiteral("c:1"),
                                            m_env);
        bool done = false;
        QObject context;
        provider.resolve(&context, [&done](const CredentialsResult &r) {
            QVERIFY(!r.error.isError());
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&done] { return done; }, 20000));
    }
}

QTEST_GUILESS_MAIN(BenchSession)
#include "bench_session.moc"
