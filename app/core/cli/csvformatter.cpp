#include "csvformatter.h"

#include "qbusiness/csv.h"

namespace syncdeck::cli {

void CsvFormatter::row(const QStringList &cells)
{
    QString line;
    qbusiness::appendCsvRow(line, cells);
    m_out << line;
}

void CsvFormatter::beginList(const QString &, const QList<OutputColumn> &columns)
{
    m_columns = columns;
    QStringList headers;
    for (const OutputColumn &c : columns)
        headers.append(c.header);
    row(headers);
}

void CsvFormatter::item(const QJsonObject &item)
{
    QStringList cells;
    for (const OutputColumn &c : std::as_const(m_columns))
        cells.append(cell(item, c.path));
    row(cells);
}

void CsvFormatter::object(const QJsonObject &object, const QList<OutputColumn> &columns)
{
    beginList({}, columns);
    item(object);
    m_out.flush();
}

} // namespace syncdeck::cli
