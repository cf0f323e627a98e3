#include "tableformatter.h"

namespace syncdeck::cli {

namespace {
QString printable(QString s)
{
    for (QChar &c : s) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u' ';
    }
    if (s.size() > TableFormatter::MaxCellWidth)
        s = s.left(TableFormatter::MaxCellWidth - 1) + QChar(0x2026);
    return s;
}

bool isWholeNumber(const QString &s)
{
    qsizetype i = s.startsWith(u'-') ? 1 : 0;
    if (i == s.size())
        return false;
    for (; i < s.size(); ++i) {
        if (s.at(i) < u'0' || s.at(i) > u'9')
            return false;
    }
    return true;
}
} // namespace

void TableFormatter::beginList(const QString &, const QList<OutputColumn> &columns)
{
    m_columns = columns;
    m_rows.clear();
}

void TableFormatter::item(const QJsonObject &item)
{
    QStringList cells;
    for (const OutputColumn &c : std::as_const(m_columns))
        cells.append(printable(cell(item, c.path)));
    m_rows.append(cells);
}

void TableFormatter::endList(const QString &, const QString &)
{
    QList<qsizetype> widths;
    for (const OutputColumn &c : std::as_const(m_columns))
        widths.append(c.header.size());
    for (const QStringList &r : std::as_const(m_rows)) {
        for (qsizetype i = 0; i < r.size(); ++i)
            widths[i] = std::max(widths[i], r.at(i).size());
    }
    // Columns of whole numbers (document counts) are right-aligned, so digits line up.
    QList<bool> numeric(m_columns.size(), false);
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        bool any = false, all = true;
        for (const QStringList &r : std::as_const(m_rows)) {
            const QString &c = r.at(i);
            if (c.isEmpty())
                continue;
            any = true;
            all = all && isWholeNumber(c);
        }
        numeric[i] = any && all;
    }
    const auto line = [this, &widths, &numeric](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                s += QStringLiteral("  ");
            if (numeric.at(i))
                s += cells.at(i).rightJustified(widths.at(i));
            else
                s += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i)) : cells.at(i);
        }
        m_out << s << '\n';
    };
    QStringList headers, rules;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        headers.append(m_columns.at(i).header);
        rules.append(QString(widths.at(i), u'-'));
    }
    line(headers);
    line(rules);
    for (const QStringList &r : std::as_const(m_rows))
        line(r);
    m_out.flush();
    m_rows.clear();
}

void TableFormatter::object(const QJsonObject &object, const QList<OutputColumn> &columns)
{
    // One item: a two-column key/value listing reads better than one very wide row.
    qsizetype width = 0;
    for (const OutputColumn &c : columns)
        width = std::max(width, c.header.size());
    for (const OutputColumn &c : columns)
        m_out << c.header.leftJustified(width) << "  " << printable(cell(object, c.path)) << '\n';
    m_out.flush();
}

} // namespace syncdeck::cli
