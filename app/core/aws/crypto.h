#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>

// OpenSSL 3 primitives SyncDeck needs: SHA-256 and HMAC-SHA256 through the EVP and EVP_MAC APIs.
// The algorithm objects are fetched once per process and every thread reuses its own contexts,
// so every call is thread-safe and none allocates beyond its result.
namespace syncdeck::aws::crypto {

inline constexpr qsizetype Sha256Size = 32;
using Digest = std::array<unsigned char, Sha256Size>;

// Raw 32-byte digest of data.
QByteArray sha256(QByteArrayView data);
Digest sha256Digest(QByteArrayView data);
// Lowercase hex SHA-256 of data (64 characters).
QByteArray sha256Hex(QByteArrayView data);
// Raw 32-byte HMAC-SHA256 of data under key.
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
Digest hmacSha256Digest(QByteArrayView key, QByteArrayView data);

// Writes the lowercase hex of `raw` to out[0 .. 2 * raw.size()).
void toHex(QByteArrayView raw, char *out);
inline void toHex(const Digest &digest, char *out)
{
    toHex(QByteArrayView(reinterpret_cast<const char *>(digest.data()), Sha256Size), out);
}

} // namespace syncdeck::aws::crypto
