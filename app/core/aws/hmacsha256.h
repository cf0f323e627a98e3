#pragma once

#include "crypto.h"

#include <memory>

struct evp_mac_ctx_st;

namespace syncdeck::aws::crypto {

// HMAC-SHA256 under one fixed key, set up once: OpenSSL hashes the padded key a single time and
// every mac() restarts from those saved states, which saves two of the few SHA-256 blocks a
// short message costs. Not thread-safe; each thread keeps its own (the signer's key cache is
// thread-local). The key bytes are not kept, only OpenSSL's derived state.
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(HmacSha256 &&) noexcept;
    HmacSha256 &operator=(HmacSha256 &&) noexcept;
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;

    Digest mac(QByteArrayView data);

private:
    struct Free
    {
        void operator()(evp_mac_ctx_st *ctx) const;
    };
    std::unique_ptr<evp_mac_ctx_st, Free> m_ctx;
};

} // namespace syncdeck::aws::crypto
