#pragma once

#include "qbusiness/consolelinks.h"

#include <QCoreApplication>
#include <QString>

namespace syncdeck::ui {

class ConnectionBar;
class ConnectionController;
class ErrorBanner;
class FleetNavigator;
class JobsPage;
class ResourcePicker;

// Opens one data source's history from what names it: Go to's text (ARN, console URL or IDs)
// or a fleet row. The connection follows the data source's region (a profile reopens there;
// the fleet is kept across that reconnect), the picker opens the IDs at once.
struct DataSourceOpener
{
    ConnectionBar *connectionBar;
    ConnectionController *connection;
    ResourcePicker *picker;
    FleetNavigator *navigator;
    JobsPage *jobs;
    ErrorBanner *errorBanner;

    // Go to: a reference that cannot be read, or no profile to open it with, is an error.
    void goTo(const QString &reference) const;
    // Enter or double-click on a fleet row: its history, with Back to the fleet.
    void openFleetRow(const qbusiness::ResourceReference &ids) const;

    Q_DECLARE_TR_FUNCTIONS(DataSourceOpener)
};

} // namespace syncdeck::ui
