#pragma once

#include "outputformatter.h"

namespace syncdeck::cli {

// CSV with a header row, cell by cell as qbusiness::csvCell() writes them (RFC 4180, formula
// injection neutralised).
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

private:
    void row(const QStringList &cells);

    QTextStream &m_out;
    QList<OutputColumn> m_columns;
};

} // namespace syncdeck::cli
