#pragma once

#include "cli.h"

namespace syncdeck::qbusiness {
struct ListSyncJobsRequest;
}

namespace syncdeck::cli {

class ServiceCommand;
struct ListSpec;

// list-data-source-sync-jobs --refresh-cache / --from-cache: the listing `request` asks for,
// printed as `spec` prints a fresh listing, answered through the local history cache.
int listSyncJobsThroughCache(ServiceCommand &command, const ListSpec &spec,
                             const qbusiness::ListSyncJobsRequest &request);

// `syncdeck-cli cache info|clear|export`: what the local history cache holds, clearing it (all,
// or one data source), and every cached job as JSON Lines.
int runCache(Invocation &inv);

} // namespace syncdeck::cli
