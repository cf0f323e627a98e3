#include "plaintext.h"

#include <QLabel>
#include <QTextDocument>

namespace syncdeck::ui {

QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    // convertFromPlainText escapes every '<' and '&', so the result holds no tag of `text`.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

void setPlainText(QLabel *label, const QString &text)
{
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
}

QString plainNotificationText(const QString &text)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return text.toHtmlEscaped();
#else
    return text;
#endif
}

} // namespace syncdeck::ui
