#include "compactdocks.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QResizeEvent>

namespace syncdeck::ui {

CompactDocks::CompactDocks(QMainWindow *window, QDockWidget *side, QDockWidget *bottom, QSize roomy)
    : QObject(window)
    , m_window(window)
    , m_side(side)
    , m_bottom(bottom)
    , m_roomy(roomy)
{
    window->installEventFilter(this);
}

bool CompactDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize) {
        const QSize size = static_cast<QResizeEvent *>(event)->size();
        const bool compact = size.width() < m_roomy.width() || size.height() < m_roomy.height();
        if (compact != m_compact)
            apply(compact);
    }
    return QObject::eventFilter(watched, event);
}

void CompactDocks::apply(bool compact)
{
    m_compact = compact;
    if (!m_side || !m_bottom || m_bottom->isFloating() || m_side->isFloating())
        return; // a floating pane takes no room from the window
    if (compact) {
        m_window->tabifyDockWidget(m_side, m_bottom);
        m_side->raise();
    } else if (m_window->dockWidgetArea(m_bottom) == m_window->dockWidgetArea(m_side)) {
        m_window->addDockWidget(Qt::BottomDockWidgetArea, m_bottom);
    }
}

} // namespace syncdeck::ui
