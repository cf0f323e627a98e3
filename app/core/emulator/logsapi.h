#pragma once

#include "options.h"
#include "pagetoken.h"
#include "router.h"
#include "runreport.h"
#include "store.h"

#include <QJsonObject>

#include <functional>
#include <optional>

// The CloudWatch Logs read operations (API 2014-03-28, awsJson1_1, signing name `logs`) over
// the reports of the store's sync runs: FilterLogEvents, GetLogEvents and DescribeLogStreams,
// with the model's validation and errors (InvalidParameterException, ResourceNotFoundException),
// pages of at most 10,000 events and 1 MB, and page tokens bound to the request's filters.
//
// Application X's log group /aws/qbusiness/X exists when the application has log delivery; it
// holds, per data source and run still within the retention, the streams
// SYNC_RUN_HISTORY_REPORT/{dataSourceId}/{executionId} and GROUP_MEMBERSHIP/... (RunReport).
// Streams sort by name; FilterLogEvents over several streams returns them one after the other.
namespace syncdeck::emulator {

class LogsApi
{
public:
    LogsApi(Store &store, const PageTokenCodec &tokens, const Options &options,
            std::function<qint64()> nowMs);

    static constexpr char SigningName[] = "logs";
    static constexpr char TargetPrefix[] = "Logs_20140328";
    void addRoutes(Router &router);

    HttpResponse filterLogEvents(const RoutedRequest &request);
    HttpResponse getLogEvents(const RoutedRequest &request);
    HttpResponse describeLogStreams(const RoutedRequest &request);

    // A stream of a log group: which run's report, and what kind.
    struct Stream
    {
        QString name;
        ReportStreamKind kind = ReportStreamKind::RunReport;
        const DataSourceRecord *dataSource = nullptr;
        size_t job = 0;
        RunReport report;
    };

private:
    // The log group a checked body names, brought up to now; nullptr with *error the answer.
    ApplicationRecord *group(const QJsonObject &body, QString *groupName, HttpResponse *error);
    // A read's body once checked, and the log group it names.
    struct GroupRequest
    {
        QJsonObject body;
        QString groupName;
        ApplicationRecord *app = nullptr;
    };
    // The operation's own members (in the model's order: the first failure is the answer).
    using MemberCheck = std::function<bool(const QJsonObject &body, HttpResponse *refusal)>;
    // What every read starts with: the body is JSON, passes `check`, and names a log group that
    // exists; else *refusal is the answer to send.
    bool validatedGroup(const RoutedRequest &request, const MemberCheck &check, GroupRequest *out,
                        HttpResponse *refusal);
    std::optional<Stream> stream(ApplicationRecord &app, const QString &name, qint64 nowMs);
    // The group's streams whose names start with prefix, sorted by name.
    std::vector<Stream> streams(ApplicationRecord &app, const QString &prefix, qint64 nowMs);
    QString streamArn(const ApplicationRecord &app, const QString &stream) const;

    Store &m_store;
    const PageTokenCodec &m_tokens;
    const Options &m_options;
    std::function<qint64()> m_nowMs;
};

// An awsJson error: the status, x-amzn-ErrorType and a body with __type and message.
HttpResponse awsJsonError(int status, const QString &type, const QString &message);

} // namespace syncdeck::emulator
