#pragma once

#include <QByteArray>
#include <QString>

// Opaque, authenticated pagination cursors. A token is base64 (standard alphabet, so it always
// holds '+', '/' and '=': clients must percent-encode it) of a position, a hash of the request's
// filters and an HMAC over both. Reusing a token with other filters, or forging one, is refused.
namespace syncdeck::emulator {

class PageTokenCodec
{
public:
    explicit PageTokenCodec(QByteArray key);

    // `filters` names the listing and everything that selects its items (ids, status, times).
    QString encode(QByteArrayView filters, quint64 position) const;
    // False with *error set when the token is malformed, forged, or was issued for other filters.
    bool decode(const QString &token, QByteArrayView filters, quint64 *position,
                QString *error) const;

private:
    QByteArray m_key;
};

} // namespace syncdeck::emulator
