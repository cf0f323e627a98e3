// The one self-pipe signal watcher (syncdeck-cli's Ctrl-C, the emulator's SIGINT/SIGTERM):
// signals arrive on the event loop, one watcher at a time, previous handlers come back.
#include "aws/signalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using syncdeck::aws::SignalWatcher;

namespace {
volatile std::sig_atomic_t g_customHandlerRan = 0;
extern "C" void customHandler(int)
{
    g_customHandlerRan = 1;
}
} // namespace

class TestSignalWatcher : public QObject
{
    Q_OBJECT
private slots:
    void deliversOnTheEventLoop();
    void oneWatcherAtATime();
    void restoresThePreviousHandler();
};

void TestSignalWatcher::deliversOnTheEventLoop()
{
    SignalWatcher watcher {SIGUSR1, SIGUSR2};
    QVERIFY(watcher.isActive());
    QSignalSpy spy(&watcher, &SignalWatcher::received);
    QCOMPARE(::raise(SIGUSR2), 0); // would end the process without the watcher
    QCOMPARE(spy.size(), 0); // nothing runs inside the handler
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.takeFirst().at(0).toInt(), int(SIGUSR2));
    QCOMPARE(::raise(SIGUSR1), 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.takeFirst().at(0).toInt(), int(SIGUSR1));
}

void TestSignalWatcher::oneWatcherAtATime()
{
    SignalWatcher first {SIGUSR1};
    SignalWatcher second {SIGUSR1};
    QVERIFY(first.isActive());
    QVERIFY(!second.isActive());
    QSignalSpy firstSpy(&first, &SignalWatcher::received);
    QCOMPARE(::raise(SIGUSR1), 0);
    QVERIFY(firstSpy.wait(5000));
}

void TestSignalWatcher::restoresThePreviousHandler()
{
    struct sigaction custom = {};
    custom.sa_handler = customHandler;
    sigemptyset(&custom.sa_mask);
    struct sigaction original = {};
    QCOMPARE(::sigaction(SIGUSR1, &custom, &original), 0);
    {
        SignalWatcher watcher {SIGUSR1};
        QVERIFY(watcher.isActive());
        QSignalSpy spy(&watcher, &SignalWatcher::received);
        QCOMPARE(::raise(SIGUSR1), 0);
        QVERIFY(spy.wait(5000));
        QCOMPARE(g_customHandlerRan, 0);
    }
    QCOMPARE(::raise(SIGUSR1), 0);
    QCOMPARE(g_customHandlerRan, 1);
    {
        // A new watcher works after the first one is gone.
        SignalWatcher again {SIGUSR1};
        QVERIFY(again.isActive());
    }
    ::sigaction(SIGUSR1, &original, nullptr);
}

QTEST_GUILESS_MAIN(TestSignalWatcher)
#include "tst_signalwatcher.moc"
