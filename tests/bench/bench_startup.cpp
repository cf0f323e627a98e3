// Time from starting `syncdeck --demo` to the first rows of jobs painted: the app prints the
// elapsed time at that paint (SYNCDECK_STARTUP_BENCH=1); the harness also measures from its own
// QProcess::start(), which adds process creation and dynamic linking. Figures, not assertions.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class BenchStartup : public QObject
{
    Q_OBJECT
private slots:
    void firstRowsPainted_data();
    void firstRowsPainted();
};

void BenchStartup::firstRowsPainted_data()
{
    QTest::addColumn<int>("runs");
    QTest::newRow("demo, 5 runs") << 5;
}

void BenchStartup::firstRowsPainted()
{
    QFETCH(int, runs);
    QList<qint64> inApp;
    QList<qint64> fromSpawn;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir home; // no remembered settings, no ~/.aws of this machine
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SYNCDECK_STARTUP_BENCH"), QStringLiteral("1"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer clock;
        clock.start();
        app.start(QStringLiteral(SYNCDECK_GUI_BINARY), {QStringLiteral("--demo")});
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        QByteArray out;
        static const QRegularExpression line(QStringLiteral("first rows painted after (\\d+) ms"));
        QRegularExpressionMatch m;
        while (!(m = line.match(QString::fromUtf8(out))).hasMatch()) {
            if (!app.waitForReadyRead(30000))
                break;
            out += app.readAllStandardOutput();
        }
        const qint64 spawned = clock.elapsed();
        QVERIFY2(m.hasMatch(), out.constData());
        inApp << m.captured(1).toLongLong();
        fromSpawn << spawned;
        QVERIFY(app.waitForFinished(10000));
    }
    std::sort(inApp.begin(), inApp.end());
    std::sort(fromSpawn.begin(), fromSpawn.end());
    qInfo("FIGURE startup to first rows painted (--demo, platform %s): median %lld ms in the app "
          "(min %lld, max %lld), median %lld ms from process spawn",
          qgetenv("QT_QPA_PLATFORM").isEmpty() ? "default" : qgetenv("QT_QPA_PLATFORM").constData(),
          inApp.at(inApp.size() / 2), inApp.constFirst(), inApp.constLast(),
          fromSpawn.at(fromSpawn.size() / 2));
}

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
