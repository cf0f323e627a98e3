// The dashboard as a screen reader and a keyboard user meet it: the QAccessible tree of the real
// window (what the AT-SPI bridge exports on Linux; no bus needed) and real key presses, with the
// in-process emulator as the demo service and the real charts, as app/gui composes them. The
// events the window raises are checked where a bridge receives them (the `_atspi` run).
#include "accessibilitydashboard.h"
#include "accessibleeventlog.h"
#include "charts/chartspanel.h"
#include "details/jobdetailspanel.h"
#include "mainwindow.h"
#include "notifications/runnotifier.h"
#include "qbusiness/syncjobmodel.h"
#include "uitestsupport.h"
#include "widgets/errorbanner.h"
#include "widgets/focusring.h"
#include "widgets/notificationbanner.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMetaEnum>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QTreeWidget>

using syncdeck::qbusiness::SyncJobModel;
using syncdeck::test::AccessibleEventLog;
using syncdeck::test::Dashboard;
using syncdeck::test::EmulatorDemoService;
using syncdeck::test::Timeout;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::JobDetailsPanel;
using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;
using syncdeck::ui::NotificationBanner;

namespace {

// "QLabel/detailsStart in QWidget/ in QScrollArea/": enough to find an unnamed widget.
QString describe(const QObject *o)
{
    QStringList path;
    for (int depth = 0; o && depth < 3; o = o->parent(), ++depth)
        path << QString::fromLatin1(o->metaObject()->className()) + QLatin1Char('/')
                + o->objectName();
    return path.join(QStringLiteral(" in "));
}

// Every interface under `iface` whose object is a widget, depth first (cells and other
// widget-less children are left to the checks that want them).
void collectWidgets(QAccessibleInterface *iface, QList<QAccessibleInterface *> *out, int depth = 0)
{
    if (!iface || depth > 64)
        return;
    if (iface->object() && iface->object()->isWidgetType())
        out->append(iface);
    if (iface->role() == QAccessible::Table)
        return; // rows are checked on their own
    for (int i = 0; i < iface->childCount(); ++i)
        collectWidgets(iface->child(i), out, depth + 1);
}

bool takesFocus(const QWidget *w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
}

QWidget *focusWidget()
{
    return QApplication::focusWidget();
}

bool inside(const QWidget *pane, const QWidget *w)
{
    return w && (pane == w || pane->isAncestorOf(w));
}

// What a screen reader says for an interface: name, role, value and description.
QString spoken(QAccessibleInterface *iface)
{
    QStringList parts
        = {iface->text(QAccessible::Name),
           QString::fromLatin1(QMetaEnum::fromType<QAccessible::Role>().valueToKey(iface->role()))};
    const QString value = iface->text(QAccessible::Value);
    if (!value.isEmpty())
        parts << value;
    const QString description = iface->text(QAccessible::Description);
    if (!description.isEmpty())
        parts << description;
    return parts.join(QStringLiteral(" | "));
}

} // namespace

class TestMainWindowAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFocusableControlHasAName();
    void detailsValuesAreExposed();
    void chartsAreDescribed();
    void bannersAreSpokenNotifications();
    void runWarningIsSpokenWithoutTakingTheFocus();
    void reportReloadLeavesTheFocusAlone();
    void bannerButtonsAreNamedAndOnlyShownOnesFocusable();
    void tableRowsReadEveryCell();
    void tabLeavesTheTable();
    void f6ReachesEveryPane();
    void paneShortcutsAndFocusRing();
    void floatingDockKeepsTheFocusRing();

private:
    bool m_eventsFlow = false;
};

void TestMainWindowAccessibility::initTestCase()
{
    // As when a screen reader is running: Qt then keeps the accessible tree up to date.
    QAccessible::setActive(true);
    m_eventsFlow = syncdeck::test::accessibilityEventsFlow();
}

void TestMainWindowAccessibility::everyFocusableControlHasAName()
{
    Dashboard d;
    QVERIFY(d.showReady());
    QList<QAccessibleInterface *> all;
    collectWidgets(QAccessible::queryAccessibleInterface(&d.window), &all);
    QVERIFY(all.size() > 40);
    QStringList unnamed;
    int focusable = 0;
    for (QAccessibleInterface *iface : std::as_const(all)) {
        const auto *w = static_cast<const QWidget *>(iface->object());
        if (!takesFocus(w))
            continue;
        ++focusable;
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(w);
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY(focusable > 30);

    // Controls Qt builds inside standard widgets are named too, even while hidden.
    for (QLineEdit *edit : d.window.findChildren<QLineEdit *>()) {
        for (QAbstractButton *b : edit->findChildren<QAbstractButton *>()) {
            QVERIFY2(!QAccessible::queryAccessibleInterface(b)->text(QAccessible::Name).isEmpty(),
                     qPrintable(describe(edit)));
        }
    }
    for (QToolBar *bar : d.window.findChildren<QToolBar *>()) {
        auto *more = bar->findChild<QAbstractButton *>(QStringLiteral("qt_toolbar_ext_button"));
        QVERIFY2(more, qPrintable(describe(bar)));
        QVERIFY2(!QAccessible::queryAccessibleInterface(more)->text(QAccessible::Name).isEmpty(),
                 qPrintable(describe(bar)));
    }
    QComboBox *region = d.find<QComboBox>("region");
    QCOMPARE(QAccessible::queryAccessibleInterface(region->lineEdit())->text(QAccessible::Name),
             QStringLiteral("Region"));

    // Combo boxes expose what they show.
    for (QComboBox *combo : d.window.findChildren<QComboBox *>()) {
        if (!combo->isVisible() || combo->currentIndex() < 0)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(combo);
        const QString shown
            = combo->isEditable() ? combo->lineEdit()->text() : combo->currentText();
        QVERIFY2(iface->text(QAccessible::Value) == shown
                     || iface->text(QAccessible::Name).contains(shown),
                 qPrintable(describe(combo) + QStringLiteral(": ") + spoken(iface)));
    }
}

void TestMainWindowAccessibility::detailsValuesAreExposed()
{
    Dashboard d;
    QVERIFY(d.showReady());
    auto *details = d.find<JobDetailsPanel>("detailsPanel");
    const auto check = [details]() -> QString {
        int values = 0;
        for (QLabel *value : details->findChildren<QLabel *>()) {
            if (!value->objectName().startsWith(QLatin1String("details")))
                continue;
            ++values;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(value);
            const QString name = iface->text(QAccessible::Name);
            const auto labelled = iface->relations(QAccessible::Label);
            if (labelled.isEmpty())
                return value->objectName() + QStringLiteral(" has no field label");
            // Read as "<field label>: <name>": the name is the value alone, never the field
            // again (Orca read "Ended: Ended: …" when it was both).
            const QString expected
                = value->text().isEmpty() ? QStringLiteral("none") : value->text();
            if (name != expected)
                return value->objectName() + QStringLiteral(" reads \"") + name
                    + QStringLiteral("\" for \"") + value->text() + QLatin1Char('"');
        }
        return values == 15 ? QString() : QStringLiteral("%1 values").arg(values);
    };
    QString problem = check();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Another row: the exposed values follow the selection.
    const QString before = details->job().executionId;
    QTableView *table = d.table();
    table->setFocus();
    const int row = table->currentIndex().row();
    QTest::keyClick(table, row > 0 ? Qt::Key_Up : Qt::Key_Down);
    QTRY_VERIFY(details->job().executionId != before);
    problem = check();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto *id = details->findChild<QLabel *>(QStringLiteral("detailsExecutionId"));
    QCOMPARE(QAccessible::queryAccessibleInterface(id)->text(QAccessible::Name),
             details->job().executionId);
    qInfo().noquote() << "Details panel reads:";
    for (QLabel *value : details->findChildren<QLabel *>()) {
        if (value->objectName().startsWith(QLatin1String("details")))
            qInfo().noquote() << "  " << spoken(QAccessible::queryAccessibleInterface(value));
    }
}

void TestMainWindowAccessibility::chartsAreDescribed()
{
    Dashboard d;
    QVERIFY(d.showReady());
    auto *panel = d.find<ChartsPanel>("chartsPanel");
    const int runs = d.find<SyncJobModel>("jobModel")->rowCount();
    QVERIFY(runs > 0);
    const QList<QWidget *> charts
        = {panel->chartWidget(ChartsPanel::Chart::Metrics), d.find<QWidget>("statusTimeline"),
           d.find<QWidget>("durationChart")};
    for (QWidget *chart : charts) {
        QVERIFY(chart);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(chart);
        const QString description = iface->text(QAccessible::Description);
        QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), qPrintable(describe(chart)));
        // A chart, not a "filler" (a scroll area's role) that screen readers pass over; inside
        // it only its named drawing area (hidden scroll bars are not listed).
        QCOMPARE(iface->role(), QAccessible::Chart);
        QCOMPARE(iface->childCount(), 1);
        QCOMPARE(iface->child(0)->text(QAccessible::Name), iface->text(QAccessible::Name));
        QCOMPARE(iface->indexOfChild(iface->child(0)), 0);
        QCOMPARE(iface->child(0)->parent()->object(), chart);
        // Hidden (a background tab) or not, the summary follows the loaded runs.
        QVERIFY2(description.contains(QLocale().toString(runs) + QStringLiteral(" runs from")),
                 qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("last run:")), qPrintable(description));
        QVERIFY2(chart->focusPolicy() & Qt::TabFocus, qPrintable(describe(chart)));
        qInfo().noquote() << "Chart reads:" << spoken(iface);
    }
    // KPI tiles: one focusable, named object each.
    for (const char *name : {"successRate", "lastSuccess", "failedRuns", "meanDuration",
                             "p95Duration", "documentsFailed", "zeroScanned"}) {
        auto *tile = d.find<QWidget>(name);
        QVERIFY2(tile && takesFocus(tile), name);
        const QString spokenTile = spoken(QAccessible::queryAccessibleInterface(tile));
        QVERIFY2(spokenTile.contains(tile->findChild<QLabel *>()->text()), qPrintable(spokenTile));
        qInfo().noquote() << "KPI reads:" << spokenTile;
    }
}

void TestMainWindowAccessibility::bannersAreSpokenNotifications()
{
    Dashboard d;
    d.window.resize(1600, 1000); // Go to shows in the tool bar, not in its overflow menu
    QVERIFY(d.showReady());
    // AT-SPI's "notification" (its "alert" is an alert dialog): what Orca speaks once showing.
    for (NotificationBanner *banner : d.window.findChildren<NotificationBanner *>()) {
        QCOMPARE(QAccessible::queryAccessibleInterface(banner)->role(), QAccessible::Notification);
    }
    auto *demo = d.find<NotificationBanner>("demoBanner");
    QVERIFY(demo->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(demo)->text(QAccessible::Name),
             QStringLiteral("Information: Demo data"));
    AccessibleEventLog log;
    QLineEdit *goTo = d.find<QLineEdit>("goTo");
    goTo->setFocus(Qt::ShortcutFocusReason); // as Ctrl+L does
    QTRY_COMPARE(focusWidget(), goTo);
    QTest::keyClicks(goTo, QStringLiteral("nonsense"));
    QTest::keyClick(goTo, Qt::Key_Return);
    auto *error = d.find<NotificationBanner>("errorBanner");
    QVERIFY(error->isVisible());
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(error);
    QCOMPARE(iface->role(), QAccessible::Notification);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Error: Cannot go there"));
    // Its text is its label (read with it), not repeated as its description.
    QVERIFY(iface->text(QAccessible::Description).isEmpty());
    auto *text = error->findChild<QLabel *>(QStringLiteral("bannerText"));
    QVERIFY(!text->text().isEmpty());
    QCOMPARE(QAccessible::queryAccessibleInterface(text)->parent()->object(), error);
    qInfo().noquote() << "Banner reads:" << spoken(iface) << "|" << text->text();
    // The user fixes the reference where they typed it: the focus stays in Go to.
    QCOMPARE(focusWidget(), goTo);
    // A second mistake while the banner still shows is spoken again ("showing" once more).
    QTest::keyClicks(goTo, QStringLiteral("x"));
    QTest::keyClick(goTo, Qt::Key_Return);
    if (!m_eventsFlow)
        QSKIP("No accessibility bridge on this platform: the showing events are not delivered");
    QCOMPARE(log.count(error, QAccessible::ObjectShow), 2);
}

void TestMainWindowAccessibility::runWarningIsSpokenWithoutTakingTheFocus()
{
    Dashboard d;
    QVERIFY(d.showReady());
    d.table()->setFocus();
    QTRY_COMPARE(focusWidget(), d.table());
    auto *notifier = d.window.findChild<syncdeck::ui::RunNotifier *>();
    QVERIFY(notifier);
    auto *banner = d.find<NotificationBanner>("runBanner");
    AccessibleEventLog log;
    syncdeck::qbusiness::SyncJob job;
    job.executionId = QStringLiteral("run-1");
    job.errorCode = QStringLiteral("InternalServerError");
    notifier->notifyRunFailed(job, QStringLiteral("docs"));
    QVERIFY(banner->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(banner)->role(), QAccessible::Notification);
    QCOMPARE(focusWidget(), d.table());
    notifier->notifyDataSourceFailing(QStringLiteral("wiki"), QStringLiteral("3 runs failed"));
    QCOMPARE(focusWidget(), d.table());
    if (!m_eventsFlow)
        QSKIP("No accessibility bridge on this platform: the showing events are not delivered");
    QCOMPARE(log.count(banner, QAccessible::ObjectShow), 2);
    QVERIFY(log.focusClaimsElsewhere().isEmpty());
}

void TestMainWindowAccessibility::reportReloadLeavesTheFocusAlone()
{
    if (!m_eventsFlow)
        QSKIP("No accessibility bridge on this platform: focus events are not delivered");
    Dashboard d;
    QVERIFY(d.showReady());
    QTableView *table = d.table();
    table->setFocus();
    QTRY_COMPARE(focusWidget(), table);
    auto *groups = d.find<QTreeWidget>("failureGroups");
    QTRY_VERIFY_WITH_TIMEOUT(groups->topLevelItemCount() > 0, Timeout);
    AccessibleEventLog log;
    // The next run: the Documents pane reads its report and lists its failure reasons again.
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(groups->topLevelItemCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(groups->topLevelItemCount() > 0 && groups->currentItem(), Timeout);
    // The screen reader stays on the run the user moved to.
    QCOMPARE(focusWidget(), table);
    const QStringList claims = log.focusClaimsElsewhere();
    QVERIFY2(claims.isEmpty(), qPrintable(claims.join(QStringLiteral("; "))));
}

void TestMainWindowAccessibility::tableRowsReadEveryCell()
{
    Dashboard d;
    QVERIFY(d.showReady());
    QTableView *table = d.table();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(table);
    QAccessibleTableInterface *cells = iface->tableInterface();
    QVERIFY(cells);
    const int row = table->currentIndex().row();
    QVERIFY(row >= 0);
    QStringList read;
    for (int c = 0; c < cells->columnCount(); ++c) {
        QAccessibleInterface *cell = cells->cellAt(row, c);
        QVERIFY(cell);
        const QString name = cell->text(QAccessible::Name);
        // A blank cell must not vanish from the row: it says so.
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("column %1").arg(c)));
        const QString header
            = table->model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        // The value only: the header names the column ("Status, Status: Failed" repeats it).
        const QString shown = table->model()->index(row, c).data().toString();
        QCOMPARE(name, shown.isEmpty() ? QStringLiteral("not reported") : shown);
        const QList<QAccessibleInterface *> headers
            = cell->tableCellInterface()->columnHeaderCells();
        // Qt 6.4 creates header cells afresh on each call and hands them to nobody; registering
        // them gives them to Qt's accessibility cache, which deletes them at exit (the AT-SPI
        // bridge does the same when it exposes them). Already registered ones keep their id.
        for (QAccessibleInterface *headerCell : headers)
            QAccessible::uniqueId(headerCell);
        QVERIFY(!headers.isEmpty());
        QCOMPARE(headers.first()->text(QAccessible::Name), header);
        read << header + QStringLiteral(": ") + name;
    }
    qInfo().noquote() << "Row reads:" << read.join(QStringLiteral("; "));
}

void TestMainWindowAccessibility::tabLeavesTheTable()
{
    Dashboard d;
    QVERIFY(d.showReady());
    QTableView *table = d.table();
    QVERIFY(!table->tabKeyNavigation());
    table->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focusWidget(), table);
    const QModelIndex current = table->currentIndex();
    const int rows = table->model()->rowCount();
    QTest::keyClick(table, Qt::Key_Tab);
    QWidget *after = focusWidget();
    QVERIFY(after && after != table);
    QCOMPARE(table->currentIndex(), current); // Tab did not move between cells
    QCOMPARE(table->model()->rowCount(), rows); // nor fetch more rows
    // Tab order: from the table into the details panel.
    QVERIFY2(inside(d.find<QWidget>("detailsPanel"), after), qPrintable(describe(after)));
    QTest::keyClick(after, Qt::Key_Backtab);
    QCOMPARE(focusWidget(), table);
    // Arrows still move inside.
    QTest::keyClick(table, current.row() > 0 ? Qt::Key_Up : Qt::Key_Down);
    QVERIFY(table->currentIndex().row() != current.row());
}

void TestMainWindowAccessibility::f6ReachesEveryPane()
{
    Dashboard d;
    QVERIFY(d.showReady());
    const QList<QWidget *> panes
        = {d.find<QWidget>("connectionBar"), d.find<QWidget>("resourceBar"),
           d.find<QWidget>("filterBar"),     d.find<QWidget>("pages"),
           d.find<QWidget>("detailsPanel"),  d.find<QWidget>("chartsPanel")};
    for (QWidget *pane : panes)
        QVERIFY(pane);
    // Roomy, so the charts sit under the table (the Documents tab behind them is skipped); a
    // compact window tabs them behind the details, and F6 skips them there.
    d.window.resize(1280, 800);
    QTRY_COMPARE(d.window.size(), QSize(1280, 800));
    QCoreApplication::processEvents();
    d.table()->setFocus();
    QTRY_COMPARE(focusWidget(), static_cast<QWidget *>(d.table()));
    // Forward: details, charts, then round to connection, resources, filters, table.
    for (int step = 1; step <= panes.size(); ++step) {
        QTest::keyClick(focusWidget(), Qt::Key_F6);
        QWidget *expected = panes[(3 + step) % panes.size()];
        QVERIFY2(inside(expected, focusWidget()),
                 qPrintable(QStringLiteral("F6 #%1 to %2 landed on %3")
                                .arg(step)
                                .arg(describe(expected), describe(focusWidget()))));
    }
    // Backward.
    for (int step = 1; step <= panes.size(); ++step) {
        QTest::keyClick(focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
        QWidget *expected = panes[(3 - step + panes.size()) % panes.size()];
        QVERIFY2(inside(expected, focusWidget()), qPrintable(describe(focusWidget())));
    }
    // A closed dock is skipped.
    auto *chartsDock = d.find<QDockWidget>("chartsDock");
    chartsDock->close();
    d.find<JobDetailsPanel>("detailsPanel")->setFocus();
    QTest::keyClick(focusWidget(), Qt::Key_F6);
    QVERIFY2(inside(panes[0], focusWidget()), qPrintable(describe(focusWidget())));
}

void TestMainWindowAccessibility::paneShortcutsAndFocusRing()
{
    Dashboard d;
    QVERIFY(d.showReady());
    auto *focusMenu = d.find<QMenu>("focusMenu");
    QVERIFY(focusMenu);
    QList<QAction *> paneActions;
    for (QAction *a : focusMenu->actions()) {
        if (!a->isSeparator() && a->objectName().endsWith(QLatin1String("FocusAction")))
            paneActions << a;
    }
    QCOMPARE(paneActions.size(), 7); // the Documents tab, behind the charts, is the seventh
    auto *chartsDock = d.find<QDockWidget>("chartsDock");
    chartsDock->close();
    auto *ring = d.window.findChild<syncdeck::ui::FocusRing *>();
    QVERIFY(ring);
    for (int i = 0; i < paneActions.size(); ++i) {
        const QKeySequence shortcut = paneActions[i]->shortcut();
        QCOMPARE(shortcut, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        QTest::keySequence(&d.window, shortcut);
        QWidget *focus = focusWidget();
        QVERIFY2(focus, qPrintable(paneActions[i]->text()));
        // The pane's own shortcut reopens a closed dock.
        if (paneActions[i]->objectName() == QLatin1String("chartsPanelFocusAction"))
            QVERIFY(chartsDock->isVisible());
        // The focused widget is framed, whatever its kind.
        QTRY_COMPARE(ring->trackedWidget(), focus);
        QTRY_VERIFY(ring->isVisible());
        const QRect framed(ring->mapTo(&d.window, QPoint()), ring->size());
        const QRect focused(focus->mapTo(&d.window, QPoint()), focus->size());
        QVERIFY2(focused.intersects(framed) && framed.width() > 4 && framed.height() > 4,
                 qPrintable(describe(focus)));
    }
}

void TestMainWindowAccessibility::bannerButtonsAreNamedAndOnlyShownOnesFocusable()
{
    Dashboard d;
    QVERIFY(d.showReady());
    // Assistive tools list hidden children too: a button that can be shown is always named,
    // and one that is not shown is not offered as focusable.
    const auto problems = [&d] {
        QStringList found;
        for (NotificationBanner *banner : d.window.findChildren<NotificationBanner *>()) {
            for (QAbstractButton *b : banner->findChildren<QAbstractButton *>()) {
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(b);
                const QString what = describe(b) + QStringLiteral(" of ") + banner->objectName();
                if (iface->text(QAccessible::Name).trimmed().isEmpty())
                    found << what + QStringLiteral(" has no name");
                if (iface->state().focusable != b->isVisible())
                    found << what
                            + (b->isVisible() ? QStringLiteral(" is shown, not focusable")
                                              : QStringLiteral(" is hidden, focusable"));
            }
        }
        return found.join(QStringLiteral("; "));
    };
    // The demo banner is shown without an action or a close button; the others are hidden.
    QVERIFY(d.find<NotificationBanner>("demoBanner")->isVisible());
    QVERIFY(d.find<NotificationBanner>("errorBanner")->isHidden());
    QString found = problems();
    QVERIFY2(found.isEmpty(), qPrintable(found));
    // An error with Retry: its buttons are named by what they do and reached by Tab.
    auto *error = d.find<syncdeck::ui::ErrorBanner>("errorBanner");
    int retried = 0;
    error->showError(QStringLiteral("Could not load"), QStringLiteral("Boom"), {},
                     [&retried] { ++retried; });
    QPushButton *retry = error->actionButton();
    QVERIFY(retry->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(retry)->text(QAccessible::Name),
             QStringLiteral("Retry"));
    found = problems();
    QVERIFY2(found.isEmpty(), qPrintable(found));
    retry->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focusWidget(), static_cast<QWidget *>(retry));
    QTest::keyClick(retry, Qt::Key_Space);
    QCOMPARE(retried, 1);
    // Dismissed (Retry hides it): nothing of it is offered any more.
    QVERIFY(error->isHidden());
    found = problems();
    QVERIFY2(found.isEmpty(), qPrintable(found));
}

void TestMainWindowAccessibility::floatingDockKeepsTheFocusRing()
{
    Dashboard d;
    QVERIFY(d.showReady());
    auto *ring = d.window.findChild<syncdeck::ui::FocusRing *>();
    QVERIFY(ring);
    auto *dock = d.find<QDockWidget>("detailsDock");
    auto *details = d.find<QWidget>("detailsPanel");
    dock->setFloating(true);
    QTRY_VERIFY(dock->isWindow() && dock->isVisible());
    // The pane's shortcut, as a keyboard user reaches it.
    QAction *toDetails = d.find<QAction>("detailsPanelFocusAction");
    QVERIFY(toDetails);
    QTest::keySequence(&d.window, toDetails->shortcut());
    QTRY_VERIFY(inside(details, focusWidget()));
    QWidget *focus = focusWidget();
    QTRY_COMPARE(ring->trackedWidget(), focus);
    // Framed in the floating window, around the focused widget.
    QTRY_VERIFY(ring->isVisible());
    QCOMPARE(ring->window(), static_cast<QWidget *>(dock));
    const QRect framed(ring->mapTo(dock, QPoint()), ring->size());
    const QRect focused(focus->mapTo(dock, QPoint()), focus->size());
    QVERIFY2(framed.intersects(focused) && framed.width() > 4 && framed.height() > 4,
             qPrintable(describe(focus)));
    // Back in the window (docked again, then the table): the ring follows.
    dock->setFloating(false);
    QTRY_VERIFY(!dock->isWindow());
    d.table()->activateWindow();
    d.table()->setFocus(Qt::ShortcutFocusReason);
    QTRY_COMPARE(ring->trackedWidget(), static_cast<QWidget *>(d.table()));
    QTRY_VERIFY(ring->isVisible());
    QCOMPARE(ring->window(), static_cast<QWidget *>(&d.window));
    // And into the docked details: the ring stays in the window.
    QTest::keySequence(&d.window, toDetails->shortcut());
    QTRY_VERIFY(inside(details, focusWidget()));
    QTRY_COMPARE(ring->trackedWidget(), focusWidget());
    QTRY_VERIFY(ring->isVisible());
    QCOMPARE(ring->window(), static_cast<QWidget *>(&d.window));
}

QTEST_MAIN(TestMainWindowAccessibility)
#include "tst_mainwindowaccessibility.moc"
