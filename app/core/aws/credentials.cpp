#include "credentials.h"

#include <QDebug>

namespace syncdeck::aws {

QDebug operator<<(QDebug debug, const SecretString &)
{
    const QDebugStateSaver saver(debug);
    debug.noquote() << "** REDACTED **";
    return debug;
}

QDebug operator<<(QDebug debug, const Credentials &credentials)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Credentials(accessKeyId=" << credentials.accessKeyId
                              << ", secretAccessKey=" << credentials.secretAccessKey
                              << ", sessionToken="
                              << (credentials.hasSessionToken() ? QStringLiteral("** REDACTED **")
                                                                : QStringLiteral("none"))
                              << ", expiration="
                              << (credentials.expiration.isValid()
                                      ? credentials.expiration.toString(Qt::ISODate)
                                      : QStringLiteral("never"))
                              << ", source=" << credentials.source << ')';
    return debug;
}

} // namespace syncdeck::aws
