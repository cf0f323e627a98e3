#pragma once

#include "credentials.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace syncdeck::aws {

// Keys typed into the GUI by users without ~/.aws: kept in the OS keychain (qtkeychain: Secret
// Service/KWallet, macOS Keychain, Windows Credential Manager), never in QSettings or a file.
// Without a keychain service (no D-Bus secret service, as on CI machines) they are kept in memory
// for this session only, and every result says which happened so the UI can tell the user.
// Asynchronous: each call answers exactly once, later, on `context`'s thread (never if `context`
// is gone by then).
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Storage {
        Keychain, // the OS keychain holds the keys
        SessionMemory, // only this process holds them; gone when SyncDeck quits
    };
    struct SaveResult
    {
        Storage storage = Storage::SessionMemory;
        QString message; // for the user: where the keys went and, for memory, why
    };
    struct LoadResult
    {
        std::optional<Credentials> credentials; // nullopt: nothing stored under that name
        Storage storage = Storage::SessionMemory;
        QString message; // set when the keychain could not be asked
    };

    explicit CredentialStore(QString service = QStringLiteral("SyncDeck"),
                             QObject *parent = nullptr);

    void save(const QString &name, const Credentials &credentials, QObject *context,
              std::function<void(const SaveResult &)> done);
    void load(const QString &name, QObject *context, std::function<void(const LoadResult &)> done);
    void remove(const QString &name, QObject *context, std::function<void()> done);

    // False when SyncDeck was built without qtkeychain: everything stays in memory.
    static bool keychainSupported();

private:
    QString keyFor(const QString &name) const;

    QString m_service;
    QHash<QString, Credentials> m_memory;
};

} // namespace syncdeck::aws
