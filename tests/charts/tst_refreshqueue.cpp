#include "charts/refreshqueue.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using syncdeck::ui::charts::RefreshQueue;

// The queue that spreads the charts' recomputations over event-loop turns: one step a turn, a
// step posted again while it waits runs once with the newest work, a destroyed owner's step is
// dropped, flush() runs everything now.
class TestRefreshQueue : public QObject
{
    Q_OBJECT
private slots:
    void runsOneStepPerTurn();
    void repostedStepKeepsItsPlaceAndRunsOnce();
    void destroyedOwnerIsSkipped();
    void flushRunsEverythingInOrder();
};

void TestRefreshQueue::runsOneStepPerTurn()
{
    RefreshQueue queue;
    QObject a, b, c;
    QStringList ran;
    queue.post(&a, [&ran] { ran << QStringLiteral("a"); });
    queue.post(&b, [&ran] { ran << QStringLiteral("b"); });
    queue.post(&c, [&ran] { ran << QStringLiteral("c"); });
    QVERIFY(ran.isEmpty()); // nothing in the turn that posted
    QCOMPARE(queue.pendingCount(), 3);
    QSignalSpy drained(&queue, &RefreshQueue::drained);
    QList<int> perTurn;
    for (int turn = 0; turn < 50 && queue.pendingCount() > 0; ++turn) {
        const qsizetype before = ran.size();
        QCoreApplication::processEvents();
        perTurn << int(ran.size() - before);
    }
    QCOMPARE(ran, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    for (int n : std::as_const(perTurn))
        QVERIFY2(n <= 1, "two steps ran in one turn of the event loop");
    QCOMPARE(drained.count(), 1);
}

void TestRefreshQueue::repostedStepKeepsItsPlaceAndRunsOnce()
{
    RefreshQueue queue;
    QObject a, b;
    QStringList ran;
    queue.post(&a, [&ran] { ran << QStringLiteral("a1"); });
    queue.post(&b, [&ran] { ran << QStringLiteral("b"); });
    queue.post(&a, [&ran] { ran << QStringLiteral("a2"); });
    QVERIFY(queue.isPending(&a));
    QCOMPARE(queue.pendingCount(), 2);
    QTRY_COMPARE(queue.pendingCount(), 0);
    QCOMPARE(ran, (QStringList {QStringLiteral("a2"), QStringLiteral("b")}));
    QVERIFY(!queue.isPending(&a));
}

void TestRefreshQueue::destroyedOwnerIsSkipped()
{
    RefreshQueue queue;
    QObject kept;
    auto gone = std::make_unique<QObject>();
    QStringList ran;
    queue.post(gone.get(), [&ran] { ran << QStringLiteral("gone"); });
    queue.post(&kept, [&ran] { ran << QStringLiteral("kept"); });
    gone.reset();
    QTRY_COMPARE(queue.pendingCount(), 0);
    QCOMPARE(ran, QStringList {QStringLiteral("kept")});
}

void TestRefreshQueue::flushRunsEverythingInOrder()
{
    RefreshQueue queue;
    QObject a, b;
    QStringList ran;
    queue.post(&a, [&ran] { ran << QStringLiteral("a"); });
    // A step that posts another: it runs in the same flush.
    queue.post(&b, [&] {
        ran << QStringLiteral("b");
        queue.post(&a, [&ran] { ran << QStringLiteral("a again"); });
    });
    queue.flush();
    QCOMPARE(ran,
             (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a again")}));
    QCOMPARE(queue.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestRefreshQueue)
#include "tst_refreshqueue.moc"
