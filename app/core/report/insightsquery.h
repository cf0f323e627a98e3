#pragma once

#include "documentreportmodel.h"
#include "reportreader.h"
#include "runreporttarget.h"

#include <QString>

#include <optional>

namespace syncdeck::report {

// A CloudWatch Logs Insights query that shows in the console what a Documents view shows: the
// run's stream, the statuses, the failure reason and the search of the view. Logs Insights
// takes the log group and the time range beside the query text, so they are separate members;
// text() puts them in comments above the query, ready for the clipboard.
struct InsightsQuery
{
    QString logGroupName;
    qint64 startTimeMs = 0;
    std::optional<qint64> endTimeMs; // none: up to now (a running job)
    QString queryString;

    QString text() const;
};

InsightsQuery insightsQueryFor(const RunReportTarget &target, const ReportView &view,
                               ReportSource source = ReportSource::RunReport,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

// A regular expression literal for Logs Insights (/.../) that matches `text` literally,
// case-insensitively.
QString insightsRegexLiteral(const QString &text);

} // namespace syncdeck::report
