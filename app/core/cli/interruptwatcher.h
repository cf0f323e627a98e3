#pragma once

#include <QObject>

class QSocketNotifier;

namespace syncdeck::cli {

// Turns SIGINT into a Qt signal (self-pipe), so a command can abort its calls, print what it
// has and exit 130 the way the AWS CLI does. While one exists, SIGINT does not kill the process.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isInterrupted() const { return m_interrupted; }

signals:
    void interrupted();

private:
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
    bool m_interrupted = false;
};

} // namespace syncdeck::cli
