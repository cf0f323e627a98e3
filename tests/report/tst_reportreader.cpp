// The report reader over real TCP against a CloudWatch Logs handler server: the run's window,
// paging, every empty/missing/denied outcome, the legacy fallback, following a running job,
// cancel, resume, the server-side status filter, bad events, and a million-event stream read in
// bounded memory.
#include "aws/credentialsprovider.h"
#include "aws/requestpacer.h"
#include "fakecloudwatchlogs.h"
#include "logs/client.h"
#include "rawhttpserver.h"
#include "report/reportcounts.h"
#include "report/reportreader.h"
#include "reportworld.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace syncdeck;
using namespace syncdeck::report;
using syncdeck::test::FakeCloudWatchLogs;
using syncdeck::test::RawHttpServer;

namespace {
using syncdeck::test::ReportWorld;
const QString Ds = QString::fromLatin1(ReportWorld::DataSourceId);
const QString Exec = QString::fromLatin1(ReportWorld::ExecutionId);
const QString App = QString::fromLatin1(ReportWorld::ApplicationId);
const QDateTime RunStart = ReportWorld::runStart();
const QDateTime RunEnd = ReportWorld::runEnd();

RunReportTarget target(bool running = false)
{
    return ReportWorld::target(running);
}

QString docMessage(int i, const char *status, const QString &error = {})
{
    return ReportWorld::documentMessage(i, status, error);
}

logs::LogEvent docEvent(qint64 ms, int i)
{
    return ReportWorld::documentEvent(ms, i);
}

QList<logs::LogEvent> docEvents(int n, qint64 from = 0, int firstIndex = 0)
{
    return ReportWorld::documentEvents(n, from, firstIndex);
}

using World = ReportWorld;

struct Result
{
    QList<ReportEvent> events;
    ReportOutcome outcome;
    int finished = 0;
    ReportCounts counts;
};

Result read(ReportReader *reader, int timeoutMs = 30000)
{
    Result r;
    QObject::connect(reader, &ReportReader::eventsRead, reader,
                     [&r](const QList<ReportEvent> &events) {
                         r.events += events;
                         for (const ReportEvent &e : events)
                             r.counts.add(e);
                     });
    QSignalSpy done(reader, &ReportReader::finished);
    reader->start();
    if (!done.wait(timeoutMs))
        qWarning("the reader did not finish");
    r.finished = int(done.count());
    r.outcome = reader->outcome();
    return r;
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}
} // namespace

class TestReportReader : public QObject
{
    Q_OBJECT
private slots:
    void readsTheRunsWindow();
    void emptyPagesAndThrottlingAreRiddenOut();
    void repeatedTokenKeepsRows();
    void throttledToTheEnd();
    void noLogGroup();
    void noLogStream_data();
    void noLogStream();
    void missingStreamThatReadsEmpty();
    void emptyStream_data();
    void emptyStream();
    void accessDenied();
    void htmlInsteadOfJson();
    void badEventsAreCountedNotDropped();
    void legacyStreamsFallback();
    void followsARunningJob();
    void runningJobWithoutStreamYet();
    void cancel();
    void maxEventsAndResume();
    void serverSideStatusFilter();
    void groupMembershipSource();
    void millionEventsInBoundedMemory();
    void unreadableEventEnvelopeStopsTheRead();
};

void TestReportReader::readsTheRunsWindow()
{
    World w;
    QList<logs::LogEvent> events;
    // Before the window, inside (including its edges), after it.
    const qint64 start = RunStart.toMSecsSinceEpoch() - RunReportTarget::WindowMarginMs;
    const qint64 end = RunEnd.toMSecsSinceEpoch() + RunReportTarget::WindowMarginMs;
    events << docEvent(start - 1, 0) << docEvent(start, 1);
    events += docEvents(40, RunStart.toMSecsSinceEpoch(), 2);
    events << docEvent(end - 1, 42) << docEvent(end, 43);
    w.addReport(events);
    ReportReader reader(w.client.get(), target());
    reader.setPageSize(7);
    const Result r = read(&reader);
    QCOMPARE(r.finished, 1);
    QCOMPARE(r.outcome.status, ReportStatus::Complete);
    QVERIFY(!r.outcome.isFailure());
    QCOMPARE(r.events.size(), 42);
    QCOMPARE(r.events.first().eventId, events.at(1).eventId);
    QCOMPARE(r.events.last().eventId, events.at(42).eventId);
    QCOMPARE(reader.eventCount(), 42);
    QCOMPARE(r.outcome.eventsRead, 42);
    QCOMPARE(reader.pageCount(), 6);
    const QJsonObject body = w.fake.bodies().first();
    QCOMPARE(body.value(QLatin1String("logGroupName")).toString(),
             QStringLiteral("/aws/qbusiness/") + App);
    QCOMPARE(body.value(QLatin1String("logStreamNames")).toArray(),
             QJsonArray {QString(QStringLiteral("SYNC_RUN_HISTORY_REPORT/") + Ds + u'/' + Exec)});
    QCOMPARE(qint64(body.value(QLatin1String("startTime")).toDouble()), start);
    QCOMPARE(qint64(body.value(QLatin1String("endTime")).toDouble()), end);
    QVERIFY(!body.contains(QLatin1String("filterPattern")));
    QCOMPARE(r.counts.events, 42);
    QCOMPARE(r.counts.failed + r.counts.skipped + r.counts.succeeded, 42);
    QCOMPARE(w.fake.operations().count(QStringLiteral("DescribeLogStreams")), 0);
}

void TestReportReader::emptyPagesAndThrottlingAreRiddenOut()
{
    World w;
    w.fake.options().emptyPagesFirst = 4;
    w.fake.options().throttleEvery = 3; // every third request is throttled, then retried
    w.addReport(docEvents(30));
    ReportReader reader(w.client.get(), target());
    reader.setPageSize(10);
    const Result r = read(&reader);
    QVERIFY2(r.outcome.status == ReportStatus::Complete, qPrintable(r.outcome.explanation));
    QCOMPARE(r.events.size(), 30);
    QCOMPARE(reader.pageCount(), 3); // pages with events; the empty ones deliver nothing
}

void TestReportReader::repeatedTokenKeepsRows()
{
    World w;
    w.fake.options().repeatToken = true;
    w.addReport(docEvents(30));
    ReportReader reader(w.client.get(), target());
    reader.setPageSize(10);
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Failed);
    QCOMPARE(r.outcome.error.code, QStringLiteral("RepeatedNextToken"));
    QCOMPARE(r.events.size(), 20);
    QCOMPARE(r.outcome.eventsRead, 20);
    QVERIFY2(r.outcome.explanation.contains(QLatin1String("The 20 events read before it are kept")),
             qPrintable(r.outcome.explanation));
}

void TestReportReader::throttledToTheEnd()
{
    World w;
    w.addReport(docEvents(30));
    w.fake.options().throttleFirst = 1; // the first page passes after one retry...
    ReportReader reader(w.client.get(), target());
    reader.setPageSize(10);
    int pages = 0;
    connect(&reader, &ReportReader::eventsRead, this, [&w, &pages] {
        if (++pages == 1)
            w.fake.options().throttleFirst = 1000000; // ...then the quota is gone for good
    });
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Throttled);
    QVERIFY(r.outcome.isFailure());
    QCOMPARE(r.events.size(), 10);
    QVERIFY(r.outcome.nextStep.contains(QLatin1String("Try again in a minute")));
    QCOMPARE(r.outcome.error.code, QStringLiteral("ThrottlingException"));
}

void TestReportReader::noLogGroup()
{
    World w;
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::NoLogGroup);
    QVERIFY(!r.outcome.isFailure()); // normal: delivery is not set up
    QVERIFY(r.outcome.explanation.contains(QStringLiteral("/aws/qbusiness/") + App));
    QVERIFY(r.outcome.explanation.contains(QLatin1String("SYNC_JOB_LOGS")));
    QVERIFY(r.outcome.details.contains(QLatin1String("put-delivery-source")));
    QVERIFY(r.outcome.details.contains(QLatin1String("--log-type SYNC_JOB_LOGS")));
    QVERIFY(r.outcome.details.contains(
        QStringLiteral("arn:aws:qbusiness:us-east-1:ACCOUNT_ID:application/") + App));
    QVERIFY(r.outcome.details.contains(QLatin1String("create-delivery")));
    QCOMPARE(r.events.size(), 0);
}

void TestReportReader::noLogStream_data()
{
    QTest::addColumn<qint64>("minutesAfterEnd");
    QTest::addColumn<QString>("says");
    QTest::newRow("just ended: not delivered yet") << qint64(3) << "not been delivered yet";
    QTest::newRow("ten days ago: retention") << qint64(10 * 24 * 60) << "retention";
    QTest::newRow("hours ago: set up later") << qint64(180) << "set up after this run";
}

void TestReportReader::noLogStream()
{
    QFETCH(qint64, minutesAfterEnd);
    QFETCH(QString, says);
    World w;
    w.fake.addGroup(target().logGroupName()); // the group, but not this run's stream
    ReportReader reader(w.client.get(), target());
    reader.setFallbackToLegacyStreams(false);
    reader.setClock([minutesAfterEnd] { return RunEnd.addSecs(minutesAfterEnd * 60); });
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::NoLogStream);
    QVERIFY(!r.outcome.isFailure());
    QVERIFY2(r.outcome.explanation.contains(says), qPrintable(r.outcome.explanation));
    QVERIFY(!r.outcome.nextStep.isEmpty());
}

// Some servers (moto) answer a missing stream with an empty page: DescribeLogStreams decides.
void TestReportReader::missingStreamThatReadsEmpty()
{
    World w;
    w.fake.options().missingStreamReadsEmpty = true;
    w.fake.addStream(target().logGroupName(), QStringLiteral("SYNC_RUN_HISTORY_REPORT/other/x"),
                     docEvents(2));
    ReportReader reader(w.client.get(), target());
    reader.setClock([] { return RunEnd.addDays(3); });
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::NoLogStream);
    QCOMPARE(w.fake.operations(),
             (QStringList {QStringLiteral("FilterLogEvents"), QStringLiteral("DescribeLogStreams"),
                           QStringLiteral("FilterLogEvents")})); // the fallback looked too
    const QJsonObject describe = w.fake.bodies().at(1);
    QCOMPARE(describe.value(QLatin1String("logStreamNamePrefix")).toString(),
             target().reportStreamName());
    const QJsonObject legacy = w.fake.bodies().at(2);
    QCOMPARE(legacy.value(QLatin1String("logStreamNamePrefix")).toString(), Ds + u'/');
}

void TestReportReader::emptyStream_data()
{
    QTest::addColumn<bool>("describeDenied");
    QTest::newRow("stream there, nothing in the window") << false;
    QTest::newRow("and DescribeLogStreams denied") << true;
}

void TestReportReader::emptyStream()
{
    QFETCH(bool, describeDenied);
    World w;
    w.fake.options().accessDeniedDescribe = describeDenied;
    // Events, but a day after the run: outside its window.
    w.addReport(docEvents(3, RunEnd.addDays(1).toMSecsSinceEpoch()));
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Empty);
    QVERIFY(!r.outcome.isFailure());
    QCOMPARE(r.events.size(), 0);
    QCOMPARE(
        r.outcome.explanation.contains(QLatin1String("logs:DescribeLogStreams is not allowed")),
        describeDenied);
}

void TestReportReader::accessDenied()
{
    World w;
    w.addReport(docEvents(3));
    w.fake.options().accessDenied = true;
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::AccessDenied);
    QVERIFY(r.outcome.isFailure());
    // The account comes from the ARN in AWS's message.
    QVERIFY2(r.outcome.nextStep.contains(
                 QLatin1String("arn:aws:logs:us-east-1:123456789012:log-group:/aws/qbusiness/*")),
             qPrintable(r.outcome.nextStep));
    for (const char *action :
         {"logs:FilterLogEvents", "logs:GetLogEvents", "logs:DescribeLogStreams"})
        QVERIFY2(r.outcome.details.contains(QLatin1String(action)), action);
    QVERIFY(r.outcome.details.contains(QLatin1String(
        "\"Resource\": \"arn:aws:logs:us-east-1:123456789012:log-group:/aws/qbusiness/*\"")));
    QJsonParseError pe;
    QJsonDocument::fromJson(r.outcome.details.toUtf8(), &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError); // a policy that can be pasted as is
}

void TestReportReader::htmlInsteadOfJson()
{
    World w;
    w.addReport(docEvents(3));
    w.fake.options().htmlOkPage = true;
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Failed);
    QVERIFY2(r.outcome.explanation.contains(QLatin1String("HTML page")),
             qPrintable(r.outcome.explanation));
    QVERIFY(r.outcome.nextStep.contains(QLatin1String("Amazon CloudWatch Logs endpoint")));
}

void TestReportReader::badEventsAreCountedNotDropped()
{
    World w;
    QList<logs::LogEvent> events = docEvents(5);
    const qint64 t = RunStart.toMSecsSinceEpoch() + 60000;
    const QString big = QString::fromUtf8(R"({"DocumentId":"big","x":")")
        + QString(1024 * 1024, u'a') + QStringLiteral("\"}");
    events << FakeCloudWatchLogs::event(t, QStringLiteral("not json at all"), 100)
           << FakeCloudWatchLogs::event(
                  t + 1,
                  QString::fromUtf8(
                      R"({"DocumentId":7,"ConnectorDocumentStatus":{"Status":"FAILED"}})"),
                  101)
           << FakeCloudWatchLogs::event(t + 2, big, 102)
           << FakeCloudWatchLogs::event(t + 3, docMessage(103, "FAILED", QStringLiteral("x")), 103);
    w.addReport(events);
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Complete);
    QCOMPARE(r.events.size(), 9);
    QCOMPARE(r.counts.unreadable, 2);
    QCOMPARE(r.counts.withProblems, 1);
    QVERIFY(r.events.at(5).isUnreadable());
    QCOMPARE(r.events.at(7).messageBytes, big.toUtf8().size());
    QCOMPARE(r.events.at(7).message, big); // kept whole on the streaming path
    QVERIFY(
        r.events.at(7).problems.first().contains(QLatin1String("larger than any report event")));
    QCOMPARE(r.events.at(8).documentId, QStringLiteral("s3://bucket/doc-103.pdf"));
}

void TestReportReader::legacyStreamsFallback()
{
    World w;
    const QString group = target().logGroupName();
    w.fake.addGroup(group);
    QList<logs::LogEvent> legacy;
    for (int i = 0; i < 4; ++i)
        legacy << FakeCloudWatchLogs::event(
            RunStart.toMSecsSinceEpoch() + i,
            QString::fromUtf8(
                R"({"DocumentId":"d%1","ErrorCode":"InvalidRequest","ErrorMessage":"Too large","LogLevel":"ERROR","SourceURI":"https://x/%1"})")
                .arg(i),
            i);
    w.fake.addStream(group, Ds + QStringLiteral("/2024-05-01-errors"), legacy);
    ReportReader reader(w.client.get(), target());
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Complete);
    QVERIFY(reader.readLegacyStreams());
    QVERIFY(r.outcome.title.contains(QLatin1String("error log streams")));
    QCOMPARE(r.events.size(), 4);
    QCOMPARE(r.events.first().kind, EventKind::LegacyError);
    QCOMPARE(r.counts.legacyErrors, 4);
    QCOMPARE(r.counts.failed, 4);
}

void TestReportReader::followsARunningJob()
{
    World w;
    w.addReport(docEvents(5));
    ReportReader reader(w.client.get(), target(true));
    reader.setFollow(true);
    reader.setPollInterval(20);
    reader.setSettleTime(0);
    QList<ReportEvent> got;
    connect(&reader, &ReportReader::eventsRead, this,
            [&got](const QList<ReportEvent> &events) { got += events; });
    QSignalSpy caughtUp(&reader, &ReportReader::caughtUp);
    QSignalSpy finished(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(caughtUp.wait(10000));
    QCOMPARE(got.size(), 5);
    QCOMPARE(reader.outcome().status, ReportStatus::Following);
    QVERIFY(!w.fake.bodies().first().contains(QLatin1String("endTime"))); // open-ended
    // The job writes more; some share the newest timestamp seen (within the overlap).
    const qint64 last = got.last().timestamp;
    w.fake.appendEvents(target().logGroupName(), target().reportStreamName(),
                        {docEvent(last, 5), docEvent(last + 500, 6), docEvent(last + 900, 7)});
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 8, 10000);
    // Every poll reaches back by the overlap from the newest event seen so far.
    const qsizetype requests = w.fake.bodies().size();
    QTRY_VERIFY_WITH_TIMEOUT(w.fake.bodies().size() > requests, 10000);
    const QJsonObject poll = w.fake.bodies().last();
    QCOMPARE(qint64(poll.value(QLatin1String("startTime")).toDouble()),
             last + 900 - ReportReader::PollOverlapMs);
    QSet<QString> ids;
    for (const ReportEvent &e : std::as_const(got))
        ids.insert(e.eventId);
    QCOMPARE(ids.size(), 8); // nothing twice, although every poll overlaps the last one
    QVERIFY(finished.isEmpty());
    reader.runEnded(QDateTime::currentDateTimeUtc().addSecs(-1));
    QVERIFY(finished.wait(10000));
    QCOMPARE(reader.outcome().status, ReportStatus::Complete);
    QCOMPARE(reader.eventCount(), 8);
    QCOMPARE(finished.count(), 1);
}

void TestReportReader::runningJobWithoutStreamYet()
{
    World w;
    w.fake.addGroup(target().logGroupName());
    ReportReader reader(w.client.get(), target(true));
    reader.setFollow(true);
    reader.setPollInterval(20);
    QSignalSpy caughtUp(&reader, &ReportReader::caughtUp);
    reader.start();
    QVERIFY(caughtUp.wait(10000));
    QCOMPARE(reader.outcome().status, ReportStatus::NoLogStream);
    QVERIFY(reader.outcome().explanation.contains(QLatin1String("not been delivered yet")));
    // The stream appears: the report starts flowing.
    w.addReport(docEvents(3));
    QTRY_COMPARE_WITH_TIMEOUT(reader.eventCount(), qint64(3), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(reader.outcome().status, ReportStatus::Following, 10000);
    reader.cancel();
    QCOMPARE(reader.outcome().status, ReportStatus::Cancelled);
}

void TestReportReader::cancel()
{
    World w;
    w.addReport(docEvents(50));
    ReportReader reader(w.client.get(), target());
    reader.setPageSize(10);
    connect(&reader, &ReportReader::eventsRead, &reader, &ReportReader::cancel);
    const Result r = read(&reader);
    QCOMPARE(r.finished, 1);
    QCOMPARE(r.outcome.status, ReportStatus::Cancelled);
    QCOMPARE(r.events.size(), 10);
    QVERIFY(r.outcome.explanation.contains(QLatin1String("The 10 events read before it are kept")));
    QTest::qWait(50);
    QCOMPARE(reader.eventCount(), 10); // nothing after the cancel
}

void TestReportReader::maxEventsAndResume()
{
    World w;
    const QList<logs::LogEvent> all = docEvents(25);
    w.addReport(all);
    ReportReader first(w.client.get(), target());
    first.setPageSize(10);
    first.setMaxEvents(13);
    const Result a = read(&first);
    QCOMPARE(a.outcome.status, ReportStatus::Truncated);
    QCOMPARE(a.events.size(), 13);
    const QString token = first.resumeToken();
    QVERIFY(!token.isEmpty());
    QVERIFY(a.outcome.nextStep.contains(token));

    ReportReader second(w.client.get(), target());
    second.setPageSize(10);
    QString error;
    QVERIFY(!second.setStartingToken(QStringLiteral("   "), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(second.setStartingToken(token, &error), qPrintable(error));
    const Result b = read(&second);
    QCOMPARE(b.outcome.status, ReportStatus::Complete);
    QCOMPARE(b.events.size(), 12);
    QCOMPARE(b.events.first().eventId, all.at(13).eventId);
}

void TestReportReader::serverSideStatusFilter()
{
    World w;
    w.addReport(docEvents(40));
    ReportReader reader(w.client.get(), target());
    reader.setStatusFilter({DocumentStatus::Failed});
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Complete);
    QCOMPARE(r.events.size(), 8); // every fifth
    for (const ReportEvent &e : r.events)
        QCOMPARE(e.status, DocumentStatus::Failed);
    QCOMPARE(w.fake.bodies().first().value(QLatin1String("filterPattern")).toString(),
             QStringLiteral("{ ($.ConnectorDocumentStatus.Status = \"FAILED\") || "
                            "($.ConnectorDocumentStatus = \"FAILED\") }"));
}

void TestReportReader::groupMembershipSource()
{
    World w;
    QList<logs::LogEvent> events;
    events << FakeCloudWatchLogs::event(
        RunStart.toMSecsSinceEpoch(),
        QString::fromUtf8(
            R"({"groupName":"eng","memberName":"alice","memberType":"USER","isMemberFederated":"TRUE","isGroupFederated":"FALSE"})"),
        1);
    w.fake.addStream(target().logGroupName(), target().membershipStreamName(), events);
    ReportReader reader(w.client.get(), target());
    reader.setSource(ReportSource::GroupMembership);
    const Result r = read(&reader);
    QCOMPARE(r.outcome.status, ReportStatus::Complete);
    QCOMPARE(r.events.size(), 1);
    QCOMPARE(r.events.first().kind, EventKind::GroupMembership);
    QCOMPARE(r.counts.memberships, 1);
}

// The CLI's path: each page is handed out and dropped. A million events stream through with
// the resident set growing by no more than a few pages' worth.
void TestReportReader::millionEventsInBoundedMemory()
{
    World w;
    constexpr qint64 Count = 1000000;
    const qint64 t0 = RunStart.toMSecsSinceEpoch();
    w.fake.addGeneratedStream(
        target().logGroupName(), target().reportStreamName(), Count, [t0](qint64 i) {
            // 1,000,000 events across the hour of the run.
            return FakeCloudWatchLogs::event(t0 + i * 3,
                                             docMessage(int(i), i % 10 ? "SUCCESS" : "FAILED"), i);
        });
    ReportReader reader(w.client.get(), target());
    ReportCounts counts;
    qint64 peak = 0;
    qint64 baseline = 0;
    int pages = 0;
    connect(&reader, &ReportReader::eventsRead, this, [&](const QList<ReportEvent> &events) {
        for (const ReportEvent &e : events)
            counts.add(e);
        // After a few pages the steady state is reached: from then on it must stay flat.
        if (++pages == 5)
            baseline = rssKb();
        if (pages > 5)
            peak = std::max(peak, rssKb());
    });
    QSignalSpy done(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(done.wait(600000));
    QCOMPARE(reader.outcome().status, ReportStatus::Complete);
    QCOMPARE(counts.events, Count);
    QCOMPARE(counts.failed, Count / 10);
    QVERIFY(pages > 50);
    const qint64 growthKb = peak - baseline;
    qInfo("%lld events in %d pages; resident set %lld kB after 5 pages, at most %lld kB after "
          "(growth %lld kB)",
          Count, pages, baseline, peak, growthKb);
    QVERIFY2(growthKb < 64 * 1024, qPrintable(QString::number(growthKb)));
}

// An event of a page that is not a log event (its envelope breaks the protocol) stops the read
// with the codec's words, as a page that cannot be read at all does; the events before it stay.
void TestReportReader::unreadableEventEnvelopeStopsTheRead()
{
    // A page of three events, the third with its timestamp as a string.
    QByteArray events;
    for (int i = 0; i < 3; ++i) {
        const logs::LogEvent e = docEvent(RunStart.toMSecsSinceEpoch() + 1000 + i, i);
        QJsonObject o {{QStringLiteral("logStreamName"), target().reportStreamName()},
                       {QStringLiteral("eventId"), e.eventId},
                       {QStringLiteral("message"), e.message},
                       {QStringLiteral("ingestionTime"), double(e.timestamp + 5)}};
        o.insert(QStringLiteral("timestamp"),
                 i == 2 ? QJsonValue(QStringLiteral("soon")) : QJsonValue(double(e.timestamp)));
        events += (i ? "," : "") + QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    RawHttpServer server([&events](const test::RawHttpRequest &) {
        return test::RawHttpReply::json(200, "{\"events\":[" + events + "]}");
    });
    QVERIFY(server.listen());
    World w;
    aws::ClientConfig config;
    config.endpoint = QUrl::fromEncoded(server.url());
    config.region = QString::fromLatin1(FakeCloudWatchLogs::Region);
    logs::Client client(config, w.credentials.get());
    client.setRequestPacer(std::make_shared<aws::RequestPacer>());
    ReportReader reader(&client, target());
    const Result r = read(&reader);
    QCOMPARE(r.finished, 1);
    QCOMPARE(r.outcome.status, ReportStatus::Failed);
    QCOMPARE(r.events.size(), 2);
    QVERIFY2(r.outcome.explanation.contains(QLatin1String("events[2].timestamp")),
             qPrintable(r.outcome.explanation));
}

QTEST_GUILESS_MAIN(TestReportReader)
#include "tst_reportreader.moc"
