// get-sync-job-report against boto3's paginator over the same run report, side by side: a
// `syncdeck-emulator --seed 11` process serves its largest report (50,000+ events); the
// syncdeck-cli process writes it as JSON Lines to /dev/null, and boto3's filter_log_events
// paginator pages the same events (bench_reportcli_boto3.py). Twice: without a quota, and with
// the emulator enforcing CloudWatch Logs' FilterLogEvents quota of 5 calls per second
// (`--fault throttle=5/s`, a token bucket of 5 per region), which is what both clients meet on
// AWS. For each client: wall time, pages, ThrottlingExceptions met (the emulator's access log:
// every 429 it answered while that client ran), whether every event was read, peak resident set
// (VmHWM of the client's process). boto3 runs in each of botocore's retry modes with their
// default attempts. Skips when boto3 is not installed. Prints figures; asserts only that the CLI
// reads every event and that boto3's events, when it finishes, are as many.
#include "bench_reportproc.h"
#include "signedhttp.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace syncdeck;

namespace {

constexpr int QuotaPerSecond = 5; // FilterLogEvents, per account and region

// The run whose report is read, and where it lives.
struct ReportRun
{
    QString app, index, dataSource, execution;
    qint64 events = 0, startMs = 0, endMs = 0;
};

// One client's read of the report.
struct Figures
{
    double seconds = 0;
    qint64 events = 0;
    int pages = 0; // FilterLogEvents answers (POST 200; the CLI's Q Business calls are GETs)
    int throttled = 0; // 429 ThrottlingException answers
    bool complete = false;
    double peakMb = 0;
    QString note; // how it ended, when not completely
};

// A GET that waits out the emulator's rate limit (the setup's calls are not measured).
test::HttpResult getPatiently(test::SignedHttp &http, const QByteArray &path,
                              const QByteArray &query = {})
{
    for (int attempt = 0;; ++attempt) {
        test::HttpResult r = http.get(path, query);
        if (r.status != 429 || attempt == 50)
            return r;
        QThread::msleep(250);
    }
}

QString firstId(const QJsonObject &body, const char *list, const char *id)
{
    return body.value(QLatin1String(list))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String(id))
        .toString();
}

// The largest finished report of the first application's runs of the last 25 days.
ReportRun largestReport(const QByteArray &url)
{
    test::SignedHttp http(QUrl(QString::fromLatin1(url)), test::emulatorCredentials());
    ReportRun run;
    run.app = firstId(getPatiently(http, "/applications").json(), "applications", "applicationId");
    run.index
        = firstId(getPatiently(http, "/applications/" + run.app.toLatin1() + "/indices").json(),
                  "indices", "indexId");
    const QByteArray base = "/applications/" + run.app.toLatin1() + "/indices/"
        + run.index.toLatin1() + "/datasources";
    const QJsonArray sources
        = getPatiently(http, base).json().value(QLatin1String("dataSources")).toArray();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QJsonValue &s : sources) {
        const QString ds = s.toObject().value(QLatin1String("dataSourceId")).toString();
        QByteArray query = "maxResults=10";
        for (int page = 0; page < 4; ++page) {
            const QJsonObject body
                = getPatiently(http, base + '/' + ds.toLatin1() + "/syncjobs", query).json();
            for (const QJsonValue &j : body.value(QLatin1String("history")).toArray()) {
                const QJsonObject o = j.toObject();
                const qint64 scanned = o.value(QLatin1String("metrics"))
                                           .toObject()
                                           .value(QLatin1String("documentsScanned"))
                                           .toString()
                                           .toLongLong();
                const qint64 start = qint64(o.value(QLatin1String("startTime")).toDouble() * 1000);
                if (!o.contains(QLatin1String("endTime")) || scanned <= run.events
                    || now - start > qint64(25) * 86400000)
                    continue;
                run.events = scanned;
                run.dataSource = ds;
                run.execution = o.value(QLatin1String("executionId")).toString();
                run.startMs = start;
                run.endMs = qint64(o.value(QLatin1String("endTime")).toDouble() * 1000);
            }
            const QString token = body.value(QLatin1String("nextToken")).toString();
            if (token.isEmpty())
                break;
            query = "maxResults=10&nextToken=" + test::encodeQueryValue(token);
        }
    }
    return run;
}

// Runs a started process to its end, sampling its peak resident set (which only grows) every
// 20 ms; returns the wall time in seconds.
double runToEnd(QProcess &process, const QElapsedTimer &since, double *peakMb)
{
    const qint64 pid = process.processId();
    qint64 peak = 0;
    while (!process.waitForFinished(20) && since.elapsed() < 600000)
        peak = std::max(peak,
                        test::procStatusKb(QStringLiteral("/proc/%1/status").arg(pid), "VmHWM"));
    *peakMb = double(peak) / 1024.0;
    return double(since.elapsed()) / 1000.0;
}

// What the emulator's access log says about the requests it answered since `from` (bytes).
void countAnswers(const QString &accessLog, qint64 from, Figures *f)
{
    QFile log(accessLog);
    if (!log.open(QIODevice::ReadOnly) || !log.seek(from))
        return;
    for (const QByteArray &line : log.readAll().split('\n')) {
        if (line.startsWith("POST / -> 200 "))
            ++f->pages;
        else if (line.contains(" ThrottlingException key="))
            ++f->throttled;
    }
}

bool boto3Installed(QString *python)
{
    *python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python->isEmpty())
        return false;
    QProcess probe;
    probe.start(*python, {QStringLiteral("-c"), QStringLiteral("import boto3")});
    return probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit
        && probe.exitCode() == 0;
}

QString figureLine(const char *who, const Figures &f)
{
    return QStringLiteral("  %1: %2 s, %3 pages, %4 ThrottlingExceptions, %5 events%6, peak RSS "
                          "%7 MB")
        .arg(QLatin1String(who))
        .arg(f.seconds, 0, 'f', 2)
        .arg(f.pages)
        .arg(f.throttled)
        .arg(f.events)
        .arg(f.complete ? QStringLiteral(" (all)")
                        : QStringLiteral(" (INCOMPLETE: %1)").arg(f.note))
        .arg(f.peakMb, 0, 'f', 1);
}

} // namespace

class BenchReportCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cliVersusBoto3_data();
    void cliVersusBoto3();

private:
    Figures readWithCli(const ReportRun &run, const QProcessEnvironment &env,
                        const QString &accessLog);
    Figures readWithBoto3(const ReportRun &run, QProcessEnvironment env, const QString &accessLog,
                          const QByteArray &url, const QString &mode);

    QString m_python;
};

void BenchReportCli::initTestCase()
{
    if (!boto3Installed(&m_python))
        QSKIP("boto3 is not installed for python3 (pip install boto3): the comparison with "
              "boto3's filter_log_events paginator needs it");
}

void BenchReportCli::cliVersusBoto3_data()
{
    QTest::addColumn<bool>("quota");
    QTest::newRow("no quota") << false;
    QTest::newRow("FilterLogEvents quota, 5 calls/s") << true;
}

Figures BenchReportCli::readWithCli(const ReportRun &run, const QProcessEnvironment &env,
                                    const QString &accessLog)
{
    const qint64 logFrom = QFileInfo(accessLog).size();
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral(SYNCDECK_CLI_PATH),
              {QStringLiteral("get-sync-job-report"), QStringLiteral("--application-id"), run.app,
               QStringLiteral("--index-id"), run.index, QStringLiteral("--data-source-id"),
               run.dataSource, QStringLiteral("--execution-id"), run.execution,
               QStringLiteral("--output"), QStringLiteral("jsonl")});
    Figures f;
    if (!cli.waitForStarted(10000))
        return f;
    f.seconds = runToEnd(cli, timer, &f.peakMb);
    const QByteArray err = cli.readAllStandardError();
    // "syncdeck-cli: N documents: ..." on stderr after a complete read.
    const qsizetype at = err.indexOf("syncdeck-cli: ");
    f.events = at < 0 ? 0 : err.mid(at + 14).split(' ').value(0).toLongLong();
    f.complete = cli.exitCode() == 0 && f.events == run.events;
    f.note = QString::fromUtf8(err.trimmed().right(300));
    countAnswers(accessLog, logFrom, &f);
    return f;
}

Figures BenchReportCli::readWithBoto3(const ReportRun &run, QProcessEnvironment env,
                                      const QString &accessLog, const QByteArray &url,
                                      const QString &mode)
{
    const qint64 logFrom = QFileInfo(accessLog).size();
    env.insert(QStringLiteral("SYNCDECK_ENDPOINT"), QString::fromLatin1(url));
    env.insert(QStringLiteral("SYNCDECK_LOG_GROUP"), QStringLiteral("/aws/qbusiness/") + run.app);
    env.insert(QStringLiteral("SYNCDECK_LOG_STREAM"),
               QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2").arg(run.dataSource, run.execution));
    env.insert(QStringLiteral("SYNCDECK_START_TIME"), QString::number(run.startMs - 300000));
    env.insert(QStringLiteral("SYNCDECK_END_TIME"), QString::number(run.endMs + 300000));
    env.insert(QStringLiteral("SYNCDECK_RETRY_MODE"), mode);
    QProcess boto;
    boto.setProcessEnvironment(env);
    boto.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    boto.start(m_python,
               {QStringLiteral(SYNCDECK_SOURCE_DIR)
                + QStringLiteral("/tests/bench/bench_reportcli_boto3.py")});
    Figures f;
    if (!boto.waitForStarted(10000))
        return f;
    f.seconds = runToEnd(boto, timer, &f.peakMb);
    // events N pages P throttled T seconds S complete C peak_kb K mode M attempts A error E
    const QList<QByteArray> words = boto.readAllStandardOutput().trimmed().split(' ');
    f.events = words.value(1).toLongLong();
    f.complete = words.value(9) == "1" && f.events == run.events;
    f.note = QString::fromLatin1(words.value(17))
        + QStringLiteral(" after %1 attempts of a call").arg(QString::fromLatin1(words.value(15)));
    countAnswers(accessLog, logFrom, &f);
    return f;
}

void BenchReportCli::cliVersusBoto3()
{
    QFETCH(bool, quota);
    QTemporaryDir home;
    const QString accessLog = home.filePath(QStringLiteral("emulator-access.log"));
    QStringList arguments {QStringLiteral("--port"),         QStringLiteral("0"),
                           QStringLiteral("--seed"),         QStringLiteral("11"),
                           QStringLiteral("--data-sources"), QStringLiteral("6"),
                           QStringLiteral("--jobs"),         QStringLiteral("40"),
                           QStringLiteral("--sync-seconds"), QStringLiteral("3600"),
                           QStringLiteral("--verbose")};
    if (quota)
        arguments << QStringLiteral("--fault")
                  << QStringLiteral("throttle=%1/s").arg(QuotaPerSecond);
    QProcess emulator;
    emulator.setStandardErrorFile(accessLog);
    emulator.start(QStringLiteral(SYNCDECK_EMULATOR_PATH), arguments);
    QVERIFY(emulator.waitForStarted(10000));
    QByteArray line;
    while (!line.contains('\n') && emulator.waitForReadyRead(30000))
        line += emulator.readAllStandardOutput();
    const QByteArray url = line.split('\n').constFirst().trimmed().mid(13);
    QVERIFY2(url.startsWith("http://127.0.0.1:"), line.constData());
    const ReportRun run = largestReport(url);
    QVERIFY2(run.events >= 50000, qPrintable(QString::number(run.events)));

    QProcessEnvironment env
        = test::isolatedAwsEnvironment(home.path(), test::emulatorKeyVariables());
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), QString::fromLatin1(url));
    const auto refill = [quota] {
        if (quota) // the next client starts with a full bucket, as the first did
            QThread::msleep(1500);
    };
    refill();
    const Figures cli = readWithCli(run, env, accessLog);
    qInfo("report of %lld events (%s), %s", run.events, qPrintable(run.execution),
          quota ? "the emulator allows 5 calls/s (token bucket of 5)" : "no quota");
    qInfo("%s",
          qPrintable(figureLine("syncdeck-cli get-sync-job-report --output jsonl "
                                "(paced at 5 FilterLogEvents calls/s)",
                                cli)));
    const QStringList modes = quota
        ? QStringList {QStringLiteral("standard"), QStringLiteral("legacy"),
                       QStringLiteral("adaptive")}
        : QStringList {QStringLiteral("standard")};
    for (const QString &mode : modes) {
        refill();
        const Figures boto = readWithBoto3(run, env, accessLog, url, mode);
        const QByteArray who = "boto3 filter_log_events paginator, retry mode " + mode.toLatin1()
            + " (default attempts)";
        qInfo("%s", qPrintable(figureLine(who.constData(), boto)));
        if (boto.complete)
            QCOMPARE(boto.events, run.events);
    }
    emulator.terminate();
    emulator.waitForFinished(10000);
    QVERIFY2(cli.complete, qPrintable(cli.note));
}

QTEST_GUILESS_MAIN(BenchReportCli)
#include "bench_reportcli.moc"
