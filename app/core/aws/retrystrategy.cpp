#include "retrystrategy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace syncdeck::aws::retrystrategy {
namespace {
template<std::size_t N>
bool contains(const char *const (&list)[N], const QString &code)
{
    return std::any_of(std::begin(list), std::end(list),
                       [&code](const char *c) { return code == QLatin1String(c); });
}
} // namespace

bool isThrottlingCode(const QString &code)
{
    static const char *const Codes[] = {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    };
    return contains(Codes, code);
}

bool isTransientCode(const QString &code)
{
    static const char *const Codes[] = {
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
    };
    return contains(Codes, code);
}

bool isClockSkewCode(const QString &code)
{
    static const char *const Codes[] = {
        "RequestTimeTooSkewed",      "RequestExpired",        "RequestInTheFuture",
        "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    };
    return contains(Codes, code);
}

bool isRetryable(const AwsError &error)
{
    switch (error.kind) {
    case AwsError::Kind::Network:
    case AwsError::Kind::Timeout:
        return true;
    case AwsError::Kind::Service:
        break;
    case AwsError::Kind::None:
    case AwsError::Kind::Credentials:
    case AwsError::Kind::Client:
    case AwsError::Kind::Aborted:
        return false;
    }
    switch (error.httpStatus) {
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        break;
    }
    return isThrottlingCode(error.code) || isTransientCode(error.code);
}

qint64 backoffMs(int attempt, double random01)
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceiling = std::min(std::ldexp(1.0, exponent), MaxBackoffSeconds);
    const double r = std::clamp(random01, 0.0, 1.0);
    return qint64(std::floor(r * ceiling * 1000.0));
}

QDateTime parseHttpDate(const QByteArray &httpDate)
{
    QString s = QString::fromLatin1(httpDate).simplified();
    // The weekday is redundant, and Qt would check it against a two-digit year's century.
    const qsizetype space = s.indexOf(u' ');
    if (space < 0)
        return {};
    s = s.mid(space + 1);
    const QLocale c = QLocale::c();
    // IMF-fixdate, then the two obsolete forms RFC 9110 says recipients must accept.
    static const char *const Formats[] = {
        "dd MMM yyyy HH:mm:ss 'GMT'",
        "dd-MMM-yy HH:mm:ss 'GMT'",
        "MMM d HH:mm:ss yyyy",
    };
    for (const char *f : Formats) {
        QDateTime t = c.toDateTime(s, QString::fromLatin1(f));
        if (t.isValid()) {
            if (t.date().year() < 1970)
                t = t.addYears(100); // two-digit years of RFC 850 are this century
            t.setTimeSpec(Qt::UTC);
            return t;
        }
    }
    return {};
}

std::optional<qint64> clockSkewMs(const AwsError &error, const QByteArray &httpDate,
                                  const QDateTime &localNow)
{
    if (error.kind != AwsError::Kind::Service || !isClockSkewCode(error.code))
        return std::nullopt;
    const QDateTime server = parseHttpDate(httpDate);
    if (!server.isValid() || !localNow.isValid())
        return std::nullopt;
    const qint64 skew = localNow.msecsTo(server);
    constexpr qint64 Threshold = 4 * 60 * 1000;
    if (std::llabs(skew) < Threshold)
        return std::nullopt;
    return skew;
}

bool isThrottle(const AwsError &error)
{
    return error.kind == AwsError::Kind::Service
        && (error.httpStatus == 429 || isThrottlingCode(error.code));
}

RetryDecision decide(AwsError *error, int attempt, int maxAttempts, bool clockCorrected,
                     RetryQuota *quota, const std::function<qint64(int attempt)> &backoff)
{
    // A TLS failure is a connection error, but retrying it cannot make the certificate right.
    error->retryable
        = (isRetryable(*error) && error->code != QLatin1String("TlsError")) || clockCorrected;
    RetryDecision d;
    if (clockCorrected && attempt < maxAttempts) {
        d.retry = true;
        d.logText = QStringLiteral("retrying at once with the corrected time");
        return d;
    }
    if (error->retryable && attempt < maxAttempts) {
        const int tokens = quota->acquire(error->kind == AwsError::Kind::Timeout);
        if (tokens == 0) {
            d.logText = QStringLiteral("not retrying: the retry quota is exhausted");
            error->nextStep = QStringLiteral("The service has been failing for a while; wait a "
                                             "minute and try again.");
            return d;
        }
        d.retry = true;
        d.quotaTokens = tokens;
        d.delayMs = std::clamp<qint64>(backoff(attempt), 0, qint64(MaxBackoffSeconds * 1000));
        d.logText = QStringLiteral("retrying in %1 ms").arg(d.delayMs);
        return d;
    }
    d.logText = QStringLiteral("giving up");
    if (error->retryable && maxAttempts > 1 && error->nextStep.isEmpty())
        error->nextStep = QStringLiteral("%1 attempts failed; try again later, or raise "
                                         "max_attempts (AWS_MAX_ATTEMPTS).")
                              .arg(attempt);
    return d;
}

QByteArray sdkRequestHeader(int attempt, int maxAttempts)
{
    return "attempt=" + QByteArray::number(attempt) + "; max=" + QByteArray::number(maxAttempts);
}

} // namespace syncdeck::aws::retrystrategy
