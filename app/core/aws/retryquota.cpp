#include "retryquota.h"

#include <algorithm>

namespace syncdeck::aws {

int RetryQuota::acquire(bool afterTimeout)
{
    const int cost = afterTimeout ? TimeoutRetryCost : RetryCost;
    if (m_available < cost)
        return 0;
    m_available -= cost;
    return cost;
}

void RetryQuota::release(int retryTokensTaken)
{
    const int refund = retryTokensTaken > 0 ? retryTokensTaken : NoRetryIncrement;
    m_available = std::min(m_capacity, m_available + refund);
}

} // namespace syncdeck::aws
