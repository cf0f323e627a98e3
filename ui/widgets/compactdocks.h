#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>

class QDockWidget;
class QMainWindow;

namespace syncdeck::ui {

// Keeps a main window usable when it is small: below `roomy`, the bottom dock joins the side
// dock as a tab (side one raised), so the central widget keeps its height instead of being
// squeezed to a row or two; at `roomy` and above the bottom dock goes back under the central
// widget. Only the window's size decides, so the switch is the same every time.
class CompactDocks : public QObject
{
public:
    CompactDocks(QMainWindow *window, QDockWidget *side, QDockWidget *bottom, QSize roomy);

    bool isCompact() const { return m_compact; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(bool compact);

    QMainWindow *m_window;
    QPointer<QDockWidget> m_side;
    QPointer<QDockWidget> m_bottom;
    QSize m_roomy;
    bool m_compact = false;
};

} // namespace syncdeck::ui
