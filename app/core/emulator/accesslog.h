#pragma once

#include "httpmessage.h"

#include <QString>

// `--verbose`: one line per request on stderr: method, target, status, error type, the caller's
// access key id and the time taken. Never a secret: query credentials (presigned-URL style) are
// blanked, and headers, tokens and bodies are not written at all.
namespace syncdeck::emulator {

struct AccessLogEntry
{
    const HttpRequest *request = nullptr;
    const HttpResponse *response = nullptr;
    bool reset = false; // the connection was reset instead of answered
    QString accessKeyId; // empty when the request was not signed
    qint64 nanoseconds = 0;
    QString note; // e.g. " [fault: throttle]"
};

// The request target with X-Amz-Signature, X-Amz-Credential and X-Amz-Security-Token values
// replaced by **REDACTED**.
QString loggableTarget(const QByteArray &target);
QString accessLogLine(const AccessLogEntry &entry);
void writeAccessLog(const AccessLogEntry &entry);

} // namespace syncdeck::emulator
