#pragma once

#include "launchoptions.h"
#include "qbusiness/awserror.h"
#include "qbusiness/types.h"

#include "qbusiness/exportjobs.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QComboBox;
class QDateTimeEdit;
class QDockWidget;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QSystemTrayIcon;
class QTableView;
class QToolButton;

namespace syncdeck::aws {
class CredentialsProvider;
}

namespace syncdeck::emulator {
class Server;
}

namespace syncdeck::qbusiness {
class Client;
class ResourceListModel;
class SyncJobLoader;
class SyncJobModel;
} // namespace syncdeck::qbusiness

namespace syncdeck::ui {

class ChartsPanel;
class JobDetailsPanel;
class JobStatusProxyModel;
class NotificationBanner;

// The SyncDeck dashboard: connection bar, resource pickers, filters, the jobs table and the
// details of the selected run. Every request is asynchronous; nothing blocks the event loop.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const LaunchOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The widgets and models, for UI tests and the first-paint benchmark.
    QComboBox *profileCombo() const { return m_profile; }
    QComboBox *regionCombo() const { return m_region; }
    QComboBox *applicationCombo() const { return m_application; }
    QComboBox *indexCombo() const { return m_index; }
    QComboBox *dataSourceCombo() const { return m_dataSource; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *rangeCombo() const { return m_range; }
    QLineEdit *quickFilterEdit() const { return m_quickFilter; }
    QLineEdit *goToEdit() const { return m_goTo; }
    QTableView *jobsView() const { return m_view; }
    QLabel *emptyStateLabel() const { return m_emptyState; }
    JobDetailsPanel *detailsPanel() const { return m_details; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    // The jobs of the table as shown: its sort order and filters.
    QList<qbusiness::SyncJob> tableJobs() const;
    // Writes tableJobs() as CSV or JSON (whole file or nothing); *error says why not.
    bool exportTable(const QString &path, qbusiness::JobExportFormat format, QString *error) const;
    NotificationBanner *errorBanner() const { return m_errorBanner; }
    NotificationBanner *demoBanner() const { return m_demoBanner; }
    NotificationBanner *runBanner() const { return m_runBanner; }
    QLabel *statusLabel() const { return m_statusText; }
    qbusiness::SyncJobModel *jobModel() const { return m_jobModel; }
    qbusiness::SyncJobLoader *loader() const { return m_loader; }
    QSortFilterProxyModel *sortProxy() const { return m_sortProxy; }
    // The in-process demo service, when the Demo profile is in use.
    emulator::Server *demoServer() const { return m_demoServer.get(); }

public slots:
    void refresh();
    void loadAll();
    void goTo();
    void openSettings();
    void syncNow();
    void stopSync();

signals:
    // The first rows of a listing were laid out in the table (used by the startup benchmark).
    void firstRowsShown();
    // The demo finished opening on its failed run (or gave up looking for one).
    void demoReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class ListLevel { Applications, Indices, DataSources };

    void buildActions();
    void buildConnectionBar();
    void buildFilterBar();
    void buildCentral();
    void buildDetailsDock();
    void buildChartsDock();
    void chooseAndExportTable(qbusiness::JobExportFormat format);
    void restoreSettings();
    void saveSettings() const;
    void fillProfiles();

    void connectSelectedProfile();
    bool startDemoService(QString *error);
    void disconnectClient();
    void listLevel(ListLevel level, const QString &nextToken = {});
    void applicationChosen();
    void indexChosen();
    void dataSourceChosen();
    void applyRequest();
    void currentTimes(QDateTime *start, QDateTime *end) const;
    void rangeChanged();
    void updateStatusBar();
    void updateEmptyState();
    void currentRowChanged();
    void jobsAppended(const QList<qbusiness::SyncJob> &jobs);
    void jobFinished(const qbusiness::SyncJob &job);
    void showAwsError(const QString &what, const qbusiness::AwsError &error,
                      std::function<void()> retry);
    void showMessageError(const QString &title, const QString &message, const QString &nextStep);
    void selectRowOfExecutionId(const QString &executionId);
    void openOnFailedRun();
    void selectPending(QComboBox *combo, qbusiness::ResourceListModel *model, QString *pending);
    void showColumnMenu(const QPoint &pos);
    void quickFilterChanged(const QString &text);
    void updateFilterText();
    void notifyRunFailed(const qbusiness::SyncJob &job);
    QString currentId(QComboBox *combo) const;
    QString currentRegion() const;
    QString currentProfileName() const;
    bool confirmDataSourceAction(const QString &title, const QString &question);

    LaunchOptions m_options;

    // Connection: everything below m_connection dies on reconnect.
    std::unique_ptr<emulator::Server> m_demoServer;
    QPointer<QObject> m_connection;
    QPointer<qbusiness::Client> m_client;
    QPointer<aws::CredentialsProvider> m_credentials;
    quint64 m_connectionGeneration = 0;
    QString m_endpointOverride;
    int m_refreshSeconds = 10;
    bool m_demoActive = false;
    bool m_demoOpened = false;
    int m_demoPagesSearched = 0;
    bool m_firstRowsShown = false;

    // Selections waiting for their list to arrive (command line, Go to, remembered).
    QString m_pendingApplication;
    QString m_pendingIndex;
    QString m_pendingDataSource;
    QList<qbusiness::Application> m_applicationsSoFar;
    QList<qbusiness::Index> m_indicesSoFar;
    QList<qbusiness::DataSource> m_dataSourcesSoFar;

    std::function<void()> m_retry;

    // Models.
    qbusiness::ResourceListModel *m_applications = nullptr;
    qbusiness::ResourceListModel *m_indices = nullptr;
    qbusiness::ResourceListModel *m_dataSources = nullptr;
    qbusiness::SyncJobModel *m_jobModel = nullptr;
    qbusiness::SyncJobLoader *m_loader = nullptr;
    JobStatusProxyModel *m_statusProxy = nullptr;
    QSortFilterProxyModel *m_sortProxy = nullptr;

    // Widgets.
    QComboBox *m_profile = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_goTo = nullptr;
    QComboBox *m_application = nullptr;
    QComboBox *m_index = nullptr;
    QComboBox *m_dataSource = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_customStart = nullptr;
    QDateTimeEdit *m_customEnd = nullptr;
    QLineEdit *m_quickFilter = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_cancelLoadAll = nullptr;
    NotificationBanner *m_demoBanner = nullptr;
    NotificationBanner *m_errorBanner = nullptr;
    NotificationBanner *m_runBanner = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    JobDetailsPanel *m_details = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    ChartsPanel *m_charts = nullptr;
    QLabel *m_statusText = nullptr;
    QLabel *m_filterText = nullptr;
    QProgressBar *m_busy = nullptr;
    QSystemTrayIcon *m_tray = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_stopAction = nullptr;
};

} // namespace syncdeck::ui
