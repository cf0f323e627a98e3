#pragma once

#include "types.h"

#include <QAbstractListModel>

namespace syncdeck::qbusiness {

// One level of the resource pickers (applications, indices or data sources): display name,
// status and connector type for people, the ID for requests.
class ResourceListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        StatusRole,
        TypeRole,
    };

    struct Entry
    {
        QString id;
        QString displayName;
        QString status;
        QString type; // connector type, data sources only
    };

    explicit ResourceListModel(QObject *parent = nullptr);

    void setApplications(const QList<Application> &applications);
    void setIndices(const QList<Index> &indices);
    void setDataSources(const QList<DataSource> &dataSources);
    void setEntries(QList<Entry> entries);
    void clear();

    const QList<Entry> &entries() const { return m_entries; }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace syncdeck::qbusiness
