#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace syncdeck::ui {

// A non-modal, in-window banner: errors with a Retry, notifications, the demo notice.
// Its text comes from the network, so it is shown as plain text. To assistive tools it is a
// notification named by kind and title ("Error: Cannot go there"), spoken each time it is shown.
class NotificationBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit NotificationBanner(QWidget *parent = nullptr);

    // actionText empty: no action button. closable: whether the user may dismiss it.
    void showMessage(Kind kind, const QString &title, const QString &text,
                     const QString &actionText = {}, bool closable = true);
    QString title() const;
    QString text() const;
    Kind kind() const { return m_kind; }
    // "Error", "Warning", "Information": the kind in words (assistive tools name banners so).
    static QString kindName(Kind kind);
    QPushButton *actionButton() const { return m_action; }

    void setVisible(bool visible) override;

signals:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void offerAction(const QString &actionText);
    void updateFocusability();

    Kind m_kind = Kind::Information;
    bool m_applying = false;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace syncdeck::ui
