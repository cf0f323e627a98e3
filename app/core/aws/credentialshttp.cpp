#include "credentialshttp.h"

#include <QNetworkReply>

namespace syncdeck::aws {

CredentialsHttp::CredentialsHttp(const ProxySettings &proxies)
{
    m_network.setProxyFactory(new ProxyFactory(proxies)); // owned by m_network
}

CredentialsHttp::~CredentialsHttp()
{
    if (m_reply) {
        // No callbacks into a half-destroyed provider.
        m_reply->disconnect();
        m_reply->abort();
    }
}

QNetworkRequest CredentialsHttp::request(const QUrl &url, int timeoutMs,
                                         const QSslConfiguration &ssl)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(ssl);
    return request;
}

void CredentialsHttp::get(const QNetworkRequest &request, qint64 maxBytes, QObject *context,
                          Done done)
{
    watch(m_network.get(request), maxBytes, context, std::move(done));
}

void CredentialsHttp::post(const QNetworkRequest &request, const QByteArray &body, qint64 maxBytes,
                           QObject *context, Done done)
{
    watch(m_network.post(request, body), maxBytes, context, std::move(done));
}

void CredentialsHttp::watch(QNetworkReply *reply, qint64 maxBytes, QObject *context, Done done)
{
    m_reply = reply;
    QObject::connect(
        reply, &QNetworkReply::finished, context, [this, reply, maxBytes, done = std::move(done)] {
            reply->deleteLater();
            if (m_reply == reply)
                m_reply = nullptr;
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->read(maxBytes);
            answer.errorString = reply->errorString();
            answer.errorType = reply->rawHeader("x-amzn-ErrorType");
            done(answer);
        });
}

} // namespace syncdeck::aws
