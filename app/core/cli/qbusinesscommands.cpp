#include "qbusinesscommands.h"

#include "cachecommands.h"
#include "servicecommand.h"

#include "qbusiness/jsoncodec.h"

#include <tuple>

namespace syncdeck::cli {

using qbusiness::Call;
using qbusiness::Paginator;

namespace {

const QStringList AppIds = {QStringLiteral("application-id")};
const QStringList IndexIds = {QStringLiteral("application-id"), QStringLiteral("index-id")};
const QStringList DataSourceIds = {QStringLiteral("application-id"), QStringLiteral("index-id"),
                                   QStringLiteral("data-source-id")};

OutputColumn col(const char *header, const char *path = nullptr)
{
    return {QString::fromLatin1(header), QString::fromLatin1(path ? path : header)};
}

// A listing whose call of type CallT holds a page as `pageOf(call)`: std::tie(items, nextToken).
template<typename CallT, typename PageOf>
ListSpec listing(const char *operation, const char *listKey, QList<OutputColumn> columns,
                 Paginator::StartPage startPage, PageOf pageOf)
{
    ListSpec spec {QString::fromLatin1(operation),
                   QString::fromLatin1(listKey),
                   std::move(columns),
                   std::move(startPage),
                   {},
                   {}};
    spec.readPage = [pageOf](Call *call) {
        const auto page = pageOf(static_cast<CallT *>(call));
        return Paginator::PageInfo {int(std::get<0>(page).size()), std::get<1>(page)};
    };
    spec.itemAt = [pageOf](Call *call, int i) {
        return qbusiness::jsoncodec::toJson(std::get<0>(pageOf(static_cast<CallT *>(call))).at(i));
    };
    return spec;
}

// The three IDs of a data source, from its command's options.
struct DataSourceIdArgs
{
    QString application;
    QString index;
    QString dataSource;
};

DataSourceIdArgs dataSourceIds(const ServiceCommand &command)
{
    return {command.id("application-id"), command.id("index-id"), command.id("data-source-id")};
}

} // namespace

int listApplications(Invocation &inv)
{
    ServiceCommand command(
        inv,
        {QStringLiteral("Lists the Amazon Q Business applications of the region."),
         {},
         true,
         false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    qbusiness::Client *client = command.client();
    return command.runList(listing<qbusiness::ListApplicationsCall>(
        "ListApplications", "applications",
        {col("applicationId"), col("displayName"), col("status"), col("identityType"),
         col("createdAt"), col("updatedAt")},
        [client](const QString &token, int size) { return client->listApplications(token, size); },
        [](qbusiness::ListApplicationsCall *c) {
            return std::tie(c->applications, c->nextToken);
        }));
}

int listIndices(Invocation &inv)
{
    ServiceCommand command(
        inv,
        {QStringLiteral("Lists the indices of an Amazon Q Business application."), AppIds, true,
         false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    qbusiness::Client *client = command.client();
    const QString app = command.id("application-id");
    return command.runList(listing<qbusiness::ListIndicesCall>(
        "ListIndices", "indices",
        {col("indexId"), col("displayName"), col("status"), col("createdAt"), col("updatedAt")},
        [client, app](const QString &token, int size) {
            return client->listIndices(app, token, size);
        },
        [](qbusiness::ListIndicesCall *c) { return std::tie(c->indices, c->nextToken); }));
}

int listDataSources(Invocation &inv)
{
    ServiceCommand command(
        inv, {QStringLiteral("Lists the data sources of an index."), IndexIds, true, false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    qbusiness::Client *client = command.client();
    const QString app = command.id("application-id");
    const QString index = command.id("index-id");
    return command.runList(listing<qbusiness::ListDataSourcesCall>(
        "ListDataSources", "dataSources",
        {col("dataSourceId"), col("displayName"), col("type"), col("status"), col("createdAt"),
         col("updatedAt")},
        [client, app, index](const QString &token, int size) {
            return client->listDataSources(app, index, token, size);
        },
        [](qbusiness::ListDataSourcesCall *c) { return std::tie(c->dataSources, c->nextToken); }));
}

int listDataSourceSyncJobs(Invocation &inv)
{
    ServiceCommand command(
        inv,
        {QStringLiteral("Lists the sync job history of a data source, newest first."),
         DataSourceIds,
         true,
         true,
         {},
         true});
    if (const std::optional<int> code = command.prepare())
        return *code;
    qbusiness::Client *client = command.client();
    qbusiness::ListSyncJobsRequest request = command.filters();
    const DataSourceIdArgs ids = dataSourceIds(command);
    request.applicationId = ids.application;
    request.indexId = ids.index;
    request.dataSourceId = ids.dataSource;
    ListSpec spec = listing<qbusiness::ListSyncJobsCall>(
        "ListDataSourceSyncJobs", "history",
        {col("executionId"), col("status"), col("startTime"), col("endTime"),
         col("errorCode", "error.errorCode"), col("errorMessage", "error.errorMessage"),
         col("dataSourceErrorCode"), col("documentsAdded", "metrics.documentsAdded"),
         col("documentsModified", "metrics.documentsModified"),
         col("documentsDeleted", "metrics.documentsDeleted"),
         col("documentsFailed", "metrics.documentsFailed"),
         col("documentsScanned", "metrics.documentsScanned")},
        [client, request](const QString &token, int size) {
            qbusiness::ListSyncJobsRequest r = request;
            r.nextToken = token;
            r.maxResults = size;
            return client->listDataSourceSyncJobs(r);
        },
        [](qbusiness::ListSyncJobsCall *c) {
            return std::tie(c->page.history, c->page.nextToken);
        });
    spec.writeItem = [](aws::JsonWriter &writer, Call *call, int i) {
        qbusiness::jsoncodec::writeJson(
            writer, static_cast<qbusiness::ListSyncJobsCall *>(call)->page.history.at(i));
    };
    if (command.cacheMode() != CacheMode::None)
        return listSyncJobsThroughCache(command, spec, request);
    return command.runList(spec);
}

int getDataSource(Invocation &inv)
{
    ServiceCommand command(inv,
                           {QStringLiteral("Shows a data source."), DataSourceIds, false, false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    const DataSourceIdArgs ids = dataSourceIds(command);
    return command.runSingle(
        command.client()->getDataSource(ids.application, ids.index, ids.dataSource),
        [&command](Call *call) {
            command.output().object(
                qbusiness::jsoncodec::toJson(
                    static_cast<qbusiness::GetDataSourceCall *>(call)->dataSource),
                {col("dataSourceId"), col("displayName"), col("type"), col("status"),
                 col("syncSchedule"), col("description"), col("roleArn"), col("dataSourceArn"),
                 col("errorCode", "error.errorCode"), col("errorMessage", "error.errorMessage"),
                 col("createdAt"), col("updatedAt")});
        });
}

int startDataSourceSyncJob(Invocation &inv)
{
    ServiceCommand command(
        inv, {QStringLiteral("Starts a sync job of a data source."), DataSourceIds, false, false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    const DataSourceIdArgs ids = dataSourceIds(command);
    return command.runSingle(
        command.client()->startDataSourceSyncJob(ids.application, ids.index, ids.dataSource),
        [&command](Call *call) {
            QJsonObject o;
            o.insert(QStringLiteral("executionId"),
                     static_cast<qbusiness::StartSyncCall *>(call)->executionId);
            command.output().object(o, {col("executionId")});
        });
}

int stopDataSourceSyncJob(Invocation &inv)
{
    ServiceCommand command(inv,
                           {QStringLiteral("Stops the running sync job of a data source."),
                            DataSourceIds, false, false});
    if (const std::optional<int> code = command.prepare())
        return *code;
    const DataSourceIdArgs ids = dataSourceIds(command);
    // The operation's output is empty; like the AWS CLI, print nothing on success.
    return command.runSingle(
        command.client()->stopDataSourceSyncJob(ids.application, ids.index, ids.dataSource),
        [](Call *) {});
}

} // namespace syncdeck::cli
