#include "cli.h"

#include "cachecommands.h"
#include "configure.h"
#include "fleetstatus.h"
#include "globaloptions.h"
#include "qbusinesscommands.h"
#include "reportcommands.h"
#include "signrequest.h"

#include <syncdeck/version.h>

#include <QCoreApplication>

namespace syncdeck::cli {
namespace {

void printUsage(QTextStream &s)
{
    s << "Usage: syncdeck-cli [--help] [--version] [global options] <command> [options]\n\n"
         "Command line for Amazon Q Business data source sync jobs. Commands and options\n"
         "follow the AWS CLI's `aws qbusiness`; `syncdeck-cli <command> --help` describes "
         "one.\n\nCommands:\n";
    for (const Command &c : commands())
        s << "  " << QString::fromLatin1(c.name).leftJustified(30) << ' '
          << QString::fromLatin1(c.summary) << '\n';
    s << "\nGlobal options, before or after the command (the last of a repeated one counts):\n";
    for (const QCommandLineOption &o : globalOptions()) {
        const QString name = QStringLiteral("--") + o.names().constFirst()
            + (o.valueName().isEmpty() ? QString() : u' ' + o.valueName());
        s << "  " << name.leftJustified(30) << ' ' << o.description() << '\n';
    }
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
        {"get-sync-job-report",
         "Show which documents of a sync run failed and why (CloudWatch Logs)", getSyncJobReport},
        {"list-documents", "List the documents of an index and their current states",
         listDocuments},
        {"start-data-source-sync-job", "Start a sync job of a data source", startDataSourceSyncJob},
        {"stop-data-source-sync-job", "Stop the running sync job of a data source",
         stopDataSourceSyncJob},
        {"fleet-status", "Show the sync health of every data source (--fail-on for monitoring)",
         &fleetStatus},
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
    QStringList leading; // what stands before the command name: global options, mostly
    const qsizetype at = findCommand(args, &leading);
    // --version and --help act wherever they stand among the options before the command, as
    // argparse's version and help actions do for the AWS CLI.
    if (leading.contains(QLatin1String("--version"))) {
        out << "syncdeck-cli " << Version << '\n';
        return Success;
    }
    const QString first = at < 0 ? QString() : args.at(at);
    const bool helpFlag
        = leading.contains(QLatin1String("--help")) || leading.contains(QLatin1String("-h"));
    if (first == QLatin1String("help") || (helpFlag && at < 0)) {
        printUsage(out);
        return Success;
    }
    if (at < 0) {
        printUsage(err);
        err << "\nsyncdeck-cli: error: a command is required\n";
        return UsageError;
    }
    for (const Command &c : commands()) {
        if (first == QLatin1String(c.name)) {
            // The command parses the global options given before its name with its own.
            Invocation invocation {first,
                                   QStringList {QStringLiteral("syncdeck-cli ") + first} + leading
                                       + args.mid(at + 1),
                                   out, err};
            return c.run(invocation);
        }
    }
    err << "syncdeck-cli: error: unknown command '" << first
        << "'. Run `syncdeck-cli --help` for the list of commands.\n";
    return UsageError;
}

} // namespace syncdeck::cli
