#pragma once

// The asynchronous Amazon Q Business client that the CLI and the dashboard share: the
// operations in rest-json over the shared AWS HTTP path (aws::ServiceClient: SigV4 on every
// attempt, the AWS retry modes, clock-skew correction, proxies, TLS).

#include "aws/serviceclient.h"
#include "awserror.h"
#include "types.h"

#include <QList>
#include <QString>

namespace syncdeck::aws {
class CredentialsProvider;
}

namespace syncdeck::qbusiness {

using aws::ClientConfig;
using aws::SentRequest;
// One Q Business call (see aws::ServiceCall for the contract); each operation's result is in
// its own subclass below.
using Call = aws::ServiceCall;

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

// ListDocuments: the index's documents and their current states (not a run's report).
class ListDocumentsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    ListDocumentsRequest request;
    DocumentPage page;
};

class Client : public aws::ServiceClient
{
    Q_OBJECT
public:
    Client(ClientConfig config, aws::CredentialsProvider *credentials, QObject *parent = nullptr);

    // Each returns a call that has not started yet; call start() on it.
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
    // GET /applications/{applicationId}/index/{indexId}/documents (note: "index", singular).
    ListDocumentsCall *listDocuments(const ListDocumentsRequest &request);
};

// A client like `base` (credentials, retries, TLS, proxies) for `region`: `base` itself for its
// own region. An endpoint the rule set gave for base's region becomes that rule set's endpoint
// for `region`; any other endpoint was an override (a proxy, the emulator) and serves every
// region. nullptr with *error saying why when `region` has no endpoint. The new client is a
// child of `parent` and must not outlive base's credentials.
Client *clientForRegion(Client *base, const QString &region, QObject *parent, QString *error);

} // namespace syncdeck::qbusiness
