#include "resourcelevel.h"

#include "cache/datasourcekey.h"
#include "cache/historycache.h"
#include "qbusiness/client.h"
#include "qbusiness/paginator.h"
#include "qbusiness/resourcelistmodel.h"
#include "widgets/plaintooltipproxymodel.h"

#include <QComboBox>

namespace syncdeck::ui {

using qbusiness::Paginator;

ResourceLevel::ResourceLevel(Kind kind, QComboBox *combo, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_combo(combo)
    , m_model(new qbusiness::ResourceListModel(this))
{
    // The tooltips hold display names and statuses from the service.
    auto *shown = new PlainToolTipProxyModel(this);
    shown->setSourceModel(m_model);
    m_combo->setModel(shown);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        m_keptId.clear(); // the user's pick replaces an ID kept from the command line or Go to
        emit chosen(true);
    });
}

ResourceLevel::~ResourceLevel()
{
    delete m_paginator.data();
}

QString ResourceLevel::operation() const
{
    switch (m_kind) {
    case Kind::Applications:
        return QStringLiteral("ListApplications");
    case Kind::Indices:
        return QStringLiteral("ListIndices");
    case Kind::DataSources:
        break;
    }
    return QStringLiteral("ListDataSources");
}

QString ResourceLevel::failureTitle() const
{
    switch (m_kind) {
    case Kind::Applications:
        return tr("Could not list applications");
    case Kind::Indices:
        return tr("Could not list indices");
    case Kind::DataSources:
        break;
    }
    return tr("Could not list data sources");
}

void ResourceLevel::list(qbusiness::Client *client, const QString &applicationId,
                         const QString &indexId)
{
    m_client = client;
    m_applicationId = applicationId;
    m_indexId = indexId;
    m_keptId.clear();
    relist();
}

void ResourceLevel::relist()
{
    const bool wasListing = isListing();
    delete m_paginator.data();
    m_applications.clear();
    m_indices.clear();
    m_dataSources.clear();
    if (!m_client) {
        if (wasListing)
            emit listingChanged(false);
        return;
    }
    switch (m_kind) {
    case Kind::Applications:
        m_paginator = Paginator::listApplications(m_client, this);
        break;
    case Kind::Indices:
        m_paginator = Paginator::listIndices(m_client, m_applicationId, this);
        break;
    case Kind::DataSources:
        m_paginator = Paginator::listDataSources(m_client, m_applicationId, m_indexId, this);
        break;
    }
    connect(m_paginator, &Paginator::pageLoaded, this, &ResourceLevel::takePage);
    connect(m_paginator, &Paginator::finished, this, &ResourceLevel::finishListing);
    m_paginator->start();
    if (!wasListing)
        emit listingChanged(true);
    showCached();
}

void ResourceLevel::setCache(cache::HistoryCache *cache)
{
    m_cache = cache;
}

void ResourceLevel::listAround(qbusiness::Client *client, const QString &applicationId,
                               const QString &indexId, const QString &id)
{
    m_client = client;
    m_applicationId = applicationId;
    m_indexId = indexId;
    m_wantedId.clear();
    m_keptId = id;
    relist();
}

// The names cached for this parent, shown and chosen from before the listing answers.
void ResourceLevel::showCached()
{
    m_fromCache = false;
    const bool any = fillFromCache();
    if (!m_keptId.isEmpty()) {
        if (!any) {
            const QSignalBlocker blocker(m_combo);
            m_model->clear();
        }
        selectSilently(m_keptId);
        return;
    }
    if (!any)
        return;
    m_fromCache = true;
    selectWanted();
}

bool ResourceLevel::fillFromCache()
{
    if (!m_cache || !m_client)
        return false;
    const QString endpoint = cache::endpointIdentity(m_client->config());
    const QSignalBlocker blocker(m_combo);
    switch (m_kind) {
    case Kind::Applications:
        if (const auto cached = m_cache->applications(endpoint); !cached.isEmpty()) {
            m_model->setApplications(cached);
            return true;
        }
        break;
    case Kind::Indices:
        if (const auto cached = m_cache->indices(endpoint, m_applicationId); !cached.isEmpty()) {
            m_model->setIndices(cached);
            return true;
        }
        break;
    case Kind::DataSources:
        if (const auto cached = m_cache->dataSources(endpoint, m_applicationId, m_indexId);
            !cached.isEmpty()) {
            m_model->setDataSources(cached);
            return true;
        }
        break;
    }
    return false;
}

void ResourceLevel::storeListed()
{
    if (!m_cache || !m_client || m_cache->isReadOnly())
        return;
    const QString endpoint = cache::endpointIdentity(m_client->config());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_kind) {
    case Kind::Applications:
        m_cache->storeApplications(endpoint, m_applications, now);
        break;
    case Kind::Indices:
        m_cache->storeIndices(endpoint, m_applicationId, m_indices, now);
        break;
    case Kind::DataSources:
        m_cache->storeDataSources(endpoint, m_applicationId, m_indexId, m_dataSources, now);
        break;
    }
}

void ResourceLevel::clear()
{
    m_keptId.clear();
    const bool wasListing = isListing();
    delete m_paginator.data();
    {
        const QSignalBlocker blocker(m_combo);
        m_model->clear();
    }
    if (wasListing)
        emit listingChanged(false);
}

void ResourceLevel::selectWanted()
{
    const QString wanted = std::exchange(m_wantedId, {});
    if (!wanted.isEmpty()) {
        selectSilently(wanted);
    } else {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(m_model->rowCount() > 0 ? 0 : -1);
    }
    emit chosen(false);
}

void ResourceLevel::selectSilently(const QString &id)
{
    const QSignalBlocker blocker(m_combo);
    int row = m_model->rowOfId(id);
    if (row < 0) {
        QList<qbusiness::ResourceListModel::Entry> entries = m_model->entries();
        entries.append({id, id, {}, {}});
        m_model->setEntries(entries);
        row = m_model->rowOfId(id);
    }
    m_combo->setCurrentIndex(row);
}

QString ResourceLevel::currentId() const
{
    return m_combo->currentData(qbusiness::ResourceListModel::IdRole).toString();
}

QString ResourceLevel::currentName() const
{
    return m_combo->currentText();
}

void ResourceLevel::takePage(qbusiness::Call *call, int first, int count)
{
    switch (m_kind) {
    case Kind::Applications:
        m_applications << static_cast<qbusiness::ListApplicationsCall *>(call)->applications.mid(
            first, count);
        break;
    case Kind::Indices:
        m_indices << static_cast<qbusiness::ListIndicesCall *>(call)->indices.mid(first, count);
        break;
    case Kind::DataSources:
        m_dataSources << static_cast<qbusiness::ListDataSourcesCall *>(call)->dataSources.mid(
            first, count);
        break;
    }
}

void ResourceLevel::finishListing()
{
    Paginator *paginator = m_paginator;
    m_paginator = nullptr;
    paginator->deleteLater();
    emit listingChanged(false);
    if (paginator->error().isError()) {
        if (paginator->error().kind == qbusiness::AwsError::Kind::Aborted)
            return;
        if (!m_keptId.isEmpty()) {
            // Opened from IDs: the history does not depend on this listing.
            emit namesUnavailable(paginator->error());
            return;
        }
        if (!m_wantedId.isEmpty()) {
            // Least privilege: a role allowed the history (ListDataSourceSyncJobs) but not this
            // listing still opens the data source by its IDs; only the names are lost.
            {
                const QSignalBlocker blocker(m_combo);
                m_model->clear();
            }
            emit namesUnavailable(paginator->error());
            selectWanted();
            return;
        }
        emit listingFailed(paginator->error());
        return;
    }
    storeListed();
    if (!m_keptId.isEmpty()) {
        takeListed();
        selectSilently(m_keptId);
        emit namesListed();
        return;
    }
    // Chosen from the cached names already: the same entry stays chosen without a second
    // round of listings below it.
    const QString shown = std::exchange(m_fromCache, false) ? currentId() : QString();
    takeListed();
    if (!shown.isEmpty() && m_wantedId.isEmpty() && m_model->rowOfId(shown) >= 0) {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(m_model->rowOfId(shown));
        return;
    }
    selectWanted();
}

// The listed entries replace the model's, without a `chosen` of the combo's.
void ResourceLevel::takeListed()
{
    const QSignalBlocker blocker(m_combo);
    switch (m_kind) {
    case Kind::Applications:
        m_model->setApplications(std::exchange(m_applications, {}));
        break;
    case Kind::Indices:
        m_model->setIndices(std::exchange(m_indices, {}));
        break;
    case Kind::DataSources:
        m_model->setDataSources(std::exchange(m_dataSources, {}));
        break;
    }
}

} // namespace syncdeck::ui
