#include "synccontrol.h"

#include "qbusiness/client.h"
#include "qbusiness/syncjobmodel.h"
#include "widgets/messagebox.h"

#include <QAction>
#include <QWidget>

namespace syncdeck::ui {

using qbusiness::Call;

SyncControl::SyncControl(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_syncNow = new QAction(tr("&Sync now…"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_stop = new QAction(tr("S&top sync…"), this);
    m_stop->setObjectName(QStringLiteral("stopSyncAction"));
    m_syncNow->setEnabled(false);
    m_stop->setEnabled(false);
    connect(m_syncNow, &QAction::triggered, this, &SyncControl::syncNow);
    connect(m_stop, &QAction::triggered, this, &SyncControl::stopSync);
}

void SyncControl::setDataSource(qbusiness::Client *client, const qbusiness::ResourceReference &ids,
                                const QString &name)
{
    m_client = client;
    m_ids = ids;
    m_name = name;
    m_runState = RunState::Unknown;
    updateActions();
}

void SyncControl::setRunState(RunState state)
{
    m_runState = state;
    updateActions();
}

void SyncControl::followListing(const qbusiness::SyncJobModel &model)
{
    setRunState(!model.isActive() || !model.isFirstPageLoaded() || model.isFiltered()
                    ? RunState::Unknown
                    : (model.hasRunningJobs() ? RunState::Running : RunState::Idle));
}

void SyncControl::updateActions()
{
    const bool usable = m_client && !m_ids.applicationId.isEmpty() && !m_ids.indexId.isEmpty()
        && !m_ids.dataSourceId.isEmpty();
    m_syncNow->setEnabled(usable && m_runState != RunState::Running);
    m_stop->setEnabled(usable && m_runState != RunState::Idle);
}

bool SyncControl::confirm(const QString &title, const QString &question) const
{
    return MessageBox::question(m_window, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void SyncControl::syncNow()
{
    if (!m_syncNow->isEnabled()
        || !confirm(tr("Start a sync"),
                    tr("Start a sync of %1 now? It reads the whole repository and may take a "
                       "while.")
                        .arg(m_name))
        || !m_client) // the connection closed while the question was open
        return;
    send(m_client->startDataSourceSyncJob(m_ids.applicationId, m_ids.indexId, m_ids.dataSourceId),
         tr("The sync could not start"), [this](Call *call) {
             emit syncStarted(static_cast<qbusiness::StartSyncCall *>(call)->executionId);
         });
}

void SyncControl::stopSync()
{
    if (!m_stop->isEnabled()
        || !confirm(tr("Stop the sync"),
                    tr("Stop the running sync of %1? Documents synced so far stay in the index.")
                        .arg(m_name))
        || !m_client)
        return;
    send(m_client->stopDataSourceSyncJob(m_ids.applicationId, m_ids.indexId, m_ids.dataSourceId),
         tr("The sync could not be stopped"), [this](Call *) { emit stopAccepted(); });
}

void SyncControl::send(Call *call, const QString &failure, const std::function<void(Call *)> &done)
{
    connect(call, &Call::finished, this, [this, failure, done](Call *c) {
        if (c->error().isError())
            emit failed(failure, c->error(), {});
        else
            done(c);
    });
    call->start();
}

} // namespace syncdeck::ui
