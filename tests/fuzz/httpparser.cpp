// emulator/httpparser: the emulator's incremental HTTP/1.1 request parser, fed the way a socket
// feeds it (chunks of fuzzer-chosen sizes), and the emulator's SigV4 verifier on every request it
// completes (Authorization, credential scope and date parsing).
// Input: byte 0 picks the header and body limits, byte 1 the number of chunk sizes that follow
// (1-8), then those sizes (1-256 bytes each, used in turn), then the byte stream.
// Invariants: the requests, the final state and what stays in the buffer are the same whether
// the stream arrives at once or in chunks; a request's target is its path plus '?' query, its
// body within the limit; a refusal has a 4xx/5xx status and a message.
#include "fuzzsupport.h"

#include "emulator/authenticator.h"
#include "emulator/httpparser.h"

using namespace syncdeck::emulator;
using syncdeck::fuzz::bytes;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    HttpParser::Result last = HttpParser::Result::NeedMore;
    int status = 0;
    QByteArray remaining;
};

QString show(const HttpRequest &r)
{
    QByteArray out = r.method + ' ' + r.target + '\n';
    for (const auto &h : r.headers)
        out += h.name + ": " + h.value + '\n';
    return QString::fromUtf8(out + '\n' + r.body);
}

bool same(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query
        && a.minorVersion == b.minorVersion && a.headers == b.headers && a.body == b.body;
}

// Takes every request the buffer holds; false once the parser refused the stream.
bool drain(const HttpParser &parser, qint64 maxBody, QByteArray *buffer, Outcome *outcome)
{
    for (;;) {
        HttpParser::expectsContinue(*buffer);
        HttpRequest request;
        int status = 0;
        QString message;
        const qsizetype before = buffer->size();
        outcome->last = parser.parse(buffer, &request, &status, &message);
        if (outcome->last == HttpParser::Result::NeedMore)
            return true;
        if (outcome->last == HttpParser::Result::Error) {
            FUZZ_CHECK(status == 400 || status == 413 || status == 501 || status == 505,
                       QString::number(status));
            FUZZ_CHECK(!message.isEmpty(), QString());
            outcome->status = status;
            return false;
        }
        FUZZ_CHECK(buffer->size() < before, show(request));
        FUZZ_CHECK(request.target.startsWith('/'), show(request));
        FUZZ_CHECK(request.target
                       == (request.target.contains('?') ? request.path + '?' + request.query
                                                        : request.path),
                   show(request));
        FUZZ_CHECK(request.body.size() <= maxBody, show(request));
        FUZZ_CHECK(request.minorVersion == 0 || request.minorVersion == 1, show(request));
        outcome->requests.append(request);
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
    if (size < 2)
        return 0;
    static const int HeaderLimits[] = {64, 256, 1024, 16 * 1024};
    static const qint64 BodyLimits[] = {0, 16, 1024, 1024 * 1024};
    const int maxHeader = HeaderLimits[data[0] & 3];
    const qint64 maxBody = BodyLimits[(data[0] >> 2) & 3];
    const size_t sizeCount = 1 + data[1] % 8;
    if (size < 2 + sizeCount)
        return 0;
    QList<int> chunkSizes;
    for (size_t i = 0; i < sizeCount; ++i)
        chunkSizes.append(1 + data[2 + i]);
    const QByteArray stream = bytes(data + 2 + sizeCount, size - 2 - sizeCount);
    const HttpParser parser(maxHeader, maxBody);

    Outcome whole;
    QByteArray buffer = stream;
    drain(parser, maxBody, &buffer, &whole);
    whole.remaining = buffer;

    Outcome chunked;
    buffer.clear();
    qsizetype at = 0;
    for (qsizetype chunk = 0; at < stream.size(); ++chunk) {
        const qsizetype n
            = std::min<qsizetype>(chunkSizes.at(chunk % chunkSizes.size()), stream.size() - at);
        buffer.append(stream.sliced(at, n));
        at += n;
        if (!drain(parser, maxBody, &buffer, &chunked))
            break;
    }
    chunked.remaining = buffer;

    FUZZ_CHECK(whole.last == chunked.last && whole.status == chunked.status,
               QStringLiteral("at once: %1 %2, in chunks: %3 %4")
                   .arg(int(whole.last))
                   .arg(whole.status)
                   .arg(int(chunked.last))
                   .arg(chunked.status));
    FUZZ_CHECK(whole.requests.size() == chunked.requests.size(),
               QString::number(whole.requests.size()) + u'/'
                   + QString::number(chunked.requests.size()));
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(same(whole.requests.at(i), chunked.requests.at(i)),
                   show(whole.requests.at(i)) + QStringLiteral("\n---\n")
                       + show(chunked.requests.at(i)));
    if (whole.last == HttpParser::Result::NeedMore)
        FUZZ_CHECK(whole.remaining == chunked.remaining, QString::fromLatin1(whole.remaining));

    static const Authenticator verifier(QStringLiteral("AKIDSYNCDECKEMULATOR"),
                                        QStringLiteral("SyncDeck/Emulator+Secret/Key0000000000000"),
                                        QString(), QStringLiteral("us-east-1"));
    const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    for (const HttpRequest &request : std::as_const(whole.requests)) {
        const AuthResult verdict = verifier.verify(request, now, QStringLiteral("qbusiness"));
        FUZZ_CHECK(verdict.ok == verdict.code.isEmpty(), verdict.code);
        request.keepAlive();
    }
    return 0;
}
