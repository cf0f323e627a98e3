#pragma once

#include <QStringList>
#include <QTextStream>

// syncdeck-cli: command dispatch and the exit codes of the AWS CLI v2.
namespace syncdeck::cli {

enum ExitCode : int {
    Success = 0,
    Interrupted = 130, // SIGINT
    UsageError = 252, // bad command line or malformed input
    ConfigError = 253, // configuration or credentials
    ServiceError = 254, // the service answered with an error
    OtherError = 255, // anything else
};

// One invocation: the arguments after the command name and the two output streams. Commands
// write results to `out` only, so stdout can be piped; messages go to `err`.
struct Invocation
{
    QString command;
    QStringList arguments; // argv[0] is "syncdeck-cli <command>" for QCommandLineParser
    QTextStream &out;
    QTextStream &err;
};

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(Invocation &);
};

// Every command of syncdeck-cli, in the order `--help` lists them.
const QList<Command> &commands();

// Runs `syncdeck-cli` with the full argv (arguments[0] is the program). Needs a
// QCoreApplication; runs its own event loops where commands wait on the network.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace syncdeck::cli
