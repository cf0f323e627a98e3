// syncdeck-emulator: composition root only; the service lives in app/core/emulator.
#include <syncdeck/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-emulator"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local, signed, stateful Amazon Q Business endpoint for SyncDeck."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QTextStream(stderr) << "syncdeck-emulator: the service is not part of this build yet\n";
    return 255;
}
