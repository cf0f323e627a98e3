#include "mfadialog.h"

#include <QInputDialog>
#include <QLineEdit>

#include <memory>

namespace syncdeck::ui {

void askForMfaCode(QWidget *parent, const aws::MfaRequest &request, aws::MfaAnswer answer)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("mfaDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(QObject::tr("MFA code"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setLabelText(QObject::tr("Profile %1 assumes a role that needs a code from your MFA "
                                     "device\n%2.\n\nEnter the current code:")
                             .arg(request.profile, request.serialNumber));
    dialog->setOkButtonText(QObject::tr("Continue"));
    dialog->setAccessibleName(QObject::tr("MFA code for profile %1").arg(request.profile));

    // Shared so that whichever comes first (OK, Cancel, destruction) answers, and only once.
    auto pending = std::make_shared<aws::MfaAnswer>(std::move(answer));
    const auto reply = [pending](const std::optional<QString> &code) {
        if (!*pending)
            return;
        const aws::MfaAnswer done = std::move(*pending);
        *pending = nullptr;
        done(code);
    };
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog,
                     [reply](const QString &text) {
                         const QString code = text.trimmed();
                         reply(code.isEmpty() ? std::nullopt : std::optional<QString>(code));
                     });
    QObject::connect(dialog, &QDialog::rejected, dialog, [reply] { reply(std::nullopt); });
    QObject::connect(dialog, &QObject::destroyed, dialog, [reply] { reply(std::nullopt); });
    dialog->open();
}

} // namespace syncdeck::ui
