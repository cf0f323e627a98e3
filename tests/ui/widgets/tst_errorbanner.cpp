// The error banner: the Retry it offers is the one given with the error it shows.
#include "widgets/errorbanner.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using syncdeck::qbusiness::AwsError;
using syncdeck::ui::ErrorBanner;

class TestErrorBanner : public QObject
{
    Q_OBJECT
private slots:
    void retryTravelsWithItsError();
    void awsErrorIsExplainedInPlainText();
    void credentialsAreReadAfreshBeforeRetry_data();
    void credentialsAreReadAfreshBeforeRetry();
};

void TestErrorBanner::retryTravelsWithItsError()
{
    ErrorBanner banner;
    int retries = 0;
    banner.showError(QStringLiteral("Profile ops cannot be used"), QStringLiteral("no keys"),
                     QStringLiteral("add them"), [&retries] { ++retries; });
    QVERIFY(!banner.isHidden());
    QVERIFY(!banner.actionButton()->isHidden());
    QCOMPARE(banner.actionButton()->text(), QStringLiteral("&Retry"));
    QVERIFY(banner.text().contains(QLatin1String("Next step: add them")));
    banner.actionButton()->click();
    QCOMPARE(retries, 1);
    QVERIFY(banner.isHidden());

    // An error without a retry offers none, even right after one with a retry.
    banner.showError(QStringLiteral("first"), QStringLiteral("with retry"), {},
                     [&retries] { ++retries; });
    banner.showError(QStringLiteral("Cannot go there"), QStringLiteral("not an ARN"), {});
    QVERIFY(banner.actionButton()->isHidden());
    emit banner.actionTriggered();
    QCOMPARE(retries, 1);

    // Cleared or dismissed: the retry is forgotten.
    banner.showError(QStringLiteral("again"), QStringLiteral("with retry"), {},
                     [&retries] { ++retries; });
    banner.clearError();
    QVERIFY(banner.isHidden());
    emit banner.actionTriggered();
    QCOMPARE(retries, 1);
}

void TestErrorBanner::awsErrorIsExplainedInPlainText()
{
    ErrorBanner banner;
    const AwsError error
        = AwsError::make(AwsError::Kind::Service, QStringLiteral("ValidationException"),
                         QStringLiteral("<b>bad</b> request"), {}, QStringLiteral("req-123"), 400);
    banner.showAwsError(QStringLiteral("Could not load sync jobs"), error, QStringLiteral("ops"));
    QCOMPARE(banner.title(), QStringLiteral("Could not load sync jobs"));
    const QString text = banner.text();
    QVERIFY2(text.startsWith(QLatin1String("ValidationException (HTTP 400): ")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("<b>bad</b> request")));
    QVERIFY(text.contains(QLatin1String("Request ID: req-123")));
    QCOMPARE(banner.findChild<QLabel *>(QStringLiteral("bannerText"))->textFormat(), Qt::PlainText);
    QVERIFY(banner.actionButton()->isHidden());
}

void TestErrorBanner::credentialsAreReadAfreshBeforeRetry_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("steps");
    QTest::newRow("credentials") << int(AwsError::Kind::Credentials)
                                 << QStringLiteral("refresh,retry");
    QTest::newRow("network") << int(AwsError::Kind::Network) << QStringLiteral("retry");
}

void TestErrorBanner::credentialsAreReadAfreshBeforeRetry()
{
    QFETCH(int, kind);
    QFETCH(QString, steps);
    ErrorBanner banner;
    QStringList done;
    banner.setCredentialsRefresh([&done] { done << QStringLiteral("refresh"); });
    banner.showAwsError(
        QStringLiteral("Could not list applications"),
        AwsError::make(AwsError::Kind(kind), QStringLiteral("Code"), QStringLiteral("message")),
        QStringLiteral("ops"), [&done] { done << QStringLiteral("retry"); });
    banner.actionButton()->click();
    QCOMPARE(done.join(QLatin1Char(',')), steps);
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
