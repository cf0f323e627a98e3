#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace syncdeck::aws {

// Client-side pacing against a service's published request quota, per operation (CloudWatch
// Logs allows FilterLogEvents about 5 requests/s per account and region). The adaptive retry
// mode slows down only after the service has throttled; a pacer never exceeds the quota in the
// first place, so a long report read does not spend its retry budget on throttling answers that
// also slow down every other client of the account.
//
// A token bucket per operation: `burst` requests may go at once, then one every 1/perSecond s.
// acquire() reserves the next slot and says how long to wait for it, so queued calls are spaced
// in the order they asked. Time is passed in (seconds), so tests drive it exactly. Thread-safe:
// one pacer is shared by every client of the same account and region (shared()).
class RequestPacer
{
public:
    struct Rate
    {
        double perSecond = 0; // 0: this operation is not paced
        double burst = 1;
    };

    void setRate(const QString &operation, Rate rate);
    Rate rate(const QString &operation) const;
    // Milliseconds to wait before sending `operation` (0: send now); the slot is reserved.
    qint64 acquire(const QString &operation, double nowSeconds);

    // The pacer for `key` (e.g. "logs|us-east-1|logs.us-east-1.amazonaws.com"), created on first
    // use and shared by every caller of the process that names the same key.
    static std::shared_ptr<RequestPacer> shared(const QString &key);

private:
    struct Bucket
    {
        Rate rate;
        double tokens = 0;
        double last = -1; // seconds of the last refill; -1: never used
    };
    mutable QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace syncdeck::aws
