// The emulator over real TCP: every operation through QNetworkAccessManager and SyncDeck's
// signer, validation and not-found errors, conflicts, signature failures, clock skew, session
// tokens, faults, keep-alive under many concurrent connections and malformed HTTP on raw sockets.
#include "emulator/server.h"
#include "emulatorthread.h"
#include "signedhttp.h"

#include "aws/sigv4.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <memory>

using namespace syncdeck;
using syncdeck::test::EmulatorThread;
using syncdeck::test::HttpResult;
using syncdeck::test::SignedHttp;
using syncdeck::test::SignedRequest;

namespace {

constexpr char BadId[] = "00000000-0000-4000-8000-000000000000";

struct Tree
{
    QString app, index;
    QStringList dataSources;
    QByteArray dsPath(int i = 0) const
    {
        return "/applications/" + app.toLatin1() + "/indices/" + index.toLatin1() + "/datasources/"
            + dataSources.value(i).toLatin1();
    }
};

// A walk over every page of a listing; `query` without nextToken.
QJsonArray walk(SignedHttp &http, const QByteArray &path, const QByteArray &query,
                const QString &member, int *pages = nullptr, QStringList *tokens = nullptr)
{
    QJsonArray all;
    QString token;
    int n = 0;
    do {
        QByteArray q = query;
        if (!token.isEmpty())
            q += (q.isEmpty() ? "" : "&") + QByteArray("nextToken=")
                + test::encodeQueryValue(token);
        const HttpResult r = http.get(path, q);
        if (r.status != 200) {
            qWarning() << "walk failed" << r.status << r.body;
            return {};
        }
        for (const auto &v : r.json().value(member).toArray())
            all.append(v);
        token = r.json().value(QStringLiteral("nextToken")).toString();
        if (tokens && !token.isEmpty())
            tokens->append(token);
        ++n;
    } while (!token.isEmpty() && n < 100000);
    if (pages)
        *pages = n;
    return all;
}

Tree discover(SignedHttp &http)
{
    Tree t;
    const HttpResult apps = http.get("/applications");
    t.app = apps.json()
                .value(QStringLiteral("applications"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("applicationId"))
                .toString();
    const HttpResult indices = http.get("/applications/" + t.app.toLatin1() + "/indices");
    t.index = indices.json()
                  .value(QStringLiteral("indices"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("indexId"))
                  .toString();
    const QJsonArray ds = walk(http,
                               "/applications/" + t.app.toLatin1() + "/indices/"
                                   + t.index.toLatin1() + "/datasources",
                               {}, QStringLiteral("dataSources"));
    for (const auto &v : ds)
        t.dataSources << v.toObject().value(QStringLiteral("dataSourceId")).toString();
    return t;
}

emulator::Options smallOptions()
{
    emulator::Options o;
    o.seed = 7;
    o.jobsPerDataSource = 60;
    // The seeded job keeps running for the whole test, however slow the machine.
    o.syncDurationMs = 3600 * 1000;
    return o;
}

} // namespace

class TestEmulatorServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void listApplications();
    void listIndicesAndDataSources();
    void getDataSource();
    void syncJobsWalk();
    void syncJobsFilters_data();
    void syncJobsFilters();
    void timeRange_data();
    void timeRange();
    void pageTokens();
    void tokenMisuse_data();
    void tokenMisuse();
    void validation_data();
    void validation();
    void notFound_data();
    void notFound();
    void unknownOperation();
    void startAndStop();
    void seededRunningJobFinishes();
    void responseHeaders();

    void signatureFailures_data();
    void signatureFailures();
    void dotSegmentPathsSignAsSdksDo();
    void clockSkew();
    void sessionTokens();

    void faults_data();
    void faults();
    void faultsAreDeterministic();

    void keepAliveManyConnections();
    void pipelining();
    void connectionClose();
    void expectContinue();
    void malformedHttp_data();
    void malformedHttp();

    void sameSeedSameData();
    void largeHistory();
    void badFixtureFailsListen();

private:
    std::unique_ptr<EmulatorThread> m_emulator;
    std::unique_ptr<SignedHttp> m_http;
    Tree m_tree;
};

void TestEmulatorServer::initTestCase()
{
    m_emulator = std::make_unique<EmulatorThread>(smallOptions());
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
    m_http = std::make_unique<SignedHttp>(m_emulator->url(), test::emulatorCredentials());
    m_tree = discover(*m_http);
    QCOMPARE(m_tree.dataSources.size(), 3);
}

void TestEmulatorServer::cleanupTestCase()
{
    m_http.reset();
    m_emulator.reset();
}

void TestEmulatorServer::listApplications()
{
    const HttpResult r = m_http->get("/applications");
    QCOMPARE(r.status, 200);
    const QJsonArray apps = r.json().value(QStringLiteral("applications")).toArray();
    QCOMPARE(apps.size(), 2);
    QVERIFY(!r.json().contains(QStringLiteral("nextToken")));
    for (const auto &v : apps) {
        const QJsonObject a = v.toObject();
        QCOMPARE(a.value(QStringLiteral("applicationId")).toString().size(), 36);
        QVERIFY(!a.value(QStringLiteral("displayName")).toString().isEmpty());
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
        QVERIFY(a.value(QStringLiteral("createdAt")).isDouble());
        QVERIFY(a.value(QStringLiteral("updatedAt")).toDouble()
                >= a.value(QStringLiteral("createdAt")).toDouble());
        QVERIFY(!a.value(QStringLiteral("identityType")).toString().isEmpty());
    }
    // One per page: the token continues the listing.
    int pages = 0;
    const QJsonArray paged
        = walk(*m_http, "/applications", "maxResults=1", QStringLiteral("applications"), &pages);
    QCOMPARE(pages, 2);
    QCOMPARE(paged, apps);
}

void TestEmulatorServer::listIndicesAndDataSources()
{
    const HttpResult indices = m_http->get("/applications/" + m_tree.app.toLatin1() + "/indices");
    QCOMPARE(indices.status, 200);
    const QJsonObject index
        = indices.json().value(QStringLiteral("indices")).toArray().at(0).toObject();
    QVERIFY(
        index.value(QStringLiteral("displayName")).toString().endsWith(QLatin1String("-index")));
    QCOMPARE(index.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));

    const QByteArray path = "/applications/" + m_tree.app.toLatin1() + "/indices/"
        + m_tree.index.toLatin1() + "/datasources";
    const HttpResult ds = m_http->get(path);
    QCOMPARE(ds.status, 200);
    const QJsonArray list = ds.json().value(QStringLiteral("dataSources")).toArray();
    QCOMPARE(list.size(), 3);
    for (const auto &v : list) {
        const QJsonObject d = v.toObject();
        for (const char *member :
             {"displayName", "dataSourceId", "type", "createdAt", "updatedAt", "status"})
            QVERIFY2(d.contains(QLatin1String(member)), member);
    }
    int pages = 0;
    QCOMPARE(walk(*m_http, path, "maxResults=2", QStringLiteral("dataSources"), &pages), list);
    QCOMPARE(pages, 2);
}

void TestEmulatorServer::getDataSource()
{
    const HttpResult r = m_http->get(m_tree.dsPath(1));
    QCOMPARE(r.status, 200);
    const QJsonObject d = r.json();
    QCOMPARE(d.value(QStringLiteral("applicationId")).toString(), m_tree.app);
    QCOMPARE(d.value(QStringLiteral("indexId")).toString(), m_tree.index);
    QCOMPARE(d.value(QStringLiteral("dataSourceId")).toString(), m_tree.dataSources.at(1));
    QVERIFY(d.value(QStringLiteral("dataSourceArn"))
                .toString()
                .startsWith(QLatin1String("arn:aws:qbusiness:us-east-1:")));
    QVERIFY(d.value(QStringLiteral("syncSchedule")).toString().startsWith(QLatin1String("cron(")));
    QVERIFY(
        d.value(QStringLiteral("roleArn")).toString().startsWith(QLatin1String("arn:aws:iam::")));
    QVERIFY(d.value(QStringLiteral("createdAt")).isDouble());
}

void TestEmulatorServer::syncJobsWalk()
{
    int pages = 0;
    QStringList tokens;
    const QJsonArray jobs = walk(*m_http, m_tree.dsPath(0) + "/syncjobs", {},
                                 QStringLiteral("history"), &pages, &tokens);
    QCOMPARE(jobs.size(), 60);
    QCOMPARE(pages, 6); // the service default page size is 10
    int running = 0;
    double previous = 1e18;
    QSet<QString> ids;
    for (const auto &v : jobs) {
        const QJsonObject j = v.toObject();
        const double start = j.value(QStringLiteral("startTime")).toDouble();
        QVERIFY2(start <= previous, "newest job first");
        previous = start;
        ids.insert(j.value(QStringLiteral("executionId")).toString());
        const QString status = j.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("SYNCING") || status == QLatin1String("SYNCING_INDEXING")) {
            ++running;
            QVERIFY(!j.contains(QStringLiteral("endTime")));
        } else {
            QVERIFY(j.value(QStringLiteral("endTime")).toDouble() >= start);
        }
        // Metrics are strings of digits.
        const QJsonObject metrics = j.value(QStringLiteral("metrics")).toObject();
        for (auto it = metrics.begin(); it != metrics.end(); ++it)
            QVERIFY2(it->isString()
                         && QRegularExpression(QStringLiteral("^(0|[1-9][0-9]*)$"))
                                .match(it->toString())
                                .hasMatch(),
                     qPrintable(it.key()));
    }
    QCOMPARE(ids.size(), 60);
    QCOMPARE(running, 1);
    // The demo opens on the newest finished run of the first data source: a recent failure.
    const QJsonObject failed = jobs.at(1).toObject();
    QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    QVERIFY(!failed.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("errorMessage"))
                 .toString()
                 .isEmpty());
    QVERIFY(failed.value(QStringLiteral("startTime")).toDouble()
            > QDateTime::currentSecsSinceEpoch() - qint64(3) * 3600);
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY2(token.contains(QLatin1Char('+')) && token.contains(QLatin1Char('/'))
                     && token.contains(QLatin1Char('=')),
                 qPrintable(token));
    }
    // Other data sources have no running job.
    for (int i = 1; i < 3; ++i) {
        const QJsonArray other = walk(*m_http, m_tree.dsPath(i) + "/syncjobs", "maxResults=10",
                                      QStringLiteral("history"));
        QCOMPARE(other.size(), 60);
        for (const auto &v : other)
            QVERIFY(v.toObject().contains(QStringLiteral("endTime")));
    }
}

void TestEmulatorServer::syncJobsFilters_data()
{
    QTest::addColumn<QString>("status");
    for (const char *s : {"FAILED", "SUCCEEDED", "SYNCING", "INCOMPLETE", "STOPPING", "ABORTED",
                          "SYNCING_INDEXING"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

void TestEmulatorServer::syncJobsFilters()
{
    QFETCH(QString, status);
    for (int i = 0; i < 3; ++i) {
        const QJsonArray all = walk(*m_http, m_tree.dsPath(i) + "/syncjobs", "maxResults=10",
                                    QStringLiteral("history"));
        int expected = 0;
        for (const auto &v : all)
            expected += v.toObject().value(QStringLiteral("status")).toString() == status;
        const QJsonArray filtered
            = walk(*m_http, m_tree.dsPath(i) + "/syncjobs",
                   "maxResults=3&syncStatus=" + status.toLatin1(), QStringLiteral("history"));
        // The running job may move on between the two walks; everything else is stable.
        if (i == 0 && status.startsWith(QLatin1String("SYNCING")))
            QVERIFY(qAbs(filtered.size() - expected) <= 1);
        else
            QCOMPARE(filtered.size(), expected);
        for (const auto &v : filtered)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), status);
    }
}

void TestEmulatorServer::timeRange_data()
{
    QTest::addColumn<int>("from"); // indexes into the newest-first list
    QTest::addColumn<int>("to");
    QTest::newRow("middle") << 40 << 20;
    QTest::newRow("one job") << 30 << 30;
    QTest::newRow("newest") << 5 << 0;
    QTest::newRow("oldest") << 59 << 50;
}

void TestEmulatorServer::timeRange()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const QJsonArray all
        = walk(*m_http, m_tree.dsPath(2) + "/syncjobs", {}, QStringLiteral("history"));
    QCOMPARE(all.size(), 60);
    const auto iso = [](double seconds) {
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)),
                                              QTimeZone::utc())
            .toString(Qt::ISODateWithMs)
            .toLatin1();
    };
    const double lo = all.at(from).toObject().value(QStringLiteral("startTime")).toDouble();
    const double hi = all.at(to).toObject().value(QStringLiteral("startTime")).toDouble();
    const QByteArray query = "startTime=" + test::encodeQueryValue(QString::fromLatin1(iso(lo)))
        + "&endTime=" + test::encodeQueryValue(QString::fromLatin1(iso(hi))) + "&maxResults=7";
    const QJsonArray ranged
        = walk(*m_http, m_tree.dsPath(2) + "/syncjobs", query, QStringLiteral("history"));
    QCOMPARE(ranged.size(), from - to + 1);
    QCOMPARE(ranged.first(), all.at(to));
    QCOMPARE(ranged.last(), all.at(from));
    // Only a start bound, only an end bound.
    QCOMPARE(walk(*m_http, m_tree.dsPath(2) + "/syncjobs",
                  "startTime=" + test::encodeQueryValue(QString::fromLatin1(iso(lo))),
                  QStringLiteral("history"))
                 .size(),
             from + 1);
    QCOMPARE(walk(*m_http, m_tree.dsPath(2) + "/syncjobs",
                  "endTime=" + test::encodeQueryValue(QString::fromLatin1(iso(hi))),
                  QStringLiteral("history"))
                 .size(),
             60 - to);
    // A range in the future is empty, not an error.
    const HttpResult future
        = m_http->get(m_tree.dsPath(2) + "/syncjobs", "startTime=2099-01-01T00%3A00%3A00Z");
    QCOMPARE(future.status, 200);
    QVERIFY(future.json().value(QStringLiteral("history")).toArray().isEmpty());
}

void TestEmulatorServer::pageTokens()
{
    const HttpResult first = m_http->get(m_tree.dsPath(1) + "/syncjobs", "maxResults=4");
    QCOMPARE(first.status, 200);
    const QString token = first.json().value(QStringLiteral("nextToken")).toString();
    QVERIFY(token.size() >= 1 && token.size() <= 800);
    QVERIFY(token.contains(QLatin1Char('+')) && token.contains(QLatin1Char('/'))
            && token.contains(QLatin1Char('=')));
    // maxResults may change between pages; the filters may not.
    const HttpResult second = m_http->get(
        m_tree.dsPath(1) + "/syncjobs", "maxResults=10&nextToken=" + test::encodeQueryValue(token));
    QCOMPARE(second.status, 200);
    const QJsonArray page = second.json().value(QStringLiteral("history")).toArray();
    QCOMPARE(page.size(), 10);
    QVERIFY(page.first().toObject().value(QStringLiteral("startTime")).toDouble()
            <= first.json()
                   .value(QStringLiteral("history"))
                   .toArray()
                   .last()
                   .toObject()
                   .value(QStringLiteral("startTime"))
                   .toDouble());
}

void TestEmulatorServer::tokenMisuse_data()
{
    QTest::addColumn<QByteArray>("query"); // %T: a valid token of an unfiltered listing
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("other status filter")
        << QByteArray("syncStatus=FAILED&nextToken=%T") << QByteArray("different parameters");
    QTest::newRow("other time range")
        << QByteArray("startTime=2020-01-01T00%3A00%3A00Z&nextToken=%T")
        << QByteArray("different parameters");
    QTest::newRow("forged") << QByteArray("nextToken=%F") << QByteArray("modified or forged");
    QTest::newRow("not base64") << QByteArray("nextToken=%21%21%21")
                                << QByteArray("not a token this service issued");
    QTest::newRow("unencoded plus")
        << QByteArray("nextToken=%U") << QByteArray("not a token this service issued");
    QTest::newRow("too long") << (QByteArray("nextToken=") + QByteArray(801, 'A'))
                              << QByteArray("less than or equal to 800");
}

void TestEmulatorServer::tokenMisuse()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, message);
    const HttpResult first = m_http->get(m_tree.dsPath(1) + "/syncjobs", "maxResults=2");
    const QString token = first.json().value(QStringLiteral("nextToken")).toString();
    QVERIFY(!token.isEmpty());
    QByteArray forged = QByteArray::fromBase64(token.toLatin1());
    forged[20] = char(forged[20] ^ 0x01); // another position, same MAC
    query.replace("%T", test::encodeQueryValue(token));
    query.replace("%F", test::encodeQueryValue(QString::fromLatin1(forged.toBase64())));
    query.replace("%U", token.toLatin1()); // '+' read as a space, '/' and '=' raw
    const HttpResult r = m_http->get(m_tree.dsPath(1) + "/syncjobs", query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType(), QByteArray("ValidationException"));
    QVERIFY2(
        r.json().value(QStringLiteral("message")).toString().contains(QString::fromLatin1(message)),
        r.body.constData());
    QCOMPARE(r.json()
                 .value(QStringLiteral("fields"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("nextToken"));
}

void TestEmulatorServer::validation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path"); // %A %I %D: the real ids
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("message");
    const QByteArray jobs = "/applications/%A/indices/%I/datasources/%D/syncjobs";
    QTest::newRow("short application id")
        << QByteArray("GET") << QByteArray("/applications/abc/indices") << QByteArray()
        << "FIELD_VALIDATION_FAILED" << QStringList {QStringLiteral("applicationId")}
        << "Member must have length greater than or equal to 36";
    QTest::newRow("long index id")
        << QByteArray("GET") << QByteArray("/applications/%A/indices/%I0/datasources")
        << QByteArray() << "FIELD_VALIDATION_FAILED" << QStringList {QStringLiteral("indexId")}
        << "Member must have length less than or equal to 36";
    QTest::newRow("id pattern")
        << QByteArray("GET")
        << QByteArray(
               "/applications/%A/indices/%I/datasources/-0000000-0000-4000-8000-000000000000")
        << QByteArray() << "FIELD_VALIDATION_FAILED" << QStringList {QStringLiteral("dataSourceId")}
        << "regular expression pattern: [a-zA-Z0-9][a-zA-Z0-9-]{35}";
    QTest::newRow("encoded id") << QByteArray("GET")
                                << QByteArray("/applications/%A/indices/%I/datasources/"
                                              "0000000%2F-0000-4000-8000-000000000000/syncjobs")
                                << QByteArray() << "FIELD_VALIDATION_FAILED"
                                << QStringList {QStringLiteral("dataSourceId")}
                                << "regular expression pattern";
    QTest::newRow("maxResults 0") << QByteArray("GET") << jobs << QByteArray("maxResults=0")
                                  << "FIELD_VALIDATION_FAILED"
                                  << QStringList {QStringLiteral("maxResults")}
                                  << "Member must have value greater than or equal to 1";
    QTest::newRow("maxResults 11")
        << QByteArray("GET") << jobs << QByteArray("maxResults=11") << "FIELD_VALIDATION_FAILED"
        << QStringList {QStringLiteral("maxResults")}
        << "Member must have value less than or equal to 10";
    QTest::newRow("maxResults 101 applications")
        << QByteArray("GET") << QByteArray("/applications") << QByteArray("maxResults=101")
        << "FIELD_VALIDATION_FAILED" << QStringList {QStringLiteral("maxResults")}
        << "less than or equal to 100";
    QTest::newRow("maxResults 11 data sources")
        << QByteArray("GET") << QByteArray("/applications/%A/indices/%I/datasources")
        << QByteArray("maxResults=11") << "FIELD_VALIDATION_FAILED"
        << QStringList {QStringLiteral("maxResults")} << "less than or equal to 10";
    QTest::newRow("maxResults text")
        << QByteArray("GET") << jobs << QByteArray("maxResults=ten") << "CANNOT_PARSE"
        << QStringList {QStringLiteral("maxResults")} << "integer";
    QTest::newRow("status enum") << QByteArray("GET") << jobs << QByteArray("syncStatus=DONE")
                                 << "FIELD_VALIDATION_FAILED"
                                 << QStringList {QStringLiteral("statusFilter")}
                                 << "Member must satisfy enum value set: [FAILED, SUCCEEDED, "
                                    "SYNCING, INCOMPLETE, STOPPING, ABORTED, SYNCING_INDEXING]";
    QTest::newRow("status case") << QByteArray("GET") << jobs << QByteArray("syncStatus=failed")
                                 << "FIELD_VALIDATION_FAILED"
                                 << QStringList {QStringLiteral("statusFilter")}
                                 << "enum value set";
    QTest::newRow("startTime syntax")
        << QByteArray("GET") << jobs << QByteArray("startTime=yesterday") << "CANNOT_PARSE"
        << QStringList {QStringLiteral("startTime")} << "ISO 8601";
    QTest::newRow("endTime date only")
        << QByteArray("GET") << jobs << QByteArray("endTime=2024-05-01") << "CANNOT_PARSE"
        << QStringList {QStringLiteral("endTime")} << "ISO 8601";
    QTest::newRow("two errors") << QByteArray(
        "GET") << QByteArray("/applications/short/indices/%I/datasources/%D/syncjobs")
                                << QByteArray("maxResults=50") << "FIELD_VALIDATION_FAILED"
                                << QStringList {QStringLiteral("applicationId"),
                                                QStringLiteral("maxResults")}
                                << "2 validation errors detected";
    QTest::newRow("start bad id") << QByteArray(
        "POST") << QByteArray("/applications/%A/indices/%I/datasources/x/startsync")
                                  << QByteArray() << "FIELD_VALIDATION_FAILED"
                                  << QStringList {QStringLiteral("dataSourceId")}
                                  << "1 validation error detected: Value 'x' at 'dataSourceId'";
}

void TestEmulatorServer::validation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QString, reason);
    QFETCH(QStringList, fields);
    QFETCH(QString, message);
    path.replace("%A", m_tree.app.toLatin1())
        .replace("%I", m_tree.index.toLatin1())
        .replace("%D", m_tree.dataSources.at(1).toLatin1());
    SignedRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    const HttpResult r = m_http->send(request);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType(), QByteArray("ValidationException"));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(QStringLiteral("reason")).toString(), reason);
    QStringList names;
    for (const auto &f : body.value(QStringLiteral("fields")).toArray()) {
        names << f.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(!f.toObject().value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(names, fields);
    QVERIFY2(body.value(QStringLiteral("message")).toString().contains(message),
             r.body.constData());
}

void TestEmulatorServer::notFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("resourceType");
    QTest::newRow("application") << QByteArray("GET") << QByteArray("/applications/%X/indices")
                                 << "Application";
    QTest::newRow("index") << QByteArray("GET")
                           << QByteArray("/applications/%A/indices/%X/datasources") << "Index";
    QTest::newRow("data source") << QByteArray("GET")
                                 << QByteArray("/applications/%A/indices/%I/datasources/%X")
                                 << "DataSource";
    QTest::newRow("jobs of unknown data source")
        << QByteArray("GET") << QByteArray("/applications/%A/indices/%I/datasources/%X/syncjobs")
        << "DataSource";
    QTest::newRow("start unknown")
        << QByteArray("POST") << QByteArray("/applications/%A/indices/%I/datasources/%X/startsync")
        << "DataSource";
    QTest::newRow("stop in unknown app")
        << QByteArray("POST") << QByteArray("/applications/%X/indices/%I/datasources/%D/stopsync")
        << "Application";
}

void TestEmulatorServer::notFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QString, resourceType);
    path.replace("%A", m_tree.app.toLatin1())
        .replace("%I", m_tree.index.toLatin1())
        .replace("%D", m_tree.dataSources.at(0).toLatin1())
        .replace("%X", BadId);
    SignedRequest request;
    request.method = method;
    request.path = path;
    const HttpResult r = m_http->send(request);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorType(), QByteArray("ResourceNotFoundException"));
    QCOMPARE(r.json().value(QStringLiteral("resourceId")).toString(), QString::fromLatin1(BadId));
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(), resourceType);
    QVERIFY(r.json().value(QStringLiteral("message")).toString().contains(QLatin1String(BadId)));
}

void TestEmulatorServer::unknownOperation()
{
    for (const QByteArray &path :
         {QByteArray("/"), QByteArray("/applications/x/y"), QByteArray("/nothing")}) {
        const HttpResult r = m_http->get(path);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("UNKNOWN_OPERATION"));
    }
    SignedRequest post;
    post.method = "POST";
    post.path = "/applications";
    QCOMPARE(m_http->send(post).json().value(QStringLiteral("reason")).toString(),
             QStringLiteral("UNKNOWN_OPERATION"));
}

void TestEmulatorServer::startAndStop()
{
    emulator::Options options = smallOptions();
    options.syncDurationMs = 400;
    options.stopDurationMs = 200;
    EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    SignedHttp http(emulator.url(), test::emulatorCredentials());
    const Tree tree = discover(http);

    SignedRequest start;
    start.method = "POST";
    start.path = tree.dsPath(1) + "/startsync";
    const HttpResult started = http.send(start);
    QCOMPARE(started.status, 200);
    const QString executionId = started.json().value(QStringLiteral("executionId")).toString();
    QCOMPARE(executionId.size(), 36);
    // The new job is the newest and runs; a second start conflicts while it does.
    QJsonObject newest = http.get(tree.dsPath(1) + "/syncjobs", "maxResults=1")
                             .json()
                             .value(QStringLiteral("history"))
                             .toArray()
                             .at(0)
                             .toObject();
    QCOMPARE(newest.value(QStringLiteral("executionId")).toString(), executionId);
    QStringList seen {newest.value(QStringLiteral("status")).toString()};
    const HttpResult again = http.send(start);
    if (again.status == 409) {
        QCOMPARE(again.errorType(), QByteArray("ConflictException"));
        QCOMPARE(again.json().value(QStringLiteral("resourceId")).toString(),
                 tree.dataSources.at(1));
        QVERIFY(!again.json().value(QStringLiteral("resourceType")).toString().isEmpty());
    }
    // It moves SYNCING -> SYNCING_INDEXING -> a final status, never backwards.
    const QStringList order {QStringLiteral("SYNCING"), QStringLiteral("SYNCING_INDEXING"),
                             QStringLiteral("SUCCEEDED")};
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 newest = http.get(tree.dsPath(1) + "/syncjobs", "maxResults=1")
                                              .json()
                                              .value(QStringLiteral("history"))
                                              .toArray()
                                              .at(0)
                                              .toObject();
                                 const QString s
                                     = newest.value(QStringLiteral("status")).toString();
                                 if (seen.constLast() != s)
                                     seen << s;
                                 return newest.contains(QStringLiteral("endTime"));
                             }()),
                             20000);
    QVERIFY2(QStringList({QStringLiteral("SUCCEEDED"), QStringLiteral("FAILED"),
                          QStringLiteral("INCOMPLETE")})
                 .contains(seen.constLast()),
             qPrintable(seen.join(QLatin1Char(','))));
    for (qsizetype i = 1; i + 1 < seen.size(); ++i)
        QVERIFY2(order.indexOf(seen[i]) > order.indexOf(seen[i - 1]),
                 qPrintable(seen.join(QLatin1Char(','))));
    QVERIFY(newest.value(QStringLiteral("metrics"))
                .toObject()
                .value(QStringLiteral("documentsScanned"))
                .toString()
                .toLongLong()
            > 0);

    // Stop with nothing running conflicts.
    SignedRequest stop;
    stop.method = "POST";
    stop.path = tree.dsPath(1) + "/stopsync";
    QCOMPARE(http.send(stop).status, 409);

    // Stop the seeded running job of the first data source: STOPPING, then ABORTED.
    start.path = tree.dsPath(0) + "/startsync";
    stop.path = tree.dsPath(0) + "/stopsync";
    EmulatorThread slow([] {
        emulator::Options o = smallOptions();
        o.syncDurationMs = 3600 * 1000; // the seeded job keeps running during the test
        o.stopDurationMs = 300;
        return o;
    }());
    QVERIFY(slow.start());
    SignedHttp slowHttp(slow.url(), test::emulatorCredentials());
    const HttpResult conflict = slowHttp.send(start);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorType(), QByteArray("ConflictException"));
    const HttpResult stopped = slowHttp.send(stop);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(stopped.body, QByteArray("{}"));
    newest = slowHttp.get(tree.dsPath(0) + "/syncjobs", "maxResults=1")
                 .json()
                 .value(QStringLiteral("history"))
                 .toArray()
                 .at(0)
                 .toObject();
    QVERIFY(QStringList({QStringLiteral("STOPPING"), QStringLiteral("ABORTED")})
                .contains(newest.value(QStringLiteral("status")).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        slowHttp.get(tree.dsPath(0) + "/syncjobs", "syncStatus=ABORTED&maxResults=1")
            .json()
            .value(QStringLiteral("history"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("executionId")),
        newest.value(QStringLiteral("executionId")), 20000);
    // Once aborted, a new sync may start.
    QCOMPARE(slowHttp.send(start).status, 200);
}

void TestEmulatorServer::seededRunningJobFinishes()
{
    emulator::Options options = smallOptions();
    options.syncDurationMs = 300;
    EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    SignedHttp http(emulator.url(), test::emulatorCredentials());
    const Tree tree = discover(http);
    QTRY_VERIFY_WITH_TIMEOUT(http.get(tree.dsPath(0) + "/syncjobs", "maxResults=1")
                                 .json()
                                 .value(QStringLiteral("history"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .contains(QStringLiteral("endTime")),
                             20000);
    const QJsonObject finished = http.get(tree.dsPath(0) + "/syncjobs", "maxResults=1")
                                     .json()
                                     .value(QStringLiteral("history"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    // The outage goes on: the run fails like the streak before it.
    QCOMPARE(finished.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
    QVERIFY(!finished.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("errorCode"))
                 .toString()
                 .isEmpty());
}

void TestEmulatorServer::responseHeaders()
{
    const HttpResult r = m_http->get("/applications");
    QVERIFY(QRegularExpression(
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                .match(QString::fromLatin1(r.header("x-amzn-RequestId")))
                .hasMatch());
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(r.header("Date")), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    QVERIFY2(date.isValid(), r.header("Date").constData());
    const HttpResult e = m_http->get("/applications/" + QByteArray(BadId) + "/indices");
    QCOMPARE(e.header("x-amzn-ErrorType"), QByteArray("ResourceNotFoundException"));
    QVERIFY(!e.header("x-amzn-RequestId").isEmpty());
}

void TestEmulatorServer::signatureFailures_data()
{
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("signingOffsetSeconds");
    QTest::addColumn<bool>("sign");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("message");
    const QString key = QString::fromLatin1(emulator::DefaultAccessKeyId);
    const QString secret = QString::fromLatin1(emulator::DefaultSecretAccessKey);
    QTest::newRow("wrong secret")
        << key << QStringLiteral("not-the-secret") << 0 << true
        << QByteArray("InvalidSignatureException")
        << "The Canonical String for this request should have been\n'GET\n/applications\n";
    QTest::newRow("unknown key") << QStringLiteral("AKIDUNKNOWN") << secret << 0 << true
                                 << QByteArray("UnrecognizedClientException")
                                 << "The security token included in the request is invalid.";
    QTest::newRow("unsigned") << key << secret << 0 << false
                              << QByteArray("MissingAuthenticationTokenException")
                              << "Missing Authentication Token";
    QTest::newRow("expired") << key << secret << -600 << true
                             << QByteArray("InvalidSignatureException") << "Signature expired: ";
    QTest::newRow("future") << key << secret << 600 << true
                            << QByteArray("InvalidSignatureException")
                            << "Signature not yet current: ";
}

void TestEmulatorServer::signatureFailures()
{
    QFETCH(QString, accessKeyId);
    QFETCH(QString, secret);
    QFETCH(int, signingOffsetSeconds);
    QFETCH(bool, sign);
    QFETCH(QByteArray, code);
    QFETCH(QString, message);
    aws::Credentials credentials;
    credentials.accessKeyId = accessKeyId;
    credentials.secretAccessKey = aws::SecretString(secret);
    SignedHttp http(m_emulator->url(), credentials);
    SignedRequest request;
    request.sign = sign;
    request.signingTime = QDateTime::currentDateTimeUtc().addSecs(signingOffsetSeconds);
    const HttpResult r = http.send(request);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorType(), code);
    QVERIFY2(r.json().value(QStringLiteral("message")).toString().contains(message),
             r.body.constData());
    QVERIFY(!r.header("Date").isEmpty());
    // The secret itself never appears in an answer.
    QVERIFY(!r.body.contains(secret.toUtf8()));
}

// The AWS SDK signers (smithy-js, botocore) sign "/applications/x/.." with the canonical path
// "/applications", without RFC 3986's trailing '/': the emulator must accept what they send.
// The canonical request is written out here rather than taken from SyncDeck's signer.
void TestEmulatorServer::dotSegmentPathsSignAsSdksDo()
{
    const aws::Credentials credentials = test::emulatorCredentials();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_emulator->port());
    const QByteArray date = aws::sigv4::amzDate(now);
    const QByteArray canonical = "GET\n/applications\n\nhost:" + host + "\nx-amz-date:" + date
        + "\n\nhost;x-amz-date\n" + aws::sigv4::EmptyPayloadHash;
    const QString region = QString::fromLatin1(emulator::DefaultRegion);
    const QString service = QStringLiteral("qbusiness");
    const QByteArray scope = aws::sigv4::credentialScope(now, region, service);
    const QByteArray signature
        = aws::sigv4::signature(aws::sigv4::signingKey(credentials.secretAccessKey,
                                                       aws::sigv4::dateStamp(now), region, service),
                                aws::sigv4::stringToSign(now, scope, canonical));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("GET /applications/x/.. HTTP/1.1\r\nHost: " + host + "\r\nX-Amz-Date: " + date
                 + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential="
                 + credentials.accessKeyId.toLatin1() + '/' + scope
                 + ", SignedHeaders=host;x-amz-date, Signature=" + signature + "\r\n\r\n");
    QByteArray pending;
    const HttpResult r = test::readResponse(&socket, &pending);
    QVERIFY2(r.status != 403, r.body.constData());
    QVERIFY2(r.errorType() != "InvalidSignatureException", r.body.constData());
}

void TestEmulatorServer::clockSkew()
{
    emulator::Options options = smallOptions();
    options.clockSkewSeconds = 3600;
    EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    SignedHttp http(emulator.url(), test::emulatorCredentials());
    const HttpResult r = http.get("/applications");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorType(), QByteArray("InvalidSignatureException"));
    QVERIFY(r.json()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QLatin1String("Signature expired: ")));
    // The Date header tells the client the service's time, as AWS does; signing with it works.
    QDateTime serverTime = QLocale::c().toDateTime(
        QString::fromLatin1(r.header("Date")), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    serverTime.setTimeZone(QTimeZone::utc());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(serverTime) - 3600) < 120);
    SignedRequest request;
    request.signingTime = serverTime;
    QCOMPARE(http.send(request).status, 200);
}

void TestEmulatorServer::sessionTokens()
{
    SignedRequest request;
    request.extraHeaders.append(
        qMakePair(QByteArray("X-Amz-Security-Token"), QByteArray("any-token")));
    // Default: any token is accepted (it is signed like every header).
    QCOMPARE(m_http->send(request).status, 200);
    aws::Credentials withToken = test::emulatorCredentials();
    withToken.sessionToken = aws::SecretString(QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN+/="));
    SignedHttp tokenHttp(m_emulator->url(), withToken);
    QCOMPARE(tokenHttp.get("/applications").status, 200);

    emulator::Options options = smallOptions();
    options.sessionToken = QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN+/=");
    EmulatorThread strict(options);
    QVERIFY(strict.start());
    SignedHttp right(strict.url(), withToken);
    QCOMPARE(right.get("/applications").status, 200);
    SignedHttp none(strict.url(), test::emulatorCredentials());
    const HttpResult missing = none.get("/applications");
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.errorType(), QByteArray("UnrecognizedClientException"));
    aws::Credentials wrong = withToken;
    wrong.sessionToken = aws::SecretString(QStringLiteral("other"));
    SignedHttp wrongHttp(strict.url(), wrong);
    QCOMPARE(wrongHttp.get("/applications").errorType(), QByteArray("UnrecognizedClientException"));
}

void TestEmulatorServer::faults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("transportError");
    QTest::newRow("throttle") << "throttle=1" << 429 << QByteArray("application/json") << false;
    QTest::newRow("error500") << "error500=1" << 500 << QByteArray("text/html") << false;
    QTest::newRow("reset") << "reset=1" << 0 << QByteArray() << true;
    QTest::newRow("truncate") << "truncate=1" << 200 << QByteArray("application/json") << true;
    QTest::newRow("stall") << "stall=1:300" << 200 << QByteArray("application/json") << false;
}

void TestEmulatorServer::faults()
{
    QFETCH(QString, spec);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, transportError);
    emulator::Options options = smallOptions();
    QString error;
    QVERIFY2(emulator::parseFaultSpec(spec, &options.faults, &error), qPrintable(error));
    EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    // Raw sockets see exactly what the server does to the connection.
    SignedHttp http(emulator.url(), test::emulatorCredentials());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, emulator.port());
    QVERIFY(socket.waitForConnected(10000));
    QElapsedTimer timer;
    timer.start();
    socket.write(http.wireBytes(SignedRequest()));
    QByteArray pending;
    const HttpResult r = test::readResponse(&socket, &pending, 20000);
    QCOMPARE(r.status, status);
    QCOMPARE(!r.transportError.isEmpty(), transportError);
    if (status != 0)
        QCOMPARE(r.header("Content-Type"), contentType);
    if (status == 429) {
        QCOMPARE(r.errorType(), QByteArray("ThrottlingException"));
        QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
    }
    if (status == 500) {
        QVERIFY(r.body.startsWith("<html>"));
        QCOMPARE(r.errorType(), QByteArray("InternalServerException"));
    }
    if (spec.startsWith(QLatin1String("truncate")))
        QVERIFY(r.body.size() < r.header("Content-Length").toInt());
    if (spec.startsWith(QLatin1String("stall"))) {
        QVERIFY(timer.elapsed() >= 250); // held back; an upper bound would be a timing test
        QVERIFY(r.json().contains(QStringLiteral("applications")));
    }
    // Signature checks come first: an unsigned request is refused, fault or not.
    SignedRequest unsigned_;
    unsigned_.sign = false;
    if (spec.startsWith(QLatin1String("throttle")))
        QCOMPARE(http.send(unsigned_).status, 403);
}

void TestEmulatorServer::faultsAreDeterministic()
{
    auto sequence = [](quint64 seed) {
        emulator::Options options = smallOptions();
        options.seed = seed;
        QString error;
        emulator::parseFaultSpec(QStringLiteral("throttle=0.3,error500=0.2"), &options.faults,
                                 &error);
        EmulatorThread emulator(options);
        if (!emulator.start())
            return QList<int>();
        SignedHttp http(emulator.url(), test::emulatorCredentials());
        QList<int> statuses;
        for (int i = 0; i < 30; ++i)
            statuses << http.get("/applications").status;
        return statuses;
    };
    const QList<int> a = sequence(11);
    QCOMPARE(a.size(), 30);
    QCOMPARE(sequence(11), a);
    QVERIFY(a.contains(429) && a.contains(500) && a.contains(200));
    QVERIFY(sequence(12) != a);
}

void TestEmulatorServer::keepAliveManyConnections()
{
    constexpr int Connections = 64;
    constexpr int RequestsEach = 4;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < Connections; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, m_emulator->port());
    }
    for (auto &s : sockets)
        QVERIFY(s->waitForConnected(10000));
    SignedRequest request;
    request.path = m_tree.dsPath(1) + "/syncjobs";
    request.query = "maxResults=5";
    // Round by round: every connection has a request in flight at once, and each answer comes
    // back on the same connection.
    for (int round = 0; round < RequestsEach; ++round) {
        for (auto &s : sockets)
            s->write(m_http->wireBytes(request));
        for (auto &s : sockets) {
            QByteArray pending;
            const HttpResult r = test::readResponse(s.get(), &pending);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Connection"), QByteArray("keep-alive"));
            QCOMPARE(r.json().value(QStringLiteral("history")).toArray().size(), 5);
            QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
        }
    }
}

void TestEmulatorServer::pipelining()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(10000));
    SignedRequest a;
    SignedRequest b;
    b.path = "/applications/" + m_tree.app.toLatin1() + "/indices";
    SignedRequest c;
    c.path = m_tree.dsPath(2) + "/syncjobs";
    // Three requests in one write, the last split across two more writes.
    const QByteArray last = m_http->wireBytes(c);
    socket.write(m_http->wireBytes(a) + m_http->wireBytes(b) + last.first(10));
    socket.flush();
    QTest::qWait(50);
    socket.write(last.sliced(10));
    QByteArray pending;
    const HttpResult ra = test::readResponse(&socket, &pending);
    const HttpResult rb = test::readResponse(&socket, &pending);
    const HttpResult rc = test::readResponse(&socket, &pending);
    QVERIFY(ra.json().contains(QStringLiteral("applications")));
    QVERIFY(rb.json().contains(QStringLiteral("indices")));
    QVERIFY(rc.json().contains(QStringLiteral("history")));
}

void TestEmulatorServer::connectionClose()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(m_http->wireBytes(SignedRequest(), true));
    QByteArray pending;
    const HttpResult r = test::readResponse(&socket, &pending);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), QByteArray("close"));
    QVERIFY(r.closed);
}

void TestEmulatorServer::expectContinue()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(10000));
    SignedRequest request;
    request.method = "POST";
    request.path = m_tree.dsPath(0) + "/startsync";
    request.body = "{}";
    request.extraHeaders.append(qMakePair(QByteArray("Expect"), QByteArray("100-continue")));
    const QByteArray bytes = m_http->wireBytes(request);
    const qsizetype headerEnd = bytes.indexOf("\r\n\r\n") + 4;
    socket.write(bytes.first(headerEnd));
    QByteArray pending;
    const HttpResult interim = test::readResponse(&socket, &pending);
    QCOMPARE(interim.status, 100);
    socket.write(bytes.sliced(headerEnd));
    const HttpResult final = test::readResponse(&socket, &pending);
    QCOMPARE(final.status, 409); // the seeded job runs
    QCOMPARE(final.errorType(), QByteArray("ConflictException"));
}

void TestEmulatorServer::malformedHttp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /applications\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("GET /applications HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("no host") << QByteArray("GET /applications HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("absolute form")
        << QByteArray("GET http://x/applications HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n")
                                << 400;
    QTest::newRow("folded header")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") << 400;
    QTest::newRow("bad content-length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12a\r\n\r\n") << 400;
    QTest::newRow("two content-lengths") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                                         << 400;
    QTest::newRow("body too large")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n") << 413;
    QTest::newRow("chunked") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                             << 501;
    QTest::newRow("headers too large") << (QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-Big: ")
                                           + QByteArray(20000, 'a') + "\r\n\r\n")
                                       << 400;
    QTest::newRow("endless header")
        << (QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(20000, 'a')) << 400;
}

void TestEmulatorServer::malformedHttp()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_emulator->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(bytes);
    QByteArray pending;
    const HttpResult r = test::readResponse(&socket, &pending);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Connection"), QByteArray("close"));
    QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(r.closed);
    // The server is still there for everyone else.
    QCOMPARE(m_http->get("/applications").status, 200);
}

void TestEmulatorServer::sameSeedSameData()
{
    EmulatorThread twin(smallOptions());
    QVERIFY(twin.start());
    SignedHttp twinHttp(twin.url(), test::emulatorCredentials());
    QCOMPARE(discover(twinHttp).dataSources, m_tree.dataSources);
    // Identical histories apart from the clock-driven running job and its wall-clock times.
    const QJsonArray a
        = walk(*m_http, m_tree.dsPath(2) + "/syncjobs", {}, QStringLiteral("history"));
    const QJsonArray b
        = walk(twinHttp, m_tree.dsPath(2) + "/syncjobs", {}, QStringLiteral("history"));
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QJsonObject x = a.at(i).toObject();
        QJsonObject y = b.at(i).toObject();
        for (const QString &k : {QStringLiteral("startTime"), QStringLiteral("endTime")}) {
            x.remove(k);
            y.remove(k);
        }
        QCOMPARE(x, y);
    }
    emulator::Options other = smallOptions();
    other.seed = 8;
    EmulatorThread different(other);
    QVERIFY(different.start());
    SignedHttp differentHttp(different.url(), test::emulatorCredentials());
    QVERIFY(discover(differentHttp).dataSources != m_tree.dataSources);
}

void TestEmulatorServer::largeHistory()
{
    emulator::Options options;
    options.seed = 3;
    options.applications = 1;
    options.dataSourcesPerIndex = 1;
    options.jobsPerDataSource = 100000;
    EmulatorThread emulator(options);
    QVERIFY(emulator.start());
    SignedHttp http(emulator.url(), test::emulatorCredentials());
    const Tree tree = discover(http);
    const QJsonArray page
        = http.get(tree.dsPath(0) + "/syncjobs").json().value(QStringLiteral("history")).toArray();
    QCOMPARE(page.size(), 10);
    // The oldest jobs, reached through a time range instead of 10,000 pages.
    const QDateTime fiveYearsAgo = QDateTime::currentDateTimeUtc().addYears(-5);
    const HttpResult old
        = http.get(tree.dsPath(0) + "/syncjobs",
                   "endTime=" + test::encodeQueryValue(fiveYearsAgo.toString(Qt::ISODate)));
    QCOMPARE(old.status, 200);
    const QJsonArray oldPage = old.json().value(QStringLiteral("history")).toArray();
    QCOMPARE(oldPage.size(), 10);
    QVERIFY(!old.json().value(QStringLiteral("nextToken")).toString().isEmpty());
    for (const auto &v : oldPage)
        QVERIFY(v.toObject().value(QStringLiteral("startTime")).toDouble()
                <= double(fiveYearsAgo.toSecsSinceEpoch()));
    // A status filter scans the whole history: exactly one job runs.
    QCOMPARE(
        walk(http, tree.dsPath(0) + "/syncjobs", "syncStatus=SYNCING", QStringLiteral("history"))
                .size()
            + walk(http, tree.dsPath(0) + "/syncjobs", "syncStatus=SYNCING_INDEXING",
                   QStringLiteral("history"))
                  .size(),
        1);
}

void TestEmulatorServer::badFixtureFailsListen()
{
    emulator::Options options;
    options.statePath = QStringLiteral("/nonexistent/state.json");
    emulator::Server server(options);
    QVERIFY(!server.listen());
    QVERIFY2(server.errorString().contains(QLatin1String("/nonexistent/state.json")),
             qPrintable(server.errorString()));
}

QTEST_GUILESS_MAIN(TestEmulatorServer)
#include "tst_emulatorserver.moc"
