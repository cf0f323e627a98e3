#include "fakeqbusiness.h"

#include "aws/sigv4.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace syncdeck::test {

namespace {
QMap<QByteArray, QByteArray> parseQuery(const QByteArray &query)
{
    QMap<QByteArray, QByteArray> out;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        // Percent-decoding only: in AWS query strings '+' is a plus, never a space.
        out.insert(QByteArray::fromPercentEncoding(pair.left(eq)),
                   eq < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(eq + 1)));
    }
    return out;
}

// Tokens that need percent-encoding: '+', '/' and '=' all appear.
QByteArray makeToken(int offset)
{
    return QByteArray("o=" + QByteArray::number(offset) + ";~~~???").toBase64();
}

int readToken(const QByteArray &token)
{
    const QByteArray decoded = QByteArray::fromBase64(token);
    if (!decoded.startsWith("o=") || !decoded.endsWith(";~~~???"))
        return -1;
    bool ok = false;
    const int offset = decoded.mid(2, decoded.indexOf(';') - 2).toInt(&ok);
    return ok ? offset : -1;
}

RawHttpReply validation(const QByteArray &message, const QByteArray &field)
{
    return RawHttpReply::awsError(400, "ValidationException", message, "req-validation",
                                  "\"reason\":\"FIELD_VALIDATION_FAILED\",\"fields\":[{\"name\":\""
                                      + field + "\",\"message\":\"" + message + "\"}]");
}
} // namespace

QByteArray checkSigV4(const RawHttpRequest &request, const aws::Credentials &credentials,
                      const QString &region, const QString &service)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype sh = authorization.indexOf("SignedHeaders=");
    if (sh < 0)
        return "no SigV4 Authorization header";
    QByteArray signedList = authorization.mid(sh + 14);
    signedList.truncate(signedList.indexOf(','));
    const QList<QByteArray> names = signedList.split(';');
    aws::sigv4::Request r;
    r.method = request.method;
    r.path = request.path;
    r.query = request.query;
    r.body = request.body;
    for (const auto &h : request.headers) {
        const QByteArray lower = h.first.toLower();
        if (names.contains(lower) && lower != "x-amz-date")
            r.headers.append({h.first, h.second});
    }
    aws::sigv4::SigningParams p;
    p.credentials.accessKeyId = credentials.accessKeyId;
    p.credentials.secretAccessKey = credentials.secretAccessKey;
    const QByteArray token = request.header("X-Amz-Security-Token");
    if (!token.isEmpty()) {
        p.credentials.sessionToken = aws::SecretString(QString::fromUtf8(token));
        r.headers.removeIf([](const aws::sigv4::Header &h) {
            return h.name.compare("x-amz-security-token", Qt::CaseInsensitive) == 0;
        });
    }
    p.region = region;
    p.service = service;
    p.time = QDateTime::fromString(QString::fromLatin1(request.header("X-Amz-Date")),
                                   QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    p.time.setTimeSpec(Qt::UTC);
    const aws::sigv4::SigningResult s = aws::sigv4::sign(r, p);
    if (!s.ok())
        return s.error.toUtf8();
    if (s.authorization != authorization)
        return "the signature does not match the bytes that arrived";
    return {};
}

FakeQBusiness::FakeQBusiness(Options options)
    : m_options(options)
    , m_random(quint32(options.seed))
{ }

QString FakeQBusiness::executionId(int i)
{
    return QStringLiteral("e0000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QDateTime FakeQBusiness::startTimeOf(int i)
{
    return QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(i) * 3600);
}

QString FakeQBusiness::statusOf(int i)
{
    static const char *const Statuses[]
        = {"SUCCEEDED", "FAILED", "SUCCEEDED", "INCOMPLETE", "SUCCEEDED", "ABORTED"};
    return QString::fromLatin1(Statuses[i % 6]);
}

QByteArray FakeQBusiness::checkSignature(const RawHttpRequest &request)
{
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(SecretAccessKey));
    return checkSigV4(request, c, QString::fromLatin1(Region), QStringLiteral("qbusiness"));
}

RawHttpReply FakeQBusiness::handle(const RawHttpRequest &request)
{
    ++m_requestCounter;
    const double roll = m_random.generateDouble();
    if (roll < m_options.resetRate) {
        ++m_faults;
        return RawHttpReply::reset();
    }
    if (roll < m_options.resetRate + m_options.throttleRate) {
        ++m_faults;
        return RawHttpReply::awsError(429, "ThrottlingException", "Rate exceeded",
                                      "req-throttle-" + QByteArray::number(m_requestCounter));
    }
    if (roll < m_options.resetRate + m_options.throttleRate + m_options.serverErrorRate) {
        ++m_faults;
        return RawHttpReply::awsError(500, "InternalServerException", "Internal failure",
                                      "req-500-" + QByteArray::number(m_requestCounter));
    }

    const QDateTime serverNow
        = QDateTime::currentDateTimeUtc().addMSecs(m_options.serverClockOffsetMs);
    const QByteArray dateHeader = "Date: "
        + QLocale::c()
              .toString(serverNow, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
              .toLatin1();
    if (m_options.verifySignature) {
        const QDateTime signedAt
            = QDateTime::fromString(QString::fromLatin1(request.header("X-Amz-Date")),
                                    QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        QDateTime utc = signedAt;
        utc.setTimeSpec(Qt::UTC);
        if (!signedAt.isValid() || std::llabs(utc.secsTo(serverNow)) > 300) {
            ++m_signatureFailures;
            return RawHttpReply::awsError(
                403, "InvalidSignatureException",
                "Signature expired: the request time is more than 5 minutes from the service's",
                "req-skew", {}, {dateHeader});
        }
        const QByteArray why = checkSignature(request);
        if (!why.isEmpty()) {
            ++m_signatureFailures;
            return RawHttpReply::awsError(403, "InvalidSignatureException", why, "req-sig");
        }
    }

    const QList<QByteArray> parts = request.path.split('/');
    // "", "applications", app, "indices", idx, "datasources", ds, "syncjobs"
    const auto badPath = [&request] {
        return RawHttpReply::awsError(404, "ResourceNotFoundException",
                                      "no such resource: " + request.path, "req-404",
                                      "\"resourceId\":\"x\",\"resourceType\":\"x\"");
    };
    if (parts.value(1) != "applications")
        return badPath();
    const QJsonObject created {{QStringLiteral("createdAt"), 1704067200},
                               {QStringLiteral("updatedAt"), 1704067200}};
    if (parts.size() == 2) {
        QJsonObject app = created;
        app.insert(QStringLiteral("applicationId"), QString::fromLatin1(ApplicationId));
        app.insert(QStringLiteral("displayName"), QStringLiteral("=HYPERLINK(\"x\") app"));
        app.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
        app.insert(QStringLiteral("identityType"), QStringLiteral("AWS_IAM_IDC"));
        return RawHttpReply::json(
            200,
            QJsonDocument(QJsonObject {{QStringLiteral("applications"), QJsonArray {app}}})
                .toJson(QJsonDocument::Compact));
    }
    if (parts.value(2) != ApplicationId)
        return badPath();
    if (parts.size() == 4 && parts.value(3) == "indices") {
        QJsonObject idx = created;
        idx.insert(QStringLiteral("indexId"), QString::fromLatin1(IndexId));
        idx.insert(QStringLiteral("displayName"), QStringLiteral("main index"));
        idx.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
        return RawHttpReply::json(
            200,
            QJsonDocument(QJsonObject {{QStringLiteral("indices"), QJsonArray {idx}}})
                .toJson(QJsonDocument::Compact));
    }
    if (parts.value(3) != "indices" || parts.value(4) != IndexId || parts.value(5) != "datasources")
        return badPath();
    if (parts.size() == 6) {
        QJsonArray sources;
        for (const char *id : {DataSourceId, SmallDataSourceId}) {
            QJsonObject ds = created;
            ds.insert(QStringLiteral("dataSourceId"), QString::fromLatin1(id));
            ds.insert(QStringLiteral("displayName"), QStringLiteral("source, \"quoted\""));
            ds.insert(QStringLiteral("type"), QStringLiteral("S3"));
            ds.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            sources.append(ds);
        }
        return RawHttpReply::json(
            200,
            QJsonDocument(QJsonObject {{QStringLiteral("dataSources"), sources}})
                .toJson(QJsonDocument::Compact));
    }
    const QByteArray ds = parts.value(6);
    const int total = ds == DataSourceId ? m_options.jobs : ds == SmallDataSourceId ? 3 : -1;
    if (total < 0)
        return badPath();
    if (parts.size() == 7) {
        QJsonObject o = created;
        o.insert(QStringLiteral("applicationId"), QString::fromLatin1(ApplicationId));
        o.insert(QStringLiteral("indexId"), QString::fromLatin1(IndexId));
        o.insert(QStringLiteral("dataSourceId"), QString::fromLatin1(ds));
        o.insert(QStringLiteral("displayName"), QStringLiteral("docs bucket"));
        o.insert(QStringLiteral("type"), QStringLiteral("S3"));
        o.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
        o.insert(QStringLiteral("syncSchedule"), QStringLiteral("cron(0 * * * ? *)"));
        return RawHttpReply::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    const QByteArray op = parts.value(7);
    if (op == "syncjobs" && request.method == "GET")
        return listSyncJobs(request, QString::fromLatin1(ds), total);
    if (op == "startsync" && request.method == "POST") {
        if (m_running)
            return RawHttpReply::awsError(
                409, "ConflictException", "a sync job is already running", "req-409",
                "\"resourceId\":\"" + ds + "\",\"resourceType\":\"DATA_SOURCE\"");
        m_running = true;
        return RawHttpReply::json(200,
                                  "{\"executionId\":\"" + executionId(total).toLatin1() + "\"}");
    }
    if (op == "stopsync" && request.method == "POST") {
        m_running = false;
        return RawHttpReply::json(200, "{}");
    }
    return badPath();
}

RawHttpReply FakeQBusiness::listSyncJobs(const RawHttpRequest &request, const QString &, int total)
{
    const QMap<QByteArray, QByteArray> q = parseQuery(request.query);
    int maxResults = 10;
    if (q.contains("maxResults")) {
        bool ok = false;
        maxResults = q.value("maxResults").toInt(&ok);
        if (!ok || maxResults < 1 || maxResults > 10)
            return validation("maxResults must be between 1 and 10", "maxResults");
    }
    int offset = 0;
    if (q.contains("nextToken")) {
        offset = readToken(q.value("nextToken"));
        if (offset < 0)
            return validation("the nextToken is not valid", "nextToken");
    }
    QDateTime from, to;
    if (q.contains("startTime")) {
        from = QDateTime::fromString(QString::fromLatin1(q.value("startTime")), Qt::ISODateWithMs);
        if (!from.isValid())
            return validation("startTime is not a timestamp", "startTime");
    }
    if (q.contains("endTime")) {
        to = QDateTime::fromString(QString::fromLatin1(q.value("endTime")), Qt::ISODateWithMs);
        if (!to.isValid())
            return validation("endTime is not a timestamp", "endTime");
    }
    const QString status = QString::fromLatin1(q.value("syncStatus"));
    // Newest first, filtered; the offset counts matching jobs.
    QJsonArray history;
    int matched = 0;
    bool more = false;
    for (int i = total - 1; i >= 0; --i) {
        const QDateTime start = startTimeOf(i);
        if ((from.isValid() && start < from) || (to.isValid() && start > to)
            || (!status.isEmpty() && statusOf(i) != status))
            continue;
        if (matched++ < offset)
            continue;
        if (history.size() == maxResults) {
            more = true;
            break;
        }
        qbusiness::SyncJob job;
        job.executionId = executionId(i);
        job.startTime = start;
        job.endTime = start.addSecs(600);
        job.status = statusOf(i);
        if (job.status == QLatin1String("FAILED")) {
            job.errorCode = QStringLiteral("InternalError");
            job.errorMessage = QStringLiteral("=cmd|' /C calc'!A0, \"quoted\"");
        }
        job.metrics.documentsAdded = i;
        job.metrics.documentsScanned = qint64(i) * 1000000000LL;
        history.append(qbusiness::jsoncodec::toJson(job));
    }
    QJsonObject o {{QStringLiteral("history"), history}};
    if (more)
        o.insert(QStringLiteral("nextToken"),
                 QString::fromLatin1(makeToken(offset + int(history.size()))));
    return RawHttpReply::json(
        200, QJsonDocument(o).toJson(QJsonDocument::Compact),
        {"x-amzn-RequestId: req-list-" + QByteArray::number(m_requestCounter)});
}

} // namespace syncdeck::test
