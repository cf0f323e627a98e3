#pragma once

// The asynchronous Amazon Q Business client that the CLI and the dashboard share: one
// QNetworkAccessManager, SigV4 on every attempt, the AWS "standard" retry mode.

#include "aws/proxysettings.h"
#include "awserror.h"
#include "types.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace syncdeck::aws {
class CredentialsProvider;
}

namespace syncdeck::qbusiness {

// Where and how to call the service.
struct ClientConfig
{
    QUrl endpoint; // e.g. https://qbusiness.us-east-1.api.aws or http://127.0.0.1:PORT
    QString region; // signing region
    int maxAttempts = 3; // AWS_MAX_ATTEMPTS / max_attempts; 1 disables retries
    QString retryMode = QStringLiteral("standard"); // standard | legacy | adaptive (as standard)
    int connectTimeoutMs = 60000; // --cli-connect-timeout
    int readTimeoutMs = 60000; // --cli-read-timeout
    QString caBundlePath; // AWS_CA_BUNDLE / ca_bundle / --ca-bundle
    aws::ProxySettings proxies; // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
    qint64 maxResponseBytes = 8 * 1024 * 1024; // larger bodies fail with a clear error
    bool dryRun = false; // sign every request and record it (Call::lastRequest()), never send
};

// A request as it was (or, with dryRun, would have been) sent, for --dry-run and diagnostics.
// The value of X-Amz-Security-Token is replaced by "** REDACTED **"; the secret key is never in a
// request at all.
struct SentRequest
{
    QByteArray method;
    QByteArray url; // exactly the bytes of the request target, with scheme and authority
    QList<QPair<QByteArray, QByteArray>> headers; // as set by SyncDeck, in order
};

// One call. Follows the qtkeychain Job contract: start() is queued (the call begins when the
// event loop runs), finished() fires exactly once (also after abort()), results and error() are
// valid after finished(). With autoDelete (the default) the job deletes itself after finished().
class Call : public QObject
{
    Q_OBJECT
public:
    ~Call() override;

    void start();
    void abort();
    bool isFinished() const;
    const AwsError &error() const;
    bool autoDelete() const;
    void setAutoDelete(bool autoDelete);
    int attempts() const; // attempts made, for --debug and tests
    QString operation() const; // e.g. "ListDataSourceSyncJobs"
    const SentRequest &lastRequest() const; // the last attempt's request (redacted)

signals:
    void finished(syncdeck::qbusiness::Call *job);
    // One line per attempt for --debug: URL, status, request id, delay before retry.
    void attemptLogged(const QString &line);
    // An attempt's request was signed and handed to the network (once per attempt).
    void requestSent(syncdeck::qbusiness::Call *job);

protected:
    explicit Call(QObject *parent = nullptr);
    struct Private;
    std::unique_ptr<Private> d;
    friend class Client;
};

class ListApplicationsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    QList<Application> applications;
    QString nextToken;
};

class ListIndicesCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    QList<Index> indices;
    QString nextToken;
};

class ListDataSourcesCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    QList<DataSource> dataSources;
    QString nextToken;
};

class GetDataSourceCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    DataSourceDetails dataSource;
};

class ListSyncJobsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    ListSyncJobsRequest request;
    SyncJobPage page;
};

class StartSyncCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    QString executionId;
};

class StopSyncCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
};

// The client: one QNetworkAccessManager, SigV4 on every attempt, AWS standard retries.
class Client : public QObject
{
    Q_OBJECT
public:
    Client(ClientConfig config, aws::CredentialsProvider *credentials, QObject *parent = nullptr);
    ~Client() override;

    const ClientConfig &config() const;

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

    // Each returns a job that has not started yet; call start() on it.
    ListApplicationsCall *listApplications(const QString &nextToken = {}, int maxResults = 0);
    ListIndicesCall *listIndices(const QString &applicationId, const QString &nextToken = {},
                                 int maxResults = 0);
    ListDataSourcesCall *listDataSources(const QString &applicationId, const QString &indexId,
                                         const QString &nextToken = {}, int maxResults = 0);
    GetDataSourceCall *getDataSource(const QString &applicationId, const QString &indexId,
                                     const QString &dataSourceId);
    ListSyncJobsCall *listDataSourceSyncJobs(const ListSyncJobsRequest &request);
    StartSyncCall *startDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                          const QString &dataSourceId);
    StopSyncCall *stopDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                        const QString &dataSourceId);

signals:
    // Every attempt of every job of this client, as Call::attemptLogged (for --debug).
    void attemptLogged(const QString &line);

private:
    struct Private;
    std::unique_ptr<Private> d;
    friend class Call;
};

} // namespace syncdeck::qbusiness
