#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe, so the event loop can shut down
// cleanly instead of dying inside a signal handler. One instance per process.
namespace syncdeck::emulator {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace syncdeck::emulator
