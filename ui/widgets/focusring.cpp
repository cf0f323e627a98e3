#include "focusring.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>

namespace syncdeck::ui {

namespace {
constexpr int RingWidth = 2;
} // namespace

FocusRing::FocusRing(QWidget *window)
    : QWidget(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_NoChildEventsForParent);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { track(now); });
}

void FocusRing::track(QWidget *widget)
{
    // Only focus inside this window (a floating dock is still a child of it); dialogs and popups
    // draw their own focus.
    const QWidget *owner = m_window;
    bool inside = false;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w == owner) {
            inside = true;
            break;
        }
        if (w->isWindow() && !w->inherits("QDockWidget"))
            break;
    }
    if (widget == m_tracked)
        return;
    watchChain(false);
    m_tracked = inside ? widget : nullptr;
    watchChain(true);
    place();
}

void FocusRing::watchChain(bool watch)
{
    if (!watch) {
        for (const QPointer<QWidget> &w : std::as_const(m_chain)) {
            if (w)
                w->removeEventFilter(this);
        }
        m_chain.clear();
        return;
    }
    for (QWidget *w = m_tracked; w && w != m_window; w = w->parentWidget()) {
        w->installEventFilter(this);
        m_chain.append(w);
    }
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::ParentChange:
        // After the move or resize has been applied and laid out.
        QMetaObject::invokeMethod(this, &FocusRing::place, Qt::QueuedConnection);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::place()
{
    if (!m_tracked || !m_tracked->isVisible()) {
        hide();
        return;
    }
    const QRect visible = m_tracked->visibleRegion().boundingRect();
    if (visible.isEmpty()) {
        hide();
        return;
    }
    // An overlay only paints inside its own top-level window: in a floating dock the ring
    // moves into the dock, and back into the window when the focus returns there.
    QWidget *owner = m_tracked->window();
    if (parentWidget() != owner)
        setParent(owner);
    setGeometry(QRect(m_tracked->mapTo(owner, visible.topLeft()), visible.size()));
    raise();
    show();
    update();
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), RingWidth);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const qreal half = RingWidth / 2.0;
    p.drawRect(QRectF(rect()).adjusted(half, half, -half, -half));
}

} // namespace syncdeck::ui
