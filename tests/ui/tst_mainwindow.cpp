#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QTest>

using syncdeck::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void constructsAndShows();
};

void TestMainWindow::constructsAndShows()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("SyncDeck"));
    QVERIFY(window.isVisible());
    QVERIFY(window.statusBar()->isVisible());
    QVERIFY(!window.windowIcon().isNull());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
