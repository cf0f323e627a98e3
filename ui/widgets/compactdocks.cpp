#include "compactdocks.h"

#include <QDockWidget>
#include <QEvent>
#include <QLayout>
#include <QMainWindow>
#include <QResizeEvent>

namespace syncdeck::ui {

CompactDocks::CompactDocks(QMainWindow *window, QDockWidget *side,
                           const QList<QDockWidget *> &bottom, QSize roomy)
    : QObject(window)
    , m_window(window)
    , m_side(side)
    , m_roomy(roomy)
{
    for (QDockWidget *dock : bottom)
        m_bottom.append(dock);
    window->installEventFilter(this);
}

bool CompactDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize) {
        const QSize size = static_cast<QResizeEvent *>(event)->size();
        const bool compact = size.width() < m_roomy.width() || size.height() < m_roomy.height();
        if (compact != m_compact || !m_applied)
            apply(compact);
    }
    return QObject::eventFilter(watched, event);
}

void CompactDocks::apply(bool compact)
{
    m_compact = compact;
    m_applied = true;
    if (!m_side || m_side->isFloating())
        return; // a floating pane takes no room from the window
    QDockWidget *first = nullptr;
    bool movedBack = false;
    for (const QPointer<QDockWidget> &dock : std::as_const(m_bottom)) {
        if (!dock || dock->isFloating())
            continue;
        if (compact) {
            m_window->tabifyDockWidget(m_side, dock);
        } else if (m_window->dockWidgetArea(dock) == m_window->dockWidgetArea(m_side)) {
            if (first)
                m_window->tabifyDockWidget(first, dock);
            else
                m_window->addDockWidget(Qt::BottomDockWidgetArea, dock);
            movedBack = true;
        }
        if (!first)
            first = dock;
    }
    // Qt makes the tab bars when it lays the window out, and a raise before that is lost: lay
    // it out now.
    if (QLayout *layout = m_window->layout())
        layout->activate();
    if (compact) {
        m_side->raise();
    } else if (first) {
        first->raise();
        // Back under the table: a strip of the height, as on a first start, not half of it.
        if (movedBack)
            m_window->resizeDocks({first}, {m_window->height() * 2 / 5}, Qt::Vertical);
    }
}

} // namespace syncdeck::ui
