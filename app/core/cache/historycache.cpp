#include "historycache.h"

#include "fleetrowcodec.h"

#include "aws/jsonwriter.h"
#include "qbusiness/jsoncodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QtEndian>

#include <array>
#include <atomic>

namespace syncdeck::cache {

using qbusiness::SyncJob;
using qbusiness::SyncStatus;

namespace {

constexpr char Driver[] = "QSQLITE";

// SQLite's primary result codes that change what SyncDeck says or does.
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADatabase = 26,
};

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

// The columns a SyncJob is read from, in unpack() order.
constexpr char JobColumns[] = "execution_id, start_ms, end_ms, status, error_code, error_message, "
                              "data_source_error_code, added, modified, deleted, failed, scanned";
constexpr int ValueCount = 11; // JobColumns after execution_id

// A job as its columns hold it (text references already interned).
struct PackedJob
{
    std::array<std::optional<qint64>, ValueCount> values;
    friend bool operator==(const PackedJob &, const PackedJob &) = default;
};

enum Value {
    StartMs,
    EndMs,
    Status,
    ErrorCode,
    ErrorMessage,
    DataSourceErrorCode,
    Added,
    Modified,
    Deleted,
    Failed,
    Scanned,
};

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariant variant(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> msOf(const QDateTime &t)
{
    return t.isValid() ? std::optional<qint64>(t.toMSecsSinceEpoch()) : std::nullopt;
}

// As the JSON codec reads them: UTC.
QDateTime timeOf(const std::optional<qint64> &ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime();
}

// A canonical (lowercase, hyphenated) UUID is kept as its 16 bytes; anything else as text.
QVariant idKey(const QString &executionId)
{
    if (executionId.size() == 36) {
        const QUuid uuid = QUuid::fromString(executionId);
        if (!uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == executionId)
            return uuid.toRfc4122();
    }
    return executionId;
}

QString idText(const QVariant &key)
{
    if (key.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = key.toByteArray();
        if (bytes.size() == 16)
            return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }
    return key.toString();
}

// Texts are found by a hash kept in an index: the text itself is stored once, in the table.
qint64 textHash(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
    return qFromBigEndian<qint64>(digest.constData());
}

// "status IN (1, 2, ...)" over the final statuses: one definition (isFinalStatus) of which
// statuses no longer change.
QString finalStatusList()
{
    QStringList codes;
    for (const SyncStatus s : qbusiness::knownSyncStatuses()) {
        if (qbusiness::isFinalStatus(s))
            codes << QString::number(int(s));
    }
    return codes.join(QStringLiteral(", "));
}

// The SQL condition of a start-time range (see TimeRange), with its bound values.
QString rangeCondition(const TimeRange &range, QVariantList *binds)
{
    QString sql;
    if (range.fromMs) {
        sql += QStringLiteral(" AND start_ms >= ?");
        binds->append(*range.fromMs);
    }
    if (range.toMs) {
        sql += range.fromMs ? QStringLiteral(" AND start_ms <= ?")
                            : QStringLiteral(" AND (start_ms IS NULL OR start_ms <= ?)");
        binds->append(*range.toMs);
    }
    return sql;
}

std::atomic<quint64> connectionCounter {0};

} // namespace

// ---------------------------------------------------------------------------------------------

struct HistoryCache::Private
{
    enum StatementId {
        BeginWrite,
        BeginRead,
        Commit,
        Rollback,
        DataVersion,
        FindText,
        InsertText,
        TextById,
        InsertJob,
        UpdateJob,
        HeldJob,
        SelectCoverage,
        DeleteCoverage,
        InsertCoverage,
        StatementCount
    };

    // One transaction; rolled back unless committed. Writers take the write lock up front
    // (BEGIN IMMEDIATE), so they wait for each other on the busy timeout instead of failing when
    // a read turns into a write.
    class Transaction
    {
    public:
        explicit Transaction(Private *d)
            : d(d)
        { }
        ~Transaction()
        {
            if (m_active) {
                QSqlQuery &rollback = d->statement(Rollback, "ROLLBACK");
                rollback.exec();
                rollback.finish();
            }
        }
        bool begin(bool write);
        bool commit();

    private:
        Private *d;
        bool m_active = false;
    };

    QString connection;
    QThread *thread = nullptr;
    QString directory;
    QString path;
    int busyTimeoutMs = 0;
    bool isOpen = false;
    bool readOnly = false;
    OpenReport report;
    QString error;
    // Caches of immutable rows, dropped whenever another connection committed (data_version).
    qint64 dataVersion = -1;
    QHash<QString, qint64> textIds;
    QHash<qint64, QString> texts;
    QHash<DataSourceKey, qint64> sourceIds;
    QHash<qint64, QList<TimeRange>> coverages;
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> statements;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }
    QSqlQuery &statement(StatementId id, const char *sql);
    void dropCaches();

    bool usable(bool write);
    bool fail(const QSqlError &e, const QString &doing);
    bool exec(QSqlQuery &q, const QString &doing);
    bool run(const QString &sql, const QString &doing, const QVariantList &binds = {},
             bool quiet = false);
    std::optional<qint64> scalar(const QString &sql, const QString &doing,
                                 const QVariantList &binds = {});

    // Opening.
    enum class FileState { New, Usable, Newer, Foreign, Damaged, Unreadable };
    bool connect(bool readOnlyConnection);
    void disconnect();
    FileState inspect(int *version, QString *reason);
    bool quickCheck(QString *reason);
    bool initialize(bool fresh);
    bool migrate();
    bool moveAside(const QString &reason);

    // Rows.
    qint64 sourceId(const DataSourceKey &key, bool create);
    std::optional<qint64> endpointId(const QString &identity, bool create);
    // The id of a text, stored when new (create) or 0 when absent; nullopt on error.
    std::optional<qint64> internText(const QString &text, bool create = true);
    std::optional<qint64> textRef(const QString &text); // 0 for an empty text
    bool jobFilter(qint64 source, const JobQuery &query, QString *where, QVariantList *binds);
    QList<SyncJob> selectJobs(const QString &where, const QVariantList &binds,
                              const QString &tail = {});
    QString text(qint64 id);
    std::optional<PackedJob> pack(const SyncJob &job);
    SyncJob unpack(const QSqlQuery &q);
    enum class Upsert { Failed, Added, Updated, Unchanged };
    Upsert upsert(qint64 source, const SyncJob &job);
    std::optional<QList<TimeRange>> coverage(qint64 source);
    bool setCoverage(qint64 source, const QList<TimeRange> &ranges);
    bool markKeptLocally(qint64 source, const TimeRange &range, const QSet<QString> &listed,
                         const QDateTime &at, QStringList *marked);
    struct ResourceTable
    {
        const char *name;
        QStringList parentColumns; // the ids of the resource's parents
        QStringList columns; // id, position, then its values
    };
    bool storeResources(const QString &endpoint, const ResourceTable &table,
                        const QStringList &parent, const QList<QVariantList> &rows,
                        const QDateTime &at);
    QList<QVariantList> resources(const QString &endpoint, const ResourceTable &table,
                                  const QStringList &parent, QDateTime *listedAt);
    bool removeBefore(qint64 cutoffMs, qint64 *removed);
    bool removeOrphanTexts();
    qint64 usedBytes();
    bool compact(bool full = false);
};

QSqlQuery &HistoryCache::Private::statement(StatementId id, const char *sql)
{
    std::unique_ptr<QSqlQuery> &q = statements[size_t(id)];
    if (!q) {
        q = std::make_unique<QSqlQuery>(db());
        q->setForwardOnly(true);
        q->prepare(QString::fromLatin1(sql));
    }
    return *q;
}

void HistoryCache::Private::dropCaches()
{
    textIds.clear();
    texts.clear();
    sourceIds.clear();
    coverages.clear();
}

bool HistoryCache::Private::usable(bool write)
{
    error.clear();
    if (!isOpen) {
        error = QStringLiteral("the history cache is not open");
        return false;
    }
    if (QThread::currentThread() != thread) {
        error = QStringLiteral("the history cache was used from a thread other than the one "
                               "that opened it; open one HistoryCache per thread");
        return false;
    }
    if (write && readOnly) {
        error = report.message;
        return false;
    }
    return true;
}

bool HistoryCache::Private::fail(const QSqlError &e, const QString &doing)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    const QString sqlite = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        error = QStringLiteral("the history cache is busy: another SyncDeck window or syncdeck-cli "
                               "kept it locked for more than %1 s while %2; try again")
                    .arg(double(busyTimeoutMs) / 1000.0)
                    .arg(doing);
        break;
    case SqliteCorrupt:
    case SqliteNotADatabase:
        error = QStringLiteral("the history cache %1 is damaged (%2 while %3); SyncDeck moves it "
                               "aside and starts a new one the next time it opens the cache")
                    .arg(QDir::toNativeSeparators(path), sqlite, doing);
        break;
    case SqliteFull:
        error = QStringLiteral("the disk holding the history cache %1 is full (while %2); free "
                               "some space or clear the cache")
                    .arg(QDir::toNativeSeparators(path), doing);
        break;
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteIoError:
        error = QStringLiteral("the history cache %1 cannot be written (%2 while %3); check the "
                               "permissions and free space of its folder")
                    .arg(QDir::toNativeSeparators(path), sqlite, doing);
        break;
    default:
        error = QStringLiteral("history cache error while %1: %2").arg(doing, sqlite);
        break;
    }
    return false;
}

bool HistoryCache::Private::exec(QSqlQuery &q, const QString &doing)
{
    if (q.exec())
        return true;
    fail(q.lastError(), doing);
    q.finish();
    return false;
}

bool HistoryCache::Private::run(const QString &sql, const QString &doing, const QVariantList &binds,
                                bool quiet)
{
    QSqlQuery q(db());
    bool ok = false;
    if (binds.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        for (int i = 0; ok && i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        ok = ok && q.exec();
    }
    if (!ok && !quiet)
        fail(q.lastError(), doing);
    return ok;
}

std::optional<qint64> HistoryCache::Private::scalar(const QString &sql, const QString &doing,
                                                    const QVariantList &binds)
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    for (int i = 0; ok && i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!ok || !q.exec()) {
        fail(q.lastError(), doing);
        return std::nullopt;
    }
    const qint64 value = q.next() ? q.value(0).toLongLong() : 0;
    return value;
}

bool HistoryCache::Private::Transaction::begin(bool write)
{
    QSqlQuery &begin
        = write ? d->statement(BeginWrite, "BEGIN IMMEDIATE") : d->statement(BeginRead, "BEGIN");
    if (!d->exec(begin,
                 write ? QStringLiteral("waiting to write") : QStringLiteral("starting to read")))
        return false;
    m_active = true;
    // Another connection's commit may have removed rows the in-memory caches remember.
    QSqlQuery &version = d->statement(DataVersion, "PRAGMA data_version");
    if (!d->exec(version, QStringLiteral("reading")) || !version.next())
        return false;
    const qint64 v = version.value(0).toLongLong();
    version.finish();
    if (v != d->dataVersion) {
        d->dropCaches();
        d->dataVersion = v;
    }
    return true;
}

bool HistoryCache::Private::Transaction::commit()
{
    if (!d->exec(d->statement(Commit, "COMMIT"), QStringLiteral("committing")))
        return false;
    m_active = false;
    return true;
}

// --- Opening ---------------------------------------------------------------------------------

bool HistoryCache::Private::connect(bool readOnlyConnection)
{
    connection = QStringLiteral("syncdeck.cache.%1").arg(++connectionCounter);
    QSqlDatabase database = QSqlDatabase::addDatabase(QString::fromLatin1(Driver), connection);
    database.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnlyConnection)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    database.setConnectOptions(options);
    if (!database.open())
        return fail(database.lastError(), QStringLiteral("opening"));
    return true;
}

void HistoryCache::Private::disconnect()
{
    for (auto &s : statements)
        s.reset();
    if (connection.isEmpty())
        return;
    {
        QSqlDatabase database = db();
        if (database.isValid())
            database.close();
    }
    QSqlDatabase::removeDatabase(connection);
    connection.clear();
    dropCaches();
    dataVersion = -1;
}

bool HistoryCache::Private::quickCheck(QString *reason)
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA quick_check(5)"))) {
        *reason = q.lastError().databaseText();
        return false;
    }
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings == QStringList {QStringLiteral("ok")})
        return true;
    *reason = QStringLiteral("integrity check: ") + findings.join(QStringLiteral("; "));
    return false;
}

// What the file at `path` is, read over a fresh read-write connection.
HistoryCache::Private::FileState HistoryCache::Private::inspect(int *version, QString *reason)
{
    if (!QFileInfo::exists(path)) {
        // Created here so that it is private from the start; SQLite gives its log the same mode.
        QFile created(path);
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            created.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (QFileInfo(path).size() == 0)
        return connect(false) ? FileState::New : FileState::Unreadable;
    if (!connect(false))
        return FileState::Unreadable;
    qint64 facts[3] = {};
    const char *const pragmas[3]
        = {"PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_master"};
    for (int i = 0; i < 3; ++i) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        if (!q.exec(QString::fromLatin1(pragmas[i])) || !q.next()) {
            const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
            *reason = q.lastError().databaseText();
            if (code == SqliteCorrupt || code == SqliteNotADatabase)
                return FileState::Damaged;
            fail(q.lastError(), QStringLiteral("opening"));
            return FileState::Unreadable;
        }
        facts[i] = q.value(0).toLongLong();
    }
    *version = int(facts[1]);
    if (facts[0] != ApplicationId) {
        if (facts[0] == 0 && facts[1] == 0 && facts[2] == 0)
            return FileState::New; // an empty SQLite file: made ours below
        *reason = QStringLiteral("not a SyncDeck cache (application id %1, %2 tables)")
                      .arg(facts[0])
                      .arg(facts[2]);
        return FileState::Foreign;
    }
    if (*version > SchemaVersion)
        return FileState::Newer;
    return quickCheck(reason) ? FileState::Usable : FileState::Damaged;
}

// WAL, and for a new file incremental auto-vacuum, which only takes effect before the first
// table exists. Neither can change inside a transaction.
bool HistoryCache::Private::initialize(bool fresh)
{
    if (fresh
        && !run(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
                QStringLiteral("creating the cache")))
        return false;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return fail(q.lastError(), QStringLiteral("switching to write-ahead logging"));
    q.finish();
    // NORMAL is safe with WAL: a crash of SyncDeck loses nothing committed; a power cut may
    // lose the last commits, never the database.
    return run(QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("configuring"));
}

// Brings the schema to SchemaVersion in one transaction (another process may have done it
// meanwhile: the version is read again under the write lock).
bool HistoryCache::Private::migrate()
{
    Transaction tx(this);
    if (!tx.begin(true))
        return false;
    const std::optional<qint64> current
        = scalar(QStringLiteral("PRAGMA user_version"), QStringLiteral("reading the schema"));
    if (!current)
        return false;
    if (*current >= SchemaVersion)
        return tx.commit();
    for (int v = int(*current) + 1; v <= SchemaVersion; ++v) {
        const QStringList steps = migration(v);
        for (const QString &sql : steps) {
            if (!run(sql, QStringLiteral("upgrading the cache to schema %1").arg(v)))
                return false;
        }
    }
    if (!run(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
             QStringLiteral("upgrading the cache")))
        return false;
    return tx.commit();
}

bool HistoryCache::Private::moveAside(const QString &reason)
{
    disconnect();
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".broken-%1-%2").arg(stamp).arg(n);
    // The write-ahead log and its index belong to the old file: never let them meet the new one.
    for (const QLatin1StringView suffix :
         {QLatin1StringView(""), QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (!QFile::rename(path + suffix, aside + suffix) && !suffix.isEmpty())
            QFile::remove(path + suffix);
    }
    if (QFileInfo::exists(path)) {
        error = QStringLiteral("the history cache %1 is unusable (%2) and could not be moved "
                               "aside; remove it, or choose another cache folder")
                    .arg(QDir::toNativeSeparators(path), reason);
        return false;
    }
    report.movedAsideTo = aside;
    report.message
        = QStringLiteral("The history cache %1 was %2; it was moved to %3 and a new, "
                         "empty cache was started. History is fetched from the "
                         "service again.")
              .arg(QDir::toNativeSeparators(path), reason, QDir::toNativeSeparators(aside));
    return true;
}

// ---------------------------------------------------------------------------------------------

QString HistoryCache::defaultDirectory()
{
    // Not CacheLocation: it depends on the application name, and the window ("SyncDeck") and
    // syncdeck-cli must share one cache.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/SyncDeck");
}

QString HistoryCache::fileName()
{
    return QStringLiteral("history.sqlite");
}

HistoryCache::HistoryCache(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{ }

HistoryCache::~HistoryCache()
{
    close();
}

bool HistoryCache::open(const OpenOptions &options)
{
    close();
    d->report = {};
    d->error.clear();
    d->thread = QThread::currentThread();
    d->busyTimeoutMs = std::max(0, options.busyTimeoutMs);
    d->directory
        = QDir::cleanPath(options.directory.isEmpty() ? defaultDirectory() : options.directory);
    d->path = d->directory + u'/' + fileName();
    const auto failed = [this](const QString &message) {
        d->disconnect();
        d->report.outcome = OpenReport::Outcome::Failed;
        d->report.message = message;
        d->error = message;
        return false;
    };
    if (!QSqlDatabase::isDriverAvailable(QString::fromLatin1(Driver)))
        return failed(QStringLiteral("the history cache needs Qt's SQLite driver (QSQLITE), "
                                     "which is not installed (Debian: libqt6sql6-sqlite)"));
    if (!QDir().mkpath(d->directory))
        return failed(QStringLiteral("cannot create the cache folder %1; check its permissions "
                                     "or choose another folder")
                          .arg(QDir::toNativeSeparators(d->directory)));
    int version = 0;
    QString reason;
    Private::FileState state = d->inspect(&version, &reason);
    d->report.fileSchemaVersion = version;
    if (state == Private::FileState::Unreadable)
        return failed(d->error);
    if (state == Private::FileState::Newer) {
        // Readable (migrations only add), never written: an older SyncDeck must not undo what a
        // newer one did.
        d->disconnect();
        if (!d->connect(true))
            return failed(d->error);
        d->readOnly = true;
        d->report.outcome = OpenReport::Outcome::ReadOnly;
        d->report.message
            = QStringLiteral("The history cache %1 was written by a newer SyncDeck (schema %2; "
                             "this one knows up to %3). It is opened read only: cached history "
                             "is shown but not updated. Update SyncDeck, or use another cache "
                             "folder.")
                  .arg(QDir::toNativeSeparators(d->path))
                  .arg(version)
                  .arg(SchemaVersion);
        d->isOpen = true;
        return true;
    }
    if (state == Private::FileState::Damaged || state == Private::FileState::Foreign) {
        const QString what = state == Private::FileState::Damaged
            ? QStringLiteral("damaged (%1)").arg(reason)
            : reason;
        if (!d->moveAside(what))
            return failed(d->error);
        state = d->inspect(&version, &reason);
        if (state != Private::FileState::New)
            return failed(d->error.isEmpty() ? reason : d->error);
    }
    const bool fresh = state == Private::FileState::New;
    if (!d->initialize(fresh) || !d->migrate())
        return failed(d->error);
    d->report.outcome = !d->report.movedAsideTo.isEmpty() ? OpenReport::Outcome::Rebuilt
        : fresh                                           ? OpenReport::Outcome::Created
                                                          : OpenReport::Outcome::Opened;
    d->isOpen = true;
    return true;
}

void HistoryCache::close()
{
    d->disconnect();
    d->isOpen = false;
    d->readOnly = false;
}

bool HistoryCache::isOpen() const
{
    return d->isOpen;
}

bool HistoryCache::isReadOnly() const
{
    return d->readOnly;
}

const OpenReport &HistoryCache::openReport() const
{
    return d->report;
}

QString HistoryCache::filePath() const
{
    return d->path;
}

QString HistoryCache::errorString() const
{
    return d->error;
}

// --- Rows ------------------------------------------------------------------------------------

std::optional<qint64> HistoryCache::Private::endpointId(const QString &identity, bool create)
{
    const QString doing = QStringLiteral("looking up an endpoint");
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM endpoints WHERE identity = ?"));
    q.bindValue(0, identity);
    if (!exec(q, doing))
        return std::nullopt;
    if (q.next())
        return q.value(0).toLongLong();
    if (!create)
        return qint64(-1);
    QSqlQuery insert(db());
    insert.prepare(QStringLiteral("INSERT INTO endpoints (identity) VALUES (?)"));
    insert.bindValue(0, identity);
    if (!exec(insert, doing))
        return std::nullopt;
    return insert.lastInsertId().toLongLong();
}

// The id of a data source's row, -1 when it has none (and create is false) or on error.
qint64 HistoryCache::Private::sourceId(const DataSourceKey &key, bool create)
{
    if (const auto it = sourceIds.constFind(key); it != sourceIds.cend())
        return *it;
    const std::optional<qint64> endpoint = endpointId(key.endpoint, create);
    if (!endpoint || *endpoint < 0)
        return -1;
    const QString doing = QStringLiteral("looking up a data source");
    const QVariantList binds {*endpoint, key.applicationId, key.indexId, key.dataSourceId};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM sources WHERE endpoint = ? AND application_id = ? "
                             "AND index_id = ? AND data_source_id = ?"));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!exec(q, doing))
        return -1;
    qint64 id = -1;
    if (q.next()) {
        id = q.value(0).toLongLong();
    } else if (create) {
        QSqlQuery insert(db());
        insert.prepare(QStringLiteral("INSERT INTO sources (endpoint, application_id, index_id, "
                                      "data_source_id) VALUES (?, ?, ?, ?)"));
        for (int i = 0; i < binds.size(); ++i)
            insert.bindValue(i, binds.at(i));
        if (!exec(insert, doing))
            return -1;
        id = insert.lastInsertId().toLongLong();
    }
    if (id >= 0)
        sourceIds.insert(key, id);
    return id;
}

std::optional<qint64> HistoryCache::Private::internText(const QString &text, bool create)
{
    if (const auto it = textIds.constFind(text); it != textIds.cend())
        return *it;
    const qint64 hash = textHash(text);
    QSqlQuery &find = statement(FindText, "SELECT id, text FROM texts WHERE hash = ?");
    find.bindValue(0, hash);
    if (!exec(find, QStringLiteral("looking up an error text")))
        return std::nullopt;
    std::optional<qint64> id;
    while (!id && find.next()) {
        if (find.value(1).toString() == text)
            id = find.value(0).toLongLong();
    }
    find.finish();
    if (!id && !create)
        return qint64(0);
    if (!id) {
        QSqlQuery &insert = statement(InsertText, "INSERT INTO texts (hash, text) VALUES (?, ?)");
        insert.bindValue(0, hash);
        insert.bindValue(1, text);
        if (!exec(insert, QStringLiteral("storing an error text")))
            return std::nullopt;
        id = insert.lastInsertId().toLongLong();
    }
    textIds.insert(text, *id);
    texts.insert(*id, text);
    return id;
}

std::optional<qint64> HistoryCache::Private::textRef(const QString &text)
{
    return text.isEmpty() ? std::optional<qint64>(0) : internText(text);
}

QString HistoryCache::Private::text(qint64 id)
{
    if (const auto it = texts.constFind(id); it != texts.cend())
        return *it;
    QSqlQuery &q = statement(TextById, "SELECT text FROM texts WHERE id = ?");
    q.bindValue(0, id);
    QString value;
    if (exec(q, QStringLiteral("reading an error text")) && q.next())
        value = q.value(0).toString();
    q.finish();
    texts.insert(id, value);
    return value;
}

std::optional<PackedJob> HistoryCache::Private::pack(const SyncJob &job)
{
    PackedJob p;
    p.values[StartMs] = msOf(job.startTime);
    p.values[EndMs] = msOf(job.endTime);
    const SyncStatus status = job.statusKind();
    if (status != SyncStatus::Unknown) {
        p.values[Status] = qint64(status);
    } else {
        const std::optional<qint64> ref = textRef(job.status);
        if (!ref)
            return std::nullopt;
        p.values[Status] = -*ref;
    }
    const std::array<std::pair<Value, const QString *>, 3> refs {{
        {ErrorCode, &job.errorCode},
        {ErrorMessage, &job.errorMessage},
        {DataSourceErrorCode, &job.dataSourceErrorCode},
    }};
    for (const auto &[value, text] : refs) {
        const std::optional<qint64> ref = textRef(*text);
        if (!ref)
            return std::nullopt;
        if (*ref != 0)
            p.values[value] = *ref;
    }
    const qbusiness::SyncJobMetrics &m = job.metrics;
    p.values[Added] = m.documentsAdded;
    p.values[Modified] = m.documentsModified;
    p.values[Deleted] = m.documentsDeleted;
    p.values[Failed] = m.documentsFailed;
    p.values[Scanned] = m.documentsScanned;
    return p;
}

// A job from a row of JobColumns.
SyncJob HistoryCache::Private::unpack(const QSqlQuery &q)
{
    SyncJob job;
    job.executionId = idText(q.value(0));
    job.startTime = timeOf(optionalInt(q.value(1)));
    job.endTime = timeOf(optionalInt(q.value(2)));
    const qint64 status = q.value(3).toLongLong();
    job.status = status > 0 ? qbusiness::syncStatusToWire(SyncStatus(status))
        : status < 0        ? text(-status)
                            : QString();
    const auto ref = [this, &q](int column) {
        const QVariant v = q.value(column);
        return v.isNull() ? QString() : text(v.toLongLong());
    };
    job.errorCode = ref(4);
    job.errorMessage = ref(5);
    job.dataSourceErrorCode = ref(6);
    qbusiness::SyncJobMetrics &m = job.metrics;
    m.documentsAdded = optionalInt(q.value(7));
    m.documentsModified = optionalInt(q.value(8));
    m.documentsDeleted = optionalInt(q.value(9));
    m.documentsFailed = optionalInt(q.value(10));
    m.documentsScanned = optionalInt(q.value(11));
    return job;
}

// Two statements without result rows (the cheap kind): an insert that does nothing for a held
// job, then an update that changes a held job only where a value differs (or it was kept
// locally). What they changed tells added, updated and unchanged apart.
HistoryCache::Private::Upsert HistoryCache::Private::upsert(qint64 source, const SyncJob &job)
{
    const std::optional<PackedJob> packed = pack(job);
    if (!packed)
        return Upsert::Failed;
    const QVariant id = idKey(job.executionId);
    const QString doing = QStringLiteral("merging a page");
    QSqlQuery &insert = statement(
        InsertJob,
        "INSERT OR IGNORE INTO jobs (source, execution_id, start_ms, end_ms, status, error_code, "
        "error_message, data_source_error_code, added, modified, deleted, failed, scanned) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindValue(0, source);
    insert.bindValue(1, id);
    for (int i = 0; i < ValueCount; ++i)
        insert.bindValue(2 + i, variant(packed->values[size_t(i)]));
    if (!exec(insert, doing))
        return Upsert::Failed;
    if (insert.numRowsAffected() == 1)
        return Upsert::Added;
    QSqlQuery &update = statement(
        UpdateJob,
        "UPDATE jobs SET start_ms = ?, end_ms = ?, status = ?, error_code = ?, error_message = ?, "
        "data_source_error_code = ?, added = ?, modified = ?, deleted = ?, failed = ?, "
        "scanned = ?, kept_since_ms = NULL WHERE source = ? AND execution_id = ? AND ("
        "start_ms IS NOT ? OR end_ms IS NOT ? OR status IS NOT ? OR error_code IS NOT ? OR "
        "error_message IS NOT ? OR data_source_error_code IS NOT ? OR added IS NOT ? OR "
        "modified IS NOT ? OR deleted IS NOT ? OR failed IS NOT ? OR scanned IS NOT ? OR "
        "kept_since_ms IS NOT NULL)");
    for (int i = 0; i < ValueCount; ++i) {
        const QVariant v = variant(packed->values[size_t(i)]);
        update.bindValue(i, v);
        update.bindValue(ValueCount + 2 + i, v);
    }
    update.bindValue(ValueCount, source);
    update.bindValue(ValueCount + 1, id);
    if (!exec(update, doing))
        return Upsert::Failed;
    return update.numRowsAffected() == 1 ? Upsert::Updated : Upsert::Unchanged;
}

std::optional<QList<TimeRange>> HistoryCache::Private::coverage(qint64 source)
{
    if (const auto it = coverages.constFind(source); it != coverages.cend())
        return *it;
    QSqlQuery &q
        = statement(SelectCoverage, "SELECT from_ms, to_ms FROM coverage WHERE source = ?");
    q.bindValue(0, source);
    if (!exec(q, QStringLiteral("reading what the cache holds")))
        return std::nullopt;
    QList<TimeRange> ranges;
    while (q.next())
        ranges = unite(ranges, {optionalInt(q.value(0)), optionalInt(q.value(1))});
    q.finish();
    coverages.insert(source, ranges);
    return ranges;
}

bool HistoryCache::Private::setCoverage(qint64 source, const QList<TimeRange> &ranges)
{
    const QString doing = QStringLiteral("recording what the cache holds");
    QSqlQuery &del = statement(DeleteCoverage, "DELETE FROM coverage WHERE source = ?");
    del.bindValue(0, source);
    if (!exec(del, doing))
        return false;
    QSqlQuery &insert = statement(InsertCoverage,
                                  "INSERT INTO coverage (source, from_ms, to_ms) VALUES (?, ?, ?)");
    for (const TimeRange &r : ranges) {
        insert.bindValue(0, source);
        insert.bindValue(1, variant(r.fromMs));
        insert.bindValue(2, variant(r.toMs));
        if (!exec(insert, doing))
            return false;
    }
    coverages.insert(source, ranges);
    return true;
}

bool HistoryCache::Private::markKeptLocally(qint64 source, const TimeRange &range,
                                            const QSet<QString> &listed, const QDateTime &at,
                                            QStringList *marked)
{
    const QString doing = QStringLiteral("marking jobs the service no longer returns");
    QVariantList binds {source};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT execution_id FROM jobs WHERE source = ? "
                             "AND kept_since_ms IS NULL")
              + rangeCondition(range, &binds));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!exec(q, doing))
        return false;
    QVariantList gone;
    while (q.next()) {
        if (!listed.contains(idText(q.value(0))))
            gone.append(q.value(0));
    }
    q.finish();
    QSqlQuery update(db());
    update.prepare(QStringLiteral("UPDATE jobs SET kept_since_ms = ? "
                                  "WHERE source = ? AND execution_id = ?"));
    for (const QVariant &id : std::as_const(gone)) {
        update.bindValue(0, at.toMSecsSinceEpoch());
        update.bindValue(1, source);
        update.bindValue(2, id);
        if (!exec(update, doing))
            return false;
        marked->append(idText(id));
    }
    return true;
}

// "source = ? AND ..." for a query; false when nothing can match (an unknown status never held).
bool HistoryCache::Private::jobFilter(qint64 source, const JobQuery &query, QString *where,
                                      QVariantList *binds)
{
    *where = QStringLiteral("source = ?");
    binds->append(source);
    if (!query.statusFilter.isEmpty()) {
        const SyncStatus status = qbusiness::syncStatusFromWire(query.statusFilter);
        qint64 code = qint64(status);
        if (status == SyncStatus::Unknown) {
            const std::optional<qint64> ref = internText(query.statusFilter, false);
            if (!ref || *ref == 0)
                return false;
            code = -*ref;
        }
        *where += QStringLiteral(" AND status = ?");
        binds->append(code);
    }
    *where += rangeCondition(query.range, binds);
    if (!query.includeKeptLocally)
        *where += QStringLiteral(" AND kept_since_ms IS NULL");
    return true;
}

// Jobs newest first, as the service lists them.
QList<SyncJob> HistoryCache::Private::selectJobs(const QString &where, const QVariantList &binds,
                                                 const QString &tail)
{
    QList<SyncJob> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(JobColumns)
              + QStringLiteral(" FROM jobs WHERE ") + where
              + QStringLiteral(" ORDER BY start_ms DESC, execution_id DESC") + tail);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!exec(q, QStringLiteral("reading sync jobs")))
        return out;
    while (q.next())
        out.append(unpack(q));
    q.finish();
    return out;
}

// --- Sync job history ------------------------------------------------------------------------

JobQuery JobQuery::of(const qbusiness::ListSyncJobsRequest &request)
{
    JobQuery q;
    q.statusFilter = request.statusFilter;
    q.range.fromMs = msOf(request.startTime);
    q.range.toMs = msOf(request.endTime);
    return q;
}

QList<SyncJob> HistoryCache::jobs(const DataSourceKey &key, const JobQuery &query)
{
    if (!d->usable(false))
        return {};
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return {};
    const qint64 source = d->sourceId(key, false);
    QString where;
    QVariantList binds;
    if (source < 0 || !d->jobFilter(source, query, &where, &binds))
        return {};
    QString tail;
    if (query.limit >= 0 || query.offset > 0) {
        tail = QStringLiteral(" LIMIT ? OFFSET ?");
        binds << qint64(query.limit) << qint64(std::max(0, query.offset));
    }
    QList<SyncJob> out = d->selectJobs(where, binds, tail);
    tx.commit();
    return out;
}

std::optional<SyncJob> HistoryCache::job(const DataSourceKey &key, const QString &executionId)
{
    if (!d->usable(false))
        return std::nullopt;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return std::nullopt;
    const qint64 source = d->sourceId(key, false);
    if (source < 0)
        return std::nullopt;
    const QList<SyncJob> found = d->selectJobs(QStringLiteral("source = ? AND execution_id = ?"),
                                               {source, idKey(executionId)});
    tx.commit();
    return found.isEmpty() ? std::nullopt : std::optional<SyncJob>(found.constFirst());
}

qint64 HistoryCache::jobCount(const DataSourceKey &key, const JobQuery &query)
{
    if (!d->usable(false))
        return 0;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return 0;
    const qint64 source = d->sourceId(key, false);
    QString where;
    QVariantList binds;
    if (source < 0 || !d->jobFilter(source, query, &where, &binds))
        return 0;
    const std::optional<qint64> n
        = d->scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE ") + where,
                    QStringLiteral("counting sync jobs"), binds);
    tx.commit();
    return n.value_or(0);
}

QSet<QString> HistoryCache::keptLocally(const DataSourceKey &key)
{
    QSet<QString> ids;
    if (!d->usable(false))
        return ids;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return ids;
    const qint64 source = d->sourceId(key, false);
    if (source < 0)
        return ids;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT execution_id FROM jobs WHERE source = ? "
                             "AND kept_since_ms IS NOT NULL"));
    q.bindValue(0, source);
    if (d->exec(q, QStringLiteral("reading kept jobs"))) {
        while (q.next())
            ids.insert(idText(q.value(0)));
    }
    q.finish();
    tx.commit();
    return ids;
}

SourceState HistoryCache::sourceState(const DataSourceKey &key)
{
    SourceState state;
    if (!d->usable(false))
        return state;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return state;
    const qint64 source = d->sourceId(key, false);
    if (source < 0)
        return state;
    state.known = true;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*), count(kept_since_ms), max(start_ms), min(start_ms), "
                             "(SELECT refreshed_ms FROM sources WHERE id = ?) "
                             "FROM jobs WHERE source = ?"));
    q.bindValue(0, source);
    q.bindValue(1, source);
    if (!d->exec(q, QStringLiteral("reading a data source's history")) || !q.next())
        return state;
    state.jobCount = q.value(0).toLongLong();
    state.keptLocallyCount = q.value(1).toLongLong();
    state.newestStart = timeOf(optionalInt(q.value(2)));
    state.oldestStart = timeOf(optionalInt(q.value(3)));
    state.refreshedAt = timeOf(optionalInt(q.value(4)));
    q.finish();
    state.coverage = d->coverage(source).value_or(QList<TimeRange>());
    tx.commit();
    return state;
}

QList<DataSourceKey> HistoryCache::sources()
{
    QList<DataSourceKey> keys;
    if (!d->usable(false))
        return keys;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.identity, s.application_id, s.index_id, "
                               "s.data_source_id FROM sources s JOIN endpoints e "
                               "ON e.id = s.endpoint ORDER BY 1, 2, 3, 4"))) {
        d->fail(q.lastError(), QStringLiteral("listing cached data sources"));
        return keys;
    }
    while (q.next()) {
        keys.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString()});
    }
    return keys;
}

HistoryCache::HeldState HistoryCache::heldState(const DataSourceKey &key,
                                                const QStringList &executionIds,
                                                const QList<TimeRange> &coverage)
{
    HeldState held;
    if (!d->usable(false))
        return held;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return held;
    const qint64 source = d->sourceId(key, false);
    if (source < 0)
        return held;
    QSqlQuery &q = d->statement(Private::HeldJob,
                                "SELECT status, start_ms FROM jobs "
                                "WHERE source = ? AND execution_id = ?");
    for (const QString &id : executionIds) {
        q.bindValue(0, source);
        q.bindValue(1, idKey(id));
        if (!d->exec(q, QStringLiteral("looking up held jobs")))
            return held;
        if (q.next()) {
            const qint64 status = q.value(0).toLongLong();
            const std::optional<qint64> start = optionalInt(q.value(1));
            const bool final = status > 0 && qbusiness::isFinalStatus(SyncStatus(status));
            const bool covered
                = std::any_of(coverage.cbegin(), coverage.cend(),
                              [&start](const TimeRange &r) { return r.contains(start); });
            if (final && covered)
                held.finalInCoverage.insert(id);
            else if (!final)
                held.running.insert(id);
        }
        q.finish();
    }
    tx.commit();
    return held;
}

QList<SyncJob> HistoryCache::runningJobs(const DataSourceKey &key)
{
    if (!d->usable(false))
        return {};
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return {};
    const qint64 source = d->sourceId(key, false);
    if (source < 0)
        return {};
    QList<SyncJob> out = d->selectJobs(
        QStringLiteral("source = ? AND kept_since_ms IS NULL AND start_ms IS NOT NULL "
                       "AND status NOT IN (%1)")
            .arg(finalStatusList()),
        {source});
    tx.commit();
    return out;
}

std::optional<std::pair<qint64, qint64>> HistoryCache::oldestListed(const DataSourceKey &key, int n)
{
    if (!d->usable(false))
        return std::nullopt;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return std::nullopt;
    const qint64 source = d->sourceId(key, false);
    if (source < 0 || n < 1)
        return std::nullopt;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT max(start_ms), count(*) FROM (SELECT start_ms FROM jobs "
                             "WHERE source = ? AND kept_since_ms IS NULL AND start_ms IS NOT NULL "
                             "ORDER BY start_ms LIMIT ?)"));
    q.bindValue(0, source);
    q.bindValue(1, n);
    if (!d->exec(q, QStringLiteral("reading the oldest jobs")) || !q.next() || q.value(0).isNull())
        return std::nullopt;
    const qint64 boundary = q.value(0).toLongLong();
    q.finish();
    // Jobs of the same millisecond, and those without a start time, are in the listing too.
    const std::optional<qint64> count = d->scalar(
        QStringLiteral("SELECT count(*) FROM jobs WHERE source = ? AND kept_since_ms IS NULL "
                       "AND (start_ms IS NULL OR start_ms <= ?)"),
        QStringLiteral("reading the oldest jobs"), {source, boundary});
    tx.commit();
    if (!count)
        return std::nullopt;
    return std::make_pair(boundary, *count);
}

namespace {
// What a page of an unfiltered listing shows the cache to hold (see PagePlacement).
std::optional<TimeRange> heldRange(const PagePlacement &p, std::optional<qint64> oldestOnPage)
{
    const std::optional<qint64> top = p.requested.toMs ? p.requested.toMs : p.newestListedMs;
    if (!top)
        return std::nullopt; // an empty listing: nothing to anchor a range on
    TimeRange held;
    held.toMs = top;
    if (p.lastPage)
        held.fromMs = p.requested.fromMs;
    else if (oldestOnPage)
        held.fromMs = *oldestOnPage + 1; // the next page may hold more jobs of the same ms
    else
        return std::nullopt;
    if (held.isEmpty())
        return std::nullopt;
    return held;
}
} // namespace

MergeResult HistoryCache::mergePage(const DataSourceKey &key, const QList<SyncJob> &jobs,
                                    const PagePlacement &placement)
{
    MergeResult result;
    const auto failed = [this, &result] {
        result.error = d->error;
        return result;
    };
    if (!d->usable(true))
        return failed();
    Private::Transaction tx(d.get());
    if (!tx.begin(true))
        return failed();
    const qint64 source = d->sourceId(key, true);
    if (source < 0)
        return failed();
    const bool unfiltered = placement.statusFilter.isEmpty();
    bool coverable = placement.recordsCoverage && unfiltered;
    std::optional<qint64> oldest;
    for (const SyncJob &job : jobs) {
        if (job.executionId.isEmpty()) {
            ++result.skipped;
            coverable = false; // the cache would not hold all of this stretch
            continue;
        }
        switch (d->upsert(source, job)) {
        case Private::Upsert::Failed:
            return failed();
        case Private::Upsert::Added:
            result.added.append(job);
            break;
        case Private::Upsert::Updated:
            result.updated.append(job);
            break;
        case Private::Upsert::Unchanged:
            break;
        }
        if (const std::optional<qint64> start = msOf(job.startTime))
            oldest = oldest ? std::min(*oldest, *start) : *start;
    }
    if (const std::optional<TimeRange> held
        = coverable ? heldRange(placement, oldest) : std::nullopt) {
        const std::optional<QList<TimeRange>> before = d->coverage(source);
        if (!before)
            return failed();
        const QList<TimeRange> after = unite(*before, *held);
        if (after != *before && !d->setCoverage(source, after))
            return failed();
    }
    if (placement.lastPage && placement.listedIds && unfiltered && result.skipped == 0
        && !d->markKeptLocally(source, placement.requested, *placement.listedIds,
                               placement.listedAt, &result.keptLocally))
        return failed();
    if (!tx.commit())
        return failed();
    result.ok = true;
    return result;
}

bool HistoryCache::setRefreshed(const DataSourceKey &key, const QDateTime &at)
{
    if (!d->usable(true))
        return false;
    Private::Transaction tx(d.get());
    if (!tx.begin(true))
        return false;
    const qint64 source = d->sourceId(key, true);
    return source >= 0
        && d->run(QStringLiteral("UPDATE sources SET refreshed_ms = ? WHERE id = ?"),
                  QStringLiteral("recording the refresh"), {at.toMSecsSinceEpoch(), source})
        && tx.commit();
}

// --- Resource names --------------------------------------------------------------------------

namespace {
QVariant optionalMs(const QDateTime &t)
{
    return variant(msOf(t));
}

QDateTime timeAt(const QVariant &v)
{
    return timeOf(optionalInt(v));
}

const QStringList &applicationColumns()
{
    static const QStringList c {QStringLiteral("application_id"), QStringLiteral("position"),
                                QStringLiteral("display_name"),   QStringLiteral("status"),
                                QStringLiteral("identity_type"),  QStringLiteral("created_ms"),
                                QStringLiteral("updated_ms")};
    return c;
}

const QStringList &indexColumns()
{
    static const QStringList c {QStringLiteral("index_id"),     QStringLiteral("position"),
                                QStringLiteral("display_name"), QStringLiteral("status"),
                                QStringLiteral("created_ms"),   QStringLiteral("updated_ms")};
    return c;
}

const QStringList &dataSourceColumns()
{
    static const QStringList c {QStringLiteral("data_source_id"), QStringLiteral("position"),
                                QStringLiteral("display_name"),   QStringLiteral("type"),
                                QStringLiteral("status"),         QStringLiteral("created_ms"),
                                QStringLiteral("updated_ms")};
    return c;
}

// "" for the applications, "app" for its indices, "app/index" for its data sources.
QString listingKey(const QStringList &parent)
{
    return parent.isEmpty() ? QStringLiteral("") : parent.join(u'/');
}

QString parentCondition(const QStringList &columns)
{
    QString sql = QStringLiteral("endpoint = ?");
    for (const QString &c : columns)
        sql += QStringLiteral(" AND ") + c + QStringLiteral(" = ?");
    return sql;
}
} // namespace

bool HistoryCache::Private::storeResources(const QString &endpoint, const ResourceTable &table,
                                           const QStringList &parent,
                                           const QList<QVariantList> &rows, const QDateTime &at)
{
    Transaction tx(this);
    if (!tx.begin(true))
        return false;
    const std::optional<qint64> endpointRow = endpointId(endpoint, true);
    if (!endpointRow)
        return false;
    const QString doing = QStringLiteral("storing resource names");
    const QString name = QLatin1String(table.name);
    QVariantList keys {*endpointRow};
    for (const QString &p : parent)
        keys.append(p);
    if (!run(QStringLiteral("DELETE FROM ") + name + QStringLiteral(" WHERE ")
                 + parentCondition(table.parentColumns),
             doing, keys))
        return false;
    const QStringList columns
        = QStringList {QStringLiteral("endpoint")} + table.parentColumns + table.columns;
    QSqlQuery insert(db());
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO ") + name + QStringLiteral(" (")
                   + columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
                   + QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))
                   + u')');
    for (const QVariantList &row : rows) {
        const QVariantList values = keys + row;
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        if (!exec(insert, doing))
            return false;
    }
    return run(QStringLiteral("INSERT OR REPLACE INTO resource_listings (endpoint, parent, "
                              "listed_ms) VALUES (?, ?, ?)"),
               doing, {*endpointRow, listingKey(parent), at.toMSecsSinceEpoch()})
        && tx.commit();
}

QList<QVariantList> HistoryCache::Private::resources(const QString &endpoint,
                                                     const ResourceTable &table,
                                                     const QStringList &parent, QDateTime *listedAt)
{
    QList<QVariantList> rows;
    Transaction tx(this);
    if (!tx.begin(false))
        return rows;
    const std::optional<qint64> endpointRow = endpointId(endpoint, false);
    if (!endpointRow || *endpointRow < 0)
        return rows;
    const QString doing = QStringLiteral("reading resource names");
    QVariantList keys {*endpointRow};
    for (const QString &p : parent)
        keys.append(p);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + table.columns.join(QStringLiteral(", "))
              + QStringLiteral(" FROM ") + QLatin1String(table.name) + QStringLiteral(" WHERE ")
              + parentCondition(table.parentColumns) + QStringLiteral(" ORDER BY position"));
    for (int i = 0; i < keys.size(); ++i)
        q.bindValue(i, keys.at(i));
    if (!exec(q, doing))
        return rows;
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < table.columns.size(); ++i)
            row.append(q.value(i));
        rows.append(row);
    }
    q.finish();
    if (listedAt) {
        QSqlQuery when(db());
        when.prepare(QStringLiteral("SELECT listed_ms FROM resource_listings "
                                    "WHERE endpoint = ? AND parent = ?"));
        when.bindValue(0, *endpointRow);
        when.bindValue(1, listingKey(parent));
        *listedAt = exec(when, doing) && when.next() ? timeAt(when.value(0)) : QDateTime();
    }
    tx.commit();
    return rows;
}

bool HistoryCache::storeApplications(const QString &endpoint,
                                     const QList<qbusiness::Application> &applications,
                                     const QDateTime &at)
{
    if (!d->usable(true))
        return false;
    QList<QVariantList> rows;
    for (const qbusiness::Application &a : applications) {
        rows.append({a.applicationId, qint64(rows.size()), a.displayName, a.status, a.identityType,
                     optionalMs(a.createdAt), optionalMs(a.updatedAt)});
    }
    return d->storeResources(endpoint, {"applications", {}, applicationColumns()}, {}, rows, at);
}

QList<qbusiness::Application> HistoryCache::applications(const QString &endpoint,
                                                         QDateTime *listedAt)
{
    QList<qbusiness::Application> out;
    if (!d->usable(false))
        return out;
    const auto rows
        = d->resources(endpoint, {"applications", {}, applicationColumns()}, {}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(2).toString(), r.at(3).toString(), r.at(4).toString(),
                    timeAt(r.at(5)), timeAt(r.at(6))});
    }
    return out;
}

bool HistoryCache::storeIndices(const QString &endpoint, const QString &applicationId,
                                const QList<qbusiness::Index> &indices, const QDateTime &at)
{
    if (!d->usable(true))
        return false;
    QList<QVariantList> rows;
    for (const qbusiness::Index &i : indices) {
        rows.append({i.indexId, qint64(rows.size()), i.displayName, i.status,
                     optionalMs(i.createdAt), optionalMs(i.updatedAt)});
    }
    return d->storeResources(endpoint,
                             {"indices", {QStringLiteral("application_id")}, indexColumns()},
                             {applicationId}, rows, at);
}

QList<qbusiness::Index> HistoryCache::indices(const QString &endpoint, const QString &applicationId,
                                              QDateTime *listedAt)
{
    QList<qbusiness::Index> out;
    if (!d->usable(false))
        return out;
    const auto rows
        = d->resources(endpoint, {"indices", {QStringLiteral("application_id")}, indexColumns()},
                       {applicationId}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(2).toString(), r.at(3).toString(), timeAt(r.at(4)),
                    timeAt(r.at(5))});
    }
    return out;
}

bool HistoryCache::storeDataSources(const QString &endpoint, const QString &applicationId,
                                    const QString &indexId,
                                    const QList<qbusiness::DataSource> &dataSources,
                                    const QDateTime &at)
{
    if (!d->usable(true))
        return false;
    QList<QVariantList> rows;
    for (const qbusiness::DataSource &s : dataSources) {
        rows.append({s.dataSourceId, qint64(rows.size()), s.displayName, s.type, s.status,
                     optionalMs(s.createdAt), optionalMs(s.updatedAt)});
    }
    return d->storeResources(endpoint,
                             {"data_sources",
                              {QStringLiteral("application_id"), QStringLiteral("index_id")},
                              dataSourceColumns()},
                             {applicationId, indexId}, rows, at);
}

QList<qbusiness::DataSource> HistoryCache::dataSources(const QString &endpoint,
                                                       const QString &applicationId,
                                                       const QString &indexId, QDateTime *listedAt)
{
    QList<qbusiness::DataSource> out;
    if (!d->usable(false))
        return out;
    const auto rows = d->resources(endpoint,
                                   {"data_sources",
                                    {QStringLiteral("application_id"), QStringLiteral("index_id")},
                                    dataSourceColumns()},
                                   {applicationId, indexId}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(2).toString(), r.at(3).toString(), r.at(4).toString(),
                    timeAt(r.at(5)), timeAt(r.at(6))});
    }
    return out;
}

// --- Management ------------------------------------------------------------------------------

// Removes every job that started before cutoffMs (and every job without a start time), and
// what the coverage said about them. Inside the caller's write transaction.
bool HistoryCache::Private::removeBefore(qint64 cutoffMs, qint64 *removed)
{
    QSqlQuery del(db());
    del.prepare(QStringLiteral("DELETE FROM jobs WHERE start_ms IS NULL OR start_ms < ?"));
    del.bindValue(0, cutoffMs);
    if (!exec(del, QStringLiteral("removing old jobs")))
        return false;
    *removed += del.numRowsAffected();
    QSqlQuery sources(db());
    sources.setForwardOnly(true);
    if (!sources.exec(QStringLiteral("SELECT DISTINCT source FROM coverage")))
        return fail(sources.lastError(), QStringLiteral("removing old jobs"));
    QList<qint64> ids;
    while (sources.next())
        ids.append(sources.value(0).toLongLong());
    sources.finish();
    for (const qint64 source : std::as_const(ids)) {
        const std::optional<QList<TimeRange>> before = coverage(source);
        if (!before)
            return false;
        const QList<TimeRange> after = clipBelow(*before, cutoffMs);
        if (after != *before && !setCoverage(source, after))
            return false;
    }
    return removeOrphanTexts();
}

bool HistoryCache::Private::removeOrphanTexts()
{
    texts.clear();
    textIds.clear();
    return run(
        QStringLiteral("DELETE FROM texts WHERE id NOT IN ("
                       "SELECT error_code FROM jobs WHERE error_code IS NOT NULL "
                       "UNION SELECT error_message FROM jobs WHERE error_message IS NOT NULL "
                       "UNION SELECT data_source_error_code FROM jobs "
                       "WHERE data_source_error_code IS NOT NULL "
                       "UNION SELECT -status FROM jobs WHERE status < 0)"),
        QStringLiteral("removing unused error texts"));
}

qint64 HistoryCache::Private::usedBytes()
{
    const QString doing = QStringLiteral("measuring the cache");
    const qint64 pages = scalar(QStringLiteral("PRAGMA page_count"), doing).value_or(0);
    const qint64 free = scalar(QStringLiteral("PRAGMA freelist_count"), doing).value_or(0);
    return (pages - free) * scalar(QStringLiteral("PRAGMA page_size"), doing).value_or(0);
}

// Gives free pages back to the file system and empties the write-ahead log; `full` also
// repacks half-empty pages (VACUUM: a rewrite of the file, for prune() only). Outside any
// transaction; a reader in another process may keep the log from being truncated, which is
// harmless.
bool HistoryCache::Private::compact(bool full)
{
    if (!run(full ? QStringLiteral("VACUUM") : QStringLiteral("PRAGMA incremental_vacuum"),
             QStringLiteral("compacting the cache")))
        return false;
    run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("compacting the cache"),
        {}, true);
    return true;
}

bool HistoryCache::storeFleetRows(const QString &endpoint, const QList<fleet::FleetRow> &rows,
                                  const QDateTime &at)
{
    if (!d->usable(true))
        return false;
    Private::Transaction tx(d.get());
    if (!tx.begin(true))
        return false;
    const std::optional<qint64> endpointRow = d->endpointId(endpoint, true);
    if (!endpointRow)
        return false;
    const QString doing = QStringLiteral("storing fleet rows");
    if (!d->run(QStringLiteral("DELETE FROM fleet_rows WHERE endpoint = ?"), doing, {*endpointRow}))
        return false;
    QSqlQuery insert(d->db());
    insert.prepare(
        QStringLiteral("INSERT INTO fleet_rows (endpoint, position, row) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        insert.bindValue(0, *endpointRow);
        insert.bindValue(1, qint64(i));
        insert.bindValue(2, encodeFleetRow(rows.at(i)));
        if (!d->exec(insert, doing))
            return false;
    }
    return d->run(QStringLiteral("INSERT OR REPLACE INTO fleet_scans (endpoint, scanned_ms) "
                                 "VALUES (?, ?)"),
                  doing, {*endpointRow, at.toMSecsSinceEpoch()})
        && tx.commit();
}

QList<fleet::FleetRow> HistoryCache::fleetRows(const QString &endpoint, QDateTime *scannedAt)
{
    QList<fleet::FleetRow> rows;
    if (scannedAt)
        *scannedAt = {};
    if (!d->usable(false))
        return rows;
    Private::Transaction tx(d.get());
    if (!tx.begin(false))
        return rows;
    const std::optional<qint64> endpointRow = d->endpointId(endpoint, false);
    if (!endpointRow || *endpointRow < 0)
        return rows;
    const QString doing = QStringLiteral("reading fleet rows");
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT row FROM fleet_rows WHERE endpoint = ? ORDER BY position"));
    q.bindValue(0, *endpointRow);
    if (!d->exec(q, doing))
        return rows;
    while (q.next()) {
        // A value that does not decode (a damaged page) is left out, never shown half read.
        if (std::optional<fleet::FleetRow> row = decodeFleetRow(q.value(0).toByteArray()))
            rows.append(std::move(*row));
    }
    q.finish();
    if (scannedAt) {
        QSqlQuery when(d->db());
        when.prepare(QStringLiteral("SELECT scanned_ms FROM fleet_scans WHERE endpoint = ?"));
        when.bindValue(0, *endpointRow);
        *scannedAt = d->exec(when, doing) && when.next() ? timeAt(when.value(0)) : QDateTime();
    }
    tx.commit();
    return rows;
}

CacheInfo HistoryCache::info()
{
    CacheInfo info;
    info.filePath = d->path;
    info.readOnly = d->readOnly;
    if (!d->usable(false))
        return info;
    info.fileBytes = QFileInfo(d->path).size() + QFileInfo(d->path + QStringLiteral("-wal")).size();
    const QString doing = QStringLiteral("reading the cache's size");
    info.schemaVersion = int(d->scalar(QStringLiteral("PRAGMA user_version"), doing).value_or(0));
    info.usedBytes = d->usedBytes();
    info.jobCount = d->scalar(QStringLiteral("SELECT count(*) FROM jobs"), doing).value_or(0);
    info.textCount = d->scalar(QStringLiteral("SELECT count(*) FROM texts"), doing).value_or(0);
    const QList<DataSourceKey> keys = sources();
    for (const DataSourceKey &key : keys)
        info.sources.append({key, sourceState(key)});
    return info;
}

bool HistoryCache::clearAll()
{
    if (!d->usable(true))
        return false;
    {
        Private::Transaction tx(d.get());
        if (!tx.begin(true))
            return false;
        for (const char *table :
             {"jobs", "coverage", "texts", "sources", "applications", "indices", "data_sources",
              "resource_listings", "fleet_rows", "fleet_scans", "endpoints"}) {
            if (!d->run(QStringLiteral("DELETE FROM ") + QLatin1String(table),
                        QStringLiteral("clearing the cache")))
                return false;
        }
        if (!tx.commit())
            return false;
        d->dropCaches();
    }
    return d->compact();
}

bool HistoryCache::clearDataSource(const DataSourceKey &key)
{
    if (!d->usable(true))
        return false;
    {
        Private::Transaction tx(d.get());
        if (!tx.begin(true))
            return false;
        const qint64 source = d->sourceId(key, false);
        if (source < 0)
            return tx.commit();
        const QString doing = QStringLiteral("clearing a data source");
        if (!d->run(QStringLiteral("DELETE FROM jobs WHERE source = ?"), doing, {source})
            || !d->run(QStringLiteral("DELETE FROM coverage WHERE source = ?"), doing, {source})
            || !d->run(QStringLiteral("DELETE FROM sources WHERE id = ?"), doing, {source})
            || !d->removeOrphanTexts() || !tx.commit())
            return false;
        d->dropCaches();
    }
    return d->compact();
}

PruneResult HistoryCache::prune(const PruneLimits &limits, const QDateTime &now)
{
    PruneResult result;
    if (!d->usable(true)) {
        result.error = d->error;
        return result;
    }
    result.bytesBefore = d->usedBytes();
    const auto removeBefore = [this, &result](qint64 cutoffMs) {
        Private::Transaction tx(d.get());
        return tx.begin(true) && d->removeBefore(cutoffMs, &result.jobsRemoved) && tx.commit();
    };
    if (limits.maxAgeDays > 0
        && !removeBefore(now.addDays(-limits.maxAgeDays).toMSecsSinceEpoch())) {
        result.error = d->error;
        return result;
    }
    // Oldest jobs first, across data sources; a few rounds, since the size per job is an
    // estimate (texts and indices shrink less than the jobs).
    for (int round = 0; limits.maxBytes > 0 && round < 6; ++round) {
        if (!d->compact(true))
            break;
        const qint64 used = d->usedBytes();
        const qint64 jobs
            = d->scalar(QStringLiteral("SELECT count(*) FROM jobs"), QStringLiteral("pruning"))
                  .value_or(0);
        if (used <= limits.maxBytes || jobs == 0)
            break;
        const double perJob = double(used) / double(jobs);
        const qint64 excess = used - limits.maxBytes * 9 / 10; // some room before the next prune
        const qint64 n = std::clamp<qint64>(qint64(double(excess) / perJob) + 1, 1, jobs);
        const std::optional<qint64> cutoff = d->scalar(
            QStringLiteral("SELECT coalesce((SELECT start_ms FROM jobs WHERE start_ms IS NOT NULL "
                           "ORDER BY start_ms LIMIT 1 OFFSET ?), "
                           "(SELECT max(start_ms) + 1 FROM jobs), 0)"),
            QStringLiteral("pruning"), {n});
        if (!cutoff || !removeBefore(*cutoff)) {
            result.error = d->error;
            return result;
        }
    }
    if (!d->compact()) {
        result.error = d->error;
        return result;
    }
    result.bytesAfter = d->usedBytes();
    result.ok = true;
    return result;
}

qint64 HistoryCache::exportJsonLines(QIODevice *out, const std::optional<DataSourceKey> &only)
{
    if (!d->usable(false))
        return -1;
    const QList<DataSourceKey> keys = only ? QList<DataSourceKey> {*only} : sources();
    qint64 written = 0;
    for (const DataSourceKey &key : keys) {
        const QList<SyncJob> history = jobs(key);
        if (!d->error.isEmpty())
            return -1;
        const QSet<QString> kept = keptLocally(key);
        QByteArray lines;
        for (const SyncJob &job : history) {
            aws::JsonWriter w(lines);
            w.beginObject();
            w.key(QLatin1StringView("applicationId"));
            w.value(QStringView(key.applicationId));
            w.key(QLatin1StringView("dataSourceId"));
            w.value(QStringView(key.dataSourceId));
            w.key(QLatin1StringView("endpoint"));
            w.value(QStringView(key.endpoint));
            w.key(QLatin1StringView("indexId"));
            w.value(QStringView(key.indexId));
            w.key(QLatin1StringView("job"));
            qbusiness::jsoncodec::writeJson(w, job);
            w.key(QLatin1StringView("keptLocally"));
            w.value(kept.contains(job.executionId));
            w.endObject();
            lines += '\n';
        }
        if (out->write(lines) != lines.size()) {
            d->error = QStringLiteral("cannot write the export: %1").arg(out->errorString());
            return -1;
        }
        written += history.size();
    }
    return written;
}

bool HistoryCache::checkIntegrity(QString *details)
{
    if (!d->usable(false))
        return false;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        d->fail(q.lastError(), QStringLiteral("checking the cache"));
        if (details)
            *details = d->error;
        return false;
    }
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (details)
        *details = findings.join(u'\n');
    return findings == QStringList {QStringLiteral("ok")};
}

} // namespace syncdeck::cache
