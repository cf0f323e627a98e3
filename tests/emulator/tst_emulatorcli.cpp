// syncdeck-emulator as a process: the first stdout line, --help, option errors and their exit
// codes, the request log, and a clean exit 0 on SIGINT and SIGTERM.
#include "emulator/options.h"
#include "signedhttp.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Started
{
    std::unique_ptr<QProcess> process;
    QByteArray firstLine;
};

Started start(const QStringList &arguments)
{
    Started s;
    s.process = std::make_unique<QProcess>();
    s.process->start(QStringLiteral(SYNCDECK_EMULATOR_PATH), arguments);
    if (!s.process->waitForStarted(10000))
        return s;
    QByteArray out;
    while (!out.contains('\n') && s.process->state() == QProcess::Running
           && s.process->waitForReadyRead(30000))
        out += s.process->readAllStandardOutput();
    s.firstLine = out.split('\n').constFirst();
    return s;
}

} // namespace

class TestEmulatorCli : public QObject
{
    Q_OBJECT
private slots:
    void firstLineAndSignals_data();
    void firstLineAndSignals();
    void help();
    void badOptions_data();
    void badOptions();
    void verboseLogNeverShowsSecrets();
};

void TestEmulatorCli::firstLineAndSignals_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestEmulatorCli::firstLineAndSignals()
{
    QFETCH(int, signalNumber);
    Started s = start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                       QStringLiteral("7"), QStringLiteral("--jobs"), QStringLiteral("20")});
    QVERIFY(s.process->state() == QProcess::Running);
    QVERIFY2(QRegularExpression(QStringLiteral("^listening on http://127\\.0\\.0\\.1:[1-9][0-9]*$"))
                 .match(QString::fromLatin1(s.firstLine))
                 .hasMatch(),
             s.firstLine.constData());
    const QUrl url(QString::fromLatin1(s.firstLine.mid(13)));
    syncdeck::test::SignedHttp http(url, syncdeck::test::emulatorCredentials());
    QCOMPARE(http.get("/applications").status, 200);
    ::kill(pid_t(s.process->processId()), signalNumber);
    QVERIFY(s.process->waitForFinished(20000));
    QCOMPARE(s.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(s.process->exitCode(), 0);
}

void TestEmulatorCli::help()
{
    QProcess p;
    p.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray out = p.readAllStandardOutput();
    for (const char *option :
         {"--port", "--seed", "--applications", "--indices", "--data-sources", "--jobs", "--state",
          "--access-key-id", "--secret-access-key", "--session-token", "--region", "--fault",
          "--clock-skew", "--sync-seconds", "--stop-seconds", "--verbose",
          syncdeck::emulator::DefaultAccessKeyId, syncdeck::emulator::DefaultSecretAccessKey})
        QVERIFY2(out.contains(option), option);
}

void TestEmulatorCli::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("port") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")} << 252
                          << QByteArray("--port must be a whole number between 0 and 65535");
    QTest::newRow("jobs") << QStringList {QStringLiteral("--jobs"), QStringLiteral("many")} << 252
                          << QByteArray("--jobs must be a whole number");
    QTest::newRow("fault kind") << QStringList {QStringLiteral("--fault"),
                                                QStringLiteral("explode=1")}
                                << 252 << QByteArray("unknown fault 'explode'");
    QTest::newRow("fault probability")
        << QStringList {QStringLiteral("--fault"), QStringLiteral("throttle=2")} << 252
        << QByteArray("between 0 and 1");
    QTest::newRow("stall without ms")
        << QStringList {QStringLiteral("--fault"), QStringLiteral("stall=0.5")} << 252
        << QByteArray("stall needs P:MS");
    QTest::newRow("fault sum") << QStringList {QStringLiteral("--fault"),
                                               QStringLiteral("throttle=0.6,reset=0.6")}
                               << 252 << QByteArray("add up to");
    QTest::newRow("sync seconds") << QStringList {QStringLiteral("--sync-seconds"),
                                                  QStringLiteral("0")}
                                  << 252 << QByteArray("--sync-seconds must be");
    QTest::newRow("positional") << QStringList {QStringLiteral("extra")} << 252
                                << QByteArray("unexpected argument 'extra'");
    QTest::newRow("missing state")
        << QStringList {QStringLiteral("--state"), QStringLiteral("/nonexistent/state.json")} << 253
        << QByteArray("cannot read the state file /nonexistent/state.json");
}

void TestEmulatorCli::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    QProcess p;
    p.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), arguments);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), exitCode);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains(message), err.constData());
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

void TestEmulatorCli::verboseLogNeverShowsSecrets()
{
    const QString secret = QStringLiteral("Verbose/Test+Secret");
    const QString token = QStringLiteral("SessionTokenValue");
    Started s = start({QStringLiteral("--verbose"), QStringLiteral("--jobs"), QStringLiteral("5"),
                       QStringLiteral("--secret-access-key"), secret,
                       QStringLiteral("--session-token"), token});
    QVERIFY(s.firstLine.startsWith("listening on "));
    syncdeck::aws::Credentials credentials = syncdeck::test::emulatorCredentials();
    credentials.secretAccessKey = syncdeck::aws::SecretString(secret);
    credentials.sessionToken = syncdeck::aws::SecretString(token);
    syncdeck::test::SignedHttp http(QUrl(QString::fromLatin1(s.firstLine.mid(13))), credentials);
    QCOMPARE(http.get("/applications").status, 200);
    QCOMPARE(http.get("/applications/x/indices").status, 400);
    // A token in the query (presigned-URL style) is blanked in the log too.
    QCOMPARE(http.get("/applications", "X-Amz-Security-Token=" + token.toUtf8()).status, 200);
    s.process->terminate();
    QVERIFY(s.process->waitForFinished(20000));
    const QByteArray log = s.process->readAllStandardError();
    QVERIFY2(log.contains("GET /applications -> 200 key=AKIDSYNCDECKEMULATOR"), log.constData());
    QVERIFY2(log.contains("GET /applications/x/indices -> 400 ValidationException"),
             log.constData());
    QVERIFY2(log.contains("GET /applications?X-Amz-Security-Token=**REDACTED** -> 200"),
             log.constData());
    QVERIFY(!log.contains(secret.toUtf8()));
    QVERIFY(!log.contains(token.toUtf8()));
}

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "tst_emulatorcli.moc"
