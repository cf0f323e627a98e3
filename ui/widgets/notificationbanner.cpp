#include "notificationbanner.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdeck::ui {

namespace {

// Banners are notifications to assistive tools: a message inside the window that needs no
// answer, what a web page's role="alert" is. AT-SPI calls that role "notification" (its "alert" is
// an alert dialog), and screen readers such as Orca speak a notification as soon as it is
// showing, wherever the focus is. A frame's default role would make a screen reader skip them.
QAccessibleInterface *bannerAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String(NotificationBanner::staticMetaObject.className()))
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Notification);
    return nullptr;
}

} // namespace

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(bannerAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled)
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Notification"));

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    offerAction({});
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss notification"));

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 6, 6);
    row->addWidget(m_icon);
    row->addLayout(texts, 1);
    row->addWidget(m_action, 0, Qt::AlignTop);
    row->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QPushButton::clicked, this, &NotificationBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    hide();
}

void NotificationBanner::showMessage(Kind kind, const QString &title, const QString &text,
                                     const QString &actionText, bool closable)
{
    m_kind = kind;
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    offerAction(actionText);
    m_close->setVisible(closable);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (kind == Kind::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (kind == Kind::Error)
        icon = QStyle::SP_MessageBoxCritical;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    setAccessibleName(title.isEmpty() ? kindName(kind) : tr("%1: %2").arg(kindName(kind), title));
    // No description: the text is the banner's shown label, which screen readers read with the
    // banner; the same text as its description was spoken twice (Orca reads both).
    // The action alone ("Retry") says little out of context: its description names the banner.
    m_action->setAccessibleDescription(accessibleName());
    applyPalette();
    const bool wasShowing = isVisible();
    show(); // also offers the shown controls to the keyboard (setVisible())
    // Announced at once, even though the focus stays where it is. Showing the banner raises
    // ObjectShow, which AT-SPI passes on as "showing" (what makes a screen reader speak a
    // notification); a new message in a banner already shown raises it too, or it went unheard.
    if (wasShowing) {
        QAccessibleEvent shownAgain(this, QAccessible::ObjectShow);
        QAccessible::updateAccessibility(&shownAgain);
    }
    // The alert event, for bridges that announce it (AT-SPI ignores it).
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void NotificationBanner::offerAction(const QString &actionText)
{
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    // Named even while it has nothing to offer: assistive tools list hidden children too, and a
    // button without a name is a defect to them. With a text, its name is that text.
    m_action->setAccessibleName(actionText.isEmpty() ? tr("Notification action") : QString());
}

void NotificationBanner::setVisible(bool visible)
{
    QFrame::setVisible(visible);
    updateFocusability();
}

void NotificationBanner::updateFocusability()
{
    // A control that is not shown is not offered as focusable (to Tab or assistive tools).
    const std::pair<QWidget *, Qt::FocusPolicy> controls[]
        = {{m_action, Qt::StrongFocus}, {m_close, Qt::TabFocus}};
    for (const auto &[control, policy] : controls) {
        if (control)
            control->setFocusPolicy(!isHidden() && !control->isHidden() ? policy : Qt::NoFocus);
    }
}

QString NotificationBanner::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Information:
        return tr("Information");
    case Kind::Warning:
        return tr("Warning");
    case Kind::Error:
        return tr("Error");
    }
    return {};
}

QString NotificationBanner::title() const
{
    return m_title->text();
}

QString NotificationBanner::text() const
{
    return m_text->text();
}

void NotificationBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Our own setPalette() raises PaletteChange too: react only to changes from outside.
    if (!m_applying
        && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        applyPalette();
}

void NotificationBanner::applyPalette()
{
    // Tint the window colour towards the kind's hue: works on light and dark palettes alike.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const QColor window = base.color(QPalette::Window);
    QColor tint = base.color(QPalette::Highlight);
    if (m_kind == Kind::Error)
        tint = QColor::fromHsl(4, 200, window.lightness() < 128 ? 150 : 110);
    else if (m_kind == Kind::Warning)
        tint = QColor::fromHsl(38, 200, window.lightness() < 128 ? 150 : 110);
    const qreal a = 0.18;
    const QColor mixed = QColor::fromRgbF(window.redF() * (1 - a) + tint.redF() * a,
                                          window.greenF() * (1 - a) + tint.greenF() * a,
                                          window.blueF() * (1 - a) + tint.blueF() * a);
    QPalette p = base;
    p.setColor(QPalette::Window, mixed);
    m_applying = true;
    setPalette(p);
    m_applying = false;
}

} // namespace syncdeck::ui
