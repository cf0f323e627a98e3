#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types of the Amazon Q Business API (2023-11-27) that cross SyncDeck's layers.
// Enum-like fields keep the wire string verbatim so values newer than this build survive.
namespace syncdeck::qbusiness {

// The model's pattern of application, index, data source and execution IDs (36 characters).
inline constexpr QLatin1StringView ResourceIdPattern("[a-zA-Z0-9][a-zA-Z0-9-]{35}");
// True for a well-formed Q Business resource ID: the one check of the CLI, the dashboard and the
// "Go to" parser.
bool isResourceId(QStringView text);

// DataSourceSyncJobStatus, plus Unknown for values this build does not know.
enum class SyncStatus : quint8 {
    Unknown,
    Failed,
    Succeeded,
    Syncing,
    Incomplete,
    Stopping,
    Aborted,
    SyncingIndexing,
};

SyncStatus syncStatusFromWire(QStringView wire);
QString syncStatusToWire(SyncStatus status); // empty for Unknown
// The seven statuses of the model, in the model's order.
QList<SyncStatus> knownSyncStatuses();
// True for statuses after which the job no longer changes.
bool isFinalStatus(SyncStatus status);

// DataSourceSyncJobMetrics: strings of digits on the wire; any may be absent.
struct SyncJobMetrics
{
    std::optional<qint64> documentsAdded;
    std::optional<qint64> documentsModified;
    std::optional<qint64> documentsDeleted;
    std::optional<qint64> documentsFailed;
    std::optional<qint64> documentsScanned;
    friend bool operator==(const SyncJobMetrics &, const SyncJobMetrics &) = default;
};

// DataSourceSyncJob.
struct SyncJob
{
    QString executionId;
    QDateTime startTime; // invalid when absent
    QDateTime endTime; // invalid while running
    QString status; // verbatim wire value
    QString errorCode; // ErrorDetail.errorCode
    QString errorMessage; // ErrorDetail.errorMessage (server text: show as plain text)
    QString dataSourceErrorCode;
    SyncJobMetrics metrics;
    // The first value of this job that could not be read, as "<member> <why>" (the member
    // relative to the job, such as "metrics.documentsScanned"); that member is left absent.
    // Empty when every value was read.
    QString problem;

    SyncStatus statusKind() const { return syncStatusFromWire(status); }
    // The member named by problem ("" when there is none).
    QString problemMember() const { return problem.section(u' ', 0, 0); }
    friend bool operator==(const SyncJob &, const SyncJob &) = default;
};

struct SyncJobPage
{
    QList<SyncJob> history;
    QString nextToken; // empty on the last page
    // One line per job with a problem: "history[i].<member> <why> (execution <id>)".
    QStringList problems;
};

// Summaries used by the resource pickers.
struct Application
{
    QString applicationId;
    QString displayName;
    QString status;
    QString identityType;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct Index
{
    QString indexId;
    QString displayName;
    QString status;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct DataSource
{
    QString dataSourceId;
    QString displayName;
    QString type; // connector type, e.g. S3, SHAREPOINT
    QString status;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// GetDataSource output (the members SyncDeck shows).
struct DataSourceDetails
{
    QString applicationId;
    QString indexId;
    QString dataSourceId;
    QString dataSourceArn;
    QString displayName;
    QString type;
    QString status;
    QString description;
    QString syncSchedule;
    QString roleArn;
    QString errorCode;
    QString errorMessage;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Filters and paging of ListDataSourceSyncJobs.
struct ListSyncJobsRequest
{
    QString applicationId;
    QString indexId;
    QString dataSourceId;
    QString statusFilter; // wire value, empty for all (sent as `syncStatus`)
    QDateTime startTime; // invalid: not sent
    QDateTime endTime;
    int maxResults = 0; // 0: service default; 1..10
    QString nextToken;
    // Not sent. False: a job with a value that cannot be read fails the whole page (the CLI,
    // caches and scans never keep a partial job). True: the page keeps it, with
    // SyncJob::problem and SyncJobPage::problems saying what was left out (the window).
    bool keepJobsWithProblems = false;
};

// ListDocuments: the current state of each document of an index (not a run's report).
struct DocumentDetails
{
    QString documentId; // up to 1,825 characters (server text: plain text)
    QString status; // DocumentStatus, verbatim: RECEIVED, PROCESSING, INDEXED, UPDATED, FAILED,
                    // DELETING, DELETED, DOCUMENT_FAILED_TO_INDEX (others tolerated)
    QString errorCode; // ErrorDetail.errorCode
    QString errorMessage; // ErrorDetail.errorMessage
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const DocumentDetails &, const DocumentDetails &) = default;
};

struct DocumentPage
{
    QList<DocumentDetails> documents;
    QString nextToken;
};

struct ListDocumentsRequest
{
    QString applicationId;
    QString indexId;
    QString dataSourceId; // the model takes a list of at most one: empty for every source
    int maxResults = 0; // 1..100; 0: the service's default
    QString nextToken;
};

// Whether a document status means the document did not make it into the index.
bool isFailedDocumentStatus(const QString &status);

} // namespace syncdeck::qbusiness
