#include "cacheconnection.h"

#include <QDir>
#include <QSqlError>
#include <QThread>

#include <atomic>

namespace syncdeck::cache {

namespace {
constexpr char Driver[] = "QSQLITE";
std::atomic<quint64> connectionCounter {0};
} // namespace

int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

CacheConnection::~CacheConnection()
{
    disconnect();
}

QSqlDatabase CacheConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool CacheConnection::connect(const QString &path, int busyTimeoutMs, bool readOnly)
{
    disconnect();
    m_path = path;
    m_busyTimeoutMs = busyTimeoutMs;
    m_name = QStringLiteral("syncdeck.cache.%1").arg(++connectionCounter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(Driver), m_name);
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open())
        return fail(db.lastError(), QStringLiteral("opening"));
    return true;
}

void CacheConnection::disconnect()
{
    m_statements.clear();
    m_madeStatements.clear();
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = database();
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
    forget();
    m_dataVersion = -1;
}

void CacheConnection::markOpen(QThread *thread, const QString &readOnlyReason)
{
    m_thread = thread;
    m_open = true;
    m_readOnly = !readOnlyReason.isEmpty();
    m_readOnlyReason = readOnlyReason;
}

void CacheConnection::markClosed()
{
    m_open = false;
    m_readOnly = false;
    m_readOnlyReason.clear();
}

bool CacheConnection::usable(bool write)
{
    m_error.clear();
    if (!m_open) {
        m_error = QStringLiteral("the history cache is not open");
        return false;
    }
    if (QThread::currentThread() != m_thread) {
        m_error = QStringLiteral("the history cache was used from a thread other than the one "
                                 "that opened it; open one HistoryCache per thread");
        return false;
    }
    if (write && m_readOnly) {
        m_error = m_readOnlyReason;
        return false;
    }
    return true;
}

bool CacheConnection::fail(const QSqlError &e, const QString &doing)
{
    const QString sqlite = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    const QString file = QDir::toNativeSeparators(m_path);
    switch (sqliteCode(e)) {
    case SqliteBusy:
    case SqliteLocked:
        m_error = QStringLiteral("the history cache is busy: another SyncDeck window or "
                                 "syncdeck-cli kept it locked for more than %1 s while %2; try "
                                 "again")
                      .arg(double(m_busyTimeoutMs) / 1000.0)
                      .arg(doing);
        break;
    case SqliteCorrupt:
    case SqliteNotADatabase:
        m_error = QStringLiteral("the history cache %1 is damaged (%2 while %3); SyncDeck moves it "
                                 "aside and starts a new one the next time it opens the cache")
                      .arg(file, sqlite, doing);
        break;
    case SqliteFull:
        m_error = QStringLiteral("the disk holding the history cache %1 is full (while %2); free "
                                 "some space or clear the cache")
                      .arg(file, doing);
        break;
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteIoError:
        m_error = QStringLiteral("the history cache %1 cannot be written (%2 while %3); check the "
                                 "permissions and free space of its folder")
                      .arg(file, sqlite, doing);
        break;
    default:
        m_error = QStringLiteral("history cache error while %1: %2").arg(doing, sqlite);
        break;
    }
    return false;
}

QSqlQuery &CacheConnection::statement(const char *sql)
{
    std::unique_ptr<QSqlQuery> &q = m_statements[sql];
    if (!q) {
        q = std::make_unique<QSqlQuery>(database());
        q->setForwardOnly(true);
        q->prepare(QString::fromLatin1(sql));
    }
    return *q;
}

bool CacheConnection::exec(QSqlQuery &q, const QString &doing, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (q.exec())
        return true;
    fail(q.lastError(), doing);
    q.finish();
    return false;
}

QSqlQuery &CacheConnection::statement(const QString &sql)
{
    std::shared_ptr<QSqlQuery> &q = m_madeStatements[sql];
    if (!q) {
        if (m_madeStatements.size() > 32) { // a few shapes occur; never let them pile up
            m_madeStatements.clear();
            return statement(sql);
        }
        q = std::make_shared<QSqlQuery>(database());
        q->setForwardOnly(true);
        q->prepare(sql);
    }
    return *q;
}

std::optional<QSqlQuery> CacheConnection::prepare(const QString &sql, const QString &doing)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.prepare(sql))
        return q;
    fail(q.lastError(), doing);
    return std::nullopt;
}

std::optional<QSqlQuery> CacheConnection::query(const QString &sql, const QString &doing,
                                                const QVariantList &binds)
{
    std::optional<QSqlQuery> q = prepare(sql, doing);
    if (!q || !exec(*q, doing, binds))
        return std::nullopt;
    return q;
}

bool CacheConnection::run(const QString &sql, const QString &doing, const QVariantList &binds,
                          bool quiet)
{
    const QString before = m_error;
    const bool ok = query(sql, doing, binds).has_value();
    if (!ok && quiet)
        m_error = before;
    return ok;
}

std::optional<qint64> CacheConnection::scalar(const QString &sql, const QString &doing,
                                              const QVariantList &binds)
{
    std::optional<QSqlQuery> q = query(sql, doing, binds);
    if (!q)
        return std::nullopt;
    const qint64 value = q->next() ? q->value(0).toLongLong() : 0;
    return value;
}

void CacheConnection::forget()
{
    m_remembered = {};
}

CacheConnection::Transaction::~Transaction()
{
    if (m_active) {
        QSqlQuery &rollback = m_db.statement("ROLLBACK");
        rollback.exec();
        rollback.finish();
        // What a write remembered meanwhile (texts, coverage) may be rolled back with it.
        if (m_write)
            m_db.forget();
    }
}

bool CacheConnection::Transaction::begin(bool write)
{
    if (!m_db.exec(m_db.statement(write ? "BEGIN IMMEDIATE" : "BEGIN"),
                   write ? QStringLiteral("waiting to write") : QStringLiteral("starting to read")))
        return false;
    m_active = true;
    m_write = write;
    // Another connection's commit may have removed rows the remembered ones refer to.
    QSqlQuery &version = m_db.statement("PRAGMA data_version");
    if (!m_db.exec(version, QStringLiteral("reading")) || !version.next())
        return false;
    const qint64 v = version.value(0).toLongLong();
    version.finish();
    if (v != m_db.m_dataVersion) {
        m_db.forget();
        m_db.m_dataVersion = v;
    }
    return true;
}

bool CacheConnection::Transaction::commit()
{
    if (!m_db.exec(m_db.statement("COMMIT"), QStringLiteral("committing")))
        return false;
    m_active = false;
    return true;
}

} // namespace syncdeck::cache
