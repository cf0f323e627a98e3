#include "faultinjector.h"

#include <QStringList>

#include <algorithm>

namespace syncdeck::emulator {

FaultInjector::FaultInjector(const FaultOptions &options, quint64 seed)
    : m_options(options)
    , m_rng(Rng::derived(seed, 0xFA17))
    , m_tokens(std::max(1.0, options.throttleRate))
{
    m_clock.start();
}

bool FaultInjector::takeToken()
{
    const double capacity = std::max(1.0, m_options.throttleRate);
    const qint64 now = m_clock.nsecsElapsed();
    m_tokens = std::min(capacity,
                        m_tokens + double(now - m_lastRefillNs) * 1e-9 * m_options.throttleRate);
    m_lastRefillNs = now;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

FaultInjector::Fault FaultInjector::next()
{
    if (!m_options.any())
        return Fault::None;
    if (m_options.throttleRate > 0 && !takeToken())
        return Fault::Throttle;
    // One draw per request, split into consecutive bands: at most one fault per request and the
    // sequence does not depend on which kinds are switched on.
    double roll = m_rng.unit();
    const std::pair<double, Fault> bands[] = {
        {m_options.throttle, Fault::Throttle}, {m_options.error500, Fault::Error500},
        {m_options.reset, Fault::Reset},       {m_options.stall, Fault::Stall},
        {m_options.truncate, Fault::Truncate},
    };
    for (const auto &[p, fault] : bands) {
        if (roll < p)
            return fault;
        roll -= p;
    }
    return Fault::None;
}

bool parseFaultSpec(const QString &spec, FaultOptions *out, QString *error)
{
    FaultOptions result;
    const QString usage = QStringLiteral(
        "expected a comma-separated list of throttle=P, error500=P, reset=P, stall=P:MS, "
        "truncate=P with probabilities P between 0 and 1, or throttle=N/s (a rate limit of N "
        "requests per second), e.g. throttle=0.1,stall=0.05:2000 or throttle=10/s");
    const QStringList items = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty()) {
        *error = QStringLiteral("--fault is empty: %1").arg(usage);
        return false;
    }
    double total = 0;
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--fault item '%1' has no '=': %2").arg(item, usage);
            return false;
        }
        const QString name = item.left(eq);
        QString value = item.mid(eq + 1);
        int ms = 0;
        if (name == QLatin1String("stall")) {
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            bool okMs = false;
            if (colon > 0)
                ms = value.mid(colon + 1).toInt(&okMs);
            if (colon <= 0 || !okMs || ms < 0 || ms > 600000) {
                *error = QStringLiteral("--fault stall needs P:MS with MS between 0 and 600000 "
                                        "milliseconds, got '%1'")
                             .arg(value);
                return false;
            }
            value = value.left(colon);
        }
        if (name == QLatin1String("throttle") && value.endsWith(QLatin1String("/s"))) {
            bool okRate = false;
            const double rate = value.chopped(2).toDouble(&okRate);
            if (!okRate || !(rate > 0 && rate <= 100000)) {
                *error = QStringLiteral("--fault throttle=N/s: N must be a number of requests "
                                        "per second above 0 and at most 100000, got '%1'")
                             .arg(value);
                return false;
            }
            result.throttleRate = rate;
            continue;
        }
        bool ok = false;
        const double p = value.toDouble(&ok);
        if (!ok || !(p >= 0.0 && p <= 1.0)) {
            *error = QStringLiteral("--fault %1: the probability must be a number between 0 and 1, "
                                    "got '%2'")
                         .arg(name, value);
            return false;
        }
        if (name == QLatin1String("throttle")) {
            result.throttle = p;
        } else if (name == QLatin1String("error500")) {
            result.error500 = p;
        } else if (name == QLatin1String("reset")) {
            result.reset = p;
        } else if (name == QLatin1String("stall")) {
            result.stall = p;
            result.stallMs = ms;
        } else if (name == QLatin1String("truncate")) {
            result.truncate = p;
        } else {
            *error = QStringLiteral("--fault: unknown fault '%1': %2").arg(name, usage);
            return false;
        }
        total += p;
    }
    if (total > 1.0 + 1e-9) {
        *error = QStringLiteral("--fault: the probabilities add up to %1, more than 1").arg(total);
        return false;
    }
    *out = result;
    return true;
}

} // namespace syncdeck::emulator
