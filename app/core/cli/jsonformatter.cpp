#include "jsonformatter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdeck::cli {

namespace {
// QJsonDocument's indented text, shifted right by `indent` spaces (its first line is not).
QString indented(const QJsonObject &o, int indent)
{
    QString text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
    return text.replace(u'\n', u'\n' + QString(indent, u' '));
}

QString quoted(const QString &s)
{
    // A one-element array gives JSON string escaping without writing it by hand.
    QByteArray a = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}
} // namespace

void JsonFormatter::beginList(const QString &listKey, const QList<OutputColumn> &)
{
    m_items = 0;
    m_out << "{\n    " << quoted(listKey) << ": [";
}

void JsonFormatter::item(const QJsonObject &item)
{
    m_out << (m_items++ ? ",\n        " : "\n        ") << indented(item, 8);
}

void JsonFormatter::endList(const QString &tokenKey, const QString &token)
{
    m_out << (m_items ? "\n    ]" : "]");
    if (!token.isEmpty())
        m_out << ",\n    " << quoted(tokenKey) << ": " << quoted(token);
    m_out << "\n}\n";
    m_out.flush();
}

void JsonFormatter::object(const QJsonObject &object, const QList<OutputColumn> &)
{
    m_out << indented(object, 0) << '\n';
    m_out.flush();
}

} // namespace syncdeck::cli
