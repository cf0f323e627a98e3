#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>

class QDockWidget;
class QMainWindow;

namespace syncdeck::ui {

// Keeps a main window usable when it is small: below `roomy`, the bottom docks join the side
// dock as tabs (side one raised), so the central widget keeps its height instead of being
// squeezed to a row or two; at `roomy` and above the bottom docks go back under the central
// widget, tabbed together, the first in front. Only the window's size decides, so the switch is
// the same every time, the first layout included.
class CompactDocks : public QObject
{
public:
    CompactDocks(QMainWindow *window, QDockWidget *side, const QList<QDockWidget *> &bottom,
                 QSize roomy);

    bool isCompact() const { return m_compact; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(bool compact);

    QMainWindow *m_window;
    QPointer<QDockWidget> m_side;
    QList<QPointer<QDockWidget>> m_bottom;
    QSize m_roomy;
    bool m_compact = false;
    bool m_applied = false; // the first resize sets the layout, whichever it is
};

} // namespace syncdeck::ui
