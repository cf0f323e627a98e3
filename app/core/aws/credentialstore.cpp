#include "credentialstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#ifdef SYNCDECK_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace syncdeck::aws {
namespace {

template<typename Result>
void answer(QObject *context, std::function<void(const Result &)> done, const Result &result)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

QString memoryMessage(const QString &why)
{
    return QStringLiteral("No keychain service is available") + why
        + QStringLiteral(": the keys are kept in memory for this session only and must be "
                         "entered again after SyncDeck quits.");
}

#ifdef SYNCDECK_HAVE_QTKEYCHAIN
QByteArray serialize(const Credentials &c)
{
    QJsonObject o {{QStringLiteral("accessKeyId"), c.accessKeyId},
                   {QStringLiteral("secretAccessKey"), c.secretAccessKey.reveal()}};
    if (c.hasSessionToken())
        o.insert(QStringLiteral("sessionToken"), c.sessionToken.reveal());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Credentials> deserialize(const QByteArray &bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    Credentials c;
    c.accessKeyId = o.value(QLatin1String("accessKeyId")).toString();
    c.secretAccessKey = SecretString(o.value(QLatin1String("secretAccessKey")).toString());
    c.sessionToken = SecretString(o.value(QLatin1String("sessionToken")).toString());
    c.source = QStringLiteral("keychain");
    if (!c.isValid())
        return std::nullopt;
    return c;
}
#endif

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

bool CredentialStore::keychainSupported()
{
#ifdef SYNCDECK_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString CredentialStore::keyFor(const QString &name) const
{
    return QStringLiteral("aws-credentials/") + name;
}

void CredentialStore::save(const QString &name, const Credentials &credentials, QObject *context,
                           std::function<void(const SaveResult &)> done)
{
    QPointer<QObject> guard(context);
#ifdef SYNCDECK_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false); // never a plain-text QSettings copy
    job->setKey(keyFor(name));
    job->setBinaryData(serialize(credentials));
    connect(job, &QKeychain::Job::finished, this,
            [this, name, credentials, guard, done = std::move(done)](QKeychain::Job *j) {
                SaveResult result;
                if (j->error() == QKeychain::NoError) {
                    m_memory.remove(name);
                    result = {Storage::Keychain,
                              QStringLiteral("The keys are stored in the system keychain.")};
                } else {
                    m_memory.insert(name, credentials);
                    result = {Storage::SessionMemory,
                              memoryMessage(QStringLiteral(" (") + j->errorString() + u')')};
                }
                answer(guard.data(), done, result);
            });
    job->start();
#else
    m_memory.insert(name, credentials);
    answer<SaveResult>(guard.data(), std::move(done),
                       {Storage::SessionMemory,
                        memoryMessage(QStringLiteral(" (SyncDeck was built without qtkeychain)"))});
#endif
}

void CredentialStore::load(const QString &name, QObject *context,
                           std::function<void(const LoadResult &)> done)
{
    QPointer<QObject> guard(context);
    if (m_memory.contains(name)) {
        answer<LoadResult>(guard.data(), std::move(done),
                           {m_memory.value(name), Storage::SessionMemory, {}});
        return;
    }
#ifdef SYNCDECK_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(keyFor(name));
    connect(job, &QKeychain::Job::finished, this,
            [job, guard, done = std::move(done)](QKeychain::Job *j) {
                LoadResult result;
                if (j->error() == QKeychain::NoError) {
                    result = {deserialize(job->binaryData()), Storage::Keychain, {}};
                } else if (j->error() == QKeychain::EntryNotFound) {
                    result = {std::nullopt, Storage::Keychain, {}};
                } else {
                    result = {std::nullopt, Storage::SessionMemory,
                              memoryMessage(QStringLiteral(" (") + j->errorString() + u')')};
                }
                answer(guard.data(), done, result);
            });
    job->start();
#else
    answer<LoadResult>(guard.data(), std::move(done), {std::nullopt, Storage::SessionMemory, {}});
#endif
}

void CredentialStore::remove(const QString &name, QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    m_memory.remove(name);
#ifdef SYNCDECK_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(keyFor(name));
    connect(job, &QKeychain::Job::finished, this, [guard, done = std::move(done)] {
        if (guard)
            QMetaObject::invokeMethod(guard.data(), done, Qt::QueuedConnection);
    });
    job->start();
#else
    if (guard)
        QMetaObject::invokeMethod(guard.data(), std::move(done), Qt::QueuedConnection);
#endif
}

} // namespace syncdeck::aws
