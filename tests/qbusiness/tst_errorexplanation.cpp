#include "qbusiness/errorexplanation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace syncdeck::qbusiness;

class TestErrorExplanation : public QObject
{
    Q_OBJECT
private slots:
    void jobErrors_data();
    void jobErrors();
    void connectorSaysMore_data();
    void connectorSaysMore();
    void stopWithNothingRunning_data();
    void stopWithNothingRunning();
    void awsErrors_data();
    void awsErrors();
    void commandLineSteps_data();
    void commandLineSteps();
    void validationFieldsLeadTheNextStep();
    void tooLargeResponseInTheWindow();
};

void TestErrorExplanation::jobErrors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("dataSourceCode");
    QTest::addColumn<QString>("summaryContains");
    QTest::addColumn<QString>("nextContains");
    QTest::newRow("internal") << QStringLiteral("InternalError") << QString()
                              << QStringLiteral("internal problem")
                              << QStringLiteral("execution ID");
    QTest::newRow("invalid") << QStringLiteral("InvalidRequest") << QString()
                             << QStringLiteral("IAM role") << QStringLiteral("IAM role");
    QTest::newRow("inactive") << QStringLiteral("ResourceInactive") << QString()
                              << QStringLiteral("not active") << QStringLiteral("ACTIVE");
    QTest::newRow("not found") << QStringLiteral("ResourceNotFound") << QString()
                               << QStringLiteral("no longer exists")
                               << QStringLiteral("still exist");
    QTest::newRow("unknown code kept") << QStringLiteral("BrandNewError") << QString()
                                       << QStringLiteral("BrandNewError") << QStringLiteral("log");
    QTest::newRow("connector only") << QString() << QStringLiteral("SP-401")
                                    << QStringLiteral("SP-401") << QStringLiteral("credentials");
    QTest::newRow("none") << QString() << QString() << QString() << QString();
}

void TestErrorExplanation::connectorSaysMore_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("dataSourceCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("summaryContains");
    QTest::addColumn<QString>("nextContains");
    const QString invalid = QStringLiteral("InvalidRequest");
    QTest::newRow("GitHub rate limit")
        << invalid << QStringLiteral("RateLimited")
        << QStringLiteral("GitHub's secondary rate limit stopped the crawl.")
        << QStringLiteral("rate-limited it (RateLimited)") << QStringLiteral("rate limit resets");
    QTest::newRow("HTTP 429 code")
        << invalid << QStringLiteral("HTTP_429_TOO_MANY_REQUESTS") << QString()
        << QStringLiteral("rate-limited") << QStringLiteral("rate limit");
    QTest::newRow("rejected credentials")
        << invalid << QStringLiteral("InvalidCredentials")
        << QStringLiteral("The Zendesk API token was revoked.") << QStringLiteral("credentials")
        << QStringLiteral("secret");
    QTest::newRow("missing permission")
        << invalid << QStringLiteral("AccessDenied")
        << QStringLiteral("The Slack app was removed from the workspace.")
        << QStringLiteral("refused the connector access") << QStringLiteral("Grant");
    QTest::newRow("site not found") << invalid << QStringLiteral("SiteNotFound") << QString()
                                    << QStringLiteral("does not exist") << QStringLiteral("URL");
    QTest::newRow("no route") << invalid << QStringLiteral("ConnectionTimeout") << QString()
                              << QStringLiteral("could not reach") << QStringLiteral("firewall");
    QTest::newRow("only the message says it")
        << invalid << QString() << QStringLiteral("Jira answered HTTP 429 Too Many Requests.")
        << QStringLiteral("rate-limited") << QStringLiteral("rate limit");
    QTest::newRow("a number in an ID is no HTTP status")
        << invalid << QString()
        << QStringLiteral("Secret arn:aws:secretsmanager:us-east-1:123429:secret:x is malformed.")
        << QStringLiteral("IAM role") << QStringLiteral("IAM role");
}

void TestErrorExplanation::connectorSaysMore()
{
    QFETCH(QString, code);
    QFETCH(QString, dataSourceCode);
    QFETCH(QString, message);
    QFETCH(QString, summaryContains);
    QFETCH(QString, nextContains);
    const ErrorExplanation e = explainJobError(code, dataSourceCode, message);
    QVERIFY2(e.summary.contains(summaryContains), qPrintable(e.summary));
    QVERIFY2(e.nextStep.contains(nextContains), qPrintable(e.nextStep));
    // A rate limit is not a configuration problem.
    if (summaryContains.contains(QLatin1String("rate")))
        QVERIFY2(!e.nextStep.contains(QLatin1String("IAM")), qPrintable(e.nextStep));
}

void TestErrorExplanation::stopWithNothingRunning_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("nothingToStop");
    QTest::newRow("the operation says it")
        << QStringLiteral("StopDataSourceSyncJob") << QString() << true;
    QTest::newRow("the message says it")
        << QString() << QStringLiteral("The data source d-1 has no sync job running.") << true;
    QTest::newRow("already stopping")
        << QString() << QStringLiteral("The sync job of data source d-1 is already stopping.")
        << true;
    QTest::newRow("start while syncing")
        << QString()
        << QStringLiteral("The data source d-1 is already syncing (execution e-1 is SYNCING).")
        << false;
    QTest::newRow("start, operation known")
        << QStringLiteral("StartDataSourceSyncJob")
        << QStringLiteral("The data source d-1 has no sync job running.") << false;
}

void TestErrorExplanation::stopWithNothingRunning()
{
    QFETCH(QString, operation);
    QFETCH(QString, message);
    QFETCH(bool, nothingToStop);
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = QStringLiteral("ConflictException");
    error.message = message;
    const ErrorExplanation e = explainAwsError(error, {{}, operation, Audience::Dashboard});
    QCOMPARE(e.summary.contains(QLatin1String("no sync to stop")), nothingToStop);
    QCOMPARE(e.nextStep.contains(QLatin1String("Wait for the current run")), !nothingToStop);
}

void TestErrorExplanation::jobErrors()
{
    QFETCH(QString, code);
    QFETCH(QString, dataSourceCode);
    QFETCH(QString, summaryContains);
    QFETCH(QString, nextContains);
    const ErrorExplanation e = explainJobError(code, dataSourceCode);
    QVERIFY2(e.summary.contains(summaryContains), qPrintable(e.summary));
    QVERIFY2(e.nextStep.contains(nextContains), qPrintable(e.nextStep));
    QCOMPARE(e.summary.isEmpty(), summaryContains.isEmpty());
}

void TestErrorExplanation::awsErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("nextContains");
    QTest::newRow("sso expired") << int(AwsError::Kind::Credentials) << QString()
                                 << QStringLiteral("The SSO session token has expired")
                                 << QStringLiteral("aws sso login --profile work");
    QTest::newRow("no credentials") << int(AwsError::Kind::Credentials) << QString()
                                    << QStringLiteral("no keys") << QStringLiteral("profile");
    QTest::newRow("conflict") << int(AwsError::Kind::Service) << QStringLiteral("ConflictException")
                              << QString() << QStringLiteral("finish");
    QTest::newRow("denied") << int(AwsError::Kind::Service)
                            << QStringLiteral("AccessDeniedException") << QString()
                            << QStringLiteral("permissions");
    QTest::newRow("network") << int(AwsError::Kind::Network) << QString() << QString()
                             << QStringLiteral("Retry");
}

void TestErrorExplanation::awsErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, nextContains);
    AwsError error;
    error.kind = AwsError::Kind(kind);
    error.code = code;
    error.message = message;
    const ErrorExplanation e = explainAwsError(error, QStringLiteral("work"));
    QVERIFY(!e.summary.isEmpty());
    QVERIFY2(e.nextStep.contains(nextContains), qPrintable(e.nextStep));
}

void TestErrorExplanation::commandLineSteps_data()
{
    // The terminal's advice comes from the same table as the dashboard's, in its own words.
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("nextStep"); // exactly; empty: none
    const int service = int(AwsError::Kind::Service);
    QTest::newRow("denied names the action")
        << service << QStringLiteral("AccessDeniedException")
        << QStringLiteral("Check that your IAM identity is allowed "
                          "qbusiness:ListDataSourceSyncJobs on this resource.");
    QTest::newRow("validation") << service << QStringLiteral("ValidationException")
                                << QStringLiteral("Fix the values named above and run the "
                                                  "command again.");
    QTest::newRow("not found") << service << QStringLiteral("ResourceNotFoundException")
                               << QStringLiteral("Check the IDs: list-applications, list-indices "
                                                 "and list-data-sources show the ones that exist "
                                                 "in this region.");
    QTest::newRow("throttled, any spelling")
        << service << QStringLiteral("RequestThrottledException")
        << QStringLiteral("The service is throttling: run again later, or raise "
                          "AWS_MAX_ATTEMPTS.");
    QTest::newRow("too many requests")
        << service << QStringLiteral("TooManyRequestsException")
        << QStringLiteral("The service is throttling: run again later, or raise "
                          "AWS_MAX_ATTEMPTS.");
    QTest::newRow("expired token")
        << service << QStringLiteral("ExpiredTokenException")
        << QStringLiteral("Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                          "AWS_SESSION_TOKEN) and the system clock.");
    QTest::newRow("internal error: the message says it")
        << service << QStringLiteral("InternalServerException") << QString();
    QTest::newRow("unknown code") << service << QStringLiteral("SomethingNew") << QString();
    QTest::newRow("network: no Retry button in a terminal")
        << int(AwsError::Kind::Network) << QString() << QString();
}

void TestErrorExplanation::commandLineSteps()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, nextStep);
    AwsError error;
    error.kind = AwsError::Kind(kind);
    error.code = code;
    const ErrorExplanation e = explainAwsError(
        error,
        {QStringLiteral("work"), QStringLiteral("ListDataSourceSyncJobs"), Audience::CommandLine});
    QCOMPARE(e.nextStep, nextStep);
    // The dashboard always gets a step, and the same table's summary.
    const ErrorExplanation dashboard = explainAwsError(error, QStringLiteral("work"));
    QVERIFY(!dashboard.nextStep.isEmpty());
    QCOMPARE(dashboard.summary, e.summary);
}

void TestErrorExplanation::validationFieldsLeadTheNextStep()
{
    AwsError e = AwsError::make(AwsError::Kind::Service, QStringLiteral("ValidationException"),
                                QStringLiteral("1 validation error detected"));
    e.fields.insert(QStringLiteral("reason"), QStringLiteral("FIELD_VALIDATION_FAILED"));
    e.fields.insert(
        QStringLiteral("fields"),
        QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("endTime")},
                                 {QStringLiteral("message"), QStringLiteral("too late")}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("dataSourceId")},
                                 {QStringLiteral("message"), QStringLiteral("bad")}}});
    const QStringList details = errorDetails(e);
    QCOMPARE(details,
             QStringList({QStringLiteral("Reason: FIELD_VALIDATION_FAILED"),
                          QStringLiteral("Field endTime: too late"),
                          QStringLiteral("Field dataSourceId: bad")}));
    const ErrorExplanation window = explainAwsError(e);
    QCOMPARE(window.nextStep,
             QStringLiteral("Fix the time range, the data source ID as the reason above says, then "
                            "Retry."));
    const ErrorExplanation cli = explainAwsError(
        e, ErrorContext {{}, QStringLiteral("ListDataSourceSyncJobs"), Audience::CommandLine});
    QVERIFY2(cli.nextStep.contains(QLatin1String("endTime, dataSourceId")),
             qPrintable(cli.nextStep));
    // Without fields the table's advice stays.
    e.fields = {};
    QVERIFY(explainAwsError(e).nextStep.contains(QLatin1String("time range")));
    QVERIFY(errorDetails(e).isEmpty());
}

void TestErrorExplanation::tooLargeResponseInTheWindow()
{
    const AwsError e = AwsError::make(AwsError::Kind::Client, QStringLiteral("ResponseTooLarge"),
                                      QStringLiteral("too large"),
                                      QStringLiteral("Ask for smaller pages (--page-size)."));
    QVERIFY(!explainAwsError(e).nextStep.contains(QLatin1String("--page-size")));
    QVERIFY(explainAwsError(e).nextStep.contains(QLatin1String("Narrow the time range")));
    const ErrorExplanation cli = explainAwsError(e, ErrorContext {{}, {}, Audience::CommandLine});
    QVERIFY(cli.nextStep.contains(QLatin1String("--page-size")));
}

QTEST_GUILESS_MAIN(TestErrorExplanation)
#include "tst_errorexplanation.moc"
