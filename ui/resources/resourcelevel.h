#pragma once

#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include <QObject>
#include <QPointer>

class QComboBox;

namespace syncdeck::aws {
class ServiceCall;
}

namespace syncdeck::cache {
class HistoryCache;
}

namespace syncdeck::qbusiness {
using Call = aws::ServiceCall;
class Client;
class Paginator;
class ResourceListModel;
} // namespace syncdeck::qbusiness

namespace syncdeck::ui {

// One level of the resource picker (applications, indices or data sources): its combo box and
// the list model beside it, filled with every page of the level's List operation through
// qbusiness::Paginator (so a listing stops on a repeated token, as the CLI's does), and the ID
// wanted at this level once it is listed. The model gives people names; requests use the IDs.
class ResourceLevel : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Applications, Indices, DataSources };

    // Shows the level in `combo` (not owned).
    ResourceLevel(Kind kind, QComboBox *combo, QObject *parent = nullptr);
    ~ResourceLevel() override;

    Kind kind() const { return m_kind; }
    qbusiness::ResourceListModel *model() const { return m_model; }
    // "Could not list applications", for the error banner.
    QString failureTitle() const;
    // The List operation of this level ("ListApplications").
    QString operation() const;

    // Lists every page under the given parent IDs (none for applications). A listing still
    // running is dropped: its pages never reach the model.
    void list(qbusiness::Client *client, const QString &applicationId = {},
              const QString &indexId = {});
    // Lists again with the same client and parents (Retry).
    void relist();
    // Stops listing and empties the model.
    void clear();
    // The local cache of resource names (not owned; nullptr: none): each listing shows the
    // names cached for its parent at once and selects from them, and a listing that succeeds
    // replaces them.
    void setCache(cache::HistoryCache *cache);
    bool isListing() const { return !m_paginator.isNull(); }

    // The ID to select when this level is next listed (command line, Go to).
    void setWantedId(const QString &id) { m_wantedId = id; }
    // Selects the wanted ID now (added by its ID when the listing lacks it, e.g. without List
    // permission, so that it stays usable), else the first row; the wanted ID is used up.
    void selectWanted();
    // Shows `id` chosen at once (by its cached name, else by the ID itself), then lists the
    // level's names around it without choosing anything else and without `chosen`: a history
    // opened from IDs never waits for, nor depends on, a List permission. A failed listing
    // only costs the names (`namesUnavailable`). Ends when the user picks another entry.
    void listAround(qbusiness::Client *client, const QString &applicationId, const QString &indexId,
                    const QString &id);

    QString currentId() const;
    QString currentName() const;

signals:
    // Another entry is current: picked by the user, or selected after a listing.
    void chosen(bool byUser);
    // The listing failed and no ID was wanted here: nothing can be chosen.
    void listingFailed(const syncdeck::qbusiness::AwsError &error);
    // The listing failed but the wanted ID was selected anyway (shown by its ID).
    void namesUnavailable(const syncdeck::qbusiness::AwsError &error);
    void listingChanged(bool listing);
    // The names of a level listed around a kept ID arrived (the kept entry may have its name).
    void namesListed();

private:
    void takePage(qbusiness::Call *call, int first, int count);
    void finishListing();
    void showCached();
    bool fillFromCache();
    void takeListed();
    void storeListed();
    // Selects `id` without `chosen`, adding it by its ID when the model lacks it.
    void selectSilently(const QString &id);

    Kind m_kind;
    QComboBox *m_combo = nullptr;
    qbusiness::ResourceListModel *m_model = nullptr;
    QPointer<qbusiness::Paginator> m_paginator;
    QPointer<qbusiness::Client> m_client;
    QString m_applicationId;
    QString m_indexId;
    QString m_wantedId;
    QString m_keptId; // listAround(): this ID stays chosen whatever the listing brings
    // The pages so far of the running listing; only one of them is used, by kind.
    QList<qbusiness::Application> m_applications;
    QList<qbusiness::Index> m_indices;
    QList<qbusiness::DataSource> m_dataSources;
    QPointer<cache::HistoryCache> m_cache;
    bool m_fromCache = false; // the entries shown came from the cache
};

} // namespace syncdeck::ui
