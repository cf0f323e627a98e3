#pragma once

#include "coverage.h"
#include "datasourcekey.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

class QSqlError;
class QThread;

namespace syncdeck::cache {

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
int sqliteCode(const QSqlError &error);

// One HistoryCache's named QSQLITE connection and what every part of the cache does with it:
// who may use it (the opening thread; writes only when writable), statements kept prepared, SQL
// run with bound values, failures turned into what to tell the user, transactions, and the rows
// remembered in memory (dropped whenever another connection committed).
class CacheConnection
{
public:
    // One transaction; rolled back unless committed. Writers take the write lock up front
    // (BEGIN IMMEDIATE), so they wait for each other on the busy timeout instead of failing when
    // a read turns into a write.
    class Transaction
    {
    public:
        explicit Transaction(CacheConnection &db)
            : m_db(db)
        { }
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool begin(bool write);
        // usable(write), then begin(write).
        bool open(bool write) { return m_db.usable(write) && begin(write); }
        bool commit();

    private:
        CacheConnection &m_db;
        bool m_active = false;
        bool m_write = false;
    };

    // Rows that never change in place, kept while no other connection commits.
    struct Remembered
    {
        QHash<QString, qint64> textIds;
        QHash<qint64, QString> texts;
        QHash<DataSourceKey, qint64> sourceIds;
        QHash<qint64, QList<TimeRange>> coverages;
    };

    CacheConnection() = default;
    ~CacheConnection();
    CacheConnection(const CacheConnection &) = delete;
    CacheConnection &operator=(const CacheConnection &) = delete;

    // A new connection to the file at `path`; false: error() says why.
    bool connect(const QString &path, int busyTimeoutMs, bool readOnly);
    void disconnect();
    QString path() const { return m_path; }

    // After opening: usable from `thread` only; a write to a read-only cache fails with
    // `readOnlyReason` (empty: writable).
    void markOpen(QThread *thread, const QString &readOnlyReason);
    void markClosed();
    bool isOpen() const { return m_open; }
    bool isReadOnly() const { return m_readOnly; }
    // Whether a call may go on; else error() says why. Clears the last error.
    bool usable(bool write);

    QString error() const { return m_error; }
    void setError(const QString &message) { m_error = message; }
    // Records what went wrong while `doing` as a message that says what to do; false.
    bool fail(const QSqlError &error, const QString &doing);

    // A statement prepared once for this connection; `sql` is a string literal.
    QSqlQuery &statement(const char *sql);
    // The same for SQL made at run time (a list of placeholders): a few kept per connection,
    // each valid until the next call.
    QSqlQuery &statement(const QString &sql);
    // Runs `q` with `binds` in order; false (the error recorded, `q` finished) when it failed.
    bool exec(QSqlQuery &q, const QString &doing, const QVariantList &binds = {});
    // A statement prepared for this call (to run with exec()); nullopt on error.
    std::optional<QSqlQuery> prepare(const QString &sql, const QString &doing);
    // A statement prepared, bound and run once; its rows are read from it. nullopt on error.
    std::optional<QSqlQuery> query(const QString &sql, const QString &doing,
                                   const QVariantList &binds = {});
    // The same without rows to read; `quiet`: a failure is not recorded.
    bool run(const QString &sql, const QString &doing, const QVariantList &binds = {},
             bool quiet = false);
    // The first column of the first row (0 when there is none); nullopt on error.
    std::optional<qint64> scalar(const QString &sql, const QString &doing,
                                 const QVariantList &binds = {});

    Remembered &remembered() { return m_remembered; }
    void forget();
    QSqlDatabase database() const;

private:
    QString m_name;
    QString m_path;
    int m_busyTimeoutMs = 0;
    QThread *m_thread = nullptr;
    bool m_open = false;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    QString m_error;
    qint64 m_dataVersion = -1;
    Remembered m_remembered;
    std::unordered_map<std::string_view, std::unique_ptr<QSqlQuery>> m_statements;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_madeStatements;
};

} // namespace syncdeck::cache
