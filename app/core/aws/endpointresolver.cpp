#include "endpointresolver.h"

#include <QList>
#include <QRegularExpression>

namespace syncdeck::aws {
namespace {

struct PartitionEntry
{
    Partition partition;
    const char *regionRegex;
    QList<const char *> regions;
};

// The partitions of partitions.json (botocore's copy of the AWS SDK partition data). A test
// compares this table with the reference file, so a drift is caught.
const QList<PartitionEntry> &partitionTable()
{
    static const QList<PartitionEntry> table = {
        {{QStringLiteral("aws"), QStringLiteral("amazonaws.com"), QStringLiteral("api.aws"),
          QStringLiteral("us-east-1"), true, true},
         R"(^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$)",
         {"af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2",
          "ap-northeast-3", "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
          "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
          "aws-global",     "ca-central-1",   "ca-west-1",      "eu-central-1",   "eu-central-2",
          "eu-north-1",     "eu-south-1",     "eu-south-2",     "eu-west-1",      "eu-west-2",
          "eu-west-3",      "il-central-1",   "me-central-1",   "me-south-1",     "mx-central-1",
          "sa-east-1",      "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2"}},
        {{QStringLiteral("aws-cn"), QStringLiteral("amazonaws.com.cn"),
          QStringLiteral("api.amazonwebservices.com.cn"), QStringLiteral("cn-northwest-1"), true,
          true},
         R"(^cn\-\w+\-\d+$)",
         {"aws-cn-global", "cn-north-1", "cn-northwest-1"}},
        {{QStringLiteral("aws-eusc"), QStringLiteral("amazonaws.eu"),
          QStringLiteral("api.amazonwebservices.eu"), QStringLiteral("eusc-de-east-1"), true, true},
         R"(^eusc\-(de)\-\w+\-\d+$)",
         {"eusc-de-east-1"}},
        {{QStringLiteral("aws-iso"), QStringLiteral("c2s.ic.gov"), QStringLiteral("api.aws.ic.gov"),
          QStringLiteral("us-iso-east-1"), true, true},
         R"(^us\-iso\-\w+\-\d+$)",
         {"aws-iso-global", "us-iso-east-1", "us-iso-west-1"}},
        {{QStringLiteral("aws-iso-b"), QStringLiteral("sc2s.sgov.gov"),
          QStringLiteral("api.aws.scloud"), QStringLiteral("us-isob-east-1"), true, true},
         R"(^us\-isob\-\w+\-\d+$)",
         {"aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"}},
        {{QStringLiteral("aws-iso-e"), QStringLiteral("cloud.adc-e.uk"),
          QStringLiteral("api.cloud-aws.adc-e.uk"), QStringLiteral("eu-isoe-west-1"), true, true},
         R"(^eu\-isoe\-\w+\-\d+$)",
         {"aws-iso-e-global", "eu-isoe-west-1"}},
        {{QStringLiteral("aws-iso-f"), QStringLiteral("csp.hci.ic.gov"),
          QStringLiteral("api.aws.hci.ic.gov"), QStringLiteral("us-isof-south-1"), true, true},
         R"(^us\-isof\-\w+\-\d+$)",
         {"aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"}},
        {{QStringLiteral("aws-us-gov"), QStringLiteral("amazonaws.com"), QStringLiteral("api.aws"),
          QStringLiteral("us-gov-west-1"), true, true},
         R"(^us\-gov\-\w+\-\d+$)",
         {"aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"}},
    };
    return table;
}

// A region is substituted into a host name; refuse anything that is not a plain host label
// sequence, so a typo cannot send requests (and credentials) to a host of the user's typing.
// A label ends with a letter or digit too: "n-" gave an invalid URL and no error.
bool isValidRegion(const QString &region)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    return pattern.match(region).hasMatch();
}

EndpointResult invalidRegion(const QString &region)
{
    return {{},
            QStringLiteral("Invalid Configuration: region \"") + region
                + QStringLiteral("\" is not a valid region name (expected e.g. us-east-1)")};
}

EndpointResult customEndpoint(const QString &endpoint)
{
    const QUrl url(endpoint, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return {{},
                QStringLiteral("Invalid Configuration: endpoint URL \"") + endpoint
                    + QStringLiteral("\" is not an http:// or https:// URL with a host")};
    }
    return {url, {}};
}

// An endpoint given by the user: as it is, but never together with FIPS.
EndpointResult explicitEndpoint(const EndpointParams &params)
{
    if (params.useFips)
        return {
            {},
            QStringLiteral("Invalid Configuration: FIPS and custom endpoint are not supported")};
    return customEndpoint(*params.endpoint);
}

EndpointResult regionalHost(const EndpointParams &params, const QString &prefix,
                            const QString &fipsPrefix)
{
    if (params.endpoint)
        return explicitEndpoint(params);
    if (!params.region)
        return {{}, QStringLiteral("Invalid Configuration: Missing Region")};
    if (!isValidRegion(*params.region))
        return invalidRegion(*params.region);
    const Partition p = partitionForRegion(*params.region);
    if (params.useFips && !p.supportsFIPS)
        return {{}, QStringLiteral("FIPS is enabled but this partition does not support FIPS")};
    return {QUrl(QStringLiteral("https://") + (params.useFips ? fipsPrefix : prefix) + u'.'
                 + *params.region + u'.' + p.dnsSuffix),
            {}};
}

} // namespace

Partition partitionForRegion(const QString &region)
{
    for (const PartitionEntry &entry : partitionTable()) {
        for (const char *r : entry.regions) {
            if (region == QLatin1String(r))
                return entry.partition;
        }
    }
    static const QList<QRegularExpression> patterns = [] {
        QList<QRegularExpression> list;
        for (const PartitionEntry &entry : partitionTable())
            list.append(QRegularExpression(QString::fromLatin1(entry.regionRegex)));
        return list;
    }();
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        if (patterns.at(i).match(region).hasMatch())
            return partitionTable().at(i).partition;
    }
    return partitionTable().first().partition;
}

QStringList partitionRegions(const QString &region)
{
    const QString name = partitionForRegion(region).name;
    QStringList regions;
    for (const PartitionEntry &entry : partitionTable()) {
        if (entry.partition.name != name)
            continue;
        for (const char *r : entry.regions)
            regions.append(QLatin1String(r));
    }
    return regions;
}

bool isHttpEndpointUrl(const QUrl &u)
{
    return u.isValid() && !u.host().isEmpty()
        && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"))
        && !u.hasQuery() && !u.hasFragment();
}

EndpointResult resolveQBusinessEndpoint(const EndpointParams &params)
{
    // Rule 1: isSet(Endpoint) -> FIPS is an error, else the endpoint as given.
    if (params.endpoint)
        return explicitEndpoint(params);
    // Rule 2: isSet(Region) -> aws.partition(Region).
    if (params.region) {
        if (!isValidRegion(*params.region))
            return invalidRegion(*params.region);
        const Partition p = partitionForRegion(*params.region);
        const QString base = QStringLiteral("https://qbusiness");
        if (p.supportsDualStack) {
            // The service is dual-stack only: every endpoint uses dualStackDnsSuffix.
            if (params.useFips) {
                if (p.supportsFIPS)
                    return {QUrl(base + QStringLiteral("-fips.") + *params.region + u'.'
                                 + p.dualStackDnsSuffix),
                            {}};
                return {{},
                        QStringLiteral("FIPS is enabled but this partition does not support FIPS")};
            }
            return {QUrl(base + u'.' + *params.region + u'.' + p.dualStackDnsSuffix), {}};
        }
        if (params.useFips) {
            if (p.supportsFIPS)
                return {QUrl(base + QStringLiteral("-fips.") + *params.region + u'.' + p.dnsSuffix),
                        {}};
            return {{}, QStringLiteral("FIPS is enabled but this partition does not support FIPS")};
        }
        return {QUrl(base + u'.' + *params.region + u'.' + p.dnsSuffix), {}};
    }
    // Rule 3.
    return {{}, QStringLiteral("Invalid Configuration: Missing Region")};
}

EndpointResult resolveLogsEndpoint(const EndpointParams &params)
{
    // Rule 1: isSet(Endpoint) -> FIPS or dual-stack is an error, else the endpoint as given.
    if (params.endpoint) {
        if (params.useFips)
            return {{},
                    QStringLiteral("Invalid Configuration: FIPS and custom endpoint are not "
                                   "supported")};
        if (params.useDualStack)
            return {{},
                    QStringLiteral("Invalid Configuration: Dualstack and custom endpoint are not "
                                   "supported")};
        return customEndpoint(*params.endpoint);
    }
    // Rule 3.
    if (!params.region)
        return {{}, QStringLiteral("Invalid Configuration: Missing Region")};
    // Rule 2: aws.partition(Region), then FIPS x dual-stack.
    const QString &region = *params.region;
    if (!isValidRegion(region))
        return invalidRegion(region);
    const Partition p = partitionForRegion(region);
    const auto host = [&region](const QString &prefix, const QString &suffix) {
        return EndpointResult {
            QUrl(QStringLiteral("https://") + prefix + u'.' + region + u'.' + suffix), {}};
    };
    if (params.useFips && params.useDualStack) {
        if (p.supportsFIPS && p.supportsDualStack)
            return host(QStringLiteral("logs-fips"), p.dualStackDnsSuffix);
        return {{},
                QStringLiteral("FIPS and DualStack are enabled, but this partition does not "
                               "support one or both")};
    }
    if (params.useFips) {
        if (!p.supportsFIPS)
            return {{}, QStringLiteral("FIPS is enabled but this partition does not support FIPS")};
        // The GovCloud regions' regular endpoints are FIPS endpoints already.
        if (region == QLatin1String("us-gov-east-1") || region == QLatin1String("us-gov-west-1"))
            return host(QStringLiteral("logs"), p.dnsSuffix);
        return host(QStringLiteral("logs-fips"), p.dnsSuffix);
    }
    if (params.useDualStack) {
        if (p.supportsDualStack)
            return host(QStringLiteral("logs"), p.dualStackDnsSuffix);
        return {{},
                QStringLiteral("DualStack is enabled but this partition does not support "
                               "DualStack")};
    }
    return host(QStringLiteral("logs"), p.dnsSuffix);
}

EndpointResult resolveStsEndpoint(const EndpointParams &params)
{
    if (!params.endpoint && !params.region && !params.useFips)
        return {QUrl(QStringLiteral("https://sts.amazonaws.com")), {}};
    return regionalHost(params, QStringLiteral("sts"), QStringLiteral("sts-fips"));
}

EndpointResult resolveSsoPortalEndpoint(const EndpointParams &params)
{
    return regionalHost(params, QStringLiteral("portal.sso"), QStringLiteral("portal.sso-fips"));
}

} // namespace syncdeck::aws
