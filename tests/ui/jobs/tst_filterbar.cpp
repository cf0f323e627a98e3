// The filter bar: what goes to the service (status, time range), the command line's filters,
// statuses newer than this build, and the Load all / Cancel pair.
#include "jobs/filterbar.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using syncdeck::qbusiness::SyncJob;
using syncdeck::ui::FilterBar;

class TestFilterBar : public QObject
{
    Q_OBJECT
private slots:
    void statusesNewerThanThisBuildAreKept();
    void launchFiltersMakeACustomRange_data();
    void launchFiltersMakeACustomRange();
    void userChangesStartANewListing();
    void loadAllAndCancel();
    void greyedFieldsShowThePreset();
    void greyedFieldsSayWhy();
    void tabOrderFollowsTheBar();
};

void TestFilterBar::statusesNewerThanThisBuildAreKept()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    auto *status = bar.findChild<QComboBox *>(QStringLiteral("statusFilter"));
    const int known = status->count();
    bar.setStatusFilter(QStringLiteral("FAILED"));
    QCOMPARE(bar.statusFilter(), QStringLiteral("FAILED"));
    QCOMPARE(status->count(), known);
    bar.setStatusFilter(QStringLiteral("PAUSED"));
    QCOMPARE(bar.statusFilter(), QStringLiteral("PAUSED"));
    QCOMPARE(status->count(), known + 1);

    SyncJob queued;
    queued.status = QStringLiteral("QUEUED");
    SyncJob failed;
    failed.status = QStringLiteral("FAILED");
    bar.offerStatusesOf({queued, failed, queued});
    QCOMPARE(status->count(), known + 2);
    QVERIFY(status->findData(QStringLiteral("QUEUED")) >= 0);
    QCOMPARE(bar.statusFilter(), QStringLiteral("PAUSED")); // the choice stays
}

void TestFilterBar::launchFiltersMakeACustomRange_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    const QDateTime may1 = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    QTest::newRow("start only") << may1 << QDateTime();
    QTest::newRow("both") << may1 << may1.addDays(2);
    QTest::newRow("end only") << QDateTime() << may1;
}

void TestFilterBar::launchFiltersMakeACustomRange()
{
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    QCOMPARE(bar.range(), FilterBar::AllTime);
    QSignalSpy changed(&bar, &FilterBar::filtersChanged);
    bar.applyLaunchFilters(QStringLiteral("FAILED"), start, end);
    QCOMPARE(changed.size(), 0); // the listing starts when a data source is chosen
    QCOMPARE(bar.range(), FilterBar::Custom);
    QCOMPARE(bar.statusFilter(), QStringLiteral("FAILED"));
    QDateTime from, to;
    bar.timeRange(&from, &to);
    QCOMPARE(from.timeSpec(), Qt::UTC);
    QCOMPARE(to.timeSpec(), Qt::UTC);
    // An open start is 30 days back, an open end is now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(from, start.isValid() ? start : from);
    QCOMPARE(to, end.isValid() ? end : to);
    if (!start.isValid())
        QVERIFY(qAbs(from.secsTo(now) - 30 * 86400) < 120);
    if (!end.isValid())
        QVERIFY(qAbs(to.secsTo(now)) < 120);
}

void TestFilterBar::userChangesStartANewListing()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    QSignalSpy changed(&bar, &FilterBar::filtersChanged);
    auto *range = bar.findChild<QComboBox *>(QStringLiteral("range"));
    range->setCurrentIndex(FilterBar::Last7d);
    emit range->activated(FilterBar::Last7d);
    QCOMPARE(changed.size(), 1);
    QDateTime from, to;
    bar.timeRange(&from, &to);
    QVERIFY(qAbs(from.secsTo(QDateTime::currentDateTimeUtc()) - 7 * 86400) < 120);
    QVERIFY(!to.isValid());
    auto *status = bar.findChild<QComboBox *>(QStringLiteral("statusFilter"));
    const int aborted = status->findData(QStringLiteral("ABORTED"));
    status->setCurrentIndex(aborted);
    emit status->activated(aborted);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(bar.statusFilter(), QStringLiteral("ABORTED"));
}

void TestFilterBar::loadAllAndCancel()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    bar.resize(1400, bar.sizeHint().height()); // room for every button, as in the window
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto *loadAll = bar.findChild<QPushButton *>(QStringLiteral("loadAll"));
    auto *cancel = bar.findChild<QPushButton *>(QStringLiteral("cancelLoadAll"));
    QVERIFY(!loadAll->isEnabled());
    QVERIFY(!cancel->isVisible());
    QSignalSpy requested(&bar, &FilterBar::loadAllRequested);
    QSignalSpy cancelled(&bar, &FilterBar::loadAllCancelled);
    bar.setLoadAllState(true, false);
    QVERIFY(loadAll->isEnabled());
    QTest::mouseClick(loadAll, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    bar.setLoadAllState(true, true);
    QVERIFY(!loadAll->isEnabled());
    QTRY_VERIFY(cancel->isVisible()); // the tool bar lays it out
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);
    bar.setLoadAllState(false, false);
    QVERIFY(!loadAll->isEnabled());
    QTRY_VERIFY(!cancel->isVisible());
}

void TestFilterBar::greyedFieldsShowThePreset()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    auto *range = bar.findChild<QComboBox *>(QStringLiteral("range"));
    const QList<QDateTimeEdit *> fields = bar.findChildren<QDateTimeEdit *>();
    QCOMPARE(fields.size(), 2);
    range->setCurrentIndex(FilterBar::Last24h);
    emit range->activated(FilterBar::Last24h);
    QVERIFY(!fields[0]->isEnabled());
    const QDateTime now = QDateTime::currentDateTime();
    QVERIFY2(qAbs(fields[0]->dateTime().secsTo(now) - 86400) < 120,
             qPrintable(fields[0]->dateTime().toString()));
    QVERIFY(qAbs(fields[1]->dateTime().secsTo(now)) < 120);
    QCOMPARE(bar.description(), QStringLiteral("Last 24 hours"));
    range->setCurrentIndex(FilterBar::AllTime);
    emit range->activated(FilterBar::AllTime);
    QCOMPARE(bar.description(), QString());
}

void TestFilterBar::greyedFieldsSayWhy()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    auto *range = bar.findChild<QComboBox *>(QStringLiteral("range"));
    const QList<QDateTimeEdit *> fields = bar.findChildren<QDateTimeEdit *>();
    QCOMPARE(fields.size(), 2);
    const auto choose = [range](FilterBar::Range r) {
        range->setCurrentIndex(r);
        emit range->activated(r);
    };
    for (FilterBar::Range r : {FilterBar::AllTime, FilterBar::Last7d}) {
        choose(r);
        for (QDateTimeEdit *field : fields) {
            QVERIFY(!field->isEnabled());
            // Why it is greyed, and what to do, to the eye (tooltip) and to a screen reader.
            const QString tip = field->toolTip();
            QVERIFY2(tip.contains(range->currentText()) && tip.contains(QStringLiteral("Custom…")),
                     qPrintable(tip));
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(field);
            QCOMPARE(iface->text(QAccessible::Description), tip);
            QVERIFY(iface->state().disabled);
            QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        }
    }
    choose(FilterBar::Custom);
    for (QDateTimeEdit *field : fields) {
        QVERIFY(field->isEnabled());
        QVERIFY2(!field->toolTip().contains(QStringLiteral("Custom…")),
                 qPrintable(field->toolTip()));
        QVERIFY(field->toolTip().contains(QStringLiteral("local time")));
        QCOMPARE(QAccessible::queryAccessibleInterface(field)->text(QAccessible::Description),
                 field->toolTip());
    }
}

void TestFilterBar::tabOrderFollowsTheBar()
{
    QAction refresh(QStringLiteral("Refresh"));
    FilterBar bar(&refresh);
    bar.resize(1400, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowActive(&bar));
    auto *status = bar.findChild<QComboBox *>(QStringLiteral("statusFilter"));
    auto *range = bar.findChild<QComboBox *>(QStringLiteral("range"));
    const QList<QDateTimeEdit *> fields = bar.findChildren<QDateTimeEdit *>();
    auto *quick = bar.findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    QWidget *refreshButton = nullptr;
    for (QToolButton *b : bar.findChildren<QToolButton *>()) {
        if (b->defaultAction() == &refresh)
            refreshButton = b;
    }
    QVERIFY(refreshButton);
    const auto walk = [&](const QList<QWidget *> &expected) -> QString {
        status->setFocus(Qt::TabFocusReason);
        QWidget *previous = status;
        for (QWidget *next : expected) {
            // Tab first walks the sections of a date field (Qt's way: year, month, day, hour,
            // minute), then leaves it.
            for (int sections = 0; sections < 5; ++sections) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QWidget *focus = QApplication::focusWidget();
                if (!qobject_cast<QDateTimeEdit *>(previous)
                    || !(focus == previous || previous->isAncestorOf(focus)))
                    break;
            }
            previous = next;
            QWidget *now = QApplication::focusWidget();
            // A date field's focus sits in its line edit.
            if (!now || !(now == next || next->isAncestorOf(now)))
                return QStringLiteral("expected %1 \"%2\", got %3 \"%4\"")
                    .arg(QLatin1String(next->metaObject()->className()), next->accessibleName(),
                         QLatin1String(now ? now->metaObject()->className() : "nothing"),
                         now ? now->accessibleName() : QString());
        }
        return {};
    };
    // A preset range: Tab skips the greyed dates.
    range->setCurrentIndex(FilterBar::Last7d);
    emit range->activated(FilterBar::Last7d);
    QString problem = walk({range, refreshButton, quick});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Custom: left to right through the dates, then on.
    range->setCurrentIndex(FilterBar::Custom);
    emit range->activated(FilterBar::Custom);
    problem = walk({range, fields[0], fields[1], refreshButton, quick});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
