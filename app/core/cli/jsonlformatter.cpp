#include "jsonlformatter.h"

#include <QJsonDocument>

namespace syncdeck::cli {

void JsonlFormatter::item(const QJsonObject &item)
{
    m_out << QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)) << '\n';
}

void JsonlFormatter::object(const QJsonObject &object, const QList<OutputColumn> &)
{
    item(object);
    m_out.flush();
}

} // namespace syncdeck::cli
