#include "datasourceopener.h"

#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "fleet/fleetnavigator.h"
#include "jobs/jobspage.h"
#include "resources/resourcepicker.h"
#include "widgets/errorbanner.h"

namespace syncdeck::ui {

void DataSourceOpener::goTo(const QString &reference) const
{
    qbusiness::ResourceReference ids;
    QString error;
    if (!qbusiness::parseResourceReference(reference, &ids, &error)) {
        errorBanner->showError(tr("Cannot go there"), error, {});
        return;
    }
    navigator->showAskedHistory();
    if (!connection->openForRegion(ids.region))
        errorBanner->showError(
            tr("Not connected"),
            tr("Choose a profile first; SyncDeck will then open this data source."), {});
    // The picker opens the IDs now, or once a connection gives it a client.
    picker->open(ids);
}

void DataSourceOpener::openFleetRow(const qbusiness::ResourceReference &ids) const
{
    // A row of another region (the fleet scans every region): the connection follows it.
    if (!ids.region.isEmpty() && ids.region != connectionBar->region() && !connection->isDemo())
        navigator->keepFleetAcrossReconnect();
    connection->openForRegion(ids.region);
    picker->open(ids);
    navigator->showHistory();
    jobs->focusTable();
}

} // namespace syncdeck::ui
