// How the report reader shares the event loop, over real TCP against a CloudWatch Logs handler
// server: pages are handed out over many turns in bounded batches, received events waiting to
// be handed out stay bounded, and a turn's batches follow what the events cost their consumer,
// so a slow consumer gets few events a turn instead of a whole batch.
#include "report/reportreader.h"
#include "reportworld.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace syncdeck;
using namespace syncdeck::report;
using syncdeck::test::ReportWorld;

namespace {

// Counts the events handed out in each turn of the event loop (that handed out any), the
// largest batch, and every event id in order.
class TurnCounter
{
public:
    // `consumer`: what the slot does with a batch of that many events (inside the turn).
    TurnCounter(ReportReader *reader, std::function<void(int events)> consumer)
        : m_reader(reader)
    {
        QObject::connect(reader, &ReportReader::eventsRead, &m_turns,
                         [this, consumer](const QList<ReportEvent> &events) {
                             onEvents(events);
                             consumer(int(events.size()));
                         });
    }

    QList<int> perTurn; // events handed out in each turn that handed out any
    QStringList ids;
    int largestBatch = 0;
    qint64 mostWaiting = 0;
    int mostInATurn() const
    {
        return perTurn.isEmpty() ? 0 : *std::max_element(perTurn.cbegin(), perTurn.cend());
    }

private:
    void onEvents(const QList<ReportEvent> &events)
    {
        if (!m_sameTurn) {
            m_sameTurn = true;
            perTurn.append(0);
            // Posted in this turn, so it runs before the next one; its context goes with the
            // counter, so a call still queued when the test returns is discarded.
            QMetaObject::invokeMethod(
                &m_turns, [this] { m_sameTurn = false; }, Qt::QueuedConnection);
        }
        perTurn.last() += int(events.size());
        largestBatch = std::max(largestBatch, int(events.size()));
        mostWaiting = std::max(mostWaiting, m_reader->queuedEventCount());
        for (const ReportEvent &e : events)
            ids.append(e.eventId);
    }

    ReportReader *m_reader;
    bool m_sameTurn = false; // cleared by the call posted in the turn
    QObject m_turns; // context of the slot and of the posted calls
};

logs::LogEvent eventAt(qint64 i)
{
    return ReportWorld::documentEvent(ReportWorld::runStart().toMSecsSinceEpoch() + 1000 + i * 50,
                                      int(i));
}

QStringList idsOf(qint64 count)
{
    QStringList ids;
    for (qint64 i = 0; i < count; ++i)
        ids.append(eventAt(i).eventId);
    return ids;
}

} // namespace

class TestReportReaderTurns : public QObject
{
    Q_OBJECT
private slots:
    void pagesAreHandedOutOverManyTurns();
    void turnsFollowTheConsumersCost();
};

// A window stays responsive: a page is handed out over many turns of the event loop, in batches
// of at most BatchSize and at most MaxEventsPerTurn events a turn; received events waiting to be
// handed out stay bounded (no next page is asked for past MaxQueuedEvents); every event arrives
// once, in order.
void TestReportReaderTurns::pagesAreHandedOutOverManyTurns()
{
    ReportWorld w;
    constexpr int Count = 50000;
    constexpr int PageSize = 10000;
    w.fake.options().maxPageBytes = 16 * 1024 * 1024; // pages of PageSize events
    const RunReportTarget target = ReportWorld::target();
    w.fake.addGeneratedStream(target.logGroupName(), target.reportStreamName(), Count, eventAt);
    ReportReader reader(w.client.get(), target);
    reader.setPageSize(PageSize);
    // A consumer slower than the network, as a window that paints: 40 us an event.
    TurnCounter turns(&reader, [](int events) { QThread::usleep(40 * events); });
    QSignalSpy done(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(done.wait(120000));
    QCOMPARE(reader.outcome().status, ReportStatus::Complete);
    QCOMPARE(turns.ids.size(), Count);
    QCOMPARE(turns.ids, idsOf(Count)); // none lost, none twice, in order
    QCOMPARE(reader.eventCount(), qint64(Count));
    QVERIFY2(turns.largestBatch <= ReportReader::BatchSize,
             qPrintable(QString::number(turns.largestBatch)));
    QVERIFY(turns.mostInATurn() <= ReportReader::MaxEventsPerTurn);
    QVERIFY2(turns.perTurn.size() >= Count / ReportReader::MaxEventsPerTurn,
             qPrintable(QString::number(turns.perTurn.size())));
    QVERIFY(reader.pageCount() > 1);
    // At most the bound, the page that crossed it and the page on the wire by then.
    QVERIFY2(turns.mostWaiting < ReportReader::MaxQueuedEvents + 2 * PageSize,
             qPrintable(QString::number(turns.mostWaiting)));
    QCOMPARE(reader.queuedEventCount(), 0);
}

// A turn's batches are sized by what an event has cost so far (reading it and the slots' work),
// so a turn ends near TurnBudgetMs instead of a whole batch past it: with a consumer that spends
// at least a millisecond on each event, a turn after the read's first batch hands out at most
// TurnBudgetMs events (at least one, so the read goes on), and the first turn at most
// FirstBatchSize more. Before, every turn handed out a whole batch (250 events, a quarter of a
// second here).
void TestReportReaderTurns::turnsFollowTheConsumersCost()
{
    ReportWorld w;
    constexpr int Count = 400;
    const RunReportTarget target = ReportWorld::target();
    w.fake.addGeneratedStream(target.logGroupName(), target.reportStreamName(), Count, eventAt);
    ReportReader reader(w.client.get(), target);
    TurnCounter turns(&reader, [](int events) { QThread::msleep(events); });
    QSignalSpy done(&reader, &ReportReader::finished);
    reader.start();
    QVERIFY(done.wait(120000));
    QCOMPARE(reader.outcome().status, ReportStatus::Complete);
    QCOMPARE(turns.ids, idsOf(Count));
    QVERIFY2(turns.perTurn.value(0) <= ReportReader::FirstBatchSize + ReportReader::TurnBudgetMs,
             qPrintable(QString::number(turns.perTurn.value(0))));
    const QList<int> later = turns.perTurn.mid(1);
    QVERIFY(!later.isEmpty());
    QVERIFY2(*std::max_element(later.cbegin(), later.cend()) <= ReportReader::TurnBudgetMs,
             qPrintable(QString::number(*std::max_element(later.cbegin(), later.cend()))));
}

QTEST_GUILESS_MAIN(TestReportReaderTurns)
#include "tst_reportreaderturns.moc"
