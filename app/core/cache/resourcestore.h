#pragma once

#include "fleet/fleetrow.h"
#include "jobrows.h"
#include "qbusiness/types.h"

#include <QDateTime>
#include <QStringList>

namespace syncdeck::cache {

// What the cache keeps per endpoint besides the job history, so that the pickers and the fleet
// overview open on their last listing at once and offline: the resource names (applications,
// indices, data sources, in the service's order) and the fleet overview's health rows. Each list
// is replaced whole by a complete listing, with when it was read.
class ResourceStore
{
public:
    ResourceStore(CacheConnection &db, JobRows &rows)
        : m_db(db)
        , m_rows(rows)
    { }

    bool storeApplications(const QString &endpoint,
                           const QList<qbusiness::Application> &applications, const QDateTime &at);
    QList<qbusiness::Application> applications(const QString &endpoint, QDateTime *listedAt);
    bool storeIndices(const QString &endpoint, const QString &applicationId,
                      const QList<qbusiness::Index> &indices, const QDateTime &at);
    QList<qbusiness::Index> indices(const QString &endpoint, const QString &applicationId,
                                    QDateTime *listedAt);
    bool storeDataSources(const QString &endpoint, const QString &applicationId,
                          const QString &indexId, const QList<qbusiness::DataSource> &dataSources,
                          const QDateTime &at);
    QList<qbusiness::DataSource> dataSources(const QString &endpoint, const QString &applicationId,
                                             const QString &indexId, QDateTime *listedAt);
    bool storeFleetRows(const QString &endpoint, const QList<fleet::FleetRow> &rows,
                        const QDateTime &at);
    QList<fleet::FleetRow> fleetRows(const QString &endpoint, QDateTime *scannedAt);

    // One kind of list: its table (rows of one endpoint and parent, by position) and where the
    // time of its listing is kept.
    struct ListTable
    {
        QString name;
        QStringList parentColumns; // the ids of the list's parent
        QStringList columns; // stored per row, besides endpoint, parent and position
        QString stampTable; // (endpoint[, parent], stampColumn)
        QString stampColumn;
        bool stampByParent = true; // the stamp table has a `parent` column ("app/index")
        QString what; // for messages: "storing resource names"
    };

private:
    bool store(const QString &endpoint, const ListTable &table, const QStringList &parent,
               const QList<QVariantList> &rows, const QDateTime &at);
    QList<QVariantList> read(const QString &endpoint, const ListTable &table,
                             const QStringList &parent, QDateTime *at);
    QDateTime readStamp(const ListTable &table, const QVariantList &keys, const QString &doing);

    CacheConnection &m_db;
    JobRows &m_rows;
};

} // namespace syncdeck::cache
