#include "connectioncontroller.h"

#include "aws/credentialsprovider.h"
#include "aws/endpointresolver.h"
#include "connectionbar.h"
#include "demoservice.h"
#include "enterkeysdialog.h"
#include "mfadialog.h"

#include <QProcessEnvironment>
#include <QWidget>

namespace syncdeck::ui {

ConnectionController::ConnectionController(ConnectionBar *bar, QWidget *window)
    : QObject(window)
    , m_bar(bar)
    , m_window(window)
{
    connect(bar, &ConnectionBar::profileChosen, this, &ConnectionController::openChosen);
    connect(bar, &ConnectionBar::regionChosen, this, &ConnectionController::reopenForRegion);
}

ConnectionController::~ConnectionController()
{
    delete m_connection.data();
}

void ConnectionController::setDemoService(DemoService *demo)
{
    m_demo = demo;
}

void ConnectionController::setEndpointOverride(const QString &url)
{
    m_endpointOverride = url;
}

void ConnectionController::openChosen()
{
    open(m_bar->choice(), m_bar->region());
}

void ConnectionController::reopenForRegion()
{
    if (m_client && !m_isDemo && m_client->config().region != m_bar->region())
        openChosen();
}

bool ConnectionController::openForRegion(const QString &region)
{
    const bool regionChanges = !region.isEmpty() && region != m_bar->region();
    if (regionChanges)
        m_bar->showRegion(region);
    if (m_bar->choice().kind == ConnectionChoice::Kind::None)
        return false;
    if (!m_client || (regionChanges && !m_isDemo))
        openChosen();
    return true;
}

void ConnectionController::open(const ConnectionChoice &choice, const QString &region)
{
    if (choice.kind == ConnectionChoice::Kind::None)
        return;
    close();
    m_connection = new QObject(this);
    std::optional<aws::Session> session;
    switch (choice.kind) {
    case ConnectionChoice::Kind::Demo:
        session = demoSession();
        break;
    case ConnectionChoice::Kind::Keys:
        session = keysSession(region);
        break;
    case ConnectionChoice::Kind::Profile:
        session = profileSession(choice.profile, region);
        break;
    case ConnectionChoice::Kind::Environment:
        session = environmentSession(region);
        break;
    case ConnectionChoice::Kind::None:
        break;
    }
    if (!session) {
        delete m_connection.data();
        return;
    }
    m_isDemo = choice.kind == ConnectionChoice::Kind::Demo;
    m_credentials = session->credentials;
    m_client = new qbusiness::Client(clientConfig(*session), session->credentials, m_connection);
    m_bar->showRegion(session->region);
    Connection connection;
    connection.client = m_client;
    connection.region = session->region;
    connection.demo = m_isDemo;
    connection.logsClient = makeLogsClient(*session, &connection);
    emit opened(connection);
}

void ConnectionController::close()
{
    if (!m_connection)
        return;
    emit closed();
    // Calls end with Aborted before their client goes (their owners dropped them on closed()).
    delete m_connection.data();
    m_isDemo = false;
}

void ConnectionController::invalidateCredentials()
{
    if (m_credentials)
        m_credentials->invalidate();
}

std::optional<aws::Session> ConnectionController::demoSession()
{
    DemoService::Endpoint endpoint;
    DemoService::Failure failure;
    if (!m_demo) {
        failure = {tr("This build of SyncDeck has no demo service."),
                   tr("Choose a profile of ~/.aws or enter keys.")};
    } else if (m_demo->start(&endpoint, &failure)) {
        aws::Session session;
        session.endpoint = endpoint.url;
        session.logsEndpoint = endpoint.url; // the demo serves both services
        session.region = endpoint.region;
        session.credentials
            = new aws::StaticCredentialsProvider(endpoint.credentials, m_connection);
        return session;
    }
    emit failed({tr("The demo service could not start"), failure.message, failure.nextStep, false});
    return std::nullopt;
}

std::optional<aws::Session> ConnectionController::keysSession(const QString &region)
{
    EnterKeysDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted) {
        m_bar->clearChoice();
        return std::nullopt;
    }
    if (region.isEmpty()) {
        emit failed({tr("No region"), tr("Keys alone do not say which region to use."),
                     tr("Choose a region in the connection bar."), false});
        return std::nullopt;
    }
    // The endpoint rules, as for profiles: other partitions (China, GovCloud) have other hosts.
    aws::EndpointParams params;
    params.region = region;
    if (!m_endpointOverride.isEmpty())
        params.endpoint = m_endpointOverride;
    const aws::EndpointResult endpoint = aws::resolveQBusinessEndpoint(params);
    if (!endpoint.ok()) {
        emit failed({tr("No endpoint for region %1").arg(region), endpoint.error,
                     m_endpointOverride.isEmpty()
                         ? tr("Choose a region in the connection bar.")
                         : tr("Correct the endpoint in File → Connection settings."),
                     false});
        return std::nullopt;
    }
    aws::Session session;
    session.region = region;
    session.endpoint = endpoint.url;
    const aws::EndpointResult logsEndpoint = aws::resolveLogsEndpoint(params);
    session.logsEndpoint = logsEndpoint.url;
    session.logsEndpointError = logsEndpoint.error;
    session.credentials = new aws::StaticCredentialsProvider(dialog.credentials(), m_connection);
    return session;
}

std::optional<aws::Session> ConnectionController::environmentSession(const QString &region)
{
    // No profile named: resolveSession's chain takes the environment's keys first, and region,
    // endpoint, retries and CA bundle from AWS_PROFILE or default, exactly as the AWS CLI does.
    aws::SessionOptions options;
    options.region = region;
    options.endpointUrl = m_endpointOverride;
    aws::Session session;
    aws::SessionError error;
    if (!aws::resolveSession(options, QProcessEnvironment::systemEnvironment(), m_connection,
                             &session, &error)) {
        emit failed({tr("The environment's credentials cannot be used"), error.message,
                     error.nextStep, true});
        return std::nullopt;
    }
    return session;
}

std::optional<aws::Session> ConnectionController::profileSession(const QString &profile,
                                                                 const QString &region)
{
    aws::SessionOptions options;
    options.profile = profile;
    options.region = region;
    options.endpointUrl = m_endpointOverride;
    options.mfaPrompt = [window = m_window](const aws::MfaRequest &request, aws::MfaAnswer answer) {
        if (window)
            askForMfaCode(window, request, std::move(answer));
        else
            answer(std::nullopt);
    };
    aws::Session session;
    aws::SessionError error;
    if (!aws::resolveSession(options, QProcessEnvironment::systemEnvironment(), m_connection,
                             &session, &error)) {
        // A fixed file or `aws sso login` makes the same choice work: offer Retry. A profile
        // that ~/.aws does not define (from the command line or remembered) is chosen again
        // from the list, which shows every profile there is.
        const QString nextStep = m_bar->hasProfile(profile)
            ? error.nextStep
            : tr("Choose a profile from the Profile list, or add [profile %1] to the AWS config "
                 "file, then Retry.")
                  .arg(profile);
        emit failed({tr("Profile %1 cannot be used").arg(profile), error.message, nextStep, true});
        return std::nullopt;
    }
    return session;
}

qbusiness::ClientConfig ConnectionController::clientConfig(const aws::Session &session)
{
    qbusiness::ClientConfig config;
    config.endpoint = session.endpoint;
    config.region = session.region;
    config.maxAttempts = session.maxAttempts;
    config.retryMode = session.retryMode;
    config.caBundlePath = session.caBundle;
    config.proxies = session.proxies;
    return config;
}

logs::Client *ConnectionController::makeLogsClient(const aws::Session &session,
                                                   Connection *connection)
{
    if (!session.logsEndpoint.isValid()) {
        connection->logsProblem = session.logsEndpointError.isEmpty()
            ? tr("No CloudWatch Logs endpoint is known for region %1.").arg(session.region)
            : session.logsEndpointError;
        connection->logsNextStep = session.logsEndpointNextStep.isEmpty()
            ? tr("Set AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, or the cloudwatch_logs endpoint_url of "
                 "the profile's [services] section.")
            : session.logsEndpointNextStep;
        return nullptr;
    }
    aws::ClientConfig config = clientConfig(session);
    config.endpoint = session.logsEndpoint;
    return new logs::Client(config, session.credentials, m_connection);
}

} // namespace syncdeck::ui
