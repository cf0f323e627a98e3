#include "dashboardmenus.h"

#include "connection/connectionbar.h"
#include "jobs/synccontrol.h"
#include "widgets/messagebox.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>

namespace syncdeck::ui {

namespace {

template<typename Receiver, typename Slot>
QAction *addAction(QMenu *menu, const QString &text, const char *name, const Receiver *receiver,
                   Slot slot, const QKeySequence &shortcut = {})
{
    QAction *action = menu->addAction(text, receiver, slot);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(shortcut);
    return action;
}

} // namespace

DashboardMenus::DashboardMenus(QMainWindow *window, ConnectionBar *connectionBar, SyncControl *sync)
    : QObject(window)
    , m_window(window)
{
    buildFileMenu();
    m_view = window->menuBar()->addMenu(tr("&View"));
    m_view->setObjectName(QStringLiteral("viewMenu"));
    m_refresh = addAction(m_view, tr("&Refresh"), "refreshAction", this,
                          &DashboardMenus::refreshRequested, QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WindowShortcut);
    addAction(m_view, tr("&Go to data source…"), "goToAction", connectionBar,
              &ConnectionBar::focusGoTo, QKeySequence(Qt::CTRL | Qt::Key_L));
    addAction(m_view, tr("&Filter loaded rows"), "filterRowsAction", this,
              &DashboardMenus::quickFilterRequested, QKeySequence::Find);
    addAction(m_view, tr("&Jobs table"), "jobsTableAction", this,
              &DashboardMenus::jobsTableRequested, QKeySequence(Qt::CTRL | Qt::Key_J));

    QMenu *source = window->menuBar()->addMenu(tr("&Data source"));
    source->setObjectName(QStringLiteral("dataSourceMenu"));
    source->addAction(sync->syncNowAction());
    source->addAction(sync->stopAction());
    buildHelpMenu();
}

void DashboardMenus::buildFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    addAction(file, tr("Connection &settings…"), "connectionSettingsAction", this,
              &DashboardMenus::settingsRequested, QKeySequence::Preferences);
    file->addSeparator();
    addAction(file, tr("Export table as &CSV…"), "exportCsvAction", this,
              [this] { emit exportRequested(qbusiness::JobExportFormat::Csv); });
    addAction(file, tr("Export table as &JSON…"), "exportJsonAction", this,
              [this] { emit exportRequested(qbusiness::JobExportFormat::Json); });
    file->addSeparator();
    addAction(file, tr("&Quit"), "quitAction", m_window, &QWidget::close, QKeySequence::Quit);
}

void DashboardMenus::buildHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    addAction(help, tr("&About SyncDeck"), "aboutAction", this, [this] {
        MessageBox::information(
            m_window, tr("About SyncDeck"),
            tr("SyncDeck %1\n\nThe sync history of Amazon Q Business data sources: which run "
               "failed, when, why, and whether it is getting worse.\n\nIt reads profiles, "
               "regions and endpoints from ~/.aws as the AWS CLI does, and signs its own "
               "requests. The Demo profile runs a local service with made-up data.")
                .arg(QCoreApplication::applicationVersion()));
    });
    addAction(help, tr("About &Qt"), "aboutQtAction", this, [] { QApplication::aboutQt(); });
}

} // namespace syncdeck::ui
