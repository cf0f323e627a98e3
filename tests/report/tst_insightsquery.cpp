// The Logs Insights query that reproduces a Documents view.
#include "report/insightsquery.h"

#include <QRegularExpression>
#include <QTest>

using namespace syncdeck::report;

namespace {
RunReportTarget target(bool running = false)
{
    RunReportTarget t;
    t.applicationId = QStringLiteral("a1111111-1111-4111-8111-111111111111");
    t.dataSourceId = QStringLiteral("d3333333-3333-4333-8333-333333333333");
    t.executionId = QStringLiteral("e0000000-0000-4000-8000-000000000042");
    t.runStart = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    if (!running)
        t.runEnd = QDateTime(QDate(2024, 5, 1), QTime(13, 0), Qt::UTC);
    t.running = running;
    return t;
}
} // namespace

class TestInsightsQuery : public QObject
{
    Q_OBJECT
private slots:
    void wholeReport();
    void filteredView();
    void searchIsLiteral();
    void otherSources();
};

void TestInsightsQuery::wholeReport()
{
    const InsightsQuery q = insightsQueryFor(target(), {});
    QCOMPARE(q.logGroupName, QStringLiteral("/aws/qbusiness/a1111111-1111-4111-8111-111111111111"));
    QCOMPARE(q.startTimeMs, target().runStart.toMSecsSinceEpoch() - 5 * 60 * 1000);
    QCOMPARE(q.endTimeMs,
             std::optional<qint64>(target().runEnd.toMSecsSinceEpoch() + 5 * 60 * 1000));
    QCOMPARE(
        q.queryString,
        QStringLiteral("fields @timestamp, DocumentId, DocumentTitle, SourceUri, CrawlAction, "
                       "ConnectorDocumentStatus.Status, CrawlStatus.Status, SyncStatus.Status, "
                       "IndexStatus.Status, ErrorMsg\n"
                       "| filter @logStream = \"SYNC_RUN_HISTORY_REPORT/"
                       "d3333333-3333-4333-8333-333333333333/"
                       "e0000000-0000-4000-8000-000000000042\"\n"
                       "| sort @timestamp asc\n"
                       "| limit 10000\n"));
    QVERIFY(q.text().startsWith(
        QStringLiteral("# Log group: /aws/qbusiness/a1111111-1111-4111-8111-111111111111\n"
                       "# Time range: 2024-05-01T11:55:00Z to 2024-05-01T13:05:00Z\n")));
    const InsightsQuery running = insightsQueryFor(target(true), {});
    QVERIFY(!running.endTimeMs);
    QVERIFY(running.text().contains(QLatin1String("to now")));
}

void TestInsightsQuery::filteredView()
{
    ReportView view;
    view.statuses = {DocumentStatus::Failed, DocumentStatus::Skipped};
    view.reason = QStringLiteral("File <file> exceeds <n> MB");
    const QString q = insightsQueryFor(target(), view).queryString;
    QVERIFY2(q.contains(QStringLiteral("| filter ConnectorDocumentStatus.Status in [\"FAILED\", "
                                       "\"SKIPPED\"] or ConnectorDocumentStatus in [\"FAILED\", "
                                       "\"SKIPPED\"]\n")),
             qPrintable(q));
    const QRegularExpression line(QStringLiteral("\\| filter ErrorMsg like /(.*)/\\n"));
    const QRegularExpressionMatch m = line.match(q);
    QVERIFY2(m.hasMatch(), qPrintable(q));
    // The pattern (with Insights' \/ for a slash) matches the texts of the group.
    QString pattern = m.captured(1);
    pattern.replace(QStringLiteral("\\/"), QStringLiteral("/"));
    const QRegularExpression re(pattern);
    QVERIFY(re.match(QStringLiteral("File a b/c.pdf exceeds 50 MB")).hasMatch());
    QVERIFY(!re.match(QStringLiteral("Access denied")).hasMatch());
    view.reason = FailureGroups::noMessage();
    QVERIFY(insightsQueryFor(target(), view)
                .queryString.contains(
                    QLatin1String("| filter ispresent(ErrorMsg) = 0 or ErrorMsg = \"\"")));
}

void TestInsightsQuery::searchIsLiteral()
{
    ReportView view;
    view.search = QStringLiteral("a/b (1).pdf\"x");
    const QString q = insightsQueryFor(target(), view).queryString;
    const QString re = QStringLiteral("/(?i)a\\/b \\(1\\)\\.pdf\"x/");
    QCOMPARE(insightsRegexLiteral(view.search), re);
    QVERIFY2(q.contains(QStringLiteral("| filter DocumentId like %1 or DocumentTitle like %1 or "
                                       "SourceUri like %1 or ErrorMsg like %1\n")
                            .arg(re)),
             qPrintable(q));
    view.search = QStringLiteral("line\nbreak");
    QVERIFY(!insightsQueryFor(target(), view).queryString.contains(QLatin1String("line\nbreak")));
}

void TestInsightsQuery::otherSources()
{
    const QString legacy = insightsQueryFor(target(), {}, ReportSource::LegacyErrors).queryString;
    QVERIFY2(legacy.contains(QLatin1String(
                 "| filter @logStream like /^d3333333-3333-4333-8333-333333333333\\//")),
             qPrintable(legacy));
    QVERIFY(legacy.contains(QLatin1String("ErrorMessage")));
    const QString members
        = insightsQueryFor(target(), {}, ReportSource::GroupMembership).queryString;
    QVERIFY(members.contains(QLatin1String("GROUP_MEMBERSHIP/")));
    QVERIFY(members.contains(QLatin1String("memberGlobalName")));
}

QTEST_GUILESS_MAIN(TestInsightsQuery)
#include "tst_insightsquery.moc"
