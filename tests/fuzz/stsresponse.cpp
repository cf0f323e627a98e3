// aws/assumerolecredentialsprovider: the XML answer of STS AssumeRole
// (AssumeRoleCredentialsProvider::parseResponse), success and ErrorResponse alike.
// Input: one byte choosing the HTTP status, then the body.
// Invariants: usable credentials (trimmed, UTC expiration) only from a 2xx answer, else an
// error with a message; the message never quotes the SecretAccessKey or SessionToken of the
// answer.
#include "credentialsupport.h"

#include "aws/assumerolecredentialsprovider.h"

#include <QXmlStreamReader>

using namespace syncdeck;
using syncdeck::fuzz::bytes;

namespace {

// The texts of every SecretAccessKey and SessionToken element of the answer, for the leak check.
// Read as XML: markup inside CDATA or a comment is the text of another element (an error
// message may quote "<SecretAccessKey>x</SecretAccessKey>" and is shown as the server wrote it).
// Elements read before a syntax error count.
QStringList secretTexts(const QByteArray &xml)
{
    QStringList texts;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd() && !reader.hasError()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() != QLatin1String("SecretAccessKey")
            && reader.name() != QLatin1String("SessionToken"))
            continue;
        QString text;
        while (!reader.atEnd() && !reader.hasError()) {
            const QXmlStreamReader::TokenType t = reader.readNext();
            if (t == QXmlStreamReader::Characters)
                text += reader.text();
            else if (t == QXmlStreamReader::EndElement || t == QXmlStreamReader::StartElement)
                break;
        }
        texts.append(text.trimmed());
    }
    return texts;
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
    for (const QString &secret : secretTexts(xml)) {
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
