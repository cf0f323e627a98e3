#pragma once

#include <QByteArray>
#include <QString>

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
};

} // namespace syncdeck::ui
