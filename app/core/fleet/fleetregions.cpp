#include "fleetregions.h"

#include "aws/endpointresolver.h"

namespace syncdeck::fleet {

namespace {

// The endpoint resolver's own region check: a name that cannot go into a host name is refused.
bool checkRegion(const QString &region, QString *error)
{
    aws::EndpointParams params;
    params.region = region;
    const aws::EndpointResult endpoint = aws::resolveQBusinessEndpoint(params);
    if (!endpoint.ok())
        *error = endpoint.error;
    return endpoint.ok();
}

} // namespace

QStringList selectRegions(const QString &selection, const QString &currentRegion,
                          const QStringList &partitionRegions, QString *error)
{
    error->clear();
    const QString current = currentRegion.trimmed();
    if (current.isEmpty()) {
        *error = QStringLiteral("no region is configured: choose one (--region, AWS_REGION or "
                                "the profile's region)");
        return {};
    }
    if (!checkRegion(current, error))
        return {};
    const QString partition = aws::partitionForRegion(current).name;
    const QString text = selection.trimmed();
    QStringList regions {current};
    if (text.isEmpty())
        return regions;

    if (text.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        for (const QString &r : partitionRegions) {
            // "aws-global" and its kind name global endpoints, not regions with resources.
            if (r.endsWith(QLatin1String("-global")) || regions.contains(r))
                continue;
            QString ignored;
            if (checkRegion(r, &ignored) && aws::partitionForRegion(r).name == partition)
                regions.append(r);
        }
        if (regions.size() == 1 && !partitionRegions.contains(current)) {
            *error = QStringLiteral("the regions of partition %1 are not known to this build; "
                                    "list the regions to scan instead (r1,r2)")
                         .arg(partition);
            return {};
        }
        return regions;
    }

    regions.clear();
    const QStringList names = text.split(u',');
    for (const QString &raw : names) {
        const QString r = raw.trimmed();
        if (r.isEmpty()) {
            *error = QStringLiteral("\"%1\" has an empty region name; separate regions with "
                                    "single commas, e.g. us-east-1,us-west-2")
                         .arg(text);
            return {};
        }
        if (!checkRegion(r, error))
            return {};
        const QString p = aws::partitionForRegion(r).name;
        if (p != partition) {
            *error = QStringLiteral("%1 is in partition %2, but the profile's region %3 is in %4; "
                                    "one scan signs for one partition, so scan %1 with a profile "
                                    "of %2")
                         .arg(r, p, current, partition);
            return {};
        }
        if (!regions.contains(r))
            regions.append(r);
    }
    return regions;
}

} // namespace syncdeck::fleet
