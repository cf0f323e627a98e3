#pragma once

#include "awserror.h"
#include "retryquota.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

// The decisions of the AWS "standard" retry mode, as pure functions (no clock, no randomness of
// their own) so they can be tested exhaustively. The client applies them per attempt.
namespace syncdeck::aws::retrystrategy {

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

// Whether an error is a throttling answer (status 429 or a throttling code): what the adaptive
// mode's rate limiter slows down for.
bool isThrottle(const AwsError &error);

// What a call does after failed attempt `attempt` of `maxAttempts`.
struct RetryDecision
{
    bool retry = false;
    qint64 delayMs = 0; // before the next attempt
    int quotaTokens = 0; // taken from the retry quota for this retry
    QString logText; // for the attempt log: "retrying in 812 ms", "giving up", ...
};

// The standard mode's decision, in one place: a clock-skew answer is retried at once (signed
// with the corrected clock) while attempts remain; a retryable error is retried after
// backoff(attempt) while attempts remain and the quota can pay; everything else gives up.
// Sets error->retryable, and error->nextStep when giving up on a retryable error without one.
RetryDecision decide(AwsError *error, int attempt, int maxAttempts, bool clockCorrected,
                     RetryQuota *quota, const std::function<qint64(int attempt)> &backoff);

// "attempt=2; max=3", the value of amz-sdk-request.
QByteArray sdkRequestHeader(int attempt, int maxAttempts);

} // namespace syncdeck::aws::retrystrategy
