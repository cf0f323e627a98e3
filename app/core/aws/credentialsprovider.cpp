#include "credentialsprovider.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QTimer>

namespace syncdeck::aws {

std::optional<CredentialsResult> resolveBlocking(CredentialsProvider *provider, int guardMs)
{
    std::optional<CredentialsResult> result;
    QEventLoop loop;
    provider->resolve(&loop, [&](const CredentialsResult &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(guardMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result;
}

StaticCredentialsProvider::StaticCredentialsProvider(Credentials credentials, QObject *parent)
    : CredentialsProvider(parent)
    , m_credentials(std::move(credentials))
{ }

void StaticCredentialsProvider::resolve(QObject *context, Callback done)
{
    CredentialsResult result;
    if (m_credentials.isValid()) {
        result.credentials = m_credentials;
    } else {
        result.error = {CredentialsError::Kind::NotFound,
                        QStringLiteral("no access key id and secret access key were given"),
                        QStringLiteral("Enter both keys, or choose a profile.")};
    }
    // Queued even though the answer is known: callers rely on resolve() never re-entering them.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

QString StaticCredentialsProvider::description() const
{
    return m_credentials.source.isEmpty() ? QStringLiteral("static keys") : m_credentials.source;
}

} // namespace syncdeck::aws
