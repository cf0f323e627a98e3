#pragma once

#include <QtGlobal>

namespace syncdeck::aws {

// The client-side rate limiter of the AWS SDKs' "adaptive" retry mode (botocore's
// ClientRateLimiter, the Java SDK's RateLimitingTokenBucket): a token bucket that stays out of
// the way until the service throttles, then sends at a rate that drops multiplicatively (beta
// 0.7) on every throttling answer and grows back along a CUBIC curve while answers succeed,
// never above twice the rate actually measured. One limiter per client, shared by its calls.
//
// Asynchronous form: acquire() reserves the next send slot and returns how long to wait for it
// (the SDKs block a thread instead), so calls queued behind each other are spaced by the fill
// rate in the order they asked. Time is passed in, in seconds, so tests drive it exactly.
class AdaptiveRateLimiter
{
public:
    static constexpr double MinFillRate = 0.5; // requests per second, the SDKs' floor
    static constexpr double Beta = 0.7; // rate kept after a throttle
    static constexpr double ScaleConstant = 0.4; // CUBIC's C
    static constexpr double Smoothing = 0.8; // weight of the newest measured send rate
    static constexpr double TimeBucketSeconds = 0.5; // the send rate is measured per bucket

    explicit AdaptiveRateLimiter(double nowSeconds = 0);

    // Before sending: milliseconds to wait (0 while the service has not throttled yet).
    qint64 acquire(double nowSeconds);
    // After an answer: whether it was a throttling error (see retrystrategy::isThrottle).
    void recordResponse(bool throttled, double nowSeconds);

    bool isEnabled() const { return m_enabled; }
    double fillRate() const { return m_fillRate; } // requests per second once enabled
    double measuredRate() const { return m_measuredRate; }

private:
    void setMaxRate(double rate, double nowSeconds);
    void refill(double nowSeconds);
    double cubicSuccess(double nowSeconds) const;
    void updateMeasuredRate(double nowSeconds);

    bool m_enabled = false;
    // Token bucket; capacity may go negative: that is the queue of reserved slots.
    double m_fillRate = MinFillRate;
    double m_maxCapacity = 1;
    double m_capacity = 0;
    double m_lastRefill = -1;
    // CUBIC state.
    double m_lastMaxRate = MinFillRate;
    double m_lastThrottle = 0;
    double m_timeWindow = 0;
    // Send-rate measurement.
    double m_measuredRate = 0;
    double m_lastBucket = 0;
    double m_requestsInBucket = 0;
};

} // namespace syncdeck::aws
