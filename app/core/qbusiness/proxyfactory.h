#pragma once

#include <QNetworkProxyFactory>

namespace syncdeck::qbusiness {

// The proxies of the client's network manager: exactly what Qt's application-wide settings say
// (QNetworkProxyFactory::proxyForQuery: the application proxy or factory, or the system
// configuration when that is enabled), with one difference for a plain-http URL that needs no
// proxy at all.
//
// For such a URL Qt 6 opens its HTTP/1.1 socket unbuffered and then reads the status line and
// every header one byte per read(2) call: about 200 system calls per response, a third of the
// CPU time of a page of sync jobs from a local endpoint such as syncdeck-emulator. Answering
// "the default proxy" instead of "no proxy" lets Qt open a buffered socket; the socket then
// resolves the default proxy itself at connect time. That answer is given only when the socket
// level (host and port) also resolves to no proxy, so the connection is direct either way.
// HTTPS URLs (always buffered) and URLs that do need a proxy get Qt's answer unchanged.
class ClientProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;
};

} // namespace syncdeck::qbusiness
