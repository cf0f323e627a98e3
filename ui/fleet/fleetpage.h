#pragma once

#include "fleet/fleetrow.h"
#include "qbusiness/consolelinks.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace syncdeck::qbusiness {
class Client;
}
namespace syncdeck::fleet {
class FleetScan;
struct FleetScanProgress;
} // namespace syncdeck::fleet

namespace syncdeck::ui {

class FleetModel;
class FleetProxyModel;
class FleetTiles;

// The fleet view: every data source of the connection's region (or of every region of its
// partition) with its health, most urgent first; summary tiles, a filter, progress while the scan
// runs, Refresh and an automatic refresh. A refresh updates rows in place, so sorting, filter,
// selection and scrolling stay; activating a data source row (Enter, double-click) asks for its
// history.
class FleetPage : public QWidget
{
    Q_OBJECT
public:
    explicit FleetPage(QWidget *parent = nullptr);
    ~FleetPage() override;

    // The client to scan with (not owned; nullptr: none). A different client clears the rows
    // and, when `scan` is true, starts a scan.
    void setClient(qbusiness::Client *client, bool scan = true);
    // The client of the same connection reopened in another region (a data source of another
    // region was opened from the fleet): rows, scope, filters and selection stay.
    void adoptClient(qbusiness::Client *client);
    // Scans cover every region of the connection's partition (else the connection's region).
    // Changing it scans again.
    void setAllRegions(bool all);
    bool scansAllRegions() const;
    // Minutes between the end of one scan and the start of the next; 0: no automatic refresh.
    void setAutoRefreshMinutes(int minutes);
    int autoRefreshMinutes() const { return m_autoRefreshMinutes; }

    bool isScanning() const;
    // Whether a scan has completed since the client was set.
    bool hasScanned() const { return m_scans > 0; }
    FleetModel *model() const { return m_model; }
    FleetProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    FleetTiles *tiles() const { return m_tiles; }

public slots:
    // Starts a scan (a scan running is cancelled first).
    void refresh();
    void cancel();
    void focusTable();

signals:
    // Enter or double-click on a data source row.
    void dataSourceActivated(const syncdeck::qbusiness::ResourceReference &ids,
                             const QString &dataSourceName);
    // A data source known from an earlier scan of this client became failing (never for the
    // first sight of a data source, nor again while it stays failing).
    void dataSourceEnteredFailing(const syncdeck::fleet::FleetRow &row);
    void scanStarted();
    // A scan ended (also when cancelled); `dataSources` as discovered.
    void scanFinished(int dataSources);
    // The first row of a scan is in the table.
    void firstRowShown();

private:
    void buildControls();
    void buildTable();
    void showProgress(const fleet::FleetScanProgress &progress);
    void finishScan();
    void updateTiles();
    void activate(const QModelIndex &index);
    void chooseAttention(int comboIndex);
    void showRegionChoices();
    fleet::FleetScan *newScan();

    QPointer<qbusiness::Client> m_client;
    fleet::FleetScan *m_scan = nullptr; // owned; replaced by every refresh
    int m_scans = 0;
    bool m_firstRowSeen = false;
    int m_autoRefreshMinutes = 0;

    FleetModel *m_model = nullptr;
    FleetProxyModel *m_proxy = nullptr;
    FleetTiles *m_tiles = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_attention = nullptr;
    QComboBox *m_regions = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_autoRefresh = nullptr;
};

} // namespace syncdeck::ui
