#include "client.h"

#include "logscodec.h"

namespace syncdeck::logs {

namespace {
const char *const PacedOperations[] = {"FilterLogEvents", "GetLogEvents", "DescribeLogStreams"};

aws::RequestSpec jsonRequest(const char *operation, QByteArray body, const QString &problem)
{
    aws::RequestSpec spec;
    spec.operation = QString::fromLatin1(operation);
    spec.method = "POST";
    spec.path = "/";
    spec.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                    {"X-Amz-Target", QByteArray("Logs_20140328.") + operation}};
    spec.body = std::move(body);
    if (!problem.isEmpty()) {
        spec.refusal = aws::AwsError::make(
            aws::AwsError::Kind::Client, QStringLiteral("InvalidRequest"),
            QStringLiteral("%1 was not sent: %2").arg(spec.operation, problem),
            QStringLiteral("This is a request SyncDeck built wrongly; please report it."));
    }
    return spec;
}
} // namespace

const aws::ServiceInfo &Client::serviceInfo()
{
    static const aws::ServiceInfo info {QStringLiteral("logs"),
                                        QStringLiteral("Amazon CloudWatch Logs"),
                                        QStringLiteral("https://logs.us-east-1.amazonaws.com")};
    return info;
}

Client::Client(aws::ClientConfig config, aws::CredentialsProvider *credentials, QObject *parent)
    : aws::ServiceClient(serviceInfo(), config, credentials, parent)
{
    std::shared_ptr<aws::RequestPacer> pacer = aws::RequestPacer::shared(pacerKey(config));
    for (const char *operation : PacedOperations) {
        const QString name = QString::fromLatin1(operation);
        if (pacer->rate(name).perSecond <= 0)
            pacer->setRate(name, defaultRate(name));
    }
    setRequestPacer(std::move(pacer));
}

aws::RequestPacer::Rate Client::defaultRate(const QString &operation)
{
    if (operation == QLatin1String("GetLogEvents"))
        return {10, 10};
    if (operation == QLatin1String("FilterLogEvents")
        || operation == QLatin1String("DescribeLogStreams"))
        return {5, 5};
    return {};
}

QString Client::pacerKey(const aws::ClientConfig &config)
{
    return QStringLiteral("logs|") + config.region + u'|'
        + config.endpoint.authority(QUrl::FullyEncoded | QUrl::RemoveUserInfo);
}

FilterLogEventsCall *Client::filterLogEvents(const FilterLogEventsRequest &request,
                                             EventReading reading)
{
    auto *call = newCall<FilterLogEventsCall>(
        jsonRequest("FilterLogEvents", codec::writeRequest(request), codec::checkRequest(request)),
        [reading](FilterLogEventsCall *call, const QByteArray &body, QString *error) {
            return reading == EventReading::OnDemand
                ? codec::readFilterLogEventsPending(body, &call->page, error)
                : codec::readFilterLogEvents(body, &call->page, error);
        });
    call->request = request;
    return call;
}

GetLogEventsCall *Client::getLogEvents(const GetLogEventsRequest &request)
{
    auto *call = newCall<GetLogEventsCall>(
        jsonRequest("GetLogEvents", codec::writeRequest(request), codec::checkRequest(request)),
        [](GetLogEventsCall *call, const QByteArray &body, QString *error) {
            return codec::readGetLogEvents(body, &call->page, error);
        });
    call->request = request;
    return call;
}

DescribeLogStreamsCall *Client::describeLogStreams(const DescribeLogStreamsRequest &request)
{
    auto *call = newCall<DescribeLogStreamsCall>(
        jsonRequest("DescribeLogStreams", codec::writeRequest(request),
                    codec::checkRequest(request)),
        [](DescribeLogStreamsCall *call, const QByteArray &body, QString *error) {
            return codec::readDescribeLogStreams(body, &call->page, error);
        });
    call->request = request;
    return call;
}

} // namespace syncdeck::logs
