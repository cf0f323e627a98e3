// aws/ssocredentialsprovider: the token cache `aws sso login` leaves in ~/.aws/sso/cache
// (parseTokenCache) and the IAM Identity Center portal's GetRoleCredentials answer
// (parseRoleCredentials), both run on every input.
// Invariants: a token is read only from a JSON object with a non-empty accessToken string; role
// credentials are usable, with a UTC expiration, exactly when the answer has accessKeyId,
// secretAccessKey and a numeric expiration (epoch milliseconds up to year 9999).
#include "credentialsupport.h"

#include "aws/ssocredentialsprovider.h"

#include <QJsonDocument>

#include <cmath>

using namespace syncdeck;
using syncdeck::fuzz::bytes;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = bytes(data, size);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);

    aws::SsoCachedToken cached;
    const bool haveToken = aws::SsoCredentialsProvider::parseTokenCache(json, &cached);
    const QString token = doc.object().value(QLatin1String("accessToken")).toString();
    FUZZ_CHECK(haveToken == (parseError.error == QJsonParseError::NoError && !token.isEmpty()),
               token);
    if (haveToken)
        FUZZ_CHECK(cached.accessToken.reveal() == token, QString());

    aws::Credentials credentials;
    const bool haveCredentials
        = aws::SsoCredentialsProvider::parseRoleCredentials(json, &credentials);
    const QJsonObject rc = doc.object().value(QLatin1String("roleCredentials")).toObject();
    const bool complete = !rc.value(QLatin1String("accessKeyId")).toString().isEmpty()
        && !rc.value(QLatin1String("secretAccessKey")).toString().isEmpty()
        && rc.value(QLatin1String("expiration")).isDouble()
        && std::fabs(rc.value(QLatin1String("expiration")).toDouble()) <= 253402300799999.0;
    FUZZ_CHECK(haveCredentials == complete, QString::fromUtf8(json.left(200)));
    if (haveCredentials) {
        FUZZ_CHECK(credentials.isValid() && credentials.expiration.isValid()
                       && credentials.expiration.timeSpec() == Qt::UTC,
                   credentials.expiration.toString());
    }
    return 0;
}
