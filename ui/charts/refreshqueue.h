#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

namespace syncdeck::ui::charts {

// The work that follows a change of the run history, spread over event-loop turns: each turn
// runs one pending step, so with 100,000 runs the KPIs, the shown chart and the charts' summaries
// are recomputed in short turns between which the window paints and takes input, instead of in
// one long turn after every delivery of jobs. A step posted again while it waits keeps its place
// and runs once, with the newest state: a burst of deliveries costs one recomputation each.
class RefreshQueue : public QObject
{
    Q_OBJECT
public:
    explicit RefreshQueue(QObject *parent = nullptr);
    ~RefreshQueue() override;

    // Runs `step` on a later turn; replaces a step of the same owner that still waits. A step
    // whose owner is destroyed before its turn does not run.
    void post(const QObject *owner, std::function<void()> step);
    bool isPending(const QObject *owner) const;
    int pendingCount() const { return int(m_pending.size()); }
    // Runs every waiting step now, in order (before an export reads what is drawn).
    void flush();

signals:
    // After a step ran and nothing waits any more.
    void drained();

private:
    void runNext();

    struct Step
    {
        QPointer<const QObject> owner;
        const QObject *key = nullptr;
        std::function<void()> run;
    };
    std::vector<Step> m_pending;
    QTimer m_timer;
};

} // namespace syncdeck::ui::charts
