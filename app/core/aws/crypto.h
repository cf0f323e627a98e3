#pragma once

#include <QByteArray>
#include <QByteArrayView>

// OpenSSL 3 primitives SyncDeck needs: SHA-256 and HMAC-SHA256 through the EVP and EVP_MAC APIs.
// The algorithm objects are fetched once per process; every call is thread-safe.
namespace syncdeck::aws::crypto {

inline constexpr int Sha256Size = 32;

// Raw 32-byte digest of data.
QByteArray sha256(QByteArrayView data);
// Lowercase hex SHA-256 of data (64 characters).
QByteArray sha256Hex(QByteArrayView data);
// Raw 32-byte HMAC-SHA256 of data under key.
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

} // namespace syncdeck::aws::crypto
