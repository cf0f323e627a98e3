#include "insightsquery.h"

#include "failuregroups.h"
#include "qbusiness/exportjobs.h"

#include <QTimeZone>

namespace syncdeck::report {

namespace {

QString quoted(const QString &text)
{
    QString q = text;
    q.replace(u'\\', QStringLiteral("\\\\"));
    q.replace(u'"', QStringLiteral("\\\""));
    return u'"' + q + u'"';
}

QString regexBody(const QString &pattern)
{
    QString body = pattern;
    body.replace(u'/', QStringLiteral("\\/"));
    // A line break would end the query line: written as an escape instead.
    body.replace(u'\n', QStringLiteral("\\n"));
    body.replace(u'\r', QStringLiteral("\\r"));
    return body;
}

QString escapeRegex(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (QStringLiteral("\\^$.|?*+()[]{}").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString utc(qint64 ms)
{
    return qbusiness::isoUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
}

} // namespace

QString insightsRegexLiteral(const QString &text)
{
    return QStringLiteral("/(?i)") + regexBody(escapeRegex(text)) + u'/';
}

QString InsightsQuery::text() const
{
    QString t = QStringLiteral("# Log group: %1\n# Time range: %2 to %3\n")
                    .arg(logGroupName, utc(startTimeMs),
                         endTimeMs ? utc(*endTimeMs) : QStringLiteral("now"));
    return t + queryString;
}

InsightsQuery insightsQueryFor(const RunReportTarget &target, const ReportView &view,
                               ReportSource source, const QDateTime &now)
{
    InsightsQuery q;
    q.logGroupName = target.logGroupName();
    q.startTimeMs = target.windowStartMs(now);
    q.endTimeMs = target.windowEndMs();

    QStringList lines;
    const bool legacy = source == ReportSource::LegacyErrors;
    const QString errorField = legacy ? QStringLiteral("ErrorMessage") : QStringLiteral("ErrorMsg");
    if (legacy) {
        lines << QStringLiteral("fields @timestamp, @logStream, DocumentId, SourceURI, LogLevel, "
                                "ErrorCode, ErrorMessage")
              << QStringLiteral("| filter @logStream like ")
                + insightsRegexLiteral(target.legacyStreamPrefix())
                      .replace(QStringLiteral("/(?i)"), QStringLiteral("/^"));
    } else if (source == ReportSource::GroupMembership) {
        lines << QStringLiteral("fields @timestamp, groupName, memberName, memberGlobalName, "
                                "memberType, isMemberFederated, isGroupFederated")
              << QStringLiteral("| filter @logStream = ") + quoted(target.membershipStreamName());
    } else {
        lines << QStringLiteral("fields @timestamp, DocumentId, DocumentTitle, SourceUri, "
                                "CrawlAction, ConnectorDocumentStatus.Status, CrawlStatus.Status, "
                                "SyncStatus.Status, IndexStatus.Status, ErrorMsg")
              << QStringLiteral("| filter @logStream = ") + quoted(target.reportStreamName());
    }
    if (!view.statuses.isEmpty() && !legacy) {
        QStringList wires;
        for (const DocumentStatus s : view.statuses) {
            if (!documentStatusToWire(s).isEmpty())
                wires << quoted(documentStatusToWire(s));
        }
        if (!wires.isEmpty()) {
            const QString list = u'[' + wires.join(QStringLiteral(", ")) + u']';
            lines << QStringLiteral("| filter ConnectorDocumentStatus.Status in %1 or "
                                    "ConnectorDocumentStatus in %1")
                         .arg(list);
        }
    }
    if (!view.reason.isEmpty()) {
        if (view.reason == FailureGroups::noMessage())
            lines << QStringLiteral("| filter ispresent(%1) = 0 or %1 = \"\"").arg(errorField);
        else if (view.reason != FailureGroups::otherReasons())
            lines << QStringLiteral("| filter %1 like /%2/")
                         .arg(errorField, regexBody(reasonPattern(view.reason)));
    }
    if (!view.search.isEmpty()) {
        const QString re = insightsRegexLiteral(view.search);
        const QStringList fields = legacy
            ? QStringList {QStringLiteral("DocumentId"), QStringLiteral("SourceURI"),
                           QStringLiteral("ErrorMessage")}
            : QStringList {QStringLiteral("DocumentId"), QStringLiteral("DocumentTitle"),
                           QStringLiteral("SourceUri"), QStringLiteral("ErrorMsg")};
        QStringList terms;
        for (const QString &f : fields)
            terms << f + QStringLiteral(" like ") + re;
        lines << QStringLiteral("| filter ") + terms.join(QStringLiteral(" or "));
    }
    lines << QStringLiteral("| sort @timestamp asc") << QStringLiteral("| limit 10000");
    q.queryString = lines.join(u'\n') + u'\n';
    return q;
}

} // namespace syncdeck::report
