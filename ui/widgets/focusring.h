#pragma once

#include <QPointer>
#include <QWidget>

namespace syncdeck::ui {

// A frame in the highlight colour around whichever widget of `window` has keyboard focus.
// Styles draw focus on buttons and fields but not on labels, charts, item views as a whole or
// custom tiles; this ring marks every one of them the same way, so a keyboard user always sees
// where the focus is. It is a transparent overlay (mouse events pass through) on the window,
// or on the floating dock that holds the focused widget, clipped to what is visible of that
// widget, and follows it as it moves or scrolls.
class FocusRing : public QWidget
{
    Q_OBJECT
public:
    explicit FocusRing(QWidget *window);

    // The widget the ring surrounds; nullptr while the focus is outside the window.
    QWidget *trackedWidget() const { return m_tracked; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void track(QWidget *widget);
    void place();
    void watchChain(bool watch);

    QPointer<QWidget> m_window; // the window whose focus the ring shows
    QPointer<QWidget> m_tracked;
    QList<QPointer<QWidget>> m_chain; // the tracked widget and its ancestors up to the window
};

} // namespace syncdeck::ui
