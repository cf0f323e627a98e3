#include "serviceclient.h"

#include "adaptiveratelimiter.h"
#include "credentialsprovider.h"
#include "proxysettings.h"
#include "requestpacer.h"
#include "retryquota.h"
#include "retrystrategy.h"
#include "servicecall_p.h"
#include "sigv4.h"
#include "tls.h"

#include <syncdeck/version.h>

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUuid>

#include <optional>

namespace syncdeck::aws {

namespace {
constexpr char RedactedValue[] = "** REDACTED **";

AwsError clientGone()
{
    return AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                          QStringLiteral("the client of this call no longer exists"));
}
} // namespace

struct ServiceClient::Private
{
    ServiceClient *q = nullptr;
    ServiceInfo service;
    ClientConfig config;
    QPointer<CredentialsProvider> credentials;
    QNetworkAccessManager *nam = nullptr;
    RetryQuota quota;
    std::optional<AdaptiveRateLimiter> limiter; // retryMode "adaptive" only
    std::shared_ptr<RequestPacer> pacer; // a service's quota, when its client sets one
    Clock clock;
    Backoff backoff;
    qint64 skewMs = 0;
    QByteArray userAgent;
    // From sslConfigurationFor (CA bundle, verification always on); https endpoints only: even a
    // default-constructed QSslConfiguration loads the TLS backend.
    std::optional<QSslConfiguration> ssl;
    QString caError;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
    double nowSeconds() const { return double(now().toMSecsSinceEpoch()) / 1000.0; }

    QByteArray hostHeader() const
    {
        QUrl u = config.endpoint;
        u.setUserInfo({});
        return u.authority(QUrl::FullyEncoded).toUtf8();
    }
    // The endpoint's own path, when it has one (no trailing '/').
    QByteArray endpointPath() const
    {
        QByteArray path = config.endpoint.path(QUrl::FullyEncoded).toUtf8();
        while (path.endsWith('/'))
            path.chop(1);
        return path;
    }
    QByteArray urlPrefix() const
    {
        return config.endpoint.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveQuery
                                         | QUrl::RemoveFragment | QUrl::RemovePath)
            + endpointPath();
    }

    std::optional<AwsError> configurationError() const;
    void beginAttempt(ServiceCall *call);
    void paceAndSend(ServiceCall *call, const Credentials &credentials);
    void send(ServiceCall *call, const Credentials &credentials);
    void watchReply(ServiceCall *call, QNetworkReply *reply);
    void onReplyFinished(ServiceCall *call);
    void afterFailure(ServiceCall *call, AwsError e, const QByteArray &dateHeader,
                      const QString &attemptText);
    // A call may outlive its client (a caller can reparent it): later steps check for that.
    static void attemptAgain(const QPointer<ServiceClient> &client, ServiceCall *call)
    {
        if (client)
            client->d->beginAttempt(call);
        else
            call->d->finish(clientGone());
    }
    void log(ServiceCall *call, const QString &line)
    {
        emit call->attemptLogged(line);
        emit q->attemptLogged(line);
    }
};

std::optional<AwsError> ServiceClient::Private::configurationError() const
{
    const QUrl &endpoint = config.endpoint;
    if (!endpoint.isValid() || endpoint.host().isEmpty()
        || (endpoint.scheme() != QLatin1String("https")
            && endpoint.scheme() != QLatin1String("http"))) {
        return AwsError::make(
            AwsError::Kind::Client, QStringLiteral("InvalidEndpoint"),
            QStringLiteral("the endpoint \"%1\" is not an http(s) URL").arg(endpoint.toString()),
            QStringLiteral("Give an endpoint such as %1 (--endpoint-url).")
                .arg(service.exampleEndpoint));
    }
    if (!caError.isEmpty()) {
        return AwsError::make(AwsError::Kind::Client, QStringLiteral("InvalidCaBundle"), caError,
                              QStringLiteral("Point --ca-bundle (AWS_CA_BUNDLE) at a PEM file."));
    }
    if (!credentials) {
        return AwsError::make(AwsError::Kind::Credentials, QStringLiteral("NoCredentials"),
                              QStringLiteral("no credentials provider is configured"),
                              QStringLiteral("Choose a profile or enter access keys."));
    }
    return std::nullopt;
}

void ServiceClient::Private::beginAttempt(ServiceCall *call)
{
    ServiceCall::Private *cd = call->d.get();
    if (cd->finished)
        return;
    if (cd->attempt == 0) {
        cd->invocationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        cd->maxAttempts = std::max(1, config.maxAttempts);
    }
    ++cd->attempt;
    if (cd->spec.refusal.isError()) {
        cd->finish(cd->spec.refusal);
        return;
    }
    if (const std::optional<AwsError> e = configurationError()) {
        cd->finish(*e);
        return;
    }
    credentials->resolve(
        call, [client = QPointer<ServiceClient>(q), call](const CredentialsResult &result) {
            ServiceCall::Private *cd = call->d.get();
            if (cd->finished)
                return;
            if (!client) {
                cd->finish(clientGone());
                return;
            }
            if (result.error.isError()) {
                cd->finish(AwsError::make(AwsError::Kind::Credentials,
                                          QStringLiteral("CredentialsError"), result.error.message,
                                          result.error.nextStep));
                return;
            }
            client->d->paceAndSend(call, result.credentials);
        });
}

void ServiceClient::Private::paceAndSend(ServiceCall *call, const Credentials &creds)
{
    ServiceCall::Private *cd = call->d.get();
    const double now = nowSeconds();
    const qint64 limiterWaitMs = limiter && !config.dryRun ? limiter->acquire(now) : 0;
    const qint64 paceWaitMs = pacer && !config.dryRun ? pacer->acquire(cd->spec.operation, now) : 0;
    const qint64 waitMs = std::max(limiterWaitMs, paceWaitMs);
    if (waitMs <= 0) {
        send(call, creds);
        return;
    }
    const QString why = paceWaitMs >= limiterWaitMs
        ? QStringLiteral("client-side pace, at most %1 requests/s")
              .arg(pacer->rate(cd->spec.operation).perSecond, 0, 'f', 2)
        : QStringLiteral("adaptive rate limit, %1 requests/s").arg(limiter->fillRate(), 0, 'f', 2);
    log(call,
        QStringLiteral("%1 attempt %2/%3: waiting %4 ms (%5)")
            .arg(cd->spec.operation)
            .arg(cd->attempt)
            .arg(cd->maxAttempts)
            .arg(waitMs)
            .arg(why));
    cd->waitTimer.disconnect();
    // Credentials are signed with when the wait is over (they may be refreshed meanwhile, but a
    // wait is seconds, far below any credential's remaining lifetime of 15 minutes or more).
    QObject::connect(&cd->waitTimer, &QTimer::timeout, call,
                     [client = QPointer<ServiceClient>(q), call, creds] {
                         if (client)
                             client->d->send(call, creds);
                         else
                             call->d->finish(clientGone());
                     });
    cd->waitTimer.start(int(std::min<qint64>(waitMs, 60000)));
}

void ServiceClient::Private::send(ServiceCall *call, const Credentials &creds)
{
    ServiceCall::Private *cd = call->d.get();
    const RequestSpec &spec = cd->spec;
    const QByteArray url
        = urlPrefix() + spec.path + (spec.query.isEmpty() ? QByteArray() : '?' + spec.query);

    // The request exactly as it goes on the wire; the signer adds X-Amz-Date, Authorization and,
    // with a session token, X-Amz-Security-Token.
    sigv4::Request request;
    request.method = spec.method;
    request.path = endpointPath() + spec.path;
    request.query = spec.query;
    request.body = spec.body;
    request.headers = {
        {"Host", hostHeader()},
        {"amz-sdk-invocation-id", cd->invocationId},
        {"amz-sdk-request", retrystrategy::sdkRequestHeader(cd->attempt, cd->maxAttempts)},
    };
    for (const auto &[name, value] : spec.headers)
        request.headers.append({name, value});

    sigv4::SigningParams params;
    params.credentials = creds;
    params.region = config.region;
    params.service = service.signingName;
    params.time = now().toUTC().addMSecs(skewMs);
    const sigv4::SigningResult signedRequest = sigv4::sign(request, params);
    if (!signedRequest.ok()) {
        cd->finish(AwsError::make(AwsError::Kind::Client, QStringLiteral("SigningFailed"),
                                  signedRequest.error, {}));
        return;
    }

    const QList<sigv4::Header> headers = request.headers + signedRequest.headersToAdd;
    cd->lastRequest.method = spec.method;
    cd->lastRequest.url = url;
    cd->lastRequest.body = spec.body;
    cd->lastRequest.headers.clear();
    cd->lastRequest.headers.append({"User-Agent", userAgent});
    for (const sigv4::Header &h : headers) {
        const bool secret = h.name.compare("x-amz-security-token", Qt::CaseInsensitive) == 0;
        cd->lastRequest.headers.append({h.name, secret ? QByteArray(RedactedValue) : h.value});
    }

    if (config.dryRun) {
        log(call,
            QStringLiteral("%1: dry run, not sent: %2 %3")
                .arg(spec.operation, QString::fromLatin1(spec.method), QString::fromUtf8(url)));
        cd->finish({});
        return;
    }

    // StrictMode on bytes SyncDeck encoded itself: QUrl must not re-encode or decode them, or
    // the signature would cover other bytes than the ones sent.
    const QUrl qurl = QUrl::fromEncoded(url, QUrl::StrictMode);
    if (!qurl.isValid()) {
        cd->finish(AwsError::make(
            AwsError::Kind::Client, QStringLiteral("InvalidUrl"),
            QStringLiteral("could not build the request URL: %1").arg(qurl.errorString()), {}));
        return;
    }
    QNetworkRequest nr(qurl);
    for (const sigv4::Header &h : headers)
        nr.setRawHeader(h.name, h.value);
    nr.setRawHeader("User-Agent", userAgent);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setTransferTimeout(0); // the connect and read timeouts are SyncDeck's own
    if (ssl) // set for https endpoints only
        nr.setSslConfiguration(*ssl);

    cd->body.clear();
    cd->timedOut = false;
    cd->connected = false;
    cd->tooLarge = false;
    // GET, and POST without a body: no Content-Type, nothing to upload.
    QNetworkReply *reply = spec.body.isEmpty() ? nam->sendCustomRequest(nr, spec.method)
                                               : nam->sendCustomRequest(nr, spec.method, spec.body);
    cd->reply = reply;
    watchReply(call, reply);
    emit call->requestSent(call);
}

// Timeouts and the size limit, on the reply's signals.
void ServiceClient::Private::watchReply(ServiceCall *call, QNetworkReply *reply)
{
    ServiceCall::Private *cd = call->d.get();
    const auto failTimeout = [cd] {
        cd->timedOut = true;
        if (cd->reply)
            cd->reply->abort();
    };
    QObject::connect(&cd->connectTimer, &QTimer::timeout, reply, failTimeout);
    QObject::connect(&cd->readTimer, &QTimer::timeout, reply, failTimeout);
    if (config.connectTimeoutMs > 0)
        cd->connectTimer.start(config.connectTimeoutMs);
    const auto bump = [this, cd] {
        if (config.readTimeoutMs > 0)
            cd->readTimer.start(config.readTimeoutMs);
    };
    QObject::connect(reply, &QNetworkReply::requestSent, call, [cd, bump] {
        cd->connected = true;
        cd->connectTimer.stop();
        bump();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, call, [this, cd, bump] {
        cd->connected = true;
        cd->connectTimer.stop();
        bump();
        const QVariant length = cd->reply->header(QNetworkRequest::ContentLengthHeader);
        if (config.maxResponseBytes > 0 && length.isValid()
            && length.toLongLong() > config.maxResponseBytes) {
            cd->tooLarge = true;
            cd->reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, call, [this, cd, bump] {
        bump();
        cd->body += cd->reply->readAll();
        if (config.maxResponseBytes > 0 && cd->body.size() > config.maxResponseBytes) {
            cd->tooLarge = true;
            cd->reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, call,
                     [this, call] { onReplyFinished(call); });
}

void ServiceClient::Private::onReplyFinished(ServiceCall *call)
{
    ServiceCall::Private *cd = call->d.get();
    QNetworkReply *reply = cd->reply;
    if (cd->finished || !reply)
        return;
    cd->connectTimer.stop();
    cd->readTimer.stop();
    if (!cd->tooLarge && reply->isOpen())
        cd->body += reply->readAll();
    cd->reply = nullptr;
    reply->deleteLater();

    ReplyFacts facts;
    facts.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    facts.networkError = reply->error();
    facts.networkErrorText = reply->errorString();
    facts.timedOut = cd->timedOut;
    facts.connected = cd->connected;
    facts.tooLarge = cd->tooLarge;
    facts.body = std::exchange(cd->body, {});
    facts.header = [reply](const QByteArray &name) { return reply->rawHeader(name); };
    ReplyContext context;
    context.operation = cd->spec.operation;
    context.serviceTitle = service.title;
    context.host = config.endpoint.host();
    context.maxResponseBytes = config.maxResponseBytes;
    context.connectTimeoutMs = config.connectTimeoutMs;
    context.readTimeoutMs = config.readTimeoutMs;
    AwsError e = classifyReply(facts, context, cd->parse, readJsonError);

    if (limiter)
        limiter->recordResponse(retrystrategy::isThrottle(e), nowSeconds());
    const QString attemptText
        = QStringLiteral("%1 attempt %2/%3: %4 %5")
              .arg(cd->spec.operation)
              .arg(cd->attempt)
              .arg(cd->maxAttempts)
              .arg(QString::fromLatin1(cd->spec.method), QString::fromUtf8(cd->lastRequest.url));
    if (!e.isError()) {
        quota.release(cd->retryTokensTaken);
        log(call,
            QStringLiteral("%1 -> %2 (request id %3)")
                .arg(attemptText)
                .arg(facts.httpStatus)
                .arg(QString::fromUtf8(reply->rawHeader("x-amzn-RequestId"))));
        cd->finish({});
        return;
    }
    afterFailure(call, std::move(e), reply->rawHeader("Date"), attemptText);
}

void ServiceClient::Private::afterFailure(ServiceCall *call, AwsError e,
                                          const QByteArray &dateHeader, const QString &attemptText)
{
    ServiceCall::Private *cd = call->d.get();
    const std::optional<qint64> skew = retrystrategy::clockSkewMs(e, dateHeader, now().toUTC());
    if (skew)
        skewMs = *skew;
    const retrystrategy::RetryDecision decision = retrystrategy::decide(
        &e, cd->attempt, cd->maxAttempts, skew.has_value(), &quota, [this](int attempt) {
            return backoff
                ? backoff(attempt)
                : retrystrategy::backoffMs(attempt, QRandomGenerator::global()->generateDouble());
        });
    QString outcome = e.httpStatus ? QStringLiteral("%1 %2").arg(e.httpStatus).arg(e.code) : e.code;
    outcome += QStringLiteral(" (request id %1)")
                   .arg(e.requestId.isEmpty() ? QStringLiteral("none") : e.requestId);
    if (skew) {
        outcome += QStringLiteral("; the local clock is %1 s off the service's")
                       .arg(double(-*skew) / 1000.0, 0, 'f', 1);
    }
    log(call, QStringLiteral("%1 -> %2; %3").arg(attemptText, outcome, decision.logText));
    if (!decision.retry) {
        cd->finish(e);
        return;
    }
    cd->retryTokensTaken += decision.quotaTokens;
    if (decision.delayMs == 0) {
        QMetaObject::invokeMethod(
            call, [client = QPointer<ServiceClient>(q), call] { attemptAgain(client, call); },
            Qt::QueuedConnection);
        return;
    }
    cd->waitTimer.disconnect();
    QObject::connect(&cd->waitTimer, &QTimer::timeout, call,
                     [client = QPointer<ServiceClient>(q), call] { attemptAgain(client, call); });
    cd->waitTimer.start(int(decision.delayMs));
}

// ---------------------------------------------------------------------------------------------

ServiceClient::ServiceClient(ServiceInfo service, ClientConfig config,
                             CredentialsProvider *credentials, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->service = std::move(service);
    d->config = std::move(config);
    d->credentials = credentials;
    d->nam = new QNetworkAccessManager(this);
    d->nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    d->nam->setProxyFactory(new ProxyFactory(d->config.proxies)); // the manager owns it
    d->userAgent = QByteArray("syncdeck/") + Version;
    if (d->config.retryMode == QLatin1String("adaptive"))
        d->limiter.emplace(d->nowSeconds());
    // TLS settings only for an https endpoint: a plain-http endpoint (the emulator) never needs
    // the TLS backend or the CA bundle, and loading them costs tens of milliseconds.
    if (d->config.endpoint.scheme() == QLatin1String("https"))
        d->ssl = sslConfigurationFor(d->config.endpoint, d->config.caBundlePath, &d->caError);
}

ServiceClient::~ServiceClient()
{
    // Calls first: they hold replies of the network manager.
    const QList<ServiceCall *> calls = findChildren<ServiceCall *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(calls);
}

const ClientConfig &ServiceClient::config() const
{
    return d->config;
}

CredentialsProvider *ServiceClient::credentials() const
{
    return d->credentials;
}

const ServiceInfo &ServiceClient::service() const
{
    return d->service;
}

void ServiceClient::setClock(Clock clock)
{
    d->clock = std::move(clock);
    if (d->limiter)
        d->limiter.emplace(d->nowSeconds());
}

qint64 ServiceClient::clockSkewMs() const
{
    return d->skewMs;
}

void ServiceClient::setBackoff(Backoff backoff)
{
    d->backoff = std::move(backoff);
}

int ServiceClient::retryQuotaAvailable() const
{
    return d->quota.available();
}

double ServiceClient::adaptiveSendRate() const
{
    return d->limiter && d->limiter->isEnabled() ? d->limiter->fillRate() : 0.0;
}

void ServiceClient::setRequestPacer(std::shared_ptr<RequestPacer> pacer)
{
    d->pacer = std::move(pacer);
}

std::shared_ptr<RequestPacer> ServiceClient::requestPacer() const
{
    return d->pacer;
}

void ServiceClient::prepare(ServiceCall *call, RequestSpec spec, ParseBody parse)
{
    ServiceCall::Private *cd = call->d.get();
    cd->client = this;
    cd->spec = std::move(spec);
    cd->parse = std::move(parse);
}

void ServiceClient::beginAttempt(ServiceCall *call)
{
    d->beginAttempt(call);
}

} // namespace syncdeck::aws
