#pragma once

#include "outputformatter.h"

namespace syncdeck::cli {

// RFC 4180 CSV (CRLF line ends, fields with comma, quote or line break quoted, quotes doubled),
// with a header row. Cells that a spreadsheet would run as a formula (starting with = + - @,
// tab or carriage return) are neutralized with a leading apostrophe.
class CsvFormatter final : public OutputFormatter
{
public:
    explicit CsvFormatter(QTextStream &out)
        : m_out(out)
    { }

    void beginList(const QString &listKey, const QList<OutputColumn> &columns) override;
    void item(const QJsonObject &item) override;
    void endList(const QString &, const QString &) override { m_out.flush(); }
    void object(const QJsonObject &object, const QList<OutputColumn> &columns) override;

    static QString field(const QString &value);

private:
    void row(const QStringList &cells);

    QTextStream &m_out;
    QList<OutputColumn> m_columns;
};

} // namespace syncdeck::cli
