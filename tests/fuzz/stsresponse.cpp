// aws/assumerolecredentialsprovider: the XML answer of STS AssumeRole
// (AssumeRoleCredentialsProvider::parseResponse), success and ErrorResponse alike.
// Input: one byte choosing the HTTP status, then the body.
// Invariants: usable credentials (trimmed, UTC expiration) only from a 2xx answer, else an
// error with a message; the message never quotes the SecretAccessKey or SessionToken of the
// answer.
#include "credentialsupport.h"

#include "aws/assumerolecredentialsprovider.h"

using namespace syncdeck;
using syncdeck::fuzz::bytes;

namespace {

// The text of the first <tag>...</tag> of the input, for the leak check.
QString elementText(const QByteArray &xml, const QByteArray &tag)
{
    const QByteArray open = '<' + tag + '>';
    const qsizetype from = xml.indexOf(open);
    const QByteArray close = "</" + tag + '>';
    const qsizetype to = from < 0 ? -1 : xml.indexOf(close, from);
    if (to < 0)
        return {};
    return QString::fromUtf8(xml.mid(from + open.size(), to - from - open.size())).trimmed();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int Statuses[] = {200, 200, 200, 200, 201, 400, 403, 500};
    const int status = Statuses[data[0] % 8];
    const QByteArray xml = bytes(data + 1, size - 1);
    const aws::CredentialsResult r = aws::AssumeRoleCredentialsProvider::parseResponse(status, xml);
    QStringList secrets;
    const QString raw = QString::fromUtf8(xml);
    for (const char *tag : {"SecretAccessKey", "SessionToken"}) {
        const QString secret = elementText(xml, tag);
        if (syncdeck::fuzz::isCheckableSecret(secret, raw))
            secrets.append(secret);
    }
    syncdeck::fuzz::checkCredentialsResult(r, secrets);
    if (!r.error.isError()) {
        FUZZ_CHECK(status >= 200 && status < 300, QString::number(status));
        FUZZ_CHECK(r.credentials.hasSessionToken() && r.credentials.expiration.isValid(),
                   r.credentials.accessKeyId);
        FUZZ_CHECK(r.credentials.accessKeyId == r.credentials.accessKeyId.trimmed(),
                   r.credentials.accessKeyId);
    }
    return 0;
}
