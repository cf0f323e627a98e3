#pragma once

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace syncdeck::aws {

// Proxies as the AWS CLI reads them from the environment: HTTPS_PROXY for https endpoints,
// HTTP_PROXY for http ones, NO_PROXY for hosts that go direct. As in Python, the lowercase
// variable wins when both spellings are set, and an empty lowercase one unsets the uppercase one.
// A proxy is an http:// URL (CONNECT for https endpoints) or socks5:// / socks5h://, with
// optional user:password@; a bare host:port means http://. Loopback hosts (127.0.0.0/8, ::1,
// localhost) are never proxied: the emulator and the demo run there.
struct ProxySettings
{
    QNetworkProxy http {QNetworkProxy::NoProxy};
    QNetworkProxy https {QNetworkProxy::NoProxy};
    QString httpSource, httpsSource; // "env HTTPS_PROXY"
    // NO_PROXY entries, lowercased, leading dots removed: "example.com" also covers its
    // subdomains, "host:port" only that port, "*" every host.
    QStringList noProxy;
    QString noProxySource;

    bool isEmpty() const;
    // The proxy a request to `url` goes through; NoProxy when none applies.
    QNetworkProxy proxyFor(const QUrl &url) const;
    // True when NO_PROXY (or being a loopback host) sends `host` direct.
    bool bypasses(const QString &host, int port) const;
};

// False, with *error naming the variable and saying what is wrong, for a value that is not a
// usable proxy URL.
bool readProxySettings(const QProcessEnvironment &env, ProxySettings *out, QString *error);

// "http://proxy.example.com:3128", with the user but never the password: for --debug and views.
QString proxyDisplay(const QNetworkProxy &proxy);

// The proxies of SyncDeck's network managers (Q Business client, STS, SSO portal): the
// environment's proxy when one applies, else exactly what Qt's application-wide settings say
// (QNetworkProxyFactory::proxyForQuery) - with one difference for a plain-http URL that needs no
// proxy at all.
//
// For such a URL Qt 6 opens its HTTP/1.1 socket unbuffered and then reads the status line and
// every header one byte per read(2) call: about 200 system calls per response, a third of the
// CPU time of a page of sync jobs from a local endpoint such as syncdeck-emulator. Answering
// "the default proxy" instead of "no proxy" lets Qt open a buffered socket; the socket then
// resolves the default proxy itself at connect time. That answer is given only when the socket
// level (host and port) also resolves to no proxy, so the connection is direct either way.
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ProxyFactory(ProxySettings settings = {});
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

private:
    ProxySettings m_settings;
};

} // namespace syncdeck::aws
