#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace syncdeck::aws::json {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

bool parseObject(const QByteArray &body, QJsonObject *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const bool html = body.trimmed().startsWith('<');
        *error = html
            ? QStringLiteral("the response body is an HTML page (%1 bytes), not valid JSON")
                  .arg(body.size())
            : QStringLiteral("the response body is not valid JSON (%1 at byte %2 of %3)")
                  .arg(pe.errorString())
                  .arg(pe.offset)
                  .arg(body.size());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("the response body is JSON but not an object");
        return false;
    }
    *out = doc.object();
    return true;
}

Reader::Reader(QJsonObject object, QString path, QString *error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(error)
{ }

QString Reader::string(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (isAbsent(v))
        return {};
    if (!v.isString()) {
        wrongType(key, v, "a string");
        return {};
    }
    return v.toString();
}

bool Reader::boolean(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (isAbsent(v))
        return false;
    if (!v.isBool()) {
        wrongType(key, v, "true or false");
        return false;
    }
    return v.toBool();
}

QJsonObject Reader::object(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (isAbsent(v))
        return {};
    if (!v.isObject()) {
        wrongType(key, v, "an object");
        return {};
    }
    return v.toObject();
}

QJsonArray Reader::array(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (isAbsent(v))
        return {};
    if (!v.isArray()) {
        wrongType(key, v, "an array");
        return {};
    }
    return v.toArray();
}

Reader Reader::nested(QLatin1StringView key)
{
    return {object(key), path(key), m_error};
}

QString Reader::path(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

QString Reader::itemPath(QLatin1StringView key, qsizetype index) const
{
    return path(key) + u'[' + QString::number(index) + u']';
}

void Reader::fail(QLatin1StringView key, const QString &what)
{
    if (m_error->isEmpty())
        *m_error = QStringLiteral("member %1 %2").arg(path(key), what);
}

void Reader::failItem(QLatin1StringView key, qsizetype index, const QString &what)
{
    if (m_error->isEmpty())
        *m_error = QStringLiteral("member %1 %2").arg(itemPath(key, index), what);
}

void Reader::wrongType(QLatin1StringView key, const QJsonValue &v, const char *expected)
{
    fail(key, QStringLiteral("is %1, expected %2").arg(typeName(v), QLatin1StringView(expected)));
}

} // namespace syncdeck::aws::json
