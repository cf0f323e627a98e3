// The emulator as the official AWS SDKs see it: the JavaScript SDK v3 (@aws-sdk/client-qbusiness
// with NodeHttpHandler) and boto3 walk a `syncdeck-emulator --seed 7 --jobs 500` process over
// TCP, page through every job with filters, and check typed errors, throttling and signatures.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {

constexpr int Applications = 2;
constexpr int DataSources = 3;
constexpr int Jobs = 500;

struct Emulator
{
    std::unique_ptr<QProcess> process;
    QString url;
};

// Starts syncdeck-emulator on a free port and reads "listening on http://127.0.0.1:PORT".
Emulator startEmulator(const QStringList &arguments, QString *error)
{
    Emulator e;
    e.process = std::make_unique<QProcess>();
    e.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    e.process->start(QStringLiteral(SYNCDECK_EMULATOR_PATH),
                     QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    if (!e.process->waitForStarted(10000)) {
        *error = QStringLiteral("syncdeck-emulator did not start: ") + e.process->errorString();
        return {};
    }
    QByteArray line;
    while (!line.contains('\n') && e.process->waitForReadyRead(30000))
        line += e.process->readAllStandardOutput();
    const QByteArray first = line.split('\n').constFirst().trimmed();
    if (!first.startsWith("listening on http://127.0.0.1:")) {
        *error = QStringLiteral("unexpected first line from syncdeck-emulator: ")
            + QString::fromUtf8(first);
        return {};
    }
    e.url = QString::fromLatin1(first.mid(int(sizeof("listening on ")) - 1));
    return e;
}

void stop(Emulator &e)
{
    if (e.process && e.process->state() != QProcess::NotRunning) {
        e.process->terminate();
        if (!e.process->waitForFinished(10000))
            e.process->kill();
        e.process->waitForFinished(5000);
    }
}

} // namespace

class TestSdkConformance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sdk_data();
    void sdk();

private:
    Emulator m_seeded;
    Emulator m_throttling;
};

void TestSdkConformance::initTestCase()
{
    QString error;
    // --sync-seconds 3600: the seeded job keeps running through the walk, however slow the
    // machine, so the counts of one walk hold for the next.
    m_seeded = startEmulator({QStringLiteral("--seed"), QStringLiteral("7"),
                              QStringLiteral("--jobs"), QString::number(Jobs),
                              QStringLiteral("--sync-seconds"), QStringLiteral("3600")},
                             &error);
    QVERIFY2(m_seeded.process, qPrintable(error));
    m_throttling = startEmulator({QStringLiteral("--seed"), QStringLiteral("7"),
                                  QStringLiteral("--jobs"), QStringLiteral("5"),
                                  QStringLiteral("--fault"), QStringLiteral("throttle=1")},
                                 &error);
    QVERIFY2(m_throttling.process, qPrintable(error));
}

void TestSdkConformance::cleanupTestCase()
{
    stop(m_seeded);
    stop(m_throttling);
}

void TestSdkConformance::sdk_data()
{
    QTest::addColumn<QString>("interpreter");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("requirement"); // a path that must exist, or empty
    const QString source = QStringLiteral(SYNCDECK_SOURCE_DIR);
    QTest::newRow("javascript-sdk-v3")
        << QStringLiteral("node") << source + QStringLiteral("/tests/conformance/sdk-walk.mjs")
        << QStringLiteral(SYNCDECK_NODE_MODULES "/@aws-sdk/client-qbusiness/package.json");
    QTest::newRow("boto3") << QStringLiteral("python3")
                           << source + QStringLiteral("/tests/conformance/boto3_walk.py")
                           << QString();
}

void TestSdkConformance::sdk()
{
    QFETCH(QString, interpreter);
    QFETCH(QString, script);
    QFETCH(QString, requirement);
    const QString program = QStandardPaths::findExecutable(interpreter);
    if (program.isEmpty())
        QSKIP(qPrintable(
            interpreter
            + QStringLiteral(" is not installed: this SDK conformance walk is skipped")));
    if (!requirement.isEmpty() && !QFileInfo::exists(requirement))
        QSKIP(qPrintable(QStringLiteral("%1 is missing: run `npm ci` (or `make deps`) in the "
                                        "tests/ folder to install the AWS SDK for JavaScript")
                             .arg(requirement)));

    QProcess walk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The SDKs must not pick up the machine's own AWS or proxy settings.
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("AWS_"))
            || name.toLower().endsWith(QLatin1String("_proxy")))
            env.remove(name);
    }
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("SYNCDECK_ENDPOINT"), m_seeded.url);
    env.insert(QStringLiteral("SYNCDECK_THROTTLE_ENDPOINT"), m_throttling.url);
    env.insert(QStringLiteral("SYNCDECK_EXPECT_APPLICATIONS"), QString::number(Applications));
    env.insert(QStringLiteral("SYNCDECK_EXPECT_DATA_SOURCES"), QString::number(DataSources));
    env.insert(QStringLiteral("SYNCDECK_EXPECT_JOBS"), QString::number(Jobs));
    env.insert(QStringLiteral("NODE_NO_WARNINGS"), QStringLiteral("1"));
    walk.setProcessEnvironment(env);
    walk.setWorkingDirectory(QStringLiteral(SYNCDECK_SOURCE_DIR));
    walk.setProcessChannelMode(QProcess::MergedChannels);
    walk.start(program, {script});
    QVERIFY2(walk.waitForStarted(10000), qPrintable(walk.errorString()));
    const bool finished = walk.waitForFinished(240000);
    const QByteArray output = walk.readAll();
    qInfo().noquote() << QString::fromUtf8(output).trimmed();
    QVERIFY2(finished, "the SDK walk did not finish within 240 s");
    if (walk.exitCode() == 77)
        QSKIP(qPrintable(QStringLiteral("skipped: ") + QString::fromUtf8(output).trimmed()));
    QCOMPARE(walk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(walk.exitCode(), 0);
    QVERIFY(output.contains("all checks passed"));
}

QTEST_GUILESS_MAIN(TestSdkConformance)
#include "tst_sdkconformance.moc"
