// Client benchmark (label bench): fetch 10,000 sync jobs (1,000 pages of 10) from
// syncdeck-emulator with syncdeck-cli, the AWS SDK for JavaScript v3 paginator and boto3's
// paginator, and the peak RSS of `syncdeck-cli --output jsonl` at 100,000 jobs. Figures are
// printed, never asserted: machines are noisy. Each tool is a fresh process, timed from start to
// exit (wall clock), median of several runs; the SDK scripts also report their in-process time.
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
constexpr int Runs = 3;

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    double seconds = 0;
};

class Emulator
{
public:
    bool start(int jobs)
    {
        m_process.setProgram(QStringLiteral(SYNCDECK_EMULATOR_PATH));
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--applications"), QStringLiteral("1"),
                                QStringLiteral("--indices"), QStringLiteral("1"),
                                QStringLiteral("--data-sources"), QStringLiteral("1"),
                                QStringLiteral("--jobs"), QString::number(jobs)});
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        // First line: "listening on http://127.0.0.1:PORT".
        QElapsedTimer t;
        t.start();
        while (!m_process.canReadLine() && t.elapsed() < 120000)
            m_process.waitForReadyRead(1000);
        const QByteArray line = m_process.readLine().trimmed();
        m_url = QString::fromLatin1(line.mid(line.indexOf("http://")));
        return line.startsWith("listening on");
    }
    ~Emulator()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }
    QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

Result run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
           const QString &stdoutFile = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(600000)) {
        p.kill();
        p.waitForFinished();
    }
    Result r;
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QString firstValue(const QByteArray &jsonl, const char *key)
{
    return QJsonDocument::fromJson(jsonl.split('\n').value(0))
        .object()
        .value(QLatin1String(key))
        .toString();
}
} // namespace

class TestClientBench : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fetch10000Jobs();
    void jsonlPeakRss();

private:
    bool discover(const QString &url, QStringList *ids);

    QProcessEnvironment m_env;
    QTemporaryDir m_home;
    QString m_cli = QStringLiteral(SYNCDECK_CLI_PATH);
};

void TestClientBench::initTestCase()
{
    m_env = syncdeck::test::isolatedAwsEnvironment(m_home.path(),
                                                   syncdeck::test::emulatorKeyVariables());
    m_env.insert(QStringLiteral("NODE_NO_WARNINGS"), QStringLiteral("1"));
}

bool TestClientBench::discover(const QString &url, QStringList *ids)
{
    const QStringList common {QStringLiteral("--endpoint-url"), url, QStringLiteral("--output"),
                              QStringLiteral("jsonl")};
    const QString app = firstValue(
        run(m_cli, QStringList {QStringLiteral("list-applications")} + common, m_env).out,
        "applicationId");
    const QString index = firstValue(
        run(m_cli,
            QStringList {QStringLiteral("list-indices"), QStringLiteral("--application-id"), app}
                + common,
            m_env)
            .out,
        "indexId");
    const QString ds = firstValue(
        run(m_cli,
            QStringList {QStringLiteral("list-data-sources"), QStringLiteral("--application-id"),
                         app, QStringLiteral("--index-id"), index}
                + common,
            m_env)
            .out,
        "dataSourceId");
    *ids = {app, index, ds};
    return !app.isEmpty() && !index.isEmpty() && !ds.isEmpty();
}

void TestClientBench::fetch10000Jobs()
{
    Emulator emulator;
    QVERIFY(emulator.start(10000));
    QStringList ids;
    QVERIFY(discover(emulator.url(), &ids));

    // syncdeck-cli
    QList<double> cliTimes;
    const QString sink = m_home.filePath(QStringLiteral("cli.jsonl"));
    for (int i = 0; i < Runs; ++i) {
        const Result r
            = run(m_cli,
                  {QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--application-id"),
                   ids.at(0), QStringLiteral("--index-id"), ids.at(1),
                   QStringLiteral("--data-source-id"), ids.at(2), QStringLiteral("--page-size"),
                   QStringLiteral("10"), QStringLiteral("--output"), QStringLiteral("jsonl"),
                   QStringLiteral("--endpoint-url"), emulator.url()},
                  m_env, sink);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(sink);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 10000);
        cliTimes.append(r.seconds);
    }
    const double cli = median(cliTimes);
    qInfo("syncdeck-cli: 10000 jobs, 1000 pages: %.3f s (median of %d; runs %s)", cli, Runs,
          qPrintable(QStringLiteral("%1 %2 %3")
                         .arg(cliTimes.value(0))
                         .arg(cliTimes.value(1))
                         .arg(cliTimes.value(2))));

    // AWS SDK for JavaScript v3
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const bool haveJs = !node.isEmpty()
        && QFileInfo::exists(QStringLiteral(SYNCDECK_NODE_MODULES "/@aws-sdk/client-qbusiness"));
    if (haveJs) {
        QList<double> times, inner;
        for (int i = 0; i < Runs; ++i) {
            const Result r = run(
                node,
                {QStringLiteral(SYNCDECK_SOURCE_DIR "/tests/bench/jssdk_list_syncjobs.mjs"),
                 emulator.url(), ids.at(0), ids.at(1), ids.at(2), QStringLiteral("--page-size"),
                 QStringLiteral("10"), QStringLiteral("--count")},
                m_env);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QList<QByteArray> f = r.out.trimmed().split(' ');
            QCOMPARE(f.value(0), QByteArray("10000"));
            times.append(r.seconds);
            inner.append(f.value(1).toDouble());
        }
        qInfo("JS SDK v3 paginator: %.3f s process, %.3f s listing (median of %d); syncdeck-cli "
              "is %.1fx faster",
              median(times), median(inner), Runs, median(times) / cli);
    } else {
        qInfo("JS SDK v3: skipped (node or %s/@aws-sdk/client-qbusiness missing; run `npm ci` "
              "in tests/)",
              SYNCDECK_NODE_MODULES);
    }

    // boto3
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const bool haveBoto3 = !python.isEmpty()
        && run(python, {QStringLiteral("-c"), QStringLiteral("import boto3")}, m_env).exitCode == 0;
    if (haveBoto3) {
        QList<double> times, inner;
        for (int i = 0; i < Runs; ++i) {
            const Result r
                = run(python,
                      {QStringLiteral(SYNCDECK_SOURCE_DIR "/tests/bench/boto3_list_syncjobs.py"),
                       emulator.url(), ids.at(0), ids.at(1), ids.at(2), QStringLiteral("10")},
                      m_env);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QList<QByteArray> f = r.out.trimmed().split(' ');
            QCOMPARE(f.value(0), QByteArray("10000"));
            times.append(r.seconds);
            inner.append(f.value(1).toDouble());
        }
        qInfo("boto3 paginator: %.3f s process, %.3f s listing (median of %d); syncdeck-cli is "
              "%.1fx faster",
              median(times), median(inner), Runs, median(times) / cli);
    } else {
        qInfo("boto3: skipped (python3 with boto3 not found)");
    }
}

void TestClientBench::jsonlPeakRss()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/time")))
        QSKIP("/usr/bin/time is needed to read the peak RSS of the child");
    for (const int jobs : {10000, 100000}) {
        Emulator emulator;
        QVERIFY(emulator.start(jobs));
        QStringList ids;
        QVERIFY(discover(emulator.url(), &ids));
        const QString sink = m_home.filePath(QStringLiteral("rss.jsonl"));
        const Result r
            = run(QStringLiteral("/usr/bin/time"),
                  {QStringLiteral("-f"), QStringLiteral("peak-rss-kb %M"), m_cli,
                   QStringLiteral("list-data-source-sync-jobs"), QStringLiteral("--application-id"),
                   ids.at(0), QStringLiteral("--index-id"), ids.at(1),
                   QStringLiteral("--data-source-id"), ids.at(2), QStringLiteral("--page-size"),
                   QStringLiteral("10"), QStringLiteral("--output"), QStringLiteral("jsonl"),
                   QStringLiteral("--endpoint-url"), emulator.url()},
                  m_env, sink);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(sink);
        QVERIFY(f.open(QIODevice::ReadOnly));
        qint64 lines = 0;
        while (!f.atEnd()) {
            f.readLine();
            ++lines;
        }
        QCOMPARE(lines, qint64(jobs));
        const QByteArray err = r.err.trimmed();
        const qint64 kb = err.mid(err.lastIndexOf("peak-rss-kb ") + 12).trimmed().toLongLong();
        qInfo("syncdeck-cli --output jsonl, %d jobs: peak RSS %.1f MB, %.2f s", jobs,
              double(kb) / 1024.0, r.seconds);
    }
}

QTEST_GUILESS_MAIN(TestClientBench)
#include "tst_clientbench.moc"
