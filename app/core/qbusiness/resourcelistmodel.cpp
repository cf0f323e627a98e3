#include "resourcelistmodel.h"

namespace syncdeck::qbusiness {

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ResourceListModel::setApplications(const QList<Application> &applications)
{
    QList<Entry> entries;
    for (const Application &a : applications)
        entries.append({a.applicationId, a.displayName, a.status, {}});
    setEntries(std::move(entries));
}

void ResourceListModel::setIndices(const QList<Index> &indices)
{
    QList<Entry> entries;
    for (const Index &i : indices)
        entries.append({i.indexId, i.displayName, i.status, {}});
    setEntries(std::move(entries));
}

void ResourceListModel::setDataSources(const QList<DataSource> &dataSources)
{
    QList<Entry> entries;
    for (const DataSource &d : dataSources)
        entries.append({d.dataSourceId, d.displayName, d.status, d.type});
    setEntries(std::move(entries));
}

void ResourceListModel::setEntries(QList<Entry> entries)
{
    // The service's order, as the console and the AWS CLI show it.
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void ResourceListModel::clear()
{
    setEntries({});
}

int ResourceListModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

int ResourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = e.displayName.isEmpty() ? e.id : e.displayName;
        QStringList extra;
        if (!e.type.isEmpty())
            extra.append(e.type);
        if (!e.status.isEmpty() && e.status != QLatin1String("ACTIVE"))
            extra.append(e.status);
        if (!extra.isEmpty())
            text += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
        return text;
    }
    case Qt::ToolTipRole:
        return QString(tr("%1\nID: %2\nStatus: %3").arg(e.displayName, e.id, e.status)
                       + (e.type.isEmpty() ? QString() : tr("\nConnector: %1").arg(e.type)));
    case IdRole:
        return e.id;
    case NameRole:
        return e.displayName;
    case StatusRole:
        return e.status;
    case TypeRole:
        return e.type;
    default:
        return {};
    }
}

} // namespace syncdeck::qbusiness
