#include "fleetservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace syncdeck::test {

namespace {

// "a0000003-0000-4000-8000-000000000000": the numbers sit at fixed places, so ids parse back.
bool number(const QString &id, char prefix, int from, int length, int *out)
{
    if (id.size() != 36 || id.at(0) != QLatin1Char(prefix))
        return false;
    bool ok = false;
    *out = QStringView(id).mid(from, length).toInt(&ok);
    return ok;
}

QString token(int offset)
{
    return QStringLiteral("o+%1/=").arg(offset); // '+', '/' and '=' must be percent-encoded
}

int offsetOf(const QString &token)
{
    if (token.isEmpty())
        return 0;
    return token.startsWith(QLatin1String("o+")) ? token.mid(2, token.indexOf(u'/') - 2).toInt()
                                                 : -1;
}

} // namespace

FleetService::FleetService(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FleetService::onNewConnection);
    m_clock.start();
}

FleetService::~FleetService()
{
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        delete s;
    }
}

bool FleetService::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FleetService::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QString FleetService::applicationId(int a)
{
    return QStringLiteral("a%1-0000-4000-8000-000000000000").arg(a, 7, 10, QChar(u'0'));
}

QString FleetService::indexId(int a, int i)
{
    return QStringLiteral("i%1-%2-4000-8000-000000000000")
        .arg(a, 7, 10, QChar(u'0'))
        .arg(i, 4, 10, QChar(u'0'));
}

QString FleetService::dataSourceId(int a, int i, int d)
{
    return QStringLiteral("d%1-%2-4000-8000-%3")
        .arg(a, 7, 10, QChar(u'0'))
        .arg(i, 4, 10, QChar(u'0'))
        .arg(d, 12, 10, QChar(u'0'));
}

FleetService::Reply FleetService::error(int status, const QByteArray &code, const QString &message)
{
    Reply r;
    r.status = status;
    r.errorType = code;
    r.body.insert(QStringLiteral("message"), message);
    return r;
}

int FleetService::count(const QString &operation) const
{
    int n = 0;
    for (const Request &r : m_requests)
        n += r.operation == operation ? 1 : 0;
    return n;
}

int FleetService::totalDataSources() const
{
    return m_options.applications * m_options.indicesPerApplication * m_options.dataSourcesPerIndex;
}

void FleetService::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            auto it = m_connections.find(socket);
            if (it == m_connections.end())
                return;
            for (const auto &p : std::as_const(it->answers)) {
                if (!p->ready) {
                    ++m_abandoned;
                    --m_outstanding;
                }
            }
            m_connections.erase(it);
            socket->deleteLater();
        });
    }
}

void FleetService::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    for (;;) {
        auto found = m_connections.find(socket); // a reset answer may have dropped it
        if (found == m_connections.end())
            return;
        Connection &c = *found;
        const qsizetype end = c.buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = c.buffer.left(end);
        c.buffer.remove(0, end + 4); // requests of the scan have no body
        const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
        if (line.size() < 2)
            return;
        Request request = classify(line.at(0), line.at(1));
        request.receivedMs = m_clock.elapsed();
        m_requests.append(request);
        Reply reply = answer(request);
        if (m_intercept)
            m_intercept(request, reply);

        auto pending = std::make_shared<Pending>();
        c.answers.append(pending);
        ++m_outstanding;
        m_maxOutstanding = std::max(m_maxOutstanding, m_outstanding);
        const QByteArray body = reply.body.isEmpty() && reply.status == 200
            ? QByteArray("{}")
            : QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
        QByteArray bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nx-amzn-RequestId: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces)
            + "\r\n";
        if (!reply.errorType.isEmpty())
            bytes += "x-amzn-ErrorType: " + reply.errorType + "\r\n";
        pending->bytes = bytes + "\r\n" + body;
        pending->reset = reply.reset;
        const auto deliver = [this, pending, socket = QPointer<QTcpSocket>(socket)] {
            if (!socket || !m_connections.contains(socket))
                return;
            pending->ready = true;
            --m_outstanding;
            flush(socket);
        };
        if (m_options.answerDelayMs > 0)
            QTimer::singleShot(m_options.answerDelayMs, this, deliver);
        else
            deliver();
    }
}

// Answers go out in request order, each once it is ready.
void FleetService::flush(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    while (!it->answers.isEmpty() && it->answers.constFirst()->ready) {
        const auto p = it->answers.takeFirst();
        if (p->reset) {
            socket->abort();
            return;
        }
        socket->write(p->bytes);
    }
}

FleetService::Request FleetService::classify(const QByteArray &method,
                                             const QByteArray &target) const
{
    Request r;
    r.method = method;
    r.target = target;
    const qsizetype q = target.indexOf('?');
    const QString path = QString::fromUtf8(q < 0 ? target : target.left(q));
    const QUrlQuery query(QString::fromUtf8(q < 0 ? QByteArray() : target.mid(q + 1)));
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        r.query.insert(key, value);
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    r.operation = QStringLiteral("Unknown");
    if (parts.value(0) != QLatin1String("applications") || method != "GET")
        return r;
    r.applicationId = parts.value(1);
    r.indexId = parts.value(3);
    r.dataSourceId = parts.value(5);
    switch (parts.size()) {
    case 1:
        r.operation = QStringLiteral("ListApplications");
        break;
    case 3:
        r.operation = QStringLiteral("ListIndices");
        break;
    case 5:
        r.operation = QStringLiteral("ListDataSources");
        break;
    case 6:
        r.operation = QStringLiteral("GetDataSource");
        break;
    case 7:
        if (parts.at(6) == QLatin1String("syncjobs"))
            r.operation = QStringLiteral("ListDataSourceSyncJobs");
        break;
    default:
        break;
    }
    return r;
}

FleetService::Reply FleetService::answer(const Request &r) const
{
    const auto page = [&r](const char *member, int total, int defaultSize,
                           const std::function<QJsonObject(int)> &item) {
        const int offset = offsetOf(r.query.value(QStringLiteral("nextToken")));
        if (offset < 0 || offset > total)
            return error(400, "ValidationException", QStringLiteral("bad nextToken"));
        const int size
            = r.query.value(QStringLiteral("maxResults"), QString::number(defaultSize)).toInt();
        QJsonArray items;
        for (int k = offset; k < std::min(total, offset + size); ++k)
            items.append(item(k));
        Reply reply;
        reply.body.insert(QLatin1String(member), items);
        if (offset + size < total)
            reply.body.insert(QStringLiteral("nextToken"), token(offset + size));
        return reply;
    };
    const auto notFound = [](const QString &id, const char *type) {
        Reply e = error(404, "ResourceNotFoundException",
                        QStringLiteral("%1 %2 was not found").arg(QLatin1String(type), id));
        e.body.insert(QStringLiteral("resourceId"), id);
        e.body.insert(QStringLiteral("resourceType"), QLatin1String(type));
        return e;
    };
    const Options &o = m_options;
    if (r.operation == QLatin1String("ListApplications")) {
        return page("applications", o.applications, 100, [](int a) {
            QJsonObject j;
            j.insert(QStringLiteral("applicationId"), applicationId(a));
            j.insert(QStringLiteral("displayName"), QStringLiteral("app-%1").arg(a));
            j.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            return j;
        });
    }
    int a = -1;
    int i = -1;
    int d = -1;
    if (r.operation == QLatin1String("Unknown"))
        return error(400, "ValidationException", QStringLiteral("unknown operation"));
    if (!number(r.applicationId, 'a', 1, 7, &a) || a >= o.applications)
        return notFound(r.applicationId, "Application");
    if (r.operation == QLatin1String("ListIndices")) {
        return page("indices", o.indicesPerApplication, 100, [a](int k) {
            QJsonObject j;
            j.insert(QStringLiteral("indexId"), indexId(a, k));
            j.insert(QStringLiteral("displayName"), QStringLiteral("index-%1-%2").arg(a).arg(k));
            j.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            return j;
        });
    }
    if (!number(r.indexId, 'i', 9, 4, &i) || r.indexId != indexId(a, i)
        || i >= o.indicesPerApplication)
        return notFound(r.indexId, "Index");
    if (r.operation == QLatin1String("ListDataSources")) {
        return page("dataSources", o.dataSourcesPerIndex, 10, [a, i](int k) {
            QJsonObject j;
            j.insert(QStringLiteral("dataSourceId"), dataSourceId(a, i, k));
            j.insert(QStringLiteral("displayName"),
                     QStringLiteral("ds-%1-%2-%3").arg(a).arg(i).arg(k));
            j.insert(QStringLiteral("type"), QStringLiteral("S3"));
            j.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            return j;
        });
    }
    if (!number(r.dataSourceId, 'd', 24, 12, &d) || r.dataSourceId != dataSourceId(a, i, d)
        || d >= o.dataSourcesPerIndex)
        return notFound(r.dataSourceId, "DataSource");
    Reply reply;
    reply.body = r.operation == QLatin1String("GetDataSource")
        ? dataSourceDetails(a, i, d)
        : runs(a, i, d, r.query.value(QStringLiteral("maxResults"), QStringLiteral("10")).toInt());
    return reply;
}

QJsonObject FleetService::dataSourceDetails(int a, int i, int d) const
{
    QJsonObject j;
    j.insert(QStringLiteral("applicationId"), applicationId(a));
    j.insert(QStringLiteral("indexId"), indexId(a, i));
    j.insert(QStringLiteral("dataSourceId"), dataSourceId(a, i, d));
    j.insert(QStringLiteral("displayName"), QStringLiteral("ds-%1-%2-%3").arg(a).arg(i).arg(d));
    j.insert(QStringLiteral("type"), QStringLiteral("S3"));
    j.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
    j.insert(QStringLiteral("syncSchedule"), QStringLiteral("cron(0 * * * ? *)"));
    j.insert(QStringLiteral("createdAt"), 1704067200);
    return j;
}

// Three hourly runs, the newest ten minutes ago; every fourth data source's newest failed.
QJsonObject FleetService::runs(int a, int i, int d, int maxResults) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonArray history;
    for (int k = 0; k < std::min(3, maxResults); ++k) {
        QJsonObject j;
        j.insert(QStringLiteral("executionId"),
                 QStringLiteral("e%1-%2-4000-8000-%3")
                     .arg(a, 7, 10, QChar(u'0'))
                     .arg(i, 4, 10, QChar(u'0'))
                     .arg(d * 10 + k, 12, 10, QChar(u'0')));
        j.insert(QStringLiteral("startTime"), double(now - 600 - 3600 * k));
        j.insert(QStringLiteral("endTime"), double(now - 300 - 3600 * k));
        j.insert(QStringLiteral("status"),
                 k == 0 && d % 4 == 1 ? QStringLiteral("FAILED") : QStringLiteral("SUCCEEDED"));
        QJsonObject metrics;
        metrics.insert(QStringLiteral("documentsScanned"), QStringLiteral("100"));
        metrics.insert(QStringLiteral("documentsFailed"), QStringLiteral("0"));
        j.insert(QStringLiteral("metrics"), metrics);
        history.append(j);
    }
    QJsonObject o;
    o.insert(QStringLiteral("history"), history);
    return o;
}

} // namespace syncdeck::test
