#pragma once

#include "aws/mfaprompt.h"

#include "qbusiness/client.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>

namespace syncdeck::aws {
class CredentialsProvider;
}

namespace syncdeck::cli {

// The AWS CLI's global options, as syncdeck-cli accepts them on every service command.
struct GlobalOptions
{
    QString profile;
    QString region;
    QString endpointUrl;
    QString output; // json | jsonl | csv | table
    QString caBundle;
    bool debug = false;
    bool noPaginate = false;
    bool dryRun = false;
    int readTimeoutSeconds = 60; // 0: no timeout
    int connectTimeoutSeconds = 60;
};

// The global options, defined once: every command accepts all of them, before or after its
// name, as the AWS CLI does.
const QList<QCommandLineOption> &globalOptions();
void addGlobalOptions(QCommandLineParser &parser);
// The AWS CLI parses global options wherever they stand (argparse's parse_known_args on the
// whole line) and takes the last of a repeated one. `leading` gets the arguments before the
// command name (global options with their values, and anything else that starts with '-', left
// for the command to refuse as the AWS CLI does); returns the index of the command name in
// `args`, or -1 when there is none.
qsizetype findCommand(const QStringList &args, QStringList *leading);
// QCommandLineParser's error after a failed parse(), worded as the AWS CLI words unknown options
// ("Unknown options: --foo, --bar").
QString parseErrorText(const QCommandLineParser &parser);
// Reads and checks them (AWS_DEFAULT_OUTPUT gives the default --output). False with *error
// (a bad command line, exit 252) when a value is malformed.
bool readGlobalOptions(const QCommandLineParser &parser, const QProcessEnvironment &env,
                       GlobalOptions *options, QString *error);

// Where and as whom to call the service.
struct CliSession
{
    qbusiness::ClientConfig config;
    aws::CredentialsProvider *credentials = nullptr; // child of the parent given
    QStringList description; // for --debug: "region us-east-1 (AWS_REGION)", never a secret
    // CloudWatch Logs (run reports): the same settings aimed at the Logs endpoint; empty with
    // the reason when it cannot be resolved (the Q Business commands do not need it).
    QUrl logsEndpoint;
    QString logsEndpointError, logsEndpointNextStep;
};

struct CliSessionError
{
    int exitCode = 0; // 252 for a malformed option, 253 for configuration and credentials
    QString message;
    QString nextStep;
};

// THE mapping from the global options and the environment to a session; nothing else in the
// CLI reads AWS settings. Profiles, region, endpoint, retry settings, CA bundle and the credential
// chain are resolved as the AWS CLI v2 does (aws::resolveSession); the CLI adds its timeouts and
// --dry-run. Errors are configuration errors (253).
// `mfaPrompt` answers assume-role profiles with mfa_serial (the terminal prompt in the CLI).
bool resolveCliSession(const GlobalOptions &options, const QProcessEnvironment &env,
                       QObject *parent, CliSession *session, CliSessionError *error,
                       const aws::MfaPrompt &mfaPrompt = {});

} // namespace syncdeck::cli
