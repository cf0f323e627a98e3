#include "qbusiness/errorexplanation.h"

#include <QTest>

using namespace syncdeck::qbusiness;

class TestErrorExplanation : public QObject
{
    Q_OBJECT
private slots:
    void jobErrors_data();
    void jobErrors();
    void awsErrors_data();
    void awsErrors();
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

QTEST_GUILESS_MAIN(TestErrorExplanation)
#include "tst_errorexplanation.moc"
