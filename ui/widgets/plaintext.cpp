#include "plaintext.h"

#include <QTextDocument>

namespace syncdeck::ui {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace syncdeck::ui
