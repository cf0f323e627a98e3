#pragma once

#include "logs/types.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One event of a run's document report, parsed defensively. Amazon Q Business writes one JSON
// object per document into the run's stream; no public capture of a real event exists, so a
// status may be an object or a plain string, Acl/Metadata a string holding JSON or the JSON
// itself, members may be missing or new ones appear. Nothing is lost: the raw message is kept,
// unknown members are kept verbatim, and whatever was wrong is listed in `problems`.
namespace syncdeck::report {

// ConnectorDocumentStatus.Status: the overall result for one document.
enum class DocumentStatus : quint8 {
    Unknown,
    Succeeded, // SUCCESS
    Failed, // FAILED
    Skipped, // SKIPPED
};
DocumentStatus documentStatusFromWire(QStringView wire);
QString documentStatusToWire(DocumentStatus status); // SUCCESS, FAILED, SKIPPED; "" for Unknown
QString documentStatusText(DocumentStatus status); // "Succeeded", ...

// What a log stream of the application's log group holds, by its name.
enum class StreamKind : quint8 {
    RunReport, // SYNC_RUN_HISTORY_REPORT/{dataSourceId}/{executionId}
    GroupMembership, // GROUP_MEMBERSHIP/{dataSourceId}/{executionId}
    LegacyErrors, // {dataSourceId}/... (older connectors' error streams)
    Unknown,
};
StreamKind streamKindOf(QStringView logStreamName);

enum class EventKind : quint8 {
    Document, // a SYNC_RUN_HISTORY_REPORT event
    LegacyError, // DocumentId, ErrorCode, ErrorMessage, LogLevel, SourceURI
    GroupMembership, // groupName, memberName, ... ("TRUE"/"FALSE" strings)
    Unreadable, // not a JSON object, or too large to be a report event: see problems
};

// One of CrawlStatus / SyncStatus / IndexStatus.
struct StageStatus
{
    QString status; // the Status member of an object, or the plain string
    QString detail; // the object's other members, compact JSON (empty for a plain string)
    bool isSet() const { return !status.isEmpty() || !detail.isEmpty(); }
    friend bool operator==(const StageStatus &, const StageStatus &) = default;
};

struct AclEntry
{
    QString globalName, name, type, access;
    friend bool operator==(const AclEntry &, const AclEntry &) = default;
};

struct GroupMembership
{
    QString groupName, memberName, memberGlobalName, memberType;
    std::optional<bool> isMemberFederated, isGroupFederated;
    friend bool operator==(const GroupMembership &, const GroupMembership &) = default;
};

struct ReportEvent
{
    EventKind kind = EventKind::Unreadable;
    // The CloudWatch Logs envelope.
    QString logStreamName;
    qint64 timestamp = 0;
    qint64 ingestionTime = 0;
    QString eventId;
    QString message; // the raw message, verbatim
    qint64 messageBytes = 0; // its UTF-8 size

    // Document report members (legacy error events map onto the same fields).
    QString documentId;
    QString documentTitle;
    QString sourceUri; // SourceUri (legacy: SourceURI)
    QString crawlAction;
    QString hashedDocumentId;
    DocumentStatus status = DocumentStatus::Unknown;
    QString statusWire; // verbatim, also when not one SyncDeck knows
    bool statusDerived = false; // no ConnectorDocumentStatus: derived from the stages/error
    StageStatus crawlStatus, syncStatus, indexStatus;
    QString errorMessage; // ErrorMsg (legacy: ErrorMessage)
    QString errorCode; // legacy ErrorCode
    QString logLevel; // legacy LogLevel
    QList<AclEntry> acl;
    QJsonObject metadata;
    QJsonObject otherMembers; // members SyncDeck does not know, verbatim
    GroupMembership membership;

    // What was wrong with this event (wrong types, an Acl that is not JSON, ...), in words.
    QStringList problems;

    bool isUnreadable() const { return kind == EventKind::Unreadable; }
    bool hasProblems() const { return !problems.isEmpty(); }
};

// A message larger than this is not a report event (they are a few KB): it is kept, marked
// Unreadable, and not parsed.
inline constexpr qint64 MaxParsedMessageBytes = 256 * 1024;

// Parses one event. The stream name decides what the message should be; an event whose members
// say otherwise is read by its members.
ReportEvent parseReportEvent(const logs::LogEvent &event);
// The same from the message's UTF-8 bytes (what the report model keeps), without converting
// the message twice.
ReportEvent parseReportEvent(const logs::LogEvent &envelope, const QByteArray &utf8Message);

} // namespace syncdeck::report
