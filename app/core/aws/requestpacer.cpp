#include "requestpacer.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace syncdeck::aws {

void RequestPacer::setRate(const QString &operation, Rate rate)
{
    const QMutexLocker lock(&m_mutex);
    Bucket &b = m_buckets[operation];
    b.rate.perSecond = std::max(0.0, rate.perSecond);
    b.rate.burst = std::max(1.0, rate.burst);
    b.tokens = std::min(b.tokens, b.rate.burst);
}

RequestPacer::Rate RequestPacer::rate(const QString &operation) const
{
    const QMutexLocker lock(&m_mutex);
    return m_buckets.value(operation).rate;
}

qint64 RequestPacer::acquire(const QString &operation, double nowSeconds)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_buckets.find(operation);
    if (it == m_buckets.end() || it->rate.perSecond <= 0)
        return 0;
    Bucket &b = *it;
    if (b.last < 0) {
        b.tokens = b.rate.burst;
    } else if (nowSeconds > b.last) {
        b.tokens = std::min(b.rate.burst, b.tokens + (nowSeconds - b.last) * b.rate.perSecond);
    }
    b.last = std::max(b.last, nowSeconds);
    // Tokens may go negative: that is the queue of slots already promised to earlier callers.
    b.tokens -= 1;
    if (b.tokens >= 0)
        return 0;
    return qint64(std::ceil(-b.tokens / b.rate.perSecond * 1000.0));
}

std::shared_ptr<RequestPacer> RequestPacer::shared(const QString &key)
{
    static QMutex mutex;
    static QHash<QString, std::weak_ptr<RequestPacer>> pacers;
    const QMutexLocker lock(&mutex);
    std::shared_ptr<RequestPacer> pacer = pacers.value(key).lock();
    if (!pacer) {
        pacer = std::make_shared<RequestPacer>();
        pacers.insert(key, pacer);
    }
    return pacer;
}

} // namespace syncdeck::aws
