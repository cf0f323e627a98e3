#pragma once

#include "cli.h"
#include "globaloptions.h"
#include "outputformatter.h"

#include "aws/jsonwriter.h"
#include "aws/signalwatcher.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

// What every `aws qbusiness`-style command of syncdeck-cli shares: its options, the session and
// client, the output format, Ctrl-C, error reports with the AWS CLI's exit codes, and the two
// shapes of command (a paginated listing, a single call).
namespace syncdeck::cli {

// What a command needs besides the global options.
struct CommandDef
{
    QString description;
    QStringList ids; // required ID options, e.g. "application-id"
    bool paginated = false;
    bool syncJobFilters = false;
    // The command's own options beyond the shared ones (read with value()/isSet()).
    QList<QCommandLineOption> options = {};
    // --refresh-cache, --from-cache and --cache-dir (list-data-source-sync-jobs).
    bool cacheOptions = false;
};

// How a listing uses the local history cache: not at all (the default: scripts expect fresh
// data), incrementally through it, or from it alone.
enum class CacheMode { None, Refresh, FromCache };

// A list command: the page call factory, the reader of a page and the item converter.
struct ListSpec
{
    QString operation;
    QString listKey;
    QList<OutputColumn> columns;
    qbusiness::Paginator::StartPage startPage;
    qbusiness::Paginator::ReadPage readPage;
    std::function<QJsonObject(qbusiness::Call *, int)> itemAt;
    // Optional: item i written as compact JSON, the same text as itemAt(call, i) would print
    // (the fast path of --output jsonl).
    std::function<void(aws::JsonWriter &, qbusiness::Call *, int)> writeItem = {};
};

// One command run.
class ServiceCommand
{
public:
    ServiceCommand(Invocation &invocation, CommandDef def);

    // Parses the command line and connects: std::nullopt to go on, else the exit code to stop
    // with (0 after --help).
    std::optional<int> prepare();

    qbusiness::Client *client() const { return m_client; }
    // A client for another region of the same session: the same credentials, retry settings
    // and endpoint override (one endpoint URL serves every region, as the emulator does), else
    // the endpoint the rule set gives for that region. nullptr with *error when it has none.
    qbusiness::Client *clientForRegion(const QString &region, QObject *parent,
                                       QString *error) const;
    void debug(const QString &line) const;
    // Prints "error: ..." and the command's help hint; returns the usage exit code.
    int usageError(const QString &message);
    // The value of an ID option ("application-id"), checked by prepare().
    QString id(const char *option) const;
    // --start-time, --end-time and --status-filter, for commands with syncJobFilters.
    const qbusiness::ListSyncJobsRequest &filters() const { return m_filters; }

    int runList(const ListSpec &spec);
    CacheMode cacheMode() const { return m_cacheMode; }
    QString cacheDirectory() const { return m_cacheDirectory; } // empty: the default
    bool includeKeptLocally() const { return m_includeKeptLocally; } // --from-cache
    // A listing whose items the caller has as values (from the cache): the same document as
    // runList() prints for them. begin once, then items in order, then end.
    void beginItems(const ListSpec &spec);
    void printJobs(const ListSpec &spec, const QList<qbusiness::SyncJob> &jobs);
    void endItems(const ListSpec &spec);
    bool itemsBegun() const { return m_listBegun; }
    // Starts a job on the qbusiness::Call contract (start, abort, finished, isFinished) and runs
    // the event loop until it finishes; Ctrl-C aborts it.
    template<typename Job>
    void runJob(Job *job)
    {
        QEventLoop loop;
        QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
        QObject::connect(&m_watcher, &aws::SignalWatcher::received, job, &Job::abort,
                         Qt::SingleShotConnection);
        job->start();
        if (!job->isFinished())
            loop.exec();
    }
    // Prints the service error the AWS CLI's way (code, request id, what to do); returns its
    // exit code. A listing cut short names the token to resume with.
    int reportError(const QString &operation, const qbusiness::AwsError &e,
                    const QString &resumeToken);
    // A failure of the local cache (exit 255), with what to do about it.
    int cacheError(const QString &message, const QString &nextStep);
    // A command of one call: run it, print its result (or the signed request with --dry-run).
    int runSingle(qbusiness::Call *created, const std::function<void(qbusiness::Call *)> &print);
    OutputFormatter &output() { return *m_out; }

    // For commands that drive their own calls (get-sync-job-report, fleet-status).
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }
    const GlobalOptions &globals() const { return m_globals; }
    qint64 maxItems() const { return m_maxItems; }
    int pageSize() const { return m_pageSize; }
    QString startingToken() const { return m_startingToken; }
    // Ctrl-C: received() aborts what the command runs.
    aws::SignalWatcher &interrupts() { return m_watcher; }
    QTextStream &err() { return m_inv.err; }
    QTextStream &out() { return m_inv.out; }
    // The client configuration and credentials for CloudWatch Logs; std::nullopt after saying
    // why on stderr (exit ConfigError).
    std::optional<aws::ClientConfig> logsConfig();
    aws::CredentialsProvider *credentials() const { return m_credentials; }
    void wait(qbusiness::Call *call) { runToEnd(call); }

private:
    void addOptions(const QCommandLineOption &help);
    std::optional<int> readIds();
    std::optional<int> readSyncJobFilters();
    std::optional<int> readPaging();
    std::optional<int> readCacheOptions();
    std::optional<int> connect(const QProcessEnvironment &env);

    void printErrorDetails(const qbusiness::AwsError &e);
    void printDryRun(const qbusiness::SentRequest &request);
    // Runs one call to its end, aborting it on Ctrl-C.
    void runToEnd(qbusiness::Call *call);
    void printPage(const ListSpec &spec, qbusiness::Call *call, int first, int count);

    Invocation &m_inv;
    CommandDef m_def;
    QCommandLineParser m_parser;
    GlobalOptions m_globals;
    QObject m_root; // parent of the credentials provider and the client
    qbusiness::Client *m_client = nullptr;
    aws::CredentialsProvider *m_credentials = nullptr; // child of m_root
    QUrl m_logsEndpoint;
    QString m_logsEndpointError, m_logsEndpointNextStep;
    std::unique_ptr<OutputFormatter> m_out;
    aws::SignalWatcher m_watcher; // SIGINT aborts the calls: print what came, exit 130
    QHash<QString, QString> m_ids;
    qbusiness::ListSyncJobsRequest m_filters;
    qint64 m_maxItems = 0;
    int m_pageSize = 0;
    QString m_startingToken;
    bool m_listBegun = false; // runList: the document has started
    CacheMode m_cacheMode = CacheMode::None;
    QString m_cacheDirectory;
    bool m_includeKeptLocally = false;
};

} // namespace syncdeck::cli
