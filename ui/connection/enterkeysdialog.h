#pragma once

#include "aws/credentials.h"

#include <QDialog>

class QLineEdit;
class QLabel;

namespace syncdeck::ui {

// Asks for an access key, secret and optional session token. They live only in memory for this
// session: never written to settings or logs.
class EnterKeysDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EnterKeysDialog(QWidget *parent = nullptr);

    aws::Credentials credentials() const;

    void accept() override;

private:
    QLineEdit *m_accessKeyId = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace syncdeck::ui
