#include "cacheschema.h"

#include "cacheconnection.h"
#include "historycache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

#include <array>

namespace syncdeck::cache {

namespace {

// The schema, one migration per version, applied in order inside one transaction. Migrations
// only add (tables, columns, indices) so that older SyncDecks can still read the file.
//
// Storage is compact on purpose (the goal is < 300 bytes a job): jobs are a WITHOUT ROWID table
// keyed by (source, execution id), a canonical UUID execution id is stored as 16 bytes, times are
// integers of ms, absent values are NULL (no bytes), and every error text, error code and unknown
// status is stored once in `texts` and referenced by number.
//   jobs.status: 0 absent, 1..7 a known SyncStatus, -N the unknown wire value texts.id = N.
//   jobs.kept_since_ms: when a listing that reached its end stopped returning the job (NULL while
//   the service returns it).
//   coverage: ranges of start times (NULL: unbounded) whose jobs the cache holds completely.
QStringList migration(int version)
{
    switch (version) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE endpoints (id INTEGER PRIMARY KEY, "
                           "identity TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE TABLE sources (id INTEGER PRIMARY KEY, "
                           "endpoint INTEGER NOT NULL, application_id TEXT NOT NULL, "
                           "index_id TEXT NOT NULL, data_source_id TEXT NOT NULL, "
                           "refreshed_ms INTEGER, "
                           "UNIQUE (endpoint, application_id, index_id, data_source_id))"),
            QStringLiteral("CREATE TABLE coverage (source INTEGER NOT NULL, from_ms INTEGER, "
                           "to_ms INTEGER)"),
            QStringLiteral("CREATE INDEX coverage_by_source ON coverage (source)"),
            QStringLiteral("CREATE TABLE texts (id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, "
                           "text TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX texts_by_hash ON texts (hash)"),
            QStringLiteral("CREATE TABLE jobs (source INTEGER NOT NULL, execution_id NOT NULL, "
                           "start_ms INTEGER, end_ms INTEGER, status INTEGER NOT NULL, "
                           "error_code INTEGER, error_message INTEGER, "
                           "data_source_error_code INTEGER, added INTEGER, modified INTEGER, "
                           "deleted INTEGER, failed INTEGER, scanned INTEGER, "
                           "kept_since_ms INTEGER, PRIMARY KEY (source, execution_id)) "
                           "WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX jobs_by_start ON jobs (source, start_ms, execution_id)"),
            QStringLiteral("PRAGMA application_id = %1").arg(HistoryCache::ApplicationId),
        };
    case 2:
        // Resource names for the pickers, per endpoint, in the order the service listed them;
        // resource_listings says when each list (by its parent: "", "app", "app/index") was read.
        return {
            QStringLiteral("CREATE TABLE applications (endpoint INTEGER NOT NULL, "
                           "application_id TEXT NOT NULL, position INTEGER NOT NULL, "
                           "display_name TEXT, status TEXT, identity_type TEXT, "
                           "created_ms INTEGER, updated_ms INTEGER, "
                           "PRIMARY KEY (endpoint, application_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE indices (endpoint INTEGER NOT NULL, "
                           "application_id TEXT NOT NULL, index_id TEXT NOT NULL, "
                           "position INTEGER NOT NULL, display_name TEXT, status TEXT, "
                           "created_ms INTEGER, updated_ms INTEGER, "
                           "PRIMARY KEY (endpoint, application_id, index_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE data_sources (endpoint INTEGER NOT NULL, "
                           "application_id TEXT NOT NULL, index_id TEXT NOT NULL, "
                           "data_source_id TEXT NOT NULL, position INTEGER NOT NULL, "
                           "display_name TEXT, type TEXT, status TEXT, created_ms INTEGER, "
                           "updated_ms INTEGER, "
                           "PRIMARY KEY (endpoint, application_id, index_id, data_source_id)) "
                           "WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE resource_listings (endpoint INTEGER NOT NULL, "
                           "parent TEXT NOT NULL, listed_ms INTEGER NOT NULL, "
                           "PRIMARY KEY (endpoint, parent)) WITHOUT ROWID"),
        };
    case 3:
        // The fleet overview's health rows per endpoint, in the scan's order (row: every member,
        // fleetrowcodec), and when each endpoint's rows were scanned.
        return {
            QStringLiteral("CREATE TABLE fleet_rows (endpoint INTEGER NOT NULL, "
                           "position INTEGER NOT NULL, row BLOB NOT NULL, "
                           "PRIMARY KEY (endpoint, position)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE fleet_scans (endpoint INTEGER PRIMARY KEY, "
                           "scanned_ms INTEGER NOT NULL)"),
        };
    default:
        return {};
    }
}

} // namespace

OpenReport CacheSchema::open(const QString &directory, const QString &path, int busyTimeoutMs)
{
    m_path = path;
    m_busyTimeoutMs = busyTimeoutMs;
    m_db.markClosed();
    m_db.setError({});
    OpenReport report;
    if (openFile(directory, &report))
        return report;
    m_db.disconnect();
    m_db.markClosed();
    report.outcome = OpenReport::Outcome::Failed;
    report.message = m_db.error();
    return report;
}

bool CacheSchema::openFile(const QString &directory, OpenReport *report)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_db.setError(QStringLiteral("the history cache needs Qt's SQLite driver (QSQLITE), "
                                     "which is not installed (Debian: libqt6sql6-sqlite)"));
        return false;
    }
    if (!QDir().mkpath(directory)) {
        m_db.setError(QStringLiteral("cannot create the cache folder %1; check its permissions "
                                     "or choose another folder")
                          .arg(QDir::toNativeSeparators(directory)));
        return false;
    }
    int version = 0;
    QString reason;
    FileState state = inspect(&version, &reason);
    report->fileSchemaVersion = version;
    if (state == FileState::Unreadable)
        return false;
    if (state == FileState::Newer)
        return openReadOnly(version, report);
    if (state == FileState::Damaged || state == FileState::Foreign) {
        const QString what
            = state == FileState::Damaged ? QStringLiteral("damaged (%1)").arg(reason) : reason;
        if (!moveAside(what, report))
            return false;
        state = inspect(&version, &reason);
        if (state != FileState::New) {
            if (m_db.error().isEmpty())
                m_db.setError(reason);
            return false;
        }
    }
    const bool fresh = state == FileState::New;
    if (!initialize(fresh) || !migrate())
        return false;
    report->outcome = !report->movedAsideTo.isEmpty() ? OpenReport::Outcome::Rebuilt
        : fresh                                       ? OpenReport::Outcome::Created
                                                      : OpenReport::Outcome::Opened;
    m_db.markOpen(QThread::currentThread(), {});
    return true;
}

// Readable (migrations only add), never written: an older SyncDeck must not undo what a newer
// one did.
bool CacheSchema::openReadOnly(int version, OpenReport *report)
{
    if (!m_db.connect(m_path, m_busyTimeoutMs, true))
        return false;
    report->outcome = OpenReport::Outcome::ReadOnly;
    report->message
        = QStringLiteral("The history cache %1 was written by a newer SyncDeck (schema %2; this "
                         "one knows up to %3). It is opened read only: cached history is shown "
                         "but not updated. Update SyncDeck, or use another cache folder.")
              .arg(QDir::toNativeSeparators(m_path))
              .arg(version)
              .arg(HistoryCache::SchemaVersion);
    m_db.markOpen(QThread::currentThread(), report->message);
    return true;
}

bool CacheSchema::quickCheck(QString *reason)
{
    std::optional<QSqlQuery> q
        = m_db.query(QStringLiteral("PRAGMA quick_check(5)"), QStringLiteral("checking"));
    if (!q) {
        *reason = m_db.error();
        return false;
    }
    QStringList findings;
    while (q->next())
        findings << q->value(0).toString();
    if (findings == QStringList {QStringLiteral("ok")})
        return true;
    *reason = QStringLiteral("integrity check: ") + findings.join(QStringLiteral("; "));
    return false;
}

// What the file at the path is, read over a fresh read-write connection.
CacheSchema::FileState CacheSchema::inspect(int *version, QString *reason)
{
    if (!QFileInfo::exists(m_path)) {
        // Created here so that it is private from the start; SQLite gives its log the same mode.
        QFile created(m_path);
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            created.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (!m_db.connect(m_path, m_busyTimeoutMs, false))
        return FileState::Unreadable;
    if (QFileInfo(m_path).size() == 0)
        return FileState::New;
    std::array<qint64, 3> facts {};
    const std::array<const char *, 3> pragmas
        = {"PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_master"};
    for (size_t i = 0; i < facts.size(); ++i) {
        // Not through query(): a damaged file is no error to report, it is moved aside.
        QSqlQuery q(m_db.database());
        q.setForwardOnly(true);
        if (!q.exec(QString::fromLatin1(pragmas[i])) || !q.next()) {
            *reason = q.lastError().databaseText();
            const int code = sqliteCode(q.lastError());
            if (code == SqliteCorrupt || code == SqliteNotADatabase)
                return FileState::Damaged;
            m_db.fail(q.lastError(), QStringLiteral("opening"));
            return FileState::Unreadable;
        }
        facts[i] = q.value(0).toLongLong();
        q.finish();
    }
    *version = int(facts[1]);
    if (facts[0] != HistoryCache::ApplicationId) {
        if (facts[0] == 0 && facts[1] == 0 && facts[2] == 0)
            return FileState::New; // an empty SQLite file: made ours below
        *reason = QStringLiteral("not a SyncDeck cache (application id %1, %2 tables)")
                      .arg(facts[0])
                      .arg(facts[2]);
        return FileState::Foreign;
    }
    if (*version > HistoryCache::SchemaVersion)
        return FileState::Newer;
    return quickCheck(reason) ? FileState::Usable : FileState::Damaged;
}

// WAL, and for a new file incremental auto-vacuum, which only takes effect before the first
// table exists. Neither can change inside a transaction.
bool CacheSchema::initialize(bool fresh)
{
    if (fresh
        && !m_db.run(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
                     QStringLiteral("creating the cache")))
        return false;
    // NORMAL is safe with WAL: a crash of SyncDeck loses nothing committed; a power cut may
    // lose the last commits, never the database.
    return m_db.run(QStringLiteral("PRAGMA journal_mode = WAL"),
                    QStringLiteral("switching to write-ahead logging"))
        && m_db.run(QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("configuring"));
}

// Brings the schema to SchemaVersion in one transaction (another process may have done it
// meanwhile: the version is read again under the write lock).
bool CacheSchema::migrate()
{
    CacheConnection::Transaction tx(m_db);
    if (!tx.begin(true))
        return false;
    const std::optional<qint64> current
        = m_db.scalar(QStringLiteral("PRAGMA user_version"), QStringLiteral("reading the schema"));
    if (!current)
        return false;
    if (*current >= HistoryCache::SchemaVersion)
        return tx.commit();
    for (int v = int(*current) + 1; v <= HistoryCache::SchemaVersion; ++v) {
        const QStringList steps = migration(v);
        for (const QString &sql : steps) {
            if (!m_db.run(sql, QStringLiteral("upgrading the cache to schema %1").arg(v)))
                return false;
        }
    }
    return m_db.run(QStringLiteral("PRAGMA user_version = %1").arg(HistoryCache::SchemaVersion),
                    QStringLiteral("upgrading the cache"))
        && tx.commit();
}

bool CacheSchema::moveAside(const QString &reason, OpenReport *report)
{
    m_db.disconnect();
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = m_path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = m_path + QStringLiteral(".broken-%1-%2").arg(stamp).arg(n);
    // The write-ahead log and its index belong to the old file: never let them meet the new one.
    for (const QLatin1StringView suffix :
         {QLatin1StringView(""), QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
        if (!QFileInfo::exists(m_path + suffix))
            continue;
        if (!QFile::rename(m_path + suffix, aside + suffix) && !suffix.isEmpty())
            QFile::remove(m_path + suffix);
    }
    if (QFileInfo::exists(m_path)) {
        m_db.setError(QStringLiteral("the history cache %1 is unusable (%2) and could not be "
                                     "moved aside; remove it, or choose another cache folder")
                          .arg(QDir::toNativeSeparators(m_path), reason));
        return false;
    }
    report->movedAsideTo = aside;
    report->message
        = QStringLiteral("The history cache %1 was %2; it was moved to %3 and a new, "
                         "empty cache was started. History is fetched from the "
                         "service again.")
              .arg(QDir::toNativeSeparators(m_path), reason, QDir::toNativeSeparators(aside));
    return true;
}

} // namespace syncdeck::cache
