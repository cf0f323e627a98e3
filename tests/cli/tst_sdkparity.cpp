// The same filters give the same jobs through syncdeck-cli and the official AWS SDK for
// JavaScript v3 paginator, both against the emulator over TCP. Skips without node or the
// pinned tests/node_modules (`npm ci` in tests/).
#include "emulator/server.h"
#include "testsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace emulator = syncdeck::emulator;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a child without blocking the event loop that serves the in-process emulator.
Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    p.start(program, args);
    loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
} // namespace

class TestSdkParity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameJobs_data();
    void sameJobs();

private:
    QString m_node;
    QString m_script;
    QProcessEnvironment m_env;
    QTemporaryDir m_home;
    std::unique_ptr<emulator::Server> m_server;
    QString m_app, m_index, m_dataSource;
};

void TestSdkParity::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty())
        QSKIP("node is not installed: the JS SDK parity test needs Node.js");
    const QString modules = QStringLiteral(SYNCDECK_NODE_MODULES "/@aws-sdk/client-qbusiness");
    if (!QFileInfo::exists(modules))
        QSKIP(
            qPrintable(QStringLiteral("%1 is missing: run `npm ci` (or `make deps`) in the tests/ "
                                      "folder to install the AWS SDK for JavaScript")
                           .arg(modules)));
    m_script = QStringLiteral(SYNCDECK_SOURCE_DIR "/tests/bench/jssdk_list_syncjobs.mjs");

    emulator::Options options;
    options.applications = 1;
    options.dataSourcesPerIndex = 1;
    options.jobsPerDataSource = 120;
    options.seed = 11;
    m_server = std::make_unique<emulator::Server>(options);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));

    m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                   syncdeck::test::emulatorKeyVariables());
    m_env.insert(QStringLiteral("NODE_NO_WARNINGS"), QStringLiteral("1"));

    const QString cli = QStringLiteral(SYNCDECK_CLI_PATH);
    const QStringList endpoint {QStringLiteral("--endpoint-url"), m_server->url().toString(),
                                QStringLiteral("--output"), QStringLiteral("jsonl")};
    const auto first = [](const Run &r, const char *key) {
        return QJsonDocument::fromJson(r.out.split('\n').value(0))
            .object()
            .value(QLatin1String(key))
            .toString();
    };
    m_app = first(run(cli, QStringList {QStringLiteral("list-applications")} + endpoint, m_env),
                  "applicationId");
    m_index = first(
        run(cli,
            QStringList {QStringLiteral("list-indices"), QStringLiteral("--application-id"), m_app}
                + endpoint,
            m_env),
        "indexId");
    m_dataSource = first(
        run(cli,
            QStringList {QStringLiteral("list-data-sources"), QStringLiteral("--application-id"),
                         m_app, QStringLiteral("--index-id"), m_index}
                + endpoint,
            m_env),
        "dataSourceId");
    QVERIFY(!m_app.isEmpty() && !m_index.isEmpty() && !m_dataSource.isEmpty());
}

void TestSdkParity::sameJobs_data()
{
    // CLI filter arguments, and the same filters for the JS script (absolute times).
    QTest::addColumn<QStringList>("cliArgs");
    QTest::addColumn<QStringList>("jsArgs");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString weekAgo = now.addDays(-7).toString(Qt::ISODate);
    const QString twoDaysAgo = now.addDays(-2).toString(Qt::ISODate);
    QTest::newRow("everything") << QStringList() << QStringList();
    QTest::newRow("FAILED") << QStringList {QStringLiteral("--status-filter"),
                                            QStringLiteral("FAILED")}
                            << QStringList {QStringLiteral("--status"), QStringLiteral("FAILED")};
    QTest::newRow("SUCCEEDED, page size 3")
        << QStringList {QStringLiteral("--status-filter"), QStringLiteral("SUCCEEDED"),
                        QStringLiteral("--page-size"), QStringLiteral("3")}
        << QStringList {QStringLiteral("--status"), QStringLiteral("SUCCEEDED"),
                        QStringLiteral("--page-size"), QStringLiteral("3")};
    QTest::newRow("time window") << QStringList {QStringLiteral("--start-time"), weekAgo,
                                                 QStringLiteral("--end-time"), twoDaysAgo}
                                 << QStringList {QStringLiteral("--start-time"), weekAgo,
                                                 QStringLiteral("--end-time"), twoDaysAgo};
    QTest::newRow("window and status")
        << QStringList {QStringLiteral("--start-time"), weekAgo, QStringLiteral("--status-filter"),
                        QStringLiteral("FAILED")}
        << QStringList {QStringLiteral("--start-time"), weekAgo, QStringLiteral("--status"),
                        QStringLiteral("FAILED")};
}

void TestSdkParity::sameJobs()
{
    QFETCH(QStringList, cliArgs);
    QFETCH(QStringList, jsArgs);
    const Run cli
        = run(QStringLiteral(SYNCDECK_CLI_PATH),
              QStringList {QStringLiteral("list-data-source-sync-jobs"),
                           QStringLiteral("--application-id"), m_app, QStringLiteral("--index-id"),
                           m_index, QStringLiteral("--data-source-id"), m_dataSource,
                           QStringLiteral("--endpoint-url"), m_server->url().toString(),
                           QStringLiteral("--output"), QStringLiteral("jsonl")}
                  + cliArgs,
              m_env);
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QStringList cliIds;
    for (const QByteArray &line : cli.out.split('\n')) {
        if (!line.isEmpty())
            cliIds.append(QJsonDocument::fromJson(line)
                              .object()
                              .value(QLatin1String("executionId"))
                              .toString());
    }
    const Run js = run(
        m_node,
        QStringList {m_script, m_server->url().toString(), m_app, m_index, m_dataSource} + jsArgs,
        m_env);
    QVERIFY2(js.exitCode == 0, js.err.constData());
    QStringList jsIds = QString::fromUtf8(js.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(cliIds, jsIds);
    QVERIFY2(!cliIds.isEmpty(), "the filters matched nothing; weak test");
}

QTEST_GUILESS_MAIN(TestSdkParity)
#include "tst_sdkparity.moc"
