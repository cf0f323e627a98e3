#include "reportcounts.h"

#include <QLocale>

namespace syncdeck::report {

namespace {
MetricsCheck check(qint64 reported, const std::optional<qint64> &metric, const QString &what,
                   const QString &metricName, bool complete)
{
    MetricsCheck c;
    c.reported = reported;
    const QLocale l = QLocale::c();
    if (!metric) {
        c.verdict = MetricsCheck::Verdict::NoMetric;
        c.text = QStringLiteral("%1 %2 reported; the run has no %3 metric.")
                     .arg(l.toString(reported), what, metricName);
        return c;
    }
    c.metric = *metric;
    if (reported == *metric) {
        c.verdict = MetricsCheck::Verdict::Agrees;
        c.text = QStringLiteral("%1 %2, as the run's %3 says.")
                     .arg(l.toString(reported), what, metricName);
    } else if (reported < *metric) {
        c.verdict = MetricsCheck::Verdict::ReportHasFewer;
        c.text = QStringLiteral("%1 %2 reported, but the run's %3 is %4%5.")
                     .arg(l.toString(reported), what, metricName, l.toString(*metric),
                          complete ? QStringLiteral(": the report misses some documents")
                                   : QStringLiteral(" (the report is not complete yet)"));
    } else {
        c.verdict = MetricsCheck::Verdict::ReportHasMore;
        c.text = QStringLiteral("%1 %2 reported, more than the run's %3 of %4: some documents "
                                "appear more than once.")
                     .arg(l.toString(reported), what, metricName, l.toString(*metric));
    }
    return c;
}
} // namespace

void ReportCounts::add(const ReportEvent &event)
{
    add(event.kind, event.status, event.hasProblems());
}

void ReportCounts::add(EventKind kind, DocumentStatus status, bool hasProblems)
{
    ++events;
    switch (kind) {
    case EventKind::Unreadable:
        ++unreadable;
        return;
    case EventKind::GroupMembership:
        ++memberships;
        withProblems += hasProblems ? 1 : 0;
        return;
    case EventKind::LegacyError:
        ++legacyErrors;
        break;
    case EventKind::Document:
        break;
    }
    withProblems += hasProblems ? 1 : 0;
    switch (status) {
    case DocumentStatus::Succeeded:
        ++succeeded;
        break;
    case DocumentStatus::Failed:
        ++failed;
        break;
    case DocumentStatus::Skipped:
        ++skipped;
        break;
    case DocumentStatus::Unknown:
        ++unknownStatus;
        break;
    }
}

MetricsComparison compareWithMetrics(const ReportCounts &counts,
                                     const qbusiness::SyncJobMetrics &metrics, bool complete)
{
    MetricsComparison c;
    c.failed = check(counts.failed, metrics.documentsFailed, QStringLiteral("failed documents"),
                     QStringLiteral("documentsFailed"), complete);
    // The older error streams list problems only: their count is not the scanned total.
    const bool legacyOnly = counts.legacyErrors > 0 && counts.legacyErrors == counts.documents();
    c.scanned = check(counts.documents(), legacyOnly ? std::nullopt : metrics.documentsScanned,
                      QStringLiteral("documents"), QStringLiteral("documentsScanned"), complete);
    const auto ok = [](const MetricsCheck &m) {
        return m.verdict == MetricsCheck::Verdict::Agrees
            || m.verdict == MetricsCheck::Verdict::NoMetric;
    };
    const bool any = c.failed.verdict != MetricsCheck::Verdict::NoMetric
        || c.scanned.verdict != MetricsCheck::Verdict::NoMetric;
    c.agrees = any && ok(c.failed) && ok(c.scanned);
    if (!any)
        c.summary = QStringLiteral("The run has no metrics to compare the report with.");
    else if (c.agrees)
        c.summary = QStringLiteral("The report agrees with the run's metrics.");
    else
        c.summary = QStringLiteral("The report and the run's metrics disagree.");
    for (const MetricsCheck *m : {&c.failed, &c.scanned})
        c.summary += u' ' + m->text;
    return c;
}

} // namespace syncdeck::report
