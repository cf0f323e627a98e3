#include "dashboardstart.h"

#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "fleet/fleetnavigator.h"
#include "jobs/filterbar.h"
#include "launchoptions.h"
#include "resources/resourcepicker.h"
#include "settings/windowsettings.h"

#include <QTimer>

namespace syncdeck::ui {

void DashboardStart::open(const LaunchOptions &options, const WindowSettings &remembered) const
{
    // The command line beats remembered state.
    if (!options.region.isEmpty())
        connectionBar->showRegion(options.region);
    filters->applyLaunchFilters(options.statusFilter, options.startTime, options.endTime);
    navigator->setDataSourceAsked(!options.applicationId.isEmpty());
    if (!options.applicationId.isEmpty())
        picker->open({{}, options.applicationId, options.indexId, options.dataSourceId});
    if (!options.endpointUrl.isEmpty())
        connection->setEndpointOverride(options.endpointUrl);
    if (options.demo)
        connectionBar->choose({ConnectionChoice::Kind::Demo, {}});
    else if (!options.profile.isEmpty())
        connectionBar->choose({ConnectionChoice::Kind::Profile, options.profile});
    // The environment's keys, preselected by the bar, connect as the AWS CLI would use them.
    const bool fromEnvironment
        = connectionBar->choice().kind == ConnectionChoice::Kind::Environment;
    if (options.demo || !options.profile.isEmpty() || !options.applicationId.isEmpty()
        || fromEnvironment)
        QTimer::singleShot(0, connection, &ConnectionController::openChosen);
    else if (options.restoreSettings)
        reopenRemembered(remembered);
}

void DashboardStart::reopenRemembered(const WindowSettings &remembered) const
{
    const QString profile = remembered.profileToReopen(
        [this](const QString &name) { return connectionBar->hasProfile(name); });
    if (profile.isEmpty())
        return;
    connectionBar->choose({ConnectionChoice::Kind::Profile, profile});
    if (profile == remembered.profile && !remembered.applicationId.isEmpty())
        picker->open({{}, remembered.applicationId, remembered.indexId, remembered.dataSourceId});
    QTimer::singleShot(0, connection, &ConnectionController::openChosen);
}

} // namespace syncdeck::ui
