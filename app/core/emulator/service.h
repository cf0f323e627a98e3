#pragma once

#include "authenticator.h"
#include "faultinjector.h"
#include "httpmessage.h"
#include "logsapi.h"
#include "options.h"
#include "pagetoken.h"
#include "qbusinessapi.h"
#include "router.h"
#include "store.h"

#include <QDateTime>
#include <QSet>

#include <memory>
#include <vector>

// The front door of the emulated AWS services: every request is routed to its API's operation
// (Router), authenticated with SigV4 for that API's signing name, met by an injected fault or
// answered, stamped with a request id and the service's Date, and logged with --verbose. The APIs
// themselves (QBusinessApi, LogsApi) register their routes here.
namespace syncdeck::emulator {

struct Reply
{
    enum class Network { Answer, Reset, Stall, Truncate };
    HttpResponse response;
    Network network = Network::Answer;
    int stallMs = 0;
};

class Service
{
public:
    explicit Service(const Options &options);

    // Loads the fixture or generates the seeded data. False with *error when a fixture is bad.
    bool load(QString *error);

    Reply handle(const HttpRequest &request);
    // The answer to a request the HTTP parser refused.
    HttpResponse malformed(int status, const QString &message) const;
    // The service's clock: wall clock plus the configured skew.
    QDateTime now() const;

private:
    // The authenticated request's answer, or the injected fault that replaces it; `note` says
    // which fault for the access log.
    void answer(const HttpRequest &request, const Router::Match *match, Reply *reply,
                QString *note);
    HttpResponse unknownOperation(const HttpRequest &request) const;
    void finish(HttpResponse *response) const;

    Options m_options;
    // The services of --regions beyond the first (regionalservices.h); empty in them.
    std::vector<std::unique_ptr<Service>> m_regional;
    QSet<QString> m_deniedApplications; // --fleet-variety: their calls answer AccessDenied
    Store m_store;
    Authenticator m_authenticator;
    PageTokenCodec m_tokens;
    FaultInjector m_faults;
    QBusinessApi m_qbusiness;
    LogsApi m_logs;
    Router m_router;
};

} // namespace syncdeck::emulator
