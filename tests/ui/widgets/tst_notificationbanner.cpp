#include "widgets/notificationbanner.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using syncdeck::ui::NotificationBanner;

namespace {
// Accessibility events as the platform bridge would receive them.
QList<std::pair<QObject *, QAccessible::Event>> g_events;
void recordEvent(QAccessibleEvent *event)
{
    g_events.append({event->object(), event->type()});
}
} // namespace

class TestNotificationBanner : public QObject
{
    Q_OBJECT
private slots:
    void showsPlainTextAndAction_data();
    void showsPlainTextAndAction();
    void isAnnouncedAsAlert_data();
    void isAnnouncedAsAlert();
};

void TestNotificationBanner::showsPlainTextAndAction_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("action");
    QTest::newRow("error with retry")
        << int(NotificationBanner::Kind::Error) << QStringLiteral("Retry");
    QTest::newRow("information") << int(NotificationBanner::Kind::Information) << QString();
    QTest::newRow("warning") << int(NotificationBanner::Kind::Warning)
                             << QStringLiteral("Show run");
}

void TestNotificationBanner::showsPlainTextAndAction()
{
    QFETCH(int, kind);
    QFETCH(QString, action);
    QWidget host;
    auto *banner = new NotificationBanner(&host);
    host.show();
    QVERIFY(!banner->isVisible());
    banner->showMessage(NotificationBanner::Kind(kind), QStringLiteral("Title"),
                        QStringLiteral("<i>not italic</i>"), action);
    QVERIFY(banner->isVisible());
    auto *text = banner->findChild<QLabel *>(QStringLiteral("bannerText"));
    QVERIFY(text);
    QCOMPARE(text->textFormat(), Qt::PlainText);
    QCOMPARE(text->text(), QStringLiteral("<i>not italic</i>"));
    QCOMPARE(banner->actionButton()->isVisibleTo(banner), !action.isEmpty());
    QSignalSpy triggered(banner, &NotificationBanner::actionTriggered);
    if (!action.isEmpty()) {
        QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
        QCOMPARE(triggered.size(), 1);
    }
    // The banner tints the window colour: it must differ from the host's.
    QVERIFY(banner->palette().color(QPalette::Window) != host.palette().color(QPalette::Window));
}

void TestNotificationBanner::isAnnouncedAsAlert_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("error") << int(NotificationBanner::Kind::Error)
                           << QStringLiteral("Error: Cannot go there");
    QTest::newRow("warning") << int(NotificationBanner::Kind::Warning)
                             << QStringLiteral("Warning: Cannot go there");
    QTest::newRow("information") << int(NotificationBanner::Kind::Information)
                                 << QStringLiteral("Information: Cannot go there");
}

void TestNotificationBanner::isAnnouncedAsAlert()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    // As when a screen reader runs (a no-op where the platform has no accessibility bridge).
    QAccessible::setActive(true);
    QAccessible::installUpdateHandler(recordEvent);
    g_events.clear();
    QWidget host;
    auto *banner = new NotificationBanner(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    banner->showMessage(NotificationBanner::Kind(kind), QStringLiteral("Cannot go there"),
                        QStringLiteral("\"x\" is not an ARN."), QStringLiteral("&Retry"));
    QAccessible::installUpdateHandler(nullptr);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(banner);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::AlertMessage);
    QCOMPARE(iface->text(QAccessible::Name), name);
    QCOMPARE(iface->text(QAccessible::Description), QStringLiteral("\"x\" is not an ARN."));
    // Its button is named, and says which banner it acts on.
    QAccessibleInterface *action = QAccessible::queryAccessibleInterface(banner->actionButton());
    QCOMPARE(action->text(QAccessible::Name), QStringLiteral("Retry"));
    QCOMPARE(action->text(QAccessible::Description), name);
    // Qt delivers accessibility events only through a platform bridge (AT-SPI, UIA,
    // NSAccessibility); the offscreen platform of CI has none, so there the alert event cannot be
    // observed.
    if (!QAccessible::isActive())
        QSKIP("No accessibility bridge on this platform: the alert event is not delivered");
    const bool alerted = std::any_of(g_events.cbegin(), g_events.cend(), [banner](const auto &e) {
        return e.first == banner && e.second == QAccessible::Alert;
    });
    QVERIFY(alerted);
}

QTEST_MAIN(TestNotificationBanner)
#include "tst_notificationbanner.moc"
