#pragma once

#include "types.h"

// The modeled errors of the CloudWatch Logs read operations, typed. ResourceNotFoundException is
// one code for two different situations that SyncDeck explains differently (no log group: log
// delivery is not set up; no log stream: not delivered yet, or deleted by retention), so the
// message decides which.
namespace syncdeck::logs {

enum class ErrorKind : quint8 {
    None,
    LogGroupNotFound, // ResourceNotFoundException "The specified log group does not exist."
    LogStreamNotFound, // ResourceNotFoundException "The specified log stream does not exist."
    ResourceNotFound, // ResourceNotFoundException about something else
    InvalidParameter, // InvalidParameterException, or a request SyncDeck refused to send
    Throttling, // ThrottlingException (after the retries)
    ServiceUnavailable, // ServiceUnavailableException (after the retries)
    AccessDenied, // AccessDeniedException, or an authorization failure naming a logs: action
    Other,
};

ErrorKind errorKind(const AwsError &error);
// "LogGroupNotFound", ..., for logs and tests.
QString errorKindName(ErrorKind kind);

} // namespace syncdeck::logs
