// The Q Business client over real TCP on 127.0.0.1: wire bytes, signing, retries, clock skew,
// timeouts, body limits and the job contract.
#include "aws/credentialsprovider.h"
#include "aws/proxysettings.h"
#include "fakeqbusiness.h"
#include "qbusiness/client.h"
#include "rawhttpserver.h"
#include "testsupport.h"

#include <syncdeck/version.h>

#include <QJsonArray>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace syncdeck;
using namespace syncdeck::qbusiness;
using syncdeck::test::FakeQBusiness;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;

namespace {
ClientConfig configFor(const QByteArray &url, int maxAttempts = 3)
{
    ClientConfig c;
    c.endpoint = QUrl::fromEncoded(url);
    c.region = QString::fromLatin1(FakeQBusiness::Region);
    c.maxAttempts = maxAttempts;
    return c;
}

// Runs a job to its end; false when finished() did not come within the bound.
bool runJob(Call *job, int timeoutMs = 20000)
{
    QSignalSpy spy(job, &Call::finished);
    job->start();
    return spy.wait(timeoutMs) || spy.count() == 1;
}

ListSyncJobsRequest syncJobsRequest(const QString &token = {})
{
    ListSyncJobsRequest r;
    r.applicationId = QString::fromLatin1(FakeQBusiness::ApplicationId);
    r.indexId = QString::fromLatin1(FakeQBusiness::IndexId);
    r.dataSourceId = QString::fromLatin1(FakeQBusiness::DataSourceId);
    r.nextToken = token;
    return r;
}

QByteArray okPage()
{
    return R"({"history":[{"executionId":"e1","status":"SUCCEEDED"}]})";
}
} // namespace

class TestClient : public QObject
{
    Q_OBJECT
private slots:
    void wireBytesAreTheSignedBytes_data();
    void wireBytesAreTheSignedBytes();
    void sdkHeadersAndResigning();
    void retries_data();
    void retries();
    void readTimeout();
    void connectTimeout();
    void retryQuotaIsSharedPerClient();
    void clockSkew_data();
    void clockSkew();
    void bodyLimit_data();
    void bodyLimit();
    void startAndStopSendNoBody();
    void errorsCarryModeledFields();
    void abortFinishesOnce();
    void abortBeforeStart();
    void jobOutlivesItsClient();
    void dryRunSendsNothingAndRedactsToken();
    void missingCredentials();
    void endpointWithPathPrefix();
    void proxyChoice();
    void proxyIsHonoured_data();
    void proxyIsHonoured();
};

void TestClient::wireBytesAreTheSignedBytes_data()
{
    QTest::addColumn<QString>("nextToken");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QByteArray>("expectedQuery");
    QTest::newRow("plus slash equals") << QStringLiteral("ab+cd/ef==") << QString()
                                       << QByteArray("maxResults=5&nextToken=ab%2Bcd%2Fef%3D%3D");
    QTest::newRow("space percent unicode")
        << QStringLiteral("a b%c\u00e9") << QStringLiteral("FAILED")
        << QByteArray("maxResults=5&nextToken=a%20b%25c%C3%A9&syncStatus=FAILED");
    QTest::newRow("reserved characters")
        << QStringLiteral("?&#[]@!$'()*,;:~._-") << QString()
        << QByteArray("maxResults=5&nextToken=%3F%26%23%5B%5D%40%21%24%27%28%29%2A%2C%3B%3A~._-");
}

void TestClient::wireBytesAreTheSignedBytes()
{
    QFETCH(QString, nextToken);
    QFETCH(QString, status);
    QFETCH(QByteArray, expectedQuery);
    // The fake service recomputes the signature from the bytes that arrived, so a request
    // whose wire bytes differ from the signed ones fails with 403.
    FakeQBusiness fake({});
    RawHttpServer server([&fake](const RawHttpRequest &r) {
        const RawHttpReply checked = fake.handle(r);
        // Answer 200 even for the fake's "invalid nextToken": only the signature matters here.
        return checked.bytes.startsWith("HTTP/1.1 403") ? checked
                                                        : RawHttpReply::json(200, okPage());
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url()), &creds);
    ListSyncJobsRequest request = syncJobsRequest(nextToken);
    request.maxResults = 5;
    request.statusFilter = status;
    ListSyncJobsCall *job = client.listDataSourceSyncJobs(request);
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
    QCOMPARE(fake.signatureFailures(), 0);
    QCOMPARE(server.requests().size(), 1);
    const RawHttpRequest &r = server.requests().first();
    QCOMPARE(r.query, expectedQuery);
    QCOMPARE(r.path,
             QByteArray("/applications/") + FakeQBusiness::ApplicationId + "/indices/"
                 + FakeQBusiness::IndexId + "/datasources/" + FakeQBusiness::DataSourceId
                 + "/syncjobs");
    QCOMPARE(server.url() + r.target, job->lastRequest().url);
    QCOMPARE(job->page.history.size(), 1);
    delete job;
}

void TestClient::sdkHeadersAndResigning()
{
    int calls = 0;
    RawHttpServer server([&calls](const RawHttpRequest &) {
        return ++calls < 3 ? RawHttpReply::awsError(503, "ServiceUnavailable", "busy")
                           : RawHttpReply::json(200, okPage());
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url(), 3), &creds);
    QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    client.setClock([&now] {
        now = now.addSecs(1); // every attempt signs at a later time
        return now;
    });
    client.setBackoff([](int) { return 0; });
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest());
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
    QCOMPARE(job->attempts(), 3);
    const QList<RawHttpRequest> &rs = server.requests();
    QCOMPARE(rs.size(), 3);
    const QByteArray invocation = rs.at(0).header("amz-sdk-invocation-id");
    QCOMPARE(invocation.size(), 36);
    QSet<QByteArray> dates, signatures;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rs.at(i).header("amz-sdk-invocation-id"), invocation);
        QCOMPARE(rs.at(i).header("amz-sdk-request"),
                 "attempt=" + QByteArray::number(i + 1) + "; max=3");
        QCOMPARE(rs.at(i).header("User-Agent"), QByteArray("syncdeck/") + Version);
        QVERIFY(rs.at(i).header("Authorization").contains("amz-sdk-request"));
        QVERIFY(!rs.at(i).hasHeader("Content-Type"));
        dates.insert(rs.at(i).header("X-Amz-Date"));
        signatures.insert(rs.at(i).header("Authorization"));
    }
    QCOMPARE(dates.size(), 3);
    QCOMPARE(signatures.size(), 3);
    delete job;

    // A second call gets a new invocation id.
    auto *second = client.listDataSourceSyncJobs(syncJobsRequest());
    second->setAutoDelete(false);
    QVERIFY(runJob(second));
    QVERIFY(server.requests().last().header("amz-sdk-invocation-id") != invocation);
    delete second;
}

void TestClient::retries_data()
{
    // Replies in order: "429", "500", "502html", "503empty", "400", "reset", "truncated",
    // "malformed", "ok". The last entry repeats.
    QTest::addColumn<QStringList>("replies");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("expectedAttempts");
    QTest::addColumn<QString>("expectedCode"); // empty: success
    QTest::addColumn<bool>("retryable");
    QTest::newRow("throttled twice then ok")
        << QStringList {QStringLiteral("429"), QStringLiteral("429"), QStringLiteral("ok")} << 3
        << 3 << QString() << false;
    QTest::newRow("throttled beyond attempts") << QStringList {QStringLiteral("429")} << 3 << 3
                                               << QStringLiteral("ThrottlingException") << true;
    QTest::newRow("500 then ok") << QStringList {QStringLiteral("500"), QStringLiteral("ok")} << 3
                                 << 2 << QString() << false;
    QTest::newRow("html 502 is an error, retried")
        << QStringList {QStringLiteral("502html")} << 2 << 2 << QStringLiteral("502") << true;
    QTest::newRow("empty 503 then ok")
        << QStringList {QStringLiteral("503empty"), QStringLiteral("ok")} << 3 << 2 << QString()
        << false;
    QTest::newRow("validation not retried")
        << QStringList {QStringLiteral("400"), QStringLiteral("ok")} << 3 << 1
        << QStringLiteral("ValidationException") << false;
    // Qt's HTTP layer itself may resend a request whose connection died before any response
    // byte, so the number of our attempts after a reset is Qt's business (-1: not checked).
    QTest::newRow("reset then ok") << QStringList {QStringLiteral("reset"), QStringLiteral("ok")}
                                   << 3 << -1 << QString() << false;
    QTest::newRow("resets beyond attempts") << QStringList {QStringLiteral("reset")} << 2 << 2
                                            << QStringLiteral("ConnectionError") << true;
    QTest::newRow("truncated body retried")
        << QStringList {QStringLiteral("truncated"), QStringLiteral("ok")} << 3 << 2 << QString()
        << false;
    QTest::newRow("malformed not retried")
        << QStringList {QStringLiteral("malformed"), QStringLiteral("ok")} << 3 << 1
        << QStringLiteral("MalformedResponse") << false;
    QTest::newRow("max attempts 1 disables retries")
        << QStringList {QStringLiteral("429"), QStringLiteral("ok")} << 1 << 1
        << QStringLiteral("ThrottlingException") << true;
}

void TestClient::retries()
{
    QFETCH(QStringList, replies);
    QFETCH(int, maxAttempts);
    QFETCH(int, expectedAttempts);
    QFETCH(QString, expectedCode);
    QFETCH(bool, retryable);
    int n = 0;
    RawHttpServer server([&](const RawHttpRequest &) {
        const QString kind = replies.value(std::min<int>(n++, int(replies.size()) - 1));
        if (kind == QLatin1String("429"))
            return RawHttpReply::awsError(429, "ThrottlingException", "Rate exceeded");
        if (kind == QLatin1String("500"))
            return RawHttpReply::awsError(500, "InternalServerException", "oops");
        if (kind == QLatin1String("502html"))
            return RawHttpReply::response(502, "<html><h1>502 Bad Gateway</h1></html>",
                                          "text/html");
        if (kind == QLatin1String("503empty"))
            return RawHttpReply::response(503, {}, {});
        if (kind == QLatin1String("400"))
            return RawHttpReply::awsError(400, "ValidationException", "bad", "r",
                                          "\"reason\":\"FIELD_VALIDATION_FAILED\"");
        if (kind == QLatin1String("reset"))
            return RawHttpReply::reset();
        if (kind == QLatin1String("truncated"))
            return RawHttpReply::raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                     "Content-Length: 500\r\n\r\n{\"history\":[",
                                     RawHttpReply::Action::Reset);
        if (kind == QLatin1String("malformed"))
            return RawHttpReply::json(200, "{\"history\":[{\"executionId\":");
        return RawHttpReply::json(200, okPage());
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url(), maxAttempts), &creds);
    client.setBackoff([](int) { return 0; });
    QStringList log;
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest());
    job->setAutoDelete(false);
    connect(job, &Call::attemptLogged, this, [&log](const QString &line) { log.append(line); });
    QVERIFY(runJob(job));
    if (expectedAttempts > 0)
        QCOMPARE(job->attempts(), expectedAttempts);
    QCOMPARE(int(log.size()), job->attempts());
    QCOMPARE(job->error().code, expectedCode);
    if (!expectedCode.isEmpty()) {
        QCOMPARE(job->error().retryable, retryable);
        QVERIFY(!job->error().message.isEmpty());
        QVERIFY(log.last().contains(QLatin1String("giving up")));
    } else {
        QCOMPARE(job->page.history.size(), 1);
    }
    delete job;
}

void TestClient::readTimeout()
{
    RawHttpServer server([](const RawHttpRequest &) { return RawHttpReply::stall(); });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config = configFor(server.url(), 2);
    config.readTimeoutMs = 200;
    Client client(config, &creds);
    client.setBackoff([](int) { return 0; });
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest());
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QCOMPARE(job->error().kind, AwsError::Kind::Timeout);
    QCOMPARE(job->error().code, QStringLiteral("ReadTimeout"));
    QCOMPARE(job->attempts(), 2);
    // A retry after a timeout costs 10 tokens.
    QCOMPARE(client.retryQuotaAvailable(), 490);
    delete job;
}

void TestClient::connectTimeout()
{
    // A listening socket with a full backlog that never accepts: the kernel drops further SYNs,
    // so a connect hangs until SyncDeck's connect timeout fires.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&addr), len) == 0);
    QVERIFY(::listen(listener, 0) == 0);
    QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len) == 0);
    QList<int> fillers;
    for (int i = 0; i < 4; ++i) {
        const int f = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(f, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        fillers.append(f);
    }
    QTest::qWait(100);
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config
        = configFor("http://127.0.0.1:" + QByteArray::number(ntohs(addr.sin_port)), 1);
    config.connectTimeoutMs = 300;
    Client client(config, &creds);
    auto *job = client.listApplications();
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    for (const int f : std::as_const(fillers))
        ::close(f);
    ::close(listener);
    QCOMPARE(job->error().kind, AwsError::Kind::Timeout);
    QCOMPARE(job->error().code, QStringLiteral("ConnectTimeout"));
    QVERIFY(job->error().retryable);
    QVERIFY(job->error().message.contains(QLatin1String("300 ms")));
    delete job;
}

void TestClient::retryQuotaIsSharedPerClient()
{
    RawHttpServer server([](const RawHttpRequest &) {
        return RawHttpReply::awsError(500, "InternalServerException", "down");
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url(), 3), &creds);
    client.setBackoff([](int) { return 0; });
    // Each failing call takes two retries (10 tokens): 50 calls empty the bucket.
    for (int i = 0; i < 50; ++i) {
        auto *job = client.listApplications();
        job->setAutoDelete(false);
        QVERIFY(runJob(job));
        QCOMPARE(job->attempts(), 3);
        delete job;
    }
    QCOMPARE(client.retryQuotaAvailable(), 0);
    auto *starved = client.listApplications();
    starved->setAutoDelete(false);
    QVERIFY(runJob(starved));
    QCOMPARE(starved->attempts(), 1);
    QCOMPARE(starved->error().code, QStringLiteral("InternalServerException"));
    QVERIFY(!starved->error().nextStep.isEmpty());
    delete starved;

    // Another client has its own bucket.
    Client other(configFor(server.url(), 3), &creds);
    other.setBackoff([](int) { return 0; });
    auto *fresh = other.listApplications();
    fresh->setAutoDelete(false);
    QVERIFY(runJob(fresh));
    QCOMPARE(fresh->attempts(), 3);
    delete fresh;
}

void TestClient::clockSkew_data()
{
    QTest::addColumn<qint64>("serverOffsetMs");
    QTest::newRow("service 15 min ahead") << qint64(15 * 60 * 1000);
    QTest::newRow("service 15 min behind") << qint64(-15 * 60 * 1000);
}

void TestClient::clockSkew()
{
    QFETCH(qint64, serverOffsetMs);
    FakeQBusiness::Options options;
    options.serverClockOffsetMs = serverOffsetMs;
    FakeQBusiness fake(options);
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url(), 3), &creds);
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest());
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
    QCOMPARE(job->attempts(), 2);
    QVERIFY(std::llabs(client.clockSkewMs() - serverOffsetMs) < 5000);
    QCOMPARE(client.retryQuotaAvailable(), 500);
    delete job;
    // Later calls sign with the corrected time at once.
    auto *next = client.listDataSourceSyncJobs(syncJobsRequest());
    next->setAutoDelete(false);
    QVERIFY(runJob(next));
    QVERIFY(!next->error().isError());
    QCOMPARE(next->attempts(), 1);
    QCOMPARE(fake.signatureFailures(), 1);
    delete next;
}

void TestClient::bodyLimit_data()
{
    QTest::addColumn<bool>("withContentLength");
    QTest::newRow("declared by Content-Length") << true;
    QTest::newRow("streamed without length") << false;
}

void TestClient::bodyLimit()
{
    QFETCH(bool, withContentLength);
    const QByteArray big = "{\"history\":[" + QByteArray(4096, ' ') + "]}";
    RawHttpServer server([&](const RawHttpRequest &) {
        if (withContentLength)
            return RawHttpReply::json(200, big);
        return RawHttpReply::raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                 "Connection: close\r\n\r\n"
                                     + big,
                                 RawHttpReply::Action::SendAndClose);
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config = configFor(server.url(), 3);
    config.maxResponseBytes = 1024;
    Client client(config, &creds);
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest());
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QCOMPARE(job->error().code, QStringLiteral("ResponseTooLarge"));
    QCOMPARE(job->error().kind, AwsError::Kind::Client);
    QVERIFY(job->error().message.contains(QLatin1String("1024-byte limit")));
    QCOMPARE(job->attempts(), 1);
    delete job;
}

void TestClient::startAndStopSendNoBody()
{
    FakeQBusiness fake({});
    RawHttpServer server(fake.handler());
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url()), &creds);
    const QString a = QString::fromLatin1(FakeQBusiness::ApplicationId);
    const QString i = QString::fromLatin1(FakeQBusiness::IndexId);
    const QString d = QString::fromLatin1(FakeQBusiness::DataSourceId);
    auto *start = client.startDataSourceSyncJob(a, i, d);
    start->setAutoDelete(false);
    QVERIFY(runJob(start));
    QVERIFY2(!start->error().isError(), qPrintable(start->error().message));
    QCOMPARE(start->executionId, FakeQBusiness::executionId(25));
    auto *again = client.startDataSourceSyncJob(a, i, d);
    again->setAutoDelete(false);
    QVERIFY(runJob(again));
    QCOMPARE(again->error().code, QStringLiteral("ConflictException"));
    QCOMPARE(again->error().httpStatus, 409);
    QCOMPARE(again->attempts(), 1);
    auto *stop = client.stopDataSourceSyncJob(a, i, d);
    stop->setAutoDelete(false);
    QVERIFY(runJob(stop));
    QVERIFY(!stop->error().isError());
    QCOMPARE(fake.signatureFailures(), 0);
    for (const RawHttpRequest &r : server.requests()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QVERIFY(!r.hasHeader("Content-Type"));
        QVERIFY(r.body.isEmpty());
    }
    delete start;
    delete again;
    delete stop;
}

void TestClient::errorsCarryModeledFields()
{
    RawHttpServer server([](const RawHttpRequest &) {
        return RawHttpReply::awsError(
            400, "ValidationException", "Input is invalid", "rid-42",
            R"("reason":"FIELD_VALIDATION_FAILED","fields":[{"name":"maxResults","message":"must be at most 10"}])");
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url()), &creds);
    auto *job = client.getDataSource(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"));
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    const AwsError &e = job->error();
    QCOMPARE(e.kind, AwsError::Kind::Service);
    QCOMPARE(e.code, QStringLiteral("ValidationException"));
    QCOMPARE(e.message, QStringLiteral("Input is invalid"));
    QCOMPARE(e.requestId, QStringLiteral("rid-42"));
    QCOMPARE(e.httpStatus, 400);
    QCOMPARE(e.fields.value(QLatin1String("reason")).toString(),
             QStringLiteral("FIELD_VALIDATION_FAILED"));
    QCOMPARE(e.fields.value(QLatin1String("fields")).toArray().size(), 1);
    QVERIFY(!e.retryable);
    delete job;
}

void TestClient::abortFinishesOnce()
{
    RawHttpServer server([](const RawHttpRequest &) { return RawHttpReply::stall(); });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url()), &creds);
    QPointer<ListApplicationsCall> job = client.listApplications();
    QSignalSpy finished(job.data(), &Call::finished);
    QSignalSpy destroyed(job.data(), &QObject::destroyed);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
    job->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->error().kind, AwsError::Kind::Aborted);
    job->abort();
    QTRY_COMPARE_WITH_TIMEOUT(destroyed.count(), 1, 5000); // autoDelete
    QCOMPARE(finished.count(), 1);
}

void TestClient::abortBeforeStart()
{
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor("http://127.0.0.1:9"), &creds);
    auto *job = client.listApplications();
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Call::finished);
    job->abort();
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    syncdeck::test::processQueuedEvents(); // and not a second time
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->attempts(), 0);
    delete job;
}

void TestClient::jobOutlivesItsClient()
{
    RawHttpServer server([](const RawHttpRequest &) {
        return RawHttpReply::awsError(429, "ThrottlingException", "slow down");
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    auto client = std::make_unique<Client>(configFor(server.url(), 5), &creds);
    client->setBackoff([](int) { return 200; });
    std::unique_ptr<ListApplicationsCall> job(client->listApplications());
    job->setParent(nullptr); // the caller owns it now
    job->setAutoDelete(false);
    QSignalSpy finished(job.get(), &Call::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
    client.reset(); // while the job waits to retry
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->error().code, QStringLiteral("NoClient"));
}

void TestClient::dryRunSendsNothingAndRedactsToken()
{
    RawHttpServer server([](const RawHttpRequest &) { return RawHttpReply::json(200, "{}"); });
    QVERIFY(server.listen());
    const QString token = QStringLiteral("SESSIONTOKEN-very-secret-value");
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials(token));
    ClientConfig config = configFor(server.url());
    config.dryRun = true;
    Client client(config, &creds);
    auto *job = client.listDataSourceSyncJobs(syncJobsRequest(QStringLiteral("t+/=")));
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QVERIFY(!job->error().isError());
    syncdeck::test::processQueuedEvents();
    QCOMPARE(server.requests().size(), 0);
    const SentRequest &r = job->lastRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QVERIFY(r.url.endsWith("/syncjobs?nextToken=t%2B%2F%3D"));
    bool sawToken = false, sawAuthorization = false;
    for (const auto &h : r.headers) {
        QVERIFY(!h.second.contains(token.toUtf8()));
        QVERIFY(!h.second.contains(FakeQBusiness::SecretAccessKey));
        if (h.first.compare("x-amz-security-token", Qt::CaseInsensitive) == 0) {
            sawToken = true;
            QCOMPARE(h.second, QByteArray("** REDACTED **"));
        }
        sawAuthorization = sawAuthorization || h.first == "Authorization";
    }
    QVERIFY(sawToken);
    QVERIFY(sawAuthorization);
    delete job;
}

void TestClient::missingCredentials()
{
    aws::StaticCredentialsProvider creds(aws::Credentials {});
    Client client(configFor("http://127.0.0.1:9"), &creds);
    auto *job = client.listApplications();
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QCOMPARE(job->error().kind, AwsError::Kind::Credentials);
    QVERIFY(!job->error().nextStep.isEmpty());
    delete job;
}

void TestClient::endpointWithPathPrefix()
{
    FakeQBusiness fake({});
    RawHttpServer server([&fake](const RawHttpRequest &r) {
        RawHttpRequest inner = r;
        if (!inner.path.startsWith("/prefix/"))
            return RawHttpReply::awsError(404, "NotFound", "no prefix");
        // The signature covers the full path: verify it before stripping the prefix.
        const RawHttpReply checked = fake.handle(r);
        if (checked.bytes.startsWith("HTTP/1.1 403"))
            return checked;
        return RawHttpReply::json(200, R"({"applications":[]})");
    });
    QVERIFY(server.listen());
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    Client client(configFor(server.url() + "/prefix/"), &creds);
    auto *job = client.listApplications(QString(), 50);
    job->setAutoDelete(false);
    QVERIFY(runJob(job));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
    QCOMPARE(server.requests().value(0).target, QByteArray("/prefix/applications?maxResults=50"));
    delete job;
}

void TestClient::proxyChoice()
{
    // Qt's own answer, except "no proxy" for plain http becomes "the default proxy" (a buffered
    // socket that resolves to a direct connection).
    aws::ProxyFactory factory;
    const QNetworkProxyQuery http(QUrl(QStringLiteral("http://qbusiness.invalid:8080/a")));
    const QNetworkProxyQuery loopback(QUrl(QStringLiteral("http://127.0.0.1:8080/a")));
    const QNetworkProxyQuery https(QUrl(QStringLiteral("https://qbusiness.us-east-1.api.aws/")));
    QCOMPARE(factory.queryProxy(http).value(0).type(), QNetworkProxy::DefaultProxy);
    QCOMPARE(factory.queryProxy(https).value(0).type(), QNetworkProxy::NoProxy);
    QCOMPARE(factory.queryProxy(loopback).value(0).type(), QNetworkProxy::DefaultProxy);

    const QNetworkProxy corporate(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 3128);
    QNetworkProxy::setApplicationProxy(corporate);
    const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy({}); });
    QCOMPARE(factory.queryProxy(http).value(0), corporate);
    QCOMPARE(factory.queryProxy(https).value(0), corporate);
    // Qt never proxies loopback addresses: still direct, still buffered.
    QCOMPARE(factory.queryProxy(loopback).value(0).type(), QNetworkProxy::DefaultProxy);
}

void TestClient::proxyIsHonoured_data()
{
    QTest::addColumn<bool>("fromEnvironment"); // HTTP_PROXY as resolveSession reads it, or
                                               // a proxy the application sets for itself
    QTest::newRow("application proxy") << false;
    QTest::newRow("HTTP_PROXY") << true;
}

void TestClient::proxyIsHonoured()
{
    // A plain-http request goes to the proxy, in absolute form; a loopback endpoint never does.
    QFETCH(bool, fromEnvironment);
    RawHttpServer proxy([](const RawHttpRequest &) {
        return RawHttpReply::json(200, R"({"applications":[{"applicationId":"via-proxy"}]})");
    });
    QVERIFY(proxy.listen());
    const QUrl proxyUrl = QUrl::fromEncoded(proxy.url());
    aws::ProxySettings proxies;
    if (fromEnvironment) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTP_PROXY"),
                   QStringLiteral("http://127.0.0.1:%1").arg(proxyUrl.port()));
        QString error;
        QVERIFY2(aws::readProxySettings(env, &proxies, &error), qPrintable(error));
    } else {
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, proxyUrl.host(), quint16(proxyUrl.port())));
    }
    const auto restore = qScopeGuard([] { QNetworkProxy::setApplicationProxy({}); });
    aws::StaticCredentialsProvider creds(syncdeck::test::fakeQBusinessCredentials());
    ClientConfig config = configFor("http://qbusiness.invalid:8080", 1);
    config.proxies = proxies;
    Client client(config, &creds);
    std::unique_ptr<ListApplicationsCall> job(client.listApplications());
    job->setAutoDelete(false);
    QVERIFY(runJob(job.get()));
    QVERIFY2(!job->error().isError(), qPrintable(job->error().message));
    QCOMPARE(job->applications.value(0).applicationId, QStringLiteral("via-proxy"));
    QCOMPARE(proxy.requests().size(), 1);
    QVERIFY2(
        proxy.requests().at(0).head.startsWith("GET http://qbusiness.invalid:8080/applications"),
        proxy.requests().at(0).head.constData());
    QCOMPARE(proxy.requests().at(0).header("Host"), QByteArray("qbusiness.invalid:8080"));

    // The emulator on 127.0.0.1 answers directly; the proxy sees nothing more.
    FakeQBusiness fake({});
    RawHttpServer emulator(fake.handler());
    QVERIFY(emulator.listen());
    ClientConfig local = configFor(emulator.url(), 1);
    local.proxies = proxies;
    Client direct(local, &creds);
    std::unique_ptr<ListSyncJobsCall> page(direct.listDataSourceSyncJobs(syncJobsRequest()));
    page->setAutoDelete(false);
    QVERIFY(runJob(page.get()));
    QVERIFY2(!page->error().isError(), qPrintable(page->error().message));
    QCOMPARE(emulator.requests().size(), 1);
    QCOMPARE(proxy.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
