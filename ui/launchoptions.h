#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace syncdeck::ui {

// What the command line asked the window to open (parsed by the composition root).
struct LaunchOptions
{
    bool demo = false;
    // --demo-state FILE: the demo service serves exactly this fixture. Passed on as it is to
    // the composition root, which starts the demo service.
    QString demoStatePath;
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
    int pollIntervalMs = 0; // live refresh base interval; 0: the setting (10 s by default)
    // --cache-dir: the history cache's folder. Empty: the setting, else the default folder; but
    // with restoreSettings false (tests, benchmarks) no cache unless a folder is given.
    QString cacheDirectory;
};

// Parses syncdeck's command line (arguments including the program name) into *out. Returns false
// with *error saying what was wrong and how to fix it; --help and --version are handled by the
// caller through helpRequested/versionRequested.
struct LaunchParse
{
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;
};
bool parseLaunchOptions(const QStringList &arguments, LaunchOptions *out, LaunchParse *parse,
                        QString *error);

} // namespace syncdeck::ui
