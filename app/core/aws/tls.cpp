#include "tls.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>

namespace syncdeck::aws {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QSslConfiguration sslConfigurationFor(const QUrl &endpoint, const QString &caBundle, QString *error,
                                      bool verifyCertificates)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!verifyCertificates) {
        if (!isLoopbackHost(endpoint.host())) {
            *error = QStringLiteral("certificate checks can only be turned off for a loopback "
                                    "endpoint (127.0.0.1, ::1, localhost), not for ")
                + endpoint.host();
            return config;
        }
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    if (caBundle.isEmpty())
        return config;

    QFile file(caBundle);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the CA bundle ") + caBundle + QStringLiteral(": ")
            + file.errorString();
        return config;
    }
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromData(file.read(16 * 1024 * 1024), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("the CA bundle ") + caBundle
            + QStringLiteral(" holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
        return config;
    }
    config.setCaCertificates(certificates);
    return config;
}

} // namespace syncdeck::aws
