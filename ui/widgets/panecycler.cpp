#include "panecycler.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QRect>
#include <QWidget>

namespace syncdeck::ui {

PaneCycler::PaneCycler(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_next = new QAction(tr("&Next pane"), this);
    m_next->setObjectName(QStringLiteral("nextPaneAction"));
    m_next->setShortcut(QKeySequence(Qt::Key_F6));
    m_next->setShortcutContext(Qt::WindowShortcut);
    m_previous = new QAction(tr("&Previous pane"), this);
    m_previous->setObjectName(QStringLiteral("previousPaneAction"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    m_previous->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_next);
    window->addAction(m_previous);
    connect(m_next, &QAction::triggered, this, &PaneCycler::focusNextPane);
    connect(m_previous, &QAction::triggered, this, &PaneCycler::focusPreviousPane);
}

QAction *PaneCycler::addPane(QWidget *pane, const QString &title, const QKeySequence &shortcut)
{
    const int index = int(m_panes.size());
    m_panes.append(pane);
    auto *action = new QAction(title, this);
    action->setObjectName(pane->objectName() + QStringLiteral("FocusAction"));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    // Without a menu to live in (a test, a window without this menu) the shortcut still works.
    m_window->addAction(action);
    connect(action, &QAction::triggered, this, [this, index] { focusPane(index); });
    return action;
}

QList<QWidget *> PaneCycler::panes() const
{
    QList<QWidget *> out;
    for (const QPointer<QWidget> &p : m_panes) {
        if (p)
            out.append(p);
    }
    return out;
}

int PaneCycler::currentPane() const
{
    const QWidget *focus = QApplication::focusWidget();
    if (!focus)
        return -1;
    for (qsizetype i = 0; i < m_panes.size(); ++i) {
        const QWidget *pane = m_panes[i];
        if (pane && (pane == focus || pane->isAncestorOf(focus)))
            return int(i);
    }
    return -1;
}

void PaneCycler::focusNextPane()
{
    step(1);
}

void PaneCycler::focusPreviousPane()
{
    step(-1);
}

void PaneCycler::step(int direction)
{
    const int count = int(m_panes.size());
    if (count == 0)
        return;
    int current = currentPane();
    if (current < 0)
        current = direction > 0 ? -1 : count;
    for (int n = 1; n <= count; ++n) {
        const int index = ((current + direction * n) % count + count) % count;
        QWidget *pane = m_panes[index];
        if (pane && isShown(pane) && focusTarget(pane)) {
            focusPane(index);
            return;
        }
    }
}

bool PaneCycler::focusPane(int index)
{
    if (index < 0 || index >= m_panes.size() || !m_panes[index])
        return false;
    QWidget *pane = m_panes[index];
    if (!isShown(pane)) {
        // A closed dock opens: asking for a pane by its own shortcut means wanting to see it.
        for (QWidget *w = pane; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w)) {
                dock->show();
                dock->raise();
                break;
            }
        }
    }
    QWidget *target = focusTarget(pane);
    if (!target)
        return false;
    target->activateWindow();
    target->setFocus(Qt::ShortcutFocusReason);
    return true;
}

bool PaneCycler::isShown(const QWidget *pane)
{
    if (!pane->isVisible() || !pane->isEnabled())
        return false;
    // A dock behind another's tab stays visible to Qt, moved out of the window: not shown.
    const QWidget *window = pane->window();
    return window == pane
        || QRect(pane->mapTo(window, QPoint()), pane->size()).intersects(window->rect());
}

QWidget *PaneCycler::focusTarget(QWidget *pane)
{
    const auto takes = [](const QWidget *w) {
        return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
    };
    if (takes(pane))
        return pane;
    // The first widget of the pane in tab order: where Tab would land on entering it.
    for (QWidget *w = pane->nextInFocusChain(); w && w != pane; w = w->nextInFocusChain()) {
        if (pane->isAncestorOf(w) && takes(w))
            return w;
    }
    return nullptr;
}

} // namespace syncdeck::ui
