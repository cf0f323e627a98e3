#pragma once

#include "client.h"

#include "aws/session.h"

namespace syncdeck::qbusiness {

// THE mapping from a resolved AWS session to the Q Business client's configuration (endpoint,
// signing region, retry mode and attempts, CA bundle, proxies), shared by syncdeck-cli and the
// dashboard; each adds only what is its own (the CLI's timeouts and --dry-run). False with
// *error when the session cannot be used to call the service: no region to sign for (an
// explicit endpoint lets a session do without one) or an endpoint that is not an http(s) URL.
bool clientConfigForSession(const aws::Session &session, ClientConfig *config,
                            aws::SessionError *error);

} // namespace syncdeck::qbusiness
