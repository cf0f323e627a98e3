// aws/processcredentialsprovider: what a credential_process helper prints on stdout
// (ProcessCredentialsProvider::parseOutput).
// Invariants: the result is usable credentials (key id, secret, UTC expiration or none) or an
// error with a message, and that message never quotes SecretAccessKey or SessionToken.
#include "credentialsupport.h"

#include "aws/processcredentialsprovider.h"

#include <QJsonDocument>

using namespace syncdeck;
using syncdeck::fuzz::bytes;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray output = bytes(data, size);
    const aws::CredentialsResult r = aws::ProcessCredentialsProvider::parseOutput(output);
    const QJsonObject o = QJsonDocument::fromJson(output).object();
    const QStringList secrets = syncdeck::fuzz::uniqueSecrets(
        o, {QStringLiteral("SecretAccessKey"), QStringLiteral("SessionToken")},
        QString::fromUtf8(output));
    syncdeck::fuzz::checkCredentialsResult(r, secrets);
    if (!r.error.isError()) {
        FUZZ_CHECK(r.credentials.accessKeyId == o.value(QLatin1String("AccessKeyId")).toString(),
                   r.credentials.accessKeyId);
        FUZZ_CHECK(r.credentials.secretAccessKey.reveal()
                       == o.value(QLatin1String("SecretAccessKey")).toString(),
                   QString());
    }
    return 0;
}
