// IAM Identity Center (SSO) against a loopback portal (AWS_ENDPOINT_URL_SSO), with the token
// cache written into a temporary HOME as `aws sso login` would.
#include "testsupport.h"

#include "aws/session.h"
#include "aws/ssocredentialsprovider.h"

#include "loopbackserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace syncdeck::aws;
using syncdeck::test::LoopbackServer;

namespace {

const QByteArray Config = "[profile dev]\nregion = us-west-2\nsso_session = corp\n"
                          "sso_account_id = 123456789012\nsso_role_name = ReadOnly\n\n"
                          "[sso-session corp]\nsso_region = eu-central-1\n"
                          "sso_start_url = https://corp.awsapps.com/start\n"
                          "sso_registration_scopes = sso:account:access\n\n"
                          "[profile legacy]\nregion = us-west-2\n"
                          "sso_start_url = https://legacy.awsapps.com/start\n"
                          "sso_region = us-east-1\nsso_account_id = 210987654321\n"
                          "sso_role_name = Admin\n";

const QByteArray PortalAnswer = R"({"roleCredentials":{"accessKeyId":"ASIASSO",)"
                                R"("secretAccessKey":"ssosecret","sessionToken":"ssotoken",)"
                                R"("expiration":4102444800000}})";

struct Home
{
    QTemporaryDir dir;
    QProcessEnvironment env;
    Home()
    {
        QDir(dir.path()).mkpath(QStringLiteral(".aws/sso/cache"));
        write(QStringLiteral(".aws/config"), Config);
        env.insert(QStringLiteral("HOME"), dir.path());
    }
    void write(const QString &relative, const QByteArray &bytes) const
    {
        if (!syncdeck::test::writeFile(dir.filePath(relative), bytes))
            qWarning("could not write %s", qPrintable(relative));
    }
    void writeToken(const QString &key, const QString &token, const QDateTime &expiresAt)
    {
        const QByteArray name
            = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
        const QJsonObject cache {{QStringLiteral("startUrl"), QStringLiteral("https://x")},
                                 {QStringLiteral("region"), QStringLiteral("eu-central-1")},
                                 {QStringLiteral("accessToken"), token},
                                 {QStringLiteral("expiresAt"), expiresAt.toString(Qt::ISODate)}};
        write(QStringLiteral(".aws/sso/cache/") + QString::fromLatin1(name)
                  + QStringLiteral(".json"),
              QJsonDocument(cache).toJson());
    }
};

CredentialsProvider *sessionProvider(const QString &profile, const QProcessEnvironment &env,
                                     QObject *parent)
{
    SessionOptions options;
    options.profile = profile;
    options.networkTimeoutMs = 10000;
    Session session;
    SessionError error;
    if (!resolveSession(options, env, parent, &session, &error)) {
        qWarning("%s", qPrintable(error.message));
        return nullptr;
    }
    return session.credentials;
}

LoopbackServer::Response json(int status, const QByteArray &body)
{
    return {status, body, {{"Content-Type", "application/json"}}, false};
}

} // namespace

class TestSsoCredentialsProvider : public QObject
{
    Q_OBJECT
private slots:
    void cacheFileName();
    void ssoSessionProfile();
    void legacyProfile();
    void missingTokenThenLoginAndRetry();
    void expiredToken();
    void portalErrors_data();
    void portalErrors();
    void tokenCache_data();
    void tokenCache();
    void roleCredentials_data();
    void roleCredentials();
};

void TestSsoCredentialsProvider::cacheFileName()
{
    // The AWS CLI names the file after the SHA-1 of the session name (or legacy start URL).
    QCOMPARE(SsoCredentialsProvider::cacheFilePath(QStringLiteral("/c"), QStringLiteral("corp"),
                                                   QStringLiteral("https://ignored")),
             QStringLiteral("/c/")
                 + QString::fromLatin1(
                     QCryptographicHash::hash("corp", QCryptographicHash::Sha1).toHex())
                 + QStringLiteral(".json"));
    QCOMPARE(SsoCredentialsProvider::cacheFilePath(
                 QStringLiteral("/c"), QString(),
                 QStringLiteral("https://my-sso-portal.awsapps.com/start")),
             QStringLiteral("/c/") + QStringLiteral("c7aaaf71fcc8777ae2475525ed049d39fe16c484")
                 + QStringLiteral(".json"));
}

void TestSsoCredentialsProvider::ssoSessionProfile()
{
    LoopbackServer portal([](const LoopbackServer::Request &) { return json(200, PortalAnswer); });
    QVERIFY(portal.listen());
    Home home;
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    home.writeToken(QStringLiteral("corp"), QStringLiteral("bearer-corp"),
                    QDateTime::currentDateTimeUtc().addSecs(3600));
    QObject parent;
    CredentialsProvider *provider = sessionProvider(QStringLiteral("dev"), home.env, &parent);
    QVERIFY(provider);
    const CredentialsResult r = syncdeck::test::resolveNow(provider);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QCOMPARE(r.credentials.accessKeyId, QStringLiteral("ASIASSO"));
    QCOMPARE(r.credentials.sessionToken.reveal(), QStringLiteral("ssotoken"));
    QCOMPARE(r.credentials.expiration, QDateTime(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(portal.requests().size(), 1);
    const LoopbackServer::Request &q = portal.requests().first();
    QCOMPARE(q.method, QByteArray("GET"));
    QCOMPARE(q.path(), QByteArray("/federation/credentials"));
    const QUrlQuery query(QString::fromLatin1(q.query()));
    QCOMPARE(query.queryItemValue(QStringLiteral("account_id")), QStringLiteral("123456789012"));
    QCOMPARE(query.queryItemValue(QStringLiteral("role_name")), QStringLiteral("ReadOnly"));
    QCOMPARE(q.header("x-amz-sso_bearer_token"), QByteArray("bearer-corp"));
    QVERIFY(q.header("authorization").isEmpty()); // unsigned
}

void TestSsoCredentialsProvider::legacyProfile()
{
    LoopbackServer portal([](const LoopbackServer::Request &) { return json(200, PortalAnswer); });
    QVERIFY(portal.listen());
    Home home;
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    home.writeToken(QStringLiteral("https://legacy.awsapps.com/start"),
                    QStringLiteral("bearer-legacy"), QDateTime::currentDateTimeUtc().addSecs(600));
    QObject parent;
    CredentialsProvider *provider = sessionProvider(QStringLiteral("legacy"), home.env, &parent);
    QVERIFY(provider);
    const CredentialsResult r = syncdeck::test::resolveNow(provider);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
    QCOMPARE(portal.requests().first().header("x-amz-sso_bearer_token"),
             QByteArray("bearer-legacy"));
    const QUrlQuery query(QString::fromLatin1(portal.requests().first().query()));
    QCOMPARE(query.queryItemValue(QStringLiteral("role_name")), QStringLiteral("Admin"));
}

void TestSsoCredentialsProvider::missingTokenThenLoginAndRetry()
{
    LoopbackServer portal([](const LoopbackServer::Request &) { return json(200, PortalAnswer); });
    QVERIFY(portal.listen());
    Home home;
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    QObject parent;
    CredentialsProvider *provider = sessionProvider(QStringLiteral("dev"), home.env, &parent);
    QVERIFY(provider);
    const CredentialsResult first = syncdeck::test::resolveNow(provider);
    QCOMPARE(first.error.kind, CredentialsError::Kind::Expired);
    QVERIFY2(first.error.message.contains(QStringLiteral("has no cached token")),
             qPrintable(first.error.message));
    QCOMPARE(first.error.nextStep,
             QStringLiteral("Run `aws sso login --profile dev`, then retry."));
    QVERIFY(portal.requests().isEmpty());

    // The user runs `aws sso login`; Retry re-reads the cache.
    home.writeToken(QStringLiteral("corp"), QStringLiteral("fresh"),
                    QDateTime::currentDateTimeUtc().addSecs(3600));
    provider->invalidate();
    const CredentialsResult second = syncdeck::test::resolveNow(provider);
    QVERIFY2(!second.error.isError(), qPrintable(second.error.message));
    QCOMPARE(portal.requests().size(), 1);
    QCOMPARE(portal.requests().first().header("x-amz-sso_bearer_token"), QByteArray("fresh"));
}

void TestSsoCredentialsProvider::expiredToken()
{
    LoopbackServer portal([](const LoopbackServer::Request &) { return json(200, PortalAnswer); });
    QVERIFY(portal.listen());
    Home home;
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    home.writeToken(QStringLiteral("corp"), QStringLiteral("old"),
                    QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    QObject parent;
    CredentialsProvider *provider = sessionProvider(QStringLiteral("dev"), home.env, &parent);
    QVERIFY(provider);
    const CredentialsResult r = syncdeck::test::resolveNow(provider);
    QCOMPARE(r.error.kind, CredentialsError::Kind::Expired);
    QVERIFY2(r.error.message.contains(QStringLiteral("expired at 2020-01-01T00:00:00Z")),
             qPrintable(r.error.message));
    QCOMPARE(r.error.nextStep, QStringLiteral("Run `aws sso login --profile dev`, then retry."));
    QVERIFY(portal.requests().isEmpty());
    QVERIFY(!r.error.message.contains(QStringLiteral("old")));
}

void TestSsoCredentialsProvider::portalErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("401 token refused")
        << 401 << QByteArray(R"({"message":"Session token not found or invalid"})")
        << int(CredentialsError::Kind::Expired)
        << "token was refused by the portal: Session token not found or invalid";
    QTest::newRow("403 role not assigned")
        << 403 << QByteArray(R"({"message":"No access"})") << int(CredentialsError::Kind::Failed)
        << "HTTP 403 No access";
    QTest::newRow("429") << 429 << QByteArray(R"({"__type":"TooManyRequestsException"})")
                         << int(CredentialsError::Kind::Failed)
                         << "HTTP 429 TooManyRequestsException";
    QTest::newRow("500 HTML") << 500 << QByteArray("<html>oops</html>")
                              << int(CredentialsError::Kind::Failed) << "HTTP 500 error";
    QTest::newRow("200 without credentials")
        << 200 << QByteArray(R"({"roleCredentials":{}})") << int(CredentialsError::Kind::Failed)
        << "no usable roleCredentials";
    QTest::newRow("200 not JSON") << 200 << QByteArray("<xml/>")
                                  << int(CredentialsError::Kind::Failed)
                                  << "no usable roleCredentials";
}

void TestSsoCredentialsProvider::portalErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    LoopbackServer portal(
        [status, body](const LoopbackServer::Request &) { return json(status, body); });
    QVERIFY(portal.listen());
    Home home;
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    home.writeToken(QStringLiteral("corp"), QStringLiteral("bearer-secret-value"),
                    QDateTime::currentDateTimeUtc().addSecs(3600));
    QObject parent;
    CredentialsProvider *provider = sessionProvider(QStringLiteral("dev"), home.env, &parent);
    QVERIFY(provider);
    const CredentialsResult r = syncdeck::test::resolveNow(provider);
    QTEST(int(r.error.kind), "kind");
    QFETCH(QString, message);
    QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains(QStringLiteral("bearer-secret-value")));
    if (status == 401)
        QCOMPARE(r.error.nextStep,
                 QStringLiteral("Run `aws sso login --profile dev`, then retry."));
}

void TestSsoCredentialsProvider::tokenCache_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expiresAt");
    const QDateTime may(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("aws sso login") << QByteArray(
        R"({"startUrl":"https://d-1.awsapps.com/start","region":"us-east-1",)"
        R"("accessToken":"aoa","expiresAt":"2024-05-01T12:00:00Z","refreshToken":"r"})")
                                   << true << may;
    QTest::newRow("milliseconds") << QByteArray(
        R"({"accessToken":"t","expiresAt":"2024-05-01T12:00:00.250Z"})")
                                  << true << may.addMSecs(250);
    QTest::newRow("no expiresAt: read, the caller refuses it")
        << QByteArray(R"({"accessToken":"t"})") << true << QDateTime();
    QTest::newRow("no accessToken")
        << QByteArray(R"({"expiresAt":"2024-05-01T12:00:00Z"})") << false << QDateTime();
    QTest::newRow("empty accessToken")
        << QByteArray(R"({"accessToken":""})") << false << QDateTime();
    QTest::newRow("not JSON") << QByteArray("accessToken") << false << QDateTime();
}

void TestSsoCredentialsProvider::tokenCache()
{
    QFETCH(QByteArray, json);
    SsoCachedToken cached;
    QTEST(SsoCredentialsProvider::parseTokenCache(json, &cached), "ok");
    QTEST(cached.expiresAt, "expiresAt");
}

void TestSsoCredentialsProvider::roleCredentials_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expiration");
    QTest::newRow("portal answer") << QByteArray(R"({"roleCredentials":{"accessKeyId":"A",)"
                                                 R"("secretAccessKey":"S","sessionToken":"T",)"
                                                 R"("expiration":1714564800000}})")
                                   << true << QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("expiration as a string") << QByteArray(
        R"({"roleCredentials":{"accessKeyId":"A","secretAccessKey":"S","expiration":"1"}})")
                                            << false << QDateTime();
    // Found by fuzzing (tests/fuzz/regressions/sso): converting 1.5e32 to 64 bits is undefined.
    QTest::newRow("expiration beyond year 9999") << QByteArray(
        R"({"roleCredentials":{"accessKeyId":"A","secretAccessKey":"S","expiration":1.5e32}})")
                                                 << false << QDateTime();
    QTest::newRow("no secret") << QByteArray(
        R"({"roleCredentials":{"accessKeyId":"A","expiration":1714564800000}})")
                               << false << QDateTime();
}

void TestSsoCredentialsProvider::roleCredentials()
{
    QFETCH(QByteArray, json);
    Credentials credentials;
    QTEST(SsoCredentialsProvider::parseRoleCredentials(json, &credentials), "ok");
    QTEST(credentials.expiration, "expiration");
}

QTEST_GUILESS_MAIN(TestSsoCredentialsProvider)
#include "tst_ssocredentialsprovider.moc"
