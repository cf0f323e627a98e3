#include "fleetstatus.h"

#include "servicecommand.h"

#include "aws/endpointresolver.h"
#include "fleet/fleetregions.h"
#include "fleet/fleetscan.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <tuple>

namespace syncdeck::cli {

using fleet::Attention;
using fleet::FleetRow;

namespace {

// Which rows --fail-on counts: a level and everything more urgent; "any" adds warnings, rows
// whose health could not be told and rows of listings that failed.
bool matches(const FleetRow &row, const QString &failOn)
{
    const Attention a = row.health.attention;
    if (failOn == QLatin1String("failing"))
        return a == Attention::Failing;
    if (failOn == QLatin1String("overdue"))
        return a == Attention::Failing || a == Attention::Overdue;
    return row.hasErrors() || (a != Attention::Healthy && a != Attention::Running);
}

bool urgentFirst(const FleetRow &a, const FleetRow &b)
{
    const auto key = [](const FleetRow &r) {
        return std::tuple(int(r.health.attention), r.region, r.applicationName, r.indexName,
                          r.dataSourceName, r.dataSourceId);
    };
    return key(a) < key(b);
}

QList<OutputColumn> columnsFor(const QString &format)
{
    QStringList names;
    if (format == QLatin1String("table"))
        names = {QStringLiteral("attention"),
                 QStringLiteral("region"),
                 QStringLiteral("applicationName"),
                 QStringLiteral("indexName"),
                 QStringLiteral("dataSourceName"),
                 QStringLiteral("lastRunStatus"),
                 QStringLiteral("lastRunStartTime"),
                 QStringLiteral("failingStreak"),
                 QStringLiteral("reason")};
    else
        names = fleet::fleetRowColumns();
    QList<OutputColumn> columns;
    for (const QString &n : std::as_const(names))
        columns.append({n, n});
    return columns;
}

} // namespace

int fleetStatus(Invocation &inv)
{
    ServiceCommand command(
        inv,
        {QStringLiteral("Shows the sync health of every data source the profile can reach: one "
                        "row each, most urgent first.\nExit codes with --fail-on: 0 no data "
                        "source matched, 1 some matched but none is failing, 2 a matched data "
                        "source is failing (Nagios: OK, WARNING, CRITICAL)."),
         {},
         false,
         false,
         {{QStringLiteral("regions"),
           QStringLiteral("Regions to scan: r1,r2, or \"all\" for every region of the profile's "
                          "partition (default: the profile's region)."),
           QStringLiteral("regions")},
          {QStringLiteral("fail-on"),
           QStringLiteral("Exit non-zero when a data source is failing, overdue (or failing), "
                          "or anything but healthy or running (any)."),
           QStringLiteral("failing|overdue|any")},
          {QStringLiteral("max-in-flight"),
           QStringLiteral("Calls in flight at most, 1 to 16 (default 4)."), QStringLiteral("n")}}});
    if (const std::optional<int> code = command.prepare())
        return *code;

    const QString failOn = command.value(QStringLiteral("fail-on")).trimmed().toLower();
    if (command.isSet(QStringLiteral("fail-on"))
        && !QStringList {QStringLiteral("failing"), QStringLiteral("overdue"),
                         QStringLiteral("any")}
                .contains(failOn))
        return command.usageError(QStringLiteral("argument --fail-on: \"%1\" is not one of "
                                                 "failing, overdue, any")
                                      .arg(command.value(QStringLiteral("fail-on"))));
    fleet::FleetScanOptions options;
    if (command.isSet(QStringLiteral("max-in-flight"))) {
        bool ok = false;
        options.maxInFlight = command.value(QStringLiteral("max-in-flight")).toInt(&ok);
        if (!ok || options.maxInFlight < 1 || options.maxInFlight > 16)
            return command.usageError(QStringLiteral("argument --max-in-flight: expected a whole "
                                                     "number from 1 to 16, not \"%1\"")
                                          .arg(command.value(QStringLiteral("max-in-flight"))));
    }
    const QString current = command.client()->config().region;
    QString error;
    options.regions = fleet::selectRegions(command.value(QStringLiteral("regions")), current,
                                           aws::partitionRegions(current), &error);
    if (options.regions.isEmpty())
        return command.usageError(QStringLiteral("argument --regions: %1").arg(error));
    if (command.globals().dryRun)
        return command.usageError(QStringLiteral("--dry-run is not supported by fleet-status: "
                                                 "its calls depend on the answers"));

    fleet::FleetScan scan(
        [&command](const QString &region, QObject *owner, QString *why) {
            return command.clientForRegion(region, owner, why);
        },
        options);
    OutputFormatter &out = command.output();
    const QString format = command.globals().output;
    const bool streaming = out.takesJsonLines();
    out.beginList(QStringLiteral("dataSources"), columnsFor(format));
    QList<FleetRow> rows;
    int counts[fleet::AttentionCount] = {};
    int matched = 0, matchedFailing = 0, errorRows = 0;
    QObject::connect(&scan, &fleet::FleetScan::rowReady, &scan, [&](const FleetRow &row) {
        ++counts[int(row.health.attention)];
        errorRows += row.hasErrors() ? 1 : 0;
        if (!failOn.isEmpty() && matches(row, failOn)) {
            ++matched;
            matchedFailing += row.health.attention == Attention::Failing ? 1 : 0;
        }
        if (streaming) {
            out.item(fleet::toJson(row));
            inv.out.flush();
        } else {
            rows.append(row);
        }
    });
    QObject::connect(&command.interrupts(), &aws::SignalWatcher::received, &scan,
                     &fleet::FleetScan::cancel, Qt::SingleShotConnection);
    QEventLoop loop;
    QObject::connect(&scan, &fleet::FleetScan::finished, &loop, &QEventLoop::quit);
    scan.start();
    loop.exec();

    std::stable_sort(rows.begin(), rows.end(), urgentFirst);
    for (const FleetRow &row : std::as_const(rows))
        out.item(fleet::toJson(row));
    out.endList({}, {});
    inv.out.flush();

    const fleet::FleetScanStats stats = scan.stats();
    command.debug(QStringLiteral("fleet-status: %1 requests, peak %2 in flight, %3 ms")
                      .arg(stats.requests)
                      .arg(stats.peakInFlight)
                      .arg(stats.elapsedMs));
    const fleet::FleetScanProgress progress = scan.progress();
    QStringList parts;
    for (int a = 0; a < fleet::AttentionCount; ++a) {
        if (counts[a])
            parts.append(
                QStringLiteral("%1 %2").arg(counts[a]).arg(fleet::attentionName(Attention(a))));
    }
    inv.err << "fleet-status: " << progress.dataSources << " data sources in "
            << options.regions.size() << (options.regions.size() == 1 ? " region" : " regions")
            << (parts.isEmpty() ? QString()
                                : QString(QStringLiteral(": ") + parts.join(QStringLiteral(", "))));
    if (errorRows)
        inv.err << "; " << errorRows << " rows with errors (see errorCode, errorMessage)";
    inv.err << '\n';
    if (scan.wasCancelled()) {
        inv.err << "syncdeck-cli: interrupted: the rows above are the data sources scanned so "
                   "far\n";
        inv.err.flush();
        return Interrupted;
    }
    inv.err.flush();
    if (matched == 0)
        return FleetHealthy;
    return matchedFailing > 0 ? FleetFailing : FleetWarning;
}

} // namespace syncdeck::cli
