#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace syncdeck::ui {

struct WindowSettings;

// Settings that are not secrets: the endpoint override, the live refresh interval and the history
// cache (folder, size and age limits, clearing it).
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

    // The history cache's folder (empty: the default) and limits (0: none).
    QString cacheDirectory() const;
    void setCacheDirectory(const QString &directory, const QString &defaultDirectory);
    int cacheMaxMegabytes() const;
    int cacheMaxAgeDays() const;
    void setCacheLimits(int maxMegabytes, int maxAgeDays);
    // "Clear this data source" is offered only when one is open.
    void setCanClearDataSource(bool can);

    // Shows the refresh intervals and the cache settings of `settings` (the cache folder against
    // `defaultCacheDirectory`).
    void showSettings(const WindowSettings &settings, const QString &defaultCacheDirectory);
    // Writes the chosen refresh intervals and cache settings into `settings`; true when the
    // cache's folder or limits changed (the cache then opens again).
    bool applyTo(WindowSettings &settings) const;

    void accept() override;

signals:
    // The user asked to clear the whole cache, or the open data source's history.
    void clearCacheRequested(bool all);

private:
    void buildCacheRows(QFormLayout *form);

    QLineEdit *m_endpoint = nullptr;
    QSpinBox *m_refresh = nullptr;
    QSpinBox *m_fleetRefresh = nullptr;
    QLineEdit *m_cacheDir = nullptr;
    QSpinBox *m_cacheSize = nullptr;
    QSpinBox *m_cacheAge = nullptr;
    QPushButton *m_clearDataSource = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace syncdeck::ui
