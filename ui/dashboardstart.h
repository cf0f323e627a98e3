#pragma once

namespace syncdeck::ui {

class ConnectionBar;
class ConnectionController;
class FilterBar;
class FleetNavigator;
class ResourcePicker;
struct LaunchOptions;
struct WindowSettings;

// What the window opens at start: the command line beats the remembered connection, which
// beats the profile the AWS CLI would use (AWS_PROFILE, else [default]) when ~/.aws defines it.
// It connects once the window is up, so a slow credential source never delays the first paint.
struct DashboardStart
{
    ConnectionBar *connectionBar;
    ConnectionController *connection;
    ResourcePicker *picker;
    FilterBar *filters;
    FleetNavigator *navigator;

    // `remembered` counts only when `options` ask to restore settings.
    void open(const LaunchOptions &options, const WindowSettings &remembered) const;

private:
    void reopenRemembered(const WindowSettings &remembered) const;
};

} // namespace syncdeck::ui
