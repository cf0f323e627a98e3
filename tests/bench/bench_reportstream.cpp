// `--output jsonl`-style streaming of a 200,000-event report: every page is written out as JSON
// Lines and dropped, so the resident set must stay flat. The peak (VmHWM) covers the whole
// process, the in-process CloudWatch Logs handler server included, so it is an upper bound for
// the command line. A measurement: it prints figures and never fails on them.
#include "report/reportexport.h"
#include "report/reportreader.h"
#include "reportworld.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::report;
using syncdeck::test::FakeCloudWatchLogs;
using syncdeck::test::ReportWorld;

namespace {
qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}
} // namespace

class BenchReportStream : public QObject
{
    Q_OBJECT
private slots:
    void jsonl200k();
};

void BenchReportStream::jsonl200k()
{
    constexpr qint64 Events = 200000;
    ReportWorld world;
    const qint64 t0 = ReportWorld::runStart().toMSecsSinceEpoch();
    world.fake.addGeneratedStream(
        ReportWorld::target().logGroupName(), ReportWorld::target().reportStreamName(), Events,
        [t0](qint64 i) { return ReportWorld::documentEvent(t0 + i * 15, int(i)); });
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("report.jsonl")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    ReportReader reader(world.client.get(), ReportWorld::target());
    qint64 written = 0;
    qint64 rssAt20k = 0;
    QByteArray buffer;
    connect(&reader, &ReportReader::eventsRead, this, [&](const QList<ReportEvent> &events) {
        for (const ReportEvent &e : events)
            appendJsonLine(buffer, e, {});
        out.write(buffer);
        buffer.clear();
        written += events.size();
        if (rssAt20k == 0 && written >= 20000)
            rssAt20k = statusKb("VmRSS:");
    });
    QSignalSpy done(&reader, &ReportReader::finished);
    const qint64 rssBefore = statusKb("VmRSS:");
    QElapsedTimer clock;
    clock.start();
    reader.start();
    QVERIFY(done.wait(600000));
    out.close();
    QCOMPARE(reader.outcome().status, ReportStatus::Complete);
    QCOMPARE(written, Events);
    qInfo("%lld events streamed to JSON Lines (%.1f MB) in %lld ms; resident set %.1f MB before "
          "the first request, %.1f MB after 20,000 events, %.1f MB at the end, peak %.1f MB",
          written, out.size() / 1e6, clock.elapsed(), rssBefore / 1024.0, rssAt20k / 1024.0,
          statusKb("VmRSS:") / 1024.0, statusKb("VmHWM:") / 1024.0);
}

QTEST_GUILESS_MAIN(BenchReportStream)
#include "bench_reportstream.moc"
