#include "cachingcredentialsprovider.h"

#include <QMetaObject>

namespace syncdeck::aws {

CachingCredentialsProvider::CachingCredentialsProvider(QObject *parent)
    : CredentialsProvider(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

void CachingCredentialsProvider::resolve(QObject *context, Callback done)
{
    if (m_cached.isValid() && !m_cached.expiresWithin(now(), RefreshMarginSeconds)) {
        CredentialsResult result {m_cached, {}};
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (m_fetching)
        return;
    m_fetching = true;
    ++m_fetchCount;
    // Queued so that fetch() never runs inside the caller's stack (resolve() must not re-enter).
    QMetaObject::invokeMethod(this, &CachingCredentialsProvider::fetch, Qt::QueuedConnection);
}

void CachingCredentialsProvider::invalidate()
{
    m_cached = {};
}

void CachingCredentialsProvider::fetchFinished(const CredentialsResult &fetched)
{
    m_fetching = false;
    CredentialsResult result = fetched;
    if (!result.error.isError() && result.credentials.expiresWithin(now(), 0)) {
        // Using them would only produce signature errors later, far from the cause.
        result
            = {{},
               {CredentialsError::Kind::Expired,
                description() + QStringLiteral(": the credentials received had already expired (")
                    + result.credentials.expiration.toUTC().toString(Qt::ISODate)
                    + QStringLiteral(", now ") + now().toUTC().toString(Qt::ISODate) + u')',
                QStringLiteral("Check the system clock, then retry.")}};
    }
    if (!result.error.isError() && result.credentials.isValid()) {
        m_cached = result.credentials;
        deliver(result);
        return;
    }
    // A failed advisory refresh: the old credentials are still good for a while.
    if (m_cached.isValid() && !m_cached.expiresWithin(now(), 0)) {
        deliver({m_cached, {}});
        return;
    }
    m_cached = {};
    deliver(result);
}

void CachingCredentialsProvider::deliver(const CredentialsResult &result)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (!w.context)
            continue;
        QMetaObject::invokeMethod(
            w.context.data(), [done = w.done, result] { done(result); }, Qt::QueuedConnection);
    }
}

} // namespace syncdeck::aws
