// The CloudWatch Logs client over real TCP on 127.0.0.1 against a handler server speaking
// awsJson1_1: wire shape, signing, paging rules (empty pages with tokens, repeated tokens, the
// GetLogEvents end), typed errors, retries on throttling, refusals and the client-side pace.
#include "aws/credentialsprovider.h"
#include "aws/requestpacer.h"
#include "fakecloudwatchlogs.h"
#include "logs/client.h"
#include "logs/logscodec.h"
#include "logs/logserror.h"
#include "logs/paginator.h"
#include "rawhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::logs;
using syncdeck::test::FakeCloudWatchLogs;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;

namespace {
const QString Group = QStringLiteral("/aws/qbusiness/a1111111-1111-4111-8111-111111111111");
const QString Stream = QStringLiteral("SYNC_RUN_HISTORY_REPORT/ds/exec");

aws::Credentials credentials()
{
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(FakeCloudWatchLogs::AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(FakeCloudWatchLogs::SecretAccessKey));
    return c;
}

aws::ClientConfig configFor(const QByteArray &url, int maxAttempts = 3)
{
    aws::ClientConfig c;
    c.endpoint = QUrl::fromEncoded(url);
    c.region = QString::fromLatin1(FakeCloudWatchLogs::Region);
    c.maxAttempts = maxAttempts;
    return c;
}

// A client whose pace does not slow the tests down (the pace has its own test).
struct Fixture
{
    explicit Fixture(const QByteArray &url, int maxAttempts = 3)
        : creds(credentials())
        , client(configFor(url, maxAttempts), &creds)
    {
        auto fast = std::make_shared<aws::RequestPacer>();
        client.setRequestPacer(fast);
        client.setBackoff([](int) { return 0; });
    }
    aws::StaticCredentialsProvider creds;
    Client client;
};

bool run(aws::ServiceCall *call)
{
    call->setAutoDelete(false);
    QSignalSpy spy(call, &aws::ServiceCall::finished);
    call->start();
    return spy.wait(20000) || spy.count() == 1;
}

struct Listing
{
    QList<LogEvent> events;
    aws::AwsError error;
    int pages = 0;
    QString resumeToken;
};

Listing runFilter(Client *client, const FilterLogEventsRequest &request, qint64 maxItems = 0)
{
    Listing out;
    Paginator *p = Paginator::filterLogEvents(client, request);
    p->setMaxItems(maxItems);
    QObject::connect(p, &aws::Paginator::pageLoaded, p,
                     [&out](aws::ServiceCall *job, int first, int count) {
                         const auto *j = static_cast<FilterLogEventsCall *>(job);
                         out.events += j->page.events.mid(first, count);
                     });
    QSignalSpy done(p, &aws::Paginator::finished);
    p->start();
    if (!done.wait(120000))
        qWarning("the listing did not finish");
    out.error = p->error();
    out.pages = p->pageCount();
    out.resumeToken = p->resumeToken();
    delete p;
    return out;
}

QList<LogEvent> events(int n, qint64 t0 = 1714564800000)
{
    QList<LogEvent> list;
    for (int i = 0; i < n; ++i)
        list << FakeCloudWatchLogs::event(t0 + i * 1000,
                                          QStringLiteral("{\"DocumentId\":\"doc-%1\"}").arg(i), i);
    return list;
}
} // namespace

class TestLogsClient : public QObject
{
    Q_OBJECT
private slots:
    void wireShape();
    void pagesAllEvents_data();
    void pagesAllEvents();
    void emptyPagesWithTokensGoOn();
    void tooManyEmptyPagesStop();
    void repeatedTokenIsAnError();
    void throttlingIsRetried();
    void typedErrors_data();
    void typedErrors();
    void htmlInsteadOfJson_data();
    void htmlInsteadOfJson();
    void refusedRequestsAreNotSent_data();
    void refusedRequestsAreNotSent();
    void getLogEventsEndsOnTheSameToken();
    void describeLogStreams();
    void clientSidePace();
    void pacerArithmetic();
    void maxItemsAndResume();
    void eventsReadOnDemand_data();
    void eventsReadOnDemand();
};

void TestLogsClient::wireShape()
{
    FakeCloudWatchLogs fake;
    fake.addStream(Group, Stream, events(3));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    r.startTime = 1714564800000;
    r.endTime = 1714568400000;
    r.filterPattern = QStringLiteral("{ $.ConnectorDocumentStatus.Status = \"FAILED\" }");
    r.limit = 500;
    FilterLogEventsCall *call = f.client.filterLogEvents(r);
    QVERIFY(run(call));
    QVERIFY2(!call->error().isError(), qPrintable(call->error().message));
    QCOMPARE(fake.signatureFailures(), 0);
    const RawHttpRequest &req = server.requests().first();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.target, QByteArray("/"));
    QCOMPARE(req.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
    QCOMPARE(req.header("X-Amz-Target"), QByteArray("Logs_20140328.FilterLogEvents"));
    // Content-Type and X-Amz-Target are signed, and the signing name is logs.
    const QByteArray auth = req.header("Authorization");
    QVERIFY2(auth.contains("/us-east-1/logs/aws4_request"), auth.constData());
    QVERIFY2(auth.contains("content-type;") && auth.contains("x-amz-target"), auth.constData());
    const QJsonObject body = QJsonDocument::fromJson(req.body).object();
    QCOMPARE(body.value(QLatin1String("logGroupName")).toString(), Group);
    QCOMPARE(body.value(QLatin1String("logStreamNames")).toArray(), QJsonArray {Stream});
    QCOMPARE(body.value(QLatin1String("startTime")).toDouble(), 1714564800000.0);
    QCOMPARE(body.value(QLatin1String("endTime")).toDouble(), 1714568400000.0);
    QCOMPARE(body.value(QLatin1String("limit")).toInt(), 500);
    QCOMPARE(body.value(QLatin1String("filterPattern")).toString(), r.filterPattern);
    QVERIFY(!body.contains(QLatin1String("nextToken")));
    QVERIFY(!body.contains(QLatin1String("logStreamNamePrefix")));
    QCOMPARE(call->page.searchedLogStreams.size(), 1);
    delete call;
}

void TestLogsClient::pagesAllEvents_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("pages");
    QTest::newRow("one page") << 5 << 0 << 1;
    QTest::newRow("exact pages") << 30 << 10 << 3;
    QTest::newRow("last page short") << 31 << 10 << 4;
    QTest::newRow("empty stream") << 0 << 10 << 1;
}

void TestLogsClient::pagesAllEvents()
{
    QFETCH(int, count);
    QFETCH(int, limit);
    QFETCH(int, pages);
    FakeCloudWatchLogs fake;
    const QList<LogEvent> all = events(count);
    fake.addStream(Group, Stream, all);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    r.limit = limit;
    const Listing l = runFilter(&f.client, r);
    QVERIFY2(!l.error.isError(), qPrintable(l.error.message));
    QCOMPARE(l.pages, pages);
    QCOMPARE(l.events.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(l.events.at(i).eventId, all.at(i).eventId);
        QCOMPARE(l.events.at(i).message, all.at(i).message);
        QCOMPARE(l.events.at(i).timestamp, all.at(i).timestamp);
        QCOMPARE(l.events.at(i).ingestionTime, all.at(i).ingestionTime);
        QCOMPARE(l.events.at(i).logStreamName, Stream);
    }
}

void TestLogsClient::emptyPagesWithTokensGoOn()
{
    FakeCloudWatchLogs fake;
    fake.options().emptyPagesFirst = 7;
    fake.addStream(Group, Stream, events(4));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    const Listing l = runFilter(&f.client, r);
    QVERIFY2(!l.error.isError(), qPrintable(l.error.message));
    QCOMPARE(l.events.size(), 4);
    QCOMPARE(l.pages, 8); // seven empty pages, each with a token, then the events
}

void TestLogsClient::tooManyEmptyPagesStop()
{
    FakeCloudWatchLogs fake;
    fake.options().emptyPagesFirst = Paginator::MaxEmptyPages + 5;
    fake.addStream(Group, Stream, events(4));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    const Listing l = runFilter(&f.client, r);
    QCOMPARE(l.error.code, QStringLiteral("TooManyEmptyPages"));
    QCOMPARE(l.pages, Paginator::MaxEmptyPages);
    QVERIFY(!l.resumeToken.isEmpty()); // the search can go on from there
}

void TestLogsClient::repeatedTokenIsAnError()
{
    FakeCloudWatchLogs fake;
    fake.options().repeatToken = true;
    fake.addStream(Group, Stream, events(25));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    r.limit = 10;
    const Listing l = runFilter(&f.client, r);
    QCOMPARE(l.error.code, QStringLiteral("RepeatedNextToken"));
    QCOMPARE(l.pages, 2);
    QCOMPARE(l.events.size(), 20); // the pages read so far are kept
    QVERIFY(fake.requests() <= 3);
}

void TestLogsClient::throttlingIsRetried()
{
    FakeCloudWatchLogs fake;
    fake.options().throttleFirst = 2;
    fake.addStream(Group, Stream, events(3));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    QList<int> backoffs;
    f.client.setBackoff([&backoffs](int attempt) {
        backoffs << attempt;
        return 1;
    });
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    FilterLogEventsCall *call = f.client.filterLogEvents(r);
    QVERIFY(run(call));
    QVERIFY2(!call->error().isError(), qPrintable(call->error().message));
    QCOMPARE(call->attempts(), 3);
    QCOMPARE(backoffs, (QList<int> {1, 2}));
    QCOMPARE(call->page.events.size(), 3);
    delete call;

    // Beyond the attempts: typed as throttling.
    fake.options().throttleFirst = 1000;
    FilterLogEventsCall *again = f.client.filterLogEvents(r);
    QVERIFY(run(again));
    QCOMPARE(errorKind(again->error()), ErrorKind::Throttling);
    QVERIFY(again->error().retryable);
    delete again;
}

void TestLogsClient::typedErrors_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<bool>("denied");
    QTest::addColumn<int>("kind");
    QTest::newRow("missing group") << QStringLiteral("/aws/qbusiness/none") << Stream << false
                                   << int(ErrorKind::LogGroupNotFound);
    QTest::newRow("missing stream") << Group << QStringLiteral("SYNC_RUN_HISTORY_REPORT/x/y")
                                    << false << int(ErrorKind::LogStreamNotFound);
    QTest::newRow("access denied") << Group << Stream << true << int(ErrorKind::AccessDenied);
}

void TestLogsClient::typedErrors()
{
    QFETCH(QString, group);
    QFETCH(QString, stream);
    QFETCH(bool, denied);
    QFETCH(int, kind);
    FakeCloudWatchLogs fake;
    fake.options().accessDenied = denied;
    fake.addStream(Group, Stream, events(1));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = group;
    r.logStreamNames = {stream};
    FilterLogEventsCall *call = f.client.filterLogEvents(r);
    QVERIFY(run(call));
    QCOMPARE(int(errorKind(call->error())), kind);
    QCOMPARE(call->attempts(), 1); // not retried
    QCOMPARE(call->error().httpStatus, 400);
    QCOMPARE(call->error().requestId, QStringLiteral("req-logs-error"));
    delete call;

    GetLogEventsRequest g;
    g.logGroupName = group;
    g.logStreamName = stream;
    GetLogEventsCall *get = f.client.getLogEvents(g);
    QVERIFY(run(get));
    QCOMPARE(int(errorKind(get->error())), kind);
    delete get;
}

void TestLogsClient::htmlInsteadOfJson_data()
{
    QTest::addColumn<bool>("okStatus");
    QTest::newRow("502 from a proxy") << false;
    QTest::newRow("200 login page") << true;
}

void TestLogsClient::htmlInsteadOfJson()
{
    QFETCH(bool, okStatus);
    FakeCloudWatchLogs fake;
    fake.options().htmlPage = !okStatus;
    fake.options().htmlOkPage = okStatus;
    fake.addStream(Group, Stream, events(1));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url(), 2);
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    FilterLogEventsCall *call = f.client.filterLogEvents(r);
    QVERIFY(run(call));
    QVERIFY(call->error().isError());
    QVERIFY2(call->error().message.contains(QLatin1String("HTML")),
             qPrintable(call->error().message));
    QCOMPARE(errorKind(call->error()), ErrorKind::Other);
    if (okStatus)
        QVERIFY(call->error().nextStep.contains(QLatin1String("CloudWatch Logs")));
    delete call;
}

void TestLogsClient::refusedRequestsAreNotSent_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("message");
    QTest::newRow("names and prefix") << 0 << "logStreamNames or logStreamNamePrefix, not both";
    QTest::newRow("no group") << 1 << "give the log group";
    QTest::newRow("limit too large") << 2 << "limit must be between 1 and 10000";
    QTest::newRow("end before start") << 3 << "endTime is before startTime";
    QTest::newRow("get without stream") << 4 << "give the log stream";
    QTest::newRow("describe limit") << 5 << "between 1 and 50";
}

void TestLogsClient::refusedRequestsAreNotSent()
{
    QFETCH(int, which);
    QFETCH(QString, message);
    RawHttpServer server([](const RawHttpRequest &) { return RawHttpReply::json(200, "{}"); });
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    aws::ServiceCall *call = nullptr;
    if (which == 0) {
        r.logStreamNames = {Stream};
        r.logStreamNamePrefix = QStringLiteral("SYNC");
    } else if (which == 1) {
        r.logGroupName.clear();
    } else if (which == 2) {
        r.limit = 10001;
    } else if (which == 3) {
        r.startTime = 10;
        r.endTime = 5;
    }
    if (which == 4) {
        GetLogEventsRequest g;
        g.logGroupName = Group;
        call = f.client.getLogEvents(g);
    } else if (which == 5) {
        DescribeLogStreamsRequest d;
        d.logGroupName = Group;
        d.limit = 51;
        call = f.client.describeLogStreams(d);
    } else {
        call = f.client.filterLogEvents(r);
    }
    QVERIFY(run(call));
    QCOMPARE(call->error().code, QStringLiteral("InvalidRequest"));
    QCOMPARE(errorKind(call->error()), ErrorKind::InvalidParameter);
    QVERIFY2(call->error().message.contains(message), qPrintable(call->error().message));
    QCOMPARE(server.requests().size(), 0);
    delete call;
}

void TestLogsClient::getLogEventsEndsOnTheSameToken()
{
    FakeCloudWatchLogs fake;
    const QList<LogEvent> all = events(23);
    fake.addStream(Group, Stream, all);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    GetLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamName = Stream;
    Paginator *p = Paginator::getLogEvents(&f.client, r);
    p->setPageSize(10);
    QList<LogEvent> got;
    connect(p, &aws::Paginator::pageLoaded, this, [&got](aws::ServiceCall *job, int first, int n) {
        got += static_cast<GetLogEventsCall *>(job)->page.events.mid(first, n);
    });
    QSignalSpy done(p, &aws::Paginator::finished);
    p->start();
    QVERIFY(done.wait(20000));
    QVERIFY2(!p->error().isError(), qPrintable(p->error().message));
    QVERIFY(p->isComplete());
    QCOMPARE(got.size(), 23);
    QCOMPARE(got.last().message, all.last().message);
    // 10 + 10 + 3, then the same token back: the end.
    QCOMPARE(fake.operations().size(), 4);
    const QJsonObject first = fake.bodies().first();
    QCOMPARE(first.value(QLatin1String("startFromHead")).toBool(), true);
    const QString lastSent = fake.bodies().last().value(QLatin1String("nextToken")).toString();
    QVERIFY(!lastSent.isEmpty());
    delete p;
}

void TestLogsClient::describeLogStreams()
{
    FakeCloudWatchLogs fake;
    fake.addStream(Group, Stream, events(2));
    fake.addStream(Group, QStringLiteral("GROUP_MEMBERSHIP/ds/exec"), events(1));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    DescribeLogStreamsRequest r;
    r.logGroupName = Group;
    r.logStreamNamePrefix = QStringLiteral("SYNC_RUN_HISTORY_REPORT/");
    DescribeLogStreamsCall *call = f.client.describeLogStreams(r);
    QVERIFY(run(call));
    QVERIFY2(!call->error().isError(), qPrintable(call->error().message));
    QCOMPARE(call->page.logStreams.size(), 1);
    QCOMPARE(call->page.logStreams.first().logStreamName, Stream);
    QCOMPARE(call->page.logStreams.first().lastEventTimestamp,
             std::optional<qint64>(1714564801000));
    QVERIFY(!call->page.logStreams.first().firstEventTimestamp.has_value());
    QCOMPARE(fake.operations(), QStringList {QStringLiteral("DescribeLogStreams")});
    delete call;
}

void TestLogsClient::clientSidePace()
{
    FakeCloudWatchLogs fake;
    fake.addStream(Group, Stream, events(40));
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(credentials());
    Client client(configFor(server.url()), &creds);
    // The default: the shared pacer of this endpoint and region, at the Logs quotas.
    QVERIFY(client.requestPacer());
    QCOMPARE(client.requestPacer(), aws::RequestPacer::shared(Client::pacerKey(client.config())));
    QCOMPARE(client.requestPacer()->rate(QStringLiteral("FilterLogEvents")).perSecond, 5.0);
    QCOMPARE(client.requestPacer()->rate(QStringLiteral("GetLogEvents")).perSecond, 10.0);
    // A tighter pace for the test: 20 requests/s with no burst, so 8 pages must wait.
    auto pacer = std::make_shared<aws::RequestPacer>();
    pacer->setRate(QStringLiteral("FilterLogEvents"), {20, 1});
    client.setRequestPacer(pacer);
    QStringList waits;
    connect(&client, &aws::ServiceClient::attemptLogged, this, [&waits](const QString &line) {
        if (line.contains(QLatin1String("client-side pace")))
            waits << line;
    });
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    r.limit = 5;
    const Listing l = runFilter(&client, r);
    QVERIFY2(!l.error.isError(), qPrintable(l.error.message));
    QCOMPARE(l.events.size(), 40);
    QCOMPARE(l.pages, 8);
    // Every page after the first waited for its slot (one request at a time, 50 ms apart).
    QVERIFY2(waits.size() >= 5, qPrintable(waits.join(u'\n')));
    QVERIFY(waits.first().contains(QLatin1String("at most 20.00 requests/s")));
}

void TestLogsClient::pacerArithmetic()
{
    aws::RequestPacer p;
    const QString op = QStringLiteral("FilterLogEvents");
    QCOMPARE(p.acquire(op, 0), 0); // not paced
    p.setRate(op, {5, 2});
    QCOMPARE(p.acquire(op, 100.0), 0); // burst of two
    QCOMPARE(p.acquire(op, 100.0), 0);
    QCOMPARE(p.acquire(op, 100.0), 200); // then 1/5 s apart, in order
    QCOMPARE(p.acquire(op, 100.0), 400);
    QCOMPARE(p.acquire(op, 100.4), 200); // 0.4 s later two slots came back, both promised
    QCOMPARE(p.acquire(op, 110.0), 0); // refilled, up to the burst
    QCOMPARE(p.acquire(op, 110.0), 0);
    QCOMPARE(p.acquire(op, 110.0), 200);
    QCOMPARE(p.acquire(QStringLiteral("GetLogEvents"), 110.0), 0); // per operation
    // Shared by key, created once.
    QCOMPARE(aws::RequestPacer::shared(QStringLiteral("k")),
             aws::RequestPacer::shared(QStringLiteral("k")));
    QVERIFY(aws::RequestPacer::shared(QStringLiteral("k"))
            != aws::RequestPacer::shared(QStringLiteral("j")));
}

void TestLogsClient::maxItemsAndResume()
{
    FakeCloudWatchLogs fake;
    const QList<LogEvent> all = events(25);
    fake.addStream(Group, Stream, all);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    Fixture f(server.url());
    FilterLogEventsRequest r;
    r.logGroupName = Group;
    r.logStreamNames = {Stream};
    r.limit = 10;
    const Listing first = runFilter(&f.client, r, 13);
    QCOMPARE(first.events.size(), 13);
    QVERIFY(!first.resumeToken.isEmpty());
    Paginator *p = Paginator::filterLogEvents(&f.client, r);
    QString error;
    QVERIFY2(p->setStartingToken(first.resumeToken, &error), qPrintable(error));
    QList<LogEvent> rest;
    connect(p, &aws::Paginator::pageLoaded, this, [&rest](aws::ServiceCall *job, int a, int n) {
        rest += static_cast<FilterLogEventsCall *>(job)->page.events.mid(a, n);
    });
    QSignalSpy done(p, &aws::Paginator::finished);
    p->start();
    QVERIFY(done.wait(20000));
    QCOMPARE(first.events.size() + rest.size(), all.size());
    QCOMPARE(rest.first().eventId, all.at(13).eventId);
    delete p;
}

void TestLogsClient::eventsReadOnDemand_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid"); // as a whole page
    const QByteArray event
        = R"({"logStreamName":"s","timestamp":1714564801000,"ingestionTime":)"
          R"(1714564802000,"eventId":"e1","message":"{\"DocumentId\":\"a\\\"b\",)"
          R"(\"T\":\"caf\u00e9 ]},\"}"})";
    const QByteArray second
        = R"({ "message" : "two" , "timestamp" : 2, "extra": [1, {"a": "]"}] })";
    QTest::newRow("events, null, escapes, spaces")
        << QByteArray("{\"nextToken\":\"t/1\",\"events\":[" + event + ", null ,\n " + second
                      + "],\"searchedLogStreams\":[{\"logStreamName\":\"s\","
                        "\"searchedCompletely\":true}]}")
        << true;
    QTest::newRow("no events") << QByteArray(R"({"nextToken":"t"})") << true;
    QTest::newRow("events null") << QByteArray(R"({"events":null})") << true;
    QTest::newRow("events empty") << QByteArray(R"({ "events" : [ ] })") << true;
    QTest::newRow("events not an array") << QByteArray(R"({"events":{"a":1}})") << false;
    QTest::newRow("an event that is a number") << QByteArray(R"({"events":[1]})") << false;
    QTest::newRow("wrong type beside the events")
        << QByteArray("{\"events\":[" + event + "],\"nextToken\":5}") << false;
    QTest::newRow("not JSON") << QByteArray(R"({"events":[)") << false;
    QTest::newRow("an HTML page") << QByteArray("<html><body>Bad gateway</body></html>") << false;
    QTest::newRow("an event with a wrong member type")
        << QByteArray(R"({"events":[{"timestamp":"soon"}]})") << false;
}

// EventReading::OnDemand reads a page as the whole read does: the same events (each read when
// it is asked for), tokens and searched streams, and the same pages refused, the one difference
// being that an event's own members are checked when that event is read.
void TestLogsClient::eventsReadOnDemand()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    FilterLogEventsPage whole;
    QString wholeError;
    QCOMPARE(codec::readFilterLogEvents(body, &whole, &wholeError), valid);
    FilterLogEventsPage pending;
    QString pendingError;
    const bool pageRead = codec::readFilterLogEventsPending(body, &pending, &pendingError);
    if (!pageRead) {
        QVERIFY(!valid);
        QVERIFY(!pendingError.isEmpty());
        return;
    }
    QVERIFY(pending.events.isEmpty());
    QList<LogEvent> read;
    QString eventError;
    for (qsizetype i = 0; i < pending.pending.events.size() && eventError.isEmpty(); ++i) {
        LogEvent e;
        if (codec::readPendingEvent(pending.pending, i, &e, &eventError))
            read.append(e);
    }
    QCOMPARE(eventError.isEmpty(), valid);
    if (!valid) {
        QCOMPARE(eventError, wholeError); // named the same way: "member events[0].timestamp ..."
        return;
    }
    QCOMPARE(read, whole.events);
    QCOMPARE(pending.eventCount(), whole.eventCount());
    QCOMPARE(pending.nextToken, whole.nextToken);
    QCOMPARE(pending.searchedLogStreams.size(), whole.searchedLogStreams.size());
    for (qsizetype i = 0; i < whole.searchedLogStreams.size(); ++i) {
        QCOMPARE(pending.searchedLogStreams.at(i).logStreamName,
                 whole.searchedLogStreams.at(i).logStreamName);
        QCOMPARE(pending.searchedLogStreams.at(i).searchedCompletely,
                 whole.searchedLogStreams.at(i).searchedCompletely);
    }
}

QTEST_GUILESS_MAIN(TestLogsClient)
#include "tst_logsclient.moc"
