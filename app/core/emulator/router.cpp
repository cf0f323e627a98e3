#include "router.h"

#include <algorithm>
#include <cctype>

namespace syncdeck::emulator {
namespace {

QByteArray percentDecode(QByteArrayView in, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1]))
            && std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            bool ok = false;
            const int value = QByteArrayView(in.data() + i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(value));
                i += 2;
                continue;
            }
        }
        out.append(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

QList<std::pair<QString, QString>> decodeQuery(const QByteArray &query)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.first(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1);
        pairs.append({QString::fromUtf8(percentDecode(key, true)),
                      QString::fromUtf8(percentDecode(value, true))});
    }
    return pairs;
}

bool isLabel(const QString &segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

QString RoutedRequest::label(QLatin1StringView name) const
{
    const qsizetype i = labelNames.indexOf(name);
    return i < 0 ? QString() : labels.at(i);
}

const QString *RoutedRequest::queryValue(QLatin1StringView name) const
{
    for (const auto &[k, v] : query) {
        if (k == name)
            return &v;
    }
    return nullptr;
}

void Router::addRestRoute(QString operation, QString signingName, QByteArray method,
                          const QString &pathTemplate, Operation handler)
{
    Route route;
    route.operation = std::move(operation);
    route.signingName = std::move(signingName);
    route.method = std::move(method);
    route.pathSegments = pathTemplate.mid(1).split(u'/');
    route.handler = std::move(handler);
    m_routes.append(std::move(route));
}

void Router::addJsonRoute(QString operation, QString signingName, const QByteArray &targetPrefix,
                          Operation handler)
{
    Route route;
    route.target = targetPrefix + '.' + operation.toLatin1();
    route.operation = std::move(operation);
    route.signingName = signingName;
    route.method = "POST";
    route.handler = std::move(handler);
    m_routes.append(std::move(route));
    const bool known = std::any_of(m_targetPrefixes.cbegin(), m_targetPrefixes.cend(),
                                   [&](const auto &p) { return p.first == targetPrefix; });
    if (!known)
        m_targetPrefixes.append({targetPrefix, std::move(signingName)});
}

std::optional<Router::Match> Router::match(const HttpRequest &request) const
{
    const QByteArray target = request.header("x-amz-target");
    QStringList segments;
    for (const QByteArray &raw : request.path.mid(1).split('/'))
        segments.append(QString::fromUtf8(percentDecode(raw, false)));
    for (const Route &route : m_routes) {
        if (route.method != request.method)
            continue;
        Match m;
        if (!route.target.isEmpty()) {
            // awsJson: every operation is POST / and the body carries the input.
            if (target != route.target || (request.path != "/" && !request.path.isEmpty()))
                continue;
        } else {
            if (segments.size() != route.pathSegments.size())
                continue;
            bool same = true;
            for (qsizetype i = 0; same && i < segments.size(); ++i) {
                const QString &segment = route.pathSegments[i];
                if (isLabel(segment)) {
                    m.request.labelNames.append(segment.mid(1, segment.size() - 2));
                    m.request.labels.append(segments[i]);
                } else {
                    same = segments[i] == segment;
                }
            }
            if (!same)
                continue;
        }
        m.route = &route;
        m.request.http = &request;
        m.request.query = decodeQuery(request.query);
        return m;
    }
    return std::nullopt;
}

QString Router::signingNameFor(const HttpRequest &request, const Route *route) const
{
    if (route)
        return route->signingName;
    const QByteArray target = request.header("x-amz-target");
    if (!target.isNull()) {
        const QByteArray prefix = target.left(target.indexOf('.'));
        for (const auto &[known, name] : m_targetPrefixes) {
            if (known == prefix)
                return name;
        }
    }
    return m_routes.isEmpty() ? QString() : m_routes.constFirst().signingName;
}

} // namespace syncdeck::emulator
