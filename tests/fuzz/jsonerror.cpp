// aws/replyclassifier: how an HTTP answer becomes success or an AwsError (readJsonError for the
// error bodies of JSON protocols, the MalformedResponse path for a 2xx body the codec refuses),
// and the explanation the dashboard and the CLI then show (qbusiness/errorexplanation).
// Input: two bytes of HTTP status, header lines `Name: value`, NUL, the body.
// Invariants: every error has a kind, a code without namespace or URI parts and a message; the
// modeled members (reason, fields, ...) are kept and the code/message members are not; an
// explanation always says something.
#include "fuzzsupport.h"

#include "aws/replyclassifier.h"
#include "qbusiness/errorexplanation.h"
#include "qbusiness/jsoncodec.h"

using namespace syncdeck;
using syncdeck::fuzz::bytes;

namespace {

void checkError(const aws::AwsError &e)
{
    FUZZ_CHECK(e.isError(), QString());
    FUZZ_CHECK(!e.code.isEmpty() && e.code == e.code.trimmed(), e.code);
    FUZZ_CHECK(!e.code.contains(u':') && !e.code.contains(u'#'), e.code);
    FUZZ_CHECK(!e.message.isEmpty(), e.code);
    const qbusiness::ErrorExplanation explanation
        = qbusiness::explainAwsError(e, QStringLiteral("dev"));
    FUZZ_CHECK(!explanation.summary.isEmpty(), e.code + u' ' + e.message);
    qbusiness::isSsoLoginNeeded(e);
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
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const QList<QByteArray> part = syncdeck::fuzz::parts(bytes(data + 2, size - 2), 2);
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : part[0].split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    aws::ReplyFacts facts;
    facts.httpStatus = status;
    facts.reasonPhrase
        = status >= 500 ? QByteArray("Internal Server Error") : QByteArray("Bad Request");
    facts.connected = true;
    facts.body = part[1];
    facts.header = [&headers](const QByteArray &name) {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return QByteArray();
    };

    if (status >= 300) {
        const aws::AwsError e = aws::readJsonError(facts);
        FUZZ_CHECK(e.kind == aws::AwsError::Kind::Service && e.httpStatus == status, e.code);
        checkError(e);
        for (const char *modeled : {"code", "Code", "__type", "message", "Message"})
            FUZZ_CHECK(!e.fields.contains(QLatin1String(modeled)), e.code);
    }

    aws::ReplyContext context;
    context.operation = QStringLiteral("ListDataSourceSyncJobs");
    context.serviceTitle = QStringLiteral("Amazon Q Business");
    context.host = QStringLiteral("qbusiness.us-east-1.api.aws");
    context.maxResponseBytes = 64 * 1024 * 1024;
    const auto parse = [](const QByteArray &body, QString *error) {
        qbusiness::SyncJobPage page;
        return qbusiness::jsoncodec::readSyncJobPage(body, &page, error);
    };
    const aws::AwsError classified = aws::classifyReply(facts, context, parse, {});
    if (status >= 200 && status < 300) {
        QString error;
        qbusiness::SyncJobPage page;
        const bool readable = qbusiness::jsoncodec::readSyncJobPage(facts.body, &page, &error);
        FUZZ_CHECK(readable == !classified.isError(), classified.message);
    }
    if (classified.isError())
        checkError(classified);
    return 0;
}
