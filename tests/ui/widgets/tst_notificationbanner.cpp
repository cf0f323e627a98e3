#include "../accessibleeventlog.h"
#include "widgets/notificationbanner.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using syncdeck::ui::NotificationBanner;

using syncdeck::test::AccessibleEventLog;

class TestNotificationBanner : public QObject
{
    Q_OBJECT
private slots:
    void showsPlainTextAndAction_data();
    void showsPlainTextAndAction();
    void isAnnouncedAsNotification_data();
    void isAnnouncedAsNotification();
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

void TestNotificationBanner::isAnnouncedAsNotification_data()
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

void TestNotificationBanner::isAnnouncedAsNotification()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    // As when a screen reader runs (events flow only where the platform has a bridge).
    const bool eventsFlow = syncdeck::test::accessibilityEventsFlow();
    AccessibleEventLog log;
    QWidget host;
    auto *banner = new NotificationBanner(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    banner->showMessage(NotificationBanner::Kind(kind), QStringLiteral("Cannot go there"),
                        QStringLiteral("\"x\" is not an ARN."), QStringLiteral("&Retry"));
    // A new message while it shows is announced again.
    banner->showMessage(NotificationBanner::Kind(kind), QStringLiteral("Cannot go there"),
                        QStringLiteral("\"x\" is not an ARN."), QStringLiteral("&Retry"));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(banner);
    QVERIFY(iface);
    // AT-SPI's "notification", which a screen reader speaks once showing (its "alert" is a dialog).
    QCOMPARE(iface->role(), QAccessible::Notification);
    QCOMPARE(iface->text(QAccessible::Name), name);
    // The text is read once: as its label, a child of the banner, not again as its description.
    QCOMPARE(iface->text(QAccessible::Description), QString());
    QStringList childTexts;
    for (int i = 0; i < iface->childCount(); ++i)
        childTexts << iface->child(i)->text(QAccessible::Name);
    QCOMPARE(childTexts.count(QStringLiteral("\"x\" is not an ARN.")), 1);
    // Its button is named, and says which banner it acts on.
    QAccessibleInterface *action = QAccessible::queryAccessibleInterface(banner->actionButton());
    QCOMPARE(action->text(QAccessible::Name), QStringLiteral("Retry"));
    QCOMPARE(action->text(QAccessible::Description), name);
    // Qt delivers accessibility events only through a platform bridge (AT-SPI, UIA,
    // NSAccessibility); the offscreen platform has none, so there the events cannot be observed
    // (the `_atspi` run of this test has one).
    if (!eventsFlow)
        QSKIP("No accessibility bridge on this platform: the events are not delivered");
    // "showing" (what AT-SPI screen readers speak) each time, and the alert event for the others.
    QCOMPARE(log.count(banner, QAccessible::ObjectShow), 2);
    QCOMPARE(log.count(banner, QAccessible::Alert), 2);
}

QTEST_MAIN(TestNotificationBanner)
#include "tst_notificationbanner.moc"
