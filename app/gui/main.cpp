// syncdeck: composition root only; the window lives in ui/.
#include "launchoptions.h"
#include "mainwindow.h"

#include <syncdeck/version.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    // SYNCDECK_STARTUP_BENCH=1: print the time from process start to the first rows on screen.
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SyncDeck"));
    QApplication::setOrganizationName(QStringLiteral("SyncDeck"));
    QApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(syncdeck::AppId));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("syncdeck"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    syncdeck::ui::LaunchOptions options;
    syncdeck::ui::LaunchParse parse;
    QString error;
    if (!syncdeck::ui::parseLaunchOptions(QApplication::arguments(), &options, &parse, &error)) {
        std::fprintf(stderr, "syncdeck: %s\n", qPrintable(error));
        return 2;
    }
    if (parse.helpRequested) {
        std::fputs(qPrintable(parse.helpText), stdout);
        return 0;
    }
    if (parse.versionRequested) {
        std::printf("SyncDeck %s\n", syncdeck::Version);
        return 0;
    }

    const bool startupBench = qEnvironmentVariableIsSet("SYNCDECK_STARTUP_BENCH");
    if (startupBench)
        options.restoreSettings = false; // measure the defaults, not this machine's layout
    syncdeck::ui::MainWindow window(options);
    if (startupBench) {
        QObject::connect(&window, &syncdeck::ui::MainWindow::firstRowsShown, &app, [&sinceStart] {
            std::printf("first rows painted after %lld ms\n", sinceStart.elapsed());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    window.show();
    return QApplication::exec();
}
