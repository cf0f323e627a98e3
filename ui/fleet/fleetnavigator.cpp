#include "fleetnavigator.h"

#include "fleetpage.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QStackedWidget>
#include <QToolBar>

namespace syncdeck::ui {

FleetNavigator::FleetNavigator(QMainWindow *window, QMenu *viewMenu)
    : QObject(window)
{
    m_fleetAction = new QAction(tr("F&leet overview"), this);
    m_fleetAction->setObjectName(QStringLiteral("fleetAction"));
    m_fleetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_fleetAction->setToolTip(tr("Every data source's sync health at a glance"));
    connect(m_fleetAction, &QAction::triggered, this, &FleetNavigator::showFleet);
    m_backAction = new QAction(tr("&Back to the fleet"), this);
    m_backAction->setObjectName(QStringLiteral("backAction"));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, &FleetNavigator::showFleet);
    viewMenu->addAction(m_fleetAction);
    viewMenu->addAction(m_backAction);
    auto *navigation = new QToolBar(tr("Navigation"), window);
    navigation->setObjectName(QStringLiteral("navigationBar"));
    navigation->addAction(m_backAction);
    navigation->addAction(m_fleetAction);
    window->addToolBar(navigation);
}

void FleetNavigator::setPages(QStackedWidget *pages, FleetPage *fleet, QWidget *history)
{
    m_pages = pages;
    m_fleet = fleet;
    m_history = history;
    connect(m_fleet, &FleetPage::scanFinished, this, &FleetNavigator::settleFirstView);
}

bool FleetNavigator::isFleetShown() const
{
    return m_pages->currentWidget() == m_fleet;
}

void FleetNavigator::openConnection(qbusiness::Client *client, bool demo)
{
    // The fleet scans (listing every application) once it is shown, not behind a history that
    // was opened from its IDs: a role allowed only that history gets no errors from elsewhere.
    if (std::exchange(m_adoptNext, false)) {
        m_fleet->adoptClient(client);
        return;
    }
    m_firstViewSettled = false;
    const bool fleetFirst = !m_dataSourceAsked && !demo;
    if (fleetFirst)
        m_pages->setCurrentWidget(m_fleet);
    m_fleet->setClient(client, fleetFirst);
}

void FleetNavigator::closeConnection()
{
    if (std::exchange(m_keepFleet, false)) {
        m_adoptNext = true;
        m_fleet->cancel();
        return;
    }
    m_fleet->setClient(nullptr);
    m_backAction->setEnabled(false);
}

void FleetNavigator::dropKeptFleet()
{
    m_keepFleet = false;
    if (std::exchange(m_adoptNext, false))
        closeConnection();
}

void FleetNavigator::settleFirstView(int dataSources)
{
    if (m_firstViewSettled)
        return;
    m_firstViewSettled = true;
    if (dataSources <= 1 && isFleetShown() && !m_backAction->isEnabled())
        m_pages->setCurrentWidget(m_history);
}

void FleetNavigator::showFleet()
{
    if (!m_fleet->hasScanned() && !m_fleet->isScanning())
        m_fleet->refresh();
    m_pages->setCurrentWidget(m_fleet);
    m_fleet->focusTable();
}

void FleetNavigator::showHistory()
{
    m_pages->setCurrentWidget(m_history);
    m_backAction->setEnabled(true);
}

void FleetNavigator::leaveFleet()
{
    if (isFleetShown())
        showHistory();
}

void FleetNavigator::showAskedHistory()
{
    m_dataSourceAsked = true;
    m_pages->setCurrentWidget(m_history);
}

} // namespace syncdeck::ui
