#pragma once

#include "credentialsprovider.h"

#include <QList>
#include <QPointer>

#include <functional>

namespace syncdeck::aws {

// Base of the providers that fetch credentials (helper process, STS, SSO portal): caches the
// result, refreshes 15 minutes before it expires, and runs at most one fetch at a time however
// many callers wait. When a refresh fails while the cached credentials are still valid, callers
// get the cached ones (the AWS SDKs' advisory refresh window).
class CachingCredentialsProvider : public CredentialsProvider
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    static constexpr qint64 RefreshMarginSeconds = qint64(15) * 60;

    explicit CachingCredentialsProvider(QObject *parent = nullptr);

    void resolve(QObject *context, Callback done) final;
    void invalidate() override;

    // The time source for expiry decisions (tests pass a fixed clock).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }
    // Number of fetches started so far (for `configure list` diagnostics and tests).
    int fetchCount() const { return m_fetchCount; }

protected:
    // Starts one asynchronous fetch; the implementation calls fetchFinished() exactly once.
    virtual void fetch() = 0;
    void fetchFinished(const CredentialsResult &result);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    void deliver(const CredentialsResult &result);

    Clock m_clock;
    Credentials m_cached;
    QList<Waiter> m_waiters;
    bool m_fetching = false;
    int m_fetchCount = 0;
};

} // namespace syncdeck::aws
