// syncdeck-cli and the local history cache, as a user runs them: the real syncdeck-emulator
// process over TCP (its --verbose access log counts the requests it answered), the real
// syncdeck-cli process, a cache in a temporary folder. --refresh-cache prints exactly what a
// fresh listing prints with fewer requests; --from-cache answers with the service gone;
// `cache info|clear|export`.
#include "emulatorprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using Run = syncdeck::test::ProcessRun;
using syncdeck::test::explain;

class TestCacheCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void refreshCachePrintsAFreshListing_data();
    void refreshCachePrintsAFreshListing();
    void fromCacheWithoutNetwork();
    void fromCacheOfAnUnknownDataSource();
    void usageErrors_data();
    void usageErrors();
    void infoClearExport();

private:
    Run cli(const QStringList &args);
    QStringList listArgs() const;

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    syncdeck::test::EmulatorProcess m_emulator;
    QString m_app, m_index, m_dataSource;
};

Run TestCacheCommands::cli(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(90000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(SYNCDECK_CLI_PATH), args);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList TestCacheCommands::listArgs() const
{
    return {QStringLiteral("list-data-source-sync-jobs"),
            QStringLiteral("--application-id"),
            m_app,
            QStringLiteral("--index-id"),
            m_index,
            QStringLiteral("--data-source-id"),
            m_dataSource,
            QStringLiteral("--endpoint-url"),
            m_emulator.url().toString()};
}

void TestCacheCommands::initTestCase()
{
    m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                   syncdeck::test::emulatorKeyVariables());
    QVERIFY(m_emulator.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), 2, 95));
    const QStringList endpoint {QStringLiteral("--endpoint-url"), m_emulator.url().toString(),
                                QStringLiteral("--output"), QStringLiteral("json")};
    const auto first = [this](const Run &r, const char *list, const char *id) {
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        return o.value(QLatin1String(list)).toArray().at(0).toObject().value(QLatin1String(id));
    };
    Run r = cli(QStringList {QStringLiteral("list-applications")} + endpoint);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    m_app = first(r, "applications", "applicationId").toString();
    r = cli(QStringList {QStringLiteral("list-indices"), QStringLiteral("--application-id"), m_app}
            + endpoint);
    m_index = first(r, "indices", "indexId").toString();
    r = cli(QStringList {QStringLiteral("list-data-sources"), QStringLiteral("--application-id"),
                         m_app, QStringLiteral("--index-id"), m_index}
            + endpoint);
    // The second data source: the first has the emulator's seeded run in progress, whose
    // counts move between two listings.
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    m_dataSource = o.value(QLatin1String("dataSources"))
                       .toArray()
                       .at(1)
                       .toObject()
                       .value(QLatin1String("dataSourceId"))
                       .toString();
    QVERIFY2(!m_dataSource.isEmpty(), explain(r).constData());
    m_emulator.takeSyncJobRequests();
}

void TestCacheCommands::refreshCachePrintsAFreshListing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("json") << QStringList {QStringLiteral("--output"), QStringLiteral("json")};
    QTest::newRow("jsonl") << QStringList {QStringLiteral("--output"), QStringLiteral("jsonl")};
    QTest::newRow("table") << QStringList {QStringLiteral("--output"), QStringLiteral("table")};
    QTest::newRow("csv, FAILED") << QStringList {QStringLiteral("--output"), QStringLiteral("csv"),
                                                 QStringLiteral("--status-filter"),
                                                 QStringLiteral("FAILED")};
    QTest::newRow("json, time range") << QStringList {
        QStringLiteral("--output"), QStringLiteral("json"),       QStringLiteral("--start-time"),
        QStringLiteral("30d"),      QStringLiteral("--end-time"), QStringLiteral("2d")};
}

void TestCacheCommands::refreshCachePrintsAFreshListing()
{
    QFETCH(QStringList, options);
    QTemporaryDir cacheDir;
    const QStringList cached {QStringLiteral("--refresh-cache"), QStringLiteral("--cache-dir"),
                              cacheDir.path()};
    const Run fresh = cli(listArgs() + options);
    QVERIFY2(fresh.exitCode == 0, explain(fresh).constData());
    const int freshRequests = m_emulator.takeSyncJobRequests();
    QVERIFY(freshRequests >= 1);

    const Run first = cli(listArgs() + options + cached);
    QVERIFY2(first.exitCode == 0, explain(first).constData());
    QCOMPARE(first.out, fresh.out);
    const int firstRequests = m_emulator.takeSyncJobRequests();
    const Run again = cli(listArgs() + options + cached);
    QVERIFY2(again.exitCode == 0, explain(again).constData());
    QCOMPARE(again.out, fresh.out);
    const int againRequests = m_emulator.takeSyncJobRequests();
    qInfo("ListDataSourceSyncJobs requests: fresh listing %d, first --refresh-cache %d, "
          "second %d",
          freshRequests, firstRequests, againRequests);
    QCOMPARE(againRequests, 1); // nothing changed: the newest page only
}

void TestCacheCommands::fromCacheWithoutNetwork()
{
    // A service of its own, stopped half way: the endpoint (the cache's key) stays the same.
    syncdeck::test::EmulatorProcess service;
    QVERIFY(service.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), 2, 95));
    QTemporaryDir cacheDir;
    QStringList args = listArgs();
    args[args.indexOf(m_emulator.url().toString())] = service.url().toString();
    const QStringList json {QStringLiteral("--output"), QStringLiteral("json")};
    const Run fresh = cli(args + json);
    QVERIFY2(fresh.exitCode == 0, explain(fresh).constData());
    const Run filled = cli(args + json
                           + QStringList {QStringLiteral("--refresh-cache"),
                                          QStringLiteral("--cache-dir"), cacheDir.path()});
    QVERIFY2(filled.exitCode == 0, explain(filled).constData());
    service.stop();

    const QStringList fromCache {QStringLiteral("--from-cache"), QStringLiteral("--cache-dir"),
                                 cacheDir.path()};
    // The network is gone: a fresh listing fails, the cache answers the same document.
    const Run offline = cli(
        args + json + QStringList {QStringLiteral("--cli-connect-timeout"), QStringLiteral("2")});
    QVERIFY2(offline.exitCode != 0, explain(offline).constData());
    const Run r = cli(args + json + fromCache);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    QCOMPARE(r.out, fresh.out);
    QVERIFY2(r.err.contains("from the history cache, as of"), r.err.constData());
    // Filters are answered from the cache too.
    const Run failed
        = cli(args + json + fromCache
              + QStringList {QStringLiteral("--status-filter"), QStringLiteral("FAILED")});
    QVERIFY2(failed.exitCode == 0, explain(failed).constData());
    const QJsonArray history
        = QJsonDocument::fromJson(failed.out).object().value(QLatin1String("history")).toArray();
    for (const QJsonValue &job : history)
        QCOMPARE(job.toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("FAILED"));
}

void TestCacheCommands::fromCacheOfAnUnknownDataSource()
{
    QTemporaryDir cacheDir;
    const Run r = cli(listArgs()
                      + QStringList {QStringLiteral("--from-cache"), QStringLiteral("--cache-dir"),
                                     cacheDir.path()});
    QCOMPARE(r.exitCode, 255);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("holds no sync jobs of data source"), r.err.constData());
    QVERIFY2(r.err.contains("--refresh-cache"), r.err.constData());
    QCOMPARE(m_emulator.takeSyncJobRequests(), 0); // no network at all
}

void TestCacheCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("both modes") << QStringList {QStringLiteral("--refresh-cache"),
                                                QStringLiteral("--from-cache")}
                                << QByteArray("exclude each other");
    QTest::newRow("max items") << QStringList {QStringLiteral("--refresh-cache"),
                                               QStringLiteral("--max-items"), QStringLiteral("3")}
                               << QByteArray("cannot be combined with --max-items");
    QTest::newRow("no paginate") << QStringList {QStringLiteral("--from-cache"),
                                                 QStringLiteral("--no-paginate")}
                                 << QByteArray("cannot be combined with --no-paginate");
    QTest::newRow("kept locally alone") << QStringList {QStringLiteral("--include-kept-locally")}
                                        << QByteArray("only goes with --from-cache");
    QTest::newRow("empty folder") << QStringList {QStringLiteral("--refresh-cache"),
                                                  QStringLiteral("--cache-dir=")}
                                  << QByteArray("the folder is empty");
}

void TestCacheCommands::usageErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, message);
    const Run r = cli(listArgs() + options);
    QCOMPARE(r.exitCode, 252);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(m_emulator.takeSyncJobRequests(), 0);
}

void TestCacheCommands::infoClearExport()
{
    QTemporaryDir cacheDir;
    const QStringList dir {QStringLiteral("--cache-dir"), cacheDir.path()};
    const Run filled = cli(listArgs() + QStringList {QStringLiteral("--refresh-cache")} + dir);
    QVERIFY2(filled.exitCode == 0, explain(filled).constData());

    Run r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("info")} + dir);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    QVERIFY2(r.out.contains(QDir::toNativeSeparators(cacheDir.path()).toUtf8()), r.out.constData());
    QVERIFY2(r.out.contains("Data sources: 1"), r.out.constData());
    QVERIFY2(r.out.contains("jobs 95, kept locally 0, complete history"), r.out.constData());
    QVERIFY2(r.out.contains(m_dataSource.toUtf8()), r.out.constData());
    QVERIFY2(r.out.contains("min ago"), r.out.constData());

    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("export")} + dir);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 95);
    const QJsonObject line = QJsonDocument::fromJson(lines.constFirst()).object();
    QCOMPARE(line.value(QLatin1String("dataSourceId")).toString(), m_dataSource);
    QCOMPARE(line.value(QLatin1String("keptLocally")).toBool(true), false);
    QVERIFY(line.value(QLatin1String("job")).toObject().contains(QLatin1String("executionId")));
    // To a file, written whole or not at all.
    const QString file = cacheDir.filePath(QStringLiteral("export.jsonl"));
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("export"),
                         QStringLiteral("--file"), file}
            + dir);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll().trimmed().split('\n').size(), 95);

    // clear needs to know what.
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("clear")} + dir);
    QCOMPARE(r.exitCode, 252);
    const QStringList ids {QStringLiteral("--application-id"), m_app,
                           QStringLiteral("--index-id"),       m_index,
                           QStringLiteral("--data-source-id"), m_dataSource};
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("clear")} + ids + dir);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    QVERIFY2(r.out.contains("Cleared"), r.out.constData());
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("info")} + dir);
    QVERIFY2(r.out.contains("Data sources: 0"), r.out.constData());
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("clear")} + ids + dir);
    QCOMPARE(r.exitCode, 255); // nothing of it left
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("clear"), QStringLiteral("--all")}
            + dir);
    QVERIFY2(r.exitCode == 0, explain(r).constData());
    r = cli(QStringList {QStringLiteral("cache"), QStringLiteral("nonsense")} + dir);
    QCOMPARE(r.exitCode, 252);
    m_emulator.takeSyncJobRequests();
}

QTEST_GUILESS_MAIN(TestCacheCommands)
#include "tst_cachecommands.moc"
