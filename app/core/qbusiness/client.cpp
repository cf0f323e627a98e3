#include "client.h"

#include "aws/endpointresolver.h"
#include "aws/sigv4.h"
#include "documentcodec.h"
#include "jsoncodec.h"

namespace syncdeck::qbusiness {

namespace {
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

// A rest-json request: no body and no Content-Type for any of these operations.
aws::RequestSpec rest(const char *operation, const char *method, QByteArray path,
                      QByteArray query = {})
{
    aws::RequestSpec spec;
    spec.operation = QString::fromLatin1(operation);
    spec.method = method;
    spec.path = std::move(path);
    spec.query = std::move(query);
    return spec;
}

QByteArray applicationPath(const QString &applicationId)
{
    return "/applications/" + label(applicationId);
}

QByteArray dataSourcePath(const QString &a, const QString &i, const QString &ds)
{
    return applicationPath(a) + "/indices/" + label(i) + "/datasources/" + label(ds);
}
} // namespace

Client::Client(ClientConfig config, aws::CredentialsProvider *credentials, QObject *parent)
    : aws::ServiceClient({QStringLiteral("qbusiness"), QStringLiteral("Amazon Q Business"),
                          QStringLiteral("https://qbusiness.us-east-1.api.aws")},
                         std::move(config), credentials, parent)
{ }

ListApplicationsCall *Client::listApplications(const QString &nextToken, int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    return newCall<ListApplicationsCall>(
        rest("ListApplications", "GET", "/applications", query),
        [](ListApplicationsCall *call, const QByteArray &body, QString *error) {
            return jsoncodec::readApplications(body, &call->applications, &call->nextToken, error);
        });
}

ListIndicesCall *Client::listIndices(const QString &applicationId, const QString &nextToken,
                                     int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    return newCall<ListIndicesCall>(
        rest("ListIndices", "GET", applicationPath(applicationId) + "/indices", query),
        [](ListIndicesCall *call, const QByteArray &body, QString *error) {
            return jsoncodec::readIndices(body, &call->indices, &call->nextToken, error);
        });
}

ListDataSourcesCall *Client::listDataSources(const QString &applicationId, const QString &indexId,
                                             const QString &nextToken, int maxResults)
{
    QByteArray query;
    addQueryIfSet(query, "maxResults", maxResults);
    addQueryIfSet(query, "nextToken", nextToken);
    return newCall<ListDataSourcesCall>(
        rest("ListDataSources", "GET",
             applicationPath(applicationId) + "/indices/" + label(indexId) + "/datasources", query),
        [](ListDataSourcesCall *call, const QByteArray &body, QString *error) {
            return jsoncodec::readDataSources(body, &call->dataSources, &call->nextToken, error);
        });
}

GetDataSourceCall *Client::getDataSource(const QString &applicationId, const QString &indexId,
                                         const QString &dataSourceId)
{
    return newCall<GetDataSourceCall>(
        rest("GetDataSource", "GET", dataSourcePath(applicationId, indexId, dataSourceId)),
        [](GetDataSourceCall *call, const QByteArray &body, QString *error) {
            return jsoncodec::readDataSourceDetails(body, &call->dataSource, error);
        });
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
    auto *call = newCall<ListSyncJobsCall>(
        rest("ListDataSourceSyncJobs", "GET",
             dataSourcePath(request.applicationId, request.indexId, request.dataSourceId)
                 + "/syncjobs",
             query),
        [](ListSyncJobsCall *call, const QByteArray &body, QString *error) {
            if (!jsoncodec::readSyncJobPage(body, &call->page, error))
                return false;
            if (call->page.problems.isEmpty() || call->request.keepJobsWithProblems)
                return true;
            *error = QStringLiteral("member ") + call->page.problems.constFirst();
            call->page = {};
            return false;
        });
    call->request = request;
    return call;
}

StartSyncCall *Client::startDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                              const QString &dataSourceId)
{
    return newCall<StartSyncCall>(
        rest("StartDataSourceSyncJob", "POST",
             dataSourcePath(applicationId, indexId, dataSourceId) + "/startsync"),
        [](StartSyncCall *call, const QByteArray &body, QString *error) {
            return jsoncodec::readStartSyncJob(body, &call->executionId, error);
        });
}

StopSyncCall *Client::stopDataSourceSyncJob(const QString &applicationId, const QString &indexId,
                                            const QString &dataSourceId)
{
    // The output structure is empty; any body (or none) is accepted.
    return newCall<StopSyncCall>(
        rest("StopDataSourceSyncJob", "POST",
             dataSourcePath(applicationId, indexId, dataSourceId) + "/stopsync"));
}

ListDocumentsCall *Client::listDocuments(const ListDocumentsRequest &request)
{
    QByteArray query;
    addQueryIfSet(query, "dataSourceIds", request.dataSourceId);
    addQueryIfSet(query, "maxResults", request.maxResults);
    addQueryIfSet(query, "nextToken", request.nextToken);
    auto *call = newCall<ListDocumentsCall>(
        rest("ListDocuments", "GET",
             applicationPath(request.applicationId) + "/index/" + label(request.indexId)
                 + "/documents",
             query),
        [](ListDocumentsCall *call, const QByteArray &body, QString *error) {
            return documentcodec::readDocumentPage(body, &call->page, error);
        });
    call->request = request;
    return call;
}

Client *clientForRegion(Client *base, const QString &region, QObject *parent, QString *error)
{
    ClientConfig config = base->config();
    if (region == config.region)
        return base;
    aws::EndpointParams params;
    params.region = config.region;
    params.useFips = config.endpoint.host().startsWith(QLatin1String("qbusiness-fips."));
    if (aws::resolveQBusinessEndpoint(params).url == config.endpoint) {
        params.region = region;
        const aws::EndpointResult endpoint = aws::resolveQBusinessEndpoint(params);
        if (!endpoint.ok()) {
            *error = endpoint.error;
            return nullptr;
        }
        config.endpoint = endpoint.url;
    }
    config.region = region;
    return new Client(config, base->credentials(), parent);
}

} // namespace syncdeck::qbusiness
