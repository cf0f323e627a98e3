#pragma once

#include "aws/mfaprompt.h"

#include <QTextStream>

namespace syncdeck::cli {

// The CLI's MFA hook: asks on the terminal (prompt on `err`, code read from stdin). Returns an
// empty MfaPrompt when stdin is not a terminal, so assume-role profiles with mfa_serial fail with
// a clear message instead of waiting for input that never comes.
aws::MfaPrompt terminalMfaPrompt(QTextStream &err);

} // namespace syncdeck::cli
