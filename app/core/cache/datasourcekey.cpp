#include "datasourcekey.h"

#include "aws/endpointresolver.h"
#include "qbusiness/client.h"
#include "qbusiness/types.h"

namespace syncdeck::cache {

namespace {
QUrl normalized(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                          | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    u.setScheme(u.scheme().toLower());
    const int defaultPort = u.scheme() == QLatin1String("https") ? 443
        : u.scheme() == QLatin1String("http")                    ? 80
                                                                 : -1;
    if (u.port() == defaultPort)
        u.setPort(-1);
    return u;
}
} // namespace

QString endpointIdentity(const qbusiness::ClientConfig &config)
{
    const QUrl endpoint = normalized(config.endpoint);
    if (!config.region.isEmpty()) {
        // The regional endpoints (FIPS or not) serve the same data: one history per region.
        for (const bool fips : {false, true}) {
            aws::EndpointParams params;
            params.region = config.region;
            params.useFips = fips;
            const aws::EndpointResult standard = aws::resolveQBusinessEndpoint(params);
            if (standard.ok() && normalized(standard.url) == endpoint)
                return aws::partitionForRegion(config.region).name + u'/' + config.region;
        }
    }
    return endpoint.toString(QUrl::FullyEncoded);
}

bool DataSourceKey::isValid() const
{
    return !endpoint.isEmpty() && !applicationId.isEmpty() && !indexId.isEmpty()
        && !dataSourceId.isEmpty();
}

DataSourceKey DataSourceKey::of(const qbusiness::ClientConfig &config,
                                const qbusiness::ListSyncJobsRequest &request)
{
    return {endpointIdentity(config), request.applicationId, request.indexId, request.dataSourceId};
}

QString DataSourceKey::toString() const
{
    return endpoint + u' ' + applicationId + u'/' + indexId + u'/' + dataSourceId;
}

size_t qHash(const DataSourceKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.endpoint, key.applicationId, key.indexId, key.dataSourceId);
}

} // namespace syncdeck::cache
