#include "client.h"

#include "aws/credentialsprovider.h"
#include "aws/proxysettings.h"
#include "aws/sigv4.h"
#include "aws/tls.h"
#include "jsoncodec.h"
#include "retryquota.h"
#include "retrystrategy.h"

#include <syncdeck/version.h>

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace syncdeck::qbusiness {

namespace {
constexpr char ServiceName[] = "qbusiness";
constexpr char RedactedValue[] = "** REDACTED **";

// A URI label: everything but the unreserved characters is percent-encoded.
QByteArray label(const QString &value)
{
    return aws::sigv4::uriEncode(value.toUtf8());
}

void addQuery(QByteArray &query, const char *key, const QByteArray &rawValue)
{
    if (!query.isEmpty())
        query += '&';
    query += key;
    query += '=';
    query += aws::sigv4::uriEncode(rawValue);
}

void addQueryIfSet(QByteArray &query, const char *key, const QString &value)
{
    if (!value.isEmpty())
        addQuery(query, key, value.toUtf8());
}

void addQueryIfSet(QByteArray &query, const char *key, int value)
{
    if (value > 0)
        addQuery(query, key, QByteArray::number(value));
}

QString describeNetworkError(QNetworkReply::NetworkError e, const QString &qtText)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the connection was refused (%1)").arg(qtText);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before the response was "
                              "complete (%1)")
            .arg(qtText);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host name could not be resolved (%1)").arg(qtText);
    default:
        return qtText;
    }
}

bool isTlsError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError || e == QNetworkReply::UnknownNetworkError;
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct Call::Private
{
    Call *q = nullptr;
    QPointer<Client> client;
    QString operation;
    QByteArray method;
    QByteArray path; // encoded, without the endpoint's own path prefix
    QByteArray query; // encoded
    std::function<bool(const QByteArray &body, QString *error)> parse;

    QByteArray invocationId;
    int attempt = 0;
    int maxAttempts = 1;
    int retryTokensTaken = 0;
    bool started = false;
    bool finished = false;
    bool autoDelete = true;
    AwsError error;
    SentRequest lastRequest;

    QPointer<QNetworkReply> reply;
    QByteArray body;
    bool timedOut = false;
    bool connected = false;
    bool tooLarge = false;
    QTimer connectTimer;
    QTimer readTimer;
    QTimer retryTimer;

    void finish(const AwsError &e)
    {
        if (finished)
            return;
        finished = true;
        error = e;
        connectTimer.stop();
        readTimer.stop();
        retryTimer.stop();
        dropReply();
        // A slot may delete the job: read what is needed before emitting.
        const bool deleteAfter = autoDelete;
        QPointer<Call> alive(q);
        emit q->finished(q);
        if (deleteAfter && alive)
            alive->deleteLater();
    }

    void dropReply()
    {
        if (!reply)
            return;
        QNetworkReply *r = reply;
        reply = nullptr;
        QObject::disconnect(r, nullptr, q, nullptr);
        if (r->isRunning())
            r->abort();
        r->deleteLater();
    }
};

Call::Call(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->connectTimer.setSingleShot(true);
    d->readTimer.setSingleShot(true);
    d->retryTimer.setSingleShot(true);
}

Call::~Call()
{
    d->dropReply();
}

void Call::abort()
{
    if (d->finished)
        return;
    AwsError e;
    e.kind = AwsError::Kind::Aborted;
    e.code = QStringLiteral("Aborted");
    e.message = QStringLiteral("the call was cancelled");
    d->finish(e);
}

bool Call::isFinished() const
{
    return d->finished;
}

const AwsError &Call::error() const
{
    return d->error;
}

bool Call::autoDelete() const
{
    return d->autoDelete;
}

void Call::setAutoDelete(bool autoDelete)
{
    d->autoDelete = autoDelete;
}

int Call::attempts() const
{
    return d->attempt;
}

QString Call::operation() const
{
    return d->operation;
}

const SentRequest &Call::lastRequest() const
{
    return d->lastRequest;
}

// ---------------------------------------------------------------------------------------------

struct Client::Private
{
    Client *q = nullptr;
    ClientConfig config;
    QPointer<aws::CredentialsProvider> credentials;
    QNetworkAccessManager *nam = nullptr;
    RetryQuota quota;
    Clock clock;
    Backoff backoff;
    qint64 skewMs = 0;
    QByteArray userAgent;
    // From aws::sslConfigurationFor (CA bundle, verification always on); https endpoints only:
    // even a default-constructed QSslConfiguration loads the TLS backend.
    std::optional<QSslConfiguration> ssl;
    QString caError;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    template<typename T>
    T *newJob(QString operation, QByteArray method, QByteArray path, QByteArray query)
    {
        auto *job = new T(q);
        Call::Private *jd = job->d.get();
        jd->client = q;
        jd->operation = std::move(operation);
        jd->method = std::move(method);
        jd->path = std::move(path);
        jd->query = std::move(query);
        return job;
    }

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

    void beginAttempt(Call *job);
    // A job may outlive its client (a caller can reparent it): later steps check for that.
    static AwsError clientGone()
    {
        return AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                              QStringLiteral("the client of this call no longer exists"));
    }
    static void retry(const QPointer<Client> &client, Call *job)
    {
        if (client)
            client->d->beginAttempt(job);
        else
            job->d->finish(clientGone());
    }
    void send(Call *job, const aws::Credentials &credentials);
    void onFinished(Call *job);
    void log(Call *job, const QString &line)
    {
        emit job->attemptLogged(line);
        emit q->attemptLogged(line);
    }
};

void Client::Private::beginAttempt(Call *job)
{
    Call::Private *jd = job->d.get();
    if (jd->finished)
        return;
    if (jd->attempt == 0) {
        jd->invocationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        jd->maxAttempts = std::max(1, config.maxAttempts);
    }
    ++jd->attempt;
    if (!config.endpoint.isValid() || config.endpoint.host().isEmpty()
        || (config.endpoint.scheme() != QLatin1String("https")
            && config.endpoint.scheme() != QLatin1String("http"))) {
        jd->finish(AwsError::make(
            AwsError::Kind::Client, QStringLiteral("InvalidEndpoint"),
            QStringLiteral("the endpoint \"%1\" is not an http(s) URL")
                .arg(config.endpoint.toString()),
            QStringLiteral("Give an endpoint such as https://qbusiness.us-east-1.api.aws "
                           "(--endpoint-url).")));
        return;
    }
    if (!caError.isEmpty()) {
        jd->finish(
            AwsError::make(AwsError::Kind::Client, QStringLiteral("InvalidCaBundle"), caError,
                           QStringLiteral("Point --ca-bundle (AWS_CA_BUNDLE) at a PEM file.")));
        return;
    }
    if (!credentials) {
        jd->finish(AwsError::make(AwsError::Kind::Credentials, QStringLiteral("NoCredentials"),
                                  QStringLiteral("no credentials provider is configured"),
                                  QStringLiteral("Choose a profile or enter access keys.")));
        return;
    }
    credentials->resolve(
        job, [client = QPointer<Client>(q), job](const aws::CredentialsResult &result) {
            Call::Private *jd = job->d.get();
            if (jd->finished)
                return;
            if (!client) {
                jd->finish(clientGone());
                return;
            }
            if (result.error.isError()) {
                jd->finish(AwsError::make(AwsError::Kind::Credentials,
                                          QStringLiteral("CredentialsError"), result.error.message,
                                          result.error.nextStep));
                return;
            }
            client->d->send(job, result.credentials);
        });
}

void Client::Private::send(Call *job, const aws::Credentials &creds)
{
    Call::Private *jd = job->d.get();
    const QByteArray url
        = urlPrefix() + jd->path + (jd->query.isEmpty() ? QByteArray() : '?' + jd->query);

    // The request exactly as it goes on the wire; the signer adds X-Amz-Date, Authorization and,
    // with a session token, X-Amz-Security-Token.
    aws::sigv4::Request request;
    request.method = jd->method;
    request.path = endpointPath() + jd->path;
    request.query = jd->query;
    request.headers = {
        {"Host", hostHeader()},
        {"amz-sdk-invocation-id", jd->invocationId},
        {"amz-sdk-request", retrystrategy::sdkRequestHeader(jd->attempt, jd->maxAttempts)},
    };

    aws::sigv4::SigningParams params;
    params.credentials = creds;
    params.region = config.region;
    params.service = QString::fromLatin1(ServiceName);
    params.time = now().toUTC().addMSecs(skewMs);
    const aws::sigv4::SigningResult signedRequest = aws::sigv4::sign(request, params);
    if (!signedRequest.ok()) {
        jd->finish(AwsError::make(AwsError::Kind::Client, QStringLiteral("SigningFailed"),
                                  signedRequest.error, {}));
        return;
    }

    const QList<aws::sigv4::Header> headers = request.headers + signedRequest.headersToAdd;
    jd->lastRequest.method = jd->method;
    jd->lastRequest.url = url;
    jd->lastRequest.headers.clear();
    jd->lastRequest.headers.append({"User-Agent", userAgent});
    for (const aws::sigv4::Header &h : headers) {
        const bool secret = h.name.compare("x-amz-security-token", Qt::CaseInsensitive) == 0;
        jd->lastRequest.headers.append({h.name, secret ? QByteArray(RedactedValue) : h.value});
    }

    if (config.dryRun) {
        log(job,
            QStringLiteral("%1: dry run, not sent: %2 %3")
                .arg(jd->operation, QString::fromLatin1(jd->method), QString::fromUtf8(url)));
        jd->finish({});
        return;
    }

    // StrictMode on bytes SyncDeck encoded itself: QUrl must not re-encode or decode them, or
    // the signature would cover other bytes than the ones sent.
    const QUrl qurl = QUrl::fromEncoded(url, QUrl::StrictMode);
    if (!qurl.isValid()) {
        jd->finish(AwsError::make(
            AwsError::Kind::Client, QStringLiteral("InvalidUrl"),
            QStringLiteral("could not build the request URL: %1").arg(qurl.errorString()), {}));
        return;
    }
    QNetworkRequest nr(qurl);
    for (const aws::sigv4::Header &h : headers)
        nr.setRawHeader(h.name, h.value);
    nr.setRawHeader("User-Agent", userAgent);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setTransferTimeout(0); // the connect and read timeouts below are SyncDeck's own
    if (ssl) // set for https endpoints only
        nr.setSslConfiguration(*ssl);

    jd->body.clear();
    jd->timedOut = false;
    jd->connected = false;
    jd->tooLarge = false;
    // GET, and POST without a body: no Content-Type, nothing to upload.
    QNetworkReply *reply = nam->sendCustomRequest(nr, jd->method);
    jd->reply = reply;

    const auto failTimeout = [jd] {
        jd->timedOut = true;
        if (jd->reply)
            jd->reply->abort();
    };
    QObject::connect(&jd->connectTimer, &QTimer::timeout, reply, failTimeout);
    QObject::connect(&jd->readTimer, &QTimer::timeout, reply, failTimeout);
    if (config.connectTimeoutMs > 0)
        jd->connectTimer.start(config.connectTimeoutMs);
    const auto bump = [this, jd] {
        if (config.readTimeoutMs > 0)
            jd->readTimer.start(config.readTimeoutMs);
    };
    QObject::connect(reply, &QNetworkReply::requestSent, job, [jd, bump] {
        jd->connected = true;
        jd->connectTimer.stop();
        bump();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, job, [this, jd, bump] {
        jd->connected = true;
        jd->connectTimer.stop();
        bump();
        const QVariant length = jd->reply->header(QNetworkRequest::ContentLengthHeader);
        if (config.maxResponseBytes > 0 && length.isValid()
            && length.toLongLong() > config.maxResponseBytes) {
            jd->tooLarge = true;
            jd->reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, job, [this, jd, bump] {
        bump();
        jd->body += jd->reply->readAll();
        if (config.maxResponseBytes > 0 && jd->body.size() > config.maxResponseBytes) {
            jd->tooLarge = true;
            jd->reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, job, [this, job] { onFinished(job); });
    emit job->requestSent(job);
}

void Client::Private::onFinished(Call *job)
{
    Call::Private *jd = job->d.get();
    QNetworkReply *reply = jd->reply;
    if (jd->finished || !reply)
        return;
    jd->connectTimer.stop();
    jd->readTimer.stop();
    if (!jd->tooLarge && reply->isOpen())
        jd->body += reply->readAll();
    jd->reply = nullptr;
    reply->deleteLater();

    const QString url = QString::fromUtf8(jd->lastRequest.url);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString attemptText = QStringLiteral("%1 attempt %2/%3: %4 %5")
                                    .arg(jd->operation)
                                    .arg(jd->attempt)
                                    .arg(jd->maxAttempts)
                                    .arg(QString::fromLatin1(jd->method), url);

    AwsError e;
    if (jd->tooLarge) {
        e = AwsError::make(AwsError::Kind::Client, QStringLiteral("ResponseTooLarge"),
                           QStringLiteral("the response body is larger than the %1-byte limit")
                               .arg(config.maxResponseBytes),
                           QStringLiteral("Ask for smaller pages (--page-size), or check that the "
                                          "endpoint is an Amazon Q Business endpoint."),
                           QString::fromUtf8(reply->rawHeader("x-amzn-RequestId")), status);
    } else if (jd->timedOut) {
        e.kind = AwsError::Kind::Timeout;
        e.code = jd->connected ? QStringLiteral("ReadTimeout") : QStringLiteral("ConnectTimeout");
        e.message = jd->connected
            ? QStringLiteral("no data from %1 for %2 ms (read timeout)")
                  .arg(config.endpoint.host())
                  .arg(config.readTimeoutMs)
            : QStringLiteral("could not connect to %1 within %2 ms (connect timeout)")
                  .arg(config.endpoint.host())
                  .arg(config.connectTimeoutMs);
        e.nextStep = QStringLiteral("Check the network, or raise --cli-read-timeout / "
                                    "--cli-connect-timeout.");
    } else if (status == 0) {
        e.kind = AwsError::Kind::Network;
        e.code
            = isTlsError(netError) ? QStringLiteral("TlsError") : QStringLiteral("ConnectionError");
        e.message = QStringLiteral("%1: %2").arg(
            config.endpoint.host(), describeNetworkError(netError, reply->errorString()));
        e.nextStep = isTlsError(netError)
            ? QStringLiteral("Check the endpoint's certificate, or --ca-bundle.")
            : QStringLiteral("Check the endpoint URL and the network.");
    } else if (status >= 200 && status < 300) {
        if (netError != QNetworkReply::NoError) {
            // The headers arrived but the body did not: a cut connection, worth a retry.
            e.kind = AwsError::Kind::Network;
            e.code = QStringLiteral("IncompleteBody");
            e.message = QStringLiteral("the response from %1 broke off after %2 bytes: %3")
                            .arg(config.endpoint.host())
                            .arg(jd->body.size())
                            .arg(describeNetworkError(netError, reply->errorString()));
            e.requestId = QString::fromUtf8(reply->rawHeader("x-amzn-RequestId"));
            e.httpStatus = status;
        } else {
            QString parseError;
            if (jd->parse && !jd->parse(jd->body, &parseError)) {
                e = AwsError::make(AwsError::Kind::Client, QStringLiteral("MalformedResponse"),
                                   QStringLiteral("the %1 response could not be read: %2")
                                       .arg(jd->operation, parseError),
                                   QStringLiteral("Check that the endpoint is an Amazon Q Business "
                                                  "endpoint; if it is, report the request id."),
                                   QString::fromUtf8(reply->rawHeader("x-amzn-RequestId")), status);
            }
        }
    } else {
        e = jsoncodec::readError(
            status, reason, [reply](const QByteArray &name) { return reply->rawHeader(name); },
            jd->body);
    }
    jd->body.clear();

    if (!e.isError()) {
        quota.release(jd->retryTokensTaken);
        log(job,
            QStringLiteral("%1 -> %2 (request id %3)")
                .arg(attemptText)
                .arg(status)
                .arg(QString::fromUtf8(reply->rawHeader("x-amzn-RequestId"))));
        jd->finish({});
        return;
    }

    e.retryable = retrystrategy::isRetryable(e) && e.code != QLatin1String("TlsError");
    QString outcome = e.httpStatus ? QStringLiteral("%1 %2").arg(e.httpStatus).arg(e.code) : e.code;
    outcome += QStringLiteral(" (request id %1)")
                   .arg(e.requestId.isEmpty() ? QStringLiteral("none") : e.requestId);

    const std::optional<qint64> skew
        = retrystrategy::clockSkewMs(e, reply->rawHeader("Date"), now().toUTC());
    if (skew) {
        skewMs = *skew;
        e.retryable = true;
        if (jd->attempt < jd->maxAttempts) {
            log(job,
                QStringLiteral("%1 -> %2; the local clock is %3 s off the service's, "
                               "retrying at once with the corrected time")
                    .arg(attemptText, outcome)
                    .arg(double(-*skew) / 1000.0, 0, 'f', 1));
            QMetaObject::invokeMethod(
                job, [client = QPointer<Client>(q), job] { retry(client, job); },
                Qt::QueuedConnection);
            return;
        }
    }

    if (e.retryable && jd->attempt < jd->maxAttempts) {
        const int tokens = quota.acquire(e.kind == AwsError::Kind::Timeout);
        if (tokens == 0) {
            log(job,
                QStringLiteral("%1 -> %2; not retrying: the retry quota is exhausted")
                    .arg(attemptText, outcome));
            e.nextStep = QStringLiteral("The service has been failing for a while; wait a "
                                        "minute and run again.");
            jd->finish(e);
            return;
        }
        jd->retryTokensTaken += tokens;
        const qint64 delay = backoff
            ? backoff(jd->attempt)
            : retrystrategy::backoffMs(jd->attempt, QRandomGenerator::global()->generateDouble());
        log(job,
            QStringLiteral("%1 -> %2; retrying in %3 ms").arg(attemptText, outcome).arg(delay));
        jd->retryTimer.disconnect();
        QObject::connect(&jd->retryTimer, &QTimer::timeout, job,
                         [client = QPointer<Client>(q), job] { retry(client, job); });
        jd->retryTimer.start(int(std::clamp<qint64>(delay, 0, 60000)));
        return;
    }

    log(job, QStringLiteral("%1 -> %2; giving up").arg(attemptText, outcome));
    if (e.retryable && jd->maxAttempts > 1 && e.nextStep.isEmpty())
        e.nextStep = QStringLiteral("%1 attempts failed; run again later, or raise max_attempts "
                                    "(AWS_MAX_ATTEMPTS).")
                         .arg(jd->attempt);
    jd->finish(e);
}

void Call::start()
{
    if (d->started)
        return;
    d->started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (d->finished)
                return;
            if (!d->client) {
                d->finish(
                    AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                                   QStringLiteral("the client of this call no longer exists")));
                return;
            }
            d->client->d->beginAttempt(this);
        },
        Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------

Client::Client(ClientConfig config, aws::CredentialsProvider *credentials, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->config = std::move(config);
    d->credentials = credentials;
    d->nam = new QNetworkAccessManager(this);
    d->nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    d->nam->setProxyFactory(new aws::ProxyFactory(d->config.proxies)); // the manager owns it
    d->userAgent = QByteArray("syncdeck/") + Version;
    // TLS settings only for an https endpoint: a plain-http endpoint (the emulator) never needs
    // the TLS backend or the CA bundle, and loading them costs tens of milliseconds.
    if (d->config.endpoint.scheme() == QLatin1String("https"))
        d->ssl = aws::sslConfigurationFor(d->config.endpoint, d->config.caBundlePath, &d->caError);
}

Client::~Client()
{
    // Jobs first: they hold replies of the network manager.
    const QList<Call *> jobs = findChildren<Call *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
}

const ClientConfig &Client::config() const
{
    return d->config;
}

void Client::setClock(Clock clock)
{
    d->clock = std::move(clock);
}

qint64 Client::clockSkewMs() const
{
    return d->skewMs;
}

void Client::setBackoff(Backoff backoff)
{
    d->backoff = std::move(backoff);
}

int Client::retryQuotaAvailable() const
{
    return d->quota.available();
}

namespace {
QByteArray applicationPath(const QString &applicationId)
{
    return "/applications/" + label(applicationId);
}
QByteArray dataSourcePath(const QString &a, const QString &i, const QString &ds)
{
    return applicationPath(a) + "/indices/" + label(i) + "/datasources/" + label(ds);
}
} // namespace

ListApplicationsCall *Client::listApplications(const QString &nextToken, int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    auto *job = d->newJob<ListApplicationsCall>(QStringLiteral("ListApplications"), "GET",
                                                "/applications", query);
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readApplications(body, &job->applications, &job->nextToken, error);
    };
    return job;
}

ListIndicesCall *Client::listIndices(const QString &applicationId, const QString &nextToken,
                                     int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    auto *job = d->newJob<ListIndicesCall>(QStringLiteral("ListIndices"), "GET",
                                           applicationPath(applicationId) + "/indices", query);
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readIndices(body, &job->indices, &job->nextToken, error);
    };
    return job;
}

ListDataSourcesCall *Client::listDataSources(const QString &applicationId, const QString &indexId,
                                             const QString &nextToken, int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    auto *job = d->newJob<ListDataSourcesCall>(
        QStringLiteral("ListDataSources"), "GET",
        applicationPath(applicationId) + "/indices/" + label(indexId) + "/datasources", query);
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readDataSources(body, &job->dataSources, &job->nextToken, error);
    };
    return job;
}

GetDataSourceCall *Client::getDataSource(const QString &applicationId, const QString &indexId,
                                         const QString &dataSourceId)
{
    auto *job
        = d->newJob<GetDataSourceCall>(QStringLiteral("GetDataSource"), "GET",
                                       dataSourcePath(applicationId, indexId, dataSourceId), {});
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readDataSourceDetails(body, &job->dataSource, error);
    };
    return job;
}

ListSyncJobsCall *Client::listDataSourceSyncJobs(const ListSyncJobsRequest &request)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", request.maxResults);
    addQueryIfSet(query, "nextToken", request.nextToken);
    if (request.startTime.isValid())
        addQuery(query, "startTime", jsoncodec::queryTimestamp(request.startTime));
    if (request.endTime.isValid())
        addQuery(query, "endTime", jsoncodec::queryTimestamp(request.endTime));
    addQueryIfSet(query, "syncStatus", request.statusFilter);
    auto *job = d->newJob<ListSyncJobsCall>(
        QStringLiteral("ListDataSourceSyncJobs"), "GET",
        dataSourcePath(request.applicationId, request.indexId, request.dataSourceId) + "/syncjobs",
        query);
    job->request = request;
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readSyncJobPage(body, &job->page, error);
    };
    return job;
}

StartSyncCall *Client::startDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                              const QString &dataSourceId)
{
    auto *job = d->newJob<StartSyncCall>(
        QStringLiteral("StartDataSourceSyncJob"), "POST",
        dataSourcePath(applicationId, indexId, dataSourceId) + "/startsync", {});
    job->d->parse = [job](const QByteArray &body, QString *error) {
        return jsoncodec::readStartSyncJob(body, &job->executionId, error);
    };
    return job;
}

StopSyncCall *Client::stopDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                            const QString &dataSourceId)
{
    auto *job = d->newJob<StopSyncCall>(
        QStringLiteral("StopDataSourceSyncJob"), "POST",
        dataSourcePath(applicationId, indexId, dataSourceId) + "/stopsync", {});
    // The output structure is empty; any body (or none) is accepted.
    return job;
}

} // namespace syncdeck::qbusiness
