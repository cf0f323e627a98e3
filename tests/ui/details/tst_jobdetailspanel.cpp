#include "details/jobdetailspanel.h"

#include <QAccessible>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>

using syncdeck::qbusiness::SyncJob;
using syncdeck::ui::JobDetailsPanel;

namespace {
SyncJob failedJob(const QString &message)
{
    SyncJob job;
    job.executionId = QStringLiteral("00000000-0000-4000-8000-000000000001");
    job.startTime = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    job.endTime = job.startTime.addSecs(3725);
    job.status = QStringLiteral("FAILED");
    job.errorCode = QStringLiteral("InvalidRequest");
    job.errorMessage = message;
    job.dataSourceErrorCode = QStringLiteral("S3-403");
    job.metrics.documentsScanned = 1200;
    job.metrics.documentsFailed = 3;
    return job;
}
} // namespace

class TestJobDetailsPanel : public QObject
{
    Q_OBJECT
private slots:
    void showsServerTextLiterally_data();
    void showsServerTextLiterally();
    void explainsTheError();
    void linksAndCopy();
    void placeholderWithoutJob();
    void valuesReachAssistiveTools();
};

void TestJobDetailsPanel::showsServerTextLiterally_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("html") << QStringLiteral("<b>html</b>");
    QTest::newRow("link") << QStringLiteral("<a href=\"https://evil.example\">click</a>");
    QTest::newRow("entities") << QStringLiteral("a &amp; b &lt;c&gt;");
    QTest::newRow("multi-line") << QStringLiteral("line 1\nline 2");
}

void TestJobDetailsPanel::showsServerTextLiterally()
{
    QFETCH(QString, message);
    JobDetailsPanel panel;
    panel.show();
    panel.setJob(failedJob(message));
    QLabel *label = panel.errorMessageLabel();
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), message);
    QVERIFY(label->wordWrap());
    QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
    // Every value label of the panel shows server text as plain text.
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    for (QLabel *l : labels) {
        if (l->objectName().startsWith(QLatin1String("details")))
            QCOMPARE(l->textFormat(), Qt::PlainText);
    }
}

void TestJobDetailsPanel::explainsTheError()
{
    JobDetailsPanel panel;
    panel.setJob(failedJob(QStringLiteral("x")));
    // The connector's own code (S3-403) says more than the job's InvalidRequest.
    QVERIFY2(panel.explanationLabel()->text().contains(QLatin1String("S3-403")),
             qPrintable(panel.explanationLabel()->text()));
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("Failed"));
    QCOMPARE(panel.statusLabel()->toolTip(), QStringLiteral("FAILED"));
    auto *duration = panel.findChild<QLabel *>(QStringLiteral("detailsDuration"));
    QVERIFY(duration);
    QCOMPARE(duration->text(), QStringLiteral("1h 02m 05s"));
    auto *added = panel.findChild<QLabel *>(QStringLiteral("detailsAdded"));
    QCOMPARE(added->text(), QStringLiteral("not reported"));
}

void TestJobDetailsPanel::linksAndCopy()
{
    JobDetailsPanel panel;
    const QString app = QStringLiteral("a").repeated(36);
    const QString ds = QStringLiteral("d").repeated(36);
    panel.setContext(QStringLiteral("eu-west-1"), app, QStringLiteral("i").repeated(36), ds);
    const SyncJob job = failedJob(QStringLiteral("<b>html</b>"));
    panel.setJob(job);
    QVERIFY(panel.consoleUrl().toString().startsWith(
        QLatin1String("https://eu-west-1.console.aws.amazon.com/amazonq/business/applications/")));
    QVERIFY(panel.logStreamUrl().toString(QUrl::FullyEncoded).contains(job.executionId));
    panel.copyExecutionId();
    QCOMPARE(QGuiApplication::clipboard()->text(), job.executionId);
    panel.copyJson();
    const QJsonObject o
        = QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("executionId")).toString(), job.executionId);
    QCOMPARE(o.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("errorMessage"))
                 .toString(),
             QStringLiteral("<b>html</b>"));
    QCOMPARE(o.value(QStringLiteral("metrics"))
                 .toObject()
                 .value(QStringLiteral("documentsScanned"))
                 .toString(),
             QStringLiteral("1200"));
    QCOMPARE(o.value(QStringLiteral("startTime")).toString(),
             QStringLiteral("2024-05-01T12:00:00Z"));
}

void TestJobDetailsPanel::placeholderWithoutJob()
{
    JobDetailsPanel panel;
    panel.show();
    QVERIFY(!panel.hasJob());
    const QList<QPushButton *> buttons = panel.findChildren<QPushButton *>();
    QVERIFY(!buttons.isEmpty());
    for (QPushButton *b : buttons)
        QVERIFY(!b->isEnabled());
    panel.setJob(failedJob(QStringLiteral("x")));
    panel.clearJob();
    QVERIFY(!panel.hasJob());
}

void TestJobDetailsPanel::valuesReachAssistiveTools()
{
    JobDetailsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QString longMessage = QStringLiteral("The crawler stopped at document %1. ").repeated(80);
    SyncJob job = failedJob(longMessage);
    panel.setJob(job);
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    int values = 0;
    for (QLabel *value : labels) {
        if (!value->objectName().startsWith(QLatin1String("details")))
            continue;
        ++values;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(value);
        QVERIFY(iface);
        // The field label names the value (Orca follows this relation)...
        const auto labelled = iface->relations(QAccessible::Label);
        QVERIFY2(labelled.size() == 1, qPrintable(value->objectName()));
        const QString field = labelled.first().first->text(QAccessible::Name);
        QVERIFY2(field.endsWith(QLatin1Char(':')), qPrintable(field));
        // ...and the value's own name is the whole value alone: a screen reader reads the
        // relation, then the name ("Ended: 2024-05-01 …"), never the field twice.
        const QString name = iface->text(QAccessible::Name);
        QVERIFY2(!name.startsWith(field), qPrintable(name));
        QCOMPARE(name, value->text().isEmpty() ? QStringLiteral("none") : value->text());
        QVERIFY2(value->focusPolicy() & Qt::TabFocus, qPrintable(value->objectName()));
    }
    QCOMPARE(values, 15);
    auto nameOf = [&panel](const char *objectName) {
        return QAccessible::queryAccessibleInterface(
                   panel.findChild<QLabel *>(QLatin1String(objectName)))
            ->text(QAccessible::Name);
    };
    QCOMPARE(nameOf("detailsErrorMessage"), longMessage);
    QCOMPARE(nameOf("detailsStatus"), QStringLiteral("Failed"));
    QCOMPARE(nameOf("detailsScanned"), QLocale().toString(1200));
    QCOMPARE(nameOf("detailsAdded"), QStringLiteral("not reported"));
    const QString utcStart = QStringLiteral("(12:00:00 UTC)");
    QVERIFY2(nameOf("detailsStart").startsWith(QLatin1String("2024-05-01 ")),
             qPrintable(nameOf("detailsStart")));
    QVERIFY(nameOf("detailsStart").endsWith(utcStart));

    // Another selection: the names follow.
    job.status = QStringLiteral("SUCCEEDED");
    job.errorMessage.clear();
    job.metrics.documentsAdded = 7;
    panel.setJob(job);
    QCOMPARE(nameOf("detailsStatus"), QStringLiteral("Succeeded"));
    QCOMPARE(nameOf("detailsErrorMessage"), QStringLiteral("none"));
    QCOMPARE(nameOf("detailsAdded"), QStringLiteral("7"));

    // Without a run, the reason is what a screen reader finds.
    panel.clearJob();
    auto *placeholder = panel.findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(placeholder && placeholder->isVisible());
    QVERIFY(placeholder->focusPolicy() & Qt::TabFocus);
    QVERIFY(QAccessible::queryAccessibleInterface(placeholder)
                ->text(QAccessible::Name)
                .contains(QLatin1String("Select a run")));
}

QTEST_MAIN(TestJobDetailsPanel)
#include "tst_jobdetailspanel.moc"
