// The paginator over real TCP: streaming, max items and resume tokens (also mid-page), loops,
// and fault runs that must neither lose nor repeat a job.
#include "aws/credentialsprovider.h"
#include "emulator/server.h"
#include "fakeqbusiness.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"
#include "rawhttpserver.h"
#include "testsupport.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace syncdeck;
using namespace syncdeck::qbusiness;
using syncdeck::test::FakeQBusiness;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;

namespace {
// The client config for a test server on 127.0.0.1.
ClientConfig configFor(const RawHttpServer &server, int maxAttempts = 3)
{
    ClientConfig c;
    c.endpoint = QUrl::fromEncoded(server.url());
    c.region = QStringLiteral("us-east-1");
    c.maxAttempts = maxAttempts;
    return c;
}

ListSyncJobsRequest syncJobsRequest()
{
    ListSyncJobsRequest r;
    r.applicationId = QString::fromLatin1(FakeQBusiness::ApplicationId);
    r.indexId = QString::fromLatin1(FakeQBusiness::IndexId);
    r.dataSourceId = QString::fromLatin1(FakeQBusiness::DataSourceId);
    return r;
}

struct Listing
{
    QStringList ids;
    int pages = 0;
    AwsError error;
    QString resumeToken;
    bool complete = false;
    bool finishedOnce = false;
};

// One paginator run to its end.
Listing list(Client *client, int pageSize, qint64 maxItems, const QString &startingToken = {})
{
    Listing out;
    std::unique_ptr<Paginator> p(Paginator::listDataSourceSyncJobs(client, syncJobsRequest()));
    p->setPageSize(pageSize);
    p->setMaxItems(maxItems);
    if (!startingToken.isEmpty()) {
        QString error;
        if (!p->setStartingToken(startingToken, &error)) {
            out.error.code = QStringLiteral("BadToken");
            out.error.message = error;
            return out;
        }
    }
    QObject::connect(p.get(), &Paginator::pageLoaded, p.get(),
                     [&out](Call *job, int first, int count) {
                         const auto &history = static_cast<ListSyncJobsCall *>(job)->page.history;
                         for (int i = first; i < first + count; ++i)
                             out.ids.append(history.at(i).executionId);
                         ++out.pages;
                     });
    QSignalSpy finished(p.get(), &Paginator::finished);
    p->start();
    if (!finished.wait(60000) && finished.isEmpty())
        return out;
    syncdeck::test::processQueuedEvents(); // a second finished() would be queued
    out.finishedOnce = finished.count() == 1;
    out.error = p->error();
    out.resumeToken = p->resumeToken();
    out.complete = p->isComplete();
    return out;
}

QStringList allIds(int total)
{
    QStringList ids;
    for (int i = total - 1; i >= 0; --i)
        ids.append(FakeQBusiness::executionId(i));
    return ids;
}
} // namespace

class TestPaginator : public QObject
{
    Q_OBJECT
private slots:
    void streamsEveryPage();
    void maxItemsResumesExactly_data();
    void maxItemsResumesExactly();
    void repeatedTokenStops();
    void faultRunReturnsEveryJobOnce();
    void emulatorFaultRunReturnsEveryJobOnce();
    void faultsBeyondBudgetGiveAResumeToken();
    void singlePage();
    void nextRequestIsSentBeforeDelivery_data();
    void nextRequestIsSentBeforeDelivery();
    void heldListingWaitsForRelease();
    void abortWhileDelivering();
    void startingTokens_data();
    void startingTokens();
};

void TestPaginator::streamsEveryPage()
{
    FakeQBusiness::Options options;
    options.jobs = 95;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    const Listing l = list(&client, 10, 0);
    QVERIFY2(!l.error.isError(), qPrintable(l.error.message));
    QVERIFY(l.finishedOnce);
    QVERIFY(l.complete);
    QVERIFY(l.resumeToken.isEmpty());
    QCOMPARE(l.pages, 10);
    QCOMPARE(l.ids, allIds(95));
    QCOMPARE(fake.signatureFailures(), 0);
    // One keep-alive connection carries the whole listing.
    QCOMPARE(server.connectionCount(), 1);
}

void TestPaginator::maxItemsResumesExactly_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("maxItems");
    QTest::newRow("mid-page cuts") << 47 << 10 << 7;
    QTest::newRow("page-aligned cuts") << 40 << 10 << 20;
    QTest::newRow("one at a time") << 12 << 5 << 1;
    QTest::newRow("larger than pages") << 33 << 4 << 9;
    QTest::newRow("max beyond total") << 8 << 3 << 100;
}

void TestPaginator::maxItemsResumesExactly()
{
    QFETCH(int, total);
    QFETCH(int, pageSize);
    QFETCH(int, maxItems);
    FakeQBusiness::Options options;
    options.jobs = total;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);

    QStringList seen;
    QString token;
    int runs = 0;
    do {
        const Listing l = list(&client, pageSize, maxItems, token);
        QVERIFY2(!l.error.isError(), qPrintable(l.error.message));
        QVERIFY(l.ids.size() <= maxItems);
        seen += l.ids;
        token = l.resumeToken;
        QCOMPARE(l.complete, token.isEmpty());
        QVERIFY(++runs <= total + 1);
    } while (!token.isEmpty());
    QCOMPARE(seen, allIds(total));
}

void TestPaginator::repeatedTokenStops()
{
    int calls = 0;
    RawHttpServer server([&calls](const RawHttpRequest &r) {
        ++calls;
        // Page 1 -> token A, page A -> token B, page B -> token A again: a loop.
        QByteArray next = "A";
        if (r.query.contains("nextToken=A"))
            next = "B";
        return RawHttpReply::json(200,
                                  R"({"history":[{"executionId":"e)" + QByteArray::number(calls)
                                      + R"("}],"nextToken":")" + next + R"("})");
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    const Listing l = list(&client, 0, 0);
    QCOMPARE(l.error.code, QStringLiteral("RepeatedNextToken"));
    QVERIFY(l.error.message.contains(QLatin1String("already returned")));
    QCOMPARE(l.ids,
             (QStringList {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QCOMPARE(calls, 3);
    QVERIFY(!l.complete);
}

void TestPaginator::faultRunReturnsEveryJobOnce()
{
    FakeQBusiness::Options options;
    options.jobs = 5000;
    options.seed = 20240501;
    options.throttleRate = 0.30;
    options.serverErrorRate = 0.05;
    options.resetRate = 0.02;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config
        = configFor(server, 25); // generous: the point is exactly-once, not giving up
    Client client(config, &creds);
    client.setBackoff([](int) { return 0; }); // the AWS formula is tested in tst_retrystrategy
    const Listing l = list(&client, 10, 0);
    QVERIFY2(!l.error.isError(), qPrintable(l.error.code + u' ' + l.error.message));
    QVERIFY(l.complete);
    QCOMPARE(l.ids.size(), 5000);
    QCOMPARE(QSet<QString>(l.ids.begin(), l.ids.end()).size(), 5000);
    QCOMPARE(l.ids, allIds(5000));
    QVERIFY2(fake.faultsInjected() > 300, "the fault plan did not inject faults");
    qInfo("5000 jobs in %d pages through %d injected faults", l.pages, fake.faultsInjected());
}

void TestPaginator::emulatorFaultRunReturnsEveryJobOnce()
{
    // The same run against the real emulator: 30% throttling, 5% 500s (HTML bodies), 2% resets.
    emulator::Options options;
    options.applications = 1;
    options.dataSourcesPerIndex = 1;
    options.jobsPerDataSource = 5000;
    options.seed = 5000;
    options.faults.throttle = 0.30;
    options.faults.error500 = 0.05;
    options.faults.reset = 0.02;
    emulator::Server server(options);
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
    aws::StaticCredentialsProvider creds(c);
    ClientConfig config;
    config.endpoint = server.url();
    config.region = QString::fromLatin1(emulator::DefaultRegion);
    config.maxAttempts = 25;
    Client client(config, &creds);
    client.setBackoff([](int) { return 0; });

    // Discovery goes through the same faults.
    const auto runJob = [](Call *job) {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Call::finished);
        job->start();
        return spy.wait(30000) || spy.count() == 1;
    };
    std::unique_ptr<ListApplicationsCall> apps(client.listApplications());
    QVERIFY(runJob(apps.get()));
    QVERIFY2(!apps->error().isError(), qPrintable(apps->error().message));
    ListSyncJobsRequest request;
    request.applicationId = apps->applications.value(0).applicationId;
    std::unique_ptr<ListIndicesCall> indices(client.listIndices(request.applicationId));
    QVERIFY(runJob(indices.get()));
    request.indexId = indices->indices.value(0).indexId;
    std::unique_ptr<ListDataSourcesCall> sources(
        client.listDataSources(request.applicationId, request.indexId));
    QVERIFY(runJob(sources.get()));
    request.dataSourceId = sources->dataSources.value(0).dataSourceId;
    QVERIFY(!request.dataSourceId.isEmpty());

    std::unique_ptr<Paginator> p(Paginator::listDataSourceSyncJobs(&client, request));
    p->setPageSize(10);
    QStringList ids;
    int attempts = 0;
    connect(&client, &Client::attemptLogged, this, [&attempts] { ++attempts; });
    connect(p.get(), &Paginator::pageLoaded, this, [&ids](Call *job, int first, int count) {
        const auto &history = static_cast<ListSyncJobsCall *>(job)->page.history;
        for (int i = first; i < first + count; ++i)
            ids.append(history.at(i).executionId);
    });
    QSignalSpy finished(p.get(), &Paginator::finished);
    p->start();
    QVERIFY(finished.wait(120000));
    QVERIFY2(!p->error().isError(), qPrintable(p->error().code + u' ' + p->error().message));
    QVERIFY(p->isComplete());
    QCOMPARE(ids.size(), 5000);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 5000);
    QVERIFY2(attempts > p->pageCount() + 200, "the emulator injected too few faults");
    qInfo("emulator: 5000 jobs in %d pages, %d attempts", p->pageCount(), attempts);
}

void TestPaginator::faultsBeyondBudgetGiveAResumeToken()
{
    FakeQBusiness::Options options;
    options.jobs = 60;
    FakeQBusiness healthy(options);
    int calls = 0;
    RawHttpServer server([&](const RawHttpRequest &r) {
        // Pages 1-3 fine, then the service throttles every request.
        if (++calls > 3)
            return RawHttpReply::awsError(429, "ThrottlingException", "Rate exceeded",
                                          "req-throttled");
        return healthy.handle(r);
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config = configFor(server, 3);
    Client client(config, &creds);
    client.setBackoff([](int) { return 0; });
    const Listing broken = list(&client, 10, 0);
    QCOMPARE(broken.error.code, QStringLiteral("ThrottlingException"));
    QCOMPARE(broken.error.requestId, QStringLiteral("req-throttled"));
    QCOMPARE(broken.ids.size(), 30);
    QVERIFY(!broken.complete);
    QVERIFY(!broken.resumeToken.isEmpty());

    // The service recovers; the token resumes exactly after the last delivered job.
    server.setHandler(healthy.handler());
    const Listing rest = list(&client, 10, 0, broken.resumeToken);
    QVERIFY2(!rest.error.isError(), qPrintable(rest.error.message));
    QCOMPARE(broken.ids + rest.ids, allIds(60));
}

void TestPaginator::singlePage()
{
    FakeQBusiness::Options options;
    options.jobs = 30;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    std::unique_ptr<Paginator> p(Paginator::listDataSourceSyncJobs(&client, syncJobsRequest()));
    p->setSinglePage(true);
    p->setPageSize(4);
    QSignalSpy pages(p.get(), &Paginator::pageLoaded);
    QSignalSpy finished(p.get(), &Paginator::finished);
    p->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(pages.count(), 1);
    QCOMPARE(p->itemCount(), 4);
    QVERIFY(!p->lastServiceToken().isEmpty());
    QCOMPARE(server.requests().size(), 1);
    // The raw service token works as a starting token too.
    const Listing rest = list(&client, 4, 0, p->lastServiceToken());
    QCOMPARE(rest.ids, allIds(30).mid(4));
}

void TestPaginator::nextRequestIsSentBeforeDelivery_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<qint64>("maxItems");
    QTest::addColumn<int>("expectedRequests");
    QTest::newRow("whole listing") << 45 << qint64(0) << 5;
    QTest::newRow("max items mid-page") << 45 << qint64(25) << 3;
    QTest::newRow("max items at a page end") << 45 << qint64(20) << 2;
    QTest::newRow("one page") << 7 << qint64(0) << 1;
}

void TestPaginator::nextRequestIsSentBeforeDelivery()
{
    // While the caller works on page N, the request for page N+1 is already signed and handed
    // to the network; no request is made that --max-items would not use.
    QFETCH(int, jobs);
    QFETCH(qint64, maxItems);
    QFETCH(int, expectedRequests);
    FakeQBusiness::Options options;
    options.jobs = jobs;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    QList<QPointer<Call>> created;
    Paginator p(
        [&](const QString &token, int pageSize) -> Call * {
            ListSyncJobsRequest r = syncJobsRequest();
            r.nextToken = token;
            r.maxResults = pageSize;
            created.append(client.listDataSourceSyncJobs(r));
            return created.constLast();
        },
        [](Call *job) {
            auto *j = static_cast<ListSyncJobsCall *>(job);
            return Paginator::PageInfo {int(j->page.history.size()), j->page.nextToken};
        });
    p.setPageSize(10);
    p.setMaxItems(maxItems);
    QStringList ids;
    int pages = 0;
    bool finishedBeforeAPage = false;
    connect(&p, &Paginator::pageLoaded, &p, [&](Call *job, int first, int count) {
        ++pages;
        const auto &history = static_cast<ListSyncJobsCall *>(job)->page.history;
        for (int i = first; i < first + count; ++i)
            ids.append(history.at(i).executionId);
        finishedBeforeAPage = finishedBeforeAPage || p.isFinished();
        if (pages < expectedRequests) {
            // The next page's job exists and its request has been sent.
            QCOMPARE(created.size(), pages + 1);
            QVERIFY(created.constLast());
            QVERIFY(!created.constLast()->lastRequest().url.isEmpty());
        } else {
            QCOMPARE(created.size(), pages);
        }
    });
    QSignalSpy finished(&p, &Paginator::finished);
    p.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(!p.error().isError(), qPrintable(p.error().message));
    QVERIFY(!finishedBeforeAPage);
    QCOMPARE(created.size(), expectedRequests);
    QCOMPARE(pages, expectedRequests);
    QCOMPARE(ids, allIds(jobs).mid(0, maxItems > 0 ? int(maxItems) : jobs));
    QCOMPARE(p.itemCount(), qint64(ids.size()));
    syncdeck::test::processQueuedEvents();
    QCOMPARE(finished.count(), 1);
}

void TestPaginator::heldListingWaitsForRelease()
{
    // Backpressure: held while page 1 is delivered, the page already asked for still arrives
    // and is delivered, but no request follows it until the caller releases the listing.
    FakeQBusiness::Options options;
    options.jobs = 45;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    int created = 0;
    Paginator p(
        [&](const QString &token, int pageSize) -> Call * {
            ListSyncJobsRequest r = syncJobsRequest();
            r.nextToken = token;
            r.maxResults = pageSize;
            ++created;
            return client.listDataSourceSyncJobs(r);
        },
        [](Call *job) {
            auto *j = static_cast<ListSyncJobsCall *>(job);
            return Paginator::PageInfo {int(j->page.history.size()), j->page.nextToken};
        });
    p.setPageSize(10);
    QStringList ids;
    QList<int> createdAtPage;
    connect(&p, &Paginator::pageLoaded, &p, [&](Call *job, int first, int count) {
        const auto &history = static_cast<ListSyncJobsCall *>(job)->page.history;
        for (int i = first; i < first + count; ++i)
            ids.append(history.at(i).executionId);
        createdAtPage.append(created);
        if (createdAtPage.size() == 1)
            p.setHeld(true);
        else if (createdAtPage.size() == 2)
            QTimer::singleShot(0, &p, [&p] { p.setHeld(false); });
    });
    QSignalSpy finished(&p, &Paginator::finished);
    p.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(!p.error().isError(), qPrintable(p.error().message));
    // Page 2 was on the wire when the hold came; page 3 was asked for only after the release.
    QCOMPARE(createdAtPage.value(0), 2);
    QCOMPARE(createdAtPage.value(1), 2);
    QCOMPARE(createdAtPage.value(2), 4);
    QCOMPARE(ids, allIds(45));
    QCOMPARE(created, 5);
}

void TestPaginator::abortWhileDelivering()
{
    // A caller that stops the listing while a page is delivered (Ctrl-C, a closed pipe) aborts
    // the request already on the wire; the resume token starts right after the delivered page.
    FakeQBusiness::Options options;
    options.jobs = 50;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server), &creds);
    std::unique_ptr<Paginator> p(Paginator::listDataSourceSyncJobs(&client, syncJobsRequest()));
    p->setPageSize(10);
    QStringList ids;
    connect(p.get(), &Paginator::pageLoaded, p.get(), [&](Call *job, int first, int count) {
        const auto &history = static_cast<ListSyncJobsCall *>(job)->page.history;
        for (int i = first; i < first + count; ++i)
            ids.append(history.at(i).executionId);
        if (ids.size() == 20)
            p->abort();
    });
    QSignalSpy finished(p.get(), &Paginator::finished);
    p->start();
    QVERIFY(finished.wait(20000));
    syncdeck::test::processQueuedEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(p->error().code, QStringLiteral("Aborted"));
    QCOMPARE(ids, allIds(50).mid(0, 20));
    QVERIFY(!p->resumeToken().isEmpty());
    const Listing rest = list(&client, 10, 0, p->resumeToken());
    QVERIFY2(!rest.error.isError(), qPrintable(rest.error.message));
    QCOMPARE(ids + rest.ids, allIds(50));
}

void TestPaginator::startingTokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("ours, mid-page") << Paginator::encodeToken(QStringLiteral("abc"), 3, 10) << true;
    QTest::newRow("aws cli shape") << QString::fromLatin1(
        QByteArray(R"({"nextToken": "abc", "boto_truncate_amount": 2})").toBase64())
                                   << true;
    QTest::newRow("negative skip") << QString::fromLatin1(
        QByteArray(R"({"nextToken":"abc","boto_truncate_amount":-2})").toBase64())
                                   << false;
    QTest::newRow("token not a string")
        << QString::fromLatin1(QByteArray(R"({"nextToken":5})").toBase64()) << false;
    QTest::newRow("raw service token") << QStringLiteral("not+base64/json==") << true;
}

void TestPaginator::startingTokens()
{
    QFETCH(QString, token);
    QFETCH(bool, accepted);
    Paginator p([](const QString &, int) -> Call * { return nullptr; },
                [](Call *) { return Paginator::PageInfo {}; });
    QString error;
    QCOMPARE(p.setStartingToken(token, &error), accepted);
    QCOMPARE(error.isEmpty(), accepted);
}

QTEST_GUILESS_MAIN(TestPaginator)
#include "tst_paginator.moc"
