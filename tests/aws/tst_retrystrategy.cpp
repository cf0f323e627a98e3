// The AWS standard retry mode: classification, backoff bounds, quota arithmetic, clock skew.
#include "aws/retryquota.h"
#include "aws/retrystrategy.h"

#include <QTest>

using namespace syncdeck::aws;

class TestRetryStrategy : public QObject
{
    Q_OBJECT
private slots:
    void retryable_data();
    void retryable();
    void backoff_data();
    void backoff();
    void quota_data();
    void quota();
    void clockSkew_data();
    void clockSkew();
    void sdkRequestHeader();
};

void TestRetryStrategy::retryable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    const int service = int(AwsError::Kind::Service);
    QTest::newRow("429") << service << 429 << QStringLiteral("ThrottlingException") << true;
    QTest::newRow("500") << service << 500 << QStringLiteral("InternalServerException") << true;
    QTest::newRow("502 html") << service << 502 << QStringLiteral("502") << true;
    QTest::newRow("503") << service << 503 << QStringLiteral("503") << true;
    QTest::newRow("504") << service << 504 << QStringLiteral("504") << true;
    QTest::newRow("501") << service << 501 << QStringLiteral("NotImplemented") << false;
    QTest::newRow("400 throttling code") << service << 400 << QStringLiteral("Throttling") << true;
    QTest::newRow("400 RequestLimitExceeded")
        << service << 400 << QStringLiteral("RequestLimitExceeded") << true;
    QTest::newRow("400 SlowDown") << service << 400 << QStringLiteral("SlowDown") << true;
    QTest::newRow("400 TooManyRequestsException")
        << service << 400 << QStringLiteral("TooManyRequestsException") << true;
    QTest::newRow("408 RequestTimeout")
        << service << 408 << QStringLiteral("RequestTimeout") << true;
    QTest::newRow("400 RequestTimeoutException")
        << service << 400 << QStringLiteral("RequestTimeoutException") << true;
    QTest::newRow("400 PriorRequestNotComplete")
        << service << 400 << QStringLiteral("PriorRequestNotComplete") << true;
    QTest::newRow("400 validation")
        << service << 400 << QStringLiteral("ValidationException") << false;
    QTest::newRow("403 access") << service << 403 << QStringLiteral("AccessDeniedException")
                                << false;
    QTest::newRow("404") << service << 404 << QStringLiteral("ResourceNotFoundException") << false;
    QTest::newRow("409") << service << 409 << QStringLiteral("ConflictException") << false;
    QTest::newRow("network") << int(AwsError::Kind::Network) << 0
                             << QStringLiteral("ConnectionError") << true;
    QTest::newRow("timeout") << int(AwsError::Kind::Timeout) << 0 << QStringLiteral("ReadTimeout")
                             << true;
    QTest::newRow("client") << int(AwsError::Kind::Client) << 200
                            << QStringLiteral("MalformedResponse") << false;
    QTest::newRow("credentials") << int(AwsError::Kind::Credentials) << 0
                                 << QStringLiteral("CredentialsError") << false;
    QTest::newRow("aborted") << int(AwsError::Kind::Aborted) << 0 << QStringLiteral("Aborted")
                             << false;
}

void TestRetryStrategy::retryable()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    AwsError e;
    e.kind = AwsError::Kind(kind);
    e.httpStatus = status;
    e.code = code;
    QCOMPARE(retrystrategy::isRetryable(e), retryable);
}

void TestRetryStrategy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("ceilingMs"); // min(2^(attempt-1), 20) seconds
    QTest::newRow("1") << 1 << qint64(1000);
    QTest::newRow("2") << 2 << qint64(2000);
    QTest::newRow("3") << 3 << qint64(4000);
    QTest::newRow("5") << 5 << qint64(16000);
    QTest::newRow("6 capped") << 6 << qint64(20000);
    QTest::newRow("40 capped") << 40 << qint64(20000);
}

void TestRetryStrategy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(qint64, ceilingMs);
    QCOMPARE(retrystrategy::backoffMs(attempt, 0.0), qint64(0));
    QCOMPARE(retrystrategy::backoffMs(attempt, 0.5), ceilingMs / 2);
    const qint64 nearTop = retrystrategy::backoffMs(attempt, 0.999999);
    QVERIFY(nearTop < ceilingMs);
    QVERIFY(nearTop >= ceilingMs - 1);
    // Out-of-range randomness cannot exceed the ceiling.
    QCOMPARE(retrystrategy::backoffMs(attempt, 7.0), ceilingMs);
    QCOMPARE(retrystrategy::backoffMs(attempt, -1.0), qint64(0));
}

void TestRetryStrategy::quota_data()
{
    // A script: 'r' = retry after an error, 't' = retry after a timeout, 'S' = success of a call
    // that took no retries, digits = success of a call whose retries took that many tokens x5.
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("available");
    QTest::addColumn<int>("refusedRetries");
    QTest::newRow("fresh") << QString() << 500 << 0;
    QTest::newRow("one retry") << QStringLiteral("r") << 495 << 0;
    QTest::newRow("timeout retry") << QStringLiteral("t") << 490 << 0;
    QTest::newRow("success caps at 500") << QStringLiteral("SSS") << 500 << 0;
    QTest::newRow("retry then success refunds") << QStringLiteral("r1") << 500 << 0;
    QTest::newRow("100 retries drain") << QString(100, u'r') << 0 << 0;
    QTest::newRow("101st refused") << QString(101, u'r') << 0 << 1;
    QTest::newRow("timeouts drain faster") << QString(51, u't') << 0 << 1;
    QTest::newRow("9 tokens pay a retry") << QString(99, u'r') + QStringLiteral("SSSSr") << 4 << 0;
    QTest::newRow("4 tokens refuse a timeout")
        << QString(99, u'r') + QStringLiteral("SSSSt") << 9 << 1;
}

void TestRetryStrategy::quota()
{
    QFETCH(QString, script);
    QFETCH(int, available);
    QFETCH(int, refusedRetries);
    RetryQuota q;
    int refused = 0;
    for (const QChar c : std::as_const(script)) {
        if (c == u'r' || c == u't') {
            if (q.acquire(c == u't') == 0)
                ++refused;
        } else if (c == u'S') {
            q.release(0);
        } else {
            q.release(c.digitValue() * RetryQuota::RetryCost);
        }
    }
    QCOMPARE(q.available(), available);
    QCOMPARE(refused, refusedRetries);
}

void TestRetryStrategy::clockSkew_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<qint64>("expectedMs"); // 0: no correction
    QTest::newRow("15 min ahead") << QStringLiteral("InvalidSignatureException")
                                  << QByteArray("Wed, 01 May 2024 12:15:00 GMT")
                                  << qint64(15 * 60 * 1000);
    QTest::newRow("15 min behind")
        << QStringLiteral("SignatureDoesNotMatch") << QByteArray("Wed, 01 May 2024 11:45:00 GMT")
        << qint64(-15 * 60 * 1000);
    QTest::newRow("RequestTimeTooSkewed")
        << QStringLiteral("RequestTimeTooSkewed") << QByteArray("Wed, 01 May 2024 12:04:00 GMT")
        << qint64(4 * 60 * 1000);
    QTest::newRow("under 4 minutes") << QStringLiteral("RequestExpired")
                                     << QByteArray("Wed, 01 May 2024 12:03:59 GMT") << qint64(0);
    QTest::newRow("not a skew code") << QStringLiteral("AccessDeniedException")
                                     << QByteArray("Wed, 01 May 2024 12:15:00 GMT") << qint64(0);
    QTest::newRow("rfc 850 date") << QStringLiteral("AuthFailure")
                                  << QByteArray("Wednesday, 01-May-24 12:10:00 GMT")
                                  << qint64(10 * 60 * 1000);
    QTest::newRow("asctime date") << QStringLiteral("RequestInTheFuture")
                                  << QByteArray("Wed May  1 11:50:00 2024")
                                  << qint64(-10 * 60 * 1000);
    QTest::newRow("garbage date") << QStringLiteral("RequestExpired") << QByteArray("soon")
                                  << qint64(0);
}

void TestRetryStrategy::clockSkew()
{
    QFETCH(QString, code);
    QFETCH(QByteArray, date);
    QFETCH(qint64, expectedMs);
    AwsError e;
    e.kind = AwsError::Kind::Service;
    e.httpStatus = 403;
    e.code = code;
    const QDateTime local(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(retrystrategy::clockSkewMs(e, date, local).value_or(0), expectedMs);
}

void TestRetryStrategy::sdkRequestHeader()
{
    QCOMPARE(retrystrategy::sdkRequestHeader(2, 3), QByteArray("attempt=2; max=3"));
}

QTEST_GUILESS_MAIN(TestRetryStrategy)
#include "tst_retrystrategy.moc"
