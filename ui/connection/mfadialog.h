#pragma once

#include "aws/mfaprompt.h"

class QWidget;

namespace syncdeck::ui {

// The GUI's MFA hook for assume-role profiles with mfa_serial: a window-modal dialog that does not
// block the event loop (QDialog::open). `answer` runs exactly once: with the code on OK, with
// std::nullopt on Cancel or when the dialog is destroyed unanswered.
void askForMfaCode(QWidget *parent, const aws::MfaRequest &request, aws::MfaAnswer answer);

} // namespace syncdeck::ui
