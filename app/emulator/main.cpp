// syncdeck-emulator: composition root only; the service lives in app/core/emulator.
#include "aws/signalwatcher.h"
#include "emulator/commandline.h"
#include "emulator/server.h"

#include <syncdeck/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

int main(int argc, char *argv[])
{
    // Qt's plain Unix event loop: a server needs no GLib integration, and the Unix dispatcher
    // costs about 10% less CPU per request. Set before the event dispatcher exists.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-emulator"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "A local, signed, stateful Amazon Q Business endpoint for SyncDeck.\n"
            "Sign requests with access key id %1, secret access key %2 and region %3 unless told "
            "otherwise.")
            .arg(QLatin1String(syncdeck::emulator::DefaultAccessKeyId),
                 QLatin1String(syncdeck::emulator::DefaultSecretAccessKey),
                 QLatin1String(syncdeck::emulator::DefaultRegion)));
    parser.addHelpOption();
    parser.addVersionOption();
    syncdeck::emulator::addCommandLineOptions(&parser);
    parser.process(app);

    syncdeck::emulator::Options options;
    quint16 port = 0;
    QString error;
    QTextStream err(stderr);
    if (!syncdeck::emulator::optionsFromCommandLine(parser, &options, &port, &error)) {
        err << "syncdeck-emulator: " << error << '\n';
        return 252;
    }
    syncdeck::aws::SignalWatcher signalWatcher {SIGINT, SIGTERM};
    QObject::connect(&signalWatcher, &syncdeck::aws::SignalWatcher::received, &app,
                     [] { QCoreApplication::exit(0); });
    syncdeck::emulator::Server server(options);
    if (!server.listen(QHostAddress::LocalHost, port)) {
        err << "syncdeck-emulator: " << server.errorString() << '\n';
        return 253;
    }
    QTextStream out(stdout);
    out << "listening on " << server.url().toString() << Qt::endl; // endl flushes
    return app.exec();
}
