#include "csvformatter.h"

namespace syncdeck::cli {

QString CsvFormatter::field(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.front();
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            v.prepend(u'\'');
    }
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(u'"', QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v;
}

void CsvFormatter::row(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += u',';
        line += field(cells.at(i));
    }
    m_out << line << "\r\n";
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
