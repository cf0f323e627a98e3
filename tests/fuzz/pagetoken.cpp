// emulator/pagetoken: the emulator's authenticated nextToken, as a client sends it back.
// Input: the filters a listing was asked with, NUL, the token; the first 8 bytes also give a
// position to encode.
// Invariants: a token is accepted only if it decodes to the bytes of the token issued for those
// filters and that position (no forgery, no reuse with other filters); every issued token is
// accepted for its own filters, with its position, and refused for any other filters.
#include "fuzzsupport.h"

#include "emulator/pagetoken.h"

#include <QtEndian>

using namespace syncdeck::emulator;
using syncdeck::fuzz::bytes;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const PageTokenCodec codec(QByteArray("syncdeck-fuzz-page-token-key"));
    const QByteArray input = bytes(data, size);
    const QList<QByteArray> part = syncdeck::fuzz::parts(input, 2);
    const QByteArray &filters = part[0];
    const QString token = QString::fromLatin1(part[1]);

    quint64 position = 0;
    QString error;
    if (codec.decode(token, filters, &position, &error)) {
        FUZZ_CHECK(error.isEmpty(), error);
        const QString issued = codec.encode(filters, position);
        FUZZ_CHECK(QByteArray::fromBase64(token.toLatin1())
                       == QByteArray::fromBase64(issued.toLatin1()),
                   token + QStringLiteral(" != ") + issued);
    } else {
        FUZZ_CHECK(!error.isEmpty(), token);
    }

    if (size >= 8) {
        const quint64 at = qFromBigEndian<quint64>(data);
        const QString issued = codec.encode(filters, at);
        quint64 decoded = ~at;
        FUZZ_CHECK(codec.decode(issued, filters, &decoded, &error) && decoded == at, issued);
        const QByteArray otherFilters = filters + 'x';
        FUZZ_CHECK(!codec.decode(issued, otherFilters, &decoded, &error), issued);
    }
    return 0;
}
