#include "reportevent.h"

#include "aws/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

namespace syncdeck::report {

namespace {

using aws::json::typeName;

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return {};
}

// Reads the members of one message; every member it takes is removed from `rest`, so what is
// left at the end are the members SyncDeck does not know.
class Members
{
public:
    Members(QJsonObject object, ReportEvent *event)
        : m_rest(std::move(object))
        , m_event(event)
    { }

    bool has(QLatin1StringView key) const { return m_rest.contains(key); }
    QJsonValue take(QLatin1StringView key)
    {
        const QJsonValue v = m_rest.value(key);
        m_rest.remove(key);
        return v;
    }

    // A string member; a number or boolean is kept as its text, anything else is a problem.
    QString string(QLatin1StringView key)
    {
        const QJsonValue v = m_rest.value(key);
        if (v.isUndefined() || v.isNull()) {
            m_rest.remove(key);
            return {};
        }
        if (v.isString()) {
            m_rest.remove(key);
            return v.toString();
        }
        problem(key, v, QStringLiteral("a string"));
        // Kept among the other members, verbatim; scalars also read as their text.
        return v.isDouble() || v.isBool() ? compact(v) : QString();
    }

    // The first of several spellings that is present.
    QString string(std::initializer_list<QLatin1StringView> keys)
    {
        for (const QLatin1StringView key : keys) {
            if (has(key))
                return string(key);
        }
        return {};
    }

    void problem(QLatin1StringView key, const QJsonValue &v, const QString &expected)
    {
        m_event->problems.append(
            QStringLiteral("%1 is %2, expected %3").arg(QString(key), typeName(v), expected));
    }

    QJsonObject rest() const { return m_rest; }

private:
    QJsonObject m_rest;
    ReportEvent *m_event;
};

StageStatus readStage(Members &m, QLatin1StringView key)
{
    const QJsonValue v = m.take(key);
    StageStatus s;
    if (v.isString()) {
        s.status = v.toString();
    } else if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (const QLatin1StringView k :
             {QLatin1StringView("Status"), QLatin1StringView("status")}) {
            if (o.value(k).isString() && s.status.isEmpty()) {
                s.status = o.value(k).toString();
                o.remove(k);
            }
        }
        if (!o.isEmpty())
            s.detail = compact(o);
    } else if (!v.isUndefined() && !v.isNull()) {
        m.problem(key, v, QStringLiteral("an object or a string"));
        s.detail = compact(v);
    }
    return s;
}

// A member that holds JSON either directly or as a string of JSON text (Acl, Metadata).
QJsonValue embeddedJson(Members &m, QLatin1StringView key, ReportEvent *e)
{
    const QJsonValue v = m.take(key);
    if (!v.isString())
        return v;
    const QString text = v.toString();
    if (text.trimmed().isEmpty())
        return QJsonValue();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        e->problems.append(QStringLiteral("%1 is a string that is not JSON (%2 at character %3)")
                               .arg(QString(key), pe.errorString())
                               .arg(pe.offset));
        e->otherMembers.insert(key, v);
        return QJsonValue();
    }
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void readAcl(Members &m, ReportEvent *e)
{
    const QJsonValue v = embeddedJson(m, QLatin1StringView("Acl"), e);
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isArray()) {
        e->problems.append(QStringLiteral("Acl is %1, expected a JSON array").arg(typeName(v)));
        e->otherMembers.insert(QLatin1StringView("Acl"), v);
        return;
    }
    const QJsonArray list = v.toArray();
    for (const QJsonValue &item : list) {
        if (!item.isObject()) {
            e->problems.append(
                QStringLiteral("an Acl entry is %1, expected an object").arg(typeName(item)));
            continue;
        }
        const QJsonObject o = item.toObject();
        const auto field = [&o](const char *camel, const char *pascal) {
            const QJsonValue f = o.value(QLatin1StringView(camel));
            return compact(f.isUndefined() ? o.value(QLatin1StringView(pascal)) : f);
        };
        e->acl.append({field("globalName", "GlobalName"), field("name", "Name"),
                       field("type", "Type"), field("access", "Access")});
    }
}

void readMetadata(Members &m, ReportEvent *e)
{
    const QJsonValue v = embeddedJson(m, QLatin1StringView("Metadata"), e);
    if (v.isObject()) {
        e->metadata = v.toObject();
    } else if (!v.isUndefined() && !v.isNull()) {
        e->problems.append(
            QStringLiteral("Metadata is %1, expected a JSON object").arg(typeName(v)));
        e->otherMembers.insert(QLatin1StringView("Metadata"), v);
    }
}

DocumentStatus deriveStatus(const ReportEvent &e)
{
    const StageStatus *stages[] = {&e.crawlStatus, &e.syncStatus, &e.indexStatus};
    bool anySkipped = false;
    bool allSucceeded = true;
    bool anySet = false;
    for (const StageStatus *s : stages) {
        const DocumentStatus st = documentStatusFromWire(s->status);
        anySet = anySet || s->isSet();
        if (st == DocumentStatus::Failed)
            return DocumentStatus::Failed;
        anySkipped = anySkipped || st == DocumentStatus::Skipped;
        allSucceeded = allSucceeded && (st == DocumentStatus::Succeeded || !s->isSet());
    }
    if (!e.errorMessage.isEmpty())
        return DocumentStatus::Failed;
    if (anySkipped)
        return DocumentStatus::Skipped;
    return anySet && allSucceeded ? DocumentStatus::Succeeded : DocumentStatus::Unknown;
}

void readDocument(Members &m, ReportEvent *e)
{
    e->kind = EventKind::Document;
    e->documentId = m.string(QLatin1StringView("DocumentId"));
    e->documentTitle = m.string(QLatin1StringView("DocumentTitle"));
    e->sourceUri = m.string({QLatin1StringView("SourceUri"), QLatin1StringView("SourceURI")});
    e->crawlAction = m.string(QLatin1StringView("CrawlAction"));
    e->hashedDocumentId = m.string(QLatin1StringView("HashedDocumentId"));
    e->errorMessage = m.string({QLatin1StringView("ErrorMsg"), QLatin1StringView("ErrorMessage")});
    e->errorCode = m.string(QLatin1StringView("ErrorCode"));
    e->crawlStatus = readStage(m, QLatin1StringView("CrawlStatus"));
    e->syncStatus = readStage(m, QLatin1StringView("SyncStatus"));
    e->indexStatus = readStage(m, QLatin1StringView("IndexStatus"));
    const StageStatus overall = readStage(m, QLatin1StringView("ConnectorDocumentStatus"));
    if (!overall.detail.isEmpty() && overall.status.isEmpty())
        e->otherMembers.insert(QLatin1StringView("ConnectorDocumentStatus"), overall.detail);
    e->statusWire = overall.status;
    e->status = documentStatusFromWire(overall.status);
    if (overall.status.isEmpty()) {
        e->status = deriveStatus(*e);
        e->statusDerived = true;
    }
    readAcl(m, e);
    readMetadata(m, e);
    if (e->documentId.isEmpty())
        e->problems.append(QStringLiteral("the event has no DocumentId"));
}

void readLegacy(Members &m, ReportEvent *e)
{
    e->kind = EventKind::LegacyError;
    e->documentId = m.string(QLatin1StringView("DocumentId"));
    e->errorCode = m.string(QLatin1StringView("ErrorCode"));
    e->errorMessage = m.string({QLatin1StringView("ErrorMessage"), QLatin1StringView("ErrorMsg")});
    e->logLevel = m.string(QLatin1StringView("LogLevel"));
    e->sourceUri = m.string({QLatin1StringView("SourceURI"), QLatin1StringView("SourceUri")});
    e->documentTitle = m.string(QLatin1StringView("DocumentTitle"));
    // These streams hold problems only: an error is a failed document, a warning a skipped one.
    const QString level = e->logLevel.toUpper();
    e->status
        = level.isEmpty() || level == QLatin1String("ERROR") || level == QLatin1String("FATAL")
        ? DocumentStatus::Failed
        : level.startsWith(QLatin1String("WARN")) ? DocumentStatus::Skipped
                                                  : DocumentStatus::Unknown;
    e->statusWire = e->logLevel;
    e->statusDerived = true;
}

std::optional<bool> flag(Members &m, QLatin1StringView key, ReportEvent *e)
{
    const QJsonValue v = m.take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (v.isBool())
        return v.toBool();
    const QString s = v.toString().trimmed();
    if (s.compare(QLatin1String("TRUE"), Qt::CaseInsensitive) == 0)
        return true;
    if (s.compare(QLatin1String("FALSE"), Qt::CaseInsensitive) == 0)
        return false;
    e->problems.append(QStringLiteral("%1 is %2, expected \"TRUE\" or \"FALSE\"")
                           .arg(QString(key), v.isString() ? u'"' + s + u'"' : typeName(v)));
    e->otherMembers.insert(key, v);
    return std::nullopt;
}

void readMembership(Members &m, ReportEvent *e)
{
    e->kind = EventKind::GroupMembership;
    GroupMembership &g = e->membership;
    g.groupName = m.string(QLatin1StringView("groupName"));
    g.memberName = m.string(QLatin1StringView("memberName"));
    g.memberGlobalName = m.string(QLatin1StringView("memberGlobalName"));
    g.memberType = m.string(QLatin1StringView("memberType"));
    g.isMemberFederated = flag(m, QLatin1StringView("isMemberFederated"), e);
    g.isGroupFederated = flag(m, QLatin1StringView("isGroupFederated"), e);
}

void unreadable(ReportEvent *e, const QString &why)
{
    e->kind = EventKind::Unreadable;
    e->problems.append(why);
}

} // namespace

DocumentStatus documentStatusFromWire(QStringView wire)
{
    const QStringView w = wire.trimmed();
    const auto is
        = [&w](const char *s) { return w.compare(QLatin1StringView(s), Qt::CaseInsensitive) == 0; };
    if (is("SUCCESS") || is("SUCCEEDED") || is("SUCCESSFUL"))
        return DocumentStatus::Succeeded;
    if (is("FAILED") || is("FAILURE") || is("FAIL") || is("ERROR"))
        return DocumentStatus::Failed;
    if (is("SKIPPED") || is("SKIP"))
        return DocumentStatus::Skipped;
    return DocumentStatus::Unknown;
}

QString documentStatusToWire(DocumentStatus status)
{
    switch (status) {
    case DocumentStatus::Succeeded:
        return QStringLiteral("SUCCESS");
    case DocumentStatus::Failed:
        return QStringLiteral("FAILED");
    case DocumentStatus::Skipped:
        return QStringLiteral("SKIPPED");
    case DocumentStatus::Unknown:
        break;
    }
    return {};
}

QString documentStatusText(DocumentStatus status)
{
    switch (status) {
    case DocumentStatus::Succeeded:
        return QStringLiteral("Succeeded");
    case DocumentStatus::Failed:
        return QStringLiteral("Failed");
    case DocumentStatus::Skipped:
        return QStringLiteral("Skipped");
    case DocumentStatus::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

StreamKind streamKindOf(QStringView name)
{
    if (name.startsWith(QLatin1StringView("SYNC_RUN_HISTORY_REPORT/")))
        return StreamKind::RunReport;
    if (name.startsWith(QLatin1StringView("GROUP_MEMBERSHIP/")))
        return StreamKind::GroupMembership;
    // {dataSourceId}/...: a 36-character id, then a slash.
    if (name.size() > 37 && name.at(36) == u'/')
        return StreamKind::LegacyErrors;
    return StreamKind::Unknown;
}

ReportEvent parseReportEvent(const logs::LogEvent &event)
{
    return parseReportEvent(event, event.message.toUtf8());
}

ReportEvent parseReportEvent(const logs::LogEvent &envelope, const QByteArray &utf8)
{
    ReportEvent e;
    e.logStreamName = envelope.logStreamName;
    e.timestamp = envelope.timestamp;
    e.ingestionTime = envelope.ingestionTime;
    e.eventId = envelope.eventId;
    e.message = envelope.message.isEmpty() ? QString::fromUtf8(utf8) : envelope.message;
    e.messageBytes = utf8.size();

    if (utf8.size() > MaxParsedMessageBytes) {
        unreadable(&e,
                   QStringLiteral("the message is %1 bytes, larger than any report event "
                                  "(%2 KiB); it is kept but not read")
                       .arg(QLocale::c().toString(utf8.size()))
                       .arg(MaxParsedMessageBytes / 1024));
        return e;
    }
    if (utf8.trimmed().isEmpty()) {
        unreadable(&e, QStringLiteral("the message is empty"));
        return e;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Qt reads only objects and arrays at the top: a lone string or number is JSON too.
        if (QJsonDocument::fromJson('[' + utf8 + ']').isArray()) {
            unreadable(&e, QStringLiteral("the message is a JSON value, not an object"));
            return e;
        }
        unreadable(&e,
                   QStringLiteral("the message is not JSON (%1 at byte %2)")
                       .arg(pe.errorString())
                       .arg(pe.offset));
        return e;
    }
    if (!doc.isObject()) {
        unreadable(&e,
                   QStringLiteral("the message is a JSON %1, not an object")
                       .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
        return e;
    }
    Members m(doc.object(), &e);
    const StreamKind stream = streamKindOf(e.logStreamName);
    const bool looksLikeMembership
        = m.has(QLatin1StringView("groupName")) || m.has(QLatin1StringView("memberName"));
    const bool looksLikeDocument = m.has(QLatin1StringView("ConnectorDocumentStatus"))
        || m.has(QLatin1StringView("ErrorMsg")) || m.has(QLatin1StringView("CrawlAction"))
        || m.has(QLatin1StringView("DocumentTitle"));
    const bool looksLikeLegacy = m.has(QLatin1StringView("LogLevel"))
        || m.has(QLatin1StringView("ErrorCode")) || m.has(QLatin1StringView("SourceURI"))
        || m.has(QLatin1StringView("ErrorMessage"));
    if (looksLikeMembership && !m.has(QLatin1StringView("DocumentId"))
        && (stream == StreamKind::GroupMembership || !looksLikeDocument))
        readMembership(m, &e);
    else if (!looksLikeDocument && (stream == StreamKind::LegacyErrors || looksLikeLegacy))
        readLegacy(m, &e);
    else
        readDocument(m, &e);
    const QJsonObject rest = m.rest();
    for (auto it = rest.begin(); it != rest.end(); ++it) {
        if (!e.otherMembers.contains(it.key()))
            e.otherMembers.insert(it.key(), it.value());
    }
    return e;
}

} // namespace syncdeck::report
