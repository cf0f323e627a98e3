#include "resourcestore.h"

#include "fleetrowcodec.h"

namespace syncdeck::cache {

namespace {
QVariant optionalMs(const QDateTime &t)
{
    return variant(msOf(t));
}

QDateTime timeAt(const QVariant &v)
{
    return timeOf(optionalInt(v));
}

using ListTable = ResourceStore::ListTable;

// Resource names: when each list was read is kept in resource_listings by its parent.
ListTable names(const char *table, const QStringList &parents, const QStringList &columns)
{
    return {QLatin1String(table),
            parents,
            columns,
            QStringLiteral("resource_listings"),
            QStringLiteral("listed_ms"),
            true,
            QStringLiteral("resource names")};
}

const ListTable &applicationTable()
{
    static const ListTable t
        = names("applications", {},
                {QStringLiteral("application_id"), QStringLiteral("display_name"),
                 QStringLiteral("status"), QStringLiteral("identity_type"),
                 QStringLiteral("created_ms"), QStringLiteral("updated_ms")});
    return t;
}

const ListTable &indexTable()
{
    static const ListTable t = names("indices", {QStringLiteral("application_id")},
                                     {QStringLiteral("index_id"), QStringLiteral("display_name"),
                                      QStringLiteral("status"), QStringLiteral("created_ms"),
                                      QStringLiteral("updated_ms")});
    return t;
}

const ListTable &dataSourceTable()
{
    static const ListTable t = names(
        "data_sources", {QStringLiteral("application_id"), QStringLiteral("index_id")},
        {QStringLiteral("data_source_id"), QStringLiteral("display_name"), QStringLiteral("type"),
         QStringLiteral("status"), QStringLiteral("created_ms"), QStringLiteral("updated_ms")});
    return t;
}

// A fleet row is one value (fleetrowcodec); the scan's time is kept in fleet_scans.
const ListTable &fleetTable()
{
    static const ListTable t {QStringLiteral("fleet_rows"), {},
                              {QStringLiteral("row")},      QStringLiteral("fleet_scans"),
                              QStringLiteral("scanned_ms"), false,
                              QStringLiteral("fleet rows")};
    return t;
}

QString parentCondition(const QStringList &columns)
{
    QString sql = QStringLiteral("endpoint = ?");
    for (const QString &c : columns)
        sql += QStringLiteral(" AND ") + c + QStringLiteral(" = ?");
    return sql;
}

// The endpoint's row and the parent's ids: what selects one list.
QVariantList listKeys(qint64 endpoint, const QStringList &parent)
{
    QVariantList keys {endpoint};
    for (const QString &id : parent)
        keys.append(id);
    return keys;
}

// The stamp table's key: the endpoint, and the parent as "", "app" or "app/index".
QVariantList stampKeys(const ListTable &table, qint64 endpoint, const QStringList &parent)
{
    if (!table.stampByParent)
        return {endpoint};
    return {endpoint, parent.isEmpty() ? QStringLiteral("") : parent.join(u'/')};
}

QString placeholders(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "));
}
} // namespace

bool ResourceStore::store(const QString &endpoint, const ListTable &table,
                          const QStringList &parent, const QList<QVariantList> &rows,
                          const QDateTime &at)
{
    CacheConnection::Transaction tx(m_db);
    if (!tx.open(true))
        return false;
    const std::optional<qint64> endpointRow = m_rows.endpointId(endpoint, true);
    if (!endpointRow)
        return false;
    const QString doing = QStringLiteral("storing ") + table.what;
    const QVariantList keys = listKeys(*endpointRow, parent);
    if (!m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2")
                      .arg(table.name, parentCondition(table.parentColumns)),
                  doing, keys))
        return false;
    const QStringList columns = QStringList {QStringLiteral("endpoint")} + table.parentColumns
        + QStringList {QStringLiteral("position")} + table.columns;
    std::optional<QSqlQuery> insert = m_db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
            .arg(table.name, columns.join(QStringLiteral(", ")), placeholders(columns.size())),
        doing);
    for (qsizetype i = 0; insert && i < rows.size(); ++i) {
        if (!m_db.exec(*insert, doing, keys + QVariantList {qint64(i)} + rows.at(i)))
            return false;
    }
    const QVariantList stamp = stampKeys(table, *endpointRow, parent);
    return insert
        && m_db.run(QStringLiteral("INSERT OR REPLACE INTO %1 (%2%3) VALUES (%4)")
                        .arg(table.stampTable,
                             table.stampByParent ? QStringLiteral("endpoint, parent, ")
                                                 : QStringLiteral("endpoint, "),
                             table.stampColumn, placeholders(stamp.size() + 1)),
                    doing, stamp + QVariantList {at.toMSecsSinceEpoch()})
        && tx.commit();
}

QList<QVariantList> ResourceStore::read(const QString &endpoint, const ListTable &table,
                                        const QStringList &parent, QDateTime *at)
{
    QList<QVariantList> rows;
    if (at)
        *at = {};
    CacheConnection::Transaction tx(m_db);
    if (!tx.open(false))
        return rows;
    const std::optional<qint64> endpointRow = m_rows.endpointId(endpoint, false);
    if (!endpointRow || *endpointRow < 0)
        return rows;
    const QString doing = QStringLiteral("reading ") + table.what;
    const QVariantList keys = listKeys(*endpointRow, parent);
    {
        std::optional<QSqlQuery> q
            = m_db.query(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY position")
                             .arg(table.columns.join(QStringLiteral(", ")), table.name,
                                  parentCondition(table.parentColumns)),
                         doing, keys);
        while (q && q->next()) {
            QVariantList row;
            for (int i = 0; i < table.columns.size(); ++i)
                row.append(q->value(i));
            rows.append(row);
        }
    }
    if (at)
        *at = readStamp(table, stampKeys(table, *endpointRow, parent), doing);
    tx.commit();
    return rows;
}

QDateTime ResourceStore::readStamp(const ListTable &table, const QVariantList &keys,
                                   const QString &doing)
{
    std::optional<QSqlQuery> q
        = m_db.query(QStringLiteral("SELECT %1 FROM %2 WHERE endpoint = ?%3")
                         .arg(table.stampColumn, table.stampTable,
                              table.stampByParent ? QStringLiteral(" AND parent = ?") : QString()),
                     doing, keys);
    return q && q->next() ? timeAt(q->value(0)) : QDateTime();
}

bool ResourceStore::storeApplications(const QString &endpoint,
                                      const QList<qbusiness::Application> &applications,
                                      const QDateTime &at)
{
    QList<QVariantList> rows;
    for (const qbusiness::Application &a : applications) {
        rows.append({a.applicationId, a.displayName, a.status, a.identityType,
                     optionalMs(a.createdAt), optionalMs(a.updatedAt)});
    }
    return store(endpoint, applicationTable(), {}, rows, at);
}

QList<qbusiness::Application> ResourceStore::applications(const QString &endpoint,
                                                          QDateTime *listedAt)
{
    QList<qbusiness::Application> out;
    const QList<QVariantList> rows = read(endpoint, applicationTable(), {}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toString(),
                    timeAt(r.at(4)), timeAt(r.at(5))});
    }
    return out;
}

bool ResourceStore::storeIndices(const QString &endpoint, const QString &applicationId,
                                 const QList<qbusiness::Index> &indices, const QDateTime &at)
{
    QList<QVariantList> rows;
    for (const qbusiness::Index &i : indices) {
        rows.append(
            {i.indexId, i.displayName, i.status, optionalMs(i.createdAt), optionalMs(i.updatedAt)});
    }
    return store(endpoint, indexTable(), {applicationId}, rows, at);
}

QList<qbusiness::Index> ResourceStore::indices(const QString &endpoint,
                                               const QString &applicationId, QDateTime *listedAt)
{
    QList<qbusiness::Index> out;
    const QList<QVariantList> rows = read(endpoint, indexTable(), {applicationId}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), timeAt(r.at(3)),
                    timeAt(r.at(4))});
    }
    return out;
}

bool ResourceStore::storeDataSources(const QString &endpoint, const QString &applicationId,
                                     const QString &indexId,
                                     const QList<qbusiness::DataSource> &dataSources,
                                     const QDateTime &at)
{
    QList<QVariantList> rows;
    for (const qbusiness::DataSource &s : dataSources) {
        rows.append({s.dataSourceId, s.displayName, s.type, s.status, optionalMs(s.createdAt),
                     optionalMs(s.updatedAt)});
    }
    return store(endpoint, dataSourceTable(), {applicationId, indexId}, rows, at);
}

QList<qbusiness::DataSource> ResourceStore::dataSources(const QString &endpoint,
                                                        const QString &applicationId,
                                                        const QString &indexId, QDateTime *listedAt)
{
    QList<qbusiness::DataSource> out;
    const QList<QVariantList> rows
        = read(endpoint, dataSourceTable(), {applicationId, indexId}, listedAt);
    for (const QVariantList &r : rows) {
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toString(),
                    timeAt(r.at(4)), timeAt(r.at(5))});
    }
    return out;
}

bool ResourceStore::storeFleetRows(const QString &endpoint, const QList<fleet::FleetRow> &rows,
                                   const QDateTime &at)
{
    QList<QVariantList> encoded;
    for (const fleet::FleetRow &row : rows)
        encoded.append({encodeFleetRow(row)});
    return store(endpoint, fleetTable(), {}, encoded, at);
}

QList<fleet::FleetRow> ResourceStore::fleetRows(const QString &endpoint, QDateTime *scannedAt)
{
    QList<fleet::FleetRow> out;
    const QList<QVariantList> rows = read(endpoint, fleetTable(), {}, scannedAt);
    for (const QVariantList &r : rows) {
        // A value that does not decode (a damaged page) is left out, never shown half read.
        if (std::optional<fleet::FleetRow> row = decodeFleetRow(r.at(0).toByteArray()))
            out.append(std::move(*row));
    }
    return out;
}

} // namespace syncdeck::cache
