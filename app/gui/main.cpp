// syncdeck: the composition root. It parses the command line, decides what the window gets
// (the in-process demo service, the charts) and shows it; the window lives in ui/.
#include "charts/chartspanel.h"
#include "connection/demoservice.h"
#include "emulator/server.h"
#include "launchoptions.h"
#include "mainwindow.h"

#include <syncdeck/version.h>

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

// The Demo profile: the emulator in this process on 127.0.0.1, started when first chosen.
class InProcessDemo final : public syncdeck::ui::DemoService
{
    Q_DECLARE_TR_FUNCTIONS(InProcessDemo)

public:
    explicit InProcessDemo(const QString &statePath)
    {
        m_options.statePath = statePath;
        // A small fleet with what real ones have (failing, overdue, FAILED, AccessDenied), so
        // the fleet view shows a mix of states.
        m_options.applications = 3;
        m_options.fleetVariety = true;
    }

    bool start(Endpoint *endpoint, Failure *failure) override
    {
        if (!m_server) {
            auto server = std::make_unique<syncdeck::emulator::Server>(m_options);
            if (!server->listen(QHostAddress::LocalHost, 0)) {
                *failure = {server->errorString(),
                            m_options.statePath.isEmpty()
                                ? tr("Check that 127.0.0.1 accepts connections, then try again.")
                                : tr("Fix the demo state file, then start SyncDeck again.")};
                return false;
            }
            m_server = std::move(server);
        }
        endpoint->url = m_server->url();
        endpoint->region = m_options.region;
        endpoint->credentials.accessKeyId = m_options.accessKeyId;
        endpoint->credentials.secretAccessKey
            = syncdeck::aws::SecretString(m_options.secretAccessKey);
        endpoint->credentials.source = QStringLiteral("demo");
        return true;
    }

private:
    syncdeck::emulator::Options m_options;
    std::unique_ptr<syncdeck::emulator::Server> m_server;
};

void setApplicationNames(QTranslator *translator)
{
    QCoreApplication::setApplicationName(QStringLiteral("SyncDeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("SyncDeck"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(syncdeck::Version));
    // The user's language, else English: the English file holds the singular and plural of
    // every message with a count ("1 row", "2 rows"), also for the C locale.
    if (translator->load(QLocale(), QStringLiteral("syncdeck"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral(":/i18n/syncdeck_en.qm")))
        QCoreApplication::installTranslator(translator);
}

// Prints the help, the version or what is wrong with the command line.
int answerWithoutWindow(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTranslator translator;
    setApplicationNames(&translator);
    syncdeck::ui::LaunchOptions options;
    syncdeck::ui::LaunchParse parse;
    QString error;
    if (!syncdeck::ui::parseLaunchOptions(QCoreApplication::arguments(), &options, &parse,
                                          &error)) {
        std::fprintf(stderr, "syncdeck: %s\n", qPrintable(error));
        return 2;
    }
    if (parse.helpRequested)
        std::fputs(qPrintable(parse.helpText), stdout);
    else
        std::printf("SyncDeck %s\n", syncdeck::Version);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // SYNCDECK_STARTUP_BENCH=1: print the time from process start to the first rows on screen.
    QElapsedTimer sinceStart;
    sinceStart.start();

    syncdeck::ui::LaunchOptions options;
    syncdeck::ui::LaunchParse parse;
    QString error;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // --help, --version and a mistyped option are answered without a display: QApplication
    // aborts when there is none, QCoreApplication never needs one.
    if (!syncdeck::ui::parseLaunchOptions(arguments, &options, &parse, &error)
        || parse.helpRequested || parse.versionRequested)
        return answerWithoutWindow(argc, argv);

    QApplication app(argc, argv);
    QTranslator translator;
    setApplicationNames(&translator);
    QGuiApplication::setDesktopFileName(QString::fromLatin1(syncdeck::AppId));

    const bool startupBench = qEnvironmentVariableIsSet("SYNCDECK_STARTUP_BENCH");
    if (startupBench)
        options.restoreSettings = false; // measure the defaults, not this machine's layout
    // Declared before the window: the window's connection ends before the service it talks to.
    InProcessDemo demo(options.demoStatePath);
    syncdeck::ui::DashboardServices services;
    services.demo = &demo;
    services.makeChartsPane = [](QWidget *parent) { return new syncdeck::ui::ChartsPanel(parent); };
    syncdeck::ui::MainWindow window(options, services);
    if (startupBench) {
        QObject::connect(&window, &syncdeck::ui::MainWindow::firstRowsShown, &app, [&sinceStart] {
            std::printf("first rows painted after %lld ms\n", sinceStart.elapsed());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    window.show();
    return QApplication::exec();
}
