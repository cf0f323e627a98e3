#include "widgets/panecycler.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

using syncdeck::ui::PaneCycler;

namespace {

// A pane of two buttons; the focus lands on the first.
QWidget *pane(const QString &name, QWidget *parent)
{
    auto *w = new QWidget(parent);
    w->setObjectName(name);
    auto *layout = new QVBoxLayout(w);
    for (int i = 0; i < 2; ++i) {
        auto *b = new QPushButton(name + QString::number(i), w);
        b->setObjectName(name + QString::number(i));
        b->setFocusPolicy(Qt::StrongFocus);
        layout->addWidget(b);
    }
    return w;
}

QString focusName()
{
    QWidget *w = QApplication::focusWidget();
    return w ? w->objectName() : QString();
}

} // namespace

class TestPaneCycler : public QObject
{
    Q_OBJECT
private slots:
    void cyclesForwardAndBack();
    void skipsHiddenPanesAndOpensTheirDock();
    void laterPanesJoin();
};

void TestPaneCycler::cyclesForwardAndBack()
{
    QMainWindow window;
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    window.setCentralWidget(central);
    PaneCycler cycler(&window);
    for (const char *name : {"a", "b", "c"}) {
        QWidget *p = pane(QLatin1String(name), central);
        layout->addWidget(p);
        cycler.addPane(p, QLatin1String(name));
    }
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QWidget *>(QStringLiteral("a1"))->setFocus();
    QCOMPARE(cycler.currentPane(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("b0"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("c0"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("a0")); // wraps
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QCOMPARE(focusName(), QStringLiteral("c0"));
    QCOMPARE(cycler.currentPane(), 2);
}

void TestPaneCycler::skipsHiddenPanesAndOpensTheirDock()
{
    QMainWindow window;
    window.setCentralWidget(pane(QStringLiteral("main"), &window));
    auto *dock = new QDockWidget(QStringLiteral("Side"), &window);
    dock->setWidget(pane(QStringLiteral("side"), dock));
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    PaneCycler cycler(&window);
    cycler.addPane(window.centralWidget(), QStringLiteral("Main"));
    QAction *side = cycler.addPane(dock->widget(), QStringLiteral("Side"),
                                   QKeySequence(Qt::CTRL | Qt::Key_2));
    // A pane with nothing to focus is skipped too.
    auto *empty = new QLabel(QStringLiteral("nothing"), &window);
    cycler.addPane(empty, QStringLiteral("Empty"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    dock->close();
    window.findChild<QWidget *>(QStringLiteral("main1"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("main0"));
    QVERIFY(!dock->isVisible());
    // Its own shortcut opens the dock and focuses it.
    QCOMPARE(side->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
    QTest::keySequence(&window, side->shortcut());
    QVERIFY(dock->isVisible());
    QCOMPARE(focusName(), QStringLiteral("side0"));
}

void TestPaneCycler::laterPanesJoin()
{
    QMainWindow window;
    window.setCentralWidget(pane(QStringLiteral("main"), &window));
    PaneCycler cycler(&window);
    cycler.addPane(window.centralWidget(), QStringLiteral("Main"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // A view built later (a report, the fleet) registers and is reached.
    auto *dock = new QDockWidget(QStringLiteral("Report"), &window);
    dock->setWidget(pane(QStringLiteral("report"), dock));
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    cycler.addPane(dock->widget(), QStringLiteral("Report"));
    QCOMPARE(cycler.panes().size(), 2);
    QTRY_VERIFY(dock->widget()->isVisible());
    window.findChild<QWidget *>(QStringLiteral("main0"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("report0"));
    QCOMPARE(cycler.currentPane(), 1);
    // A pane that is destroyed leaves the cycle.
    delete dock;
    QCOMPARE(cycler.panes().size(), 1);
    window.findChild<QWidget *>(QStringLiteral("main1"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(focusName(), QStringLiteral("main0"));
}

QTEST_MAIN(TestPaneCycler)
#include "tst_panecycler.moc"
