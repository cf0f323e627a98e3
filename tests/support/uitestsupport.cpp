#include "uitestsupport.h"

#include "emulator/server.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QTimer>
#include <QWidget>

namespace syncdeck::test {

EmulatorDemoService::EmulatorDemoService(emulator::Options options)
    : m_options(std::move(options))
{ }

EmulatorDemoService::~EmulatorDemoService() = default;

bool EmulatorDemoService::start(Endpoint *endpoint, Failure *failure)
{
    if (!m_server) {
        auto server = std::make_unique<emulator::Server>(m_options);
        if (!server->listen()) {
            *failure = {server->errorString(), QStringLiteral("see the test's emulator options")};
            return false;
        }
        m_server = std::move(server);
    }
    *endpoint = {m_server->url(),
                 m_options.region,
                 {m_options.accessKeyId,
                  aws::SecretString(m_options.secretAccessKey),
                  {},
                  {},
                  QStringLiteral("test demo")}};
    return true;
}

ScopedEnvironment::~ScopedEnvironment()
{
    for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
        if (it->second)
            qputenv(it->first.constData(), *it->second);
        else
            qunsetenv(it->first.constData());
    }
}

void ScopedEnvironment::remember(const char *name)
{
    m_saved.append({QByteArray(name),
                    qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt});
}

void ScopedEnvironment::set(const char *name, const QByteArray &value)
{
    remember(name);
    qputenv(name, value);
}

void ScopedEnvironment::unset(const char *name)
{
    remember(name);
    qunsetenv(name);
}

void ScopedEnvironment::useAwsFiles(const QString &config, const QString &credentials)
{
    set("AWS_CONFIG_FILE", config.toLocal8Bit());
    set("AWS_SHARED_CREDENTIALS_FILE", credentials.toLocal8Bit());
    for (const char *name :
         {"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
          "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_QBUSINESS",
          "AWS_CA_BUNDLE", "AWS_USE_FIPS_ENDPOINT", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
          "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"})
        unset(name);
}

bool triggerAction(QWidget *window, const QString &objectName)
{
    auto *action = window->findChild<QAction *>(objectName);
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    return true;
}

bool chooseProfile(QWidget *window, const QString &data)
{
    auto *profile = window->findChild<QComboBox *>(QStringLiteral("profile"));
    const int row = profile ? profile->findData(data) : -1;
    if (row < 0)
        return false;
    profile->setFocus();
    profile->setCurrentIndex(row);
    emit profile->activated(row); // what choosing it with keyboard or mouse does
    return true;
}

void handleNextDialog(const std::function<bool(QWidget *)> &accepts,
                      const std::function<void(QWidget *)> &handle, int timeoutMs)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(10);
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, deadline, accepts, handle] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (dialog && dialog->isVisible() && accepts(dialog)) {
            poll->deleteLater();
            poll->stop();
            handle(dialog);
        } else if (deadline.hasExpired()) {
            poll->deleteLater();
            poll->stop();
        }
    });
    poll->start();
}

} // namespace syncdeck::test
