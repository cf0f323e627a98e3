// The report model under QAbstractItemModelTester: lazy exposure, text read straight from the
// kept messages (escapes, numbers, membership, unreadable and oversized events), filters,
// counts and groups, memory per event, export (CSV and JSON Lines, whole file or nothing), and
// rows arriving from a reader over TCP.
#include "logs/types.h"
#include "report/documentreportmodel.h"
#include "report/reportexport.h"
#include "report/reportreader.h"
#include "reportworld.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::report;
using syncdeck::test::FakeCloudWatchLogs;
using syncdeck::test::ReportWorld;

namespace {
ReportEvent parsed(qint64 i, const QString &message, const QString &stream = {})
{
    logs::LogEvent e
        = FakeCloudWatchLogs::event(ReportWorld::runStart().toMSecsSinceEpoch() + i, message, i);
    e.logStreamName = stream.isEmpty() ? ReportWorld::target().reportStreamName() : stream;
    return parseReportEvent(e);
}

QList<ReportEvent> documents(int n, int first = 0)
{
    QList<ReportEvent> list;
    for (const logs::LogEvent &e : ReportWorld::documentEvents(n, 0, first)) {
        logs::LogEvent x = e;
        x.logStreamName = ReportWorld::target().reportStreamName();
        list << parseReportEvent(x);
    }
    return list;
}

QString cell(const DocumentReportModel &m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}
} // namespace

class TestDocumentReportModel : public QObject
{
    Q_OBJECT
private slots:
    void lazyExposure();
    void exposedUnderTheTester();
    void textFromTheKeptMessages();
    void unreadableAndOversizedEvents();
    void eventRebuildsWhatWasParsed();
    void filters_data();
    void filters();
    void countsAndGroups();
    void memoryPerEvent();
    void exportCsv();
    void exportJsonLines();
    void exportIsWholeFileOrNothing();
    void rowsFromAReaderOverTcp();
};

// Without the tester: it calls fetchMore() on every signal, so under it every row is exposed
// (exposedUnderTheTester checks that this stays consistent).
void TestDocumentReportModel::lazyExposure()
{
    DocumentReportModel model;
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.appendEvents(documents(1200));
    QCOMPARE(model.storedEvents(), 1200);
    QCOMPARE(model.matchingCount(), 1200);
    QCOMPARE(model.rowCount(), DocumentReportModel::BatchSize); // the first batch at once
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * DocumentReportModel::BatchSize);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 1200);
    QVERIFY(!model.canFetchMore({}));
    // Rows that arrive while the view wants more are shown at once, up to its batch.
    model.appendEvents(documents(400, 1200));
    QCOMPARE(model.rowCount(), 3 * DocumentReportModel::BatchSize);
    QVERIFY(model.canFetchMore({}));
    QVERIFY(!model.canFetchMore(model.index(0, 0)));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestDocumentReportModel::exposedUnderTheTester()
{
    DocumentReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents(documents(1200));
    QCOMPARE(model.rowCount(), 1200);
    QCOMPARE(inserted.count(), 3); // batch after batch, never one insertion inside another
    model.appendEvents(documents(10, 1200));
    QCOMPARE(model.rowCount(), 1210);
    QVERIFY(!model.canFetchMore({}));
}

void TestDocumentReportModel::textFromTheKeptMessages()
{
    DocumentReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString escaped = QString::fromUtf8(
        R"({"DocumentId":"a\/b \"q\" \u00e9\ud83d\ude00","DocumentTitle":"Tab\there","SourceUri":"https:\/\/x\/y","ConnectorDocumentStatus":{"Status":"FAILED"},"CrawlStatus":{"Status":"SUCCESS"},"SyncStatus":"SUCCESS","IndexStatus":{"Status":"FAILED"},"CrawlAction":"UPDATE","ErrorMsg":"=HYPERLINK(\"x\") <b>bold</b>"})");
    QList<ReportEvent> events;
    events << parsed(1, escaped)
           << parsed(2,
                     QStringLiteral("{\"DocumentId\":42,\"ConnectorDocumentStatus\":\"SKIPPED\"}"))
           << parsed(
                  3,
                  QStringLiteral(
                      "{\"groupName\":\"eng\",\"memberName\":\"alice\",\"memberType\":\"USER\"}"),
                  ReportWorld::target().membershipStreamName())
           << parsed(4, QStringLiteral("{\"DocumentId\":\"first\",\"DocumentId\":\"second\"}"));
    model.appendEvents(events);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 0, DocumentReportModel::DocumentColumn),
             QString::fromUtf8("a/b \"q\" \xc3\xa9\xf0\x9f\x98\x80"));
    QCOMPARE(cell(model, 0, DocumentReportModel::TitleColumn), QStringLiteral("Tab\there"));
    QCOMPARE(cell(model, 0, DocumentReportModel::SourceUriColumn), QStringLiteral("https://x/y"));
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::SourceUriRole).toString(),
             QStringLiteral("https://x/y"));
    QCOMPARE(cell(model, 0, DocumentReportModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(model, 0, DocumentReportModel::CrawlActionColumn), QStringLiteral("UPDATE"));
    QCOMPARE(cell(model, 0, DocumentReportModel::CrawlStageColumn), QStringLiteral("SUCCESS"));
    QCOMPARE(cell(model, 0, DocumentReportModel::SyncStageColumn), QStringLiteral("SUCCESS"));
    QCOMPARE(cell(model, 0, DocumentReportModel::IndexStageColumn), QStringLiteral("FAILED"));
    // Server text is handed out verbatim; presentation (plain text) is the view's business.
    QCOMPARE(cell(model, 0, DocumentReportModel::ErrorColumn),
             QStringLiteral("=HYPERLINK(\"x\") <b>bold</b>"));
    QCOMPARE(cell(model, 0, DocumentReportModel::ReasonColumn),
             QStringLiteral("=HYPERLINK(<text>) <b>bold</b>"));
    QCOMPARE(cell(model, 1, DocumentReportModel::DocumentColumn), QStringLiteral("42"));
    QVERIFY(model.data(model.index(1, 0), DocumentReportModel::HasProblemsRole).toBool());
    QCOMPARE(cell(model, 2, DocumentReportModel::StatusColumn), QStringLiteral("Membership"));
    QCOMPARE(cell(model, 2, DocumentReportModel::DocumentColumn), QStringLiteral("alice"));
    QCOMPARE(cell(model, 2, DocumentReportModel::TitleColumn), QStringLiteral("eng"));
    // A duplicated member: the model shows what the parser read.
    QCOMPARE(cell(model, 3, DocumentReportModel::DocumentColumn), events.at(3).documentId);
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::RawMessageRole).toString(),
             escaped);
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::EventIdRole).toString(),
             events.first().eventId);
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::TimestampRole).toLongLong(),
             events.first().timestamp);
    QCOMPARE(model.headerData(DocumentReportModel::SourceUriColumn, Qt::Horizontal).toString(),
             QStringLiteral("Source URI"));
}

void TestDocumentReportModel::unreadableAndOversizedEvents()
{
    DocumentReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString big = QStringLiteral("{\"DocumentId\":\"big\",\"x\":\"")
        + QString(1024 * 1024, QChar(0x00e9)) + QStringLiteral("\"}");
    model.appendEvents({parsed(1, QStringLiteral("plain text, not JSON")), parsed(2, big)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, DocumentReportModel::StatusColumn), QStringLiteral("Unreadable"));
    QVERIFY(cell(model, 0, DocumentReportModel::ErrorColumn).contains(QLatin1String("not JSON")));
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::RawMessageRole).toString(),
             QStringLiteral("plain text, not JSON"));
    // The oversized one keeps a prefix (cut on a character boundary) and says so.
    const QString raw
        = model.data(model.index(1, 0), DocumentReportModel::RawMessageRole).toString();
    QVERIFY(raw.size() < 4096 && big.startsWith(raw));
    const ReportEvent e = model.event(1);
    QVERIFY(e.isUnreadable());
    QCOMPARE(e.messageBytes, big.toUtf8().size());
    QCOMPARE(e.problems.size(), 2);
    QVERIFY(e.problems.at(0).contains(QLatin1String("larger than any report event")));
    QVERIFY(e.problems.at(1).contains(e.eventId));
    QVERIFY(model.textBytes() < 8 * 1024); // the megabyte is not held
    QCOMPARE(model.counts().unreadable, 2);
}

void TestDocumentReportModel::eventRebuildsWhatWasParsed()
{
    DocumentReportModel model;
    const QString message = QStringLiteral(
        "{\"DocumentId\":\"d\",\"Acl\":\"[{\\\"name\\\":\\\"bob\\\",\\\"type\\\":\\\"USER\\\"}]\","
        "\"Metadata\":{\"k\":\"v\"},\"New\":1,\"ConnectorDocumentStatus\":{\"Status\":\"FAILED\"},"
        "\"ErrorMsg\":\"x\"}");
    const ReportEvent original = parsed(7, message);
    model.appendEvents({original});
    const ReportEvent e = model.event(0);
    QCOMPARE(e.message, original.message);
    QCOMPARE(e.eventId, original.eventId);
    QCOMPARE(e.timestamp, original.timestamp);
    QCOMPARE(e.ingestionTime, original.ingestionTime);
    QCOMPARE(e.logStreamName, original.logStreamName);
    QCOMPARE(e.acl, original.acl);
    QCOMPARE(e.metadata, original.metadata);
    QCOMPARE(e.otherMembers, original.otherMembers);
    QCOMPARE(e.status, DocumentStatus::Failed);
    QVERIFY(model.event(5).message.isEmpty()); // out of range: an empty event
}

void TestDocumentReportModel::filters_data()
{
    QTest::addColumn<QList<DocumentStatus>>("statuses");
    QTest::addColumn<bool>("onlyProblems");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("rows");
    // 100 documents: 20 FAILED (i % 5 == 0), 12 SKIPPED (i % 7 == 0, not % 5), 68 SUCCESS; plus
    // one unreadable event.
    QTest::newRow("all") << QList<DocumentStatus>() << false << QString() << QString() << 101;
    QTest::newRow("failed") << QList<DocumentStatus> {DocumentStatus::Failed} << false << QString()
                            << QString() << 20;
    QTest::newRow("failed or skipped")
        << QList<DocumentStatus> {DocumentStatus::Failed, DocumentStatus::Skipped} << false
        << QString() << QString() << 32;
    QTest::newRow("problems") << QList<DocumentStatus>() << true << QString() << QString() << 1;
    QTest::newRow("reason") << QList<DocumentStatus>() << false
                            << QStringLiteral("File <file> exceeds <n> MB") << QString() << 20;
    QTest::newRow("search title, any case")
        << QList<DocumentStatus>() << false << QString() << QStringLiteral("DOC-35.PDF") << 1;
    QTest::newRow("search error text")
        << QList<DocumentStatus>() << false << QString() << QStringLiteral("exceeds") << 20;
    QTest::newRow("search the problem of an unreadable event")
        << QList<DocumentStatus>() << false << QString() << QStringLiteral("not json") << 1;
    QTest::newRow("search, nothing")
        << QList<DocumentStatus>() << false << QString() << QStringLiteral("zzz") << 0;
}

void TestDocumentReportModel::filters()
{
    QFETCH(QList<DocumentStatus>, statuses);
    QFETCH(bool, onlyProblems);
    QFETCH(QString, reason);
    QFETCH(QString, search);
    QFETCH(int, rows);
    DocumentReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ReportEvent> events = documents(100);
    events << parsed(1000, QStringLiteral("not json"));
    model.appendEvents(events);
    ReportView view;
    view.statuses = statuses;
    view.onlyProblems = onlyProblems;
    view.reason = reason;
    view.search = search;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setView(view);
    const int resets = view == ReportView() ? 0 : 1; // the view it has already: nothing to do
    QCOMPARE(reset.count(), resets);
    QCOMPARE(model.matchingCount(), rows);
    QCOMPARE(model.rowCount(), rows);
    for (int r = 0; r < model.rowCount(); ++r) {
        if (!statuses.isEmpty())
            QVERIFY(statuses.contains(DocumentStatus(
                model.data(model.index(r, 0), DocumentReportModel::StatusRole).toInt())));
    }
    // Events that arrive later are filtered the same way.
    model.appendEvents(documents(100, 100));
    QVERIFY(model.matchingCount() >= rows);
    model.setView(view); // the same view: nothing happens
    QCOMPARE(reset.count(), resets);
    model.setView({});
    QCOMPARE(model.matchingCount(), 201);
}

void TestDocumentReportModel::countsAndGroups()
{
    DocumentReportModel model;
    QSignalSpy changed(&model, &DocumentReportModel::countsChanged);
    model.appendEvents(documents(100));
    QCOMPARE(changed.count(), 1);
    const ReportCounts &c = model.counts();
    QCOMPARE(c.events, 100);
    QCOMPARE(c.failed, 20);
    QCOMPARE(c.skipped, 12);
    QCOMPARE(c.succeeded, 68);
    const FailureGroups &g = model.failureGroups();
    QCOMPARE(g.groups().size(), 2); // the size failures, and the skips without a message
    const FailureGroup &size = g.groups().at(
        g.indexOf(DocumentStatus::Failed, QStringLiteral("File <file> exceeds <n> MB")));
    QCOMPARE(size.count, 20);
    QCOMPARE(size.exampleDocuments.size(), FailureGroups::MaxExamples);
    QCOMPARE(size.exampleDocuments.first(), QStringLiteral("s3://bucket/doc-0.pdf"));
    QVERIFY(size.firstSeen < size.lastSeen);
    QCOMPARE(g.groups().at(g.indexOf(DocumentStatus::Skipped, FailureGroups::noMessage())).count,
             12);
    QCOMPARE(model.data(model.index(0, 0), DocumentReportModel::GroupRole).toInt(),
             g.indexOf(DocumentStatus::Failed, QStringLiteral("File <file> exceeds <n> MB")));
    model.clear();
    QCOMPARE(model.counts().events, 0);
    QCOMPARE(model.failureGroups().groups().size(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestDocumentReportModel::memoryPerEvent()
{
    DocumentReportModel model;
    constexpr int N = 20000;
    for (int first = 0; first < N; first += 1000)
        model.appendEvents(documents(1000, first));
    QCOMPARE(model.storedEvents(), N);
    const double perEvent = double(model.bytesUsed() - model.textBytes()) / N;
    qInfo("%d events: %.1f bytes per event beyond the text held once (%.1f MB in all, %.1f MB of "
          "it text)",
          N, perEvent, model.bytesUsed() / 1e6, model.textBytes() / 1e6);
    QVERIFY2(perEvent < 200, qPrintable(QString::number(perEvent)));
}

void TestDocumentReportModel::exportCsv()
{
    DocumentReportModel model;
    QList<ReportEvent> events = documents(10);
    events << parsed(
        99,
        QStringLiteral(
            "{\"DocumentId\":\"evil\",\"DocumentTitle\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\","
            "\"ConnectorDocumentStatus\":{\"Status\":\"FAILED\"},\"ErrorMsg\":\"+1, "
            "\\\"quoted\\\"\\nline\"}"));
    model.appendEvents(events);
    ReportView failed;
    failed.statuses = {DocumentStatus::Failed};
    model.setView(failed);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.csv"));
    QString error;
    QVERIFY2(exportReport(path, model, ReportExportFormat::Csv, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.first(), reportCsvColumns().join(u',').toUtf8() + '\r');
    QVERIFY(csv.endsWith("\r\n"));
    // 2 failures among the ten (0 and 5) and the evil one; its error holds a line break.
    QCOMPARE(csv.count("\r\n"), 1 + 3);
    QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), csv.constData());
    QVERIFY2(csv.contains(",\"'+1, \"\"quoted\"\"\nline\","), csv.constData());
    QVERIFY(csv.contains("File <file> exceeds <n> MB"));
    QVERIFY(!csv.contains("SUCCESS"));
}

void TestDocumentReportModel::exportJsonLines()
{
    DocumentReportModel model;
    QList<ReportEvent> events = documents(6);
    events << parsed(50, QStringLiteral("not json {"));
    model.appendEvents(events);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.jsonl"));
    QString error;
    QVERIFY2(exportReport(path, model, ReportExportFormat::JsonLines, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 8); // seven lines and the empty rest after the last '\n'
    QVERIFY(lines.last().isEmpty());
    for (int i = 0; i < 7; ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
        QVERIFY2(!o.isEmpty(), lines.at(i).constData());
        QCOMPARE(o.value(QLatin1String("message")).toString(), events.at(i).message);
        QCOMPARE(o.value(QLatin1String("eventId")).toString(), events.at(i).eventId);
        QCOMPARE(qint64(o.value(QLatin1String("timestamp")).toDouble()), events.at(i).timestamp);
    }
    const QJsonObject failed = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("FAILED"));
    QCOMPARE(failed.value(QLatin1String("reason")).toString(),
             QStringLiteral("File <file> exceeds <n> MB"));
    QCOMPARE(failed.value(QLatin1String("time")).toString(),
             QStringLiteral("2024-05-01T12:00:01Z"));
    const QJsonObject bad = QJsonDocument::fromJson(lines.at(6)).object();
    QCOMPARE(bad.value(QLatin1String("status")).toString(), QStringLiteral("UNREADABLE"));
    QVERIFY(bad.value(QLatin1String("problems")).isArray());
}

void TestDocumentReportModel::exportIsWholeFileOrNothing()
{
    DocumentReportModel model;
    model.appendEvents(documents(3));
    QTemporaryDir dir;
    // A folder that does not exist: a clear error, no file.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/report.csv"));
    QString error;
    QVERIFY(!exportReport(missing, model, ReportExportFormat::Csv, &error));
    QVERIFY2(error.contains(missing) && error.contains(QLatin1String("Choose a folder")),
             qPrintable(error));
    QVERIFY(!QFile::exists(missing));
    // A file that exists stays as it was until the new one is complete, then is replaced.
    const QString path = dir.filePath(QStringLiteral("report.jsonl"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous");
    old.close();
    QVERIFY(exportReport(path, model, ReportExportFormat::JsonLines, &error));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll().count('\n'), 3);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("report.jsonl")});
}

void TestDocumentReportModel::rowsFromAReaderOverTcp()
{
    ReportWorld world;
    world.addReport(ReportWorld::documentEvents(1234));
    ReportReader reader(world.client.get(), ReportWorld::target());
    reader.setPageSize(100);
    DocumentReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(&reader);
    QCOMPARE(model.reader(), &reader);
    QSignalSpy outcome(&model, &DocumentReportModel::outcomeChanged);
    QSignalSpy loading(&model, &DocumentReportModel::loadingChanged);
    QSignalSpy finished(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(model.isLoading());
    QVERIFY(finished.wait(20000));
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.last().first().toBool(), false);
    QCOMPARE(model.outcome().status, ReportStatus::Complete);
    QVERIFY(!outcome.isEmpty());
    QCOMPARE(model.storedEvents(), 1234);
    QCOMPARE(model.rowCount(), 1234); // the tester fetched every batch as it came
    QCOMPARE(cell(model, 1233, DocumentReportModel::DocumentColumn),
             QStringLiteral("s3://bucket/doc-1233.pdf"));
    // A second reader replaces the first: its rows only.
    ReportReader second(world.client.get(), ReportWorld::target());
    model.setReader(&second);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.counts().events, 0);
}

QTEST_GUILESS_MAIN(TestDocumentReportModel)
#include "tst_documentreportmodel.moc"
