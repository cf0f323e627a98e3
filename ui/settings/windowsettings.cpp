#include "windowsettings.h"

#include <QSettings>

namespace syncdeck::ui {

namespace {
constexpr char GeometryKey[] = "window/geometry";
constexpr char StateKey[] = "window/state";
constexpr char HeaderKey[] = "jobs/header";
constexpr char RegionKey[] = "connection/region";
constexpr char ProfileKey[] = "connection/profile";
constexpr char ApplicationKey[] = "connection/applicationId";
constexpr char IndexKey[] = "connection/indexId";
constexpr char DataSourceKey[] = "connection/dataSourceId";
constexpr char EndpointKey[] = "connection/endpoint";
constexpr char RefreshKey[] = "connection/refreshSeconds";
constexpr char FleetRefreshKey[] = "fleet/refreshMinutes";
constexpr char RangeKey[] = "filters/range";
constexpr char CacheDirKey[] = "cache/directory";
constexpr char CacheSizeKey[] = "cache/maxMegabytes";
constexpr char CacheAgeKey[] = "cache/maxAgeDays";
} // namespace

WindowSettings WindowSettings::load()
{
    const QSettings settings;
    WindowSettings s;
    s.geometry = settings.value(QLatin1String(GeometryKey)).toByteArray();
    s.dockState = settings.value(QLatin1String(StateKey)).toByteArray();
    s.jobsHeader = settings.value(QLatin1String(HeaderKey)).toByteArray();
    s.region = settings.value(QLatin1String(RegionKey)).toString();
    s.profile = settings.value(QLatin1String(ProfileKey)).toString();
    s.applicationId = settings.value(QLatin1String(ApplicationKey)).toString();
    s.indexId = settings.value(QLatin1String(IndexKey)).toString();
    s.dataSourceId = settings.value(QLatin1String(DataSourceKey)).toString();
    s.endpointOverride = settings.value(QLatin1String(EndpointKey)).toString();
    s.refreshSeconds = qBound(5, settings.value(QLatin1String(RefreshKey), 10).toInt(), 600);
    s.fleetRefreshMinutes
        = qBound(0, settings.value(QLatin1String(FleetRefreshKey), 15).toInt(), 1440);
    s.range = settings.value(QLatin1String(RangeKey), -1).toInt();
    s.cacheDirectory = settings.value(QLatin1String(CacheDirKey)).toString();
    s.cacheMaxMegabytes
        = qBound(0, settings.value(QLatin1String(CacheSizeKey), 512).toInt(), 1024 * 1024);
    s.cacheMaxAgeDays = qBound(0, settings.value(QLatin1String(CacheAgeKey), 0).toInt(), 36500);
    return s;
}

void WindowSettings::save() const
{
    QSettings settings;
    settings.setValue(QLatin1String(GeometryKey), geometry);
    settings.setValue(QLatin1String(StateKey), dockState);
    settings.setValue(QLatin1String(HeaderKey), jobsHeader);
    settings.setValue(QLatin1String(RegionKey), region);
    settings.setValue(QLatin1String(ProfileKey), profile);
    settings.setValue(QLatin1String(ApplicationKey), applicationId);
    settings.setValue(QLatin1String(IndexKey), indexId);
    settings.setValue(QLatin1String(DataSourceKey), dataSourceId);
    settings.setValue(QLatin1String(EndpointKey), endpointOverride);
    settings.setValue(QLatin1String(RefreshKey), refreshSeconds);
    settings.setValue(QLatin1String(FleetRefreshKey), fleetRefreshMinutes);
    if (range >= 0)
        settings.setValue(QLatin1String(RangeKey), range);
    settings.setValue(QLatin1String(CacheDirKey), cacheDirectory);
    settings.setValue(QLatin1String(CacheSizeKey), cacheMaxMegabytes);
    settings.setValue(QLatin1String(CacheAgeKey), cacheMaxAgeDays);
}

QString WindowSettings::chosenInWindow(const QString &current, const QString &launch,
                                       const QString &remembered)
{
    return !launch.isEmpty() && current == launch ? remembered : current;
}

QString WindowSettings::profileToReopen(const std::function<bool(const QString &)> &defined) const
{
    if (!profile.isEmpty() && defined(profile))
        return profile;
    QString fallback = qEnvironmentVariable("AWS_PROFILE");
    if (fallback.isEmpty())
        fallback = QStringLiteral("default");
    return defined(fallback) ? fallback : QString();
}

void WindowSettings::rememberConnection(const QString &profileName,
                                        const qbusiness::ResourceReference &ids, bool hasDataSource,
                                        const QString &launchProfile,
                                        const qbusiness::ResourceReference &launchIds)
{
    if (!launchProfile.isEmpty() && profileName == launchProfile)
        return;
    if (hasDataSource || profileName != profile) {
        applicationId = chosenInWindow(ids.applicationId, launchIds.applicationId, applicationId);
        indexId = chosenInWindow(ids.indexId, launchIds.indexId, indexId);
        dataSourceId = chosenInWindow(ids.dataSourceId, launchIds.dataSourceId, dataSourceId);
    }
    profile = profileName;
}

} // namespace syncdeck::ui
