// Signatures per second for a realistic ListDataSourceSyncJobs request, three ways in one run:
//   1. SyncDeck's signer, sigv4::sign() (the whole job: canonical request, hashes, headers);
//   2. the AWS SDK for JavaScript v3 signer (@smithy/signature-v4) under node, on the same
//      request (tests/bench/sigv4_smithy.cjs), checked to produce the same Authorization;
//   3. the bare cryptography a signature needs: SHA-256 of the canonical request plus one
//      HMAC-SHA256 of the string to sign, straight on OpenSSL EVP with reused contexts.
// Prints the figures and the ratios (targets: >= 10x the JS signer, within 3x of bare crypto).
// Figures are reported, never asserted: the exit code only says whether the run was valid.
//
// Usage: bench_sigv4 [--seconds S] [--node NODE] [--script sigv4_smithy.cjs]
//                    [--node-modules DIR]
#include "aws/sigv4.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace syncdeck::aws;

namespace {

constexpr int Rounds = 10; // per measuring phase

struct Spec
{
    QByteArray host = "qbusiness.us-east-1.api.aws";
    QByteArray applicationId = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
    QByteArray indexId = "b2c3d4e5-6789-0abc-def1-EXAMPLE22222";
    QByteArray dataSourceId = "c3d4e5f6-7890-abcd-ef12-EXAMPLE33333";
    QByteArray nextToken; // raw base64, 200 characters with + / =
    QString accessKeyId = QStringLiteral("ASIAEXAMPLEBENCHKEY1");
    QString secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    QString sessionToken; // 600 characters, the size of a typical assumed-role token
    QString region = QStringLiteral("us-east-1");
    QString service = QStringLiteral("qbusiness");
    QDateTime time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QByteArray userAgent = "syncdeck/0.1.0 Qt/6.4";
    QByteArray invocationId = "0d8a6ad2-8c5b-4f3e-9a55-3b0f7c6e2a11";
    QByteArray sdkRequest = "attempt=1; max=3";
};

// Deterministic pseudo-random bytes (a 64-bit LCG), so every run signs the same request.
QByteArray pseudoRandomBytes(qsizetype n, quint64 seed)
{
    QByteArray out(n, Qt::Uninitialized);
    for (char &c : out) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        c = char(seed >> 56);
    }
    return out;
}

Spec makeSpec()
{
    Spec s;
    // 149 bytes give 200 base64 characters ending in '='; pick the first seed that also has
    // '+' and '/', the characters that must be escaped twice over.
    for (quint64 seed = 1;; ++seed) {
        s.nextToken = pseudoRandomBytes(149, seed).toBase64();
        if (s.nextToken.contains('+') && s.nextToken.contains('/'))
            break;
    }
    s.sessionToken = QString::fromLatin1(pseudoRandomBytes(450, 99).toBase64());
    return s;
}

sigv4::Request makeRequest(const Spec &s)
{
    sigv4::Request r;
    r.method = "GET";
    r.path = "/applications/" + s.applicationId + "/indices/" + s.indexId + "/datasources/"
        + s.dataSourceId + "/syncjobs";
    r.query = "maxResults=10&nextToken=" + sigv4::uriEncode(s.nextToken) + "&syncStatus=FAILED";
    r.headers = {{"Host", s.host},
                 {"User-Agent", s.userAgent},
                 {"amz-sdk-invocation-id", s.invocationId},
                 {"amz-sdk-request", s.sdkRequest}};
    return r;
}

sigv4::SigningParams makeParams(const Spec &s)
{
    sigv4::SigningParams p;
    p.credentials.accessKeyId = s.accessKeyId;
    p.credentials.secretAccessKey = SecretString(s.secret);
    p.credentials.sessionToken = SecretString(s.sessionToken);
    p.region = s.region;
    p.service = s.service;
    p.time = s.time;
    return p;
}

// Best round of each function, rounds interleaved (a, b, a, b, ...) so a burst of load from
// elsewhere on the machine hits both alike; the best round is the least disturbed figure.
class Throughput
{
public:
    explicit Throughput(std::function<void()> once)
        : m_once(std::move(once))
    {
        for (int i = 0; i < 2000; ++i) // warm caches and the signing-key cache
            m_once();
    }

    void round(double seconds)
    {
        const qint64 budget = qint64(seconds * 1e9);
        QElapsedTimer timer;
        timer.start();
        qint64 count = 0;
        qint64 elapsed = 0;
        do {
            for (int i = 0; i < 500; ++i)
                m_once();
            count += 500;
            elapsed = timer.nsecsElapsed();
        } while (elapsed < budget);
        m_best = std::max(m_best, double(count) / (double(elapsed) / 1e9));
    }

    double best() const { return m_best; }

private:
    std::function<void()> m_once;
    double m_best = 0;
};

void interleave(double seconds, Throughput &a, Throughput &b)
{
    for (int i = 0; i < Rounds; ++i) {
        a.round(seconds / Rounds);
        b.round(seconds / Rounds);
    }
}

struct MdCtxFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
struct MacCtxFree
{
    void operator()(EVP_MAC_CTX *c) const { EVP_MAC_CTX_free(c); }
};
struct MacFree
{
    void operator()(EVP_MAC *m) const { EVP_MAC_free(m); }
};
struct MdFree
{
    void operator()(EVP_MD *m) const { EVP_MD_free(m); }
};

// The bare cryptographic work of one signature, with everything that can be set up once set up
// once: fetched algorithms, reused contexts, inputs already built.
class BareCrypto
{
public:
    BareCrypto(QByteArray canonicalRequest, QByteArray stringToSign, QByteArray key)
        : m_canonical(std::move(canonicalRequest))
        , m_stringToSign(std::move(stringToSign))
        , m_key(std::move(key))
        , m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , m_mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr))
        , m_mdCtx(EVP_MD_CTX_new())
        , m_macCtx(EVP_MAC_CTX_new(m_mac.get()))
    {
        char digest[] = "SHA256";
        const OSSL_PARAM params[]
            = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
               OSSL_PARAM_construct_end()};
        m_ok = m_md && m_mac && m_mdCtx && m_macCtx
            && EVP_MAC_CTX_set_params(m_macCtx.get(), params) == 1;
    }

    bool ok() const { return m_ok; }

    // Returns the first byte of the MAC so the work cannot be optimised away.
    unsigned char once()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestLen = 0;
        EVP_DigestInit_ex2(m_mdCtx.get(), m_md.get(), nullptr);
        EVP_DigestUpdate(m_mdCtx.get(), m_canonical.constData(), size_t(m_canonical.size()));
        EVP_DigestFinal_ex(m_mdCtx.get(), digest, &digestLen);
        // The hex digest is what the string to sign carries; patch it in like a signer would.
        static constexpr char Hex[] = "0123456789abcdef";
        char *hex = m_stringToSign.data() + m_stringToSign.size() - 64;
        for (unsigned int i = 0; i < digestLen; ++i) {
            hex[2 * i] = Hex[digest[i] >> 4];
            hex[2 * i + 1] = Hex[digest[i] & 0xF];
        }
        unsigned char mac[EVP_MAX_MD_SIZE];
        size_t macLen = 0;
        EVP_MAC_init(m_macCtx.get(), reinterpret_cast<const unsigned char *>(m_key.constData()),
                     size_t(m_key.size()), nullptr);
        EVP_MAC_update(m_macCtx.get(),
                       reinterpret_cast<const unsigned char *>(m_stringToSign.constData()),
                       size_t(m_stringToSign.size()));
        EVP_MAC_final(m_macCtx.get(), mac, &macLen, sizeof mac);
        return mac[0];
    }

    QByteArray signatureHex()
    {
        once();
        unsigned char mac[EVP_MAX_MD_SIZE];
        size_t macLen = 0;
        EVP_MAC_init(m_macCtx.get(), reinterpret_cast<const unsigned char *>(m_key.constData()),
                     size_t(m_key.size()), nullptr);
        EVP_MAC_update(m_macCtx.get(),
                       reinterpret_cast<const unsigned char *>(m_stringToSign.constData()),
                       size_t(m_stringToSign.size()));
        EVP_MAC_final(m_macCtx.get(), mac, &macLen, sizeof mac);
        return QByteArray(reinterpret_cast<const char *>(mac), qsizetype(macLen)).toHex();
    }

private:
    QByteArray m_canonical;
    QByteArray m_stringToSign;
    QByteArray m_key;
    std::unique_ptr<EVP_MD, MdFree> m_md;
    std::unique_ptr<EVP_MAC, MacFree> m_mac;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> m_mdCtx;
    std::unique_ptr<EVP_MAC_CTX, MacCtxFree> m_macCtx;
    bool m_ok = false;
};

struct JsResult
{
    QString skipped; // why the JS figure is missing, or empty
    QString error; // the run failed
    double nodeCrypto = 0;
    double sha256Js = 0;
    QByteArray authorization;
    QString versions;
};

JsResult runNode(const Spec &s, double seconds, const QString &node, const QString &script,
                 const QString &nodeModules)
{
    JsResult r;
    if (node.isEmpty() || !QFileInfo(node).isExecutable()) {
        r.skipped = QStringLiteral("node not found; install Node.js to compare with the AWS SDK "
                                   "for JavaScript signer");
        return r;
    }
    if (!QFileInfo(nodeModules + QStringLiteral("/@smithy/signature-v4")).isDir()) {
        r.skipped = QStringLiteral("%1/@smithy/signature-v4 is absent; run `npm ci` (or `make "
                                   "deps`) in the source tree to compare with the JS signer")
                        .arg(nodeModules);
        return r;
    }
    QJsonObject query {{QStringLiteral("maxResults"), QStringLiteral("10")},
                       {QStringLiteral("nextToken"), QString::fromLatin1(s.nextToken)},
                       {QStringLiteral("syncStatus"), QStringLiteral("FAILED")}};
    QJsonObject headers {
        {QStringLiteral("host"), QString::fromLatin1(s.host)},
        {QStringLiteral("user-agent"), QString::fromLatin1(s.userAgent)},
        {QStringLiteral("amz-sdk-invocation-id"), QString::fromLatin1(s.invocationId)},
        {QStringLiteral("amz-sdk-request"), QString::fromLatin1(s.sdkRequest)}};
    const sigv4::Request request = makeRequest(s);
    const QJsonObject spec {
        {QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("hostname"), QString::fromLatin1(s.host)},
        {QStringLiteral("path"), QString::fromLatin1(request.path)},
        {QStringLiteral("query"), query},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("accessKeyId"), s.accessKeyId},
        {QStringLiteral("secretAccessKey"), s.secret},
        {QStringLiteral("sessionToken"), s.sessionToken},
        {QStringLiteral("region"), s.region},
        {QStringLiteral("service"), s.service},
        {QStringLiteral("time"), s.time.toString(Qt::ISODate)},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("rounds"), Rounds},
    };
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(node, {script, nodeModules});
    if (!p.waitForStarted(30000)) {
        r.error = QStringLiteral("could not start %1: %2").arg(node, p.errorString());
        return r;
    }
    p.write(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    // Two hashes, each measured for `seconds` plus warm-up: bounded well above that.
    if (!p.waitForFinished(int(seconds * 2 * 1000) + 60000)) {
        p.kill();
        p.waitForFinished();
        r.error = QStringLiteral("node did not finish in time");
        return r;
    }
    const QByteArray err = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = QStringLiteral("node failed: %1").arg(QString::fromUtf8(err));
        return r;
    }
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject nodeCrypto = out[QLatin1String("nodeCrypto")].toObject();
    r.nodeCrypto = nodeCrypto[QLatin1String("signaturesPerSecond")].toDouble();
    r.sha256Js = out[QLatin1String("sha256Js")]
                     .toObject()[QLatin1String("signaturesPerSecond")]
                     .toDouble();
    r.authorization = nodeCrypto[QLatin1String("authorization")].toString().toLatin1();
    r.versions
        = QStringLiteral("node %1, @smithy/signature-v4 %2")
              .arg(out[QLatin1String("node")].toString(), out[QLatin1String("signer")].toString());
    if (r.nodeCrypto <= 0)
        r.error = QStringLiteral("node printed no figures: %1").arg(QString::fromUtf8(err));
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SigV4 signing throughput"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Measuring time per figure."),
                                           QStringLiteral("S"), QStringLiteral("2"));
    const QCommandLineOption nodeOption(QStringLiteral("node"), QStringLiteral("node to run."),
                                        QStringLiteral("NODE"));
    const QCommandLineOption scriptOption(
        QStringLiteral("script"), QStringLiteral("sigv4_smithy.cjs."), QStringLiteral("FILE"));
    const QCommandLineOption modulesOption(QStringLiteral("node-modules"),
                                           QStringLiteral("node_modules with the JS signer."),
                                           QStringLiteral("DIR"));
    parser.addOptions({secondsOption, nodeOption, scriptOption, modulesOption});
    parser.process(app);
    const double seconds = std::max(0.1, parser.value(secondsOption).toDouble());

    QTextStream out(stdout);
    const Spec spec = makeSpec();
    const sigv4::Request request = makeRequest(spec);
    const sigv4::SigningParams params = makeParams(spec);

    const sigv4::SigningResult reference = sigv4::sign(request, params);
    if (!reference.ok()) {
        out << "bench_sigv4: signing failed: " << reference.error << Qt::endl;
        return 1;
    }
    out << "Request: GET " << request.path << '?' << request.query.left(60) << "... ("
        << request.query.size() << " query bytes, " << spec.sessionToken.size()
        << "-character session token, canonical request " << reference.canonicalRequest.size()
        << " bytes)\n";

    unsigned char sink = 0;
    Throughput ours([&] {
        const sigv4::SigningResult r = sigv4::sign(request, params);
        sink ^= static_cast<unsigned char>(r.signature.at(0));
    });

    const QByteArray key = sigv4::signingKey(
        params.credentials.secretAccessKey, sigv4::dateStamp(spec.time), spec.region, spec.service);
    BareCrypto bare(reference.canonicalRequest, reference.stringToSign, key);
    if (!bare.ok() || bare.signatureHex() != reference.signature) {
        out << "bench_sigv4: the bare-crypto baseline does not reproduce the signature" << Qt::endl;
        return 1;
    }
    Throughput crypto([&] { sink ^= bare.once(); });

    // C++ before and after node, so a load burst during either phase does not decide the ratio.
    interleave(seconds / 2, ours, crypto);
    const JsResult js = runNode(spec, seconds, parser.value(nodeOption), parser.value(scriptOption),
                                parser.value(modulesOption));
    interleave(seconds / 2, ours, crypto);
    if (!js.error.isEmpty()) {
        out << "bench_sigv4: JS signer: " << js.error << Qt::endl;
        return 1;
    }
    if (js.skipped.isEmpty() && js.authorization != reference.authorization) {
        out << "bench_sigv4: the JS signer signed a different request:\n  ours: "
            << reference.authorization << "\n  JS:   " << js.authorization << Qt::endl;
        return 1;
    }

    const auto fmt = [](double v) { return QString::number(v, 'f', 0).rightJustified(10); };
    out << "SyncDeck sigv4::sign()                 " << fmt(ours.best()) << " signatures/s\n";
    if (js.skipped.isEmpty()) {
        out << "@smithy/signature-v4, node:crypto hash " << fmt(js.nodeCrypto) << " signatures/s  ("
            << js.versions << ")\n";
        out << "@smithy/signature-v4, sha256-js hash   " << fmt(js.sha256Js) << " signatures/s\n";
    } else {
        out << "@smithy/signature-v4: skipped: " << js.skipped << '\n';
    }
    out << "bare crypto (SHA-256 + HMAC-SHA256)    " << fmt(crypto.best()) << " per second\n";
    if (js.skipped.isEmpty()) {
        const double fastestJs = std::max(js.nodeCrypto, js.sha256Js);
        out << "ours / fastest JS signer: " << QString::number(ours.best() / fastestJs, 'f', 1)
            << "x (target >= 10x)\n";
    }
    out << "bare crypto / ours: " << QString::number(crypto.best() / ours.best(), 'f', 2)
        << "x (target <= 3x)\n";
    out << "(identical Authorization from both signers: "
        << (js.skipped.isEmpty() ? "checked" : "not checked") << "; sink " << int(sink) << ")\n";
    out.flush();
    return 0;
}
