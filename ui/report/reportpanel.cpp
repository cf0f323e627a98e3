#include "reportpanel.h"

#include "failuregrouplist.h"
#include "logs/client.h"
#include "report/insightsquery.h"
#include "report/reportcounts.h"
#include "report/reportreader.h"
#include "reportpresentationproxy.h"
#include "widgets/filedialog.h"
#include "widgets/notificationbanner.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace syncdeck::ui {

using report::DocumentReportModel;
using report::DocumentStatus;
using report::ReportOutcome;
using report::ReportStatus;

namespace {

// The status filter's choices, in the combo box's order.
enum StatusChoice {
    FailedAndSkipped,
    FailedOnly,
    SkippedOnly,
    SucceededOnly,
    Everything,
    Problems
};

QLabel *plainLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

ReportPanel::ReportPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DocumentReportModel(this))
    , m_proxy(new ReportPresentationProxy(this))
{
    m_proxy->setSourceModel(m_model);
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(DefaultSelectionDelayMs);
    connect(&m_startTimer, &QTimer::timeout, this, &ReportPanel::startRead);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(200);
    connect(&m_searchTimer, &QTimer::timeout, this, &ReportPanel::applyView);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ReportPanel::refresh);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_placeholder = plainLabel(this, "reportPlaceholder");
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setText(tr("Choose a run to see which documents failed, and why."));
    outer->addWidget(m_placeholder);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new NotificationBanner(m_content);
    m_banner->setObjectName(QStringLiteral("reportOutcome"));
    m_banner->hide();
    connect(m_banner, &NotificationBanner::actionTriggered, this, &ReportPanel::onBannerAction);
    layout->addWidget(m_banner);
    m_counts = plainLabel(m_content, "reportCounts");
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);
    // Described, not named: a QLabel with an accessible name hides its text from screen readers.
    m_counts->setAccessibleDescription(tr("Documents in the report"));
    m_agreement = plainLabel(m_content, "metricsAgreement");
    m_agreement->setAccessibleDescription(tr("Agreement with the run's metrics"));
    m_state = plainLabel(m_content, "reportState");
    m_state->setAccessibleDescription(tr("Report reading state"));
    layout->addWidget(m_counts);
    layout->addWidget(m_agreement);
    layout->addWidget(m_state);
    buildToolbar(layout);

    auto *splitter = new QSplitter(Qt::Horizontal, m_content);
    splitter->setObjectName(QStringLiteral("reportSplitter"));
    m_groups = new FailureGroupList(splitter);
    m_groups->setObjectName(QStringLiteral("failureGroups"));
    connect(m_groups, &FailureGroupList::reasonChosen, this, &ReportPanel::applyView);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("documentsTable"));
    m_table->setAccessibleName(tr("Documents"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const int column :
         {DocumentReportModel::DocumentColumn, DocumentReportModel::CrawlActionColumn,
          DocumentReportModel::ReasonColumn, DocumentReportModel::StreamColumn})
        m_table->setColumnHidden(column, true);
    // The error last, stretched: it is the column read most.
    m_table->horizontalHeader()->moveSection(DocumentReportModel::ErrorColumn,
                                             DocumentReportModel::ColumnCount - 1);
    m_table->setColumnWidth(
        DocumentReportModel::TimeColumn,
        m_table->fontMetrics().horizontalAdvance(QStringLiteral("2024-05-01 12:00:00")) + 16);
    m_table->setColumnWidth(DocumentReportModel::TitleColumn, 220);
    m_table->setColumnWidth(DocumentReportModel::SourceUriColumn, 220);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReportPanel::onCurrentRowChanged);
    // Scrolled, so a short pane keeps every field reachable and the form never sets the
    // height of the docks the pane is tabbed with.
    auto *detailsScroll = new QScrollArea(splitter);
    detailsScroll->setObjectName(QStringLiteral("documentDetailsScroll"));
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setAccessibleName(tr("Document details"));
    m_details = new DocumentDetails(detailsScroll);
    m_details->setObjectName(QStringLiteral("documentDetails"));
    detailsScroll->setWidget(m_details);
    // Never narrower than the details need (their buttons included): a narrow pane would hide
    // them behind a horizontal scroll bar.
    detailsScroll->setMinimumWidth(m_details->minimumSizeHint().width()
                                   + detailsScroll->verticalScrollBar()->sizeHint().width());
    connect(m_details, &DocumentDetails::messageShown, this, &ReportPanel::messageShown);
    splitter->addWidget(m_groups);
    splitter->addWidget(m_table);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 5);
    splitter->setStretchFactor(2, 2);
    // Reasons are read in full: the groups get a third of the width at first.
    splitter->setSizes({450, 700, 300});
    layout->addWidget(splitter, 1);
    outer->addWidget(m_content, 1);
    m_content->hide();

    connect(m_model, &DocumentReportModel::rowsInserted, this, &ReportPanel::onRowsInserted);
    connect(m_model, &DocumentReportModel::countsChanged, this, &ReportPanel::onCountsChanged);
    connect(m_model, &DocumentReportModel::outcomeChanged, this, &ReportPanel::onOutcome);
    connect(m_model, &DocumentReportModel::loadingChanged, this, &ReportPanel::refresh);
}

ReportPanel::~ReportPanel()
{
    stopRead();
}

void ReportPanel::buildToolbar(QVBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(m_content);
    m_search->setObjectName(QStringLiteral("reportSearch"));
    m_search->setPlaceholderText(tr("Search title, document ID, source URI, error"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search documents"));
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &ReportPanel::applyView);
    m_statusFilter = new QComboBox(m_content);
    m_statusFilter->setObjectName(QStringLiteral("reportStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Document status filter"));
    m_statusFilter->addItems({tr("Failed and skipped"), tr("Failed"), tr("Skipped"),
                              tr("Succeeded"), tr("All events"),
                              tr("Unreadable or with problems")});
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &ReportPanel::applyView);
    m_reload = new QPushButton(tr("Re&load"), m_content);
    m_reload->setObjectName(QStringLiteral("reloadReport"));
    m_reload->setAccessibleName(tr("Read the report again"));
    connect(m_reload, &QPushButton::clicked, this, &ReportPanel::reload);
    m_export = new QPushButton(tr("E&xport"), m_content);
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setAccessibleName(tr("Export the listed documents"));
    auto *menu = new QMenu(m_export);
    QAction *csv = menu->addAction(tr("As &CSV…"), this,
                                   [this] { exportView(report::ReportExportFormat::Csv); });
    csv->setObjectName(QStringLiteral("exportReportCsv"));
    QAction *jsonl = menu->addAction(tr("As &JSON Lines…"), this,
                                     [this] { exportView(report::ReportExportFormat::JsonLines); });
    jsonl->setObjectName(QStringLiteral("exportReportJsonLines"));
    m_export->setMenu(menu);
    m_copyQuery = new QPushButton(tr("Copy Logs Insights &query"), m_content);
    m_copyQuery->setObjectName(QStringLiteral("copyInsightsQuery"));
    m_copyQuery->setAccessibleName(tr("Copy the Logs Insights query of this view"));
    m_copyQuery->setToolTip(tr("Copy a CloudWatch Logs Insights query that shows these documents "
                               "in the AWS console"));
    connect(m_copyQuery, &QPushButton::clicked, this, &ReportPanel::copyInsightsQuery);
    bar->addWidget(m_search, 1);
    // A label the combo box is read with (a screen reader names a combo box by its value).
    auto *showLabel = new QLabel(tr("Show:"), m_content);
    showLabel->setBuddy(m_statusFilter);
    bar->addWidget(showLabel);
    bar->addWidget(m_statusFilter);
    bar->addWidget(m_reload);
    bar->addWidget(m_export);
    bar->addWidget(m_copyQuery);
    layout->addLayout(bar);
}

void ReportPanel::setLogsClient(logs::Client *client, const QString &problem,
                                const QString &nextStep)
{
    stopRead();
    m_client = client;
    m_clientProblem = problem;
    m_clientNextStep = nextStep;
    if (m_hasJob)
        showJob(m_job);
}

void ReportPanel::setContext(const QString &region, const QString &applicationId,
                             const QString &indexId, const QString &dataSourceId)
{
    m_region = region;
    m_applicationId = applicationId;
    m_indexId = indexId;
    m_dataSourceId = dataSourceId;
}

void ReportPanel::setAccountId(const QString &accountId)
{
    m_accountId = accountId;
}

void ReportPanel::setUrlOpener(UrlOpener opener)
{
    m_details->setUrlOpener(std::move(opener));
}

void ReportPanel::setSelectionDelay(int ms)
{
    m_startTimer.setInterval(ms);
}

void ReportPanel::setPollInterval(int ms)
{
    m_pollIntervalMs = ms;
}

void ReportPanel::clearJob()
{
    stopRead();
    m_hasJob = false;
    m_job = {};
    m_model->setReader(nullptr);
    m_refreshTimer.stop();
    m_countsShown = false;
    m_groups->clearGroups();
    m_details->clearEvent();
    m_banner->hide();
    m_content->hide();
    m_placeholder->show();
}

void ReportPanel::showJob(const qbusiness::SyncJob &job)
{
    if (job.executionId.isEmpty()) {
        clearJob();
        return;
    }
    stopRead();
    m_job = job;
    m_hasJob = true;
    m_target = {};
    m_target.applicationId = m_applicationId;
    m_target.indexId = m_indexId;
    m_target.dataSourceId = m_dataSourceId;
    m_target.executionId = job.executionId;
    m_target.runStart = job.startTime;
    m_target.runEnd = job.endTime;
    m_target.running = !job.endTime.isValid();
    m_target.region = m_region;
    m_target.accountId = m_accountId;
    m_model->setReader(nullptr);
    m_groups->clearGroups();
    m_details->clearEvent();
    m_firstRowsSeen = false;
    m_countsShown = false;
    m_refreshTimer.stop();
    m_placeholder->hide();
    m_content->show();
    m_banner->hide();
    if (!m_client) {
        showUnavailable(tr("Reports cannot be read"),
                        m_clientProblem.isEmpty()
                            ? tr("There is no CloudWatch Logs connection: choose a profile first.")
                            : m_clientProblem,
                        m_clientNextStep);
        updateHeadline();
        return;
    }
    m_readPending = true;
    updateHeadline();
    if (isVisible())
        m_startTimer.start();
}

void ReportPanel::setJob(const qbusiness::SyncJob &job)
{
    if (!m_hasJob || job.executionId != m_job.executionId) {
        showJob(job);
        return;
    }
    const bool ended = !m_job.endTime.isValid() && job.endTime.isValid();
    m_job = job;
    m_target.runEnd = job.endTime;
    m_target.running = !job.endTime.isValid();
    if (ended && m_reader)
        m_reader->runEnded(job.endTime);
    updateHeadline();
}

void ReportPanel::reload()
{
    if (m_hasJob)
        showJob(m_job);
}

void ReportPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_readPending && !m_startTimer.isActive())
        m_startTimer.start();
}

void ReportPanel::startRead()
{
    if (!m_readPending || !m_client || !isVisible())
        return;
    m_readPending = false;
    m_legacy = false;
    auto *reader = new report::ReportReader(m_client, m_target, this);
    reader->setFollow(m_target.running);
    if (m_pollIntervalMs > 0)
        reader->setPollInterval(m_pollIntervalMs);
    connect(reader, &report::ReportReader::finished, reader, &QObject::deleteLater);
    m_reader = reader;
    m_model->setReader(reader);
    applyView();
    reader->start();
    updateHeadline();
}

void ReportPanel::stopRead()
{
    m_startTimer.stop();
    m_readPending = false;
    if (!m_reader)
        return;
    report::ReportReader *reader = m_reader;
    m_reader = nullptr;
    m_model->setReader(nullptr); // its last events and outcome go nowhere
    reader->cancel(); // aborts the request in flight; finished() deletes it
}

report::ReportView ReportPanel::viewOfControls() const
{
    report::ReportView view;
    switch (m_statusFilter->currentIndex()) {
    case FailedAndSkipped:
        view.statuses = {DocumentStatus::Failed, DocumentStatus::Skipped};
        break;
    case FailedOnly:
        view.statuses = {DocumentStatus::Failed};
        break;
    case SkippedOnly:
        view.statuses = {DocumentStatus::Skipped};
        break;
    case SucceededOnly:
        view.statuses = {DocumentStatus::Succeeded};
        break;
    case Problems:
        view.onlyProblems = true;
        break;
    default:
        break;
    }
    view.reasonStatus = m_groups->chosenStatus();
    view.reason = m_groups->chosenReason();
    view.search = m_search->text();
    return view;
}

void ReportPanel::applyView()
{
    m_searchTimer.stop();
    m_model->setView(viewOfControls());
    m_details->clearEvent();
    updateHeadline();
}

void ReportPanel::onRowsInserted()
{
    if (m_firstRowsSeen || m_model->rowCount() == 0)
        return;
    m_firstRowsSeen = true;
    emit firstRowsShown();
}

void ReportPanel::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clearEvent();
        return;
    }
    m_details->setEvent(m_model->event(current.row()));
}

void ReportPanel::onOutcome(const ReportOutcome &outcome)
{
    if (m_reader)
        m_legacy = m_reader->readLegacyStreams();
    updateHeadline();
    const bool explained
        = outcome.isFinal() && (outcome.status != ReportStatus::Complete || m_legacy);
    if (!explained) {
        m_banner->hide();
        return;
    }
    NotificationBanner::Kind kind = NotificationBanner::Kind::Information;
    if (outcome.isFailure())
        kind = NotificationBanner::Kind::Error;
    else if (outcome.status == ReportStatus::Truncated || outcome.status == ReportStatus::Cancelled)
        kind = NotificationBanner::Kind::Warning;
    QString text = outcome.explanation;
    if (!outcome.nextStep.isEmpty())
        text += QStringLiteral("\n\n") + outcome.nextStep;
    m_bannerDetails = outcome.details;
    const QString action = !outcome.details.isEmpty() ? tr("Copy details")
        : outcome.isFailure()                         ? tr("Retry")
                                                      : QString();
    // The banner names itself "Kind: title", as every banner of the window.
    m_banner->showMessage(kind, outcome.title, text, action, false);
}

void ReportPanel::showUnavailable(const QString &title, const QString &text,
                                  const QString &nextStep)
{
    m_bannerDetails.clear();
    m_banner->showMessage(NotificationBanner::Kind::Warning, title,
                          nextStep.isEmpty() ? text : text + QStringLiteral("\n\n") + nextStep, {},
                          false);
}

void ReportPanel::onBannerAction()
{
    if (m_bannerDetails.isEmpty()) {
        reload();
        return;
    }
    QGuiApplication::clipboard()->setText(m_bannerDetails);
    emit messageShown(tr("Copied to the clipboard."));
}

void ReportPanel::updateHeadline()
{
    const QLocale locale;
    const report::ReportCounts &c = m_model->counts();
    const ReportOutcome &outcome = m_model->outcome();
    QString counts = tr("%1 failed · %2 skipped · %3 succeeded")
                         .arg(locale.toString(c.failed), locale.toString(c.skipped),
                              locale.toString(c.succeeded));
    if (c.unknownStatus > 0)
        counts += tr(" · %1 without a known status").arg(locale.toString(c.unknownStatus));
    if (c.unreadable > 0)
        counts += tr(" · %1 unreadable").arg(locale.toString(c.unreadable));
    if (c.withProblems > 0)
        counts += tr(" · %1 with problems").arg(locale.toString(c.withProblems));
    m_counts->setText(counts);
    // Without a report there is nothing to count: the outcome says why.
    const bool readSomething = c.events > 0 || outcome.status == ReportStatus::Complete;
    m_counts->setVisible(m_hasJob && m_client && readSomething);

    m_agreement->setText(
        readSomething
            ? report::compareWithMetrics(c, m_job.metrics, outcome.status == ReportStatus::Complete)
                  .summary
            : QString());
    m_agreement->setVisible(!m_agreement->text().isEmpty());

    QString state;
    switch (outcome.status) {
    case ReportStatus::NotStarted:
        if (m_readPending)
            state = tr("About to read the report of run %1…").arg(m_job.executionId);
        break;
    case ReportStatus::Reading:
        state = tr("Reading the report: %Ln events so far…", nullptr, int(c.events));
        break;
    case ReportStatus::Following:
        state = tr("The run is still syncing: new documents appear as they are reported (%Ln "
                   "events so far).",
                   nullptr, int(c.events));
        break;
    case ReportStatus::Complete:
        state = tr("Read all %Ln events of the report.", nullptr, int(c.events));
        break;
    default:
        break; // every other ending is the banner's title: not said twice
    }
    if (m_model->view().isFiltered() && c.events > 0)
        state += (state.isEmpty() ? QString() : QStringLiteral(" "))
            + tr("%Ln match the view.", nullptr, m_model->matchingCount());
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    m_export->setEnabled(m_model->matchingCount() > 0);
    m_copyQuery->setEnabled(m_hasJob);
    m_reload->setEnabled(m_hasJob && m_client);
}

// The first counts and groups at once; then at most RefreshIntervalMs apart while events
// arrive, from the timer rather than from the reader's turn.
void ReportPanel::onCountsChanged()
{
    if (!m_countsShown) {
        refresh();
        return;
    }
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ReportPanel::refresh()
{
    m_refreshTimer.stop();
    m_countsShown = m_model->counts().events > 0;
    updateHeadline();
    updateGroups();
}

void ReportPanel::updateGroups()
{
    m_groups->showGroups(m_model->failureGroups());
}

void ReportPanel::exportView(report::ReportExportFormat format)
{
    if (m_model->matchingCount() == 0)
        return;
    const bool csv = format == report::ReportExportFormat::Csv;
    const QString name = QStringLiteral("report-") + m_target.executionId
        + (csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl"));
    const QString path = fileDialog()->getSaveFileName(this, tr("Export documents"), name,
                                                       csv ? tr("CSV files (*.csv)")
                                                           : tr("JSON Lines files (*.jsonl)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!report::exportReport(path, *m_model, format, &error)) {
        m_bannerDetails.clear();
        m_banner->showMessage(NotificationBanner::Kind::Error, tr("Export failed"), error, {},
                              true);
        return;
    }
    const qint64 events = m_model->matchingCount();
    QString message = tr("Exported %n documents to %1", nullptr, int(events))
                          .arg(QDir::toNativeSeparators(path));
    if (m_model->isLoading())
        message += tr(" (the report was still being read: export again for the rest)");
    emit exported(events, path);
    emit messageShown(message);
}

void ReportPanel::copyInsightsQuery()
{
    if (!m_hasJob)
        return;
    const report::ReportSource source
        = m_legacy ? report::ReportSource::LegacyErrors : report::ReportSource::RunReport;
    const report::InsightsQuery query = report::insightsQueryFor(m_target, m_model->view(), source);
    QGuiApplication::clipboard()->setText(query.text());
    emit messageShown(tr("Copied the Logs Insights query of this view: paste it into CloudWatch "
                         "Logs Insights, log group %1.")
                          .arg(query.logGroupName));
}

} // namespace syncdeck::ui
