#include "sigv4keycache.h"

#include <array>

namespace syncdeck::aws::sigv4::detail {

KeyCacheEntry &keyCacheEntry(const SecretString &secret, QByteArrayView date, const QString &region,
                             const QString &service)
{
    thread_local std::array<KeyCacheEntry, 4> cache;
    thread_local size_t next = 0;
    for (KeyCacheEntry &e : cache) {
        if (e.mac && e.date == date && e.region == region && e.service == service
            && e.secret == secret.reveal())
            return e;
    }
    const QByteArray regionBytes = region.toUtf8();
    const QByteArray serviceBytes = service.toUtf8();
    const crypto::Digest kDate
        = crypto::hmacSha256Digest(QByteArray("AWS4" + secret.reveal().toUtf8()), date);
    const auto view = [](const crypto::Digest &d) {
        return QByteArrayView(reinterpret_cast<const char *>(d.data()), crypto::Sha256Size);
    };
    const crypto::Digest kRegion = crypto::hmacSha256Digest(view(kDate), regionBytes);
    const crypto::Digest kService = crypto::hmacSha256Digest(view(kRegion), serviceBytes);
    const crypto::Digest kSigning = crypto::hmacSha256Digest(view(kService), "aws4_request");

    KeyCacheEntry &e = cache[next];
    next = (next + 1) % cache.size();
    e.secret = secret.reveal();
    e.date = date.toByteArray();
    e.region = region;
    e.service = service;
    e.key = view(kSigning).toByteArray();
    e.scope = e.date + '/' + regionBytes + '/' + serviceBytes + "/aws4_request";
    e.mac.emplace(e.key);
    return e;
}

} // namespace syncdeck::aws::sigv4::detail
