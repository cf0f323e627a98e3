#pragma once

#include "qbusiness/consolelinks.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace syncdeck::ui {

// What the window remembers between starts, in QSettings: layout, the jobs table's columns,
// the last connection (profile name, region, application, index, data source), endpoint
// override, live refresh interval and time range. Names and layout only: never a key, a token
// or anything else from the credentials. Only choices made in the window are remembered: a
// command-line option applies to its launch alone (see chosenInWindow()).
struct WindowSettings
{
    QByteArray geometry;
    QByteArray dockState;
    QByteArray jobsHeader;
    QString profile; // a named profile of ~/.aws; empty: none remembered
    QString region;
    QString applicationId;
    QString indexId;
    QString dataSourceId;
    QString endpointOverride;
    int refreshSeconds = 10; // 5 to 600
    int fleetRefreshMinutes = 15; // the fleet view's automatic refresh, 0 (off) to 1440
    int range = -1; // FilterBar::Range; -1: none remembered (a custom range never is)
    // The history cache: its folder (empty: the default) and its limits (0: none).
    QString cacheDirectory;
    int cacheMaxMegabytes = 512;
    int cacheMaxAgeDays = 0;

    static WindowSettings load();
    void save() const;

    // The value to remember for a setting now `current`: what the command line asked for
    // (`launch`, empty when it asked nothing) is not a choice, so `remembered` stays.
    static QString chosenInWindow(const QString &current, const QString &launch,
                                  const QString &remembered);
    // Remembers the profile chosen in the window with the data source picked for it (`ids`,
    // `hasDataSource`): a connection is remembered whole, the IDs belong to the profile's
    // account. What the command line asked for (`launchProfile`, `launchIds`) is not a choice.
    // The profile to reopen without a connection on the command line: the remembered one, else
    // the one the AWS CLI would use (AWS_PROFILE, else "default"), if `defined`; else empty.
    QString profileToReopen(const std::function<bool(const QString &)> &defined) const;
    void rememberConnection(const QString &profileName, const qbusiness::ResourceReference &ids,
                            bool hasDataSource, const QString &launchProfile,
                            const qbusiness::ResourceReference &launchIds);
};

} // namespace syncdeck::ui
