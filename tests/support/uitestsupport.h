#pragma once

#include "connection/demoservice.h"
#include "emulator/options.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace syncdeck::emulator {
class Server;
}

namespace syncdeck::test {

// The window's demo service on the in-process emulator, with the test's options: what
// app/gui/main.cpp gives the window for --demo.
class EmulatorDemoService : public ui::DemoService
{
public:
    explicit EmulatorDemoService(emulator::Options options = {});
    ~EmulatorDemoService() override;

    bool start(Endpoint *endpoint, Failure *failure) override;
    // The running service; nullptr until the demo was opened.
    emulator::Server *server() const { return m_server.get(); }

private:
    emulator::Options m_options;
    std::unique_ptr<emulator::Server> m_server;
};

// Sets environment variables while it lives and puts back what was there before.
class ScopedEnvironment
{
public:
    ScopedEnvironment() = default;
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment &) = delete;
    ScopedEnvironment &operator=(const ScopedEnvironment &) = delete;

    void set(const char *name, const QByteArray &value);
    void unset(const char *name);
    // The AWS config and credentials files at these paths, and none of the AWS_* variables that
    // would choose another profile, keys, region, endpoint or retry rule.
    void useAwsFiles(const QString &config, const QString &credentials);

private:
    void remember(const char *name);

    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

// Triggers the action `objectName` under `window` (a menu item), as a click would. False when
// there is no such action or it is disabled.
bool triggerAction(QWidget *window, const QString &objectName);

// Picks the entry with item data `data` in the connection bar's profile list, as a user would
// (a chosen entry connects). False when the list has no such entry.
bool chooseProfile(QWidget *window, const QString &data);

// Calls `handle` with the next modal dialog that `accepts` (e.g. a QMessageBox, the keys
// dialog) once it shows, within `timeoutMs`; returns at once. The dialog is meant to open from
// what the test does next, and to be closed by `handle` while the application waits in exec().
void handleNextDialog(const std::function<bool(QWidget *)> &accepts,
                      const std::function<void(QWidget *)> &handle, int timeoutMs = 20000);

template<class Dialog>
void handleNextDialog(const std::function<void(Dialog *)> &handle, int timeoutMs = 20000)
{
    handleNextDialog([](QWidget *w) { return qobject_cast<Dialog *>(w) != nullptr; },
                     [handle](QWidget *w) { handle(qobject_cast<Dialog *>(w)); }, timeoutMs);
}

} // namespace syncdeck::test
