#include "refreshqueue.h"

#include <algorithm>
#include <utility>

namespace syncdeck::ui::charts {

RefreshQueue::RefreshQueue(QObject *parent)
    : QObject(parent)
{
    // A zero timer started while timers are being handled waits for the next pass of the event
    // loop: between two steps the window paints, takes input and receives the network.
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &RefreshQueue::runNext);
}

RefreshQueue::~RefreshQueue() = default;

void RefreshQueue::post(const QObject *owner, std::function<void()> step)
{
    const auto waiting = std::find_if(m_pending.begin(), m_pending.end(),
                                      [owner](const Step &s) { return s.key == owner; });
    if (waiting != m_pending.end()) {
        waiting->run = std::move(step);
        return;
    }
    m_pending.push_back({owner, owner, std::move(step)});
    if (!m_timer.isActive())
        m_timer.start();
}

bool RefreshQueue::isPending(const QObject *owner) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [owner](const Step &s) { return s.key == owner; });
}

void RefreshQueue::flush()
{
    m_timer.stop();
    while (!m_pending.empty())
        runNext();
}

void RefreshQueue::runNext()
{
    if (m_pending.empty())
        return;
    // Taken out before it runs: a step may post again (its owner changed meanwhile).
    Step step = std::move(m_pending.front());
    m_pending.erase(m_pending.begin());
    if (step.owner)
        step.run();
    if (!m_pending.empty()) {
        if (!m_timer.isActive())
            m_timer.start();
        return;
    }
    emit drained();
}

} // namespace syncdeck::ui::charts
