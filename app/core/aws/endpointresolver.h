#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Endpoint resolution for the services SyncDeck calls: Amazon Q Business and CloudWatch Logs by
// hand translations of their Smithy endpoint rule sets (endpoint-rule-set-1.json of each service
// model), and STS and the IAM Identity Center portal by their documented host names, over one
// table of AWS partitions.
namespace syncdeck::aws {

// One AWS partition (the outputs of partitions.json).
struct Partition
{
    QString name; // "aws", "aws-cn", "aws-us-gov", ...
    QString dnsSuffix;
    QString dualStackDnsSuffix;
    QString implicitGlobalRegion;
    bool supportsFIPS = true;
    bool supportsDualStack = true;
};

// The rule set's `aws.partition` function: the partition that lists the region, else the one
// whose region pattern matches, else "aws".
Partition partitionForRegion(const QString &region);

// The regions the partition data lists for the partition of `region` (partitionForRegion), in
// the table's order, its pseudo-regions (e.g. "aws-global") included: the one source of "all
// regions" (fleet::selectRegions leaves the pseudo-regions out).
QStringList partitionRegions(const QString &region);

// Parameters of the rule sets (Region, UseFIPS, Endpoint; UseDualStack for the services whose
// rule set has it: the Q Business service is dual-stack only and ignores it).
struct EndpointParams
{
    std::optional<QString> region;
    bool useFips = false;
    std::optional<QString> endpoint;
    bool useDualStack = false;
};

struct EndpointResult
{
    QUrl url;
    QString error; // the rule set's error text, e.g. "Invalid Configuration: Missing Region"

    bool ok() const { return error.isEmpty(); }
};

// True for what an endpoint URL may be (--endpoint-url, AWS_ENDPOINT_URL*, endpoint_url): http or
// https, a host, no query and no fragment.
bool isHttpEndpointUrl(const QUrl &url);

// Evaluates the Q Business endpoint rule set.
EndpointResult resolveQBusinessEndpoint(const EndpointParams &params);
// Evaluates the CloudWatch Logs endpoint rule set: logs.{region}.{dnsSuffix}, logs-fips.…,
// dual-stack logs[-fips].{region}.{dualStackDnsSuffix}; GovCloud FIPS is the regular host.
EndpointResult resolveLogsEndpoint(const EndpointParams &params);
// STS: https://sts.{region}.{dnsSuffix} (sts-fips with FIPS), the global endpoint without a region.
EndpointResult resolveStsEndpoint(const EndpointParams &params);
// IAM Identity Center portal: https://portal.sso.{region}.{dnsSuffix}.
EndpointResult resolveSsoPortalEndpoint(const EndpointParams &params);

} // namespace syncdeck::aws
