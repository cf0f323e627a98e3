#pragma once

#include "cli.h"

namespace syncdeck::cli {

// Exit codes of `fleet-status --fail-on`, Nagios plugin style (0 OK, 1 WARNING, 2 CRITICAL), so
// a monitoring agent can run the command as a check. Without --fail-on a completed scan exits 0.
enum FleetExitCode : int {
    FleetHealthy = 0, // no data source matched --fail-on
    FleetWarning = 1, // some matched, none of them failing (e.g. overdue)
    FleetFailing = 2, // at least one matched data source is failing
};

// syncdeck-cli fleet-status [--regions r1,r2|all] [--fail-on failing|overdue|any]
// [--max-in-flight N]: one row per data source with its health (fleet::FleetRow), most urgent
// first in csv and table, streamed as they arrive in jsonl; a summary on stderr.
int fleetStatus(Invocation &invocation);

} // namespace syncdeck::cli
