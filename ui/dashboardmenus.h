#pragma once

#include "qbusiness/exportjobs.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace syncdeck::ui {

class ConnectionBar;
class SyncControl;

// The window's menu bar: File (settings, export, quit), View (refresh, go to, quick filter,
// jobs table; the window adds "Move focus to", the fleet navigation and the docks' toggles),
// Data source (Sync now, Stop sync) and Help (about). What the window does on a choice arrives
// as a signal.
class DashboardMenus : public QObject
{
    Q_OBJECT
public:
    DashboardMenus(QMainWindow *window, ConnectionBar *connectionBar, SyncControl *sync);

    QMenu *viewMenu() const { return m_view; }
    QAction *refreshAction() const { return m_refresh; }

signals:
    void settingsRequested();
    void exportRequested(syncdeck::qbusiness::JobExportFormat format);
    void refreshRequested();
    void quickFilterRequested();
    void jobsTableRequested();

private:
    void buildFileMenu();
    void buildHelpMenu();

    QMainWindow *m_window;
    QMenu *m_view = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace syncdeck::ui
