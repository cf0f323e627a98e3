// aws/assumerolecredentialsprovider: the XML answer of STS AssumeRole
// (AssumeRoleCredentialsProvider::parseResponse), success and ErrorResponse alike.
// Input: one byte choosing the HTTP status, then the body.
// Invariants: usable credentials (trimmed, UTC expiration) only from a 2xx answer, else an
// error with a message; the message never quotes the SecretAccessKey or SessionToken of the
// answer.
#include "credentialsupport.h"

#include "aws/assumerolecredentialsprovider.h"

#include <QXmlStreamReader>

#include <algorithm>

using namespace syncdeck;
using syncdeck::fuzz::bytes;

namespace {

// The answer read as XML: the text of each element (its own character data, joined across
// CDATA, comments and processing instructions, as the provider joins it) and each attribute
// value. Elements still open at a syntax error count with the text read so far.
struct ElementTexts
{
    QStringList secrets; // SecretAccessKey and SessionToken elements, trimmed
    QStringList others; // every other element and attribute: what a message may quote
};

ElementTexts elementTexts(const QByteArray &xml)
{
    ElementTexts out;
    QList<std::pair<QString, QString>> open; // name, text so far
    const auto close = [&out, &open] {
        const auto [name, text] = open.takeLast();
        if (name == QLatin1String("SecretAccessKey") || name == QLatin1String("SessionToken"))
            out.secrets.append(text.trimmed());
        else
            out.others.append(text);
    };
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType t = reader.readNext();
        if (t == QXmlStreamReader::StartElement) {
            open.append({reader.name().toString(), QString()});
            for (const QXmlStreamAttribute &a : reader.attributes())
                out.others.append(a.value().toString());
        } else if (t == QXmlStreamReader::EndElement && !open.isEmpty()) {
            close();
        } else if (t == QXmlStreamReader::Characters && !open.isEmpty()) {
            open.last().second += reader.text();
        }
    }
    while (!open.isEmpty())
        close();
    return out;
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
    // A secret is checked when nothing else of the answer holds it: an error code or message
    // that happens to hold the same text (spelt across markup, say) is the server's to show.
    const ElementTexts texts = elementTexts(xml);
    for (const QString &secret : texts.secrets) {
        const bool elsewhere = std::any_of(texts.others.cbegin(), texts.others.cend(),
                                           [&](const QString &t) { return t.contains(secret); });
        if (!elsewhere && syncdeck::fuzz::isCheckableSecret(secret, raw))
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
