#pragma once

#include <QDateTime>
#include <QString>

namespace syncdeck::ui {

// What the command line asked the window to open (parsed by the composition root).
struct LaunchOptions
{
    bool demo = false;
    QString demoStatePath; // --demo-state FILE: the demo service serves exactly this fixture
    QString profile;
    QString region;
    QString endpointUrl;
    QString applicationId;
    QString indexId;
    QString dataSourceId;
    QString statusFilter; // wire value, empty for all
    QDateTime startTime; // invalid: the remembered range
    QDateTime endTime;
    bool restoreSettings = true; // false for tests and benchmarks: start from defaults
};

} // namespace syncdeck::ui
