#pragma once

#include "options.h"
#include "rng.h"

#include <QElapsedTimer>

// Decides, request by request, whether a fault hits. The sequence of decisions is a function of
// the seed alone, so a run with the same seed and the same request order meets the same faults.
namespace syncdeck::emulator {

class FaultInjector
{
public:
    enum class Fault { None, Throttle, Error500, Reset, Stall, Truncate };

    FaultInjector(const FaultOptions &options, quint64 seed);

    // The fault for the next request; the rate limit (FaultOptions::throttleRate) reads the
    // monotonic clock.
    Fault next();
    int stallMs() const { return m_options.stallMs; }
    bool enabled() const { return m_options.any(); }

private:
    // True when a token of the rate limit's bucket is left (and takes it).
    bool takeToken();

    FaultOptions m_options;
    Rng m_rng;
    QElapsedTimer m_clock;
    double m_tokens = 0;
    qint64 m_lastRefillNs = 0;
};

} // namespace syncdeck::emulator
