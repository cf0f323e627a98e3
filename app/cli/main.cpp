// syncdeck-cli: composition root only; the commands live in app/core/cli.
#include "cli/cli.h"

#include <syncdeck/version.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return syncdeck::cli::run(QCoreApplication::arguments(), out, err);
}
