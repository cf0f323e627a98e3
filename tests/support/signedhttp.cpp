#include "signedhttp.h"

#include "aws/sigv4.h"
#include "emulator/options.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

namespace syncdeck::test {

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

aws::Credentials emulatorCredentials()
{
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(emulator::DefaultAccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(emulator::DefaultSecretAccessKey));
    return c;
}

QByteArray encodeQueryValue(const QString &value)
{
    return aws::sigv4::uriEncode(value.toUtf8());
}

SignedHttp::SignedHttp(QUrl base, aws::Credentials credentials, QString region)
    : m_base(std::move(base))
    , m_credentials(std::move(credentials))
    , m_region(std::move(region))
{ }

QList<QPair<QByteArray, QByteArray>> SignedHttp::signedHeaders(const SignedRequest &request) const
{
    aws::sigv4::Request r;
    r.method = request.method;
    r.path = request.path;
    r.query = request.query;
    r.body = request.body;
    r.headers.append({"Host", m_base.host().toLatin1() + ':' + QByteArray::number(m_base.port())});
    for (const auto &h : request.extraHeaders)
        r.headers.append({h.first, h.second});
    QList<QPair<QByteArray, QByteArray>> out;
    for (const auto &h : std::as_const(r.headers))
        out.append({h.name, h.value});
    if (!request.sign)
        return out;
    aws::sigv4::SigningParams params;
    params.credentials = m_credentials;
    params.region = m_region;
    params.service = m_service;
    params.time
        = request.signingTime.isValid() ? request.signingTime : QDateTime::currentDateTimeUtc();
    const aws::sigv4::SigningResult signedResult = aws::sigv4::sign(r, params);
    for (const auto &h : signedResult.headersToAdd)
        out.append({h.name, h.value});
    return out;
}

QByteArray SignedHttp::wireBytes(const SignedRequest &request, bool connectionClose) const
{
    QByteArray out = request.method + ' ' + request.path
        + (request.query.isEmpty() ? QByteArray() : '?' + request.query) + " HTTP/1.1\r\n";
    for (const auto &h : signedHeaders(request))
        out += h.first + ": " + h.second + "\r\n";
    if (!request.body.isEmpty() || request.method == "POST")
        out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    if (connectionClose)
        out += "Connection: close\r\n";
    out += "\r\n" + request.body;
    return out;
}

HttpResult SignedHttp::send(const SignedRequest &request, int timeoutMs)
{
    const QByteArray target
        = request.path + (request.query.isEmpty() ? QByteArray() : '?' + request.query);
    QUrl url = m_base;
    url.setPath(QString());
    const QUrl full = QUrl::fromEncoded(url.toEncoded() + target, QUrl::StrictMode);
    QNetworkRequest nr(full);
    for (const auto &h : signedHeaders(request)) {
        if (h.first.compare("host", Qt::CaseInsensitive) != 0)
            nr.setRawHeader(h.first, h.second);
    }
    QNetworkReply *reply = m_nam.sendCustomRequest(nr, request.method, request.body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        result.transportError = QStringLiteral("timed out");
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    result.body = reply->readAll();
    // No HTTP answer, or the connection broke after one.
    if ((reply->error() != QNetworkReply::NoError && result.status == 0)
        || reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::UnknownNetworkError)
        result.transportError = reply->errorString();
    delete reply;
    return result;
}

HttpResult readResponse(QTcpSocket *socket, QByteArray *pending, int timeoutMs)
{
    HttpResult result;
    QElapsedTimer timer;
    timer.start();
    QByteArray &buffer = *pending;
    auto waitMore = [&] {
        if (socket->bytesAvailable() > 0) {
            buffer += socket->readAll();
            return true;
        }
        if (socket->state() != QAbstractSocket::ConnectedState)
            return false;
        const int left = int(timeoutMs - timer.elapsed());
        if (left <= 0 || !socket->waitForReadyRead(left)) {
            buffer += socket->readAll();
            return false;
        }
        buffer += socket->readAll();
        return true;
    };
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!waitMore()) {
            result.transportError = buffer.isEmpty() ? QStringLiteral("no answer")
                                                     : QStringLiteral("incomplete headers");
            result.closed = socket->state() != QAbstractSocket::ConnectedState;
            return result;
        }
    }
    const QList<QByteArray> lines = buffer.first(headerEnd).split('\n');
    result.status = lines.value(0).split(' ').value(1).toInt();
    qint64 length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        result.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
        if (line.first(colon).compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.sliced(colon + 1).trimmed().toLongLong();
    }
    while (buffer.size() < headerEnd + 4 + length) {
        if (!waitMore()) {
            result.transportError = QStringLiteral("body cut short");
            break;
        }
    }
    result.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, std::min<qsizetype>(buffer.size(), headerEnd + 4 + length));
    if (result.header("connection") == "close") {
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->waitForDisconnected(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
        result.closed = socket->state() != QAbstractSocket::ConnectedState;
    }
    return result;
}

} // namespace syncdeck::test
