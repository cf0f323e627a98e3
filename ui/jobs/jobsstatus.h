#pragma once

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace syncdeck::ui {

class JobsPage;

// The sync history's part of the status bar: "N jobs loaded · more available", what the quick
// filter shows of the loaded rows, and a busy indicator while anything loads.
class JobsStatus : public QObject
{
    Q_OBJECT
public:
    JobsStatus(JobsPage *jobs, QStatusBar *bar);

public slots:
    // Shows the state of the jobs page; `listing`: something else (the resource picker) loads
    // too; `problem`: the title of the error shown above (connection or listing), which is what
    // the status says while no data source is open.
    void showState(bool listing, const QString &problem = {});

private:
    JobsPage *m_jobs;
    QLabel *m_text = nullptr;
    QLabel *m_filterText = nullptr;
    QProgressBar *m_busy = nullptr;
};

} // namespace syncdeck::ui
