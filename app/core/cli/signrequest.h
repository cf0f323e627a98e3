#pragma once

#include "cli.h"

namespace syncdeck::cli {

// `syncdeck-cli sign-request`: signs a raw HTTP request (a file or standard input) with SigV4
// and prints one stage of the signing byte for byte, to diff against what AWS echoes in a
// SignatureDoesNotMatch error or against the AWS SigV4 test suite. Secrets never print.
int signRequest(Invocation &invocation);

// What signed-request and canonical-request print instead of a session token.
inline constexpr char RedactedToken[] = "** REDACTED **";

} // namespace syncdeck::cli
