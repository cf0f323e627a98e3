#include "fleetpage.h"

#include "fleetmodel.h"
#include "fleetproxymodel.h"
#include "fleettiles.h"
#include "sparklinedelegate.h"

#include "aws/endpointresolver.h"
#include "fleet/fleetregions.h"
#include "fleet/fleetscan.h"
#include "qbusiness/client.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace syncdeck::ui {

using fleet::Attention;

FleetPage::FleetPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new FleetModel(this))
    , m_proxy(new FleetProxyModel(this))
    , m_autoRefresh(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_autoRefresh->setSingleShot(true);
    connect(m_autoRefresh, &QTimer::timeout, this, &FleetPage::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_tiles = new FleetTiles(this);
    m_tiles->setObjectName(QStringLiteral("fleetTiles"));
    layout->addWidget(m_tiles);
    buildControls();
    buildTable();
    connect(m_model, &FleetModel::countsChanged, this, &FleetPage::updateTiles);
    connect(m_model, &FleetModel::attentionEntered, this,
            [this](const fleet::FleetRow &row, Attention) {
                if (row.health.attention == Attention::Failing
                    && row.scope == fleet::FleetRow::Scope::DataSource)
                    emit dataSourceEnteredFailing(row);
            });
    connect(m_tiles, &FleetTiles::filterChosen, this, [this](std::optional<Attention> a) {
        m_attention->setCurrentIndex(a ? int(*a) + 1 : 0);
    });
    updateTiles();
}

FleetPage::~FleetPage()
{
    // The scan's calls hold the client: end them before anything else goes.
    cancel();
}

void FleetPage::buildControls()
{
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("fleetFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, ID, region, type or reason"));
    m_filter->setAccessibleName(tr("Filter data sources"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &FleetProxyModel::setTextFilter);
    m_attention = new QComboBox(this);
    m_attention->setObjectName(QStringLiteral("fleetAttentionFilter"));
    m_attention->setAccessibleName(tr("Show data sources that are"));
    m_attention->addItem(tr("All data sources"));
    for (int a = 0; a < fleet::AttentionCount; ++a)
        m_attention->addItem(FleetModel::attentionTitle(Attention(a)));
    connect(m_attention, &QComboBox::currentIndexChanged, this, &FleetPage::chooseAttention);
    m_refresh
        = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("fleetRefresh"));
    m_refresh->setAccessibleName(tr("Refresh the fleet"));
    connect(m_refresh, &QPushButton::clicked, this, &FleetPage::refresh);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("fleetStop"));
    m_stop->setAccessibleName(tr("Stop the fleet scan"));
    m_stop->setVisible(false);
    connect(m_stop, &QPushButton::clicked, this, &FleetPage::cancel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("fleetProgress"));
    m_progress->setAccessibleName(tr("Fleet scan progress"));
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("fleetStatus"));
    m_status->setTextFormat(Qt::PlainText);
    // Described, not named: a QLabel with an accessible name hides its text from screen readers.
    m_status->setAccessibleDescription(tr("Fleet scan status"));
    row->addWidget(m_filter, 2);
    // A label the combo box is read with (a screen reader names a combo box by its value).
    auto *showLabel = new QLabel(tr("Show:"), this);
    showLabel->setBuddy(m_attention);
    row->addWidget(showLabel);
    row->addWidget(m_attention);
    m_regions = new QComboBox(this);
    m_regions->setObjectName(QStringLiteral("fleetRegions"));
    m_regions->setAccessibleName(tr("Regions to scan"));
    m_regions->addItem(tr("This region"));
    m_regions->addItem(tr("All regions"));
    connect(m_regions, &QComboBox::activated, this, [this] {
        if (m_client)
            refresh();
    });
    auto *regionsLabel = new QLabel(tr("&Regions:"), this);
    regionsLabel->setBuddy(m_regions);
    row->addWidget(regionsLabel);
    row->addWidget(m_regions);
    row->addWidget(m_refresh);
    row->addWidget(m_stop);
    row->addWidget(m_progress);
    row->addWidget(m_status, 1);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
}

void FleetPage::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setAccessibleName(tr("Data sources of the fleet"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::AttentionColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(FleetModel::RecentRunsColumn, new SparklineDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    const int widths[FleetModel::ColumnCount] = {110, 220, 90, 200, 420, 190, 190, 100, 110};
    for (int c = 0; c < FleetModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c]);
    connect(m_table, &QTableView::activated, this, &FleetPage::activate);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_table, 1);
}

void FleetPage::setClient(qbusiness::Client *client, bool scan)
{
    if (client == m_client)
        return;
    cancel();
    m_autoRefresh->stop();
    m_client = client;
    m_scans = 0;
    m_model->clear();
    showRegionChoices();
    m_status->setText(client ? QString() : tr("Choose a profile to see its data sources."));
    if (client && scan)
        refresh();
}

void FleetPage::adoptClient(qbusiness::Client *client)
{
    cancel();
    m_client = client;
    showRegionChoices();
}

void FleetPage::setAllRegions(bool all)
{
    if (all == scansAllRegions())
        return;
    m_regions->setCurrentIndex(all ? 1 : 0);
    if (m_client)
        refresh();
}

bool FleetPage::scansAllRegions() const
{
    return m_regions->currentIndex() == 1;
}

// The choices name the regions they stand for: the connection's, and how many its partition has.
void FleetPage::showRegionChoices()
{
    const QString region = m_client ? m_client->config().region : QString();
    m_regions->setItemText(
        0, region.isEmpty() ? tr("This region") : tr("This region (%1)").arg(region));
    const qsizetype all = region.isEmpty() ? 0 : aws::partitionRegions(region).size();
    m_regions->setItemText(1, all == 0 ? tr("All regions") : tr("All %1 regions").arg(all));
}

// One client's region, or every region of its partition with a client per region made like it.
fleet::FleetScan *FleetPage::newScan()
{
    if (!scansAllRegions())
        return new fleet::FleetScan(m_client.data(), {}, this);
    const QString current = m_client->config().region;
    fleet::FleetScanOptions options;
    QString error;
    options.regions = fleet::selectRegions(QStringLiteral("all"), current,
                                           aws::partitionRegions(current), &error);
    if (options.regions.isEmpty())
        options.regions = {current};
    auto clientFor = [client = m_client](const QString &region, QObject *owner,
                                         QString *why) -> qbusiness::Client * {
        if (!client) {
            *why = tr("The connection was closed.");
            return nullptr;
        }
        return qbusiness::clientForRegion(client, region, owner, why);
    };
    return new fleet::FleetScan(clientFor, options, this);
}

void FleetPage::setAutoRefreshMinutes(int minutes)
{
    m_autoRefreshMinutes = std::max(0, minutes);
    if (m_autoRefreshMinutes == 0)
        m_autoRefresh->stop();
    else if (m_client && !isScanning())
        m_autoRefresh->start(m_autoRefreshMinutes * 60000);
}

bool FleetPage::isScanning() const
{
    return m_scan && m_scan->isRunning();
}

void FleetPage::refresh()
{
    cancel();
    m_autoRefresh->stop();
    if (!m_client)
        return;
    m_scan = newScan();
    m_firstRowSeen = false;
    m_model->beginScan();
    connect(m_scan, &fleet::FleetScan::rowReady, this, [this](const fleet::FleetRow &row) {
        m_model->upsert(row);
        if (!m_firstRowSeen) {
            m_firstRowSeen = true;
            emit firstRowShown();
        }
    });
    connect(m_scan, &fleet::FleetScan::progressChanged, this, &FleetPage::showProgress);
    connect(m_scan, &fleet::FleetScan::finished, this, &FleetPage::finishScan);
    m_refresh->setEnabled(false);
    m_stop->setVisible(true);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_status->setText(tr("Discovering data sources…"));
    m_scan->start();
    emit scanStarted();
}

void FleetPage::cancel()
{
    if (m_scan && m_scan->isRunning())
        m_scan->cancel(); // finished() runs finishScan() now
}

void FleetPage::showProgress(const fleet::FleetScanProgress &p)
{
    m_progress->setRange(0, p.discoveryComplete ? std::max(1, p.dataSources) : 0);
    m_progress->setValue(p.dataSourcesDone);
    m_status->setText(
        p.discoveryComplete
            ? tr("Scanning: %1 of %n data sources", nullptr, p.dataSources).arg(p.dataSourcesDone)
            : tr("Scanning: %1 data sources found in %n applications so far", nullptr,
                 p.applications)
                  .arg(p.dataSources));
}

void FleetPage::finishScan()
{
    fleet::FleetScan *scan = m_scan;
    if (!scan)
        return;
    const bool complete = !scan->wasCancelled();
    const fleet::FleetScanProgress p = scan->progress();
    m_model->endScan(complete);
    m_scan = nullptr;
    scan->deleteLater();
    m_refresh->setEnabled(true);
    m_stop->setVisible(false);
    m_progress->setVisible(false);
    const QString when = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    QString text = complete
        ? tr("%n data sources, scanned at %1", nullptr, p.dataSources).arg(when)
        : tr("Scan stopped at %1: %2 of %n data sources are current", nullptr, p.dataSources)
              .arg(when)
              .arg(p.dataSourcesDone);
    if (p.rowsWithErrors > 0)
        text += tr("; %n rows could not be read completely", nullptr, p.rowsWithErrors);
    m_status->setText(text);
    if (complete)
        ++m_scans;
    if (m_autoRefreshMinutes > 0 && m_client)
        m_autoRefresh->start(m_autoRefreshMinutes * 60000);
    emit scanFinished(p.dataSources);
}

void FleetPage::updateTiles()
{
    for (const Attention a :
         {Attention::Failing, Attention::Overdue, Attention::Running, Attention::Healthy})
        m_tiles->setCount(a, m_model->count(a));
}

void FleetPage::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const fleet::FleetRow &row = m_model->rowAt(m_proxy->mapToSource(index).row());
    if (row.scope != fleet::FleetRow::Scope::DataSource)
        return;
    emit dataSourceActivated({row.region, row.applicationId, row.indexId, row.dataSourceId},
                             row.dataSourceName);
}

void FleetPage::chooseAttention(int comboIndex)
{
    const std::optional<Attention> a
        = comboIndex <= 0 ? std::nullopt : std::optional(Attention(comboIndex - 1));
    m_proxy->setAttentionFilter(a);
    m_tiles->showFilter(a);
}

void FleetPage::focusTable()
{
    m_table->setFocus(Qt::ShortcutFocusReason);
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
}

} // namespace syncdeck::ui
