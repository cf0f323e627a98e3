#pragma once

#include "credentials.h"
#include "hmacsha256.h"

#include <QByteArray>
#include <QString>

#include <optional>

// SigV4 task 3, cached: deriving a signing key costs four HMACs, and a thread signs for the same
// few (credentials, date, region, service) over and over.
namespace syncdeck::aws::sigv4::detail {

// One derived key with what depends only on it: the credential scope and OpenSSL's prepared
// HMAC state. The cache compares the secret itself (it holds the caller's implicitly shared
// string, no extra copy of the bytes) and never exposes it.
struct KeyCacheEntry
{
    QString secret;
    QByteArray date;
    QString region;
    QString service;
    QByteArray key;
    QByteArray scope;
    std::optional<crypto::HmacSha256> mac;
};

// The calling thread's entry for these parameters, derived on a miss. A handful of entries covers
// every (credentials, region, service) a thread signs for; keys change daily, so stale entries
// simply stop matching and are overwritten round-robin.
KeyCacheEntry &keyCacheEntry(const SecretString &secret, QByteArrayView date, const QString &region,
                             const QString &service);

} // namespace syncdeck::aws::sigv4::detail
