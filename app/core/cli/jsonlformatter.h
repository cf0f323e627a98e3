#pragma once

#include "outputformatter.h"

namespace syncdeck::cli {

// One compact JSON object per line, written as each page arrives: constant memory for any
// number of items. The resume token is not an item, so it goes to stderr (said by the caller).
class JsonlFormatter final : public OutputFormatter
{
public:
    explicit JsonlFormatter(QTextStream &out)
        : m_out(out)
    { }

    void beginList(const QString &, const QList<OutputColumn> &) override { }
    void item(const QJsonObject &item) override;
    void endList(const QString &, const QString &) override { m_out.flush(); }
    void object(const QJsonObject &object, const QList<OutputColumn> &) override;
    bool takesJsonLines() const override { return true; }
    void itemLines(const QByteArray &lines) override;

private:
    QTextStream &m_out;
};

} // namespace syncdeck::cli
