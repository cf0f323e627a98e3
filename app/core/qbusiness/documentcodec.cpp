#include "documentcodec.h"

#include "jsoncodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace syncdeck::qbusiness::documentcodec {

namespace {
bool stringMember(const QJsonObject &o, QLatin1StringView key, const QString &path, QString *out,
                  QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QStringLiteral("member %1%2 is not a string").arg(path, QString(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool timeMember(const QJsonObject &o, QLatin1StringView key, const QString &path, QDateTime *out,
                QString *error)
{
    QString e;
    *out = jsoncodec::readTimestamp(o.value(key), &e);
    if (!e.isEmpty()) {
        *error = QStringLiteral("member %1%2 %3").arg(path, QString(key), e);
        return false;
    }
    return true;
}
} // namespace

bool readDocumentPage(const QByteArray &body, DocumentPage *page, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError
            ? QStringLiteral("the response body is not valid JSON (%1 at byte %2 of %3)")
                  .arg(pe.errorString())
                  .arg(pe.offset)
                  .arg(body.size())
            : QStringLiteral("the response body is JSON but not an object");
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonValue list = root.value(QLatin1StringView("documentDetailList"));
    if (!list.isUndefined() && !list.isNull() && !list.isArray()) {
        *error = QStringLiteral("member documentDetailList is not an array");
        return false;
    }
    const QJsonArray items = list.toArray();
    page->documents.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("documentDetailList[%1].").arg(i);
        if (!items.at(i).isObject()) {
            *error = QStringLiteral("member %1 is not an object").arg(path.chopped(1));
            return false;
        }
        const QJsonObject o = items.at(i).toObject();
        DocumentDetails d;
        const QJsonValue err = o.value(QLatin1StringView("error"));
        if (!err.isUndefined() && !err.isNull() && !err.isObject()) {
            *error = QStringLiteral("member %1error is not an object").arg(path);
            return false;
        }
        const QJsonObject eo = err.toObject();
        if (!stringMember(o, QLatin1StringView("documentId"), path, &d.documentId, error)
            || !stringMember(o, QLatin1StringView("status"), path, &d.status, error)
            || !stringMember(eo, QLatin1StringView("errorCode"), path + QStringLiteral("error."),
                             &d.errorCode, error)
            || !stringMember(eo, QLatin1StringView("errorMessage"), path + QStringLiteral("error."),
                             &d.errorMessage, error)
            || !timeMember(o, QLatin1StringView("createdAt"), path, &d.createdAt, error)
            || !timeMember(o, QLatin1StringView("updatedAt"), path, &d.updatedAt, error))
            return false;
        page->documents.append(d);
    }
    return stringMember(root, QLatin1StringView("nextToken"), {}, &page->nextToken, error);
}

QJsonObject toJson(const DocumentDetails &d)
{
    QJsonObject o;
    if (!d.documentId.isEmpty())
        o.insert(QLatin1StringView("documentId"), d.documentId);
    if (!d.status.isEmpty())
        o.insert(QLatin1StringView("status"), d.status);
    if (!d.errorCode.isEmpty() || !d.errorMessage.isEmpty()) {
        QJsonObject e;
        if (!d.errorMessage.isEmpty())
            e.insert(QLatin1StringView("errorMessage"), d.errorMessage);
        if (!d.errorCode.isEmpty())
            e.insert(QLatin1StringView("errorCode"), d.errorCode);
        o.insert(QLatin1StringView("error"), e);
    }
    if (d.createdAt.isValid())
        o.insert(QLatin1StringView("createdAt"), jsoncodec::isoTimestamp(d.createdAt));
    if (d.updatedAt.isValid())
        o.insert(QLatin1StringView("updatedAt"), jsoncodec::isoTimestamp(d.updatedAt));
    return o;
}

} // namespace syncdeck::qbusiness::documentcodec
