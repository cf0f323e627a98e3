#pragma once

#include "outputformatter.h"

namespace syncdeck::cli {

// Aligned columns for a terminal: a header, a rule, one line per item. Control characters in
// server text are shown as spaces so that a message cannot move the cursor or break the grid;
// very long cells are shortened with an ellipsis.
class TableFormatter final : public OutputFormatter
{
public:
    static constexpr int MaxCellWidth = 60;

    explicit TableFormatter(QTextStream &out)
        : m_out(out)
    { }

    void beginList(const QString &listKey, const QList<OutputColumn> &columns) override;
    void item(const QJsonObject &item) override;
    void endList(const QString &, const QString &) override;
    void object(const QJsonObject &object, const QList<OutputColumn> &columns) override;

private:
    QTextStream &m_out;
    QList<OutputColumn> m_columns;
    QList<QStringList> m_rows;
};

} // namespace syncdeck::cli
