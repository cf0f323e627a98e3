#include "regionalservices.h"

#include <QUrlQuery>

namespace syncdeck::emulator {

namespace {

// "AKID/20240101/us-east-1/qbusiness/aws4_request" -> "us-east-1".
QString regionOfCredential(QByteArrayView credential)
{
    const QList<QByteArray> parts = credential.toByteArray().split('/');
    return parts.size() == 5 ? QString::fromLatin1(parts.at(2)) : QString();
}

} // namespace

QString credentialScopeRegion(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    const qsizetype at = authorization.indexOf("Credential=");
    if (at >= 0) {
        const qsizetype begin = at + 11;
        qsizetype end = authorization.indexOf(',', begin);
        if (end < 0)
            end = authorization.size();
        return regionOfCredential(authorization.mid(begin, end - begin).trimmed());
    }
    const qsizetype q = request.target.indexOf('?');
    if (q < 0)
        return {};
    const QUrlQuery query(QString::fromLatin1(request.target.mid(q + 1)));
    return regionOfCredential(
        query.queryItemValue(QStringLiteral("X-Amz-Credential"), QUrl::FullyDecoded).toLatin1());
}

quint64 regionSeed(quint64 seed, int index)
{
    return index == 0 ? seed : seed ^ (0x9E3779B97F4A7C15ULL * quint64(index));
}

} // namespace syncdeck::emulator
