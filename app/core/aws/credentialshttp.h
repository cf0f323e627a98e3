#pragma once

#include "proxysettings.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>

class QNetworkReply;

namespace syncdeck::aws {

// The one HTTP exchange at a time of a credential provider that asks a service (STS, the IAM
// Identity Center portal): the session's proxies, no redirects, a transfer timeout, the CA bundle
// for https, a bounded answer. A reply still in flight is aborted, without a callback, when the
// provider (and with it this member) goes away.
class CredentialsHttp
{
public:
    struct Answer
    {
        int status = 0; // 0: no HTTP answer (errorString says why)
        QByteArray body; // at most the limit given
        QString errorString;
        QByteArray errorType; // x-amzn-ErrorType
    };
    using Done = std::function<void(const Answer &)>;
    // More than any credential answer or token cache holds.
    static constexpr qint64 MaxAnswerBytes = qint64(4) << 20;

    explicit CredentialsHttp(const ProxySettings &proxies);
    ~CredentialsHttp();
    CredentialsHttp(const CredentialsHttp &) = delete;
    CredentialsHttp &operator=(const CredentialsHttp &) = delete;

    static QNetworkRequest request(const QUrl &url, int timeoutMs, const QSslConfiguration &ssl);
    // `done` runs once, on `context`'s thread, unless `context` or this object is gone first.
    void get(const QNetworkRequest &request, qint64 maxBytes, QObject *context, Done done);
    void post(const QNetworkRequest &request, const QByteArray &body, qint64 maxBytes,
              QObject *context, Done done);

private:
    void watch(QNetworkReply *reply, qint64 maxBytes, QObject *context, Done done);

    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace syncdeck::aws
