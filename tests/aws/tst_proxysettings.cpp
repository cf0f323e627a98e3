// Proxies from the environment as the AWS CLI reads them: which variable wins, what a proxy URL
// may look like, NO_PROXY matching, loopback always direct, and no password in any text.
#include "aws/proxysettings.h"

#include <QTest>

using namespace syncdeck::aws;

namespace {
QProcessEnvironment envOf(const QStringList &pairs)
{
    QProcessEnvironment env;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        env.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return env;
}
} // namespace

class TestProxySettings : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void refused_data();
    void refused();
    void noProxy_data();
    void noProxy();
    void schemeDecides();
    void displayHasNoPassword();
};

void TestProxySettings::parse_data()
{
    QTest::addColumn<QString>("env"); // NAME=value entries, separated by |
    QTest::addColumn<QString>("https"); // proxyDisplay of the https proxy
    QTest::addColumn<QString>("httpsSource");
    QTest::addColumn<QString>("http");
    QTest::newRow("nothing set") << ""
                                 << "none"
                                 << ""
                                 << "none";
    QTest::newRow("HTTPS_PROXY") << "HTTPS_PROXY=http://proxy.corp:3128"
                                 << "http://proxy.corp:3128"
                                 << "env HTTPS_PROXY"
                                 << "none";
    QTest::newRow("lowercase wins") << "HTTPS_PROXY=http://upper:1|https_proxy=http://lower:2"
                                    << "http://lower:2"
                                    << "env https_proxy"
                                    << "none";
    QTest::newRow("empty lowercase unsets") << "HTTPS_PROXY=http://upper:1|https_proxy="
                                            << "none"
                                            << ""
                                            << "none";
    QTest::newRow("bare host:port is http") << "HTTPS_PROXY=proxy.corp:8080"
                                            << "http://proxy.corp:8080"
                                            << "env HTTPS_PROXY"
                                            << "none";
    QTest::newRow("default http port") << "HTTPS_PROXY=http://proxy.corp"
                                       << "http://proxy.corp:80"
                                       << "env HTTPS_PROXY"
                                       << "none";
    QTest::newRow("socks5 with default port") << "HTTPS_PROXY=socks5h://gw.corp"
                                              << "socks5://gw.corp:1080"
                                              << "env HTTPS_PROXY"
                                              << "none";
    QTest::newRow("user shown, password not")
        << "HTTPS_PROXY=http://op%40corp:p%3Ass@proxy.corp:3128/"
        << "http://op%40corp@proxy.corp:3128"
        << "env HTTPS_PROXY"
        << "none";
    QTest::newRow("both schemes") << "HTTPS_PROXY=http://a:1|HTTP_PROXY=http://b:2"
                                  << "http://a:1"
                                  << "env HTTPS_PROXY"
                                  << "http://b:2";
    QTest::newRow("whitespace around the value") << "HTTPS_PROXY=  http://proxy.corp:3128 "
                                                 << "http://proxy.corp:3128"
                                                 << "env HTTPS_PROXY"
                                                 << "none";
}

void TestProxySettings::parse()
{
    QFETCH(QString, env);
    QFETCH(QString, https);
    QFETCH(QString, httpsSource);
    QFETCH(QString, http);
    ProxySettings s;
    QString error;
    QVERIFY2(readProxySettings(envOf(env.split(u'|', Qt::SkipEmptyParts)), &s, &error),
             qPrintable(error));
    QCOMPARE(proxyDisplay(s.https), https);
    QCOMPARE(s.httpsSource, httpsSource);
    QCOMPARE(proxyDisplay(s.http), http);
}

void TestProxySettings::refused_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("TLS to the proxy") << "https://user:topsecret@proxy.corp:443"
                                      << "http://host:port";
    QTest::newRow("unknown scheme") << "ftp://proxy.corp:21"
                                    << "not one of http, socks5";
    QTest::newRow("socks4") << "socks4://proxy.corp:1080"
                            << "not one of http, socks5";
    QTest::newRow("no host") << "http://:3128"
                             << "expected a URL";
    QTest::newRow("a path") << "http://proxy.corp:3128/pac/proxy.pac"
                            << "no path";
    QTest::newRow("garbage") << "http://user:topsecret@proxy corp"
                             << "expected a URL";
}

void TestProxySettings::refused()
{
    QFETCH(QString, value);
    QFETCH(QString, reason);
    ProxySettings s;
    QString error;
    QVERIFY(!readProxySettings(envOf({QStringLiteral("HTTPS_PROXY=") + value}), &s, &error));
    QVERIFY2(error.startsWith(QLatin1String("HTTPS_PROXY")), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("topsecret")), qPrintable(error));
}

void TestProxySettings::noProxy_data()
{
    QTest::addColumn<QString>("noProxy");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("direct");
    const QString endpoint = QStringLiteral("https://qbusiness.us-east-1.api.aws/");
    QTest::newRow("unset") << QString() << endpoint << false;
    QTest::newRow("exact host") << "qbusiness.us-east-1.api.aws" << endpoint << true;
    QTest::newRow("domain suffix") << "api.aws" << endpoint << true;
    QTest::newRow("leading dot") << ".api.aws" << endpoint << true;
    QTest::newRow("case-insensitive") << "API.AWS" << endpoint << true;
    QTest::newRow("list with spaces") << "example.com, api.aws ,other" << endpoint << true;
    QTest::newRow("star") << "*" << endpoint << true;
    QTest::newRow("not a suffix at a dot") << "i.aws" << endpoint << false;
    QTest::newRow("other host") << "example.com" << endpoint << false;
    QTest::newRow("host and port") << "qbusiness.us-east-1.api.aws:443" << endpoint << true;
    QTest::newRow("host and other port") << "qbusiness.us-east-1.api.aws:8443" << endpoint << false;
    QTest::newRow("loopback is always direct") << QString() << "https://127.0.0.1:4443/" << true;
    QTest::newRow("localhost is always direct") << QString() << "https://localhost/" << true;
    QTest::newRow("IPv6 loopback is always direct") << QString() << "https://[::1]:4443/" << true;
}

void TestProxySettings::noProxy()
{
    QFETCH(QString, noProxy);
    QFETCH(QString, url);
    QFETCH(bool, direct);
    QStringList env {QStringLiteral("HTTPS_PROXY=http://proxy.corp:3128")};
    if (!noProxy.isNull())
        env << QStringLiteral("NO_PROXY=") + noProxy;
    ProxySettings s;
    QString error;
    QVERIFY2(readProxySettings(envOf(env), &s, &error), qPrintable(error));
    const QNetworkProxy p = s.proxyFor(QUrl(url));
    QCOMPARE(p.type() == QNetworkProxy::NoProxy, direct);
    if (!direct)
        QCOMPARE(p.hostName(), QStringLiteral("proxy.corp"));
}

void TestProxySettings::schemeDecides()
{
    ProxySettings s;
    QString error;
    QVERIFY(readProxySettings(envOf({QStringLiteral("HTTP_PROXY=http://plain:1")}), &s, &error));
    QCOMPARE(s.proxyFor(QUrl(QStringLiteral("http://emulator.corp:8080/"))).hostName(),
             QStringLiteral("plain"));
    QCOMPARE(s.proxyFor(QUrl(QStringLiteral("https://qbusiness.us-east-1.api.aws/"))).type(),
             QNetworkProxy::NoProxy);
    // The factory answers the environment's proxy first.
    ProxyFactory factory(s);
    const QList<QNetworkProxy> answer
        = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://emulator.corp/"))));
    QCOMPARE(answer.value(0).hostName(), QStringLiteral("plain"));
    QCOMPARE(answer.value(0).type(), QNetworkProxy::HttpProxy);
}

void TestProxySettings::displayHasNoPassword()
{
    QNetworkProxy p(QNetworkProxy::HttpProxy, QStringLiteral("proxy.corp"), 3128,
                    QStringLiteral("op"), QStringLiteral("topsecret"));
    QCOMPARE(proxyDisplay(p), QStringLiteral("http://op@proxy.corp:3128"));
    QCOMPARE(proxyDisplay(QNetworkProxy(QNetworkProxy::NoProxy)), QStringLiteral("none"));
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxysettings.moc"
