#pragma once

#include <QDateTime>
#include <QString>

class QDebug;

namespace syncdeck::aws {

// A string that must never be printed: QDebug shows "** REDACTED **". Read it only with
// reveal(), at the single place that needs the bytes (the signer, a keychain write).
class SecretString
{
public:
    SecretString() = default;
    explicit SecretString(QString value)
        : m_value(std::move(value))
    { }

    bool isEmpty() const { return m_value.isEmpty(); }
    const QString &reveal() const { return m_value; }

    friend bool operator==(const SecretString &, const SecretString &) = default;

private:
    QString m_value;
};

QDebug operator<<(QDebug debug, const SecretString &secret);

// AWS credentials as a value: access key id (not secret), secret key and optional session token
// (secret), optional expiration. `source` says where they came from ("env", "file:/path:12", ...).
struct Credentials
{
    QString accessKeyId;
    SecretString secretAccessKey;
    SecretString sessionToken;
    QDateTime expiration; // invalid: never expires
    QString source;

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool hasSessionToken() const { return !sessionToken.isEmpty(); }
    // True when expiration is set and now is within `margin` seconds of it (or past it).
    bool expiresWithin(const QDateTime &now, qint64 marginSeconds) const
    {
        return expiration.isValid() && now.secsTo(expiration) <= marginSeconds;
    }

    friend bool operator==(const Credentials &, const Credentials &) = default;
};

QDebug operator<<(QDebug debug, const Credentials &credentials);

} // namespace syncdeck::aws
