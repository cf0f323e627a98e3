#pragma once

#include <QtGlobal>

namespace syncdeck::aws {

// The retry quota of the AWS "standard" retry mode: a token bucket shared by every call of one
// client, so that a struggling service sees fewer retries, not more. A retry costs 5 tokens
// (10 after a timeout); a success gives back what its retries took, or 1 when it needed none.
// When the bucket cannot pay for a retry, the call fails with its last error.
class RetryQuota
{
public:
    static constexpr int InitialTokens = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;
    static constexpr int NoRetryIncrement = 1;

    explicit RetryQuota(int capacity = InitialTokens)
        : m_capacity(capacity)
        , m_available(capacity)
    { }

    int available() const { return m_available; }
    int capacity() const { return m_capacity; }

    // Takes the cost of one retry; returns the tokens taken, or 0 (nothing taken) when the
    // bucket cannot pay and the call must not be retried.
    int acquire(bool afterTimeout);
    // A call succeeded: `retryTokensTaken` is the sum acquire() returned for it.
    void release(int retryTokensTaken);

private:
    int m_capacity;
    int m_available;
};

} // namespace syncdeck::aws
