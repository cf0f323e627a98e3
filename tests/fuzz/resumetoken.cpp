// aws/paginator: --starting-token, the resume token SyncDeck (and the AWS CLI) prints as
// NextToken, or a raw service nextToken (Paginator::setStartingToken).
// Input: the token text; the same bytes also give a service token, skip and page size that are
// encoded with Paginator::encodeToken and read back.
// Invariants: an accepted token starts the listing at one service token; the resume token the
// listing then reports (it stops at once: no client) reads back to the same start; an encoded
// token always reads back to what was encoded.
#include "fuzzsupport.h"

#include "aws/paginator.h"
#include "aws/servicecall.h"

#include <QCoreApplication>

using namespace syncdeck;

namespace {

struct Start
{
    bool accepted = false;
    bool requested = false;
    QString token;
    int pageSize = -1;
    QString resumeToken;
};

// Starts a listing from `token` and sees where its first request would go: the page function
// returns no call, so the listing ends right there with a resume token for the same place.
Start startFrom(const QString &token)
{
    Start start;
    aws::Paginator paginator(
        [&start](const QString &serviceToken, int pageSize) -> aws::ServiceCall * {
            start.requested = true;
            start.token = serviceToken;
            start.pageSize = pageSize;
            return nullptr;
        },
        [](aws::ServiceCall *) { return aws::Paginator::PageInfo {}; });
    paginator.setPageSize(7);
    QString error;
    start.accepted = paginator.setStartingToken(token, &error);
    FUZZ_CHECK(start.accepted == error.isEmpty(), error);
    if (!start.accepted)
        return start;
    paginator.start();
    // All posted events, not only this object's: that also compacts the queue, which otherwise
    // keeps a slot per event ever posted and slows every later run.
    QCoreApplication::sendPostedEvents();
    FUZZ_CHECK(start.requested && paginator.isFinished(), token);
    start.resumeToken = paginator.resumeToken();
    return start;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Start first = startFrom(text);
    if (first.accepted && !first.resumeToken.isEmpty()) {
        const Start second = startFrom(first.resumeToken);
        FUZZ_CHECK(second.accepted && second.token == first.token
                       && second.pageSize == first.pageSize
                       && second.resumeToken == first.resumeToken,
                   text + QStringLiteral(" -> ") + first.resumeToken + QStringLiteral(" -> ")
                       + second.resumeToken);
    }

    if (size >= 4) {
        const int skip = data[0] | (data[1] & 0x7F) << 8;
        const int pageSize = data[2] | (data[3] & 0x7F) << 8;
        const QString serviceToken
            = QString::fromUtf8(reinterpret_cast<const char *>(data + 4), qsizetype(size - 4));
        const QString token = aws::Paginator::encodeToken(serviceToken, skip, pageSize);
        const Start start = startFrom(token);
        FUZZ_CHECK(start.accepted && start.token == serviceToken, token);
        FUZZ_CHECK(start.pageSize == (skip > 0 && pageSize > 0 ? pageSize : 7), token);
    }
    return 0;
}
