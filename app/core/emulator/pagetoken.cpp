#include "pagetoken.h"

#include "aws/crypto.h"

#include <QtEndian>

namespace syncdeck::emulator {

namespace {

// Encodes to "+/+/" in base64: every token starts with characters that break naive query
// building, so a client that forgets to percent-encode fails at once instead of by chance.
constexpr unsigned char Magic[] = {0xFB, 0xFF, 0xBF};
constexpr unsigned char Version = 1;
constexpr int FilterHashSize = 8;
constexpr int MacSize = 16;
// magic + version + filter hash + position + mac = 36 bytes; one more byte of padding forces
// '=' at the end (37 is not a multiple of 3).
constexpr int PayloadSize = 3 + 1 + FilterHashSize + 8 + 1;
constexpr int TokenSize = PayloadSize + MacSize;

} // namespace

PageTokenCodec::PageTokenCodec(QByteArray key)
    : m_key(std::move(key))
{ }

QString PageTokenCodec::encode(QByteArrayView filters, quint64 position) const
{
    QByteArray payload;
    payload.reserve(TokenSize);
    payload.append(reinterpret_cast<const char *>(Magic), 3);
    payload.append(char(Version));
    payload.append(aws::crypto::sha256(filters).first(FilterHashSize));
    char pos[8];
    qToBigEndian(position, pos);
    payload.append(pos, 8);
    payload.append(char(0));
    payload.append(aws::crypto::hmacSha256(m_key, payload).first(MacSize));
    return QString::fromLatin1(payload.toBase64());
}

bool PageTokenCodec::decode(const QString &token, QByteArrayView filters, quint64 *position,
                            QString *error) const
{
    const auto decoded
        = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray raw = decoded.decoded;
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || raw.size() != TokenSize
        || !raw.startsWith(QByteArrayView(reinterpret_cast<const char *>(Magic), 3))
        || raw.at(3) != char(Version)) {
        *error = QStringLiteral("The nextToken is not a token this service issued. Pass the "
                                "nextToken of the previous response unchanged (percent-encoded "
                                "in the query string).");
        return false;
    }
    const QByteArray payload = raw.first(PayloadSize);
    const QByteArray mac = aws::crypto::hmacSha256(m_key, payload).first(MacSize);
    // Constant-time comparison: the MAC is what keeps tokens unforgeable.
    unsigned char diff = 0;
    for (int i = 0; i < MacSize; ++i)
        diff |= static_cast<unsigned char>(mac.at(i) ^ raw.at(PayloadSize + i));
    if (diff != 0) {
        *error = QStringLiteral("The nextToken has been modified or forged. Pass the nextToken of "
                                "the previous response unchanged.");
        return false;
    }
    if (payload.sliced(4, FilterHashSize) != aws::crypto::sha256(filters).first(FilterHashSize)) {
        *error = QStringLiteral("The nextToken was issued for a request with different "
                                "parameters. Repeat the request with the same filters, or start "
                                "again without a nextToken.");
        return false;
    }
    *position = qFromBigEndian<quint64>(payload.constData() + 4 + FilterHashSize);
    return true;
}

} // namespace syncdeck::emulator
