#include "jobsstatus.h"

#include "jobspage.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace syncdeck::ui {

JobsStatus::JobsStatus(JobsPage *jobs, QStatusBar *bar)
    : QObject(bar)
    , m_jobs(jobs)
{
    m_text = new QLabel(bar);
    m_text->setObjectName(QStringLiteral("jobsStatus"));
    m_text->setTextFormat(Qt::PlainText);
    m_filterText = new QLabel(bar);
    m_filterText->setObjectName(QStringLiteral("filterStatus"));
    m_filterText->setTextFormat(Qt::PlainText);
    m_busy = new QProgressBar(bar);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    bar->addWidget(m_text, 1);
    bar->addPermanentWidget(m_filterText);
    bar->addPermanentWidget(m_busy);
}

void JobsStatus::showState(bool listing, const QString &problem)
{
    m_text->setText(problem.isEmpty() || m_jobs->hasDataSource()
                        ? m_jobs->statusText()
                        : tr("%1 (see the message above)").arg(problem));
    m_busy->setVisible(listing || m_jobs->isLoading());
    const QString filter = m_jobs->filterText();
    m_filterText->setText(filter);
    m_filterText->setVisible(!filter.isEmpty());
}

} // namespace syncdeck::ui
