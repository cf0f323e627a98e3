#include "settingsdialog.h"

#include "windowsettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    buildCacheRows(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void SettingsDialog::buildCacheRows(QFormLayout *form)
{
    m_cacheDir = new QLineEdit(this);
    m_cacheDir->setAccessibleName(tr("History cache folder"));
    m_cacheSize = new QSpinBox(this);
    m_cacheSize->setRange(0, 1024 * 1024);
    m_cacheSize->setSuffix(tr(" MB"));
    m_cacheSize->setSpecialValueText(tr("no limit"));
    m_cacheSize->setAccessibleName(tr("History cache size limit"));
    m_cacheAge = new QSpinBox(this);
    m_cacheAge->setRange(0, 36500);
    m_cacheAge->setSuffix(tr(" days"));
    m_cacheAge->setSpecialValueText(tr("keep everything"));
    m_cacheAge->setAccessibleName(tr("History cache age limit"));
    auto *clearAll = new QPushButton(tr("Clear &whole cache"), this);
    clearAll->setObjectName(QStringLiteral("clearCacheButton"));
    m_clearDataSource = new QPushButton(tr("Clear this &data source"), this);
    m_clearDataSource->setObjectName(QStringLiteral("clearDataSourceCacheButton"));
    m_clearDataSource->setEnabled(false);
    connect(clearAll, &QPushButton::clicked, this, [this] { emit clearCacheRequested(true); });
    connect(m_clearDataSource, &QPushButton::clicked, this,
            [this] { emit clearCacheRequested(false); });
    auto *clearRow = new QHBoxLayout;
    clearRow->addWidget(m_clearDataSource);
    clearRow->addWidget(clearAll);
    clearRow->addStretch();
    form->addRow(tr("History &cache folder:"), m_cacheDir);
    form->addRow(tr("Cache &size limit:"), m_cacheSize);
    form->addRow(tr("Drop runs &older than:"), m_cacheAge);
    form->addRow(QString(), clearRow);
}

QString SettingsDialog::cacheDirectory() const
{
    return m_cacheDir->text().trimmed();
}

void SettingsDialog::setCacheDirectory(const QString &directory, const QString &defaultDirectory)
{
    m_cacheDir->setPlaceholderText(tr("default: %1").arg(defaultDirectory));
    m_cacheDir->setText(directory);
}

int SettingsDialog::cacheMaxMegabytes() const
{
    return m_cacheSize->value();
}

int SettingsDialog::cacheMaxAgeDays() const
{
    return m_cacheAge->value();
}

void SettingsDialog::setCacheLimits(int maxMegabytes, int maxAgeDays)
{
    m_cacheSize->setValue(maxMegabytes);
    m_cacheAge->setValue(maxAgeDays);
}

void SettingsDialog::setCanClearDataSource(bool can)
{
    m_clearDataSource->setEnabled(can);
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

void SettingsDialog::showSettings(const WindowSettings &settings,
                                  const QString &defaultCacheDirectory)
{
    setRefreshSeconds(settings.refreshSeconds);
    setFleetRefreshMinutes(settings.fleetRefreshMinutes);
    setCacheDirectory(settings.cacheDirectory, defaultCacheDirectory);
    setCacheLimits(settings.cacheMaxMegabytes, settings.cacheMaxAgeDays);
}

bool SettingsDialog::applyTo(WindowSettings &settings) const
{
    settings.refreshSeconds = refreshSeconds();
    settings.fleetRefreshMinutes = fleetRefreshMinutes();
    const bool cacheChanged = cacheDirectory() != settings.cacheDirectory
        || cacheMaxMegabytes() != settings.cacheMaxMegabytes
        || cacheMaxAgeDays() != settings.cacheMaxAgeDays;
    settings.cacheDirectory = cacheDirectory();
    settings.cacheMaxMegabytes = cacheMaxMegabytes();
    settings.cacheMaxAgeDays = cacheMaxAgeDays();
    return cacheChanged;
}

} // namespace syncdeck::ui
