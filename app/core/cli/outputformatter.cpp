#include "outputformatter.h"

#include "csvformatter.h"
#include "jsonformatter.h"
#include "jsonlformatter.h"
#include "tableformatter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace syncdeck::cli {

OutputFormatter::~OutputFormatter() = default;

QStringList OutputFormatter::formats()
{
    return {QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("csv"),
            QStringLiteral("table")};
}

std::unique_ptr<OutputFormatter> OutputFormatter::create(const QString &format, QTextStream &out)
{
    if (format == QLatin1String("json"))
        return std::make_unique<JsonFormatter>(out);
    if (format == QLatin1String("jsonl"))
        return std::make_unique<JsonlFormatter>(out);
    if (format == QLatin1String("csv"))
        return std::make_unique<CsvFormatter>(out);
    if (format == QLatin1String("table"))
        return std::make_unique<TableFormatter>(out);
    return nullptr;
}

QString OutputFormatter::cell(const QJsonObject &item, const QString &path)
{
    QJsonValue v = item;
    for (const QStringView part : QStringView(path).split(u'.')) {
        if (!v.isObject())
            return {};
        v = v.toObject().value(part);
    }
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace syncdeck::cli
