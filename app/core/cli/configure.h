#pragma once

#include "cli.h"

namespace syncdeck::cli {

// `syncdeck-cli configure list [--profile P] [--region R] [--endpoint-url U] [--ca-bundle F]`
// shows every resolved setting with where it came from (like `aws configure list`);
// `syncdeck-cli configure list-profiles` prints one profile name per line.
int runConfigure(Invocation &invocation);

} // namespace syncdeck::cli
