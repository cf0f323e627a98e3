// get-sync-job-report against boto3's paginator over the same run report, side by side: a
// `syncdeck-emulator --seed 11` process serves its largest report (50,000+ events); the
// syncdeck-cli process writes it as JSON Lines to /dev/null (wall time, peak RSS), and boto3's
// filter_log_events paginator pages the same events (wall time of the process and of the
// paging alone). Prints figures; asserts only that both read every event.
#include "signedhttp.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace syncdeck;

class BenchReportCli : public QObject
{
    Q_OBJECT
private slots:
    void cliVersusBoto3();
};

void BenchReportCli::cliVersusBoto3()
{
    QProcess emulator;
    emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    emulator.start(QStringLiteral(SYNCDECK_EMULATOR_PATH),
                   {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                    QStringLiteral("11"), QStringLiteral("--data-sources"), QStringLiteral("6"),
                    QStringLiteral("--jobs"), QStringLiteral("40"),
                    QStringLiteral("--sync-seconds"), QStringLiteral("3600")});
    QVERIFY(emulator.waitForStarted(10000));
    QByteArray line;
    while (!line.contains('\n') && emulator.waitForReadyRead(30000))
        line += emulator.readAllStandardOutput();
    const QByteArray url = line.split('\n').constFirst().trimmed().mid(13);
    QVERIFY2(url.startsWith("http://127.0.0.1:"), line.constData());

    // The largest finished report of the first application.
    test::SignedHttp http(QUrl(QString::fromLatin1(url)), test::emulatorCredentials());
    const QString app = http.get("/applications")
                            .json()
                            .value(QLatin1String("applications"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QLatin1String("applicationId"))
                            .toString();
    const QString index = http.get("/applications/" + app.toLatin1() + "/indices")
                              .json()
                              .value(QLatin1String("indices"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("indexId"))
                              .toString();
    const QByteArray base
        = "/applications/" + app.toLatin1() + "/indices/" + index.toLatin1() + "/datasources";
    QString dataSource, execution;
    qint64 events = 0, startMs = 0, endMs = 0;
    const QJsonArray sources = http.get(base).json().value(QLatin1String("dataSources")).toArray();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QJsonValue &s : sources) {
        const QString ds = s.toObject().value(QLatin1String("dataSourceId")).toString();
        QByteArray query = "maxResults=10";
        for (int page = 0; page < 4; ++page) {
            const QJsonObject body
                = http.get(base + '/' + ds.toLatin1() + "/syncjobs", query).json();
            for (const QJsonValue &j : body.value(QLatin1String("history")).toArray()) {
                const QJsonObject o = j.toObject();
                const qint64 scanned = o.value(QLatin1String("metrics"))
                                           .toObject()
                                           .value(QLatin1String("documentsScanned"))
                                           .toString()
                                           .toLongLong();
                const qint64 start = qint64(o.value(QLatin1String("startTime")).toDouble() * 1000);
                if (!o.contains(QLatin1String("endTime")) || scanned <= events
                    || now - start > qint64(25) * 86400000)
                    continue;
                events = scanned;
                dataSource = ds;
                execution = o.value(QLatin1String("executionId")).toString();
                startMs = start;
                endMs = qint64(o.value(QLatin1String("endTime")).toDouble() * 1000);
            }
            const QString token = body.value(QLatin1String("nextToken")).toString();
            if (token.isEmpty())
                break;
            query = "maxResults=10&nextToken=" + test::encodeQueryValue(token);
        }
    }
    QVERIFY2(events >= 50000, qPrintable(QString::number(events)));

    QTemporaryDir home;
    QProcessEnvironment env
        = test::isolatedAwsEnvironment(home.path(), test::emulatorKeyVariables());
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), QString::fromLatin1(url));

    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral(SYNCDECK_CLI_PATH),
              {QStringLiteral("get-sync-job-report"), QStringLiteral("--application-id"), app,
               QStringLiteral("--index-id"), index, QStringLiteral("--data-source-id"), dataSource,
               QStringLiteral("--execution-id"), execution, QStringLiteral("--output"),
               QStringLiteral("jsonl")});
    QVERIFY(cli.waitForFinished(600000));
    const double cliSeconds = double(timer.elapsed()) / 1000.0;
    const QByteArray cliErr = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cliErr.contains(QByteArray(QByteArray::number(events) + " documents")),
             cliErr.constData());
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    const double cliPeakMb = double(usage.ru_maxrss) / 1024.0;

    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    double botoSeconds = -1;
    double botoPaging = -1;
    if (!python.isEmpty()) {
        QProcessEnvironment penv = env;
        penv.insert(QStringLiteral("SYNCDECK_BENCH"), QStringLiteral("1"));
        penv.insert(QStringLiteral("SYNCDECK_ENDPOINT"), QString::fromLatin1(url));
        penv.insert(QStringLiteral("SYNCDECK_LOG_GROUP"), QStringLiteral("/aws/qbusiness/") + app);
        penv.insert(QStringLiteral("SYNCDECK_LOG_STREAM"),
                    QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2").arg(dataSource, execution));
        penv.insert(QStringLiteral("SYNCDECK_START_TIME"), QString::number(startMs - 300000));
        penv.insert(QStringLiteral("SYNCDECK_END_TIME"), QString::number(endMs + 300000));
        QProcess boto;
        boto.setProcessEnvironment(penv);
        timer.restart();
        boto.start(python,
                   {QStringLiteral(SYNCDECK_SOURCE_DIR)
                    + QStringLiteral("/tests/conformance/boto3_report_walk.py")});
        QVERIFY(boto.waitForFinished(600000));
        botoSeconds = double(timer.elapsed()) / 1000.0;
        const QByteArray out = boto.readAllStandardOutput();
        if (boto.exitCode() == 0) {
            const QList<QByteArray> words = out.trimmed().split(' ');
            QCOMPARE(words.value(1).toLongLong(), events);
            botoPaging = words.value(3).toDouble();
        } else {
            qInfo("boto3 walk skipped: %s", out.constData());
            botoSeconds = -1;
        }
    }
    qInfo("report of %lld events (%s)", events, qPrintable(execution));
    qInfo("  syncdeck-cli get-sync-job-report --output jsonl: %.2f s, peak RSS %.1f MB, "
          "paced at 5 FilterLogEvents calls/s",
          cliSeconds, cliPeakMb);
    if (botoSeconds >= 0)
        qInfo("  boto3 filter_log_events paginator: %.2f s in all (paging alone %.2f s), not "
              "paced, nothing written",
              botoSeconds, botoPaging);
    else
        qInfo("  boto3: not available");
    emulator.terminate();
    emulator.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(BenchReportCli)
#include "bench_reportcli.moc"
