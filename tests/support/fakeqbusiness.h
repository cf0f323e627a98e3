#pragma once

#include "aws/credentials.h"
#include "rawhttpserver.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>

namespace syncdeck::test {

// Recomputes the SigV4 signature of a request from the bytes that arrived (the signed header
// list of its Authorization header, its X-Amz-Date and session token); empty when it matches,
// else why not. Handler servers of any service use it.
QByteArray checkSigV4(const RawHttpRequest &request, const aws::Credentials &credentials,
                      const QString &region, const QString &service);

// A small Amazon Q Business for handler-server tests: one application, one index, two data
// sources, a generated sync job history, SigV4 verification of every request against the bytes
// that arrived, and seeded faults (throttling, 500s, connection resets).
class FakeQBusiness
{
public:
    static constexpr char AccessKeyId[] = "AKIDFAKEQBUSINESS000";
    static constexpr char SecretAccessKey[] = "fake/Secret+Key/For=Tests0000000000000000";
    static constexpr char Region[] = "us-east-1";
    static constexpr char ApplicationId[] = "a1111111-1111-4111-8111-111111111111";
    static constexpr char IndexId[] = "i2222222-2222-4222-8222-222222222222";
    static constexpr char DataSourceId[] = "d3333333-3333-4333-8333-333333333333";
    static constexpr char SmallDataSourceId[] = "d4444444-4444-4444-8444-444444444444";

    struct Options
    {
        int jobs = 25; // in DataSourceId; SmallDataSourceId has 3
        quint64 seed = 1;
        double throttleRate = 0; // 429 ThrottlingException
        double serverErrorRate = 0; // 500 InternalServerException
        double resetRate = 0; // connection reset before any response
        qint64 serverClockOffsetMs = 0; // the service's clock minus the real one
        bool verifySignature = true;
    };

    explicit FakeQBusiness(Options options);

    RawHttpReply handle(const RawHttpRequest &request);
    RawHttpServer::Handler handler()
    {
        return [this](const RawHttpRequest &r) { return handle(r); };
    }

    static QString executionId(int i); // job i (0 = oldest)
    static QDateTime startTimeOf(int i);
    static QString statusOf(int i);

    int faultsInjected() const { return m_faults; }
    int signatureFailures() const { return m_signatureFailures; }
    bool running() const { return m_running; }

private:
    RawHttpReply listSyncJobs(const RawHttpRequest &request, const QString &dataSourceId,
                              int total);
    QByteArray checkSignature(const RawHttpRequest &request); // empty when valid

    Options m_options;
    QRandomGenerator m_random;
    int m_faults = 0;
    int m_signatureFailures = 0;
    bool m_running = false;
    int m_requestCounter = 0;
};

} // namespace syncdeck::test
