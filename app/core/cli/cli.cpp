#include "cli.h"

#include "cachecommands.h"
#include "configure.h"
#include "qbusinesscommands.h"
#include "signrequest.h"

#include <syncdeck/version.h>

#include <QCoreApplication>

namespace syncdeck::cli {
namespace {

void printUsage(QTextStream &s)
{
    s << "Usage: syncdeck-cli [--help] [--version] <command> [options]\n\n"
         "Command line for Amazon Q Business data source sync jobs. Commands and options\n"
         "follow the AWS CLI's `aws qbusiness`; `syncdeck-cli <command> --help` describes "
         "one.\n\nCommands:\n";
    for (const Command &c : commands())
        s << "  " << QString::fromLatin1(c.name).leftJustified(30) << ' '
          << QString::fromLatin1(c.summary) << '\n';
    s << "\nExit codes: 0 success, 130 interrupted, 252 bad command line, 253 configuration\n"
         "or credentials, 254 the service returned an error, 255 anything else.\n";
}

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {"list-applications", "List the applications of the region", listApplications},
        {"list-indices", "List the indices of an application", listIndices},
        {"list-data-sources", "List the data sources of an index", listDataSources},
        {"get-data-source", "Show one data source", getDataSource},
        {"list-data-source-sync-jobs", "List the sync job history of a data source",
         listDataSourceSyncJobs},
        {"start-data-source-sync-job", "Start a sync job of a data source", startDataSourceSyncJob},
        {"stop-data-source-sync-job", "Stop the running sync job of a data source",
         stopDataSourceSyncJob},
        {"sign-request", "Sign a raw HTTP request with SigV4 and print a stage (diagnostics)",
         &signRequest},
        {"cache", "Show, clear or export the local history cache (info, clear, export)", &runCache},
        {"configure", "Show the AWS settings and credentials in use (list, list-profiles)",
         &runConfigure},
    };
    return all;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printUsage(err);
        err << "\nsyncdeck-cli: error: a command is required\n";
        return UsageError;
    }
    const QString &first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        printUsage(out);
        return Success;
    }
    if (first == QLatin1String("--version")) {
        out << "syncdeck-cli " << Version << '\n';
        return Success;
    }
    for (const Command &c : commands()) {
        if (first == QLatin1String(c.name)) {
            Invocation invocation {
                first, QStringList {QStringLiteral("syncdeck-cli ") + first} + args.mid(1), out,
                err};
            return c.run(invocation);
        }
    }
    err << "syncdeck-cli: error: unknown command '" << first
        << "'. Run `syncdeck-cli --help` for the list of commands.\n";
    return UsageError;
}

} // namespace syncdeck::cli
