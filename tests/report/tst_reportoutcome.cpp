// The outcome texts: the account and partition in ARNs and commands, and that each empty,
// missing or denied case is its own explained outcome.
#include "logs/logserror.h"
#include "report/reportoutcome.h"

#include <QJsonDocument>
#include <QTest>

using namespace syncdeck;
using namespace syncdeck::report;

namespace {
RunReportTarget target(const QString &region = QStringLiteral("us-east-1"))
{
    RunReportTarget t;
    t.applicationId = QStringLiteral("a1111111-1111-4111-8111-111111111111");
    t.dataSourceId = QStringLiteral("d3333333-3333-4333-8333-333333333333");
    t.executionId = QStringLiteral("e0000000-0000-4000-8000-000000000042");
    t.runStart = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    t.runEnd = QDateTime(QDate(2024, 5, 1), QTime(13, 0), Qt::UTC);
    t.region = region;
    return t;
}

AwsError serviceError(const QString &code, const QString &message)
{
    return AwsError::make(AwsError::Kind::Service, code, message, {}, QStringLiteral("r"), 400);
}
} // namespace

class TestReportOutcome : public QObject
{
    Q_OBJECT
private slots:
    void accountId_data();
    void accountId();
    void partitions_data();
    void partitions();
    void forError_data();
    void forError();
};

void TestReportOutcome::accountId_data()
{
    QTest::addColumn<QString>("known");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("account");
    QTest::newRow("known") << "111122223333" << QString() << "111122223333";
    QTest::newRow("from the message")
        << QString()
        << "User: arn:aws:sts::444455556666:assumed-role/R/s is not authorized to perform: "
           "logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:444455556666:log-group:/x"
        << "444455556666";
    QTest::newRow("not twelve digits") << "1234"
                                       << "no arn here"
                                       << "";
}

void TestReportOutcome::accountId()
{
    QFETCH(QString, known);
    QFETCH(QString, message);
    RunReportTarget t = target();
    t.accountId = known;
    QTEST(accountIdFor(t, serviceError(QStringLiteral("AccessDeniedException"), message)),
          "account");
}

void TestReportOutcome::partitions_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("arn");
    QTest::newRow("aws") << "eu-west-1"
                         << "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/qbusiness/*";
    QTest::newRow("china") << "cn-north-1"
                           << "arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/qbusiness/*";
    QTest::newRow("govcloud")
        << "us-gov-west-1"
        << "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/aws/qbusiness/*";
}

void TestReportOutcome::partitions()
{
    QFETCH(QString, region);
    QFETCH(QString, arn);
    RunReportTarget t = target(region);
    t.accountId = QStringLiteral("111122223333");
    const QString policy = readerPolicy(t, t.accountId);
    QVERIFY2(policy.contains(arn), qPrintable(policy));
    QJsonParseError pe;
    QVERIFY(QJsonDocument::fromJson(policy.toUtf8(), &pe).isObject());
    const QString commands = deliverySetupCommands(t, t.accountId);
    QVERIFY(commands.contains(QStringLiteral("--region ") + region));
    QVERIFY(commands.contains(arn.section(u':', 0, 1) + QStringLiteral(":qbusiness:")));
}

void TestReportOutcome::forError_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("failure");
    QTest::newRow("group") << "ResourceNotFoundException"
                           << "The specified log group does not exist."
                           << int(ReportStatus::NoLogGroup) << false;
    QTest::newRow("stream") << "ResourceNotFoundException"
                            << "The specified log stream does not exist."
                            << int(ReportStatus::NoLogStream) << false;
    QTest::newRow("denied") << "AccessDeniedException"
                            << "not authorized" << int(ReportStatus::AccessDenied) << true;
    QTest::newRow("throttled") << "ThrottlingException"
                               << "Rate exceeded" << int(ReportStatus::Throttled) << true;
    QTest::newRow("unavailable") << "ServiceUnavailableException"
                                 << "try later" << int(ReportStatus::Failed) << true;
    QTest::newRow("invalid parameter") << "InvalidParameterException"
                                       << "bad token" << int(ReportStatus::Failed) << true;
}

void TestReportOutcome::forError()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(int, status);
    QFETCH(bool, failure);
    const AwsError e = serviceError(code, message);
    const ReportOutcome o
        = outcomes::forError(target(), e, 5, QDateTime(QDate(2024, 5, 9), QTime(0, 0), Qt::UTC));
    QCOMPARE(int(o.status), status);
    QCOMPARE(o.isFailure(), failure);
    QVERIFY(o.isFinal());
    QVERIFY(!o.title.isEmpty());
    QVERIFY(!o.explanation.isEmpty());
    QVERIFY(!o.nextStep.isEmpty());
    QCOMPARE(o.error.code, code);
    QCOMPARE(reportStatusName(o.status).isEmpty(), false);
    const ReportOutcome cancelled = outcomes::forError(
        target(), AwsError::make(AwsError::Kind::Aborted, QStringLiteral("Aborted"), {}), 5, {});
    QCOMPARE(cancelled.status, ReportStatus::Cancelled);
}

QTEST_GUILESS_MAIN(TestReportOutcome)
#include "tst_reportoutcome.moc"
