#include "jsonlformatter.h"

#include <QIODevice>
#include <QJsonDocument>

namespace syncdeck::cli {

void JsonlFormatter::item(const QJsonObject &item)
{
    m_out << QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)) << '\n';
}

void JsonlFormatter::itemLines(const QByteArray &lines)
{
    // Straight to the device when there is one: no round trip through UTF-16.
    if (QIODevice *device = m_out.device()) {
        m_out.flush();
        device->write(lines);
        return;
    }
    m_out << QString::fromUtf8(lines);
}

void JsonlFormatter::object(const QJsonObject &object, const QList<OutputColumn> &)
{
    item(object);
    m_out.flush();
}

} // namespace syncdeck::cli
