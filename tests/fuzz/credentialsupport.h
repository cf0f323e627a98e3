#pragma once

// What the credential parsers' targets share: credentials read from outside are either usable
// or an error that says why, and the error never repeats a secret of the input.
#include "fuzzsupport.h"

#include "aws/credentialsprovider.h"

#include <QJsonArray>
#include <QJsonObject>

namespace syncdeck::fuzz {

inline void checkCredentialsResult(const aws::CredentialsResult &r, const QStringList &secrets)
{
    if (r.error.isError()) {
        FUZZ_CHECK(!r.error.message.isEmpty(), QString());
        for (const QString &secret : secrets) {
            FUZZ_CHECK(!r.error.message.contains(secret) && !r.error.nextStep.contains(secret),
                       r.error.message);
        }
        return;
    }
    FUZZ_CHECK(r.credentials.isValid(), r.credentials.accessKeyId);
    FUZZ_CHECK(!r.credentials.expiration.isValid()
                   || r.credentials.expiration.timeSpec() == Qt::UTC,
               r.credentials.expiration.toString());
}

// Every string of a JSON value (keys included), for telling whether a secret text also appears
// in another member (where a message may legitimately quote it).
inline void collectStrings(const QJsonValue &v, QStringList *out)
{
    if (v.isString()) {
        out->append(v.toString());
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            collectStrings(item, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out->append(it.key());
            collectStrings(it.value(), out);
        }
    }
}

// The secrets of `members` in object `o` that appear nowhere else in `o` (nor in `raw`, the
// input bytes, more than once).
inline QStringList uniqueSecrets(const QJsonObject &o, const QStringList &members,
                                 const QString &raw)
{
    QStringList secrets;
    for (const QString &member : members) {
        const QString secret = o.value(member).toString();
        if (!isCheckableSecret(secret, raw))
            continue;
        QJsonObject others = o;
        others.remove(member);
        QStringList texts;
        collectStrings(others, &texts);
        texts.append(member);
        bool elsewhere = false;
        for (const QString &t : std::as_const(texts))
            elsewhere = elsewhere || t.contains(secret);
        if (!elsewhere)
            secrets.append(secret);
    }
    return secrets;
}

} // namespace syncdeck::fuzz
