// Keys typed into the GUI: keychain when there is one, memory for the session otherwise, and
// the result always says which.
#include "testsupport.h"

#include "aws/credentialstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace syncdeck::aws;

class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void withoutKeychainKeysStayInMemory();
    void loadUnknownName();
    void callerGoneIsNotCalled();

private:
    QTemporaryDir m_dir;
};

void TestCredentialStore::initTestCase()
{
    // No secret service on this bus address: the same situation as a CI machine, made certain
    // even where the developer's desktop has a keychain (which this test must never touch).
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            "unix:path=" + QFile::encodeName(m_dir.filePath(QStringLiteral("no-bus"))));
}

void TestCredentialStore::withoutKeychainKeysStayInMemory()
{
    CredentialStore store(QStringLiteral("SyncDeckTest"));
    Credentials c;
    c.accessKeyId = QStringLiteral("AKIDTYPEDIN");
    c.secretAccessKey = SecretString(QStringLiteral("typed-secret"));
    c.sessionToken = SecretString(QStringLiteral("typed-token"));

    QObject context;
    std::optional<CredentialStore::SaveResult> saved;
    store.save(QStringLiteral("work"), c, &context,
               [&saved](const CredentialStore::SaveResult &r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 30000);
    QCOMPARE(saved->storage, CredentialStore::Storage::SessionMemory);
    QVERIFY2(saved->message.contains(QStringLiteral("kept in memory for this session only")),
             qPrintable(saved->message));
    QVERIFY(!saved->message.contains(QStringLiteral("typed-secret")));

    std::optional<CredentialStore::LoadResult> loaded;
    store.load(QStringLiteral("work"), &context,
               [&loaded](const CredentialStore::LoadResult &r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    QVERIFY(loaded->credentials);
    QCOMPARE(loaded->credentials->accessKeyId, QStringLiteral("AKIDTYPEDIN"));
    QCOMPARE(loaded->credentials->secretAccessKey.reveal(), QStringLiteral("typed-secret"));
    QCOMPARE(loaded->credentials->sessionToken.reveal(), QStringLiteral("typed-token"));
    QCOMPARE(loaded->storage, CredentialStore::Storage::SessionMemory);

    // Another store (a new session) has nothing: the keys never reached a disk.
    CredentialStore next(QStringLiteral("SyncDeckTest"));
    loaded.reset();
    next.load(QStringLiteral("work"), &context,
              [&loaded](const CredentialStore::LoadResult &r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    QVERIFY(!loaded->credentials);

    bool removed = false;
    store.remove(QStringLiteral("work"), &context, [&removed] { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 30000);
    loaded.reset();
    store.load(QStringLiteral("work"), &context,
               [&loaded](const CredentialStore::LoadResult &r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    QVERIFY(!loaded->credentials);
}

void TestCredentialStore::loadUnknownName()
{
    CredentialStore store(QStringLiteral("SyncDeckTest"));
    QObject context;
    std::optional<CredentialStore::LoadResult> loaded;
    store.load(QStringLiteral("never-saved"), &context,
               [&loaded](const CredentialStore::LoadResult &r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    QVERIFY(!loaded->credentials);
    if (CredentialStore::keychainSupported())
        QVERIFY2(loaded->message.contains(QStringLiteral("No keychain service is available")),
                 qPrintable(loaded->message));
}

void TestCredentialStore::callerGoneIsNotCalled()
{
    CredentialStore store(QStringLiteral("SyncDeckTest"));
    Credentials c;
    c.accessKeyId = QStringLiteral("A");
    c.secretAccessKey = SecretString(QStringLiteral("B"));
    auto *context = new QObject;
    bool called = false;
    store.save(QStringLiteral("x"), c, context,
               [&called](const CredentialStore::SaveResult &) { called = true; });
    delete context;
    // Give any pending keychain job time to finish; the callback must still not run.
    QObject probe;
    std::optional<CredentialStore::LoadResult> loaded;
    store.load(QStringLiteral("x"), &probe,
               [&loaded](const CredentialStore::LoadResult &r) { loaded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    syncdeck::test::processQueuedEvents(); // an answer to the dead context would be queued
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
