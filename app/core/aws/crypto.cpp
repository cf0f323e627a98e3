#include "crypto.h"
#include "hmacsha256.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <stdexcept>

namespace syncdeck::aws::crypto {
namespace {

struct MdDeleter
{
    void operator()(EVP_MD *md) const { EVP_MD_free(md); }
};
struct MacDeleter
{
    void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *ctx) const { EVP_MAC_CTX_free(ctx); }
};

// Explicit fetches are much cheaper than the implicit lookups EVP_sha256()/EVP_Q_mac() do
// per call; function-local statics make the one-time fetch thread-safe.
const EVP_MD *sha256Md()
{
    static const std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    if (!md)
        throw std::runtime_error("OpenSSL has no SHA256 implementation");
    return md.get();
}

EVP_MAC *hmac()
{
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        throw std::runtime_error("OpenSSL could not fetch HMAC");
    return mac.get();
}

// A fully initialised HMAC-SHA256 context with no key yet: EVP_MAC_CTX_dup() of it skips the
// parameter parsing.
const EVP_MAC_CTX *hmacTemplate()
{
    static const std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx = [] {
        std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> c(EVP_MAC_CTX_new(hmac()));
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_end(),
        };
        if (!c || EVP_MAC_CTX_set_params(c.get(), params) != 1)
            throw std::runtime_error("OpenSSL could not set up HMAC-SHA256");
        return c;
    }();
    return ctx.get();
}

EVP_MAC_CTX *newHmacContext()
{
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(hmacTemplate());
    if (!ctx)
        throw std::runtime_error("OpenSSL could not allocate an HMAC context");
    return ctx;
}

// Per-thread contexts, reused call after call: creating and freeing them costs as much as
// hashing a short message.
EVP_MD_CTX *threadDigestContext()
{
    thread_local const std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx)
        throw std::runtime_error("OpenSSL could not allocate a digest context");
    return ctx.get();
}

EVP_MAC_CTX *threadMacContext()
{
    thread_local const std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(newHmacContext());
    return ctx.get();
}

const unsigned char *bytes(QByteArrayView v)
{
    // A null pointer means "reuse the previous key" to EVP_MAC_init(); an empty view may be null.
    static const unsigned char empty = 0;
    return v.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(v.data());
}

void macInto(EVP_MAC_CTX *ctx, const unsigned char *key, size_t keyLen, QByteArrayView data,
             Digest &out)
{
    size_t len = 0;
    if (EVP_MAC_init(ctx, key, keyLen, nullptr) != 1
        || EVP_MAC_update(ctx, bytes(data), size_t(data.size())) != 1
        || EVP_MAC_final(ctx, out.data(), &len, out.size()) != 1 || len != Sha256Size)
        throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
}

QByteArray toByteArray(const Digest &d)
{
    return {reinterpret_cast<const char *>(d.data()), Sha256Size};
}

} // namespace

Digest sha256Digest(QByteArrayView data)
{
    Digest out;
    EVP_MD_CTX *ctx = threadDigestContext();
    unsigned int len = 0;
    if (EVP_DigestInit_ex2(ctx, sha256Md(), nullptr) != 1
        || EVP_DigestUpdate(ctx, data.data(), size_t(data.size())) != 1
        || EVP_DigestFinal_ex(ctx, out.data(), &len) != 1 || len != Sha256Size)
        throw std::runtime_error("OpenSSL SHA256 failed");
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    return toByteArray(sha256Digest(data));
}

QByteArray sha256Hex(QByteArrayView data)
{
    QByteArray out(2 * Sha256Size, Qt::Uninitialized);
    toHex(sha256Digest(data), out.data());
    return out;
}

Digest hmacSha256Digest(QByteArrayView key, QByteArrayView data)
{
    Digest out;
    macInto(threadMacContext(), bytes(key), size_t(key.size()), data, out);
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return toByteArray(hmacSha256Digest(key, data));
}

void toHex(QByteArrayView raw, char *out)
{
    static constexpr char Hex[] = "0123456789abcdef";
    for (const char c : raw) {
        const auto b = static_cast<unsigned char>(c);
        *out++ = Hex[b >> 4];
        *out++ = Hex[b & 0xF];
    }
}

void HmacSha256::Free::operator()(evp_mac_ctx_st *ctx) const
{
    EVP_MAC_CTX_free(ctx);
}

HmacSha256::HmacSha256(QByteArrayView key)
    : m_ctx(newHmacContext())
{
    // Setting the key hashes the inner and outer pads once; mac() then passes a null key,
    // which OpenSSL documents as "reuse the key set before".
    if (EVP_MAC_init(m_ctx.get(), bytes(key), size_t(key.size()), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not key HMAC-SHA256");
}

HmacSha256::~HmacSha256() = default;
HmacSha256::HmacSha256(HmacSha256 &&) noexcept = default;
HmacSha256 &HmacSha256::operator=(HmacSha256 &&) noexcept = default;

Digest HmacSha256::mac(QByteArrayView data)
{
    Digest out;
    macInto(m_ctx.get(), nullptr, 0, data, out);
    return out;
}

} // namespace syncdeck::aws::crypto
