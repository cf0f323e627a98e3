#pragma once

#include "qbusiness/types.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace syncdeck::ui {

// Everything about one run: status, times, metrics, the error in plain words with the next step,
// the full error message (plain text) and links to the console and the run's log stream.
class JobDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailsPanel(QWidget *parent = nullptr);

    // Where the job lives, for console and CloudWatch links.
    void setContext(const QString &region, const QString &applicationId, const QString &indexId,
                    const QString &dataSourceId);
    void setJob(const qbusiness::SyncJob &job);
    void clearJob();
    // setJob(), or clearJob() for a job without an execution ID (no run is current).
    void showJob(const qbusiness::SyncJob &job);
    bool hasJob() const { return m_hasJob; }
    const qbusiness::SyncJob &job() const { return m_job; }

    // Exposed for tests and accessibility checks.
    QLabel *errorMessageLabel() const { return m_errorMessage; }
    QLabel *explanationLabel() const { return m_explanation; }
    QLabel *statusLabel() const { return m_status; }

    QUrl consoleUrl() const;
    QUrl logStreamUrl() const;

public slots:
    void copyExecutionId();
    void copyJson();
    void openConsole();
    void openLogStream();

signals:
    // What a copy or an open did, for the status bar ("Copied …", or that no browser opened).
    void reported(const QString &message);

private:
    static QLabel *makeValue(const QString &objectName);
    // Opens `url` in the browser; when none opens, copies it and says so.
    void openOrCopy(const QUrl &url, const QString &what);

    QLabel *addRow(QFormLayout *form, const QString &label, const QString &objectName);
    // Shows `text` in a value label and names the label "Field: text" for assistive tools.
    void setValue(QLabel *value, const QString &text);

    qbusiness::SyncJob m_job;
    bool m_hasJob = false;
    QString m_region, m_applicationId, m_indexId, m_dataSourceId;

    QLabel *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_start = nullptr;
    QLabel *m_end = nullptr;
    QLabel *m_duration = nullptr;
    QLabel *m_scanned = nullptr;
    QLabel *m_added = nullptr;
    QLabel *m_modified = nullptr;
    QLabel *m_deleted = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_errorCode = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_nextStep = nullptr;
    QLabel *m_errorMessage = nullptr;
    QLabel *m_dataSourceErrorCode = nullptr;
    QLabel *m_executionId = nullptr;
    QPushButton *m_copyId = nullptr;
    QPushButton *m_copyJson = nullptr;
    QPushButton *m_openConsole = nullptr;
    QPushButton *m_openLog = nullptr;
};

} // namespace syncdeck::ui
