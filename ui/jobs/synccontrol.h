#pragma once

#include "qbusiness/awserror.h"
#include "qbusiness/consolelinks.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace syncdeck::aws {
class ServiceCall;
}

namespace syncdeck::qbusiness {
using Call = aws::ServiceCall;
class Client;
} // namespace syncdeck::qbusiness

namespace syncdeck::qbusiness {
class SyncJobModel;
}

namespace syncdeck::ui {

// Data source → Sync now / Stop sync: each asks for confirmation (naming the data source), then
// calls StartDataSourceSyncJob or StopDataSourceSyncJob and says how it went.
class SyncControl : public QObject
{
    Q_OBJECT
public:
    // Confirmations open over `window`, which also owns the control.
    explicit SyncControl(QWidget *window);

    QAction *syncNowAction() const { return m_syncNow; }
    QAction *stopAction() const { return m_stop; }

    // The data source the actions work on; without a client or a complete set of IDs the
    // actions are disabled. `name` is shown in the confirmations.
    void setDataSource(qbusiness::Client *client, const qbusiness::ResourceReference &ids,
                       const QString &name);
    // The data source's name arrived after it was opened by its IDs.
    void setDataSourceName(const QString &name) { m_name = name; }
    // What the listing knows of the data source's runs: Sync now only while none runs, Stop
    // sync only while one does. Unknown (a filtered or unloaded listing): both stay enabled,
    // and the service's answer says what was wrong.
    enum class RunState { Unknown, Idle, Running };
    void setRunState(RunState state);
    // The run state the listing in `model` shows: known only when it lists all the runs.
    void followListing(const qbusiness::SyncJobModel &model);

public slots:
    void syncNow();
    void stopSync();

signals:
    void syncStarted(const QString &executionId);
    // The service accepted the stop; the run is STOPPING.
    void stopAccepted();
    // The call failed; `retry` is empty: the user decides whether to ask again.
    void failed(const QString &what, const syncdeck::qbusiness::AwsError &error,
                const std::function<void()> &retry);

private:
    void updateActions();
    bool confirm(const QString &title, const QString &question) const;
    // Starts `call`; `done` runs when it succeeded, failed() says `failure` when it did not.
    void send(qbusiness::Call *call, const QString &failure,
              const std::function<void(qbusiness::Call *)> &done);

    QPointer<QWidget> m_window;
    QPointer<qbusiness::Client> m_client;
    qbusiness::ResourceReference m_ids;
    QString m_name;
    RunState m_runState = RunState::Unknown;
    QAction *m_syncNow = nullptr;
    QAction *m_stop = nullptr;
};

} // namespace syncdeck::ui
