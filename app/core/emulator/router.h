#pragma once

#include "httpmessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

// Finds the operation a request calls, for every API the emulator serves side by side:
//   - rest-json (Amazon Q Business): a method and a path template such as
//     "/applications/{applicationId}/indices", whose {labels} are handed to the operation decoded;
//   - awsJson1_0/1_1 (e.g. CloudWatch Logs): `POST /` with `X-Amz-Target: <prefix>.<Operation>`
//     and a JSON body.
// Each route names the SigV4 signing name its API is called with, so that the credential scope is
// checked against the API the request is for.
namespace syncdeck::emulator {

// A request as an operation sees it: the HTTP request, its path labels and its query.
struct RoutedRequest
{
    const HttpRequest *http = nullptr;
    QStringList labelNames; // the path template's {labels}, in order: "applicationId", ...
    QStringList labels; // their values, percent-decoded
    QList<std::pair<QString, QString>> query; // decoded pairs, in order

    // The value of a path label; empty when the route has no such label.
    QString label(QLatin1StringView name) const;
    // The first value of a query parameter, or nullptr when absent.
    const QString *queryValue(QLatin1StringView name) const;
};

using Operation = std::function<HttpResponse(const RoutedRequest &)>;

struct Route
{
    QString operation; // "ListDataSourceSyncJobs"
    QString signingName; // "qbusiness"
    QByteArray method; // rest-json
    QStringList pathSegments; // rest-json; "{label}" segments match any one segment
    QByteArray target; // awsJson: "Logs_20140328.FilterLogEvents"
    Operation handler;
};

class Router
{
public:
    // "GET", "/applications/{applicationId}/indices".
    void addRestRoute(QString operation, QString signingName, QByteArray method,
                      const QString &pathTemplate, Operation handler);
    // targetPrefix "Logs_20140328", operation "FilterLogEvents".
    void addJsonRoute(QString operation, QString signingName, const QByteArray &targetPrefix,
                      Operation handler);

    struct Match
    {
        const Route *route = nullptr;
        RoutedRequest request;
    };
    std::optional<Match> match(const HttpRequest &request) const;

    // The signing name to authenticate a request with: its route's, else that of the API its
    // X-Amz-Target prefix names, else the first API's (an unknown path of the rest-json API).
    QString signingNameFor(const HttpRequest &request, const Route *route) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
    QList<std::pair<QByteArray, QString>> m_targetPrefixes; // prefix, signing name
};

} // namespace syncdeck::emulator
