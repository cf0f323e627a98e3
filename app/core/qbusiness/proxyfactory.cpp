#include "proxyfactory.h"

namespace syncdeck::qbusiness {

namespace {
bool isDirect(const QList<QNetworkProxy> &proxies)
{
    return !proxies.isEmpty() && proxies.first().type() == QNetworkProxy::NoProxy;
}
} // namespace

QList<QNetworkProxy> ClientProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(query);
    if (proxies.isEmpty())
        proxies.append(QNetworkProxy::NoProxy);
    if (query.url().scheme() != QLatin1String("http") || !isDirect(proxies))
        return proxies;
    const QNetworkProxyQuery socketQuery(query.peerHostName(), query.peerPort(), QString(),
                                         QNetworkProxyQuery::TcpSocket);
    if (!isDirect(QNetworkProxyFactory::proxyForQuery(socketQuery)))
        return proxies;
    return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
}

} // namespace syncdeck::qbusiness
