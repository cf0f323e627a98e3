// Session -> client configuration, the one mapping the CLI and the dashboard share.
#include "qbusiness/sessionconfig.h"

#include <QNetworkProxy>
#include <QTest>

using namespace syncdeck;

class TestSessionConfig : public QObject
{
    Q_OBJECT
private slots:
    void copiesEverySetting();
    void refusesUnusableSessions_data();
    void refusesUnusableSessions();
};

void TestSessionConfig::copiesEverySetting()
{
    aws::Session s;
    s.region = QStringLiteral("eu-west-1");
    s.endpoint = QUrl(QStringLiteral("https://qbusiness.eu-west-1.api.aws"));
    s.maxAttempts = 7;
    s.retryMode = QStringLiteral("adaptive");
    s.caBundle = QStringLiteral("/etc/ssl/corp.pem");
    s.proxies.https
        = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("proxy.example"), 3128);
    s.proxies.httpsSource = QStringLiteral("HTTPS_PROXY");
    qbusiness::ClientConfig c;
    c.readTimeoutMs = 1234; // not the session's: left alone
    aws::SessionError error;
    QVERIFY(qbusiness::clientConfigForSession(s, &c, &error));
    QCOMPARE(c.region, s.region);
    QCOMPARE(c.endpoint, s.endpoint);
    QCOMPARE(c.maxAttempts, 7);
    QCOMPARE(c.retryMode, s.retryMode);
    QCOMPARE(c.caBundlePath, s.caBundle);
    QCOMPARE(c.proxies.https, s.proxies.https);
    QCOMPARE(c.readTimeoutMs, 1234);
}

void TestSessionConfig::refusesUnusableSessions_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("no region") << QString() << QStringLiteral("http://127.0.0.1:4566")
                               << QStringLiteral("region");
    QTest::newRow("ftp endpoint") << QStringLiteral("us-east-1") << QStringLiteral("ftp://host")
                                  << QStringLiteral("not an http(s) URL");
    QTest::newRow("endpoint with query")
        << QStringLiteral("us-east-1") << QStringLiteral("https://host/?a=b")
        << QStringLiteral("not an http(s) URL");
}

void TestSessionConfig::refusesUnusableSessions()
{
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(QString, messageContains);
    aws::Session s;
    s.region = region;
    s.endpoint = QUrl(endpoint);
    s.endpointSource = QStringLiteral("env AWS_ENDPOINT_URL");
    qbusiness::ClientConfig c;
    aws::SessionError error;
    QVERIFY(!qbusiness::clientConfigForSession(s, &c, &error));
    QVERIFY2(error.message.contains(messageContains), qPrintable(error.message));
    QVERIFY(!error.nextStep.isEmpty());
}

QTEST_GUILESS_MAIN(TestSessionConfig)
#include "tst_sessionconfig.moc"
