#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace syncdeck::aws {

// The TLS settings for one endpoint: the system trust store, or only the certificates of
// `caBundle` (a PEM file, as AWS_CA_BUNDLE / ca_bundle / --ca-bundle name it; like the AWS CLI,
// the bundle replaces the default trust store). Peer verification is always on, except when
// `verifyCertificates` is false AND the endpoint is a loopback host (127.0.0.0/8, ::1,
// localhost): turning checks off for any other host is refused with *error set.
// Returns a default configuration and sets *error when the bundle cannot be used.
QSslConfiguration sslConfigurationFor(const QUrl &endpoint, const QString &caBundle, QString *error,
                                      bool verifyCertificates = true);

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

} // namespace syncdeck::aws
