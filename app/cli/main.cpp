// syncdeck-cli: composition root only; the commands live in app/core/cli.
#include "cli/cli.h"

#include <syncdeck/version.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Qt's plain Unix event loop instead of the GLib one: a command-line tool needs no GLib
    // integration, and the Unix dispatcher wakes the other thread once per batch of posted
    // events rather than once per event (about 10% less CPU for a listing of 1,000 pages).
    // Set before any event dispatcher exists; child processes inherit it harmlessly.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return syncdeck::cli::run(QCoreApplication::arguments(), out, err);
}
