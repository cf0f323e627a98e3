#pragma once

#include <QMessageBox>

namespace syncdeck::ui {

// The dashboard's modal message boxes, with KeePassXC's seam for tests: an answer given to
// setNextAnswer() is returned by the next box instead of showing it. Texts are plain text: they
// can hold names that came from the network.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    // The next box returns `answer` at once; NoButton shows boxes again.
    static void setNextAnswer(QMessageBox::StandardButton answer);

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent,
                                            const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);

    static QMessageBox::StandardButton s_nextAnswer;
};

} // namespace syncdeck::ui
