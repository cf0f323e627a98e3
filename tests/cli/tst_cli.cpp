// The three executables as a user runs them: real processes, real exit codes.
#include <syncdeck/version.h>

#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void version_data();
    void version();
    void help_data();
    void help();
    void unknownCommandIsUsageError();
    void noCommandIsUsageError();
    void globalOptionsBeforeTopLevelFlags_data();
    void globalOptionsBeforeTopLevelFlags();
    void windowAnswersWithoutDisplay_data();
    void windowAnswersWithoutDisplay();
};

void TestCli::version_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("syncdeck-cli") << QStringLiteral(SYNCDECK_CLI_PATH)
                                  << QByteArray("syncdeck-cli");
    QTest::newRow("syncdeck") << QStringLiteral(SYNCDECK_GUI_PATH) << QByteArray("SyncDeck");
    QTest::newRow("syncdeck-emulator")
        << QStringLiteral(SYNCDECK_EMULATOR_PATH) << QByteArray("syncdeck-emulator");
}

void TestCli::version()
{
    QFETCH(QString, program);
    QFETCH(QByteArray, name);
    const Run r = run(program, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), name + ' ' + syncdeck::Version);
}

void TestCli::help_data()
{
    version_data();
}

void TestCli::help()
{
    QFETCH(QString, program);
    const Run r = run(program, {QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Usage:"), r.out.constData());
}

void TestCli::unknownCommandIsUsageError()
{
    const Run r = run(QStringLiteral(SYNCDECK_CLI_PATH), {QStringLiteral("no-such-command")});
    QCOMPARE(r.exitCode, 252);
    QVERIFY(r.err.contains("unknown command 'no-such-command'"));
    QVERIFY(r.out.isEmpty());
}

void TestCli::noCommandIsUsageError()
{
    const Run r = run(QStringLiteral(SYNCDECK_CLI_PATH), {});
    QCOMPARE(r.exitCode, 252);
    QVERIFY(r.err.contains("a command is required"));
}

// As `aws --region R --version`: global options may precede the top-level flags too.
void TestCli::globalOptionsBeforeTopLevelFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    QTest::newRow("version") << QStringList {QStringLiteral("--region"),
                                             QStringLiteral("eu-west-3"),
                                             QStringLiteral("--version")}
                             << 0 << QByteArray("syncdeck-cli " + QByteArray(syncdeck::Version))
                             << QByteArray();
    QTest::newRow("help") << QStringList {QStringLiteral("--output=json"), QStringLiteral("--help")}
                          << 0 << QByteArray("Global options, before or after the command")
                          << QByteArray();
    QTest::newRow("help word") << QStringList {QStringLiteral("--debug"), QStringLiteral("help")}
                               << 0 << QByteArray("--endpoint-url url") << QByteArray();
    QTest::newRow("no command") << QStringList {QStringLiteral("--region"),
                                                QStringLiteral("eu-west-3")}
                                << 252 << QByteArray() << QByteArray("a command is required");
    QTest::newRow("unknown command")
        << QStringList {QStringLiteral("--debug"), QStringLiteral("--profile"), QStringLiteral("p"),
                        QStringLiteral("no-such-command")}
        << 252 << QByteArray() << QByteArray("unknown command 'no-such-command'");
}

void TestCli::globalOptionsBeforeTopLevelFlags()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    const Run r = run(QStringLiteral(SYNCDECK_CLI_PATH), args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.out.contains(out), r.out.constData());
    QVERIFY2(r.err.contains(err), r.err.constData());
}

void TestCli::windowAnswersWithoutDisplay_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("--help") << QStringLiteral("--help") << 0 << QByteArray("Usage:");
    QTest::newRow("--version") << QStringLiteral("--version") << 0 << QByteArray("SyncDeck ");
    QTest::newRow("a mistyped option")
        << QStringLiteral("--no-such-option") << 2 << QByteArray("no-such-option");
}

void TestCli::windowAnswersWithoutDisplay()
{
    // As in a terminal over ssh: the window's platform is X11, and there is no display.
    QFETCH(QString, argument);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const Run r = run(QStringLiteral(SYNCDECK_GUI_PATH), {argument}, env);
    QCOMPARE(r.exitCode, exitCode);
    const QByteArray all = r.out + r.err;
    QVERIFY2(all.contains(expected), all.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
