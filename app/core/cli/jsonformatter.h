#pragma once

#include "outputformatter.h"

namespace syncdeck::cli {

// The AWS CLI's `--output json`: one document, 4-space indent, the items under their list key
// and "NextToken" when the listing was cut. Streamed item by item, so memory stays flat.
class JsonFormatter final : public OutputFormatter
{
public:
    explicit JsonFormatter(QTextStream &out)
        : m_out(out)
    { }

    void beginList(const QString &listKey, const QList<OutputColumn> &columns) override;
    void item(const QJsonObject &item) override;
    void endList(const QString &tokenKey, const QString &token) override;
    void object(const QJsonObject &object, const QList<OutputColumn> &columns) override;
    bool printsToken() const override { return true; }

private:
    QTextStream &m_out;
    int m_items = 0;
};

} // namespace syncdeck::cli
