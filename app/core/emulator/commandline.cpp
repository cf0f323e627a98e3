#include "commandline.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace syncdeck::emulator {

namespace {

bool readInt(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
             qint64 *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("--%1 must be a whole number between %2 and %3, got '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

bool readSeconds(const QCommandLineParser &parser, const QString &name, double max, int *outMs,
                 QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !(value >= 0.001 && value <= max)) {
        *error = QStringLiteral("--%1 must be a number of seconds between 0.001 and %2, got '%3'")
                     .arg(name)
                     .arg(max)
                     .arg(parser.value(name));
        return false;
    }
    *outMs = std::max(1, int(value * 1000.0));
    return true;
}

} // namespace

void addCommandLineOptions(QCommandLineParser *parser)
{
    const Options d;
    parser->addOptions({
        {QStringLiteral("port"),
         QStringLiteral("TCP port on 127.0.0.1 (0 picks a free one). The first line on stdout is "
                        "\"listening on http://127.0.0.1:PORT\"."),
         QStringLiteral("PORT"), QStringLiteral("0")},
        {QStringLiteral("seed"), QStringLiteral("Seed of all generated data and faults."),
         QStringLiteral("N"), QString::number(d.seed)},
        {QStringLiteral("applications"), QStringLiteral("Number of applications."),
         QStringLiteral("N"), QString::number(d.applications)},
        {QStringLiteral("indices"), QStringLiteral("Indices per application."), QStringLiteral("N"),
         QString::number(d.indicesPerApplication)},
        {QStringLiteral("data-sources"), QStringLiteral("Data sources per index."),
         QStringLiteral("N"), QString::number(d.dataSourcesPerIndex)},
        {QStringLiteral("jobs"),
         QStringLiteral("Sync jobs in the history of each data source (up to 1000000)."),
         QStringLiteral("N"), QString::number(d.jobsPerDataSource)},
        {QStringLiteral("state"),
         QStringLiteral("Serve the exact JSON fixture FILE instead of generated data (format: "
                        "README, \"The emulator\")."),
         QStringLiteral("FILE")},
        {QStringLiteral("access-key-id"),
         QStringLiteral("The access key id requests must be signed with."), QStringLiteral("ID"),
         d.accessKeyId},
        {QStringLiteral("secret-access-key"),
         QStringLiteral("The secret key requests must be signed with (default: the documented "
                        "emulator key)."),
         QStringLiteral("KEY")},
        {QStringLiteral("session-token"),
         QStringLiteral("Require this x-amz-security-token (default: any token, or none, is "
                        "accepted)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("region"), QStringLiteral("The region of the credential scope."),
         QStringLiteral("REGION"), d.region},
        {QStringLiteral("regions"),
         QStringLiteral("Serve these regions (comma-separated; the first replaces --region), each "
                        "with its own generated resources and rate limit: a client signs for the "
                        "region it calls."),
         QStringLiteral("R1,R2")},
        {QStringLiteral("fleet-variety"),
         QStringLiteral("Give the generated fleet what real fleets have, chosen from the seed: "
                        "data sources failing run after run, an overdue scheduled one, one in "
                        "FAILED state, and (with 3+ applications) one application whose calls "
                        "answer AccessDenied.")},
        {QStringLiteral("fault"),
         QStringLiteral("Inject faults, deterministic from the seed: throttle=P (429 "
                        "ThrottlingException), error500=P (500 with an HTML body), reset=P "
                        "(connection reset), stall=P:MS (answer held MS milliseconds), "
                        "truncate=P (body cut short). P is a probability, e.g. "
                        "throttle=0.1,stall=0.05:2000. throttle=N/s is a rate limit of N "
                        "requests per second per region instead (or as well)."),
         QStringLiteral("SPEC")},
        {QStringLiteral("clock-skew"),
         QStringLiteral("Run the service clock SECONDS ahead (negative: behind); its Date header "
                        "and signature-time check use it."),
         QStringLiteral("SECONDS"), QStringLiteral("0")},
        {QStringLiteral("sync-seconds"),
         QStringLiteral("How long a sync runs (SYNCING, then SYNCING_INDEXING, then its final "
                        "status). The seeded running job finishes within this time."),
         QStringLiteral("SECONDS"), QString::number(d.syncDurationMs / 1000.0)},
        {QStringLiteral("stop-seconds"),
         QStringLiteral("How long a stopped job stays STOPPING before it is ABORTED."),
         QStringLiteral("SECONDS"), QString::number(d.stopDurationMs / 1000.0)},
        {QStringLiteral("verbose"),
         QStringLiteral("Log each request on stderr (method, target, status, access key id, time; "
                        "never secrets).")},
    });
}

bool optionsFromCommandLine(const QCommandLineParser &parser, Options *options, quint16 *port,
                            QString *error)
{
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1' (see --help)")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    qint64 value = 0;
    if (!readInt(parser, QStringLiteral("port"), 0, 65535, &value, error))
        return false;
    *port = quint16(value);
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options->seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--seed must be a non-negative whole number, got '%1'")
                         .arg(parser.value(QStringLiteral("seed")));
            return false;
        }
    }
    value = options->applications;
    if (!readInt(parser, QStringLiteral("applications"), 0, 1000, &value, error))
        return false;
    options->applications = int(value);
    value = options->indicesPerApplication;
    if (!readInt(parser, QStringLiteral("indices"), 0, 100, &value, error))
        return false;
    options->indicesPerApplication = int(value);
    value = options->dataSourcesPerIndex;
    if (!readInt(parser, QStringLiteral("data-sources"), 0, 1000, &value, error))
        return false;
    options->dataSourcesPerIndex = int(value);
    value = options->jobsPerDataSource;
    if (!readInt(parser, QStringLiteral("jobs"), 0, 1000000, &value, error))
        return false;
    options->jobsPerDataSource = int(value);
    value = options->clockSkewSeconds;
    if (!readInt(parser, QStringLiteral("clock-skew"), -10LL * 365 * 86400, 10LL * 365 * 86400,
                 &value, error))
        return false;
    options->clockSkewSeconds = value;
    if (!readSeconds(parser, QStringLiteral("sync-seconds"), 86400, &options->syncDurationMs, error)
        || !readSeconds(parser, QStringLiteral("stop-seconds"), 3600, &options->stopDurationMs,
                        error))
        return false;

    options->statePath = parser.value(QStringLiteral("state"));
    if (parser.isSet(QStringLiteral("access-key-id")))
        options->accessKeyId = parser.value(QStringLiteral("access-key-id"));
    if (parser.isSet(QStringLiteral("secret-access-key")))
        options->secretAccessKey = parser.value(QStringLiteral("secret-access-key"));
    if (parser.isSet(QStringLiteral("session-token")))
        options->sessionToken = parser.value(QStringLiteral("session-token"));
    if (parser.isSet(QStringLiteral("region")))
        options->region = parser.value(QStringLiteral("region"));
    if (parser.isSet(QStringLiteral("regions"))) {
        QStringList regions;
        for (const QString &raw : parser.value(QStringLiteral("regions")).split(u',')) {
            const QString r = raw.trimmed();
            static const QRegularExpression valid(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)+$"));
            if (!valid.match(r).hasMatch()) {
                *error = QStringLiteral("--regions: '%1' is not a region name (e.g. "
                                        "us-east-1,eu-west-1)")
                             .arg(r);
                return false;
            }
            if (!regions.contains(r))
                regions.append(r);
        }
        options->region = regions.takeFirst();
        options->moreRegions = regions;
    }
    options->fleetVariety = parser.isSet(QStringLiteral("fleet-variety"));
    if (options->accessKeyId.isEmpty() || options->secretAccessKey.isEmpty()
        || options->region.isEmpty()) {
        *error
            = QStringLiteral("--access-key-id, --secret-access-key and --region must not be empty");
        return false;
    }
    if (parser.isSet(QStringLiteral("fault"))
        && !parseFaultSpec(parser.value(QStringLiteral("fault")), &options->faults, error))
        return false;
    options->verbose = parser.isSet(QStringLiteral("verbose"));
    return true;
}

} // namespace syncdeck::emulator
