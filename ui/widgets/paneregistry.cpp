#include "paneregistry.h"

#include "accessiblenames.h"
#include "panecycler.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>

namespace syncdeck::ui {

PaneRegistry::PaneRegistry(QMainWindow *window, QMenu *viewMenu)
    : QObject(window)
    , m_window(window)
    , m_viewMenu(viewMenu)
{
    // F6 / Shift+F6 and one shortcut per pane (registerPane) move the focus between panes.
    m_cycler = new PaneCycler(window);
    m_focusMenu = viewMenu->addMenu(tr("&Move focus to"));
    m_focusMenu->setObjectName(QStringLiteral("focusMenu"));
    m_focusMenu->addAction(m_cycler->nextPaneAction());
    m_focusMenu->addAction(m_cycler->previousPaneAction());
    m_focusMenu->addSeparator(); // the panes follow (registerPane)
}

QAction *PaneRegistry::registerPane(QWidget *pane, const QString &title)
{
    // Ctrl+1 … Ctrl+9 in the order of the F6 cycle; later panes still join the cycle.
    const int number = int(m_cycler->panes().size()) + 1;
    QAction *action = m_cycler->addPane(
        pane, title,
        number <= 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)) : QKeySequence());
    m_focusMenu->addAction(action);
    nameBuiltInControls(pane);
    return action;
}

QDockWidget *PaneRegistry::addPane(QWidget *pane, const QString &title, const QString &objectName,
                                   Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(objectName);
    if (area == Qt::BottomDockWidgetArea) {
        // Under the table a pane scrolls when the window is short: it never squeezes the table
        // to a row or pushes itself out of the window.
        auto *scroll = new QScrollArea(dock);
        scroll->setObjectName(objectName + QStringLiteral("Scroll"));
        scroll->setAccessibleName(title);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(pane);
        dock->setWidget(scroll);
    } else {
        dock->setWidget(pane);
    }
    m_window->addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    registerPane(pane, title);
    return dock;
}

} // namespace syncdeck::ui
