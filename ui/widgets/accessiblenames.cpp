#include "accessiblenames.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QToolBar>

namespace syncdeck::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("syncdeck::ui::AccessibleNames", text);
}

QString fieldName(const QWidget *field)
{
    if (!field->accessibleName().isEmpty())
        return field->accessibleName();
    QString placeholder;
    if (const auto *edit = qobject_cast<const QLineEdit *>(field))
        placeholder = edit->placeholderText();
    return placeholder;
}

void nameButton(QAbstractButton *button, const QString &name)
{
    if (button->accessibleName().isEmpty())
        button->setAccessibleName(name);
    if (button->toolTip().isEmpty())
        button->setToolTip(name);
}

} // namespace

void nameBuiltInControls(QWidget *root)
{
    const QList<QLineEdit *> edits = root->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (auto *combo = qobject_cast<QComboBox *>(edit->parentWidget());
            combo && edit->accessibleName().isEmpty()) {
            edit->setAccessibleName(combo->accessibleName());
        }
        // The clear button (setClearButtonEnabled) is the line edit's only button child.
        const QString field = fieldName(edit);
        const QList<QAbstractButton *> buttons
            = edit->findChildren<QAbstractButton *>(QString(), Qt::FindDirectChildrenOnly);
        for (QAbstractButton *button : buttons)
            nameButton(button, field.isEmpty() ? tr("Clear the field") : tr("Clear %1").arg(field));
    }
    const QList<QToolBar *> bars = root->findChildren<QToolBar *>();
    for (QToolBar *bar : bars) {
        if (auto *more = bar->findChild<QAbstractButton *>(QStringLiteral("qt_toolbar_ext_button")))
            nameButton(more, tr("More %1 controls").arg(bar->windowTitle()));
    }
}

} // namespace syncdeck::ui
