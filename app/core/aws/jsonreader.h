#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Reading the JSON bodies of AWS JSON protocols (rest-json, awsJson1_1) by one set of rules,
// for every codec: absent and null are the same, a member of the wrong type is an error that
// names the member by its path ("history[3].metrics.documentsFailed") and what it holds.
namespace syncdeck::aws::json {

// "null", "a boolean", "a number", "a string", "an array", "an object", "missing".
QString typeName(const QJsonValue &v);

// One body into an object (every operation SyncDeck calls answers an object). The error says
// whether the body was not JSON (with the parser's offset), an HTML page (a proxy's or a load
// balancer's error page), or JSON of another shape.
bool parseObject(const QByteArray &body, QJsonObject *out, QString *error);

// Member access; the first failure is kept in *error (later ones do not overwrite it).
class Reader
{
public:
    Reader(QJsonObject object, QString path, QString *error);

    bool ok() const { return m_error->isEmpty(); }
    QJsonValue value(QLatin1StringView key) const { return m_object.value(key); }

    QString string(QLatin1StringView key);
    bool boolean(QLatin1StringView key); // absent: false
    QJsonObject object(QLatin1StringView key); // absent: empty
    QJsonArray array(QLatin1StringView key); // absent: empty
    // A reader for a nested object member (absent/null reads as empty).
    Reader nested(QLatin1StringView key);

    // "path.key", and "path.key[index]" for the items of an array member.
    QString path(QLatin1StringView key) const;
    QString itemPath(QLatin1StringView key, qsizetype index) const;
    // "member <path.key> <what>", unless an earlier failure is already recorded.
    void fail(QLatin1StringView key, const QString &what);
    void failItem(QLatin1StringView key, qsizetype index, const QString &what);

private:
    bool isAbsent(const QJsonValue &v) const { return v.isUndefined() || v.isNull(); }
    void wrongType(QLatin1StringView key, const QJsonValue &v, const char *expected);

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

// Items of an array member, each an object read by readItem(Reader &) into `out` (null items are
// skipped as absent). Stops at the first failure.
template<typename T, typename ReadItem>
bool readList(Reader &r, QLatin1StringView key, QList<T> *out, QString *error, ReadItem readItem)
{
    const QJsonArray items = r.array(key);
    if (!r.ok())
        return false;
    out->reserve(out->size() + items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue v = items.at(i);
        if (v.isNull())
            continue;
        if (!v.isObject()) {
            r.failItem(key, i, QStringLiteral("is %1, expected an object").arg(typeName(v)));
            return false;
        }
        Reader item(v.toObject(), r.itemPath(key, i), error);
        out->append(readItem(item));
        if (!item.ok())
            return false;
    }
    return true;
}

} // namespace syncdeck::aws::json
