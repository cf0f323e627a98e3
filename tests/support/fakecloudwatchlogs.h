#pragma once

#include "logs/types.h"
#include "rawhttpserver.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace syncdeck::test {

// A small Amazon CloudWatch Logs for handler-server tests, speaking awsJson1_1 as the service
// does: FilterLogEvents, GetLogEvents and DescribeLogStreams over log groups and streams, with
// SigV4 verification (service "logs"), 1 MB / 10,000-event pages, time windows, the filter
// patterns SyncDeck sends for statuses, and switches for the bad days (empty pages with tokens,
// a token that repeats, throttling, AccessDenied, an HTML page, missing streams read as empty).
// A stream may be generated on demand, so a million events are never stored.
class FakeCloudWatchLogs
{
public:
    static constexpr char AccessKeyId[] = "AKIDFAKECLOUDWATCH00";
    static constexpr char SecretAccessKey[] = "fake/Logs+Secret/Key=ForTests000000000000";
    static constexpr char Region[] = "us-east-1";

    using Generator = std::function<logs::LogEvent(qint64 index)>;

    struct Options
    {
        bool verifySignature = true;
        int emptyPagesFirst = 0; // FilterLogEvents: this many empty pages with tokens first
        bool repeatToken = false; // FilterLogEvents: every page carries the same token
        int throttleFirst = 0; // the first N requests answer ThrottlingException
        int throttleEvery = 0; // then every Nth request does (0: never)
        bool accessDenied = false;
        bool accessDeniedDescribe = false; // only DescribeLogStreams is denied
        bool htmlPage = false; // every answer is a 502 HTML page from a proxy
        bool htmlOkPage = false; // every answer is a 200 HTML page
        bool missingStreamReadsEmpty = false; // as moto: FilterLogEvents ignores unknown names
        qint64 maxPageBytes = 1024 * 1024;
        int defaultLimit = 10000;
    };

    FakeCloudWatchLogs();
    explicit FakeCloudWatchLogs(Options options);

    void addGroup(const QString &group);
    // Events must be in timestamp order; their stream name is set here.
    void addStream(const QString &group, const QString &stream, QList<logs::LogEvent> events);
    // `count` events, produced by `generator` on demand (timestamps non-decreasing).
    void addGeneratedStream(const QString &group, const QString &stream, qint64 count,
                            Generator generator);
    void appendEvents(const QString &group, const QString &stream,
                      const QList<logs::LogEvent> &events);
    Options &options() { return m_options; }

    RawHttpReply handle(const RawHttpRequest &request);
    RawHttpServer::Handler handler()
    {
        return [this](const RawHttpRequest &r) { return handle(r); };
    }

    QStringList operations() const { return m_operations; } // X-Amz-Target suffixes seen
    QList<QJsonObject> bodies() const { return m_bodies; }
    int signatureFailures() const { return m_signatureFailures; }
    int requests() const { return m_requests; }

    static logs::LogEvent event(qint64 timestamp, const QString &message, qint64 id);

private:
    struct Stream
    {
        QList<logs::LogEvent> events;
        qint64 generated = 0;
        Generator generator;
        qint64 size() const { return generator ? generated : events.size(); }
        logs::LogEvent at(qint64 i) const { return generator ? generator(i) : events.at(i); }
        // The first event at or after `ms` (timestamps are in order).
        qint64 firstAtOrAfter(qint64 ms) const
        {
            qint64 lo = 0;
            qint64 hi = size();
            while (lo < hi) {
                const qint64 mid = (lo + hi) / 2;
                if (at(mid).timestamp < ms)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }
    };
    using Group = QMap<QString, Stream>;

    std::optional<RawHttpReply> selectStreams(const Group &group, const QJsonObject &body,
                                              QList<const Stream *> *streams,
                                              QStringList *names) const;
    RawHttpReply filterLogEvents(const QJsonObject &body);
    RawHttpReply getLogEvents(const QJsonObject &body);
    RawHttpReply describeLogStreams(const QJsonObject &body);
    Group *group(const QJsonObject &body);

    Options m_options;
    QHash<QString, Group> m_groups;
    QStringList m_operations;
    QList<QJsonObject> m_bodies;
    int m_signatureFailures = 0;
    int m_requests = 0;
    int m_filterCalls = 0;
};

} // namespace syncdeck::test
