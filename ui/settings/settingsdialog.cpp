#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace syncdeck::ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connection settings"));
    m_endpoint = new QLineEdit(this);
    m_endpoint->setPlaceholderText(tr("default: https://qbusiness.REGION.api.aws"));
    m_endpoint->setAccessibleName(tr("Endpoint override"));
    m_refresh = new QSpinBox(this);
    m_refresh->setRange(5, 600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setAccessibleName(tr("Live refresh interval"));
    m_fleetRefresh = new QSpinBox(this);
    m_fleetRefresh->setRange(0, 1440);
    m_fleetRefresh->setSuffix(tr(" min"));
    m_fleetRefresh->setSpecialValueText(tr("Off"));
    m_fleetRefresh->setAccessibleName(tr("Fleet automatic refresh interval"));
    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&Endpoint override:"), m_endpoint);
    form->addRow(tr("&Live refresh every:"), m_refresh);
    form->addRow(tr("&Fleet refresh every:"), m_fleetRefresh);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString SettingsDialog::endpointUrl() const
{
    return m_endpoint->text().trimmed();
}

void SettingsDialog::setEndpointUrl(const QString &url)
{
    m_endpoint->setText(url);
}

int SettingsDialog::refreshSeconds() const
{
    return m_refresh->value();
}

void SettingsDialog::setRefreshSeconds(int seconds)
{
    m_refresh->setValue(seconds);
}

int SettingsDialog::fleetRefreshMinutes() const
{
    return m_fleetRefresh->value();
}

void SettingsDialog::setFleetRefreshMinutes(int minutes)
{
    m_fleetRefresh->setValue(minutes);
}

void SettingsDialog::accept()
{
    const QString text = endpointUrl();
    if (!text.isEmpty()) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty()) {
            m_error->setText(tr("The endpoint must be an http:// or https:// URL with a host, "
                                "e.g. https://qbusiness.us-east-1.api.aws."));
            m_error->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace syncdeck::ui
