#pragma once

#include "report/reportevent.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace syncdeck::ui {

// One document of a report: title, source URI (opened in the browser), stages, error and, on
// demand, the raw event as CloudWatch Logs holds it. Every text is network text: plain labels,
// a plain-text editor for the raw event.
class DocumentDetails : public QWidget
{
    Q_OBJECT
public:
    // Opens a URL; false when nothing opened it (no browser). QDesktopServices::openUrl by
    // default; tests give their own.
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit DocumentDetails(QWidget *parent = nullptr);

    void setEvent(const report::ReportEvent &event);
    void clearEvent();
    bool hasEvent() const { return m_hasEvent; }
    const report::ReportEvent &event() const { return m_event; }
    void setUrlOpener(UrlOpener opener);

    // The raw event, pretty-printed when it is JSON, with what SyncDeck found wrong in it.
    static QString rawText(const report::ReportEvent &event);

public slots:
    void openSourceUri();
    void copySourceUri();
    void setRawEventShown(bool shown);

signals:
    // A sentence for the status bar (what opening or copying did).
    void messageShown(const QString &message);

private:
    QLabel *addField(QFormLayout *form, const QString &label, const char *objectName);
    QLineEdit *addLineField(QFormLayout *form, const QString &label, const char *objectName);
    static void showLine(QLineEdit *field, const QString &text);

    report::ReportEvent m_event;
    bool m_hasEvent = false;
    UrlOpener m_openUrl;
    QLabel *m_title = nullptr;
    QLineEdit *m_documentId = nullptr;
    QLineEdit *m_sourceUri = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_stages = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_copy = nullptr;
    QToolButton *m_rawToggle = nullptr;
    QPlainTextEdit *m_raw = nullptr;
};

} // namespace syncdeck::ui
