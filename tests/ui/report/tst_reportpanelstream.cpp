// The Documents view while a long report streams in, over real TCP (ReportWorld): what the view
// does in the reader's turns of the event loop stays small, because the headline's labels (word-
// wrapped, so every new text is laid out again) are refreshed a few times a second by a timer,
// not on every batch of events.
#include "report/reportpanel.h"
#include "reportworld.h"

#include <QLabel>
#include <QLocale>
#include <QTest>

using namespace syncdeck;
using report::DocumentReportModel;
using test::ReportWorld;
using ui::ReportPanel;

namespace {

// "F failed · S skipped · N succeeded" of the model's counts now.
QString countsText(const report::ReportCounts &c)
{
    const QLocale locale;
    return QStringLiteral("%1 failed · %2 skipped · %3 succeeded")
        .arg(locale.toString(c.failed), locale.toString(c.skipped), locale.toString(c.succeeded));
}

} // namespace

class TestReportPanelStream : public QObject
{
    Q_OBJECT
private slots:
    void headlineIsRefreshedOutsideTheReadsTurns();
};

// While the report is read, the counts label is set when the first events arrive and then by
// the refresh timer, never again from inside the model's countsChanged() (a batch of the
// reader's turn): so it shows the counts of that moment only once, and the final counts when
// the read ends. Before, every batch set it (and laid it out) at once.
void TestReportPanelStream::headlineIsRefreshedOutsideTheReadsTurns()
{
    ReportWorld world;
    constexpr int Count = 20000;
    const report::RunReportTarget target = ReportWorld::target();
    world.fake.addGeneratedStream(
        target.logGroupName(), target.reportStreamName(), Count, [](qint64 i) {
            return ReportWorld::documentEvent(
                ReportWorld::runStart().toMSecsSinceEpoch() + 1000 + i, int(i));
        });
    ReportPanel panel;
    panel.setSelectionDelay(0);
    panel.setContext(target.region, target.applicationId, {}, target.dataSourceId);
    panel.setLogsClient(world.client.get());
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *counts = panel.findChild<QLabel *>(QStringLiteral("reportCounts"));
    QVERIFY(counts);

    int emissions = 0;
    int setInside = 0; // emissions after which the label already showed their counts
    QObject context;
    // Connected after the panel's own slot, so it sees what that slot did.
    connect(panel.model(), &DocumentReportModel::countsChanged, &context, [&] {
        if (panel.model()->counts().events == 0)
            return;
        ++emissions;
        setInside += counts->text() == countsText(panel.model()->counts());
    });
    qbusiness::SyncJob job;
    job.executionId = target.executionId;
    job.startTime = target.runStart;
    job.endTime = target.runEnd;
    panel.showJob(job);
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->outcome().isFinal() && !panel.model()->isLoading(),
                             60000);
    QCOMPARE(panel.model()->storedEvents(), qint64(Count));
    QVERIFY2(emissions > 10, qPrintable(QString::number(emissions)));
    QVERIFY2(setInside <= 1, qPrintable(QStringLiteral("%1 of %2").arg(setInside).arg(emissions)));
    QCOMPARE(counts->text(), countsText(panel.model()->counts()));
}

QTEST_MAIN(TestReportPanelStream)
#include "tst_reportpanelstream.moc"
