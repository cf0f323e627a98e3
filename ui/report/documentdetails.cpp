#include "documentdetails.h"

#include "reportstatusstyle.h"
#include "widgets/plaintext.h"

#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdeck::ui {

using report::ReportEvent;

DocumentDetails::DocumentDetails(QWidget *parent)
    : QWidget(parent)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The actions first: in a short or narrow pane they are on screen without scrolling.
    m_open = new QPushButton(tr("Open document"), this);
    m_open->setObjectName(QStringLiteral("openSourceUri"));
    m_open->setToolTip(tr("Open the document's source in the browser"));
    m_open->setAccessibleName(tr("Open the source URI in the browser"));
    m_copy = new QPushButton(tr("Copy URI"), this);
    m_copy->setObjectName(QStringLiteral("copySourceUri"));
    m_copy->setToolTip(tr("Copy the source URI"));
    m_copy->setAccessibleName(tr("Copy the source URI"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A narrow pane puts a field under its label rather than cutting it off.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_title = addField(form, tr("Title"), "documentTitle");
    m_documentId = addLineField(form, tr("Document ID"), "documentId");
    m_status = addField(form, tr("Status"), "documentStatus");
    // The URI in full on one line that scrolls, selects and copies: a long URI never widens
    // the pane.
    m_sourceUri = addLineField(form, tr("Source URI"), "documentSourceUri");
    m_stages = addField(form, tr("Stages"), "documentStages");
    m_error = addField(form, tr("Error"), "documentError");
    layout->addLayout(form);

    m_rawToggle = new QToolButton(this);
    m_rawToggle->setObjectName(QStringLiteral("showRawEvent"));
    m_rawToggle->setText(tr("Show the &raw event"));
    m_rawToggle->setCheckable(true);
    m_rawToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_rawToggle->setAccessibleName(tr("Show the raw event"));
    layout->addWidget(m_rawToggle);
    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("rawEvent"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setAccessibleName(tr("Raw event"));
    m_raw->setFont(QFont(QStringLiteral("monospace")));
    m_raw->hide();
    layout->addWidget(m_raw, 1);
    layout->addStretch(0);

    connect(m_open, &QPushButton::clicked, this, &DocumentDetails::openSourceUri);
    connect(m_copy, &QPushButton::clicked, this, &DocumentDetails::copySourceUri);
    connect(m_rawToggle, &QToolButton::toggled, this, &DocumentDetails::setRawEventShown);
    clearEvent();
}

QLabel *DocumentDetails::addField(QFormLayout *form, const QString &label, const char *objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(QLatin1String(objectName));
    value->setTextFormat(Qt::PlainText); // document texts are attacker-controllable
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(label);
    // Wrapped to the pane's width: a word longer than the pane (a path in an error) does not
    // widen it.
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    form->addRow(label, value);
    return value;
}

// Identifiers that are one long word (URIs, S3 keys): one read-only line that scrolls, so the
// whole text stays selectable and copyable whatever the pane's width.
QLineEdit *DocumentDetails::addLineField(QFormLayout *form, const QString &label,
                                         const char *objectName)
{
    auto *value = new QLineEdit(this); // plain text always
    value->setObjectName(QLatin1String(objectName));
    value->setReadOnly(true);
    value->setFrame(false);
    value->setAccessibleName(label);
    QPalette palette = value->palette();
    palette.setColor(QPalette::Base, Qt::transparent);
    value->setPalette(palette);
    value->setMinimumWidth(value->fontMetrics().averageCharWidth() * 12);
    form->addRow(label, value);
    return value;
}

void DocumentDetails::showLine(QLineEdit *field, const QString &text)
{
    field->setText(text);
    field->setCursorPosition(0); // the start of a long URI, not its end
    field->setToolTip(text.isEmpty() ? QString() : plainToolTip(text));
}

void DocumentDetails::setUrlOpener(UrlOpener opener)
{
    m_openUrl = std::move(opener);
}

void DocumentDetails::clearEvent()
{
    m_event = {};
    m_hasEvent = false;
    for (QLabel *label : {m_title, m_status, m_stages, m_error})
        label->clear();
    showLine(m_documentId, {});
    showLine(m_sourceUri, {});
    m_title->setText(tr("Choose a document to see its details."));
    m_open->setEnabled(false);
    m_copy->setEnabled(false);
    m_rawToggle->setChecked(false); // hides the raw event
    m_rawToggle->setEnabled(false);
    m_raw->clear();
}

void DocumentDetails::setEvent(const ReportEvent &event)
{
    m_event = event;
    m_hasEvent = true;
    m_title->setText(event.documentTitle.isEmpty() ? tr("(no title)") : event.documentTitle);
    showLine(m_documentId, event.documentId);
    QString status
        = event.isUnreadable() ? tr("Unreadable event") : report::documentStatusText(event.status);
    if (!event.statusWire.isEmpty() && event.status == report::DocumentStatus::Unknown)
        status += QStringLiteral(" (") + event.statusWire + u')';
    m_status->setText(status);
    showLine(m_sourceUri, event.sourceUri);
    QStringList stages;
    const auto stage = [&stages](const QString &name, const report::StageStatus &s) {
        if (s.isSet())
            stages << name + QStringLiteral(": ") + (s.status.isEmpty() ? s.detail : s.status);
    };
    stage(tr("crawl"), event.crawlStatus);
    stage(tr("sync"), event.syncStatus);
    stage(tr("index"), event.indexStatus);
    m_stages->setText(stages.join(QStringLiteral(" · ")));
    QString error = event.errorMessage;
    if (!event.errorCode.isEmpty())
        error = event.errorCode + QStringLiteral(": ") + error;
    if (event.hasProblems())
        error += (error.isEmpty() ? QString() : QStringLiteral("\n"))
            + event.problems.join(QLatin1Char('\n'));
    m_error->setText(error);
    m_error->setToolTip(plainToolTip(error));
    m_open->setEnabled(!event.sourceUri.isEmpty());
    m_copy->setEnabled(!event.sourceUri.isEmpty());
    m_rawToggle->setEnabled(true);
    if (m_rawToggle->isChecked())
        m_raw->setPlainText(rawText(event));
}

QString DocumentDetails::rawText(const ReportEvent &event)
{
    QString text = event.message;
    QJsonParseError error {};
    const QJsonDocument json = QJsonDocument::fromJson(event.message.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && json.isObject())
        text = QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    QString head = tr("Stream %1, event %2, %3")
                       .arg(event.logStreamName, event.eventId,
                            QDateTime::fromMSecsSinceEpoch(event.timestamp, QTimeZone::utc())
                                .toString(Qt::ISODateWithMs));
    if (event.messageBytes > event.message.toUtf8().size())
        head += u'\n'
            + tr("Only the first %1 of %2 bytes are kept.")
                  .arg(event.message.toUtf8().size())
                  .arg(event.messageBytes);
    for (const QString &problem : event.problems)
        head += QStringLiteral("\n") + tr("Problem: %1").arg(problem);
    return head + QStringLiteral("\n\n") + text;
}

void DocumentDetails::setRawEventShown(bool shown)
{
    if (m_rawToggle->isChecked() != shown)
        m_rawToggle->setChecked(shown); // comes back here through toggled()
    m_raw->setVisible(shown);
    m_rawToggle->setText(shown ? tr("Hide the &raw event") : tr("Show the &raw event"));
    if (shown && m_hasEvent)
        m_raw->setPlainText(rawText(m_event));
}

// Only web addresses go to the browser: a source URI is attacker-controllable, and other
// schemes (file:, smb:, custom handlers) could run or reach things a click should not.
void DocumentDetails::openSourceUri()
{
    if (!m_hasEvent || m_event.sourceUri.isEmpty())
        return;
    const QUrl url(m_event.sourceUri, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https" && scheme != u"http") || url.host().isEmpty()) {
        QGuiApplication::clipboard()->setText(m_event.sourceUri);
        emit messageShown(tr("This source URI is not a web address, so SyncDeck does not open "
                             "it; it was copied to the clipboard."));
        return;
    }
    if (m_openUrl && m_openUrl(url)) {
        emit messageShown(tr("Opened the source URI in the browser."));
        return;
    }
    QGuiApplication::clipboard()->setText(url.toString());
    emit messageShown(tr("No browser opened the source URI; it was copied to the clipboard: "
                         "paste it into a browser."));
}

void DocumentDetails::copySourceUri()
{
    if (!m_hasEvent || m_event.sourceUri.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_event.sourceUri);
    emit messageShown(tr("Copied the source URI."));
}

} // namespace syncdeck::ui
