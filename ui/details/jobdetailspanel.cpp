#include "jobdetailspanel.h"

#include "qbusiness/consolelinks.h"
#include "qbusiness/errorexplanation.h"
#include "qbusiness/jsoncodec.h"
#include "qbusiness/syncjobmodel.h"
#include "widgets/plaintext.h"
#include "widgets/statusstyle.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

namespace syncdeck::ui {

using qbusiness::SyncJob;

namespace {

QString timeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("  (")
        + t.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss 'UTC'"))
        + QLatin1Char(')');
}

QString metricText(const std::optional<qint64> &v)
{
    return v ? QLocale().toString(*v) : JobDetailsPanel::tr("not reported");
}

} // namespace

JobDetailsPanel::JobDetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Run details"));
    m_placeholder = new QLabel(tr("Select a run to see its details."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    // Reachable by Tab and F6, so a screen reader says why the panel is empty (the focus
    // policy after the flags: setting them resets it).
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByKeyboard);
    m_placeholder->setFocusPolicy(Qt::StrongFocus);

    m_content = new QWidget;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_statusIcon = new QLabel;
    m_status = makeValue(QStringLiteral("detailsStatus"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_status, 1);
    auto *statusField = new QLabel(tr("Status:"));
    statusField->setBuddy(m_status);
    form->addRow(statusField, statusRow);

    m_start = addRow(form, tr("Started:"), QStringLiteral("detailsStart"));
    m_end = addRow(form, tr("Ended:"), QStringLiteral("detailsEnd"));
    m_duration = addRow(form, tr("Duration:"), QStringLiteral("detailsDuration"));
    m_scanned = addRow(form, tr("Scanned:"), QStringLiteral("detailsScanned"));
    m_added = addRow(form, tr("Added:"), QStringLiteral("detailsAdded"));
    m_modified = addRow(form, tr("Modified:"), QStringLiteral("detailsModified"));
    m_deleted = addRow(form, tr("Deleted:"), QStringLiteral("detailsDeleted"));
    m_failed = addRow(form, tr("Failed:"), QStringLiteral("detailsFailed"));
    m_errorCode = addRow(form, tr("Error code:"), QStringLiteral("detailsErrorCode"));
    m_explanation = addRow(form, tr("What it means:"), QStringLiteral("detailsExplanation"));
    m_nextStep = addRow(form, tr("Next step:"), QStringLiteral("detailsNextStep"));
    m_errorMessage = addRow(form, tr("Error message:"), QStringLiteral("detailsErrorMessage"));
    m_dataSourceErrorCode
        = addRow(form, tr("Data source error:"), QStringLiteral("detailsDataSourceErrorCode"));
    m_executionId = addRow(form, tr("Execution ID:"), QStringLiteral("detailsExecutionId"));

    m_copyId = new QPushButton(tr("Cop&y ID"));
    m_copyId->setObjectName(QStringLiteral("copyIdButton"));
    m_copyId->setToolTip(tr("Copy the execution ID"));
    m_copyJson = new QPushButton(tr("Copy as &JSON"));
    m_copyJson->setObjectName(QStringLiteral("copyJsonButton"));
    m_copyJson->setToolTip(tr("Copy the run as JSON, as the AWS CLI prints it"));
    m_openConsole = new QPushButton(tr("Open in c&onsole"));
    m_openConsole->setObjectName(QStringLiteral("openConsoleButton"));
    m_openConsole->setToolTip(tr("Open the data source in the AWS console"));
    m_openLog = new QPushButton(tr("Open log strea&m"));
    m_openLog->setObjectName(QStringLiteral("openLogButton"));
    m_openLog->setToolTip(tr("Open this run's document report in CloudWatch Logs"));
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_copyId, 0, 0);
    buttons->addWidget(m_copyJson, 0, 1);
    buttons->addWidget(m_openConsole, 1, 0);
    buttons->addWidget(m_openLog, 1, 1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->addLayout(form);
    contentLayout->addLayout(buttons);
    contentLayout->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Not a tab stop of its own: the values inside are, and it scrolls to the one focused.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(m_content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_scroll);
    m_scroll->hide();

    connect(m_copyId, &QPushButton::clicked, this, &JobDetailsPanel::copyExecutionId);
    connect(m_copyJson, &QPushButton::clicked, this, &JobDetailsPanel::copyJson);
    connect(m_openConsole, &QPushButton::clicked, this, &JobDetailsPanel::openConsole);
    connect(m_openLog, &QPushButton::clicked, this, &JobDetailsPanel::openLogStream);
    clearJob();
}

QLabel *JobDetailsPanel::makeValue(const QString &objectName)
{
    auto *value = new QLabel;
    value->setObjectName(objectName);
    // Everything here may come from the service: never interpret it as rich text.
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setFocusPolicy(Qt::StrongFocus);
    return value;
}

QLabel *JobDetailsPanel::addRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    QLabel *value = makeValue(objectName);
    auto *field = new QLabel(label);
    // The buddy relation names the value for assistive tools that follow it (Orca does).
    field->setBuddy(value);
    form->addRow(field, value);
    return value;
}

void JobDetailsPanel::setValue(QLabel *value, const QString &text)
{
    value->setText(text);
    // The field label names the value (its buddy: screen readers read "Ended: <value>"), so
    // the value's own name is the whole value alone (long messages too: never elided); a name
    // holding the field as well was read twice by Orca ("Ended: Ended: …").
    value->setAccessibleName(text.isEmpty() ? tr("none") : text);
}

void JobDetailsPanel::setContext(const QString &region, const QString &applicationId,
                                 const QString &indexId, const QString &dataSourceId)
{
    m_region = region;
    m_applicationId = applicationId;
    m_indexId = indexId;
    m_dataSourceId = dataSourceId;
    const bool known = !m_region.isEmpty() && !m_applicationId.isEmpty();
    m_openConsole->setEnabled(m_hasJob && known);
    m_openLog->setEnabled(m_hasJob && known);
}

void JobDetailsPanel::setJob(const SyncJob &job)
{
    m_job = job;
    m_hasJob = true;
    const qbusiness::SyncStatus kind = job.statusKind();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_statusIcon->setPixmap(statusIcon(kind).pixmap(size, size));
    // A readable label; the tooltip keeps the wire value (unknown statuses show it verbatim).
    setValue(m_status, qbusiness::SyncJobModel::statusText(job.status));
    m_status->setToolTip(plainToolTip(job.status));
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, statusColor(kind, palette()));
    m_status->setPalette(statusPalette);
    setValue(m_start, timeText(job.startTime));
    setValue(m_end, job.endTime.isValid() ? timeText(job.endTime) : tr("still running"));
    if (job.startTime.isValid() && job.endTime.isValid())
        setValue(m_duration,
                 qbusiness::SyncJobModel::durationText(job.startTime.msecsTo(job.endTime)));
    else
        setValue(m_duration, {});
    setValue(m_scanned, metricText(job.metrics.documentsScanned));
    setValue(m_added, metricText(job.metrics.documentsAdded));
    setValue(m_modified, metricText(job.metrics.documentsModified));
    setValue(m_deleted, metricText(job.metrics.documentsDeleted));
    setValue(m_failed, metricText(job.metrics.documentsFailed));

    const qbusiness::ErrorExplanation e
        = qbusiness::explainJobError(job.errorCode, job.dataSourceErrorCode, job.errorMessage);
    setValue(m_errorCode, job.errorCode.isEmpty() ? tr("none") : job.errorCode);
    setValue(m_explanation,
             e.summary.isEmpty() ? tr("No error reported for this run.") : e.summary);
    setValue(m_nextStep, e.nextStep);
    setValue(m_errorMessage, job.errorMessage.isEmpty() ? tr("none") : job.errorMessage);
    setValue(m_dataSourceErrorCode,
             job.dataSourceErrorCode.isEmpty() ? tr("none") : job.dataSourceErrorCode);
    setValue(m_executionId, job.executionId);

    m_placeholder->hide();
    m_scroll->show();
    m_copyId->setEnabled(true);
    m_copyJson->setEnabled(true);
    setContext(m_region, m_applicationId, m_indexId, m_dataSourceId);
}

void JobDetailsPanel::showJob(const qbusiness::SyncJob &job)
{
    if (job.executionId.isEmpty())
        clearJob();
    else
        setJob(job);
}

void JobDetailsPanel::clearJob()
{
    m_job = {};
    m_hasJob = false;
    m_placeholder->show();
    m_scroll->hide();
    m_copyId->setEnabled(false);
    m_copyJson->setEnabled(false);
    m_openConsole->setEnabled(false);
    m_openLog->setEnabled(false);
}

QUrl JobDetailsPanel::consoleUrl() const
{
    return qbusiness::dataSourceConsoleUrl(m_region, m_applicationId, m_indexId, m_dataSourceId);
}

QUrl JobDetailsPanel::logStreamUrl() const
{
    return qbusiness::syncRunLogUrl(m_region, m_applicationId, m_dataSourceId, m_job.executionId);
}

void JobDetailsPanel::copyExecutionId()
{
    if (!m_hasJob)
        return;
    QGuiApplication::clipboard()->setText(m_job.executionId);
    emit reported(tr("Copied execution ID %1").arg(m_job.executionId));
}

void JobDetailsPanel::copyJson()
{
    if (!m_hasJob)
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(
        QJsonDocument(qbusiness::jsoncodec::toJson(m_job)).toJson(QJsonDocument::Indented)));
    emit reported(tr("Copied run %1 as JSON").arg(m_job.executionId));
}

void JobDetailsPanel::openConsole()
{
    if (m_hasJob)
        openOrCopy(consoleUrl(), tr("the data source's console page"));
}

void JobDetailsPanel::openLogStream()
{
    if (m_hasJob)
        openOrCopy(logStreamUrl(), tr("the run's log stream"));
}

void JobDetailsPanel::openOrCopy(const QUrl &url, const QString &what)
{
    if (QDesktopServices::openUrl(url)) {
        emit reported(tr("Opened %1 in the web browser").arg(what));
        return;
    }
    // No browser (a remote session, a minimal desktop): the address still gets there by paste.
    QGuiApplication::clipboard()->setText(url.toString());
    emit reported(tr("No web browser opened; copied the address of %1 to paste in one").arg(what));
}

} // namespace syncdeck::ui
