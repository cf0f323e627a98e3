#pragma once

#include "qbusiness/awserror.h"
#include "qbusiness/consolelinks.h"
#include "resourcelevel.h"

#include <QPointer>
#include <QToolBar>

#include <functional>

class QLabel;

namespace syncdeck::qbusiness {
class Client;
}

namespace syncdeck::cache {
class HistoryCache;
}

namespace syncdeck::ui {

// Application → index → data source. Each level lists every page of its List operation when
// its parent is chosen and shows display name, connector type and status; the selection is the
// three IDs. A data source can be opened by its IDs alone (command line, Go to): each level
// selects its ID when listed, and keeps it by its ID when the listing lacks it or fails (a role
// allowed only ListDataSourceSyncJobs loses the names, never the history).
class ResourcePicker : public QToolBar
{
    Q_OBJECT
public:
    explicit ResourcePicker(QWidget *parent = nullptr);
    ~ResourcePicker() override;

    // Lists the applications of `client` (not owned); nullptr empties every level.
    void setClient(qbusiness::Client *client);
    // The local cache of resource names (not owned; nullptr: none), used from the next listing.
    void setHistoryCache(cache::HistoryCache *cache);
    // Selects this data source by its IDs (its region is ignored). With all three IDs the
    // history opens at once (now, or as soon as a client is set) and the names are listed
    // beside it; with an application or index alone, it is selected once listed.
    void open(const qbusiness::ResourceReference &ids);

    // The IDs chosen so far (region empty); a data source is chosen when all three are set.
    qbusiness::ResourceReference selection() const;
    bool hasDataSource() const;
    // The display name of the chosen data source (its ID when it was not listed).
    QString dataSourceName() const;
    bool isListing() const;

public slots:
    // Lists the applications again (Refresh before a data source is chosen).
    void reload();

signals:
    // Any level changed; hasDataSource() says whether a data source is chosen.
    void selectionChanged();
    // A level could not be listed; `retry` lists it again.
    void listingFailed(const QString &what, const syncdeck::qbusiness::AwsError &error,
                       const std::function<void()> &retry);
    void listingChanged();
    // The chosen entries' names arrived after a data source was opened from its IDs.
    void namesListed();
    // The user picked an application, index or data source by hand (not a listing's choice).
    void choiceMadeByUser();

private:
    ResourceLevel *addLevel(ResourceLevel::Kind kind, const QString &label,
                            const QString &objectName);
    void listIndicesOfChosenApplication(bool byUser);
    void listDataSourcesOfChosenIndex(bool byUser);
    void noteNamesUnavailable(ResourceLevel *level, const qbusiness::AwsError &error);
    void openFromIds();
    void hideNamesNote();

    QPointer<qbusiness::Client> m_client;
    // A data source asked for by its three IDs before a client was set.
    qbusiness::ResourceReference m_toOpen;
    ResourceLevel *m_applications = nullptr;
    ResourceLevel *m_indices = nullptr;
    ResourceLevel *m_dataSources = nullptr;
    // Says which levels are shown by ID because their listing failed (least privilege).
    QLabel *m_namesNote = nullptr;
    QAction *m_namesNoteAction = nullptr;
    QStringList m_namesNotes;
};

} // namespace syncdeck::ui
