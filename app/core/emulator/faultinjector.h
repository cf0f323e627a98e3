#pragma once

#include "options.h"
#include "rng.h"

// Decides, request by request, whether a fault hits. The sequence of decisions is a function of
// the seed alone, so a run with the same seed and the same request order meets the same faults.
namespace syncdeck::emulator {

class FaultInjector
{
public:
    enum class Fault { None, Throttle, Error500, Reset, Stall, Truncate };

    FaultInjector(const FaultOptions &options, quint64 seed);

    Fault next();
    int stallMs() const { return m_options.stallMs; }
    bool enabled() const { return m_options.any(); }

private:
    FaultOptions m_options;
    Rng m_rng;
};

} // namespace syncdeck::emulator
