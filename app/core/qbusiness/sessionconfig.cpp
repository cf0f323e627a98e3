#include "sessionconfig.h"

#include "aws/endpointresolver.h"

#include <QCoreApplication>

namespace syncdeck::qbusiness {
namespace {

// lupdate sees Text::tr() as the context "SessionConfig".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(SessionConfig)
};

} // namespace

bool clientConfigForSession(const aws::Session &session, ClientConfig *config,
                            aws::SessionError *error)
{
    if (session.region.isEmpty()) {
        // SigV4 needs a region even where the endpoint is given.
        *error = {Text::tr("You must specify a region."),
                  Text::tr("Pass --region (e.g. --region us-east-1), set AWS_REGION, or add "
                           "region to the profile.")};
        return false;
    }
    if (!aws::isHttpEndpointUrl(session.endpoint)) {
        *error = {Text::tr("The endpoint \"%1\" (from %2) is not an http(s) URL")
                      .arg(session.endpoint.toString(), session.endpointSource),
                  Text::tr("Fix it, e.g. https://qbusiness.us-east-1.api.aws.")};
        return false;
    }
    config->endpoint = session.endpoint;
    config->region = session.region;
    config->maxAttempts = session.maxAttempts;
    config->retryMode = session.retryMode;
    config->caBundlePath = session.caBundle;
    config->proxies = session.proxies;
    return true;
}

} // namespace syncdeck::qbusiness
