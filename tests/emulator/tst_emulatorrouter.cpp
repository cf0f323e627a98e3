// The emulator's router: rest-json paths with labels and awsJson X-Amz-Target operations side by
// side, each with the signing name its API is called with.
#include "emulator/router.h"

#include <QTest>

using namespace syncdeck::emulator;

namespace {
HttpRequest request(const QByteArray &method, const QByteArray &path, const QByteArray &query = {},
                    const QByteArray &target = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.target = query.isEmpty() ? path : path + '?' + query;
    if (!target.isEmpty())
        r.headers.append({"X-Amz-Target", target});
    return r;
}

HttpResponse answer(const QByteArray &body)
{
    HttpResponse r;
    r.body = body;
    return r;
}
} // namespace

class TestEmulatorRouter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void restRoutes_data();
    void restRoutes();
    void labelsAndQueryAreDecoded();
    void jsonTargets_data();
    void jsonTargets();
    void signingNames();

private:
    Router m_router;
};

void TestEmulatorRouter::init()
{
    m_router = Router();
    m_router.addRestRoute(QStringLiteral("ListApplications"), QStringLiteral("qbusiness"), "GET",
                          QStringLiteral("/applications"),
                          [](const RoutedRequest &) { return answer("apps"); });
    m_router.addRestRoute(QStringLiteral("ListIndices"), QStringLiteral("qbusiness"), "GET",
                          QStringLiteral("/applications/{applicationId}/indices"),
                          [](const RoutedRequest &) { return answer("indices"); });
    m_router.addRestRoute(
        QStringLiteral("StartDataSourceSyncJob"), QStringLiteral("qbusiness"), "POST",
        QStringLiteral("/applications/{applicationId}/indices/{indexId}/datasources/"
                       "{dataSourceId}/startsync"),
        [](const RoutedRequest &) { return answer("start"); });
    m_router.addJsonRoute(QStringLiteral("FilterLogEvents"), QStringLiteral("logs"),
                          "Logs_20140328", [](const RoutedRequest &) { return answer("filter"); });
    m_router.addJsonRoute(QStringLiteral("GetLogEvents"), QStringLiteral("logs"), "Logs_20140328",
                          [](const RoutedRequest &) { return answer("get"); });
}

void TestEmulatorRouter::restRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("answered"); // empty: no operation
    QTest::newRow("list applications")
        << QByteArray("GET") << QByteArray("/applications") << QByteArray("apps");
    QTest::newRow("label") << QByteArray("GET") << QByteArray("/applications/A/indices")
                           << QByteArray("indices");
    QTest::newRow("empty label still routes")
        << QByteArray("GET") << QByteArray("/applications//indices") << QByteArray("indices");
    QTest::newRow("three labels") << QByteArray("POST")
                                  << QByteArray("/applications/A/indices/I/datasources/D/startsync")
                                  << QByteArray("start");
    QTest::newRow("wrong method") << QByteArray("POST") << QByteArray("/applications")
                                  << QByteArray();
    QTest::newRow("trailing slash")
        << QByteArray("GET") << QByteArray("/applications/") << QByteArray();
    QTest::newRow("literal differs")
        << QByteArray("GET") << QByteArray("/applications/A/other") << QByteArray();
    QTest::newRow("root") << QByteArray("GET") << QByteArray("/") << QByteArray();
}

void TestEmulatorRouter::restRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, answered);
    const HttpRequest r = request(method, path);
    const std::optional<Router::Match> m = m_router.match(r);
    QCOMPARE(m.has_value(), !answered.isEmpty());
    if (m)
        QCOMPARE(m->route->handler(m->request).body, answered);
}

void TestEmulatorRouter::labelsAndQueryAreDecoded()
{
    const HttpRequest r
        = request("POST", "/applications/a%2Fb/indices/%41%42/datasources/x+y/startsync",
                  "nextToken=ab%2B%2F%3D&maxResults=5&flag&q=a+b");
    const std::optional<Router::Match> m = m_router.match(r);
    QVERIFY(m);
    QCOMPARE(m->route->operation, QStringLiteral("StartDataSourceSyncJob"));
    QCOMPARE(m->request.labelNames,
             (QStringList {QStringLiteral("applicationId"), QStringLiteral("indexId"),
                           QStringLiteral("dataSourceId")}));
    QCOMPARE(m->request.label(QLatin1StringView("applicationId")), QStringLiteral("a/b"));
    QCOMPARE(m->request.label(QLatin1StringView("indexId")), QStringLiteral("AB"));
    // '+' is a space in a query, never in a path.
    QCOMPARE(m->request.label(QLatin1StringView("dataSourceId")), QStringLiteral("x+y"));
    QCOMPARE(m->request.label(QLatin1StringView("nothing")), QString());
    QCOMPARE(*m->request.queryValue(QLatin1StringView("nextToken")), QStringLiteral("ab+/="));
    QCOMPARE(*m->request.queryValue(QLatin1StringView("maxResults")), QStringLiteral("5"));
    QCOMPARE(*m->request.queryValue(QLatin1StringView("flag")), QString());
    QCOMPARE(*m->request.queryValue(QLatin1StringView("q")), QStringLiteral("a b"));
    QVERIFY(!m->request.queryValue(QLatin1StringView("absent")));
    QCOMPARE(m->request.http, &r);
}

void TestEmulatorRouter::jsonTargets_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("answered");
    QTest::newRow("FilterLogEvents")
        << QByteArray("POST") << QByteArray("/") << QByteArray("Logs_20140328.FilterLogEvents")
        << QByteArray("filter");
    QTest::newRow("GetLogEvents") << QByteArray("POST") << QByteArray("/")
                                  << QByteArray("Logs_20140328.GetLogEvents") << QByteArray("get");
    QTest::newRow("unknown operation")
        << QByteArray("POST") << QByteArray("/") << QByteArray("Logs_20140328.DeleteLogGroup")
        << QByteArray();
    QTest::newRow("other API version") << QByteArray("POST") << QByteArray("/")
                                       << QByteArray("Logs_20990101.GetLogEvents") << QByteArray();
    QTest::newRow("GET") << QByteArray("GET") << QByteArray("/")
                         << QByteArray("Logs_20140328.GetLogEvents") << QByteArray();
    QTest::newRow("not at /") << QByteArray("POST") << QByteArray("/logs")
                              << QByteArray("Logs_20140328.GetLogEvents") << QByteArray();
}

void TestEmulatorRouter::jsonTargets()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, answered);
    const HttpRequest r = request(method, path, {}, target);
    const std::optional<Router::Match> m = m_router.match(r);
    QCOMPARE(m.has_value(), !answered.isEmpty());
    if (m) {
        QCOMPARE(m->route->handler(m->request).body, answered);
        QCOMPARE(m->route->signingName, QStringLiteral("logs"));
    }
}

void TestEmulatorRouter::signingNames()
{
    const HttpRequest logs = request("POST", "/", {}, "Logs_20140328.GetLogEvents");
    const std::optional<Router::Match> m = m_router.match(logs);
    QCOMPARE(m_router.signingNameFor(logs, m ? m->route : nullptr), QStringLiteral("logs"));
    // No operation, but the target says which API it was meant for.
    const HttpRequest unknown = request("POST", "/", {}, "Logs_20140328.Nope");
    QCOMPARE(m_router.signingNameFor(unknown, nullptr), QStringLiteral("logs"));
    // An unknown path belongs to the first (rest-json) API.
    const HttpRequest path = request("GET", "/nothing");
    QCOMPARE(m_router.signingNameFor(path, nullptr), QStringLiteral("qbusiness"));
    const HttpRequest apps = request("GET", "/applications");
    QCOMPARE(m_router.signingNameFor(apps, m_router.match(apps)->route),
             QStringLiteral("qbusiness"));
}

QTEST_GUILESS_MAIN(TestEmulatorRouter)
#include "tst_emulatorrouter.moc"
