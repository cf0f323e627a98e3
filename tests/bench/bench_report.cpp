// The run report at 50,000 events from a CloudWatch Logs handler server on 127.0.0.1: time to
// the first failed documents in the model, time until the whole report is paged in and grouped,
// and the model's bytes per document; once without a pace (what SyncDeck itself costs) and once
// at the Logs quota SyncDeck paces to (what an operator waits for against AWS). A measurement:
// it prints figures and never fails on them.
#include "report/documentreportmodel.h"
#include "report/reportreader.h"
#include "reportworld.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <malloc.h>

using namespace syncdeck;
using namespace syncdeck::report;
using syncdeck::test::FakeCloudWatchLogs;
using syncdeck::test::ReportWorld;

namespace {

size_t heapInUse()
{
    return mallinfo2().uordblks + mallinfo2().hblkhd;
}

// A report event as large as a real one is thought to be (ACL and metadata included): 90% of
// documents succeed, 7% fail with one of a dozen reasons that name the document, 3% are skipped.
logs::LogEvent reportEvent(qint64 t0, qint64 i)
{
    static const char *const Reasons[] = {
        "File %1.pdf exceeds the 50 MB size limit",
        "Unsupported file type for %1.exe",
        "Access denied reading s3://corp-docs/team-%2/%1.docx (403)",
        "The document %1.xlsx has no extractable text",
        "Throttled by the source after 3 retries (doc %1)",
        "ACL for %1 references unknown principal group-%2",
        "Timeout after 30000 ms fetching %1.pptx",
        "Malformed metadata field _created_at in %1",
        "Document %1 is password protected",
        "Index quota exceeded while adding %1",
        "Encoding error in %1.txt at byte %2",
        "Connector error 500 for %1",
    };
    const int kind = int(i % 100);
    const char *status = kind < 7 ? "FAILED" : kind < 10 ? "SKIPPED" : "SUCCESS";
    const QString name = QStringLiteral("report-%1").arg(i);
    QString message
        = QStringLiteral(
              "{\"DocumentId\":\"s3://corp-docs/team-%1/%2.pdf\",\"DocumentTitle\":"
              "\"Quarterly planning %2\",\"SourceUri\":\"https://corp-docs.s3."
              "amazonaws.com/team-%1/%2.pdf\",\"CrawlAction\":\"ADD\","
              "\"ConnectorDocumentStatus\":{\"Status\":\"%3\"},\"CrawlStatus\":"
              "{\"Status\":\"SUCCESS\"},\"SyncStatus\":{\"Status\":\"SUCCESS\"},"
              "\"IndexStatus\":{\"Status\":\"%3\"},\"HashedDocumentId\":\"%4\","
              "\"Acl\":\"[{\\\"globalName\\\":\\\"user%1@example.com\\\",\\\"name\\\":"
              "\\\"user%1\\\",\\\"type\\\":\\\"USER\\\",\\\"access\\\":\\\"ALLOW\\\"},"
              "{\\\"name\\\":\\\"team-%1\\\",\\\"type\\\":\\\"GROUP\\\",\\\"access\\\":"
              "\\\"ALLOW\\\"}]\",\"Metadata\":\"{\\\"_source_uri\\\":\\\"https://corp-"
              "docs.s3.amazonaws.com/team-%1/%2.pdf\\\",\\\"_category\\\":\\\"pdf\\\"}\"")
              .arg(i % 40)
              .arg(name, QLatin1String(status))
              .arg(qHash(name), 16, 16, QLatin1Char('0'));
    if (kind < 10) {
        QString reason = QString::fromLatin1(Reasons[i % 12]);
        reason.replace(QLatin1String("%1"), name);
        reason.replace(QLatin1String("%2"), QString::number(i % 40));
        message += QStringLiteral(",\"ErrorMsg\":\"%1\"").arg(reason);
    }
    message += u'}';
    return FakeCloudWatchLogs::event(t0 + i * 60, message, i);
}

} // namespace

class BenchReport : public QObject
{
    Q_OBJECT
private slots:
    void report50k_data();
    void report50k();
};

void BenchReport::report50k_data()
{
    QTest::addColumn<bool>("paced");
    QTest::newRow("no pace (SyncDeck's own cost)") << false;
    QTest::newRow("paced at the Logs quota (5 requests/s)") << true;
}

void BenchReport::report50k()
{
    QFETCH(bool, paced);
    constexpr qint64 Events = 50000;
    ReportWorld world;
    const qint64 t0 = ReportWorld::runStart().toMSecsSinceEpoch();
    world.fake.addGeneratedStream(ReportWorld::target().logGroupName(),
                                  ReportWorld::target().reportStreamName(), Events,
                                  [t0](qint64 i) { return reportEvent(t0, i); });
    if (paced) {
        auto pacer = std::make_shared<aws::RequestPacer>();
        pacer->setRate(QStringLiteral("FilterLogEvents"),
                       logs::Client::defaultRate(QStringLiteral("FilterLogEvents")));
        world.client->setRequestPacer(pacer);
    }
    const size_t heapBefore = heapInUse();
    {
        DocumentReportModel model;
        ReportReader reader(world.client.get(), ReportWorld::target());
        model.setReader(&reader);
        QElapsedTimer clock;
        qint64 firstFailureMs = -1;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) {
                    for (int r = first; r <= last && firstFailureMs < 0; ++r) {
                        if (model.data(model.index(r, 0), DocumentReportModel::StatusRole).toInt()
                            == int(DocumentStatus::Failed))
                            firstFailureMs = clock.elapsed();
                    }
                });
        QSignalSpy done(&reader, &ReportReader::finished);
        clock.start();
        reader.start();
        QVERIFY(done.wait(600000));
        const qint64 totalMs = clock.elapsed();
        QCOMPARE(reader.outcome().status, ReportStatus::Complete);
        QCOMPARE(model.storedEvents(), Events);
        const qint64 heap = qint64(heapInUse() - heapBefore);
        qInfo("%lld events in %d pages (%d requests): first failed document in the model after "
              "%lld ms; whole report paged in, counted and grouped (%lld failure groups) after "
              "%lld ms",
              Events, reader.pageCount(), world.fake.requests(), firstFailureMs,
              qint64(model.failureGroups().groups().size()), totalMs);
        qInfo("model: %.1f MB in all, of it %.1f MB text held once; %.1f bytes per document "
              "beyond the text (heap growth while it was filled, server and client included: "
              "%.1f MB)",
              model.bytesUsed() / 1e6, model.textBytes() / 1e6,
              double(model.bytesUsed() - model.textBytes()) / Events, heap / 1e6);
    }
}

QTEST_GUILESS_MAIN(BenchReport)
#include "bench_report.moc"
