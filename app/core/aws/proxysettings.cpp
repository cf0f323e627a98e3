#include "proxysettings.h"

#include "tls.h"

#include <algorithm>

namespace syncdeck::aws {

namespace {
struct Variable
{
    QString value;
    QString source; // "env HTTPS_PROXY"; empty when unset
};

// Python's getproxies_environment(): the lowercase spelling wins, and an empty lowercase value
// unsets the uppercase one.
Variable variable(const QProcessEnvironment &env, const QString &lower)
{
    const QString upper = lower.toUpper();
    if (env.contains(lower)) {
        const QString v = env.value(lower).trimmed();
        return v.isEmpty() ? Variable {} : Variable {v, QStringLiteral("env ") + lower};
    }
    const QString v = env.value(upper).trimmed();
    return v.isEmpty() ? Variable {} : Variable {v, QStringLiteral("env ") + upper};
}

bool parseProxy(const Variable &var, QNetworkProxy *out, QString *error)
{
    const QString name = var.source.mid(4); // without "env "
    QString text = var.value;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const auto bad = [&](const QString &why) {
        // The value may hold a password: name the variable and the host, never the whole text.
        *error = QStringLiteral("%1 (%2) is not a usable proxy: %3")
                     .arg(name, url.isValid() ? url.host() : QStringLiteral("unparsable"), why);
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return bad(QStringLiteral("expected a URL such as http://proxy.example.com:3128"));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return bad(QStringLiteral("a proxy URL has no path"));
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    int defaultPort = 80;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        type = QNetworkProxy::Socks5Proxy;
        defaultPort = 1080;
    } else if (scheme == QLatin1String("https")) {
        return bad(QStringLiteral("a TLS connection to the proxy itself is not supported; use "
                                  "http://host:port (https endpoints still go through it "
                                  "encrypted, with CONNECT)"));
    } else if (scheme != QLatin1String("http")) {
        return bad(
            QStringLiteral("the scheme \"%1\" is not one of http, socks5, socks5h").arg(scheme));
    }
    QNetworkProxy proxy(type, url.host(), quint16(url.port(defaultPort)));
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
    }
    *out = proxy;
    return true;
}
} // namespace

bool ProxySettings::isEmpty() const
{
    return http.type() == QNetworkProxy::NoProxy && https.type() == QNetworkProxy::NoProxy;
}

bool ProxySettings::bypasses(const QString &host, int port) const
{
    if (isLoopbackHost(host))
        return true;
    // Python's proxy_bypass_environment(): exact host, host:port, or a domain suffix.
    const QString hostOnly = host.toLower();
    const QString hostPort = port > 0 ? hostOnly + u':' + QString::number(port) : hostOnly;
    return std::any_of(noProxy.begin(), noProxy.end(), [&](const QString &entry) {
        if (entry == QLatin1String("*") || hostOnly == entry || hostPort == entry)
            return true;
        const QString suffix = u'.' + entry;
        return hostOnly.endsWith(suffix) || hostPort.endsWith(suffix);
    });
}

QNetworkProxy ProxySettings::proxyFor(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    const QNetworkProxy &proxy = scheme == QLatin1String("https") ? https
        : scheme == QLatin1String("http")                         ? http
                                          : QNetworkProxy(QNetworkProxy::NoProxy);
    if (proxy.type() == QNetworkProxy::NoProxy
        || bypasses(url.host(), url.port(scheme == QLatin1String("https") ? 443 : 80)))
        return {QNetworkProxy::NoProxy};
    return proxy;
}

bool readProxySettings(const QProcessEnvironment &env, ProxySettings *out, QString *error)
{
    ProxySettings s;
    const Variable https = variable(env, QStringLiteral("https_proxy"));
    const Variable http = variable(env, QStringLiteral("http_proxy"));
    const Variable no = variable(env, QStringLiteral("no_proxy"));
    if (!https.source.isEmpty()) {
        if (!parseProxy(https, &s.https, error))
            return false;
        s.httpsSource = https.source;
    }
    if (!http.source.isEmpty()) {
        if (!parseProxy(http, &s.http, error))
            return false;
        s.httpSource = http.source;
    }
    if (!no.source.isEmpty()) {
        for (const QString &part : no.value.split(u',')) {
            QString entry = part.trimmed().toLower();
            while (entry.startsWith(u'.'))
                entry.remove(0, 1);
            if (!entry.isEmpty())
                s.noProxy.append(entry);
        }
        s.noProxySource = no.source;
    }
    *out = s;
    return true;
}

QString proxyDisplay(const QNetworkProxy &proxy)
{
    QString scheme;
    switch (proxy.type()) {
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::HttpCachingProxy:
        scheme = QStringLiteral("http");
        break;
    case QNetworkProxy::Socks5Proxy:
        scheme = QStringLiteral("socks5");
        break;
    case QNetworkProxy::NoProxy:
        return QStringLiteral("none");
    default:
        return QStringLiteral("the system default");
    }
    QUrl url;
    url.setScheme(scheme);
    url.setHost(proxy.hostName());
    url.setPort(proxy.port());
    url.setUserName(proxy.user()); // never the password
    return url.toString();
}

ProxyFactory::ProxyFactory(ProxySettings settings)
    : m_settings(std::move(settings))
{ }

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QUrl url = query.url();
    if (url.isValid()) {
        const QNetworkProxy fromEnvironment = m_settings.proxyFor(url);
        if (fromEnvironment.type() != QNetworkProxy::NoProxy)
            return {fromEnvironment};
    }
    QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(query);
    const auto direct = [](const QList<QNetworkProxy> &list) {
        return !list.isEmpty() && list.first().type() == QNetworkProxy::NoProxy;
    };
    if (proxies.isEmpty())
        proxies.append(QNetworkProxy::NoProxy);
    if (url.scheme() != QLatin1String("http") || !direct(proxies))
        return proxies;
    const QNetworkProxyQuery socketQuery(query.peerHostName(), query.peerPort(), QString(),
                                         QNetworkProxyQuery::TcpSocket);
    if (!direct(QNetworkProxyFactory::proxyForQuery(socketQuery)))
        return proxies;
    return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
}

} // namespace syncdeck::aws
