#pragma once

#include "cacheconnection.h"
#include "coverage.h"
#include "datasourcekey.h"
#include "qbusiness/types.h"

#include <QSqlQuery>
#include <QVariant>

#include <array>
#include <optional>

namespace syncdeck::cache {

// The columns a SyncJob is read from, in JobRows::unpack() order.
inline constexpr char JobColumns[]
    = "execution_id, start_ms, end_ms, status, error_code, error_message, "
      "data_source_error_code, added, modified, deleted, failed, scanned";

// A job as its row holds it (text references already stored): the values after execution_id.
struct PackedJob
{
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
        Count
    };
    std::array<std::optional<qint64>, Count> values;
    friend bool operator==(const PackedJob &, const PackedJob &) = default;
};

// Execution ids bound in one statement at most ("execution_id IN (...)"): well below SQLite's
// limit of bound values in any version.
inline constexpr int MaxBoundIds = 500;

// A canonical (lowercase, hyphenated) UUID execution id is kept as its 16 bytes; anything else
// as text.
QVariant idKey(const QString &executionId);
QString idText(const QVariant &key);
// An optional integer column and its value: NULL when absent.
std::optional<qint64> optionalInt(const QVariant &v);
QVariant variant(const std::optional<qint64> &v);
// "status IN (...)" of the final statuses (isFinalStatus: the one rule of which no longer change).
QString finalStatusList();
// " AND start_ms ..." for a start-time range (see TimeRange), its values appended to `binds`.
QString rangeCondition(const TimeRange &range, QVariantList *binds);

// The rows that jobs refer to and their lookups, remembered on the connection: endpoints, data
// sources, the error texts stored once, what the cache holds of each listing (coverage); and a
// job to and from its row. What the job reader and writer share.
class JobRows
{
public:
    explicit JobRows(CacheConnection &db)
        : m_db(db)
    { }

    // The endpoint's row: -1 when it has none (and `create` is false); nullopt on error.
    std::optional<qint64> endpointId(const QString &identity, bool create);
    // The data source's row: -1 when it has none (and `create` is false) or on error.
    qint64 sourceId(const DataSourceKey &key, bool create);
    // The id of a text, stored when new (`create`) or 0 when absent; nullopt on error.
    std::optional<qint64> internText(const QString &text, bool create = true);
    QString text(qint64 id);

    std::optional<PackedJob> pack(const qbusiness::SyncJob &job);
    // A job from a row of JobColumns.
    qbusiness::SyncJob unpack(const QSqlQuery &q);

    std::optional<QList<TimeRange>> coverage(qint64 source);
    // The data source's coverage becomes change(coverage), written when it differs.
    template<typename Change>
    bool changeCoverage(qint64 source, Change change)
    {
        const std::optional<QList<TimeRange>> before = coverage(source);
        if (!before)
            return false;
        const QList<TimeRange> after = change(*before);
        return after == *before || setCoverage(source, after);
    }

    // `body(source)` inside one read transaction on the data source's row; `fallback` when the
    // cache cannot be used or does not know the data source.
    template<typename T, typename Body>
    T readSource(const DataSourceKey &key, T fallback, Body body)
    {
        CacheConnection::Transaction tx(m_db);
        if (!tx.open(false))
            return fallback;
        const qint64 source = sourceId(key, false);
        if (source < 0)
            return fallback;
        T out = body(source);
        tx.commit();
        return out;
    }
    // `body(source)` inside one write transaction on the data source's row (made when new);
    // false when anything failed (the connection's error says what), nothing written then.
    template<typename Body>
    bool writeSource(const DataSourceKey &key, Body body)
    {
        CacheConnection::Transaction tx(m_db);
        if (!tx.open(true))
            return false;
        const qint64 source = sourceId(key, true);
        return source >= 0 && body(source) && tx.commit();
    }

private:
    std::optional<qint64> textRef(const QString &text); // 0 for an empty text
    bool setCoverage(qint64 source, const QList<TimeRange> &ranges);

    CacheConnection &m_db;
};

} // namespace syncdeck::cache
