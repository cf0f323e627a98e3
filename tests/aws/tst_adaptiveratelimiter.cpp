// The adaptive retry mode's client-side rate limiter, driven by an explicit clock: it stays out
// of the way until a throttle, then paces sends at the fill rate, drops by beta on every
// throttle, recovers along the cubic curve, and never drops below the SDKs' floor.
#include "aws/adaptiveratelimiter.h"

#include <QTest>

#include <cmath>

using syncdeck::aws::AdaptiveRateLimiter;

class TestAdaptiveRateLimiter : public QObject
{
    Q_OBJECT
private slots:
    void freeUntilThrottled();
    void throttleCutsTheRateByBeta();
    void pacesQueuedSendsInOrder();
    void recoversAlongTheCubicCurve();
    void neverBelowTheFloor();
    void convergesBelowAServiceLimit();
};

namespace {
// Sends `perSecond` successful requests a second for `seconds`, starting at *t.
void steadyTraffic(AdaptiveRateLimiter &limiter, double *t, double perSecond, double seconds)
{
    const double step = 1.0 / perSecond;
    for (double end = *t + seconds; *t < end; *t += step)
        limiter.recordResponse(false, *t);
}
} // namespace

void TestAdaptiveRateLimiter::freeUntilThrottled()
{
    AdaptiveRateLimiter limiter(100.0);
    double t = 100.0;
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(limiter.acquire(t), qint64(0));
        limiter.recordResponse(false, t);
        t += 0.001;
    }
    QVERIFY(!limiter.isEnabled());
}

void TestAdaptiveRateLimiter::throttleCutsTheRateByBeta()
{
    AdaptiveRateLimiter limiter(0.0);
    double t = 0.0;
    steadyTraffic(limiter, &t, 20, 5); // measured rate converges on 20 requests/s
    const double measured = limiter.measuredRate();
    QVERIFY2(measured > 15 && measured <= 20.5, qPrintable(QString::number(measured)));
    limiter.recordResponse(true, t);
    QVERIFY(limiter.isEnabled());
    // botocore: rate_to_use (the measured rate, before the limiter was enabled) x beta.
    QVERIFY2(std::abs(limiter.fillRate() - AdaptiveRateLimiter::Beta * limiter.measuredRate())
                 < 1e-9,
             qPrintable(QString::number(limiter.fillRate())));
    // A second throttle at once cuts again, from min(measured, fill rate).
    const double before = limiter.fillRate();
    limiter.recordResponse(true, t + 0.01);
    QVERIFY(limiter.fillRate() < before);
}

void TestAdaptiveRateLimiter::pacesQueuedSendsInOrder()
{
    AdaptiveRateLimiter limiter(0.0);
    double t = 0.0;
    steadyTraffic(limiter, &t, 10, 3);
    limiter.recordResponse(true, t);
    const double rate = limiter.fillRate();
    QVERIFY(rate > 0);
    // Calls asking at the same instant: the bucket's burst (at most max(rate, 1) tokens) goes
    // at once, then each gets a slot one fill interval after the one before.
    qint64 previous = 0;
    int free = 0;
    int paced = 0;
    for (int i = 0; i < 40; ++i) {
        const qint64 wait = limiter.acquire(t);
        if (wait == 0) {
            QCOMPARE(paced, 0); // nobody jumps the queue
            ++free;
            continue;
        }
        if (paced > 0) {
            QVERIFY2(
                std::abs(double(wait - previous) - 1000.0 / rate) <= 2.0,
                qPrintable(QStringLiteral("step %1 ms at %2/s").arg(wait - previous).arg(rate)));
        }
        ++paced;
        previous = wait;
    }
    QVERIFY2(free <= std::max(1.0, rate) + 1, qPrintable(QString::number(free)));
    QVERIFY(paced >= 30);
    // Time passing pays the queue off.
    QCOMPARE(limiter.acquire(t + 60.0), qint64(0));
}

void TestAdaptiveRateLimiter::recoversAlongTheCubicCurve()
{
    AdaptiveRateLimiter limiter(0.0);
    double t = 0.0;
    steadyTraffic(limiter, &t, 20, 5);
    limiter.recordResponse(true, t);
    const double afterThrottle = limiter.fillRate();
    // Keep sending at the allowed rate: the rate climbs back, monotonically, past where it was
    // cut, bounded by twice the measured rate.
    double last = afterThrottle;
    double ceiling = 0;
    for (int second = 0; second < 20; ++second) {
        steadyTraffic(limiter, &t, std::max(1.0, limiter.fillRate()), 1);
        QVERIFY2(limiter.fillRate() >= last - 1e-9,
                 qPrintable(QStringLiteral("%1 then %2").arg(last).arg(limiter.fillRate())));
        QVERIFY(limiter.fillRate() <= 2 * limiter.measuredRate() + 1e-9
                || limiter.fillRate() == AdaptiveRateLimiter::MinFillRate);
        last = limiter.fillRate();
        ceiling = std::max(ceiling, last);
    }
    QVERIFY2(ceiling > afterThrottle, qPrintable(QString::number(ceiling)));
}

void TestAdaptiveRateLimiter::neverBelowTheFloor()
{
    AdaptiveRateLimiter limiter(0.0);
    double t = 0.0;
    for (int i = 0; i < 50; ++i) {
        limiter.recordResponse(true, t);
        t += 0.05;
        QVERIFY(limiter.fillRate() >= AdaptiveRateLimiter::MinFillRate);
    }
    // At the floor, sends are two seconds apart.
    limiter.acquire(t);
    const qint64 wait = limiter.acquire(t);
    QVERIFY2(wait >= 1900 && wait <= 2100, qPrintable(QString::number(wait)));
}

// A service that throttles everything above 10 requests/s: a client that sends as fast as the
// limiter lets it settles near the limit instead of hammering it.
void TestAdaptiveRateLimiter::convergesBelowAServiceLimit()
{
    constexpr double Limit = 10.0;
    AdaptiveRateLimiter limiter(0.0);
    double t = 0.0;
    double windowStart = 0.0;
    int inWindow = 0;
    int sent = 0;
    int throttled = 0;
    int lateSent = 0;
    while (t < 120.0) {
        t += std::max<qint64>(limiter.acquire(t), 5) / 1000.0; // 200/s when unthrottled
        if (t - windowStart >= 1.0) {
            windowStart = t;
            inWindow = 0;
        }
        const bool throttle = ++inWindow > Limit;
        limiter.recordResponse(throttle, t);
        ++sent;
        if (t > 60.0) {
            ++lateSent;
            throttled += throttle ? 1 : 0;
        }
    }
    const double lateRate = lateSent / 60.0;
    // Settled: most of the limit is used, and few late requests meet a throttle.
    QVERIFY2(lateRate > 0.5 * Limit && lateRate < 1.5 * Limit,
             qPrintable(QStringLiteral("%1 requests/s").arg(lateRate)));
    QVERIFY2(throttled < lateSent / 5,
             qPrintable(QStringLiteral("%1 of %2 throttled").arg(throttled).arg(lateSent)));
    QVERIFY(sent > 0);
}

QTEST_GUILESS_MAIN(TestAdaptiveRateLimiter)
#include "tst_adaptiveratelimiter.moc"
