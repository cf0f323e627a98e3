#pragma once

#include "awserror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

// The decisions of the AWS "standard" retry mode, as pure functions (no clock, no randomness of
// their own) so they can be tested exhaustively. The client applies them per attempt.
namespace syncdeck::qbusiness::retrystrategy {

inline constexpr double MaxBackoffSeconds = 20.0;

// Whether an error is worth another attempt: HTTP 500/502/503/504/429, connection errors and
// timeouts, and the throttling/transient error codes of the standard mode.
bool isRetryable(const AwsError &error);
bool isThrottlingCode(const QString &code);
bool isTransientCode(const QString &code);
// Codes after which a Date header far from local time means the local clock is wrong.
bool isClockSkewCode(const QString &code);

// Delay before the retry that follows failed attempt `attempt` (1-based), in milliseconds:
// random01 x min(2^(attempt-1), 20) seconds ("full jitter"). random01 is in [0, 1).
qint64 backoffMs(int attempt, double random01);

// The offset (server - local) in milliseconds to sign with from now on, when an error response
// with a clock-skew code carries a Date header 4 or more minutes away from `localNow`;
// nullopt otherwise. `httpDate` is the raw header (IMF-fixdate, RFC 850 or asctime).
std::optional<qint64> clockSkewMs(const AwsError &error, const QByteArray &httpDate,
                                  const QDateTime &localNow);
// Parses an HTTP Date header; invalid when it is not one.
QDateTime parseHttpDate(const QByteArray &httpDate);

// "attempt=2; max=3", the value of amz-sdk-request.
QByteArray sdkRequestHeader(int attempt, int maxAttempts);

} // namespace syncdeck::qbusiness::retrystrategy
