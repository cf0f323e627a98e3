#pragma once

// The asynchronous CloudWatch Logs client: the read operations of a log stream in awsJson1_1
// (POST /, Content-Type application/x-amz-json-1.1, X-Amz-Target Logs_20140328.<Operation>,
// SigV4 service "logs") over the shared AWS HTTP path (aws::ServiceClient: signing, retries,
// clock skew, proxies, TLS, limits), paced to the service's low request quotas.

#include "aws/requestpacer.h"
#include "aws/serviceclient.h"
#include "types.h"

namespace syncdeck::aws {
class CredentialsProvider;
}

namespace syncdeck::logs {

// One CloudWatch Logs call (see aws::ServiceCall for the contract); each operation's result is
// in its own subclass, valid after finished().
using Call = aws::ServiceCall;

class FilterLogEventsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    FilterLogEventsRequest request;
    FilterLogEventsPage page;
};

class GetLogEventsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    GetLogEventsRequest request;
    GetLogEventsPage page;
};

class DescribeLogStreamsCall final : public Call
{
    Q_OBJECT
public:
    using Call::Call;
    DescribeLogStreamsRequest request;
    LogStreamPage page;
};

class Client : public aws::ServiceClient
{
    Q_OBJECT
public:
    // Paced from the start with the pacer shared by every Logs client of the same endpoint and
    // region (defaultRate() per operation); setRequestPacer() replaces it.
    Client(aws::ClientConfig config, aws::CredentialsProvider *credentials,
           QObject *parent = nullptr);

    // Each returns a call that has not started yet; call start() on it. A request the service
    // would refuse (codec::checkRequest) finishes with a Client error "InvalidRequest" instead
    // of being sent.
    FilterLogEventsCall *filterLogEvents(const FilterLogEventsRequest &request,
                                         EventReading reading = EventReading::Whole);
    GetLogEventsCall *getLogEvents(const GetLogEventsRequest &request);
    DescribeLogStreamsCall *describeLogStreams(const DescribeLogStreamsRequest &request);

    // The quotas SyncDeck paces to, per account and region (the historical defaults of the
    // service quotas page: FilterLogEvents 5 requests/s, GetLogEvents 10, DescribeLogStreams 5),
    // each with a burst of one second's worth.
    static aws::RequestPacer::Rate defaultRate(const QString &operation);
    // The key of the shared pacer for a configuration: one budget per endpoint and region.
    static QString pacerKey(const aws::ClientConfig &config);
    static const aws::ServiceInfo &serviceInfo();
};

} // namespace syncdeck::logs
