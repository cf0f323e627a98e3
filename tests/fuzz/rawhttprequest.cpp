// aws/rawhttprequest (the request file of `syncdeck-cli sign-request`) and the SigV4 signer it
// feeds (aws/sigv4: the hand-sized buffers of the canonical request, header folding, path
// normalization and double encoding, query sorting).
// Invariants: a parsed request written back out parses to the same request; a request the
// signer accepts gives the canonical request that the staged functions give, an Authorization
// that syncdeck-emulator's verifier accepts, and never shows the secret key or (redacted) the
// session token.
#include "fuzzsupport.h"

#include "aws/rawhttprequest.h"
#include "aws/sigv4.h"
#include "emulator/authenticator.h"

using namespace syncdeck;
using namespace syncdeck::aws;
using syncdeck::fuzz::bytes;

namespace {

const QString KeyId = QStringLiteral("AKIDEXAMPLE");
const QString Secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString Token = QStringLiteral("FuzzSessionToken+AQoDYXdzEPT//////////wEXAMPLE=");
const QByteArray Redaction = "** REDACTED **";

QString show(const sigv4::Request &r)
{
    QByteArray out = r.method + ' ' + r.path + " ? " + r.query + '\n';
    for (const sigv4::Header &h : r.headers)
        out += h.name + ':' + h.value + '\n';
    return QString::fromUtf8(out + '\n' + r.body);
}

bool same(const sigv4::Request &a, const sigv4::Request &b)
{
    return a.method == b.method && a.path == b.path && a.query == b.query && a.headers == b.headers
        && a.body == b.body;
}

void checkSigned(const QByteArray &input, const RawHttpRequest &raw,
                 const sigv4::Settings &settings)
{
    const QDateTime time(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);
    sigv4::SigningParams params;
    params.credentials.accessKeyId = KeyId;
    params.credentials.secretAccessKey = SecretString(Secret);
    params.credentials.sessionToken = SecretString(Token);
    params.region = QStringLiteral("us-east-1");
    params.service = QStringLiteral("qbusiness");
    params.time = time;
    params.settings = settings;
    const sigv4::SigningResult result = sigv4::sign(raw.request(), params);
    if (!result.ok()) {
        FUZZ_CHECK(result.failure == sigv4::SigningResult::Failure::Request, result.error);
        return;
    }
    const sigv4::Request &request = raw.request();
    const QByteArray scope = "AKIDEXAMPLE/20150830/us-east-1/qbusiness/aws4_request";
    const QByteArray head = "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=";
    const QByteArray tail = ", Signature=" + result.signature;
    FUZZ_CHECK(result.authorization.startsWith(head) && result.authorization.endsWith(tail)
                   && result.signature.size() == 64,
               QString::fromUtf8(result.authorization));
    if (!input.contains(Secret.toUtf8())) {
        for (const QByteArray *stage :
             {&result.canonicalRequest, &result.stringToSign, &result.authorization})
            FUZZ_CHECK(!stage->contains(Secret.toUtf8()), QString::fromUtf8(*stage));
    }

    // The one-pass canonical request equals the staged function's on the request with the
    // signed headers added.
    sigv4::Request withSigned = request;
    for (const sigv4::Header &h : result.headersToAdd) {
        const QByteArray name = h.name.toLower();
        if (name != "authorization"
            && (name != "x-amz-security-token" || settings.signSessionToken))
            withSigned.headers.append(h);
    }
    // The payload hash follows the signed header names (a preset x-amz-content-sha256 is used
    // as written, line breaks of a folded value included).
    const qsizetype namesAt = result.authorization.indexOf("SignedHeaders=") + 14;
    const QByteArray names
        = result.authorization.mid(namesAt, result.authorization.indexOf(", Signature=") - namesAt);
    const QByteArray beforeHash = "\n\n" + names + '\n';
    const QByteArray payloadHash = result.canonicalRequest.mid(
        result.canonicalRequest.indexOf(beforeHash) + beforeHash.size());
    FUZZ_CHECK(sigv4::canonicalRequest(withSigned, settings, payloadHash)
                   == result.canonicalRequest,
               QString::fromUtf8(result.canonicalRequest));

    // The signed request as `sign-request` prints it: parses again, and the token stays hidden.
    const QByteArray printed
        = raw.withHeaders(result.headersToAdd, {QByteArray("x-amz-security-token")}, Redaction);
    FUZZ_CHECK(RawHttpRequest::parse(printed).ok(), QString::fromUtf8(printed));
    if (!input.contains(Token.toUtf8()))
        FUZZ_CHECK(!printed.contains(Token.toUtf8()), QString::fromUtf8(printed));

    // The emulator checks signatures as AWS does (its own header parsing, default settings).
    const bool ownToken = raw.lineOf("x-amz-security-token") > 0;
    if (settings.normalizePath && settings.doubleEncodePath && !settings.addContentSha256Header
        && settings.signSessionToken && !ownToken) {
        emulator::HttpRequest received;
        received.method = request.method;
        received.path = request.path;
        received.query = request.query;
        received.headers = request.headers + result.headersToAdd;
        received.body = request.body;
        const emulator::Authenticator verifier(KeyId, Secret, Token, params.region);
        const emulator::AuthResult verdict = verifier.verify(received, time, params.service);
        FUZZ_CHECK(verdict.ok, verdict.code + u' ' + verdict.message);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);
    const RawHttpRequest raw = RawHttpRequest::parse(input);
    if (!raw.ok()) {
        FUZZ_CHECK(!raw.error().isEmpty(), QString());
        FUZZ_CHECK(raw.errorLine() >= 0 && raw.errorLine() <= input.count('\n') + 1, raw.error());
        return 0;
    }
    FUZZ_CHECK(raw.error().isEmpty() && raw.request().path.startsWith('/'), show(raw.request()));
    const RawHttpRequest again = RawHttpRequest::parse(raw.withHeaders({}));
    FUZZ_CHECK(again.ok(), again.error() + u'\n' + show(raw.request()));
    FUZZ_CHECK(same(again.request(), raw.request()),
               show(raw.request()) + QStringLiteral("\n---\n") + show(again.request()));

    checkSigned(input, raw, sigv4::Settings {});
    // S3-style: no normalization, no double encoding, x-amz-content-sha256, unsigned token.
    checkSigned(input, raw, sigv4::Settings {false, false, true, false});
    return 0;
}
