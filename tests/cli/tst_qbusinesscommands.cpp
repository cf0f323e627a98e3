// syncdeck-cli's qbusiness commands as a user runs them: a real process against the real
// emulator (or a handler server for broken responses) over TCP, real exit codes and output.
#include "emulator/server.h"
#include "rawhttpserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;
namespace emulator = syncdeck::emulator;

using Run = syncdeck::test::ProcessRun;
using syncdeck::test::explain;
using syncdeck::test::jsonLines;

namespace {
constexpr char SessionToken[] = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN+secret/part==";

class Cli
{
public:
    Cli()
    {
        m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                       syncdeck::test::emulatorKeyVariables());
    }

    QProcessEnvironment &env() { return m_env; }

    // Runs syncdeck-cli without blocking the event loop, so that an in-process server answers.
    Run run(const QStringList &args, const std::function<void(QProcess &)> &whileRunning = {})
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(90000, &loop, &QEventLoop::quit);
        p.start(QStringLiteral(SYNCDECK_CLI_PATH), args);
        if (whileRunning)
            whileRunning(p);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
            return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

QStringList executionIds(const QList<QJsonObject> &items)
{
    QStringList ids;
    for (const QJsonObject &o : items)
        ids.append(o.value(QLatin1String("executionId")).toString());
    return ids;
}

} // namespace

class TestQBusinessCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyCommandAndFormat_data();
    void everyCommandAndFormat();
    void filters_data();
    void filters();
    void maxItemsResumesExactly_data();
    void maxItemsResumesExactly();
    void noPaginatePrintsServiceToken();
    void faultsBeyondBudgetResumeExactly();
    void faultsWithinBudgetListEverything();
    void clockSkew_data();
    void clockSkew();
    void startAndStop();
    void dryRun();
    void debugLogsAttemptsWithoutSecrets();
    void ssoTokenNeverPrinted();
    void usageErrors_data();
    void usageErrors();
    void globalOptionsAnywhere_data();
    void globalOptionsAnywhere();
    void repeatedGlobalOptionLastWins_data();
    void repeatedGlobalOptionLastWins();
    void unknownOptionsBeforeCommand_data();
    void unknownOptionsBeforeCommand();
    void configErrors_data();
    void configErrors();
    void serviceErrorsNameCodeRequestIdAndFields();
    void brokenResponses_data();
    void brokenResponses();
    void interruptExits130();

private:
    QStringList idArgs(bool withDataSource = true) const;
    QStringList endpoint(const emulator::Server &server) const
    {
        return {QStringLiteral("--endpoint-url"), server.url().toString()};
    }

    std::unique_ptr<emulator::Server> m_server;
    QString m_app, m_index, m_dataSource;
    int m_jobs = 0;
};

void TestQBusinessCommands::initTestCase()
{
    emulator::Options options;
    options.applications = 1;
    options.dataSourcesPerIndex = 2;
    options.jobsPerDataSource = 57;
    options.seed = 7;
    m_jobs = options.jobsPerDataSource;
    m_server = std::make_unique<emulator::Server>(options);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));

    Cli cli;
    Run r = cli.run(QStringList {QStringLiteral("list-applications"), QStringLiteral("--output"),
                                 QStringLiteral("jsonl")}
                    + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    m_app = jsonLines(r.out).value(0).value(QLatin1String("applicationId")).toString();
    r = cli.run(QStringList {QStringLiteral("list-indices"), QStringLiteral("--application-id"),
                             m_app, QStringLiteral("--output"), QStringLiteral("jsonl")}
                + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    m_index = jsonLines(r.out).value(0).value(QLatin1String("indexId")).toString();
    r = cli.run(QStringList {QStringLiteral("list-data-sources"),
                             QStringLiteral("--application-id"), m_app,
                             QStringLiteral("--index-id"), m_index, QStringLiteral("--output"),
                             QStringLiteral("jsonl")}
                + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    // The second data source: the first one has a sync running that the start/stop test must
    // not depend on.
    const QList<QJsonObject> sources = jsonLines(r.out);
    QCOMPARE(sources.size(), 2);
    m_dataSource = sources.value(1).value(QLatin1String("dataSourceId")).toString();
    QVERIFY(!m_app.isEmpty() && !m_index.isEmpty() && !m_dataSource.isEmpty());
}

QStringList TestQBusinessCommands::idArgs(bool withDataSource) const
{
    QStringList a {QStringLiteral("--application-id"), m_app, QStringLiteral("--index-id"),
                   m_index};
    if (withDataSource)
        a += QStringList {QStringLiteral("--data-source-id"), m_dataSource};
    return a;
}

void TestQBusinessCommands::everyCommandAndFormat_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("expectedItems"); // -1: a single object
    QTest::addColumn<QString>("listKey");
    const QStringList commands {QStringLiteral("list-applications"), QStringLiteral("list-indices"),
                                QStringLiteral("list-data-sources"),
                                QStringLiteral("get-data-source"),
                                QStringLiteral("list-data-source-sync-jobs")};
    const QList<int> items {1, 1, 2, -1, 57};
    const QStringList keys {QStringLiteral("applications"), QStringLiteral("indices"),
                            QStringLiteral("dataSources"), QString(), QStringLiteral("history")};
    for (qsizetype c = 0; c < commands.size(); ++c) {
        for (const char *f : {"json", "jsonl", "csv", "table"}) {
            QTest::addRow("%s %s", qPrintable(commands.at(c)), f)
                << commands.at(c) << QString::fromLatin1(f) << items.at(c) << keys.at(c);
        }
    }
}

void TestQBusinessCommands::everyCommandAndFormat()
{
    QFETCH(QString, command);
    QFETCH(QString, format);
    QFETCH(int, expectedItems);
    QFETCH(QString, listKey);
    QStringList args {command, QStringLiteral("--output"), format};
    if (command == QLatin1String("list-indices"))
        args += QStringList {QStringLiteral("--application-id"), m_app};
    else if (command == QLatin1String("list-data-sources"))
        args += idArgs(false);
    else if (command != QLatin1String("list-applications"))
        args += idArgs();
    Cli cli;
    const Run r = cli.run(args + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const int rows = expectedItems < 0 ? 1 : expectedItems;
    if (format == QLatin1String("json")) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        if (expectedItems < 0) {
            QVERIFY(doc.object().contains(QLatin1String("dataSourceId")));
        } else {
            QCOMPARE(doc.object().value(listKey).toArray().size(), expectedItems);
            QVERIFY(!doc.object().contains(QLatin1String("NextToken")));
        }
        QVERIFY(r.out.startsWith("{\n    \""));
    } else if (format == QLatin1String("jsonl")) {
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(int(lines.size()), rows);
        for (const QByteArray &line : lines)
            QVERIFY(QJsonDocument::fromJson(line).isObject());
    } else if (format == QLatin1String("csv")) {
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(r.out.endsWith("\r\n"));
        QCOMPARE(int(lines.size()) - 1, rows + 1); // header + rows, then the empty tail
        QVERIFY(lines.first().contains("Id,"));
    } else {
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        if (expectedItems < 0) {
            QVERIFY(lines.first().startsWith("dataSourceId "));
        } else {
            QCOMPARE(int(lines.size()), rows + 2); // header, rule, rows
            QVERIFY(lines.at(1).startsWith("----"));
            // Aligned: every row's second column starts where the header's does.
            const QByteArray &header = lines.at(0);
            qsizetype col = header.indexOf(' ');
            while (col < header.size() && header.at(col) == ' ')
                ++col;
            for (const QByteArray &line : lines.mid(1))
                QVERIFY2(line.at(col - 1) == ' ' && line.at(col - 2) == ' ' && line.at(col) != ' ',
                         line.constData());
        }
    }
}

void TestQBusinessCommands::filters_data()
{
    QTest::addColumn<QStringList>("filterArgs");
    QTest::addColumn<QString>("status"); // every job must have it, when set
    QTest::addColumn<int>("sinceMinutes"); // every job started in the last N minutes, when > 0
    QTest::newRow("status FAILED")
        << QStringList {QStringLiteral("--status-filter"), QStringLiteral("FAILED")}
        << QStringLiteral("FAILED") << 0;
    QTest::newRow("status SUCCEEDED")
        << QStringList {QStringLiteral("--status-filter"), QStringLiteral("SUCCEEDED")}
        << QStringLiteral("SUCCEEDED") << 0;
    QTest::newRow("last 7d") << QStringList {QStringLiteral("--start-time"), QStringLiteral("7d")}
                             << QString() << 7 * 24 * 60;
    QTest::newRow("last 24h, failed")
        << QStringList {QStringLiteral("--start-time"), QStringLiteral("24h"),
                        QStringLiteral("--status-filter"), QStringLiteral("FAILED")}
        << QStringLiteral("FAILED") << 24 * 60;
    QTest::newRow("90m") << QStringList {QStringLiteral("--start-time"), QStringLiteral("90m")}
                         << QString() << 90;
}

void TestQBusinessCommands::filters()
{
    QFETCH(QStringList, filterArgs);
    QFETCH(QString, status);
    QFETCH(int, sinceMinutes);
    Cli cli;
    const Run all = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                         QStringLiteral("--output"), QStringLiteral("jsonl")}
                            + idArgs() + endpoint(*m_server));
    QVERIFY2(all.exitCode == 0, explain(all));
    const Run r = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                       QStringLiteral("--output"), QStringLiteral("jsonl"),
                                       QStringLiteral("--page-size"), QStringLiteral("3")}
                          + filterArgs + idArgs() + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    const QList<QJsonObject> everything = jsonLines(all.out);
    const QList<QJsonObject> jobs = jsonLines(r.out);
    // The expected subset, computed here from the unfiltered listing.
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-60LL * sinceMinutes);
    QStringList expected;
    for (const QJsonObject &j : everything) {
        const QDateTime start = QDateTime::fromString(
            j.value(QLatin1String("startTime")).toString(), Qt::ISODateWithMs);
        if (!status.isEmpty() && j.value(QLatin1String("status")).toString() != status)
            continue;
        // Jobs within a minute of the cut are left out of the comparison: "now" differs by the
        // time between the two runs.
        if (sinceMinutes > 0 && std::llabs(start.secsTo(since)) < 60)
            QSKIP("a job started right at the cut; rerun");
        if (sinceMinutes > 0 && start < since)
            continue;
        expected.append(j.value(QLatin1String("executionId")).toString());
    }
    QCOMPARE(executionIds(jobs), expected);
    QVERIFY2(!expected.isEmpty() || sinceMinutes == 90, "the filter matched nothing; weak test");
}

void TestQBusinessCommands::maxItemsResumesExactly_data()
{
    QTest::addColumn<int>("maxItems");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("mid-page, 7 of pages of 3") << 7 << 3;
    QTest::newRow("page-aligned, 10 of 5") << 10 << 5;
    QTest::newRow("service page size, 13") << 13 << 0;
}

void TestQBusinessCommands::maxItemsResumesExactly()
{
    QFETCH(int, maxItems);
    QFETCH(int, pageSize);
    Cli cli;
    const Run all = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                         QStringLiteral("--output"), QStringLiteral("jsonl")}
                            + idArgs() + endpoint(*m_server));
    QVERIFY2(all.exitCode == 0, explain(all));
    QStringList seen;
    QString token;
    int runs = 0;
    do {
        QStringList args {QStringLiteral("list-data-source-sync-jobs"),
                          QStringLiteral("--max-items"), QString::number(maxItems)};
        if (pageSize)
            args += QStringList {QStringLiteral("--page-size"), QString::number(pageSize)};
        if (!token.isEmpty())
            args += QStringList {QStringLiteral("--starting-token"), token};
        const Run r = cli.run(args + idArgs() + endpoint(*m_server));
        QVERIFY2(r.exitCode == 0, explain(r));
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray history = doc.value(QLatin1String("history")).toArray();
        QVERIFY(history.size() <= maxItems);
        for (const auto &v : history)
            seen.append(v.toObject().value(QLatin1String("executionId")).toString());
        token = doc.value(QLatin1String("NextToken")).toString();
        QVERIFY(++runs <= m_jobs);
    } while (!token.isEmpty());
    QCOMPARE(seen, executionIds(jsonLines(all.out)));
    QCOMPARE(runs, (m_jobs + maxItems - 1) / maxItems);
}

void TestQBusinessCommands::noPaginatePrintsServiceToken()
{
    Cli cli;
    const Run r = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                       QStringLiteral("--no-paginate"),
                                       QStringLiteral("--page-size"), QStringLiteral("4")}
                          + idArgs() + endpoint(*m_server));
    QVERIFY2(r.exitCode == 0, explain(r));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QLatin1String("history")).toArray().size(), 4);
    const QString token = doc.value(QLatin1String("nextToken")).toString();
    QVERIFY(!token.isEmpty());
    // The service's own token resumes too.
    const Run next = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                          QStringLiteral("--starting-token"), token,
                                          QStringLiteral("--page-size"), QStringLiteral("4"),
                                          QStringLiteral("--output"), QStringLiteral("jsonl")}
                             + idArgs() + endpoint(*m_server));
    QVERIFY2(next.exitCode == 0, explain(next));
    QCOMPARE(int(jsonLines(next.out).size()), m_jobs - 4);
}

void TestQBusinessCommands::faultsBeyondBudgetResumeExactly()
{
    // One attempt only: every throttled page ends the run with 254 and a NextToken; resuming
    // run after run must give every job exactly once, in order.
    emulator::Options options = m_server->options();
    options.faults.throttle = 0.25;
    options.faults.error500 = 0.05;
    emulator::Server faulty(options);
    QVERIFY(faulty.listen());
    Cli cli;
    cli.env().insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    QStringList seen;
    QString token;
    int failures = 0;
    for (int run = 0; run < 200; ++run) {
        QStringList args {QStringLiteral("list-data-source-sync-jobs"),
                          QStringLiteral("--page-size"), QStringLiteral("5")};
        if (!token.isEmpty())
            args += QStringList {QStringLiteral("--starting-token"), token};
        const Run r
            = cli.run(args + idArgs()
                      + QStringList {QStringLiteral("--endpoint-url"), faulty.url().toString()});
        QJsonParseError pe;
        const QJsonObject doc = QJsonDocument::fromJson(r.out, &pe).object();
        QVERIFY2(r.out.isEmpty() || pe.error == QJsonParseError::NoError,
                 QByteArray("stdout must stay valid JSON: " + r.out).constData());
        for (const auto &v : doc.value(QLatin1String("history")).toArray())
            seen.append(v.toObject().value(QLatin1String("executionId")).toString());
        token = doc.value(QLatin1String("NextToken")).toString();
        if (r.exitCode == 0) {
            QVERIFY(token.isEmpty());
            break;
        }
        ++failures;
        QCOMPARE(r.exitCode, 254);
        if (token.isEmpty()) {
            // Failed before its first page: nothing printed, run the same command again.
            QVERIFY2(r.out.isEmpty(), r.out.constData());
            QVERIFY(seen.isEmpty());
            continue;
        }
        QVERIFY2(r.err.contains("ThrottlingException") || r.err.contains("InternalServerException"),
                 r.err.constData());
        QVERIFY2(r.err.contains("request id"), r.err.constData());
        QVERIFY2(r.err.contains(QByteArray("--starting-token " + token.toLatin1())),
                 r.err.constData());
    }
    QVERIFY2(failures > 0, "no fault was injected; weak test");
    Run all = Cli().run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                     QStringLiteral("--output"), QStringLiteral("jsonl")}
                        + idArgs() + endpoint(*m_server));
    QCOMPARE(seen, executionIds(jsonLines(all.out)));
}

void TestQBusinessCommands::faultsWithinBudgetListEverything()
{
    // Throttling, 500s, resets and truncated bodies within the retry budget: the listing is
    // complete. (The big 5,000-job fault run is in tst_paginator, with backoff switched off.)
    emulator::Options options = m_server->options();
    options.faults.throttle = 0.1;
    options.faults.error500 = 0.05;
    options.faults.reset = 0.02;
    options.faults.truncate = 0.02;
    emulator::Server faulty(options);
    QVERIFY(faulty.listen());
    Cli cli;
    cli.env().insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("10"));
    const Run r = cli.run(
        QStringList {QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--output"),
                     QStringLiteral("jsonl"), QStringLiteral("--page-size"), QStringLiteral("10"),
                     QStringLiteral("--debug")}
        + idArgs() + QStringList {QStringLiteral("--endpoint-url"), faulty.url().toString()});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QStringList ids = executionIds(jsonLines(r.out));
    QCOMPARE(ids.size(), m_jobs);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), m_jobs);
}

void TestQBusinessCommands::clockSkew_data()
{
    QTest::addColumn<qint64>("skewSeconds");
    QTest::newRow("service 15 min ahead") << qint64(900);
    QTest::newRow("service 15 min behind") << qint64(-900);
}

void TestQBusinessCommands::clockSkew()
{
    QFETCH(qint64, skewSeconds);
    emulator::Options options = m_server->options();
    options.clockSkewSeconds = skewSeconds;
    emulator::Server skewed(options);
    QVERIFY(skewed.listen());
    Cli cli;
    const Run r = cli.run(
        QStringList {QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--output"),
                     QStringLiteral("jsonl"), QStringLiteral("--debug")}
        + idArgs() + QStringList {QStringLiteral("--endpoint-url"), skewed.url().toString()});
    QVERIFY2(r.exitCode == 0, explain(r));
    QCOMPARE(int(jsonLines(r.out).size()), m_jobs);
    QVERIFY2(r.err.contains("retrying at once with the corrected time"), r.err.constData());
}

void TestQBusinessCommands::startAndStop()
{
    Cli cli;
    const Run start = cli.run(QStringList {QStringLiteral("start-data-source-sync-job")} + idArgs()
                              + endpoint(*m_server));
    QVERIFY2(start.exitCode == 0, explain(start));
    const QString executionId = QJsonDocument::fromJson(start.out)
                                    .object()
                                    .value(QLatin1String("executionId"))
                                    .toString();
    QCOMPARE(executionId.size(), 36);
    const Run again = cli.run(QStringList {QStringLiteral("start-data-source-sync-job")} + idArgs()
                              + endpoint(*m_server));
    QCOMPARE(again.exitCode, 254);
    QVERIFY2(again.err.contains("ConflictException"), again.err.constData());
    QVERIFY(again.err.contains("stop-data-source-sync-job"));
    const Run stop = cli.run(QStringList {QStringLiteral("stop-data-source-sync-job")} + idArgs()
                             + endpoint(*m_server));
    QVERIFY2(stop.exitCode == 0, explain(stop));
    QVERIFY(stop.out.isEmpty());
    const Run listed = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                            QStringLiteral("--max-items"), QStringLiteral("1"),
                                            QStringLiteral("--output"), QStringLiteral("jsonl")}
                               + idArgs() + endpoint(*m_server));
    QCOMPARE(executionIds(jsonLines(listed.out)), QStringList {executionId});
}

void TestQBusinessCommands::dryRun()
{
    emulator::Server fresh(m_server->options());
    QVERIFY(fresh.listen());
    Cli cli;
    cli.env().insert(QStringLiteral("AWS_SESSION_TOKEN"), QString::fromLatin1(SessionToken));
    const Run r = cli.run(
        QStringList {QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--dry-run"),
                     QStringLiteral("--status-filter"), QStringLiteral("FAILED"),
                     QStringLiteral("--start-time"), QStringLiteral("2024-05-01T12:00:00Z")}
        + idArgs() + QStringList {QStringLiteral("--endpoint-url"), fresh.url().toString()});
    QVERIFY2(r.exitCode == 0, explain(r));
    const QByteArray url = fresh.url().toEncoded() + "/applications/" + m_app.toLatin1()
        + "/indices/" + m_index.toLatin1() + "/datasources/" + m_dataSource.toLatin1()
        + "/syncjobs?startTime=2024-05-01T12%3A00%3A00Z&syncStatus=FAILED";
    QVERIFY2(r.out.startsWith(QByteArray("GET " + url + '\n')), r.out.constData());
    QVERIFY(r.out.contains("\nX-Amz-Security-Token: ** REDACTED **\n"));
    QVERIFY(r.out.contains("\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDSYNCDECKEMULATOR/"));
    QVERIFY(r.out.contains("\nX-Amz-Date: "));
    QVERIFY(!r.out.contains(SessionToken));
    QVERIFY(!r.out.contains(emulator::DefaultSecretAccessKey));
    syncdeck::test::processQueuedEvents();
    QCOMPARE(fresh.connectionCount(), 0);
}

void TestQBusinessCommands::debugLogsAttemptsWithoutSecrets()
{
    // The first call is throttled, the next ones answer: one retry, with a real (short) backoff.
    int calls = 0;
    RawHttpServer server([&calls](const RawHttpRequest &) {
        if (++calls == 1)
            return RawHttpReply::awsError(429, "ThrottlingException", "Rate exceeded", "req-429");
        return RawHttpReply::json(
            200, R"({"history":[{"executionId":"e1","status":"FAILED"}],"dataSourceId":"d"})",
            {"x-amzn-RequestId: req-200"});
    });
    QVERIFY(server.listen());
    Cli cli;
    cli.env().insert(QStringLiteral("AWS_SESSION_TOKEN"), QString::fromLatin1(SessionToken));
    cli.env().insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("8"));
    // A proxy with a password: named in the settings, its password never shown; the loopback
    // endpoint is reached directly.
    cli.env().insert(QStringLiteral("HTTP_PROXY"),
                     QStringLiteral("http://op:proxysecret@proxy.invalid:3128"));
    cli.env().insert(QStringLiteral("NO_PROXY"), QStringLiteral("example.com"));
    const QStringList base = idArgs()
        + QStringList {QStringLiteral("--endpoint-url"), QString::fromLatin1(server.url()),
                       QStringLiteral("--debug")};
    QList<Run> runs;
    runs.append(cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                     QStringLiteral("--page-size"), QStringLiteral("10")}
                        + base));
    runs.append(cli.run(QStringList {QStringLiteral("get-data-source"), QStringLiteral("--dry-run")}
                        + base));
    runs.append(cli.run(QStringList {QStringLiteral("get-data-source"), QStringLiteral("--output"),
                                     QStringLiteral("table")}
                        + base));
    QVERIFY2(runs.first().exitCode == 0, explain(runs.first()));
    const QByteArray &err = runs.first().err;
    QVERIFY2(err.contains("attempt 1/8: GET http://127.0.0.1:"), err.constData());
    QVERIFY2(err.contains("-> 429 ThrottlingException (request id req-429); retrying in "),
             err.constData());
    QVERIFY2(err.contains("; retrying in "), err.constData());
    QVERIFY2(err.contains("attempt 2/8: GET http://127.0.0.1:"), err.constData());
    QVERIFY2(err.contains("-> 200 (request id req-200)"), err.constData());
    QVERIFY2(err.contains("proxy for http: http://op@proxy.invalid:3128 (env HTTP_PROXY)"),
             err.constData());
    QVERIFY2(err.contains("no proxy for: example.com (env NO_PROXY)"), err.constData());
    QVERIFY2(err.contains("the endpoint 127.0.0.1 is reached directly"), err.constData());
    for (const Run &r : std::as_const(runs)) {
        QVERIFY2(r.exitCode == 0, explain(r));
        for (const QByteArray &secret :
             {QByteArray(SessionToken), QByteArray(emulator::DefaultSecretAccessKey),
              QByteArray("EXAMPLESESSIONTOKEN"), QByteArray("proxysecret")}) {
            QVERIFY2(!r.out.contains(secret), r.out.constData());
            QVERIFY2(!r.err.contains(secret), r.err.constData());
        }
    }
}

void TestQBusinessCommands::ssoTokenNeverPrinted()
{
    // An SSO profile whose cached token has expired: the CLI must say what to do (253) and never
    // print the token, even with --debug.
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws/sso/cache")));
    QFile config(home.filePath(QStringLiteral(".aws/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                 "sso_role_name = ReadOnly\nregion = us-east-1\n[sso-session corp]\n"
                 "sso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n");
    config.close();
    const QByteArray token = "SSOACCESSTOKENSECRETVALUE0123456789";
    QFile cache(home.filePath(
        QStringLiteral(".aws/sso/cache/")
        + QString::fromLatin1(QCryptographicHash::hash("corp", QCryptographicHash::Sha1).toHex())
        + QStringLiteral(".json")));
    QVERIFY(cache.open(QIODevice::WriteOnly));
    cache.write(R"({"accessToken":")" + token + R"(","expiresAt":"2020-01-01T00:00:00Z"})");
    cache.close();
    Cli cli;
    cli.env().remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
    cli.env().remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    cli.env().insert(QStringLiteral("HOME"), home.path());
    cli.env().insert(QStringLiteral("AWS_CONFIG_FILE"), config.fileName());
    const Run r
        = cli.run(QStringList {QStringLiteral("list-applications"), QStringLiteral("--profile"),
                               QStringLiteral("dev"), QStringLiteral("--debug")}
                  + endpoint(*m_server));
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains("aws sso login --profile dev"), r.err.constData());
    QVERIFY(!r.err.contains(token));
    QVERIFY(!r.out.contains(token));
    QVERIFY(r.out.isEmpty());
}

void TestQBusinessCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString id = QStringLiteral("a1111111-1111-4111-8111-111111111111");
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("list-applications"), QStringLiteral("--colour")}
        << QStringLiteral("Unknown options: --colour");
    QTest::newRow("missing ids") << QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                                 QStringLiteral("--application-id"), id}
                                 << QStringLiteral("required: --index-id, --data-source-id");
    QTest::newRow("bad id") << QStringList {QStringLiteral("list-indices"),
                                            QStringLiteral("--application-id"),
                                            QStringLiteral("nope")}
                            << QStringLiteral("\"nope\" is not an ID");
    QTest::newRow("bad output") << QStringList {QStringLiteral("list-applications"),
                                                QStringLiteral("--output"), QStringLiteral("xml")}
                                << QStringLiteral("invalid choice: 'xml'");
    QTest::newRow("bad time") << QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                              QStringLiteral("--application-id"),
                                              id,
                                              QStringLiteral("--index-id"),
                                              id,
                                              QStringLiteral("--data-source-id"),
                                              id,
                                              QStringLiteral("--start-time"),
                                              QStringLiteral("last tuesday")}
                              << QStringLiteral("\"last tuesday\" is not a time");
    QTest::newRow("start after end") << QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                                     QStringLiteral("--application-id"),
                                                     id,
                                                     QStringLiteral("--index-id"),
                                                     id,
                                                     QStringLiteral("--data-source-id"),
                                                     id,
                                                     QStringLiteral("--start-time"),
                                                     QStringLiteral("1h"),
                                                     QStringLiteral("--end-time"),
                                                     QStringLiteral("2h")}
                                     << QStringLiteral("is after --end-time");
    QTest::newRow("max items zero")
        << QStringList {QStringLiteral("list-applications"), QStringLiteral("--max-items"),
                        QStringLiteral("0")}
        << QStringLiteral("--max-items: expected a positive");
    QTest::newRow("bad timeout") << QStringList {
        QStringLiteral("list-applications"), QStringLiteral("--cli-read-timeout"),
        QStringLiteral("soon")} << QStringLiteral("--cli-read-timeout must be");
    QTest::newRow("bad endpoint") << QStringList {QStringLiteral("list-applications"),
                                                  QStringLiteral("--endpoint-url"),
                                                  QStringLiteral("localhost:8080")}
                                  << QStringLiteral("Bad value for --endpoint-url");
    QTest::newRow("bad starting token")
        << QStringList {QStringLiteral("list-applications"), QStringLiteral("--starting-token"),
                        QString::fromLatin1(QByteArray(R"({"nextToken":5})").toBase64()),
                        QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:9")}
        << QStringLiteral("--starting-token: the starting token is not one");
    QTest::newRow("stray argument")
        << QStringList {QStringLiteral("list-applications"), QStringLiteral("extra")}
        << QStringLiteral("unrecognized arguments: extra");
}

void TestQBusinessCommands::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = Cli().run(args);
    QCOMPARE(r.exitCode, 252);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

// `aws --region R --output json qbusiness list-...`: global options stand before or after the
// command, in either spelling ("--output jsonl", "--output=jsonl"), between its own options.
void TestQBusinessCommands::globalOptionsAnywhere_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    const QString region = QString::fromLatin1(emulator::DefaultRegion);
    const QString url = m_server->url().toString();
    QTest::newRow("all before") << QStringList {QStringLiteral("--region"),
                                                region,
                                                QStringLiteral("--output"),
                                                QStringLiteral("jsonl"),
                                                QStringLiteral("--endpoint-url"),
                                                url}
                                << QStringList {};
    QTest::newRow("all after") << QStringList {}
                               << QStringList {
                                      QStringLiteral("--region"),       region,
                                      QStringLiteral("--output"),       QStringLiteral("jsonl"),
                                      QStringLiteral("--endpoint-url"), url};
    QTest::newRow("equals spelling before")
        << QStringList {QStringLiteral("--region=") + region, QStringLiteral("--output=jsonl"),
                        QStringLiteral("--endpoint-url=") + url}
        << QStringList {};
    QTest::newRow("split, flags before")
        << QStringList {QStringLiteral("--debug"), QStringLiteral("--output"),
                        QStringLiteral("jsonl"), QStringLiteral("--cli-read-timeout"),
                        QStringLiteral("30")}
        << QStringList {QStringLiteral("--endpoint-url"), url, QStringLiteral("--region"), region};
}

void TestQBusinessCommands::globalOptionsAnywhere()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    const QStringList ids = idArgs();
    // The command's own options with a global in the middle of them.
    const QStringList args = before + QStringList {QStringLiteral("list-data-source-sync-jobs")}
        + ids.mid(0, 2) + after + ids.mid(2);
    const Run r = Cli().run(args);
    QVERIFY2(r.exitCode == 0, explain(r));
    QCOMPARE(r.err.contains("syncdeck-cli: debug: "), before.contains(QLatin1String("--debug")));
    // The same listing as with every option after the command (startAndStop may have added a
    // job, so the count is taken now).
    const Run plain = Cli().run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                                             QStringLiteral("--output"), QStringLiteral("jsonl")}
                                + ids + endpoint(*m_server));
    QVERIFY2(plain.exitCode == 0, explain(plain));
    QVERIFY(jsonLines(plain.out).size() >= m_jobs);
    QCOMPARE(executionIds(jsonLines(r.out)), executionIds(jsonLines(plain.out)));
}

// argparse's "store" action: the last of a repeated option counts, wherever each one stands.
// The emulator refuses a signature scoped to another region, so only the last --region works.
void TestQBusinessCommands::repeatedGlobalOptionLastWins_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<int>("exitCode");
    const QString region = QString::fromLatin1(emulator::DefaultRegion);
    QTest::newRow("right region last") << QStringLiteral("eu-west-3") << region << 0;
    QTest::newRow("wrong region last") << region << QStringLiteral("eu-west-3") << 254;
}

void TestQBusinessCommands::repeatedGlobalOptionLastWins()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(int, exitCode);
    const QStringList args
        = QStringList {QStringLiteral("--region"), first,
                       QStringLiteral("--output"), QStringLiteral("json"),
                       QStringLiteral("--debug"),  QStringLiteral("list-data-source-sync-jobs")}
        + idArgs() + endpoint(*m_server)
        + QStringList {QStringLiteral("--region"), last, QStringLiteral("--output"),
                       QStringLiteral("jsonl")};
    const Run r = Cli().run(args);
    QVERIFY2(r.exitCode == exitCode, explain(r));
    QVERIFY2(r.err.contains(QByteArray("debug: region " + last.toUtf8() + " (")),
             r.err.constData());
    if (exitCode == 0) // jsonl, the last --output: one object a line
        QVERIFY2(jsonLines(r.out).size() >= m_jobs && r.out.startsWith("{\"")
                     && !r.out.startsWith("{\n"),
                 r.out.left(200).constData());
}

// What the AWS CLI does with other options before the command: an unknown option is refused as
// unknown; a word after it is the command (argparse gives unknown options no value).
void TestQBusinessCommands::unknownOptionsBeforeCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString id = QStringLiteral("a1111111-1111-4111-8111-111111111111");
    QTest::newRow("unknown flag") << QStringList {QStringLiteral("--colour"),
                                                  QStringLiteral("--region"),
                                                  QStringLiteral("us-east-1"),
                                                  QStringLiteral("list-applications"),
                                                  QStringLiteral("--no-such")}
                                  << QStringLiteral("Unknown options: --colour, --no-such");
    QTest::newRow("unknown option with a value")
        << QStringList {QStringLiteral("--colour"), QStringLiteral("blue"),
                        QStringLiteral("list-applications")}
        << QStringLiteral("unknown command 'blue'");
    QTest::newRow("command option before the command")
        << QStringList {QStringLiteral("--application-id"), id, QStringLiteral("list-indices")}
        << QStringLiteral("unknown command '%1'").arg(id);
    QTest::newRow("global value swallows the command")
        << QStringList {QStringLiteral("--region"), QStringLiteral("list-applications")}
        << QStringLiteral("a command is required");
    QTest::newRow("bad global value before")
        << QStringList {QStringLiteral("--output"), QStringLiteral("xml"),
                        QStringLiteral("list-applications")}
        << QStringLiteral("invalid choice: 'xml'");
}

void TestQBusinessCommands::unknownOptionsBeforeCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = Cli().run(args);
    QCOMPARE(r.exitCode, 252);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestQBusinessCommands::configErrors_data()
{
    QTest::addColumn<QStringList>("unset");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QString>("message");
    QTest::newRow("no credentials") << QStringList {QStringLiteral("AWS_ACCESS_KEY_ID"),
                                                    QStringLiteral("AWS_SECRET_ACCESS_KEY")}
                                    << QStringList() << QStringLiteral("credentials");
    QTest::newRow("no region") << QStringList {QStringLiteral("AWS_REGION")} << QStringList()
                               << QStringLiteral("region");
    QTest::newRow("unknown profile")
        << QStringList()
        << QStringList {QStringLiteral("--profile"), QStringLiteral("nosuchprofile")}
        << QStringLiteral("nosuchprofile");
}

void TestQBusinessCommands::configErrors()
{
    QFETCH(QStringList, unset);
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, message);
    Cli cli;
    for (const QString &v : unset)
        cli.env().remove(v);
    const Run r = cli.run(QStringList {QStringLiteral("list-applications")} + extraArgs
                          + endpoint(*m_server));
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestQBusinessCommands::serviceErrorsNameCodeRequestIdAndFields()
{
    Cli cli;
    // A well-formed ID that does not exist.
    QStringList args = idArgs();
    args[5] = QStringLiteral("d0000000-0000-4000-8000-000000000000");
    Run r = cli.run(QStringList {QStringLiteral("get-data-source")} + args + endpoint(*m_server));
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains("An error occurred (ResourceNotFoundException) when calling the "
                            "GetDataSource operation"),
             r.err.constData());
    QVERIFY(r.err.contains("HTTP status 404, request id "));
    QVERIFY(r.err.contains("What to do: Check the IDs"));
    // maxResults beyond the model's 10: the service's ValidationException names the field.
    r = cli.run(QStringList {QStringLiteral("list-data-source-sync-jobs"),
                             QStringLiteral("--page-size"), QStringLiteral("50")}
                + idArgs() + endpoint(*m_server));
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains("(ValidationException)"), r.err.constData());
    QVERIFY2(r.err.contains("field maxResults: "), r.err.constData());
    QVERIFY2(r.err.contains("What to do: Fix maxResults"), r.err.constData());
    // Nothing listens: 255.
    r = cli.run(QStringList {QStringLiteral("list-applications"), QStringLiteral("--endpoint-url"),
                             QStringLiteral("http://127.0.0.1:9")});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.err.contains("ConnectionError"), r.err.constData());
}

void TestQBusinessCommands::brokenResponses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed json")
        << 200 << QByteArray("{\"history\":[{") << 255 << QStringLiteral("MalformedResponse");
    QTest::newRow("overflowing metric")
        << 200
        << QByteArray(R"({"history":[{"metrics":{"documentsAdded":"99999999999999999999"}}]})")
        << 255 << QStringLiteral("history[0].metrics.documentsAdded is 99999999999999999999");
    QTest::newRow("html error page") << 502 << QByteArray("<html>Bad Gateway</html>") << 254
                                     << QStringLiteral("An error occurred (502)");
    QTest::newRow("oversized body") << 200 << QByteArray(qsizetype(9) << 20, ' ') << 255
                                    << QStringLiteral("larger than the 8388608-byte limit");
}

void TestQBusinessCommands::brokenResponses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    RawHttpServer server([&](const RawHttpRequest &) {
        return RawHttpReply::response(status, body,
                                      status == 200 ? "application/json" : "text/html");
    });
    QVERIFY(server.listen());
    Cli cli;
    cli.env().insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    const Run r = cli.run(
        QStringList {QStringLiteral("list-data-source-sync-jobs"),
                     QStringLiteral("--cli-read-timeout"), QStringLiteral("20")}
        + idArgs()
        + QStringList {QStringLiteral("--endpoint-url"), QString::fromLatin1(server.url())});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

void TestQBusinessCommands::interruptExits130()
{
    RawHttpServer server([](const RawHttpRequest &) { return RawHttpReply::stall(); });
    QVERIFY(server.listen());
    Cli cli;
    const Run r = cli.run(
        QStringList {QStringLiteral("list-data-source-sync-jobs")} + idArgs()
            + QStringList {QStringLiteral("--endpoint-url"), QString::fromLatin1(server.url())},
        [&server](QProcess &p) {
            // Interrupt once the request is in flight.
            QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 30000);
            ::kill(pid_t(p.processId()), SIGINT);
        });
    QCOMPARE(r.exitCode, 130);
    QVERIFY2(r.err.contains("interrupted"), r.err.constData());
    // Interrupted before the first page: nothing on stdout.
    QVERIFY2(r.out.isEmpty(), r.out.constData());
}

QTEST_GUILESS_MAIN(TestQBusinessCommands)
#include "tst_qbusinesscommands.moc"
