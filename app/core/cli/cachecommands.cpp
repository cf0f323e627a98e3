#include "cachecommands.h"

#include "servicecommand.h"

#include "cache/cachedlisting.h"
#include "cache/historycache.h"
#include "qbusiness/jsoncodec.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

namespace syncdeck::cli {

using cache::DataSourceKey;
using cache::HistoryCache;

namespace {

// Opens the cache for a command; false with the message printed. A rebuilt or read-only cache
// is said on stderr and used.
bool openCache(HistoryCache *cache, const QString &directory, QTextStream &err)
{
    cache::OpenOptions options;
    options.directory = directory;
    const bool ok = cache->open(options);
    const cache::OpenReport &report = cache->openReport();
    if (!report.message.isEmpty())
        err << "syncdeck-cli: " << (ok ? "note: " : "error: ") << report.message << '\n';
    err.flush();
    return ok;
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? qbusiness::jsoncodec::isoTimestamp(t) : QStringLiteral("never");
}

// "3 h 12 min ago" for `cache info`: how stale the history is.
QString ageText(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    const qint64 minutes = qMax<qint64>(0, t.secsTo(now) / 60);
    if (minutes < 60)
        return QStringLiteral(" (%1 min ago)").arg(minutes);
    if (minutes < 48 * 60)
        return QStringLiteral(" (%1 h %2 min ago)").arg(minutes / 60).arg(minutes % 60);
    return QStringLiteral(" (%1 days ago)").arg(minutes / (24 * 60));
}

int fromCache(ServiceCommand &command, HistoryCache &cache, const ListSpec &spec,
              const DataSourceKey &key, const qbusiness::ListSyncJobsRequest &request)
{
    const cache::SourceState state = cache.sourceState(key);
    if (!state.known)
        return command.cacheError(
            QStringLiteral("the history cache holds no sync jobs of data source %1")
                .arg(key.toString()),
            QStringLiteral("Run the same command with --refresh-cache instead of --from-cache "
                           "while the service is reachable; later --from-cache answers from "
                           "what it stored."));
    cache::JobQuery query = cache::JobQuery::of(request);
    query.includeKeptLocally = command.includeKeptLocally();
    const QList<qbusiness::SyncJob> jobs = cache.jobs(key, query);
    if (jobs.isEmpty() && cache.jobCount(key, query) != 0)
        return command.cacheError(cache.errorString(), {});
    command.printJobs(spec, jobs);
    command.endItems(spec);
    QTextStream &err = command.err();
    err << "syncdeck-cli: note: from the history cache, as of " << timeText(state.refreshedAt)
        << ageText(state.refreshedAt, QDateTime::currentDateTimeUtc()) << '\n';
    // What the answer may lack: stretches of the range the cache never listed completely.
    const QList<cache::RangePiece> pieces = cache::split(query.range, state.coverage);
    if (std::any_of(pieces.cbegin(), pieces.cend(),
                    [](const cache::RangePiece &p) { return !p.covered; }))
        err << "syncdeck-cli: note: the cache does not hold every job of this range, so the "
               "listing may lack jobs the service has; --refresh-cache fetches them.\n";
    err.flush();
    return Success;
}

} // namespace

int listSyncJobsThroughCache(ServiceCommand &command, const ListSpec &spec,
                             const qbusiness::ListSyncJobsRequest &request)
{
    HistoryCache cache;
    QTextStream &err = command.err();
    if (!openCache(&cache, command.cacheDirectory(), err))
        return command.cacheError(QStringLiteral("the history cache cannot be used"),
                                  QStringLiteral("Give a writable folder with --cache-dir, or "
                                                 "list without the cache."));
    const DataSourceKey key = DataSourceKey::of(command.client()->config(), request);
    if (command.cacheMode() == CacheMode::FromCache)
        return fromCache(command, cache, spec, key, request);

    cache::CachedListing listing(&cache, command.client(), request);
    QObject::connect(&listing, &cache::CachedListing::jobsListed, &listing,
                     [&](const QList<qbusiness::SyncJob> &jobs) { command.printJobs(spec, jobs); });
    command.runJob(&listing);
    if (listing.error().isError()) {
        // As a fresh listing that fails: the document printed so far is closed.
        if (command.itemsBegun())
            command.endItems(spec);
        return command.reportError(spec.operation, listing.error(), {});
    }
    command.endItems(spec);
    if (!listing.cacheWarning().isEmpty()) {
        err << "syncdeck-cli: note: the listing is complete, but the history cache could not "
               "store all of it: "
            << listing.cacheWarning() << '\n';
        err.flush();
    }
    return Success;
}

namespace {

struct CacheArgs
{
    QString action;
    QString directory;
    std::optional<DataSourceKey> only; // a data source (any endpoint when endpoint is empty)
    bool all = false;
    QString file;
};

int cacheUsage(Invocation &inv, const QString &message)
{
    inv.err << "syncdeck-cli cache: error: " << message << "\n"
            << "Run `syncdeck-cli cache --help` for its actions and options.\n";
    inv.err.flush();
    return UsageError;
}

// The data sources of the cache that `args` names: one (on each endpoint that holds it, unless
// --endpoint says which), or every one.
QList<DataSourceKey> chosenSources(HistoryCache &cache, const CacheArgs &args)
{
    QList<DataSourceKey> keys = cache.sources();
    if (!args.only)
        return keys;
    QList<DataSourceKey> chosen;
    for (const DataSourceKey &k : std::as_const(keys)) {
        const DataSourceKey &o = *args.only;
        if (k.applicationId == o.applicationId && k.indexId == o.indexId
            && k.dataSourceId == o.dataSourceId
            && (o.endpoint.isEmpty() || k.endpoint == o.endpoint))
            chosen.append(k);
    }
    return chosen;
}

int cacheInfo(Invocation &inv, HistoryCache &cache, const CacheArgs &args)
{
    const cache::CacheInfo info = cache.info();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTextStream &out = inv.out;
    out << "Cache: " << info.filePath << '\n'
        << "Size: " << sizeText(info.fileBytes) << " on disk, " << sizeText(info.usedBytes)
        << " in use; schema " << info.schemaVersion << (info.readOnly ? ", read only" : "") << '\n'
        << "Jobs: " << info.jobCount << " (" << info.textCount << " distinct error texts)\n";
    const QList<DataSourceKey> chosen = chosenSources(cache, args);
    out << "Data sources: " << chosen.size() << '\n';
    for (const cache::SourceInfo &s : info.sources) {
        if (!chosen.contains(s.key))
            continue;
        const cache::SourceState &st = s.state;
        out << "  " << s.key.toString() << '\n'
            << "    jobs " << st.jobCount << ", kept locally " << st.keptLocallyCount
            << (st.isComplete() ? ", complete history" : ", part of the history") << '\n'
            << "    refreshed " << timeText(st.refreshedAt) << ageText(st.refreshedAt, now) << '\n'
            << "    newest job " << timeText(st.newestStart) << ", oldest job "
            << timeText(st.oldestStart) << ageText(st.oldestStart, now) << '\n';
    }
    out.flush();
    if (args.only && chosen.isEmpty()) {
        inv.err << "syncdeck-cli: error: the history cache holds no data source "
                << args.only->applicationId << '/' << args.only->indexId << '/'
                << args.only->dataSourceId << '\n';
        inv.err.flush();
        return OtherError;
    }
    return Success;
}

int cacheClear(Invocation &inv, HistoryCache &cache, const CacheArgs &args)
{
    if (args.all) {
        if (!cache.clearAll()) {
            inv.err << "syncdeck-cli: error: " << cache.errorString() << '\n';
            return OtherError;
        }
        inv.out << "Cleared the history cache " << cache.filePath() << '\n';
        return Success;
    }
    const QList<DataSourceKey> chosen = chosenSources(cache, args);
    if (chosen.isEmpty()) {
        inv.err << "syncdeck-cli: error: the history cache holds no data source "
                << args.only->applicationId << '/' << args.only->indexId << '/'
                << args.only->dataSourceId << " (nothing cleared)\n"
                << "  What to do: `syncdeck-cli cache info` lists the data sources it holds.\n";
        return OtherError;
    }
    for (const DataSourceKey &key : chosen) {
        if (!cache.clearDataSource(key)) {
            inv.err << "syncdeck-cli: error: " << cache.errorString() << '\n';
            return OtherError;
        }
        inv.out << "Cleared " << key.toString() << '\n';
    }
    return Success;
}

int cacheExport(Invocation &inv, HistoryCache &cache, const CacheArgs &args)
{
    const QList<DataSourceKey> chosen = chosenSources(cache, args);
    if (args.only && chosen.isEmpty()) {
        inv.err << "syncdeck-cli: error: the history cache holds no data source "
                << args.only->applicationId << '/' << args.only->indexId << '/'
                << args.only->dataSourceId << '\n';
        return OtherError;
    }
    // Into a temporary file renamed at the end, so a failed export never leaves half a file.
    std::unique_ptr<QIODevice> device;
    QBuffer buffer;
    if (args.file.isEmpty()) {
        buffer.open(QIODevice::WriteOnly);
    } else {
        auto file = std::make_unique<QSaveFile>(args.file);
        if (!file->open(QIODevice::WriteOnly)) {
            inv.err << "syncdeck-cli: error: cannot write " << args.file << ": "
                    << file->errorString() << '\n';
            return OtherError;
        }
        device = std::move(file);
    }
    QIODevice *out = device ? device.get() : &buffer;
    qint64 written = 0;
    for (const DataSourceKey &key : chosen) {
        const qint64 n = cache.exportJsonLines(out, key);
        if (n < 0) {
            inv.err << "syncdeck-cli: error: " << cache.errorString() << '\n';
            return OtherError;
        }
        written += n;
    }
    if (device) {
        if (!static_cast<QSaveFile *>(device.get())->commit()) {
            inv.err << "syncdeck-cli: error: cannot write " << args.file << ": "
                    << device->errorString() << '\n';
            return OtherError;
        }
        inv.err << "Exported " << written << " jobs to " << args.file << '\n';
    } else {
        inv.out << QString::fromUtf8(buffer.data());
    }
    inv.out.flush();
    inv.err.flush();
    return Success;
}

std::optional<int> parseCacheArgs(Invocation &inv, CacheArgs *args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The local history cache of sync jobs.\n\n"
        "  info    where it is, its size, the data sources it holds, their job counts and ages\n"
        "  clear   --all, or one data source (--application-id, --index-id, --data-source-id)\n"
        "  export  every cached job (or one data source's) as JSON Lines"));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList {QStringLiteral("help"), QStringLiteral("h")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("info, clear or export"));
    parser.addOptions({
        {QStringLiteral("cache-dir"),
         QStringLiteral("The cache's folder (default: %1).").arg(HistoryCache::defaultDirectory()),
         QStringLiteral("dir")},
        {QStringLiteral("application-id"), QStringLiteral("One data source's application."),
         QStringLiteral("id")},
        {QStringLiteral("index-id"), QStringLiteral("One data source's index."),
         QStringLiteral("id")},
        {QStringLiteral("data-source-id"), QStringLiteral("One data source."),
         QStringLiteral("id")},
        {QStringLiteral("endpoint"),
         QStringLiteral("Only the history of this endpoint, as `cache info` shows it "
                        "(\"aws/us-east-1\", a URL)."),
         QStringLiteral("endpoint")},
        {QStringLiteral("all"), QStringLiteral("clear: every data source.")},
        {QStringLiteral("file"), QStringLiteral("export: write to this file instead of stdout."),
         QStringLiteral("path")},
    });
    if (!parser.parse(inv.arguments))
        return cacheUsage(inv, parser.errorText());
    if (parser.isSet(help)) {
        inv.out << parser.helpText();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cacheUsage(inv, QStringLiteral("expected one action: info, clear or export"));
    args->action = positional.constFirst();
    if (!QStringList {QStringLiteral("info"), QStringLiteral("clear"), QStringLiteral("export")}
             .contains(args->action))
        return cacheUsage(inv,
                          QStringLiteral("unknown action '%1': expected info, clear or export")
                              .arg(args->action));
    args->directory = parser.value(QStringLiteral("cache-dir"));
    args->all = parser.isSet(QStringLiteral("all"));
    args->file = parser.value(QStringLiteral("file"));
    const QStringList idOptions = {QStringLiteral("application-id"), QStringLiteral("index-id"),
                                   QStringLiteral("data-source-id")};
    QStringList ids;
    for (const QString &option : idOptions) {
        const QString value = parser.value(option).trimmed();
        if (parser.isSet(option) && !qbusiness::isResourceId(value))
            return cacheUsage(
                inv, QStringLiteral("argument --%1: \"%2\" is not an ID").arg(option, value));
        ids.append(value);
    }
    const qsizetype given
        = std::count_if(ids.cbegin(), ids.cend(), [](const QString &v) { return !v.isEmpty(); });
    if (given != 0 && given != 3)
        return cacheUsage(inv,
                          QStringLiteral("a data source needs all three of --application-id, "
                                         "--index-id and --data-source-id"));
    if (given == 3)
        args->only
            = DataSourceKey {parser.value(QStringLiteral("endpoint")), ids[0], ids[1], ids[2]};
    if (args->all && args->only)
        return cacheUsage(inv, QStringLiteral("--all and a data source exclude each other"));
    if (args->action == QLatin1String("clear") && !args->all && !args->only)
        return cacheUsage(inv,
                          QStringLiteral("clear what? Give --all, or the three IDs of one "
                                         "data source"));
    if (args->all && args->action != QLatin1String("clear"))
        return cacheUsage(inv, QStringLiteral("--all only goes with clear"));
    if (!args->file.isEmpty() && args->action != QLatin1String("export"))
        return cacheUsage(inv, QStringLiteral("--file only goes with export"));
    return std::nullopt;
}

} // namespace

int runCache(Invocation &inv)
{
    CacheArgs args;
    if (const std::optional<int> stop = parseCacheArgs(inv, &args))
        return *stop;
    HistoryCache cache;
    if (!openCache(&cache, args.directory, inv.err)) {
        inv.err << "  What to do: give a readable folder with --cache-dir.\n";
        return OtherError;
    }
    if (args.action == QLatin1String("info"))
        return cacheInfo(inv, cache, args);
    if (args.action == QLatin1String("clear"))
        return cacheClear(inv, cache, args);
    return cacheExport(inv, cache, args);
}

} // namespace syncdeck::cli
