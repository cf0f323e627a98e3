#include "service.h"

#include "accesslog.h"
#include "fixture.h"
#include "fleetvariety.h"
#include "generator.h"
#include "regionalservices.h"
#include "responses.h"

#include "aws/awstime.h"
#include "aws/crypto.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace syncdeck::emulator {
namespace {

// How AWS front ends label authentication failures in x-amzn-ErrorType.
constexpr char CoralServiceSuffix[] = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

// What a load balancer in front of a service answers: HTML, not JSON.
HttpResponse htmlInternalError()
{
    HttpResponse response;
    response.status = 500;
    response.setHeader("Content-Type", "text/html");
    response.setHeader("x-amzn-ErrorType", "InternalServerException");
    response.body = "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n"
                    "<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n"
                    "</body>\r\n</html>\r\n";
    return response;
}

// awsJson clients (CloudWatch Logs) read an error's code from the body's `__type`, and the
// service answers throttling with 400: every error of such a request gets both.
void shapeJsonProtocolError(const HttpRequest &request, HttpResponse *response)
{
    if (response->status < 400 || !request.hasHeader("x-amz-target"))
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(response->body);
    if (!doc.isObject() || doc.object().contains(QLatin1String("__type")))
        return;
    QByteArray type;
    for (const auto &h : std::as_const(response->headers)) {
        if (h.name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            type = h.value.indexOf(':') < 0 ? h.value : h.value.left(h.value.indexOf(':'));
    }
    if (type.isEmpty())
        return;
    QJsonObject body = doc.object();
    body.insert(QStringLiteral("__type"), QString::fromLatin1(type));
    response->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response->setHeader("Content-Type", "application/x-amz-json-1.1");
    if (response->status == 429)
        response->status = 400;
}

} // namespace

Service::Service(const Options &options)
    : m_options(options)
    , m_authenticator(options.accessKeyId, options.secretAccessKey, options.sessionToken,
                      options.region)
    , m_tokens(aws::crypto::hmacSha256(
          QByteArray("syncdeck-emulator-page-token"),
          QByteArray(QByteArray::number(options.seed) + ':' + options.secretAccessKey.toUtf8())))
    , m_faults(options.faults, options.seed)
    , m_qbusiness(m_store, m_tokens, m_options, [this] { return now().toMSecsSinceEpoch(); })
    , m_logs(m_store, m_tokens, m_options, [this] { return now().toMSecsSinceEpoch(); })
{
    m_store.setStopDurationMs(std::max(0, options.stopDurationMs));
    m_qbusiness.addRoutes(m_router);
    m_logs.addRoutes(m_router);
    for (qsizetype i = 0; i < options.moreRegions.size(); ++i) {
        Options regional = options;
        regional.region = options.moreRegions.at(i);
        regional.moreRegions.clear();
        regional.seed = regionSeed(options.seed, int(i) + 1);
        m_regional.push_back(std::make_unique<Service>(regional));
    }
}

bool Service::load(QString *error)
{
    if (!m_options.statePath.isEmpty()) {
        // A fixture is exact: every region serves it as written.
        if (!loadFixture(m_options.statePath, &m_store, error))
            return false;
        m_store.setStopDurationMs(std::max(0, m_options.stopDurationMs));
    } else {
        const QDateTime anchor = m_options.anchorTime.isValid() ? m_options.anchorTime : now();
        const qint64 anchorMs = (anchor.toMSecsSinceEpoch() / 1000) * 1000;
        Generator(m_options, anchorMs).generate(&m_store);
        if (m_options.fleetVariety)
            m_deniedApplications
                = addFleetVariety(&m_store, m_options, anchorMs).deniedApplications;
    }
    for (const auto &regional : m_regional) {
        if (!regional->load(error))
            return false;
    }
    return true;
}

QDateTime Service::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_options.clockSkewSeconds);
}

Reply Service::handle(const HttpRequest &request)
{
    if (!m_regional.empty()) {
        const QString region = credentialScopeRegion(request);
        for (const auto &regional : m_regional) {
            if (regional->m_options.region == region)
                return regional->handle(request);
        }
    }
    QElapsedTimer timer;
    timer.start();
    Reply reply;
    const std::optional<Router::Match> match = m_router.match(request);
    const AuthResult auth = m_authenticator.verify(
        request, now(), m_router.signingNameFor(request, match ? match->route : nullptr));
    QString note;
    if (auth.ok) {
        answer(request, match ? &*match : nullptr, &reply, &note);
    } else {
        reply.response = errorResponse(auth.httpStatus, auth.code, auth.message);
        reply.response.setHeader("x-amzn-ErrorType",
                                 (auth.code + QLatin1String(CoralServiceSuffix)).toLatin1());
    }
    shapeJsonProtocolError(request, &reply.response);
    finish(&reply.response);
    if (m_options.verbose) {
        writeAccessLog({&request, &reply.response, reply.network == Reply::Network::Reset,
                        auth.accessKeyId, timer.nsecsElapsed(), note});
    }
    return reply;
}

void Service::answer(const HttpRequest &request, const Router::Match *match, Reply *reply,
                     QString *note)
{
    const auto dispatch = [&] {
        if (!match)
            return unknownOperation(request);
        const QString application = match->request.label(QLatin1StringView("applicationId"));
        if (!application.isEmpty() && m_deniedApplications.contains(application))
            return errorResponse(
                403, QStringLiteral("AccessDeniedException"),
                QStringLiteral("User: arn:aws:sts::%1:assumed-role/SyncDeckReader "
                               "is not authorized to perform: qbusiness:%2 on "
                               "resource: application %3")
                    .arg(QStringLiteral("123456789012"), match->route->operation, application));
        return match->route->handler(match->request);
    };
    switch (m_faults.next()) {
    case FaultInjector::Fault::None:
        reply->response = dispatch();
        break;
    case FaultInjector::Fault::Throttle:
        reply->response = errorResponse(429, QStringLiteral("ThrottlingException"),
                                        QStringLiteral("Rate exceeded"));
        *note = QStringLiteral(" [fault: throttle]");
        break;
    case FaultInjector::Fault::Error500:
        reply->response = htmlInternalError();
        *note = QStringLiteral(" [fault: error500]");
        break;
    case FaultInjector::Fault::Reset:
        reply->network = Reply::Network::Reset;
        *note = QStringLiteral(" [fault: reset]");
        break;
    case FaultInjector::Fault::Stall:
        reply->response = dispatch();
        reply->network = Reply::Network::Stall;
        reply->stallMs = m_faults.stallMs();
        *note = QStringLiteral(" [fault: stall %1 ms]").arg(reply->stallMs);
        break;
    case FaultInjector::Fault::Truncate:
        reply->response = dispatch();
        reply->network = Reply::Network::Truncate;
        *note = QStringLiteral(" [fault: truncate]");
        break;
    }
}

HttpResponse Service::unknownOperation(const HttpRequest &request) const
{
    const QByteArray target = request.header("x-amz-target");
    if (!target.isNull())
        return awsJsonError(400, QStringLiteral("UnknownOperationException"),
                            QStringLiteral("The operation %1 is not served here.")
                                .arg(QString::fromLatin1(target)));
    QJsonObject members;
    members.insert(QStringLiteral("reason"), QStringLiteral("UNKNOWN_OPERATION"));
    return errorResponse(
        400, QStringLiteral("ValidationException"),
        QStringLiteral("No Amazon Q Business operation matches %1 %2.")
            .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path)),
        members);
}

HttpResponse Service::malformed(int status, const QString &message) const
{
    QJsonObject body;
    body.insert(QStringLiteral("message"), message);
    HttpResponse response = jsonResponse(body, status);
    finish(&response);
    return response;
}

void Service::finish(HttpResponse *response) const
{
    response->setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    response->setHeader("Date", aws::awstime::httpDate(now().toMSecsSinceEpoch()));
    bool hasType = false;
    for (const auto &h : std::as_const(response->headers))
        hasType = hasType || h.name.compare("content-type", Qt::CaseInsensitive) == 0;
    if (!hasType)
        response->setHeader("Content-Type", "application/json");
}

} // namespace syncdeck::emulator
