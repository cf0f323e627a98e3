// Not a test: a process that merges pages into a history cache, for tests that kill it at random
// moments (kill -9) or run two of it at once. It resumes where the cache stands: page k of a
// deterministic history newest first, as a listing from the top delivers it, with the first job of
// each page still running until the next page lists it again as finished. It prints "opening"
// before it opens the cache, "ready" once open, and "committed K" (K pages in the cache) after
// each committed page, flushing every line.
//
//   cachewriter --dir DIR --source ID --pages N [--page-size S] [--seed X]
//   cachewriter --dir DIR --fixture     a small cache of every kind of row (schema fixtures)
#include "cache/historycache.h"
#include "synchistory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimeZone>

#include <cstdio>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;

namespace {
DataSourceKey keyFor(const QString &source)
{
    return {QStringLiteral("http://127.0.0.1:4566"),
            QStringLiteral("a1111111-1111-4111-8111-111111111111"),
            QStringLiteral("i2222222-2222-4222-8222-222222222222"), source};
}

int fail(const QString &message)
{
    std::fprintf(stderr, "cachewriter: %s\n", qPrintable(message));
    return 1;
}

void say(const char *line)
{
    std::printf("%s\n", line);
    std::fflush(stdout);
}

int writePages(HistoryCache &cache, const QList<SyncJob> &history, const QString &source, int pages,
               int pageSize)
{
    const DataSourceKey key = keyFor(source);
    PagePlacement placement;
    placement.newestListedMs = history.constFirst().startTime.toMSecsSinceEpoch();
    for (int page = int(cache.jobCount(key) / pageSize); page < pages; ++page) {
        QList<SyncJob> jobs = history.mid(page * pageSize, pageSize);
        jobs[0].status = QStringLiteral("SYNCING");
        jobs[0].endTime = {};
        if (page > 0)
            jobs.prepend(history.at((page - 1) * pageSize)); // re-listed, now finished
        placement.lastPage = page == pages - 1;
        const MergeResult r = cache.mergePage(key, jobs, placement);
        if (!r.ok)
            return fail(r.error);
        std::printf("committed %d\n", page + 1);
        std::fflush(stdout);
    }
    return 0;
}

// Every kind of row a cache of this schema holds: two data sources, error texts, an unknown
// status, a job without times, coverage, a refresh time and a job kept locally.
int writeFixture(HistoryCache &cache)
{
    const DataSourceKey a = keyFor(QStringLiteral("d3333333-3333-4333-8333-333333333333"));
    const DataSourceKey b = keyFor(QStringLiteral("d4444444-4444-4444-8444-444444444444"));
    QList<SyncJob> jobs = test::generateSyncHistory(25, 1);
    jobs[3].status = QStringLiteral("QUEUED_FOR_LATER");
    for (const int i : {6, 7}) {
        jobs[i].status = QStringLiteral("FAILED");
        jobs[i].errorCode = QStringLiteral("InternalError");
        jobs[i].errorMessage = QStringLiteral("The connector could not reach the data source.");
        jobs[i].dataSourceErrorCode = QStringLiteral("SOURCE_UNREACHABLE");
    }
    jobs[4].startTime = {};
    jobs[4].endTime = {};
    jobs.move(4, jobs.size() - 1);
    PagePlacement all;
    all.newestListedMs = jobs.constFirst().startTime.toMSecsSinceEpoch();
    all.lastPage = true;
    const QDateTime at(QDate(2026, 11, 28), QTime(9, 30), QTimeZone::utc());
    all.listedAt = at;
    if (!cache.mergePage(a, jobs, all).ok)
        return fail(cache.errorString());
    QSet<QString> listed;
    const QList<SyncJob> other = test::generateSyncHistory(12, 2);
    for (const SyncJob &j : other.mid(0, 11))
        listed.insert(j.executionId);
    all.newestListedMs = other.constFirst().startTime.toMSecsSinceEpoch();
    if (!cache.mergePage(b, other, {}).ok)
        return fail(cache.errorString());
    all.listedIds = &listed;
    if (!cache.mergePage(b, other.mid(0, 11), all).ok || !cache.setRefreshed(a, at)
        || !cache.setRefreshed(b, at) || !cache.prune({}, at).ok)
        return fail(cache.errorString());
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("cache folder"),
                                 QStringLiteral("DIR"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("data source id"),
                                    QStringLiteral("ID"));
    const QCommandLineOption pages(QStringLiteral("pages"), QStringLiteral("pages"),
                                   QStringLiteral("N"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("page size"),
                                      QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("history seed"),
                                  QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption fixture(QStringLiteral("fixture"), QStringLiteral("fixture rows"));
    parser.addOptions({dir, source, pages, pageSize, seed, fixture});
    parser.process(app);
    const int pageCount = parser.value(pages).toInt();
    const int size = parser.value(pageSize).toInt();
    const QList<SyncJob> history = parser.isSet(fixture)
        ? QList<SyncJob>()
        : test::generateSyncHistory(pageCount * size, parser.value(seed).toULongLong());
    say("opening");
    HistoryCache cache;
    if (!cache.open({parser.value(dir), 10000}))
        return fail(cache.openReport().message);
    if (cache.openReport().outcome == OpenReport::Outcome::Rebuilt)
        return fail(cache.openReport().message); // a test must never see its cache rebuilt
    say("ready");
    if (parser.isSet(fixture))
        return writeFixture(cache);
    return writePages(cache, history, parser.value(source), pageCount, size);
}
