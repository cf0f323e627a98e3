#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <ctime>

namespace syncdeck::test {

// How long the UI thread was kept from its event loop: a 5 ms timer beats while the measured
// work runs, and the largest gap between two beats is the longest stall. Also the UI thread's
// own CPU time within that gap (on a loaded machine the gap also holds time the thread waited
// for a core) and the largest CPU time between two beats.
class UiHeartbeat : public QObject
{
public:
    explicit UiHeartbeat(int intervalMs = 5)
    {
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, &UiHeartbeat::beat);
    }
    void start()
    {
        m_sinceBeat.start();
        m_lastCpuMs = threadCpuMs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 longestGapMs() const { return m_longestGapMs; }
    qint64 cpuOfLongestGapMs() const { return m_cpuOfLongestGapMs; }
    qint64 longestCpuGapMs() const { return m_longestCpuGapMs; }

    // CPU time of the calling thread, in ms.
    static qint64 threadCpuMs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
    }

private:
    void beat()
    {
        const qint64 gap = m_sinceBeat.restart();
        const qint64 cpu = threadCpuMs();
        m_longestCpuGapMs = std::max(m_longestCpuGapMs, cpu - m_lastCpuMs);
        if (gap > m_longestGapMs) {
            m_longestGapMs = gap;
            m_cpuOfLongestGapMs = cpu - m_lastCpuMs;
        }
        m_lastCpuMs = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_sinceBeat;
    qint64 m_lastCpuMs = 0;
    qint64 m_longestGapMs = 0;
    qint64 m_cpuOfLongestGapMs = 0;
    qint64 m_longestCpuGapMs = 0;
};

} // namespace syncdeck::test
