#include "reportexport.h"

#include "aws/jsonwriter.h"
#include "documentreportmodel.h"
#include "qbusiness/exportjobs.h"

#include <QDateTime>
#include <QIODevice>
#include <QTimeZone>

namespace syncdeck::report {

namespace {

QString isoTime(qint64 ms)
{
    return qbusiness::isoUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
}

QString kindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Document:
        return QStringLiteral("document");
    case EventKind::LegacyError:
        return QStringLiteral("legacyError");
    case EventKind::GroupMembership:
        return QStringLiteral("groupMembership");
    case EventKind::Unreadable:
        break;
    }
    return QStringLiteral("unreadable");
}

void member(aws::JsonWriter &w, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    w.key(QLatin1StringView(key));
    w.value(value);
}

QString statusCell(const ReportEvent &e)
{
    if (e.isUnreadable())
        return QStringLiteral("UNREADABLE");
    const QString wire = documentStatusToWire(e.status);
    return wire.isEmpty() ? e.statusWire : wire;
}

} // namespace

QStringList reportCsvColumns()
{
    return {QStringLiteral("time"),        QStringLiteral("status"),
            QStringLiteral("documentId"),  QStringLiteral("documentTitle"),
            QStringLiteral("sourceUri"),   QStringLiteral("crawlAction"),
            QStringLiteral("crawlStatus"), QStringLiteral("syncStatus"),
            QStringLiteral("indexStatus"), QStringLiteral("errorMessage"),
            QStringLiteral("errorCode"),   QStringLiteral("reason"),
            QStringLiteral("problems"),    QStringLiteral("logStreamName"),
            QStringLiteral("eventId")};
}

QString reportCsvRow(const ReportEvent &e, const QString &reason)
{
    const bool membership = e.kind == EventKind::GroupMembership;
    const QStringList cells = {isoTime(e.timestamp),
                               statusCell(e),
                               membership ? e.membership.memberName : e.documentId,
                               membership ? e.membership.groupName : e.documentTitle,
                               e.sourceUri,
                               e.crawlAction,
                               e.crawlStatus.status,
                               e.syncStatus.status,
                               e.indexStatus.status,
                               e.errorMessage,
                               e.errorCode,
                               reason,
                               e.problems.join(QStringLiteral("; ")),
                               e.logStreamName,
                               e.eventId};
    QString row;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            row += u',';
        row += qbusiness::csvCell(cells.at(i));
    }
    return row;
}

void appendJsonLine(QByteArray &out, const ReportEvent &e, const QString &reason)
{
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("timestamp"));
    w.value(e.timestamp);
    member(w, "time", isoTime(e.timestamp));
    if (e.ingestionTime > 0) {
        w.key(QLatin1StringView("ingestionTime"));
        w.value(e.ingestionTime);
    }
    member(w, "logStreamName", e.logStreamName);
    member(w, "eventId", e.eventId);
    member(w, "kind", kindName(e.kind));
    member(w, "status", statusCell(e));
    member(w, "documentId", e.documentId);
    member(w, "documentTitle", e.documentTitle);
    member(w, "sourceUri", e.sourceUri);
    member(w, "crawlAction", e.crawlAction);
    member(w, "crawlStatus", e.crawlStatus.status);
    member(w, "syncStatus", e.syncStatus.status);
    member(w, "indexStatus", e.indexStatus.status);
    member(w, "errorMessage", e.errorMessage);
    member(w, "errorCode", e.errorCode);
    member(w, "logLevel", e.logLevel);
    member(w, "reason", reason);
    if (e.kind == EventKind::GroupMembership) {
        member(w, "groupName", e.membership.groupName);
        member(w, "memberName", e.membership.memberName);
        member(w, "memberGlobalName", e.membership.memberGlobalName);
        member(w, "memberType", e.membership.memberType);
    }
    if (!e.problems.isEmpty()) {
        w.key(QLatin1StringView("problems"));
        w.beginArray();
        for (const QString &p : e.problems)
            w.value(p);
        w.endArray();
    }
    w.key(QLatin1StringView("message"));
    w.value(e.message);
    w.endObject();
    out += '\n';
}

bool exportReport(const QString &path, const DocumentReportModel &model, ReportExportFormat format,
                  QString *error)
{
    return qbusiness::writeFileAtomically(
        path,
        [&model, format](QIODevice *out, QString *writeError) {
            QByteArray buffer;
            const auto flush = [&](bool force) {
                if (!force && buffer.size() < (1 << 16))
                    return true;
                const bool ok = out->write(buffer) == buffer.size();
                buffer.clear();
                return ok;
            };
            if (format == ReportExportFormat::Csv)
                buffer += reportCsvColumns().join(u',').toUtf8() + "\r\n";
            for (int i = 0; i < model.matchingCount(); ++i) {
                const ReportEvent e = model.matchingEvent(i);
                const QString reason = model.reasonOfMatching(i);
                if (format == ReportExportFormat::Csv)
                    buffer += reportCsvRow(e, reason).toUtf8() + "\r\n";
                else
                    appendJsonLine(buffer, e, reason);
                if (!flush(false)) {
                    *writeError = QString();
                    return false;
                }
            }
            return flush(true);
        },
        error);
}

} // namespace syncdeck::report
