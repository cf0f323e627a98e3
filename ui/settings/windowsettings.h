#pragma once

#include <QByteArray>
#include <QString>

namespace syncdeck::ui {

// What the window remembers between starts, in QSettings: layout, the jobs table's columns,
// region, endpoint override, live refresh interval and time range. Names and layout only: never
// a key, a token or anything else from the credentials.
struct WindowSettings
{
    QByteArray geometry;
    QByteArray dockState;
    QByteArray jobsHeader;
    QString region;
    QString endpointOverride;
    int refreshSeconds = 10; // 5 to 600
    int range = -1; // FilterBar::Range; -1: none remembered (a custom range never is)
    // The history cache: its folder (empty: the default) and its limits (0: none).
    QString cacheDirectory;
    int cacheMaxMegabytes = 512;
    int cacheMaxAgeDays = 0;

    static WindowSettings load();
    void save() const;
};

} // namespace syncdeck::ui
