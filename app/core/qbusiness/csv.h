#pragma once

#include <QString>
#include <QStringList>

// CSV as SyncDeck writes it everywhere (the dashboard's export and `syncdeck-cli --output csv`):
// RFC 4180 (CRLF row ends; a cell holding a comma, quote, CR or LF is quoted, quotes doubled),
// and safe to open in a spreadsheet.
namespace syncdeck::qbusiness {

// One cell. A cell starting with = + - @ TAB or CR gets a leading ' so that a spreadsheet never
// runs it as a formula (OWASP's CSV injection advice); a cell already starting with ' gets one
// too, so reading back is unambiguous: strip one leading ' from every cell that has one.
QString csvCell(const QString &text);
// The cells as one row, CRLF included, appended to `out`.
void appendCsvRow(QString &out, const QStringList &cells);

} // namespace syncdeck::qbusiness
