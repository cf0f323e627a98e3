#pragma once

#include "cachetypes.h"

namespace syncdeck::cache {

class CacheConnection;

// Opening the cache file: what it holds (new, a SyncDeck cache, one of a newer SyncDeck, a
// foreign or damaged file), moving an unusable file aside, write-ahead logging, and the schema
// migrations (PRAGMA user_version).
class CacheSchema
{
public:
    explicit CacheSchema(CacheConnection &db)
        : m_db(db)
    { }

    // Opens (creating, migrating or rebuilding) the cache file `path` in `directory` on the
    // connection, as HistoryCache::open() describes, and marks the connection open; on failure
    // it is closed and the report's message (also the connection's error) says why.
    OpenReport open(const QString &directory, const QString &path, int busyTimeoutMs);

private:
    enum class FileState { New, Usable, Newer, Foreign, Damaged, Unreadable };
    bool openFile(const QString &directory, OpenReport *report);
    FileState inspect(int *version, QString *reason);
    bool quickCheck(QString *reason);
    bool openReadOnly(int version, OpenReport *report);
    bool initialize(bool fresh);
    bool migrate();
    bool moveAside(const QString &reason, OpenReport *report);

    CacheConnection &m_db;
    QString m_path;
    int m_busyTimeoutMs = 0;
};

} // namespace syncdeck::cache
