#pragma once

// The one HTTP path of every AWS service SyncDeck calls (Amazon Q Business in rest-json,
// CloudWatch Logs in awsJson1_1): one QNetworkAccessManager, SigV4 on every attempt, the AWS
// "standard" retry mode (and "adaptive", its client-side rate limiter), clock-skew correction,
// proxies, TLS with the CA bundle, connect/read timeouts and a response size limit. A service's
// client derives from ServiceClient and only says how its operations go on the wire.

#include "proxysettings.h"
#include "servicecall.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace syncdeck::aws {

class CredentialsProvider;
class RequestPacer;

// Where and how to call a service.
struct ClientConfig
{
    QUrl endpoint; // e.g. https://qbusiness.us-east-1.api.aws or http://127.0.0.1:PORT
    QString region; // signing region
    int maxAttempts = 3; // AWS_MAX_ATTEMPTS / max_attempts; 1 disables retries
    // standard | legacy (as standard) | adaptive (standard plus a client-side rate limiter that
    // slows down when the service throttles, as the AWS SDKs' adaptive mode)
    QString retryMode = QStringLiteral("standard");
    int connectTimeoutMs = 60000; // --cli-connect-timeout
    int readTimeoutMs = 60000; // --cli-read-timeout
    QString caBundlePath; // AWS_CA_BUNDLE / ca_bundle / --ca-bundle
    ProxySettings proxies; // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
    qint64 maxResponseBytes = 8 * 1024 * 1024; // larger bodies fail with a clear error
    bool dryRun = false; // sign every request and record it (lastRequest()), never send
};

// What the shared path needs to know about one service.
struct ServiceInfo
{
    QString signingName; // "qbusiness", "logs"
    QString title; // "Amazon Q Business", for messages
    QString exampleEndpoint; // "https://qbusiness.us-east-1.api.aws", for an invalid endpoint
};

// One request of an operation, exactly as it goes on the wire (path and query already encoded:
// the bytes signed are the bytes sent).
struct RequestSpec
{
    QString operation;
    QByteArray method;
    QByteArray path; // encoded, without the endpoint's own path prefix
    QByteArray query; // encoded, without '?'
    QList<QPair<QByteArray, QByteArray>> headers; // signed, e.g. X-Amz-Target, Content-Type
    QByteArray body;
    // Set when the client can tell the request is invalid before sending it (e.g. two members
    // the service accepts only one of): the call then finishes with this error once started,
    // and nothing goes on the wire.
    AwsError refusal;
};

class ServiceClient : public QObject
{
    Q_OBJECT
public:
    ServiceClient(ServiceInfo service, ClientConfig config, CredentialsProvider *credentials,
                  QObject *parent = nullptr);
    ~ServiceClient() override;

    const ClientConfig &config() const;
    const ServiceInfo &service() const;
    // The credentials every call signs with (not owned; nullptr when it went away).
    CredentialsProvider *credentials() const;

    // Time source for signing and clock-skew detection (default: the system clock, UTC). The
    // client signs with clock() plus the skew it learnt from the service's Date header.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock);
    qint64 clockSkewMs() const; // server minus local, learnt from skew errors; 0 at first
    // Delay in ms before the retry after failed attempt n (1-based). Default: the AWS formula,
    // random(0,1) x min(2^(n-1), 20) s. Tests replace it so fault runs do not sleep.
    using Backoff = std::function<qint64(int attempt)>;
    void setBackoff(Backoff backoff);
    // Tokens left in the retry quota that all calls of this client share.
    int retryQuotaAvailable() const;
    // With retryMode "adaptive": the rate (requests/s) the limiter currently allows, or 0 while
    // it has not been engaged by a throttling answer (and in the other modes).
    double adaptiveSendRate() const;
    // Paces every attempt of this client's calls with `pacer` (see RequestPacer), on top of the
    // retry mode; a pacer may be shared with other clients of the same quota. nullptr: none.
    void setRequestPacer(std::shared_ptr<RequestPacer> pacer);
    std::shared_ptr<RequestPacer> requestPacer() const;

signals:
    // Every attempt of every call of this client, as ServiceCall::attemptLogged (for --debug).
    void attemptLogged(const QString &line);

protected:
    using ParseBody = std::function<bool(const QByteArray &body, QString *error)>;
    // Creates (without starting) a call of type T for `spec`; `parse` reads a successful body
    // into the call's result members.
    template<typename T>
    T *newCall(RequestSpec spec,
               std::function<bool(T *call, const QByteArray &body, QString *error)> parse = {})
    {
        auto *call = new T(this);
        ParseBody bound;
        if (parse) {
            bound = [call, parse = std::move(parse)](const QByteArray &body, QString *error) {
                return parse(call, body, error);
            };
        }
        prepare(call, std::move(spec), std::move(bound));
        return call;
    }

private:
    void prepare(ServiceCall *call, RequestSpec spec, ParseBody parse);
    void beginAttempt(ServiceCall *call);

    struct Private;
    std::unique_ptr<Private> d;
    friend class ServiceCall;
};

} // namespace syncdeck::aws
