#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace syncdeck::ui {

class PaneCycler;

// The window's panes as the keyboard reaches them: each joins the F6 cycle (PaneCycler) with an
// entry in the View menu's "Move focus to" and Ctrl+1 … Ctrl+9 in cycle order. Docked panes
// also get their dock's toggle in the View menu.
class PaneRegistry : public QObject
{
    Q_OBJECT
public:
    // Adds the "Move focus to" submenu (F6, Shift+F6, then the panes) to `viewMenu`.
    PaneRegistry(QMainWindow *window, QMenu *viewMenu);

    // Joins `pane` to the F6 cycle, with a "Move focus to" entry and shortcut.
    QAction *registerPane(QWidget *pane, const QString &title);
    // Docks `pane` in `area`, lists its toggle in the View menu and registers it.
    QDockWidget *addPane(QWidget *pane, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);

private:
    QMainWindow *m_window;
    QMenu *m_viewMenu;
    QMenu *m_focusMenu = nullptr;
    PaneCycler *m_cycler = nullptr;
};

} // namespace syncdeck::ui
