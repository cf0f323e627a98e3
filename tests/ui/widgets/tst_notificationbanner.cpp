#include "widgets/notificationbanner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using syncdeck::ui::NotificationBanner;

class TestNotificationBanner : public QObject
{
    Q_OBJECT
private slots:
    void showsPlainTextAndAction_data();
    void showsPlainTextAndAction();
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

QTEST_MAIN(TestNotificationBanner)
#include "tst_notificationbanner.moc"
