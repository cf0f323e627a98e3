#include "enterkeysdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace syncdeck::ui {

EnterKeysDialog::EnterKeysDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Enter AWS keys"));
    setObjectName(QStringLiteral("enterKeysDialog"));
    m_accessKeyId = new QLineEdit(this);
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyId"));
    m_accessKeyId->setAccessibleName(tr("Access key ID"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretAccessKey"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Secret access key"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("sessionToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Session token (optional)"));
    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Access key ID:"), m_accessKeyId);
    form->addRow(tr("&Secret access key:"), m_secret);
    form->addRow(tr("Session &token:"), m_token);
    auto *note = new QLabel(tr("Keys are kept in memory for this session only."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnterKeysDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EnterKeysDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

aws::Credentials EnterKeysDialog::credentials() const
{
    aws::Credentials c;
    c.accessKeyId = m_accessKeyId->text().trimmed();
    c.secretAccessKey = aws::SecretString(m_secret->text().trimmed());
    c.sessionToken = aws::SecretString(m_token->text().trimmed());
    c.source = QStringLiteral("keys entered in SyncDeck");
    return c;
}

void EnterKeysDialog::accept()
{
    const QString id = m_accessKeyId->text().trimmed();
    if (id.size() < 16 || m_secret->text().trimmed().isEmpty()) {
        m_error->setText(tr("Enter the access key ID (it starts with AKIA or ASIA) and its secret "
                            "access key."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace syncdeck::ui
