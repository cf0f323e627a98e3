#pragma once

#include <QHashFunctions>
#include <QString>

namespace syncdeck::aws {
struct ClientConfig;
}

namespace syncdeck::qbusiness {
using ClientConfig = aws::ClientConfig;
struct ListSyncJobsRequest;
} // namespace syncdeck::qbusiness

namespace syncdeck::cache {

// Which service a cached history belongs to: "aws/us-east-1" (partition/region) for the standard
// or FIPS endpoint of a region, else the custom endpoint's URL, normalized
// ("http://127.0.0.1:4566", no user info, query or default port). Never credentials or a profile:
// two profiles that read the same data source share its history, and nothing secret reaches the
// cache.
QString endpointIdentity(const qbusiness::ClientConfig &config);

// One data source's history in the cache: endpoint identity, application, index, data source.
struct DataSourceKey
{
    QString endpoint;
    QString applicationId;
    QString indexId;
    QString dataSourceId;

    bool isValid() const;
    // The key of the data source a ListDataSourceSyncJobs request lists.
    static DataSourceKey of(const qbusiness::ClientConfig &config,
                            const qbusiness::ListSyncJobsRequest &request);
    // "endpoint applicationId/indexId/dataSourceId", for messages and `cache info`.
    QString toString() const;

    friend bool operator==(const DataSourceKey &, const DataSourceKey &) = default;
};

size_t qHash(const DataSourceKey &key, size_t seed = 0) noexcept;

} // namespace syncdeck::cache
