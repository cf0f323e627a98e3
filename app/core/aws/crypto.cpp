#include "crypto.h"

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
        throw std::runtime_error("OpenSSL has no HMAC implementation");
    return mac.get();
}

// A fully initialised HMAC-SHA256 context with an empty key; EVP_MAC_init() only swaps the key
// per call, and EVP_MAC_CTX_dup() from this template skips the parameter parsing.
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

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    const std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256Md(), nullptr) != 1
        || EVP_DigestUpdate(ctx.get(), data.data(), size_t(data.size())) != 1
        || EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1
        || len != Sha256Size)
        throw std::runtime_error("OpenSSL SHA256 failed");
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    const std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_dup(hmacTemplate()));
    size_t len = 0;
    // A null key means "reuse the previous key" to EVP_MAC_init(); an empty key must be non-null.
    static const unsigned char emptyKey = 0;
    const auto *keyBytes
        = key.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(key.data());
    if (!ctx || EVP_MAC_init(ctx.get(), keyBytes, size_t(key.size()), nullptr) != 1
        || EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.data()),
                          size_t(data.size()))
            != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len,
                         size_t(out.size()))
            != 1
        || len != Sha256Size)
        throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
    return out;
}

} // namespace syncdeck::aws::crypto
