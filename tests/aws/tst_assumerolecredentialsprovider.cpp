// assume role end to end: moto's STS (signature checked through moto's IAM auth) and a loopback
// STS for the error paths, through resolveSession() with real config files.
#include "testsupport.h"

#include "aws/assumerolecredentialsprovider.h"
#include "aws/session.h"
#include "aws/sigv4.h"

#include "loopbackserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace syncdeck::aws;
using syncdeck::test::LoopbackServer;

namespace {

const QByteArray SuccessXml
    = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
      "  <AssumeRoleResult>\n"
      "    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn>"
      "<AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>\n"
      "    <Credentials>\n"
      "      <AccessKeyId>ASIALOOPBACK</AccessKeyId>\n"
      "      <SecretAccessKey>loopbacksecret</SecretAccessKey>\n"
      "      <SessionToken>loopbacktoken</SessionToken>\n"
      "      <Expiration>2099-01-01T00:00:00Z</Expiration>\n"
      "    </Credentials>\n"
      "  </AssumeRoleResult>\n"
      "  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>\n"
      "</AssumeRoleResponse>\n";

QByteArray errorXml(const QByteArray &code, const QByteArray &message)
{
    return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
           "<Type>Sender</Type><Code>"
        + code + "</Code><Message>" + message
        + "</Message></Error><RequestId>r</RequestId></ErrorResponse>";
}

struct Home
{
    QTemporaryDir dir;
    QProcessEnvironment env;

    explicit Home(const QByteArray &config)
    {
        if (!syncdeck::test::writeFile(dir.filePath(QStringLiteral(".aws/config")), config))
            qWarning("could not write the test's config file");
        env.insert(QStringLiteral("HOME"), dir.path());
    }
};

struct Resolved
{
    bool ok = false;
    SessionError error;
    CredentialsResult result;
    Session session;
};

Resolved resolveProfile(const QString &profile, const QProcessEnvironment &env, QObject *parent,
                        MfaPrompt prompt = {})
{
    Resolved r;
    SessionOptions options;
    options.profile = profile;
    options.mfaPrompt = std::move(prompt);
    options.networkTimeoutMs = 10000;
    r.ok = resolveSession(options, env, parent, &r.session, &r.error);
    if (r.ok)
        r.result = syncdeck::test::resolveNow(r.session.credentials);
    return r;
}

QMap<QString, QString> formFields(const QByteArray &body)
{
    QMap<QString, QString> fields;
    const QUrlQuery q(QString::fromUtf8(body));
    for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
        fields.insert(k, v);
    return fields;
}

// moto_server on a free loopback port, stopped at destruction.
class MotoServer
{
public:
    ~MotoServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }
    QString start(const QProcessEnvironment &extraEnv)
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("moto_server"));
        if (program.isEmpty())
            return QStringLiteral("moto_server is not installed (pip install 'moto[server]')");
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return QStringLiteral("no free port");
        m_port = probe.serverPort();
        probe.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(extraEnv);
        m_process.setProcessEnvironment(env);
        m_process.setStandardErrorFile(QProcess::nullDevice()); // request log noise
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(program,
                        {QStringLiteral("-H"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(m_port)});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("moto_server did not start: ") + m_process.errorString();
        // Bounded wait for the port: moto imports a lot before it listens.
        for (int i = 0; i < 300; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return {};
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("moto_server exited early");
            QTest::qWait(100);
        }
        return QStringLiteral("moto_server did not listen within 30 s");
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_port)); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// One signed query-protocol call (for setting moto's IAM up), waited for.
QByteArray signedCall(const QUrl &url, const QString &service, const QByteArray &body,
                      const Credentials &credentials, int *status)
{
    sigv4::Request request {"POST",
                            "/",
                            {},
                            {{"Host", url.host().toLatin1() + ':' + QByteArray::number(url.port())},
                             {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
                            body};
    const sigv4::SigningResult s = sigv4::sign(
        request,
        {credentials, QStringLiteral("us-east-1"), service, QDateTime::currentDateTimeUtc(), {}});
    QNetworkRequest r(url);
    r.setRawHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    for (const sigv4::Header &h : s.headersToAdd)
        r.setRawHeader(h.name, h.value);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(r, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        qWarning("moto did not answer within 20 s");
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    delete reply;
    return answer;
}

QString xmlText(const QByteArray &xml, const QByteArray &element)
{
    const qsizetype start = xml.indexOf(QByteArray('<' + element + '>'));
    const qsizetype end = xml.indexOf(QByteArray("</" + element + '>'));
    if (start < 0 || end < 0)
        return {};
    return QString::fromUtf8(xml.mid(start + element.size() + 2, end - start - element.size() - 2));
}

} // namespace

class TestAssumeRoleCredentialsProvider : public QObject
{
    Q_OBJECT
private slots:
    void motoAcceptsSignedRequest();
    void requestOnTheWire();
    void signedExactlyWhatWasSent_data();
    void signedExactlyWhatWasSent();
    void errorPaths_data();
    void errorPaths();
    void mfa_data();
    void mfa();
    void chainedRoles();
    void credentialSourceEnvironment();
    void stsEndpointOrder_data();
    void stsEndpointOrder();
    void parseResponse_data();
    void parseResponse();
};

void TestAssumeRoleCredentialsProvider::motoAcceptsSignedRequest()
{
    // With INITIAL_NO_AUTH_ACTION_COUNT, moto checks SigV4 signatures and IAM policies after the
    // first N calls: the three set-up calls below are free, AssumeRole is verified.
    MotoServer moto;
    QProcessEnvironment motoEnv;
    motoEnv.insert(QStringLiteral("INITIAL_NO_AUTH_ACTION_COUNT"), QStringLiteral("3"));
    if (const QString why = moto.start(motoEnv); !why.isEmpty())
        QSKIP(qPrintable(why));
    Credentials setup;
    setup.accessKeyId = QStringLiteral("AKIDSETUP");
    setup.secretAccessKey = SecretString(QStringLiteral("setup"));
    int status = 0;
    signedCall(moto.url(), QStringLiteral("iam"),
               "Action=CreateUser&Version=2010-05-08&UserName=syncdeck", setup, &status);
    QCOMPARE(status, 200);
    signedCall(moto.url(), QStringLiteral("iam"),
               "Action=PutUserPolicy&Version=2010-05-08&UserName=syncdeck&PolicyName=all&"
               "PolicyDocument="
                   + sigv4::uriEncode(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                      R"("Action":"sts:AssumeRole","Resource":"*"}]})"),
               setup, &status);
    QCOMPARE(status, 200);
    const QByteArray key
        = signedCall(moto.url(), QStringLiteral("iam"),
                     "Action=CreateAccessKey&Version=2010-05-08&UserName=syncdeck", setup, &status);
    QCOMPARE(status, 200);
    const QString keyId = xmlText(key, "AccessKeyId");
    const QString secret = xmlText(key, "SecretAccessKey");
    QVERIFY(!keyId.isEmpty() && !secret.isEmpty());

    const QByteArray config = "[profile base]\naws_access_key_id = " + keyId.toUtf8()
        + "\naws_secret_access_key = " + secret.toUtf8()
        + "\n[profile role]\nregion = us-east-1\n"
          "role_arn = arn:aws:iam::123456789012:role/syncdeck-reader\nsource_profile = base\n"
          "role_session_name = syncdeck-test\nexternal_id = ext-1\nduration_seconds = 900\n"
          "[profile wrongsecret]\naws_access_key_id = "
        + keyId.toUtf8()
        + "\naws_secret_access_key = not-the-secret\n"
          "[profile badrole]\nregion = us-east-1\n"
          "role_arn = arn:aws:iam::123456789012:role/syncdeck-reader\n"
          "source_profile = wrongsecret\n";
    Home home(config);
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), moto.url().toString());
    QObject parent;

    const Resolved ok = resolveProfile(QStringLiteral("role"), home.env, &parent);
    QVERIFY2(ok.ok, qPrintable(ok.error.message));
    QCOMPARE(ok.session.credentialKind, CredentialKind::AssumeRole);
    QVERIFY2(!ok.result.error.isError(), qPrintable(ok.result.error.message));
    QVERIFY(ok.result.credentials.accessKeyId.startsWith(QStringLiteral("ASIA")));
    QVERIFY(ok.result.credentials.hasSessionToken());
    QVERIFY(ok.result.credentials.expiration.isValid());
    QCOMPARE(ok.result.credentials.source,
             QStringLiteral("role:arn:aws:iam::123456789012:role/syncdeck-reader"));

    // The same request with a wrong secret: moto's signature check refuses it.
    const Resolved bad = resolveProfile(QStringLiteral("badrole"), home.env, &parent);
    QVERIFY2(bad.ok, qPrintable(bad.error.message));
    QVERIFY(bad.result.error.isError());
    QVERIFY2(bad.result.error.message.contains(QStringLiteral("SignatureDoesNotMatch")),
             qPrintable(bad.result.error.message));
}

void TestAssumeRoleCredentialsProvider::requestOnTheWire()
{
    LoopbackServer sts([](const LoopbackServer::Request &) {
        return LoopbackServer::Response {200, SuccessXml, {{"Content-Type", "text/xml"}}, false};
    });
    QVERIFY(sts.listen());
    Home home("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n"
              "[profile role]\nregion = eu-west-3\nrole_arn = arn:aws:iam::1:role/a b\n"
              "source_profile = base\nrole_session_name = me@example.com\n"
              "external_id = x+y/z=\nduration_seconds = 7200\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("role"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
    QCOMPARE(r.result.credentials.accessKeyId, QStringLiteral("ASIALOOPBACK"));
    QCOMPARE(r.result.credentials.sessionToken.reveal(), QStringLiteral("loopbacktoken"));
    QCOMPARE(sts.requests().size(), 1);
    const LoopbackServer::Request &q = sts.requests().first();
    QCOMPARE(q.method, QByteArray("POST"));
    QCOMPARE(q.target, QByteArray("/"));
    QCOMPARE(q.header("content-type"),
             QByteArray("application/x-www-form-urlencoded; charset=utf-8"));
    QVERIFY(q.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDBASE/"));
    QVERIFY(q.header("authorization").contains("/eu-west-3/sts/aws4_request"));
    QVERIFY(q.header("x-amz-security-token").isEmpty());
    QVERIFY(!q.body.contains("basesecret"));
    const QMap<QString, QString> f = formFields(q.body);
    QCOMPARE(f.value(QStringLiteral("Action")), QStringLiteral("AssumeRole"));
    QCOMPARE(f.value(QStringLiteral("Version")), QStringLiteral("2011-06-15"));
    QCOMPARE(f.value(QStringLiteral("RoleArn")), QStringLiteral("arn:aws:iam::1:role/a b"));
    QCOMPARE(f.value(QStringLiteral("RoleSessionName")), QStringLiteral("me@example.com"));
    QCOMPARE(f.value(QStringLiteral("ExternalId")), QStringLiteral("x+y/z="));
    QCOMPARE(f.value(QStringLiteral("DurationSeconds")), QStringLiteral("7200"));
    QVERIFY(!f.contains(QStringLiteral("SerialNumber")));
    // '+', '/', '=' and ' ' are percent-encoded in the form body.
    QVERIFY(q.body.contains("ExternalId=x%2By%2Fz%3D"));
    QVERIFY(q.body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b"));

    // Cached: a second resolve does not call STS again.
    QVERIFY(!syncdeck::test::resolveNow(r.session.credentials).error.isError());
    QCOMPARE(sts.requests().size(), 1);
}

void TestAssumeRoleCredentialsProvider::signedExactlyWhatWasSent_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4") << "127.0.0.1";
    QTest::newRow("IPv6") << "::1";
}

void TestAssumeRoleCredentialsProvider::signedExactlyWhatWasSent()
{
    QFETCH(QString, address);
    LoopbackServer sts([](const LoopbackServer::Request &) {
        return LoopbackServer::Response {200, SuccessXml, {}, false};
    });
    if (!sts.listen(QHostAddress(address)))
        QSKIP("this machine has no such loopback address");
    Home home("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n"
              "aws_session_token = basetoken\n"
              "[profile role]\nregion = eu-west-3\nrole_arn = arn:aws:iam::1:role/r\n"
              "source_profile = base\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("role"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
    QCOMPARE(sts.requests().size(), 1);

    // Re-sign the request exactly as it arrived: the signature must come out the same.
    const LoopbackServer::Request &q = sts.requests().first();
    Credentials base;
    base.accessKeyId = QStringLiteral("AKIDBASE");
    base.secretAccessKey = SecretString(QStringLiteral("basesecret"));
    base.sessionToken = SecretString(QStringLiteral("basetoken"));
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(q.header("x-amz-date")),
                                                 QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QVERIFY(time.isValid());
    sigv4::Request received {
        q.method,
        q.path(),
        q.query(),
        {{"Host", q.header("host")}, {"Content-Type", q.header("content-type")}},
        q.body};
    QDateTime utc = time;
    utc.setTimeSpec(Qt::UTC);
    const sigv4::SigningResult again = sigv4::sign(
        received, {base, QStringLiteral("eu-west-3"), QStringLiteral("sts"), utc, {}});
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(q.header("authorization"), again.authorization);
    QCOMPARE(q.header("x-amz-security-token"), QByteArray("basetoken"));
    if (address.contains(u':'))
        QVERIFY(q.header("host").startsWith("[::1]:"));
}

void TestAssumeRoleCredentialsProvider::errorPaths_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("hasNextStep");

    QTest::newRow("AccessDenied")
        << 403
        << errorXml("AccessDenied",
                    "User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole")
        << "AccessDenied: User: arn:aws:iam::1:user/u is not authorized" << true;
    QTest::newRow("ExpiredToken")
        << 400 << errorXml("ExpiredToken", "The security token included in the request is expired")
        << "ExpiredToken: The security token included in the request is expired" << true;
    QTest::newRow("malformed XML") << 200 << QByteArray("<AssumeRoleResponse><AssumeRoleResult>")
                                   << "STS answered with malformed XML" << false;
    QTest::newRow("not XML at all")
        << 200 << QByteArray("{\"json\": true}") << "malformed XML" << false;
    QTest::newRow("HTML 500") << 500 << QByteArray("<html><body>Bad gateway<br></body></html>")
                              << "STS answered HTTP 500 with a body that is not XML" << false;
    QTest::newRow("empty 503") << 503 << QByteArray() << "STS answered HTTP 503" << false;
    QTest::newRow("success without credentials")
        << 200 << QByteArray("<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>")
        << "without AssumeRoleResult/Credentials" << false;
    QByteArray expired = SuccessXml;
    expired.replace("2099-01-01T00:00:00Z", "2001-01-01T00:00:00Z");
    QTest::newRow("expired credentials")
        << 200 << expired << "the credentials received had already expired (2001" << true;
}

void TestAssumeRoleCredentialsProvider::errorPaths()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    LoopbackServer sts([status, body](const LoopbackServer::Request &) {
        return LoopbackServer::Response {status, body, {{"Content-Type", "text/xml"}}, false};
    });
    QVERIFY(sts.listen());
    Home home("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
              "[profile role]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/r\n"
              "source_profile = base\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("role"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY(r.result.error.isError());
    QVERIFY(!r.result.credentials.isValid());
    QVERIFY2(r.result.error.message.contains(message), qPrintable(r.result.error.message));
    QFETCH(bool, hasNextStep);
    QCOMPARE(!r.result.error.nextStep.isEmpty(), hasNextStep);
    if (!r.result.error.message.contains(QStringLiteral("already expired")))
        QVERIFY(r.result.error.message.startsWith(
            QStringLiteral("assuming role arn:aws:iam::1:role/r for profile role failed: ")));
}

void TestAssumeRoleCredentialsProvider::mfa_data()
{
    QTest::addColumn<int>("mode"); // 0 answers a code, 1 cancels, 2 no prompt at all
    QTest::addColumn<QString>("message");
    QTest::newRow("code") << 0 << QString();
    QTest::newRow("cancelled") << 1 << "no MFA code was given for profile mfa";
    QTest::newRow("no way to ask") << 2
                                   << "requires an MFA code (mfa_serial = "
                                      "arn:aws:iam::1:mfa/me) and there is no way to ask";
}

void TestAssumeRoleCredentialsProvider::mfa()
{
    QFETCH(int, mode);
    QFETCH(QString, message);
    LoopbackServer sts([](const LoopbackServer::Request &) {
        return LoopbackServer::Response {200, SuccessXml, {}, false};
    });
    QVERIFY(sts.listen());
    Home home("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
              "[profile mfa]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/r\n"
              "source_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QList<MfaRequest> asked;
    MfaPrompt prompt;
    if (mode != 2) {
        prompt = [&asked, mode](const MfaRequest &request, MfaAnswer answer) {
            asked.append(request);
            // Answered later, as a dialog would.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [answer, mode] {
                    answer(mode == 0 ? std::optional<QString>(QStringLiteral(" 123456 "))
                                     : std::nullopt);
                },
                Qt::QueuedConnection);
        };
    }
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("mfa"), home.env, &parent, prompt);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    if (mode == 0) {
        QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().serialNumber, QStringLiteral("arn:aws:iam::1:mfa/me"));
        QCOMPARE(asked.first().profile, QStringLiteral("mfa"));
        const QMap<QString, QString> f = formFields(sts.requests().first().body);
        QCOMPARE(f.value(QStringLiteral("SerialNumber")), QStringLiteral("arn:aws:iam::1:mfa/me"));
        QCOMPARE(f.value(QStringLiteral("TokenCode")), QStringLiteral("123456"));
        return;
    }
    QCOMPARE(r.result.error.kind, CredentialsError::Kind::NeedsInput);
    QVERIFY2(r.result.error.message.contains(message), qPrintable(r.result.error.message));
    QVERIFY(!r.result.error.nextStep.isEmpty());
    QVERIFY(sts.requests().isEmpty());
}

void TestAssumeRoleCredentialsProvider::chainedRoles()
{
    // role2's source is role1, whose source is base: two AssumeRole calls, signed in turn by
    // base's keys and by role1's temporary keys (with their session token).
    int calls = 0;
    LoopbackServer sts([&calls](const LoopbackServer::Request &) {
        ++calls;
        QByteArray xml = SuccessXml;
        xml.replace("ASIALOOPBACK", QByteArray("ASIACALL" + QByteArray::number(calls)));
        return LoopbackServer::Response {200, xml, {}, false};
    });
    QVERIFY(sts.listen());
    Home home("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
              "[profile role1]\nrole_arn = arn:aws:iam::1:role/one\nsource_profile = base\n"
              "[profile role2]\nregion = us-east-1\nrole_arn = arn:aws:iam::2:role/two\n"
              "source_profile = role1\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("role2"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
    QCOMPARE(r.result.credentials.accessKeyId, QStringLiteral("ASIACALL2"));
    QCOMPARE(sts.requests().size(), 2);
    QVERIFY(sts.requests().at(0).header("authorization").contains("Credential=AKIDBASE/"));
    QCOMPARE(formFields(sts.requests().at(0).body).value(QStringLiteral("RoleArn")),
             QStringLiteral("arn:aws:iam::1:role/one"));
    QVERIFY(sts.requests().at(1).header("authorization").contains("Credential=ASIACALL1/"));
    QCOMPARE(sts.requests().at(1).header("x-amz-security-token"), QByteArray("loopbacktoken"));
    QCOMPARE(formFields(sts.requests().at(1).body).value(QStringLiteral("RoleArn")),
             QStringLiteral("arn:aws:iam::2:role/two"));
}

void TestAssumeRoleCredentialsProvider::credentialSourceEnvironment()
{
    LoopbackServer sts([](const LoopbackServer::Request &) {
        return LoopbackServer::Response {200, SuccessXml, {}, false};
    });
    QVERIFY(sts.listen());
    Home home("[profile ci]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/ci\n"
              "credential_source = Environment\n");
    home.env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), sts.url().toString());
    home.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENVSOURCE"));
    home.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("e"));
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("ci"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
    // --profile ignores env keys as the chain's first step, but the role uses them as its source.
    QCOMPARE(r.session.credentialKind, CredentialKind::AssumeRole);
    QVERIFY(sts.requests().first().header("authorization").contains("Credential=AKIDENVSOURCE/"));
}

void TestAssumeRoleCredentialsProvider::stsEndpointOrder_data()
{
    QTest::addColumn<QByteArray>("extraConfig");
    QTest::addColumn<QStringList>("env"); // NAME=right|wrong: the server the variable points to
    QTest::newRow("AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL")
        << QByteArray()
        << QStringList {QStringLiteral("AWS_ENDPOINT_URL_STS=right"),
                        QStringLiteral("AWS_ENDPOINT_URL=wrong")};
    QTest::newRow("AWS_ENDPOINT_URL over [services]")
        << QByteArray("services = s\n[services s]\nsts =\n  endpoint_url = @wrong\n")
        << QStringList {QStringLiteral("AWS_ENDPOINT_URL=right")};
    QTest::newRow("[services] sts block over profile endpoint_url")
        << QByteArray("services = s\nendpoint_url = @wrong\n[services s]\nsts =\n"
                      "  endpoint_url = @right\nqbusiness =\n  endpoint_url = @wrong\n")
        << QStringList();
    QTest::newRow("profile endpoint_url") << QByteArray("endpoint_url = @right\n") << QStringList();
}

void TestAssumeRoleCredentialsProvider::stsEndpointOrder()
{
    QFETCH(QByteArray, extraConfig);
    QFETCH(QStringList, env);
    auto answer = [](const LoopbackServer::Request &) {
        return LoopbackServer::Response {200, SuccessXml, {}, false};
    };
    LoopbackServer right(answer);
    LoopbackServer wrong(answer);
    QVERIFY(right.listen() && wrong.listen());
    extraConfig.replace("@right", right.url().toString().toUtf8());
    extraConfig.replace("@wrong", wrong.url().toString().toUtf8());
    // role_arn beside the profile's own keys, naming itself as source: allowed.
    Home home("[profile self]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/r\n"
              "source_profile = self\naws_access_key_id = AKIDSELF\n"
              "aws_secret_access_key = s\n"
              + extraConfig);
    for (const QString &kv : std::as_const(env)) {
        const bool isRight = kv.section(u'=', 1) == QLatin1String("right");
        home.env.insert(kv.section(u'=', 0, 0), (isRight ? right.url() : wrong.url()).toString());
    }
    QObject parent;
    const Resolved r = resolveProfile(QStringLiteral("self"), home.env, &parent);
    QVERIFY2(r.ok, qPrintable(r.error.message));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.message));
    QCOMPARE(right.requests().size(), 1);
    QCOMPARE(wrong.requests().size(), 0);
    QVERIFY(right.requests().first().header("authorization").contains("Credential=AKIDSELF/"));
}

void TestAssumeRoleCredentialsProvider::parseResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("accessKeyId");
    QTest::newRow("ok") << 200 << SuccessXml << "ASIALOOPBACK";
    QTest::newRow("error with 200 is no success")
        << 200 << errorXml("Throttling", "Rate exceeded") << QString();
    QTest::newRow("credentials outside AssumeRoleResult are ignored")
        << 200
        << QByteArray("<X><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S"
                      "</SecretAccessKey><SessionToken>T</SessionToken></Credentials></X>")
        << QString();
}

void TestAssumeRoleCredentialsProvider::parseResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, xml);
    const CredentialsResult r = AssumeRoleCredentialsProvider::parseResponse(status, xml);
    QTEST(r.credentials.accessKeyId, "accessKeyId");
    QCOMPARE(r.error.isError(), r.credentials.accessKeyId.isEmpty());
}

QTEST_GUILESS_MAIN(TestAssumeRoleCredentialsProvider)
#include "tst_assumerolecredentialsprovider.moc"
