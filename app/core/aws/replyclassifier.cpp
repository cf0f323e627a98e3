#include "replyclassifier.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace syncdeck::aws {

namespace {

QString describeNetworkError(QNetworkReply::NetworkError e, const QString &qtText)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the connection was refused (%1)").arg(qtText);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before the response was "
                              "complete (%1)")
            .arg(qtText);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host name could not be resolved (%1)").arg(qtText);
    default:
        return qtText;
    }
}

bool isTlsError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError || e == QNetworkReply::UnknownNetworkError;
}

QString requestIdOf(const ReplyFacts &facts)
{
    if (!facts.header)
        return {};
    QString id = QString::fromUtf8(facts.header("x-amzn-RequestId"));
    if (id.isEmpty())
        id = QString::fromUtf8(facts.header("x-amz-request-id"));
    return id;
}

AwsError timeoutError(const ReplyFacts &facts, const ReplyContext &context)
{
    AwsError e;
    e.kind = AwsError::Kind::Timeout;
    e.code = facts.connected ? QStringLiteral("ReadTimeout") : QStringLiteral("ConnectTimeout");
    e.message = facts.connected
        ? QStringLiteral("no data from %1 for %2 ms (read timeout)")
              .arg(context.host)
              .arg(context.readTimeoutMs)
        : QStringLiteral("could not connect to %1 within %2 ms (connect timeout)")
              .arg(context.host)
              .arg(context.connectTimeoutMs);
    e.nextStep = QStringLiteral("Check the network, or raise --cli-read-timeout / "
                                "--cli-connect-timeout.");
    return e;
}

AwsError connectionError(const ReplyFacts &facts, const ReplyContext &context)
{
    const bool tls = isTlsError(facts.networkError);
    AwsError e;
    e.kind = AwsError::Kind::Network;
    e.code = tls ? QStringLiteral("TlsError") : QStringLiteral("ConnectionError");
    e.message = QStringLiteral("%1: %2").arg(
        context.host, describeNetworkError(facts.networkError, facts.networkErrorText));
    e.nextStep = tls ? QStringLiteral("Check the endpoint's certificate, or --ca-bundle.")
                     : QStringLiteral("Check the endpoint URL and the network.");
    return e;
}

AwsError successBody(const ReplyFacts &facts, const ReplyContext &context, const ParseBody &parse)
{
    if (facts.networkError != QNetworkReply::NoError) {
        // The headers arrived but the body did not: a cut connection, worth a retry.
        AwsError e;
        e.kind = AwsError::Kind::Network;
        e.code = QStringLiteral("IncompleteBody");
        e.message = QStringLiteral("the response from %1 broke off after %2 bytes: %3")
                        .arg(context.host)
                        .arg(facts.body.size())
                        .arg(describeNetworkError(facts.networkError, facts.networkErrorText));
        e.requestId = requestIdOf(facts);
        e.httpStatus = facts.httpStatus;
        return e;
    }
    QString parseError;
    if (parse && !parse(facts.body, &parseError)) {
        return AwsError::make(
            AwsError::Kind::Client, QStringLiteral("MalformedResponse"),
            QStringLiteral("the %1 response could not be read: %2")
                .arg(context.operation, parseError),
            QStringLiteral("Check that the endpoint is an %1 endpoint; if it is, report the "
                           "request id.")
                .arg(context.serviceTitle),
            requestIdOf(facts), facts.httpStatus);
    }
    return {};
}

} // namespace

AwsError classifyReply(const ReplyFacts &facts, const ReplyContext &context, const ParseBody &parse,
                       const ReadErrorBody &readError)
{
    if (facts.tooLarge) {
        return AwsError::make(
            AwsError::Kind::Client, QStringLiteral("ResponseTooLarge"),
            QStringLiteral("the response body is larger than the %1-byte limit")
                .arg(context.maxResponseBytes),
            QStringLiteral("Ask for smaller pages (--page-size), or check that the endpoint is "
                           "an %1 endpoint.")
                .arg(context.serviceTitle),
            requestIdOf(facts), facts.httpStatus);
    }
    if (facts.timedOut)
        return timeoutError(facts, context);
    if (facts.httpStatus == 0)
        return connectionError(facts, context);
    if (facts.httpStatus >= 200 && facts.httpStatus < 300)
        return successBody(facts, context, parse);
    return readError ? readError(facts) : readJsonError(facts);
}

QString sanitizeErrorCode(QString code)
{
    const qsizetype colon = code.indexOf(u':');
    if (colon >= 0)
        code.truncate(colon);
    const qsizetype hash = code.lastIndexOf(u'#');
    if (hash >= 0)
        code = code.mid(hash + 1);
    return code.trimmed();
}

AwsError readJsonError(const ReplyFacts &facts)
{
    AwsError e;
    e.kind = AwsError::Kind::Service;
    e.httpStatus = facts.httpStatus;
    e.requestId = requestIdOf(facts);

    // Error bodies are JSON objects when the service itself answered; a proxy or load balancer
    // answers with HTML or nothing, and that is still an error, named by its status.
    const QByteArray &body = facts.body;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.isObject() ? doc.object() : QJsonObject();
    const auto str = [&o](QLatin1String key) {
        const QJsonValue v = o.value(key);
        return v.isString() ? v.toString() : QString();
    };

    QString code = facts.header ? QString::fromUtf8(facts.header("x-amzn-ErrorType")) : QString();
    for (const QLatin1String key :
         {QLatin1String("code"), QLatin1String("Code"), QLatin1String("__type")}) {
        if (code.isEmpty())
            code = str(key);
    }
    e.code = sanitizeErrorCode(code);
    if (e.code.isEmpty())
        e.code = QString::number(facts.httpStatus);

    e.message = str(QLatin1String("message"));
    if (e.message.isEmpty())
        e.message = str(QLatin1String("Message"));
    if (e.message.isEmpty()) {
        QString what = QString::fromLatin1(facts.reasonPhrase).trimmed();
        if (what.isEmpty())
            what = QStringLiteral("HTTP %1").arg(facts.httpStatus);
        if (!doc.isObject() && !body.trimmed().isEmpty()) {
            const bool html = body.trimmed().startsWith('<');
            what += QStringLiteral(" (the body is %1, %2 bytes, not an AWS error document)")
                        .arg(html ? QStringLiteral("HTML") : QStringLiteral("not JSON"))
                        .arg(body.size());
        }
        e.message = what;
    }

    static const QLatin1String NotModeled[]
        = {QLatin1String("code"), QLatin1String("Code"), QLatin1String("__type"),
           QLatin1String("message"), QLatin1String("Message")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isNull())
            continue;
        bool skip = false;
        for (const QLatin1String &k : NotModeled)
            skip = skip || it.key() == k;
        if (!skip)
            e.fields.insert(it.key(), it.value());
    }
    return e;
}

} // namespace syncdeck::aws
