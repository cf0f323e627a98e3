// The connection controller opened from its bar, as a user opens it: typed keys through the real
// dialog, the demo service, profiles of a ~/.aws of the test's own.
#include "connection/connectionbar.h"
#include "connection/connectioncontroller.h"
#include "connection/enterkeysdialog.h"
#include "emulator/options.h"
#include "emulator/server.h"
#include "fakeqbusiness.h"
#include "qbusiness/client.h"
#include "rawhttpserver.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using syncdeck::test::chooseProfile;
using syncdeck::ui::Connection;
using syncdeck::ui::ConnectionBar;
using syncdeck::ui::ConnectionController;
using syncdeck::ui::ConnectionFailure;
using syncdeck::ui::EnterKeysDialog;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

// A window with the connection bar and its controller, recording what the controller says.
struct Harness
{
    Harness()
    {
        bar = new ConnectionBar(&window);
        controller = new ConnectionController(bar, &window);
        QObject::connect(controller, &ConnectionController::opened, controller,
                         [this](const Connection &c) { opened.append(c); });
        QObject::connect(controller, &ConnectionController::failed, controller,
                         [this](const ConnectionFailure &f) { failures.append(f); });
    }
    void typeRegion(const QString &region)
    {
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("region"));
        combo->setEditText(region);
        emit combo->lineEdit()->editingFinished();
    }

    QWidget window;
    ConnectionBar *bar = nullptr;
    ConnectionController *controller = nullptr;
    QList<Connection> opened;
    QList<ConnectionFailure> failures;
};

// Types keys into the next keys dialog and presses OK.
void typeKeysWhenAsked()
{
    syncdeck::test::handleNextDialog<EnterKeysDialog>([](EnterKeysDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("accessKeyId"))
            ->setText(QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
        dialog->findChild<QLineEdit *>(QStringLiteral("secretAccessKey"))
            ->setText(QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        dialog->accept();
    });
}

} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typedKeysUseTheEndpointRules_data();
    void typedKeysUseTheEndpointRules();
    void cancelledKeysClearTheChoice();
    void demoOpensItsService();
    void withoutDemoServiceNoDemo();
    void unusableProfileCanBeRetried();
    void regionChangeReopensAProfile();
    void closedComesBeforeTheClientGoes();
    void environmentCredentialsAreOffered();
    void noEnvironmentCredentialsNoEntry();

private:
    QTemporaryDir m_home;
    QString m_config;
    QString m_credentials;
    std::unique_ptr<syncdeck::test::ScopedEnvironment> m_env;
};

void TestConnectionController::initTestCase()
{
    // This machine's ~/.aws and AWS variables stay out of it.
    QVERIFY(m_home.isValid());
    m_config = m_home.filePath(QStringLiteral("config"));
    m_credentials = m_home.filePath(QStringLiteral("credentials"));
    m_env = std::make_unique<syncdeck::test::ScopedEnvironment>();
    m_env->set("AWS_CONFIG_FILE", m_config.toLocal8Bit());
    m_env->set("AWS_SHARED_CREDENTIALS_FILE", m_credentials.toLocal8Bit());
    for (const char *name :
         {"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
          "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_QBUSINESS",
          "AWS_CA_BUNDLE", "AWS_USE_FIPS_ENDPOINT", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
          "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"})
        m_env->unset(name);
}

void TestConnectionController::typedKeysUseTheEndpointRules_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpointOverride");
    QTest::addColumn<QString>("endpoint"); // empty: refused
    QTest::addColumn<QString>("logsEndpoint"); // CloudWatch Logs, for the run reports
    QTest::newRow("aws") << QStringLiteral("us-east-1") << QString()
                         << QStringLiteral("https://qbusiness.us-east-1.api.aws")
                         << QStringLiteral("https://logs.us-east-1.amazonaws.com");
    QTest::newRow("aws-cn") << QStringLiteral("cn-north-1") << QString()
                            << QStringLiteral(
                                   "https://qbusiness.cn-north-1.api.amazonwebservices.com.cn")
                            << QStringLiteral("https://logs.cn-north-1.amazonaws.com.cn");
    QTest::newRow("aws-us-gov") << QStringLiteral("us-gov-west-1") << QString()
                                << QStringLiteral("https://qbusiness.us-gov-west-1.api.aws")
                                << QStringLiteral("https://logs.us-gov-west-1.amazonaws.com");
    // One endpoint aims both services (the emulator serves both).
    QTest::newRow("override") << QStringLiteral("eu-west-1")
                              << QStringLiteral("http://127.0.0.1:4566")
                              << QStringLiteral("http://127.0.0.1:4566")
                              << QStringLiteral("http://127.0.0.1:4566");
    QTest::newRow("not a region") << QStringLiteral("us east 1") << QString() << QString()
                                  << QString();
}

void TestConnectionController::typedKeysUseTheEndpointRules()
{
    QFETCH(QString, region);
    QFETCH(QString, endpointOverride);
    QFETCH(QString, endpoint);
    QFETCH(QString, logsEndpoint);
    Harness h;
    h.bar->fillProfiles(false);
    h.controller->setEndpointOverride(endpointOverride);
    h.typeRegion(region);
    typeKeysWhenAsked();
    QVERIFY(chooseProfile(&h.window, QStringLiteral("keys:")));
    if (endpoint.isEmpty()) {
        QCOMPARE(h.opened.size(), 0);
        QCOMPARE(h.failures.size(), 1);
        QVERIFY2(h.failures.first().title.contains(region), qPrintable(h.failures.first().title));
        QVERIFY(!h.failures.first().message.isEmpty());
        QVERIFY(!h.controller->client());
        return;
    }
    QCOMPARE(h.failures.size(), 0);
    QCOMPARE(h.opened.size(), 1);
    QCOMPARE(h.opened.first().region, region);
    QVERIFY(!h.opened.first().demo);
    QCOMPARE(h.opened.first().client, h.controller->client());
    QCOMPARE(h.controller->client()->config().endpoint.toString(), endpoint);
    QCOMPARE(h.controller->client()->config().region, region);
    // The Logs client of the same connection: same keys and region, its own endpoint rules.
    syncdeck::logs::Client *logs = h.opened.first().logsClient;
    QVERIFY(logs);
    QCOMPARE(logs->config().endpoint.toString(), logsEndpoint);
    QCOMPARE(logs->config().region, region);
}

void TestConnectionController::cancelledKeysClearTheChoice()
{
    Harness h;
    h.bar->fillProfiles(false);
    syncdeck::test::handleNextDialog<EnterKeysDialog>(
        [](EnterKeysDialog *dialog) { dialog->reject(); });
    QVERIFY(chooseProfile(&h.window, QStringLiteral("keys:")));
    QCOMPARE(h.bar->choice().kind, syncdeck::ui::ConnectionChoice::Kind::None);
    QVERIFY(h.opened.isEmpty());
    QVERIFY(h.failures.isEmpty());
}

void TestConnectionController::demoOpensItsService()
{
    syncdeck::test::EmulatorDemoService demo;
    Harness h;
    h.controller->setDemoService(&demo);
    h.bar->fillProfiles(h.controller->hasDemoService());
    h.typeRegion(QStringLiteral("eu-west-1"));
    QVERIFY(chooseProfile(&h.window, QStringLiteral("demo:")));
    QCOMPARE(h.opened.size(), 1);
    QVERIFY(h.opened.first().demo);
    QVERIFY(h.controller->isDemo());
    QCOMPARE(h.opened.first().region, QLatin1String(syncdeck::emulator::DefaultRegion));
    // The bar shows where the demo is; a region typed later does not reconnect it.
    QCOMPARE(h.bar->region(), QLatin1String(syncdeck::emulator::DefaultRegion));
    QVERIFY(demo.server());
    QCOMPARE(h.controller->client()->config().endpoint, demo.server()->url());
    QVERIFY(h.opened.first().logsClient); // the demo answers for both services
    QCOMPARE(h.opened.first().logsClient->config().endpoint, demo.server()->url());
    h.typeRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(h.opened.size(), 1);
    h.controller->close();
}

void TestConnectionController::withoutDemoServiceNoDemo()
{
    Harness h;
    QVERIFY(!h.controller->hasDemoService());
    h.bar->fillProfiles(h.controller->hasDemoService());
    auto *profiles = h.window.findChild<QComboBox *>(QStringLiteral("profile"));
    QCOMPARE(profiles->findData(QStringLiteral("demo:")), -1);
    QVERIFY(profiles->findData(QStringLiteral("keys:")) >= 0);
}

void TestConnectionController::unusableProfileCanBeRetried()
{
    QVERIFY(writeFile(m_config, QStringLiteral("[profile ops]\nregion = us-east-1\n")));
    QVERIFY(writeFile(m_credentials, QString()));
    Harness h;
    h.bar->fillProfiles(false);
    QVERIFY(chooseProfile(&h.window, QStringLiteral("profile:ops")));
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.failures.first().title, QStringLiteral("Profile ops cannot be used"));
    QVERIFY(h.failures.first().retryable);
    QVERIFY(!h.failures.first().nextStep.isEmpty());
    QVERIFY(!h.controller->client());
    // The same choice works once the file is fixed.
    QVERIFY(writeFile(m_credentials,
                      QStringLiteral("[ops]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                     "aws_secret_access_key = secret\n")));
    h.controller->openChosen();
    QCOMPARE(h.opened.size(), 1);
    QCOMPARE(h.opened.first().region, QStringLiteral("us-east-1"));
}

void TestConnectionController::regionChangeReopensAProfile()
{
    QVERIFY(writeFile(m_config, QStringLiteral("[profile ops]\nregion = us-east-1\n")));
    QVERIFY(writeFile(m_credentials,
                      QStringLiteral("[ops]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                     "aws_secret_access_key = secret\n")));
    Harness h;
    h.bar->fillProfiles(false);
    h.typeRegion(QString());
    QVERIFY(chooseProfile(&h.window, QStringLiteral("profile:ops")));
    QCOMPARE(h.opened.size(), 1);
    QCOMPARE(h.bar->region(), QStringLiteral("us-east-1")); // from the profile
    h.typeRegion(QStringLiteral("us-east-1")); // the same: nothing happens
    QCOMPARE(h.opened.size(), 1);
    h.typeRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(h.opened.size(), 2);
    QCOMPARE(h.controller->client()->config().endpoint.host(),
             QStringLiteral("qbusiness.eu-west-1.api.aws"));
}

void TestConnectionController::closedComesBeforeTheClientGoes()
{
    syncdeck::test::EmulatorDemoService demo;
    Harness h;
    h.controller->setDemoService(&demo);
    h.bar->fillProfiles(true);
    QVERIFY(chooseProfile(&h.window, QStringLiteral("demo:")));
    QPointer<syncdeck::qbusiness::Client> client = h.controller->client();
    QVERIFY(client);
    bool clientAliveWhenClosed = false;
    QObject::connect(h.controller, &ConnectionController::closed, h.controller,
                     [&] { clientAliveWhenClosed = !client.isNull(); });
    // Opening again closes the first connection first.
    QVERIFY(chooseProfile(&h.window, QStringLiteral("demo:")));
    QVERIFY(clientAliveWhenClosed);
    QVERIFY(client.isNull());
    QCOMPARE(h.opened.size(), 2);
    h.controller->close();
    QVERIFY(!h.controller->client());
}

// aws-vault, granted or a CI shell: keys in the environment and no profile chosen.
void TestConnectionController::environmentCredentialsAreOffered()
{
    using syncdeck::test::FakeQBusiness;
    const QByteArray token = "IQoJb3JpZ2luX2VjEEnvironmentSessionToken0123456789";
    syncdeck::test::ScopedEnvironment env;
    env.set("AWS_ACCESS_KEY_ID", FakeQBusiness::AccessKeyId);
    env.set("AWS_SECRET_ACCESS_KEY", FakeQBusiness::SecretAccessKey);
    env.set("AWS_SESSION_TOKEN", token);
    env.set("AWS_REGION", FakeQBusiness::Region);
    QVERIFY(writeFile(m_config, QStringLiteral("[profile ops]\nregion = eu-west-1\n")));
    FakeQBusiness fake({});
    syncdeck::test::RawHttpServer server(fake.handler());
    QVERIFY(server.listen());

    Harness h;
    h.bar->fillProfiles(false);
    // Offered and preselected; the secret and the token are shown nowhere.
    QCOMPARE(h.bar->choice().kind, syncdeck::ui::ConnectionChoice::Kind::Environment);
    auto *profiles = h.window.findChild<QComboBox *>(QStringLiteral("profile"));
    QVERIFY(profiles->currentText().startsWith(QLatin1String("Environment credentials")));
    for (int i = 0; i < profiles->count(); ++i) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString text = profiles->itemData(i, role).toString();
            QVERIFY(!text.contains(QLatin1String(FakeQBusiness::SecretAccessKey)));
            QVERIFY(!text.contains(QString::fromLatin1(token)));
        }
    }

    h.controller->setEndpointOverride(QString::fromUtf8(server.url()));
    h.controller->openChosen();
    QCOMPARE(h.opened.size(), 1);
    QCOMPARE(h.opened.constFirst().region, QString::fromLatin1(FakeQBusiness::Region));
    // Requests are signed with the environment's keys and carry its session token.
    auto *apps = h.opened.constFirst().client->listApplications();
    apps->setAutoDelete(false);
    QSignalSpy done(apps, &syncdeck::qbusiness::Call::finished);
    apps->start();
    QVERIFY(done.wait(20000));
    QVERIFY2(!apps->error().isError(), qPrintable(apps->error().message));
    delete apps;
    QCOMPARE(server.requests().size(), 1);
    const syncdeck::test::RawHttpRequest &r = server.requests().constFirst();
    QVERIFY(r.header("Authorization")
                .contains(QByteArray("Credential=" + QByteArray(FakeQBusiness::AccessKeyId))));
    QCOMPARE(r.header("X-Amz-Security-Token"), token);
    QCOMPARE(fake.signatureFailures(), 0);
}

void TestConnectionController::noEnvironmentCredentialsNoEntry()
{
    Harness h;
    h.bar->fillProfiles(false);
    QCOMPARE(h.bar->choice().kind, syncdeck::ui::ConnectionChoice::Kind::None);
    auto *profiles = h.window.findChild<QComboBox *>(QStringLiteral("profile"));
    for (int i = 0; i < profiles->count(); ++i)
        QVERIFY(!profiles->itemText(i).startsWith(QLatin1String("Environment credentials")));
}

QTEST_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
