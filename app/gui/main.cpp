// syncdeck: composition root only; the window lives in ui/.
#include "mainwindow.h"

#include <syncdeck/version.h>

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SyncDeck"));
    QApplication::setOrganizationName(QStringLiteral("SyncDeck"));
    QApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(syncdeck::AppId));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Dashboard for Amazon Q Business data source sync jobs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open on the built-in demo service."));
    parser.addOption(demo);
    parser.process(app);

    syncdeck::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
