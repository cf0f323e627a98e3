#include "adaptiveratelimiter.h"

#include <algorithm>
#include <cmath>

namespace syncdeck::aws {

AdaptiveRateLimiter::AdaptiveRateLimiter(double nowSeconds)
    : m_lastThrottle(nowSeconds)
    , m_lastBucket(std::floor(nowSeconds))
{
    m_timeWindow = std::cbrt(m_lastMaxRate * (1 - Beta) / ScaleConstant);
}

qint64 AdaptiveRateLimiter::acquire(double nowSeconds)
{
    if (!m_enabled)
        return 0;
    refill(nowSeconds);
    m_capacity -= 1;
    if (m_capacity >= 0)
        return 0;
    return qint64(std::ceil(-m_capacity / m_fillRate * 1000.0));
}

void AdaptiveRateLimiter::recordResponse(bool throttled, double nowSeconds)
{
    updateMeasuredRate(nowSeconds);
    double newRate = 0;
    if (throttled) {
        const double rateToUse = m_enabled ? std::min(m_measuredRate, m_fillRate) : m_measuredRate;
        m_lastMaxRate = rateToUse;
        m_timeWindow = std::cbrt(m_lastMaxRate * (1 - Beta) / ScaleConstant);
        m_lastThrottle = nowSeconds;
        newRate = rateToUse * Beta;
        m_enabled = true;
    } else {
        newRate = cubicSuccess(nowSeconds);
    }
    setMaxRate(std::min(newRate, 2 * m_measuredRate), nowSeconds);
}

double AdaptiveRateLimiter::cubicSuccess(double nowSeconds) const
{
    const double dt = nowSeconds - m_lastThrottle - m_timeWindow;
    return ScaleConstant * dt * dt * dt + m_lastMaxRate;
}

void AdaptiveRateLimiter::updateMeasuredRate(double nowSeconds)
{
    const double bucket = std::floor(nowSeconds / TimeBucketSeconds) * TimeBucketSeconds;
    m_requestsInBucket += 1;
    if (bucket > m_lastBucket) {
        const double rate = m_requestsInBucket / (bucket - m_lastBucket);
        m_measuredRate = rate * Smoothing + m_measuredRate * (1 - Smoothing);
        m_requestsInBucket = 0;
        m_lastBucket = bucket;
    }
}

void AdaptiveRateLimiter::setMaxRate(double rate, double nowSeconds)
{
    // Refill at the old rate up to now before the new rate applies.
    refill(nowSeconds);
    m_fillRate = std::max(rate, MinFillRate);
    m_maxCapacity = std::max(m_fillRate, 1.0);
    m_capacity = std::min(m_capacity, m_maxCapacity);
}

void AdaptiveRateLimiter::refill(double nowSeconds)
{
    if (m_lastRefill < 0) {
        m_lastRefill = nowSeconds;
        return;
    }
    const double elapsed = std::max(0.0, nowSeconds - m_lastRefill);
    m_capacity = std::min(m_maxCapacity, m_capacity + elapsed * m_fillRate);
    m_lastRefill = nowSeconds;
}

} // namespace syncdeck::aws
