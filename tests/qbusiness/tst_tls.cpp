// sslConfigurationFor(): a CA bundle really decides which TLS server is trusted (handshakes with
// a QSslServer on 127.0.0.1 and a throwaway self-signed certificate), and checks stay on.
#include "aws/credentialsprovider.h"
#include "aws/tls.h"
#include "qbusiness/client.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

class TestTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void bundleErrors_data();
    void bundleErrors();
    void verificationOnlyOffForLoopback_data();
    void verificationOnlyOffForLoopback();
    void handshake_data();
    void handshake();
    void clientOverHttps_data();
    void clientOverHttps();

private:
    QTemporaryDir m_dir;
    QString m_certPath;
    QString m_keyPath;
    QString m_otherCertPath;
};

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("the openssl command is needed to make a test certificate");
    auto makeCert = [&](const QString &name, const QString &cn) {
        QProcess p;
        p.start(openssl,
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                 QStringLiteral("-keyout"), m_dir.filePath(name + QStringLiteral(".key")),
                 QStringLiteral("-out"), m_dir.filePath(name + QStringLiteral(".pem"))});
        return p.waitForFinished(60000) && p.exitCode() == 0;
    };
    QVERIFY(makeCert(QStringLiteral("server"), QStringLiteral("SyncDeck test server")));
    QVERIFY(makeCert(QStringLiteral("other"), QStringLiteral("Someone else")));
    m_certPath = m_dir.filePath(QStringLiteral("server.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("server.key"));
    m_otherCertPath = m_dir.filePath(QStringLiteral("other.pem"));
}

void TestTls::bundleErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty file") << QByteArray() << "holds no PEM certificate";
    QTest::newRow("not PEM") << QByteArray("hello\n") << "holds no PEM certificate";
}

void TestTls::bundleErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = m_dir.filePath(QStringLiteral("bad.pem"));
    QSaveFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    QVERIFY(f.commit());
    QString message;
    sslConfigurationFor(QUrl(QStringLiteral("https://example.com")), path, &message);
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(message.contains(path));

    message.clear();
    sslConfigurationFor(QUrl(QStringLiteral("https://example.com")),
                        m_dir.filePath(QStringLiteral("absent.pem")), &message);
    QVERIFY(message.contains(QStringLiteral("cannot read the CA bundle")));
}

void TestTls::verificationOnlyOffForLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("127.0.0.1") << "https://127.0.0.1:8443" << true;
    QTest::newRow("127.1.2.3") << "https://127.1.2.3" << true;
    QTest::newRow("::1") << "https://[::1]:8443" << true;
    QTest::newRow("localhost") << "https://LOCALHOST" << true;
    QTest::newRow("remote") << "https://qbusiness.us-east-1.api.aws" << false;
    QTest::newRow("private address") << "https://10.0.0.1" << false;
    QTest::newRow("localhost lookalike") << "https://localhost.example.com" << false;
}

void TestTls::verificationOnlyOffForLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QString error;
    const QSslConfiguration config = sslConfigurationFor(QUrl(url), {}, &error, false);
    QCOMPARE(error.isEmpty(), allowed);
    QCOMPARE(config.peerVerifyMode(), allowed ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    error.clear();
    QCOMPARE(sslConfigurationFor(QUrl(url), {}, &error).peerVerifyMode(), QSslSocket::VerifyPeer);
    QVERIFY(error.isEmpty());
}

void TestTls::handshake_data()
{
    QTest::addColumn<QString>("bundle"); // "server", "other" or "" (system store)
    QTest::addColumn<bool>("verify");
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("bundle with the server's certificate") << "server" << true << true;
    QTest::newRow("bundle with another certificate") << "other" << true << false;
    QTest::newRow("system store does not know it") << QString() << true << false;
    QTest::newRow("loopback with checks off") << QString() << false << true;
}

void TestTls::handshake()
{
    QFETCH(QString, bundle);
    QFETCH(bool, verify);
    QFETCH(bool, succeeds);

    QFile certFile(m_certPath);
    QFile keyFile(m_keyPath);
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration serverConfig = QSslConfiguration::defaultConfiguration();
    serverConfig.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    serverConfig.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(serverConfig);
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server] {
        while (QSslSocket *s = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            connect(s, &QSslSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                s->disconnectFromHost();
            });
        }
    });
    // Handshake failures on the server side are expected in the failing rows.
    connect(&server, &QSslServer::errorOccurred, this,
            [](QSslSocket *, QAbstractSocket::SocketError) {});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QUrl url(QStringLiteral("https://127.0.0.1/"));
    url.setPort(server.serverPort());
    QString error;
    const QString bundlePath = bundle.isEmpty() ? QString()
        : bundle == QLatin1String("server")     ? m_certPath
                                                : m_otherCertPath;
    const QSslConfiguration config = sslConfigurationFor(url, bundlePath, &error, verify);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setSslConfiguration(config);
    request.setTransferTimeout(20000);
    QNetworkReply *reply = network.get(request);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000));
    if (succeeds) {
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray("ok"));
    } else {
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    }
    delete reply;
}

void TestTls::clientOverHttps_data()
{
    QTest::addColumn<QString>("bundle"); // "server", "other", "missing" or "" (system store)
    QTest::addColumn<QString>("code"); // the error code, empty for success
    QTest::newRow("bundle with the server's certificate") << "server" << QString();
    QTest::newRow("bundle with another certificate") << "other"
                                                     << "TlsError";
    QTest::newRow("system store does not know it") << QString() << "TlsError";
    QTest::newRow("unreadable bundle") << "missing"
                                       << "InvalidCaBundle";
}

void TestTls::clientOverHttps()
{
    // The Q Business client itself over HTTPS: its CA bundle decides, and a TLS failure is an
    // error that says what to check.
    QFETCH(QString, bundle);
    QFETCH(QString, code);
    QFile certFile(m_certPath);
    QFile keyFile(m_keyPath);
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration serverConfig = QSslConfiguration::defaultConfiguration();
    serverConfig.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    serverConfig.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(serverConfig);
    QByteArray received;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server, &received] {
        while (QSslSocket *s = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            connect(s, &QSslSocket::readyRead, s, [s, &received] {
                received += s->readAll();
                if (!received.contains("\r\n\r\n"))
                    return;
                const QByteArray body = R"({"applications":[{"applicationId":"tls-app"}]})";
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "x-amzn-RequestId: tls-1\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
        }
    });
    connect(&server, &QSslServer::errorOccurred, this,
            [](QSslSocket *, QAbstractSocket::SocketError) {});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    syncdeck::qbusiness::ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
    config.region = QStringLiteral("us-east-1");
    config.maxAttempts = 1;
    config.caBundlePath = bundle == QLatin1String("server") ? m_certPath
        : bundle == QLatin1String("other")                  ? m_otherCertPath
        : bundle == QLatin1String("missing") ? m_dir.filePath(QStringLiteral("missing.pem"))
                                             : QString();
    Credentials keys;
    keys.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    keys.secretAccessKey = SecretString(QStringLiteral("secret"));
    StaticCredentialsProvider creds(keys);
    syncdeck::qbusiness::Client client(config, &creds);
    auto *job = client.listApplications();
    job->setAutoDelete(false);
    QSignalSpy finished(job, &syncdeck::qbusiness::Call::finished);
    job->start();
    QVERIFY(finished.wait(30000) || finished.count() == 1);
    if (code.isEmpty()) {
        QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
        QCOMPARE(job->applications.value(0).applicationId, QStringLiteral("tls-app"));
        QVERIFY(received.startsWith("GET /applications HTTP/1.1\r\n"));
    } else {
        QCOMPARE(job->error().code, code);
        QVERIFY(!job->error().nextStep.isEmpty());
        if (code == QLatin1String("TlsError"))
            QVERIFY2(job->error().nextStep.contains(QLatin1String("--ca-bundle")),
                     qPrintable(job->error().nextStep));
        QVERIFY(received.isEmpty()); // nothing was sent to an untrusted server
    }
    delete job;
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
