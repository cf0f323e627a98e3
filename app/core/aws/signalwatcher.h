#pragma once

#include <QList>
#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace syncdeck::aws {

// Turns POSIX signals into a Qt signal through a self-pipe, so that the event loop handles them
// (a command aborts its calls and exits 130, a server shuts down cleanly) instead of code running
// inside a signal handler. One watcher per process at a time: a second one stays inactive. While
// it exists the watched signals lose their default action; it restores the previous handlers
// when destroyed. Does nothing off Unix.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    // Once per signal delivered (a signal repeated before the event loop runs may arrive once).
    void received(int signalNumber);

private:
    void readPipe();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace syncdeck::aws
