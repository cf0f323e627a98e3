#pragma once

#include <QtGlobal>

#include <cstdint>

// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every
// platform and compiler, which std:: distributions do not promise.
namespace syncdeck::emulator {

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    { }
    // A generator for a sub-stream, so adding jobs to one data source does not shift another.
    static Rng derived(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0)
    {
        Rng r(seed ^ 0x9E3779B97F4A7C15ULL);
        r.m_state ^= r.next() + a * 0xD1B54A32D192ED03ULL;
        r.m_state ^= r.next() + b * 0xAEF17502108EF2D9ULL;
        r.m_state ^= r.next() + c * 0xF58B3A1C7E3D0A95ULL;
        r.next();
        return r;
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform in [lo, hi] (inclusive); lo when hi < lo.
    qint64 range(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        return lo + qint64(next() % quint64(hi - lo + 1));
    }
    bool chance(double p) { return unit() < p; }

private:
    quint64 m_state;
};

} // namespace syncdeck::emulator
