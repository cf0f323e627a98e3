#pragma once
// The QAccessible events a window raises, as a platform bridge (AT-SPI, UIA) receives them.
//
// Qt raises accessibility events only while a bridge is active: never on the offscreen platform.
// The `_atspi` run of a test (X11 with a private accessibility bus) has one; elsewhere the
// checks that need events skip (accessibilityEventsFlow()).
#include <QAccessible>
#include <QGuiApplication>
#include <QList>
#include <QPointer>
#include <QTest>
#include <QWidget>

namespace syncdeck::test {

// Whether events reach a bridge; waits a moment for the bridge to join the accessibility bus.
inline bool accessibilityEventsFlow()
{
    QAccessible::setActive(true);
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        return false;
    return QTest::qWaitFor([] { return QAccessible::isActive(); }, 5000);
}

class AccessibleEventLog
{
public:
    struct Event
    {
        QAccessible::Event type = QAccessible::InvalidEvent;
        QPointer<QObject> object;
        // A focus event (or the focused state set) for an object that does not have the focus:
        // a screen reader moves its point of regard there and reads it.
        bool claimsFocusElsewhere = false;
        QString what; // class, object name and the child's name, for messages
    };

    AccessibleEventLog()
    {
        s_current = this;
        QAccessible::installUpdateHandler(&AccessibleEventLog::record);
    }
    ~AccessibleEventLog()
    {
        QAccessible::installUpdateHandler(nullptr);
        s_current = nullptr;
    }
    AccessibleEventLog(const AccessibleEventLog &) = delete;
    AccessibleEventLog &operator=(const AccessibleEventLog &) = delete;

    qsizetype count(const QObject *object, QAccessible::Event type) const
    {
        return std::count_if(m_events.cbegin(), m_events.cend(),
                             [&](const Event &e) { return e.object == object && e.type == type; });
    }
    QStringList focusClaimsElsewhere() const
    {
        QStringList out;
        for (const Event &e : m_events) {
            if (e.claimsFocusElsewhere)
                out << e.what;
        }
        return out;
    }

private:
    static void record(QAccessibleEvent *event)
    {
        if (s_current)
            s_current->m_events.append(describe(event));
    }
    static Event describe(QAccessibleEvent *event)
    {
        Event e;
        e.type = event->type();
        e.object = event->object();
        bool focusLike = e.type == QAccessible::Focus;
        if (e.type == QAccessible::StateChanged)
            focusLike = static_cast<QAccessibleStateChangeEvent *>(event)->changedStates().focused;
        const auto *widget = qobject_cast<const QWidget *>(event->object());
        e.claimsFocusElsewhere = focusLike && widget && !widget->hasFocus();
        if (e.claimsFocusElsewhere) {
            QAccessibleInterface *iface = event->accessibleInterface();
            e.what = QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char('/')
                + widget->objectName() + QStringLiteral(": ")
                + (iface ? iface->text(QAccessible::Name) : QString());
        }
        return e;
    }

    QList<Event> m_events;
    static inline AccessibleEventLog *s_current = nullptr;
};

} // namespace syncdeck::test
