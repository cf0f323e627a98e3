#pragma once

#include "reportevent.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace syncdeck::report {

class DocumentReportModel;

enum class ReportExportFormat : quint8 {
    Csv,
    JsonLines,
};

// The columns of the CSV export, in order.
QStringList reportCsvColumns();
// One CSV row (no line end) with the project's injection-safe cells (qbusiness::csvCell): a
// cell a spreadsheet would run as a formula starts with '.
QString reportCsvRow(const ReportEvent &event, const QString &reason);
// One JSON Lines line (with its '\n') appended to `out`: SyncDeck's reading of the event
// (status, document, stages, error, reason, problems; empty members left out) and the raw
// `message` as written, so nothing is lost and `jq '.message | fromjson'` gives the original.
void appendJsonLine(QByteArray &out, const ReportEvent &event, const QString &reason);

// Every event of the model's current view (exposed to views or not), in order, into `path`:
// the whole file or nothing. False with *error (a sentence naming the file and what to do).
bool exportReport(const QString &path, const DocumentReportModel &model, ReportExportFormat format,
                  QString *error);

} // namespace syncdeck::report
