#pragma once

#include "aws/session.h"
#include "logs/client.h"
#include "qbusiness/client.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace syncdeck::ui {

class ConnectionBar;
class DemoService;

// What the profile picker offers: the built-in demo, keys typed in, or a profile of ~/.aws.
struct ConnectionChoice
{
    // Environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), as the AWS CLI
    // uses them when no profile is named (aws-vault, granted, a CI shell).
    enum class Kind { None, Demo, Keys, Profile, Environment };
    Kind kind = Kind::None;
    QString profile; // Kind::Profile only
};

// An open connection. The clients belong to the controller and live until closed().
struct Connection
{
    qbusiness::Client *client = nullptr;
    QString region; // the region requests are signed for
    bool demo = false;
    // CloudWatch Logs (run reports) with the same credentials and settings; nullptr when its
    // endpoint cannot be resolved (logsProblem and logsNextStep say why): Q Business still works.
    logs::Client *logsClient = nullptr;
    QString logsProblem, logsNextStep;
};

// Why a connection could not be opened, for the error banner.
struct ConnectionFailure
{
    QString title;
    QString message;
    QString nextStep;
    bool retryable = false; // opening the same choice again may work (e.g. after fixing a file)
};

// Turns the choice of the connection bar into a Q Business client: the demo service (injected),
// keys typed into a dialog, or a profile resolved as the AWS CLI does (SSO, roles with MFA,
// processes), with the bar's region and the endpoint override of the settings. One connection
// at a time: opening a new one closes the old one first. The bar shows the region connected to.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    // Opens what `bar` chooses; dialogs (typed keys, MFA codes) open over `window`, which also
    // owns the controller.
    ConnectionController(ConnectionBar *bar, QWidget *window);
    ~ConnectionController() override;

    // Not owned; it must outlive the controller. nullptr: the demo is not available.
    void setDemoService(DemoService *demo);
    bool hasDemoService() const { return m_demo != nullptr; }
    // An endpoint URL for profiles and typed keys instead of the rule set's (settings).
    void setEndpointOverride(const QString &url);
    QString endpointOverride() const { return m_endpointOverride; }

    qbusiness::Client *client() const { return m_client; }
    bool isDemo() const { return m_client && m_isDemo; }

public slots:
    // Opens the bar's choice in the bar's region (the demo has its own): emits opened() or
    // failed(); a cancelled keys dialog clears the choice.
    void openChosen();
    // Opens the choice again when the bar's region differs from the connection's.
    void reopenForRegion();
    // For a data source in `region` (empty: any; the bar then shows it): opens the chosen
    // profile when nothing is open or the region changes (the demo has one region). False
    // when no profile is chosen.
    bool openForRegion(const QString &region);
    // Emits closed() first, then ends every call of the client and deletes it.
    void close();
    // The next request reads the credentials afresh (after `aws sso login` or a key fix).
    void invalidateCredentials();

signals:
    void opened(const syncdeck::ui::Connection &connection);
    void closed();
    void failed(const syncdeck::ui::ConnectionFailure &failure);

private:
    void open(const ConnectionChoice &choice, const QString &region);
    std::optional<aws::Session> demoSession();
    std::optional<aws::Session> keysSession(const QString &region);
    std::optional<aws::Session> environmentSession(const QString &region);
    std::optional<aws::Session> profileSession(const QString &profile, const QString &region);
    // The one place a session becomes a client configuration (the endpoint is the caller's).
    static qbusiness::ClientConfig clientConfig(const aws::Session &session);
    logs::Client *makeLogsClient(const aws::Session &session, Connection *connection);

    ConnectionBar *m_bar = nullptr;
    QPointer<QWidget> m_window;
    DemoService *m_demo = nullptr;
    QString m_endpointOverride;
    // Owns the client and the credentials of the open connection.
    QPointer<QObject> m_connection;
    QPointer<qbusiness::Client> m_client;
    QPointer<aws::CredentialsProvider> m_credentials;
    bool m_isDemo = false;
};

} // namespace syncdeck::ui
