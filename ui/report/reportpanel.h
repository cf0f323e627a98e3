#pragma once

#include "documentdetails.h"
#include "qbusiness/types.h"
#include "report/documentreportmodel.h"
#include "report/reportexport.h"
#include "report/reportreader.h"
#include "report/runreporttarget.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace syncdeck::logs {
class Client;
}

namespace syncdeck::ui {

class FailureGroupList;
class NotificationBanner;
class ReportPresentationProxy;

// The Documents view of the selected run: its document report from CloudWatch Logs. Headline
// counts (and whether they agree with the run's metrics), failures grouped by reason, the
// documents of a group (search, status filter), one document's details and raw event, export,
// the Logs Insights query of the view, and live growth while the run is syncing. Every way a
// read ends is explained in the view with its next step (ReportOutcome).
//
// Never in the way of the Q Business view: reading is asynchronous, starts only while the view
// is visible (a tab behind the run details costs no Logs quota), after a short pause so that
// scrolling through runs does not start a read per row, and is cancelled when the run changes.
class ReportPanel : public QWidget
{
    Q_OBJECT
public:
    using UrlOpener = DocumentDetails::UrlOpener;

    static constexpr int DefaultSelectionDelayMs = 100;
    // While events arrive, the counts and groups are refreshed at most this often.
    static constexpr int RefreshIntervalMs = 250;

    explicit ReportPanel(QWidget *parent = nullptr);
    ~ReportPanel() override;

    // nullptr: reports cannot be read (problem and nextStep say why, in the view).
    void setLogsClient(logs::Client *client, const QString &problem = {},
                       const QString &nextStep = {});
    // Where runs live (region and account for the explanations' ARNs and commands).
    void setContext(const QString &region, const QString &applicationId, const QString &indexId,
                    const QString &dataSourceId);
    void setAccountId(const QString &accountId);
    // A new current run: its report is read (the previous read is cancelled).
    void showJob(const qbusiness::SyncJob &job);
    // The current run changed (metrics, its end): the headline and a live read follow.
    void setJob(const qbusiness::SyncJob &job);
    void clearJob();

    void setUrlOpener(UrlOpener opener);
    void setSelectionDelay(int ms);
    void setPollInterval(int ms); // of a running job's report (ReportReader's default otherwise)

    report::DocumentReportModel *model() const { return m_model; }
    report::ReportReader *reader() const { return m_reader; }
    const report::RunReportTarget &target() const { return m_target; }
    bool hasJob() const { return m_hasJob; }

public slots:
    void reload();
    void exportView(syncdeck::report::ReportExportFormat format);
    void copyInsightsQuery();

signals:
    // The first rows of a report are in the table (the benchmark waits for this).
    void firstRowsShown();
    void exported(qint64 events, const QString &path);
    // A sentence for the status bar.
    void messageShown(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildToolbar(QVBoxLayout *layout);
    void startRead();
    void stopRead();
    void applyView();
    void onRowsInserted();
    void onCurrentRowChanged();
    void onOutcome(const report::ReportOutcome &outcome);
    void updateHeadline();
    void updateGroups();
    void onCountsChanged();
    void refresh();
    void showUnavailable(const QString &title, const QString &text, const QString &nextStep);
    void onBannerAction();
    report::ReportView viewOfControls() const;

    QPointer<logs::Client> m_client;
    QString m_clientProblem, m_clientNextStep;
    QString m_region, m_applicationId, m_indexId, m_dataSourceId, m_accountId;
    qbusiness::SyncJob m_job;
    bool m_hasJob = false;
    bool m_readPending = false; // a read waits for the view to be shown or the pause to end
    bool m_firstRowsSeen = false;
    bool m_countsShown = false; // the headline has shown counts of the current read
    bool m_legacy = false; // the read fell back to the older error streams
    int m_pollIntervalMs = 0;
    report::RunReportTarget m_target;
    QPointer<report::ReportReader> m_reader;
    QTimer m_startTimer; // the pause after a selection
    QTimer m_searchTimer;
    // Coalesces refreshes of the headline and the groups while events arrive: the headline's
    // labels wrap, so each new text is laid out again, too dear for every batch.
    QTimer m_refreshTimer;

    report::DocumentReportModel *m_model = nullptr;
    ReportPresentationProxy *m_proxy = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_agreement = nullptr;
    QLabel *m_state = nullptr;
    NotificationBanner *m_banner = nullptr;
    QString m_bannerDetails; // what the banner's action copies; empty: the action is Retry
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_copyQuery = nullptr;
    FailureGroupList *m_groups = nullptr;
    QTableView *m_table = nullptr;
    DocumentDetails *m_details = nullptr;
};

} // namespace syncdeck::ui
