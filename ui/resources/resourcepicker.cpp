#include "resourcepicker.h"

#include "qbusiness/client.h"
#include "widgets/plaintext.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>

namespace syncdeck::ui {

using Kind = ResourceLevel::Kind;

ResourcePicker::ResourcePicker(QWidget *parent)
    : QToolBar(tr("Resources"), parent)
{
    setObjectName(QStringLiteral("resourceBar"));
    setMovable(false);
    m_applications
        = addLevel(Kind::Applications, tr("&Application:"), QStringLiteral("application"));
    m_indices = addLevel(Kind::Indices, tr("I&ndex:"), QStringLiteral("index"));
    m_dataSources = addLevel(Kind::DataSources, tr("Data so&urce:"), QStringLiteral("dataSource"));
    connect(m_applications, &ResourceLevel::chosen, this,
            &ResourcePicker::listIndicesOfChosenApplication);
    connect(m_indices, &ResourceLevel::chosen, this, &ResourcePicker::listDataSourcesOfChosenIndex);
    connect(m_dataSources, &ResourceLevel::chosen, this, &ResourcePicker::selectionChanged);
    m_namesNote = new QLabel(this);
    m_namesNote->setObjectName(QStringLiteral("resourceNamesNote"));
    m_namesNote->setWordWrap(true);
    m_namesNoteAction = addWidget(m_namesNote);
    m_namesNoteAction->setVisible(false);
    for (ResourceLevel *level : {m_applications, m_indices, m_dataSources}) {
        connect(level, &ResourceLevel::chosen, this, [this](bool byUser) {
            if (byUser)
                emit choiceMadeByUser();
        });
    }
}

ResourcePicker::~ResourcePicker() = default;

ResourceLevel *ResourcePicker::addLevel(Kind kind, const QString &label, const QString &objectName)
{
    auto *l = new QLabel(label, this);
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->setMinimumWidth(200);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    QString accessible = label;
    accessible.remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    combo->setAccessibleName(accessible);
    l->setBuddy(combo);
    addWidget(l);
    addWidget(combo);
    auto *level = new ResourceLevel(kind, combo, this);
    connect(level, &ResourceLevel::listingFailed, this,
            [this, level](const qbusiness::AwsError &error) {
                emit listingFailed(level->failureTitle(), error,
                                   [level = QPointer<ResourceLevel>(level)] {
                                       if (level)
                                           level->relist();
                                   });
            });
    connect(level, &ResourceLevel::listingChanged, this, &ResourcePicker::listingChanged);
    connect(level, &ResourceLevel::namesListed, this, &ResourcePicker::namesListed);
    connect(
        level, &ResourceLevel::namesUnavailable, this,
        [this, level](const qbusiness::AwsError &error) { noteNamesUnavailable(level, error); });
    return level;
}

void ResourcePicker::noteNamesUnavailable(ResourceLevel *level, const qbusiness::AwsError &error)
{
    const QString code = error.code.isEmpty() ? error.message : error.code;
    m_namesNotes.append(tr("%1 failed (%2)").arg(level->operation(), code));
    // Plain text: the code and message are the service's.
    setPlainText(m_namesNote,
                 tr("Shown by ID: %1. Only the names are missing; the sync history needs "
                    "qbusiness:ListDataSourceSyncJobs alone.")
                     .arg(m_namesNotes.join(QStringLiteral("; "))));
    m_namesNote->setToolTip(plainToolTip(error.message));
    m_namesNoteAction->setVisible(true);
}

void ResourcePicker::setHistoryCache(cache::HistoryCache *cache)
{
    for (ResourceLevel *level : {m_applications, m_indices, m_dataSources})
        level->setCache(cache);
}

void ResourcePicker::hideNamesNote()
{
    m_namesNotes.clear();
    m_namesNoteAction->setVisible(false);
}

void ResourcePicker::setClient(qbusiness::Client *client)
{
    hideNamesNote();
    m_client = client;
    m_dataSources->clear();
    m_indices->clear();
    m_applications->clear();
    if (!client)
        return;
    if (!m_toOpen.dataSourceId.isEmpty())
        openFromIds();
    else
        m_applications->list(client);
}

void ResourcePicker::open(const qbusiness::ResourceReference &ids)
{
    if (!ids.applicationId.isEmpty() && !ids.indexId.isEmpty() && !ids.dataSourceId.isEmpty()) {
        m_toOpen = ids;
        if (m_client)
            openFromIds();
        return;
    }
    m_toOpen = {};
    m_applications->setWantedId(ids.applicationId);
    m_indices->setWantedId(ids.indexId);
    m_dataSources->setWantedId(ids.dataSourceId);
    if (m_client && !m_applications->isListing())
        m_applications->selectWanted();
}

// The history needs ListDataSourceSyncJobs alone: it opens now, from the IDs, and the three
// listings only bring the names (a role without them keeps the IDs, said in the note).
void ResourcePicker::openFromIds()
{
    const qbusiness::ResourceReference ids = std::exchange(m_toOpen, {});
    hideNamesNote();
    m_applications->listAround(m_client, {}, {}, ids.applicationId);
    m_indices->listAround(m_client, ids.applicationId, {}, ids.indexId);
    m_dataSources->listAround(m_client, ids.applicationId, ids.indexId, ids.dataSourceId);
    emit selectionChanged();
}

qbusiness::ResourceReference ResourcePicker::selection() const
{
    return {{}, m_applications->currentId(), m_indices->currentId(), m_dataSources->currentId()};
}

bool ResourcePicker::hasDataSource() const
{
    const qbusiness::ResourceReference ids = selection();
    return !ids.applicationId.isEmpty() && !ids.indexId.isEmpty() && !ids.dataSourceId.isEmpty();
}

QString ResourcePicker::dataSourceName() const
{
    return m_dataSources->currentName();
}

bool ResourcePicker::isListing() const
{
    return m_applications->isListing() || m_indices->isListing() || m_dataSources->isListing();
}

void ResourcePicker::reload()
{
    m_applications->relist();
}

void ResourcePicker::listIndicesOfChosenApplication(bool byUser)
{
    if (byUser) {
        // Another application by hand: IDs wanted below belonged to the one before.
        m_indices->setWantedId({});
        m_dataSources->setWantedId({});
    }
    m_dataSources->clear();
    m_indices->clear();
    emit selectionChanged();
    const QString application = m_applications->currentId();
    if (!application.isEmpty())
        m_indices->list(m_client, application);
}

void ResourcePicker::listDataSourcesOfChosenIndex(bool byUser)
{
    if (byUser)
        m_dataSources->setWantedId({});
    m_dataSources->clear();
    emit selectionChanged();
    const QString index = m_indices->currentId();
    if (!index.isEmpty())
        m_dataSources->list(m_client, m_applications->currentId(), index);
}

} // namespace syncdeck::ui
