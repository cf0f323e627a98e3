#pragma once

#include "aws/stringpool.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

// The service's state: applications > indices > data sources > sync job history. Jobs are kept
// compactly (fixed-size records, strings pooled) so 100,000 jobs of one data source stay small.
namespace syncdeck::emulator {

// DataSourceSyncJobStatus in the model's order.
enum class JobStatus : quint8 {
    Failed,
    Succeeded,
    Syncing,
    Incomplete,
    Stopping,
    Aborted,
    SyncingIndexing,
};
inline constexpr int JobStatusCount = 7;
QString jobStatusName(JobStatus status);
bool jobStatusFromName(QStringView name, JobStatus *out);
bool isFinalJobStatus(JobStatus status);

// ErrorDetail.errorCode; None when the job has no error.
enum class JobErrorCode : quint8 {
    None,
    InternalError,
    InvalidRequest,
    ResourceInactive,
    ResourceNotFound
};
QString jobErrorCodeName(JobErrorCode code); // empty for None
bool jobErrorCodeFromName(QStringView name, JobErrorCode *out);

enum Metric {
    DocumentsAdded,
    DocumentsModified,
    DocumentsDeleted,
    DocumentsFailed,
    DocumentsScanned,
    MetricCount
};
QString metricName(int metric);
const char *metricNameLatin1(int metric); // the same name, as ASCII

struct JobRecord
{
    std::array<char, 36> executionId {};
    qint64 startMs = -1; // epoch milliseconds; -1: absent
    qint64 endMs = -1;
    std::array<qint64, MetricCount> metrics {-1, -1, -1, -1, -1}; // -1: absent
    JobStatus status = JobStatus::Succeeded;
    JobErrorCode errorCode = JobErrorCode::None;
    bool hasMetrics = true; // false: the `metrics` member is absent
    quint32 errorMessage = 0; // index into the string pool; 0: absent
    quint32 dataSourceErrorCode = 0;

    QString executionIdString() const { return QString::fromLatin1(executionId.data(), 36); }
};

// A job that is still changing: how it will progress with the wall clock.
struct LiveRun
{
    bool active = false;
    size_t index = 0; // into DataSourceRecord::jobs
    qint64 startMs = 0;
    qint64 durationMs = 0; // < 0: never finishes by itself (a running job from a fixture)
    qint64 stopRequestedMs = -1;
    JobStatus finalStatus = JobStatus::Succeeded;
    JobErrorCode finalErrorCode = JobErrorCode::None;
    quint32 finalErrorMessage = 0;
    quint32 finalDataSourceErrorCode = 0;
    std::array<qint64, MetricCount> finalMetrics {};
};

struct DataSourceRecord
{
    QString id;
    QString displayName;
    QString type;
    QString status = QStringLiteral("ACTIVE");
    QString description;
    QString syncSchedule;
    QString roleArn;
    QString arn;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    // Oldest first (by startTime); listings walk it backwards so new jobs never move a cursor.
    std::vector<JobRecord> jobs;
    LiveRun live;
};

struct IndexRecord
{
    QString id;
    QString displayName;
    QString status = QStringLiteral("ACTIVE");
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    std::vector<DataSourceRecord> dataSources;
};

struct ApplicationRecord
{
    QString id;
    QString displayName;
    QString status = QStringLiteral("ACTIVE");
    QString identityType = QStringLiteral("AWS_IAM_IDC");
    // SYNC_JOB_LOGS delivery is set up: /aws/qbusiness/{id} exists and holds the run reports.
    bool logDelivery = true;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    std::vector<IndexRecord> indices;
};

class Store
{
public:
    std::vector<ApplicationRecord> &applications() { return m_applications; }
    const std::vector<ApplicationRecord> &applications() const { return m_applications; }

    // Interns a string (errorMessage, dataSourceErrorCode); 0 stands for "absent".
    quint32 intern(const QString &text) { return m_strings.intern(text); }
    const QString &string(quint32 id) const { return m_strings.at(id); }

    ApplicationRecord *application(const QString &id);
    IndexRecord *index(ApplicationRecord *app, const QString &id);
    DataSourceRecord *dataSource(IndexRecord *index, const QString &id);

    // Brings a running job of `ds` up to `nowMs` (metrics grow, status moves on, it finishes).
    void advance(DataSourceRecord *ds, qint64 nowMs);
    // The running (non-final) job of ds, or nullptr.
    JobRecord *runningJob(DataSourceRecord *ds);
    // Starts a sync at nowMs lasting durationMs; returns the new job.
    const JobRecord &startJob(DataSourceRecord *ds, qint64 nowMs, qint64 durationMs, quint64 salt);
    // Asks the running job to stop; it stays STOPPING for stopMs, then becomes ABORTED.
    void stopJob(DataSourceRecord *ds, qint64 nowMs);
    void setStopDurationMs(qint64 ms) { m_stopDurationMs = ms; }

    // Call after filling applications(): builds the lookup tables.
    void index();

private:
    std::vector<ApplicationRecord> m_applications;
    aws::StringPool m_strings;
    QHash<QString, size_t> m_applicationById;
    qint64 m_stopDurationMs = 3000;
};

// A random UUID-shaped id ("8-4-4-4-12" lowercase hex), valid for every Q Business id pattern.
QString makeId(quint64 a, quint64 b);

} // namespace syncdeck::emulator
