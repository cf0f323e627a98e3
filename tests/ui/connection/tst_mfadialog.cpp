// The GUI's MFA hook: one answer per request, whatever the user does.
#include "connection/mfadialog.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QPointer>
#include <QTest>

using syncdeck::ui::askForMfaCode;

namespace {
struct Answers
{
    int calls = 0;
    std::optional<QString> last;
};

QInputDialog *openDialog(QWidget *parent, Answers *answers)
{
    askForMfaCode(
        parent, {QStringLiteral("prod-admin"), QStringLiteral("arn:aws:iam::123456789012:mfa/ops")},
        [answers](const std::optional<QString> &code) {
            ++answers->calls;
            answers->last = code;
        });
    return parent->findChild<QInputDialog *>(QStringLiteral("mfaDialog"));
}
} // namespace

class TestMfaDialog : public QObject
{
    Q_OBJECT
private slots:
    void codeIsAnsweredOnce_data();
    void codeIsAnsweredOnce();
    void cancelAnswersNothing();
    void destroyedDialogAnswersNothing();
};

void TestMfaDialog::codeIsAnsweredOnce_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("123456") << QStringLiteral("123456");
    QTest::newRow("surrounding spaces") << QStringLiteral(" 654321 ") << QStringLiteral("654321");
}

void TestMfaDialog::codeIsAnsweredOnce()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QMainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Answers answers;
    QPointer<QInputDialog> dialog = openDialog(&window, &answers);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->labelText().contains(QLatin1String("prod-admin")));
    QVERIFY(dialog->labelText().contains(QLatin1String("arn:aws:iam::123456789012:mfa/ops")));
    QCOMPARE(answers.calls, 0); // nothing answered before the user acts

    auto *edit = dialog->findChild<QLineEdit *>();
    QVERIFY(edit);
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!dialog); // closed and deleted
    QCOMPARE(answers.calls, 1);
    QCOMPARE(answers.last, std::optional<QString>(expected));
}

void TestMfaDialog::cancelAnswersNothing()
{
    QMainWindow window;
    window.show();
    Answers answers;
    QPointer<QInputDialog> dialog = openDialog(&window, &answers);
    QVERIFY(dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QCOMPARE(answers.calls, 1);
    QVERIFY(!answers.last.has_value());
}

void TestMfaDialog::destroyedDialogAnswersNothing()
{
    Answers answers;
    {
        QMainWindow window;
        window.show();
        QVERIFY(openDialog(&window, &answers));
        QCOMPARE(answers.calls, 0);
    } // the window (and its dialog) go away unanswered
    QCOMPARE(answers.calls, 1);
    QVERIFY(!answers.last.has_value());
}

QTEST_MAIN(TestMfaDialog)
#include "tst_mfadialog.moc"
