#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace syncdeck::aws {

// What an assume-role profile with `mfa_serial` needs from the user.
struct MfaRequest
{
    QString profile;
    QString serialNumber; // the MFA device ARN or serial, shown so the user picks the right one
};

// The hook the front end implements: ask for the code (a dialog in the GUI, a terminal prompt in
// the CLI) and call `answer` exactly once, now or later, with the code or std::nullopt when the
// user cancelled. Called on the provider's thread.
using MfaAnswer = std::function<void(const std::optional<QString> &code)>;
using MfaPrompt = std::function<void(const MfaRequest &request, MfaAnswer answer)>;

} // namespace syncdeck::aws
