// The cache across processes, for real: a writer process (cachewriter) killed with SIGKILL at
// random moments while it merges pages, the file reopened and checked after every kill; and two
// writers, plus a reader, on one file at the same time.
#include "cache/historycache.h"
#include "synchistory.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::cache;
using qbusiness::SyncJob;

namespace {
constexpr int PageSize = 10;

DataSourceKey keyFor(const QString &source)
{
    // As cachewriter keys its pages.
    return {QStringLiteral("http://127.0.0.1:4566"),
            QStringLiteral("a1111111-1111-4111-8111-111111111111"),
            QStringLiteral("i2222222-2222-4222-8222-222222222222"), source};
}

QStringList writerArguments(const QString &dir, const QString &source, int pages, quint64 seed)
{
    return {QStringLiteral("--dir"),       dir,
            QStringLiteral("--source"),    source,
            QStringLiteral("--pages"),     QString::number(pages),
            QStringLiteral("--page-size"), QString::number(PageSize),
            QStringLiteral("--seed"),      QString::number(seed)};
}

// What the cache must hold after `pages` committed pages of cachewriter's history: each page's
// first job still running until the next page lists it again, finished.
QList<SyncJob> expectedAfter(const QList<SyncJob> &history, int pages)
{
    QList<SyncJob> jobs = history.mid(0, qsizetype(pages) * PageSize);
    if (pages > 0) {
        SyncJob &running = jobs[(pages - 1) * PageSize];
        running.status = QStringLiteral("SYNCING");
        running.endTime = {};
    }
    return jobs;
}

int lastReported(const QByteArray &output)
{
    int last = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("committed "))
            last = line.mid(10).toInt();
    }
    return last;
}
} // namespace

class TestCacheProcesses : public QObject
{
    Q_OBJECT
private slots:
    void killedWriterLosesNothingCommitted();
    void twoWritersAndAReaderShareTheFile();
};

void TestCacheProcesses::killedWriterLosesNothingCommitted()
{
    QTemporaryDir dir;
    constexpr int Pages = 3000;
    const QList<SyncJob> history = test::generateSyncHistory(Pages * PageSize, 77);
    const DataSourceKey key = keyFor(QStringLiteral("killed"));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("kill delays from seed %u", seed);
    QRandomGenerator rng(seed);
    int committed = 0;
    int killedMidway = 0;
    // 25 rounds; on a busy machine some kills land before the writer merged anything, so more
    // rounds (at most 60) until 10 have landed mid-merge.
    for (int round = 0; round < 60 && committed < Pages && (round < 25 || killedMidway < 10);
         ++round) {
        QProcess writer;
        writer.start(QStringLiteral(SYNCDECK_CACHEWRITER),
                     writerArguments(dir.path(), key.dataSourceId, Pages, 77));
        QVERIFY(writer.waitForStarted());
        // The first rounds kill it while it creates the file and its schema, the others while
        // it merges pages.
        const QByteArray cue = round < 4 ? "opening" : "ready";
        QByteArray output;
        while (!output.contains(cue) && writer.waitForReadyRead(30000))
            output += writer.readAllStandardOutput();
        QVERIFY(output.contains(cue));
        QThread::msleep(round < 4 ? rng.bounded(0, 4) : rng.bounded(1, 120));
        writer.kill(); // SIGKILL: no destructor, no rollback, no flush
        QVERIFY(writer.waitForFinished(30000));
        output += writer.readAllStandardOutput();
        const int reported = std::max(committed, lastReported(output));
        if (writer.exitStatus() == QProcess::CrashExit && reported > committed)
            ++killedMidway;

        HistoryCache cache;
        QVERIFY2(cache.open({dir.path()}), qPrintable(cache.openReport().message));
        QVERIFY2(cache.openReport().outcome != OpenReport::Outcome::Rebuilt,
                 qPrintable(cache.openReport().message));
        QString details;
        QVERIFY2(cache.checkIntegrity(&details), qPrintable(details));
        const qint64 count = cache.jobCount(key);
        QCOMPARE(count % PageSize, 0); // whole pages only
        const int pages = int(count / PageSize);
        // Every page it said it committed is there; at most the one it had no time to report.
        QVERIFY2(pages >= reported && pages <= reported + 1,
                 qPrintable(QStringLiteral("round %1: %2 pages, %3 reported")
                                .arg(round)
                                .arg(pages)
                                .arg(reported)));
        QCOMPARE(cache.jobs(key), expectedAfter(history, pages)); // each exactly once
        const SourceState state = cache.sourceState(key);
        if (pages > 0) {
            const TimeRange held {
                pages == Pages
                    ? std::nullopt
                    : std::optional<qint64>(
                        history.at(pages * PageSize - 1).startTime.toMSecsSinceEpoch() + 1),
                history.constFirst().startTime.toMSecsSinceEpoch()};
            QCOMPARE(state.coverage, QList<TimeRange> {held});
        }
        committed = pages;
    }
    qInfo("%d pages merged, %d kills while pages were being merged", committed, killedMidway);
    QVERIFY2(killedMidway >= 10,
             qPrintable(QStringLiteral("only %1 kills landed while pages were "
                                       "being merged")
                            .arg(killedMidway)));
}

void TestCacheProcesses::twoWritersAndAReaderShareTheFile()
{
    QTemporaryDir dir;
    constexpr int Pages = 300;
    struct Writer
    {
        Writer(const char *source, quint64 seed)
            : source(QString::fromLatin1(source))
            , seed(seed)
        { }
        QString source;
        quint64 seed;
        QProcess process;
    };
    Writer writers[4] = {{"alpha", 1},
                         {"beta", 2},
                         // Two more on one data source: the same pages, merged twice over.
                         {"shared", 3},
                         {"shared", 3}};
    for (Writer &w : writers) {
        w.process.start(QStringLiteral(SYNCDECK_CACHEWRITER),
                        writerArguments(dir.path(), w.source, Pages, w.seed));
        QVERIFY(w.process.waitForStarted());
    }
    // A reader all along: never blocked, never an error.
    HistoryCache reader;
    int reads = 0;
    const auto running = [&writers] {
        return std::any_of(std::begin(writers), std::end(writers), [](const Writer &w) {
            return w.process.state() != QProcess::NotRunning;
        });
    };
    while (running()) {
        if (!reader.isOpen()) {
            if (!reader.open({dir.path()}))
                continue; // the first writer is still creating it
        }
        const qint64 n = reader.jobCount(keyFor(QStringLiteral("alpha")));
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QCOMPARE(n % PageSize, 0);
        ++reads;
        for (Writer &w : writers)
            w.process.waitForFinished(5);
    }
    for (Writer &w : writers) {
        if (w.process.state() != QProcess::NotRunning)
            QVERIFY(w.process.waitForFinished(120000));
        QCOMPARE(w.process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(w.process.exitCode() == 0, w.process.readAllStandardError().constData());
    }
    QVERIFY(reads > 0);
    HistoryCache cache;
    QVERIFY(cache.open({dir.path()}));
    QVERIFY(cache.checkIntegrity());
    for (const auto &[source, seed] : {std::pair {"alpha", 1}, std::pair {"beta", 2}}) {
        const DataSourceKey key = keyFor(QString::fromLatin1(source));
        QCOMPARE(cache.jobs(key),
                 expectedAfter(test::generateSyncHistory(Pages * PageSize, seed), Pages));
    }
    // The shared data source: every job exactly once, whichever writer merged it last.
    const QList<SyncJob> shared = cache.jobs(keyFor(QStringLiteral("shared")));
    const QList<SyncJob> expected = test::generateSyncHistory(Pages * PageSize, 3);
    QCOMPARE(shared.size(), expected.size());
    for (qsizetype i = 0; i < shared.size(); ++i)
        QCOMPARE(shared.at(i).executionId, expected.at(i).executionId);
}

QTEST_GUILESS_MAIN(TestCacheProcesses)
#include "tst_cacheprocesses.moc"
