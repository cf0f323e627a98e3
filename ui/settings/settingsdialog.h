#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace syncdeck::ui {

// Connection settings that are not secrets: the endpoint override and the live refresh interval.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QString endpointUrl() const;
    void setEndpointUrl(const QString &url);
    int refreshSeconds() const;
    void setRefreshSeconds(int seconds);
    // The fleet view's automatic refresh; 0: off.
    int fleetRefreshMinutes() const;
    void setFleetRefreshMinutes(int minutes);

    void accept() override;

private:
    QLineEdit *m_endpoint = nullptr;
    QSpinBox *m_refresh = nullptr;
    QSpinBox *m_fleetRefresh = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace syncdeck::ui
